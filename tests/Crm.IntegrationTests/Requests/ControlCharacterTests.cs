using System.Net;
using Crm.Core.Changes;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Requests;

/// <summary>
/// A control character in a text field is refused next to the field and nothing is stored. A raw NUL never gets that
/// far: the framework's form reader refuses it, and the request gets the 400 page (<see cref="MalformedRequestTests"/>).
/// </summary>
public sealed class ControlCharacterTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Theory]
    [InlineData("Name", "Ada\u0001Lovelace")]
    [InlineData("City", "Lon\u001bdon")]
    [InlineData("Street", "1 Main St\nEvil")]
    public async Task NewContact_ControlCharacter_RefusedNextToField(string field, string value)
    {
        var owner = await factory.RegisterAsync();
        var fields = new Dictionary<string, string> { ["Name"] = "Ada Lovelace", [field] = value };

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", "form.contact-form", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(TextRules.LineBreakMessage, page.FieldError(field));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId)));
    }

    [Fact]
    public async Task QuickLog_ControlCharacterInSummary_RefusedNextToField()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Grace Hopper");

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/{contactId}/timeline", "form.quick-log-form", new()
        {
            ["Type"] = "Call",
            ["Summary"] = "Called\u0007 back",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(TextRules.LineBreakMessage, page.FieldError("Summary"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task NewBook_ControlCharacterInName_RefusedNextToField()
    {
        var owner = await factory.RegisterAsync();

        var response = await owner.Client.SubmitFormAsync("/books/new", "main form", new() { ["Name"] = "Sales\u001bBook" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(TextRules.LineBreakMessage, page.FieldError("Name"));
        Assert.False(await factory.WithDbAsync(db => db.Books.AnyAsync(b => b.Name.Contains("Sales"))));
    }

    [Fact]
    public async Task NewContact_RawNul_Answers400AndStoresNothing()
    {
        var owner = await factory.RegisterAsync();

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", "form.contact-form", new() { ["Name"] = "Ada\0Lovelace" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That request could not be read", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId)));
    }

    [Fact]
    public async Task Login_ControlCharacterInEmail_RefusedNextToField()
    {
        var client = factory.CreateTestClient();

        var response = await client.SubmitFormAsync("/account/login", "form", new() { ["Email"] = "a\u0008b@example.com", ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(TextRules.LineBreakMessage, page.FieldError("Email"));
    }
}
