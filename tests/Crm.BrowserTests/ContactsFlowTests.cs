using Microsoft.Playwright;

namespace Crm.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ContactsFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Owner_CreatesCompanyAndPerson_SearchesOpensAndEdits()
    {
        var page = await fixture.NewPageAsync();
        await BrowserAccounts.RegisterAsync(fixture, page, $"grace-{Guid.NewGuid():N}@example.com", "Grace Hopper");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("No contacts yet")).ToBeVisibleAsync();

        // A company
        await page.GetByRole(AriaRole.Link, new() { Name = "New Contact" }).ClickAsync();
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Company");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Remington Rand");
        await page.GetByLabel("E-mail").FillAsync("info@remington.example");
        await page.GetByLabel("City").FillAsync("Philadelphia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remington Rand" })).ToBeVisibleAsync();

        // A person in it, from the company's page; first with a bad e-mail
        await page.GetByRole(AriaRole.Link, new() { Name = "Add person" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Betty Holberton");
        await page.GetByLabel("Job title").FillAsync("Programmer");
        await page.GetByLabel("E-mail").FillAsync("betty.at.remington");
        await page.GetByLabel("Phone").FillAsync("+1 215 555 0142");
        await page.GetByLabel("Salesperson").SelectOptionAsync(new SelectOptionValue { Label = "Grace Hopper" });
        await page.GetByLabel("Tags").FillAsync("UNIVAC, Key account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("Enter a valid e-mail address, like name@example.com.");
        await Assertions.Expect(page.GetByLabel("Job title")).ToHaveValueAsync("Programmer");
        await BrowserFixture.ScreenshotAsync(page, "contacts-02-new-validation-error");
        await page.GetByLabel("E-mail").FillAsync("betty@remington.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Betty Holberton" })).ToBeVisibleAsync();

        // Search the list
        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts" }).First.ClickAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("remington");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.contacts-list tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "contacts-01-list");

        // Open the person and edit
        await page.GetByRole(AriaRole.Link, new() { Name = "Betty Holberton" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remington Rand" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".tag-list .badge")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "contacts-03-contact-page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Job title").FillAsync("Lead Programmer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Lead Programmer").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("was saved");

        // The company page lists its person; Setup shows the series that numbered them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Remington Rand" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".person-list")).ToContainTextAsync("Betty Holberton");
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Next contact no.:")).ToContainTextAsync("CT00003");
        await BrowserFixture.ScreenshotAsync(page, "contacts-04-setup");
    }
}
