using Crm.Web.Features.Contacts;
using System.Net;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Contacts;

public sealed class ContactEditTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string NewForm = "form.contact-form";

    [Fact]
    public async Task New_AllFields_StoresContactWithNumberTagsAndSearchText()
    {
        var owner = await factory.RegisterAsync("Olivia Owner");
        var companyId = await factory.AddContactAsync(owner.BookId, "Globex", c => c.Type = ContactType.Company);

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", NewForm, new()
        {
            ["Type"] = "Person", ["Name"] = "  Hank Scorpio ", ["CompanyId"] = companyId.ToString(), ["JobTitle"] = "CEO",
            ["Email"] = "hank@globex.example", ["Phone"] = "+1 555 0100", ["Street"] = "1 Volcano Rd", ["City"] = "Cypress Creek",
            ["PostCode"] = "12345", ["Country"] = "US", ["Language"] = "en", ["CorrespondenceType"] = "HardCopy",
            ["SalespersonUserId"] = owner.UserId, ["Tags"] = " VIP, hammock ,vip,, Board ", ["ExcludeFromSegments"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await factory.WithDbAsync(db => db.Contacts.Include(c => c.Tags).SingleAsync(c => c.BookId == owner.BookId && c.Name == "Hank Scorpio"));
        Assert.Equal($"/books/{owner.BookId}/contacts/{contact.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("CT00001", contact.No);
        Assert.Equal(companyId, contact.CompanyId);
        Assert.Equal(CorrespondenceType.HardCopy, contact.CorrespondenceType);
        Assert.Equal(owner.UserId, contact.SalespersonUserId);
        Assert.True(contact.ExcludeFromSegments);
        Assert.Equal(["Board", "hammock", "VIP"], contact.Tags.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("ct00001 | hank scorpio | globex | hank@globex.example | +1 555 0100", contact.SearchText);

        var page = await owner.Client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Equal("Hank Scorpio", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='mailto:hank@globex.example']"));
        Assert.NotNull(page.QuerySelector("a[href='tel:+15550100']"));
        Assert.Equal(3, page.QuerySelectorAll(".tag-list .badge").Length);
        Assert.Contains("Olivia Owner", page.QuerySelector("dl.details")!.TextContent);
        // The contact page embeds the interaction timeline, empty for a new contact.
        Assert.Equal("Interaction timeline", page.QuerySelector(".contact-timeline #timeline-heading")!.TextContent.Trim());
        Assert.Contains("No interactions yet", page.QuerySelector(".contact-timeline")!.TextContent);
    }

    [Fact]
    public async Task New_Twice_NumbersFollowTheSeries()
    {
        var owner = await factory.RegisterAsync();
        foreach (var name in new[] { "First", "Second" })
        {
            var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", NewForm, new() { ["Name"] = name });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var numbers = await factory.WithDbAsync(db => db.Contacts.Where(c => c.BookId == owner.BookId).OrderBy(c => c.Id).Select(c => c.No).ToListAsync());
        Assert.Equal(["CT00001", "CT00002"], numbers);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Name", "", "Name", "Enter a name." },
        { "Name", new string('x', Contact.NameMaxLength + 1), "Name", $"The name can be at most {Contact.NameMaxLength} characters." },
        { "Email", "not-an-email", "Email", "Enter a valid e-mail address, like name@example.com." },
        { "Tags", "ok, " + new string('t', ContactTag.NameMaxLength + 1), "Tags", "too long" },
        { "Phone", "call me", "Phone", "A phone number needs digits." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task New_BadInput_ShowsErrorKeepsInputSavesNothing(string field, string value, string errorField, string message)
    {
        var owner = await factory.RegisterAsync();
        var fields = new Dictionary<string, string> { ["Name"] = "Kept Name", ["City"] = "Kept City" };
        fields[field] = value;

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", NewForm, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(message, page.FieldError(errorField));
        Assert.Equal(value, page.FieldValue(field));
        Assert.Equal("Kept City", page.FieldValue("City"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.ContactNoNext).SingleAsync()));
    }

    [Fact]
    public async Task New_CompanyOfAnotherBook_IsRefused()
    {
        var owner = await factory.RegisterAsync();
        var stranger = await factory.RegisterAsync();
        var foreignCompany = await factory.AddContactAsync(stranger.BookId, "Foreign Co", c => c.Type = ContactType.Company);

        var response = await owner.Client.PostAsync($"/books/{owner.BookId}/contacts/new", new()
        {
            ["Type"] = "Person", ["Name"] = "Smuggled", ["CompanyId"] = foreignCompany.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Choose a company of this book from the list.", page.FieldError("CompanyId"));
        Assert.Equal("Smuggled", page.FieldValue("Name"));
        Assert.DoesNotContain("Foreign Co", page.QuerySelector("#CompanyId")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Name == "Smuggled")));
    }

    [Fact]
    public async Task New_PersonAsCompanyOrSalespersonNotMember_IsRefused()
    {
        var owner = await factory.RegisterAsync();
        var outsider = await factory.RegisterAsync();
        var personId = await factory.AddContactAsync(owner.BookId, "Not A Company");

        var response = await owner.Client.PostAsync($"/books/{owner.BookId}/contacts/new", new()
        {
            ["Type"] = "Person", ["Name"] = "Refused", ["CompanyId"] = personId.ToString(), ["SalespersonUserId"] = outsider.UserId,
        });

        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Choose a company of this book from the list.", page.FieldError("CompanyId"));
        Assert.Equal("Choose a member of this book.", page.FieldError("SalespersonUserId"));
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Name == "Refused")));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsConflictKeepsInputSavesNothing()
    {
        var owner = await factory.RegisterAsync();
        var id = await factory.AddContactAsync(owner.BookId, "Original Name");
        var editUrl = $"/books/{owner.BookId}/contacts/{id}/edit";
        var stalePage = await owner.Client.GetPageAsync(editUrl);
        // Someone else saves first.
        var other = await owner.Client.SubmitFormAsync(editUrl, NewForm, new() { ["Name"] = "Their Name" });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var response = await owner.Client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)stalePage.QuerySelector(NewForm)!,
            new() { ["Name"] = "My Name", ["City"] = "My City" }, editUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(ContactEditController.ConflictMessage, page.FormError());
        Assert.Equal("My Name", page.FieldValue("Name"));
        Assert.Equal("My City", page.FieldValue("City"));
        var stored = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == id));
        Assert.Equal("Their Name", stored.Name);
        Assert.Null(stored.City);

        // Saving again from the conflict page replaces their version on purpose.
        var again = await owner.Client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(NewForm)!, [], editUrl);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == id));
        Assert.Equal(("My Name", "My City"), (stored.Name, stored.City));
    }

    [Fact]
    public async Task Edit_RenameCompany_RefreshesPersonsSearchText()
    {
        var owner = await factory.RegisterAsync();
        var companyId = await factory.AddContactAsync(owner.BookId, "Initech", c => c.Type = ContactType.Company);
        var personId = await factory.AddContactAsync(owner.BookId, "Peter Gibbons", c => { c.CompanyId = companyId; c.Email = "peter@initech.example"; }, "Initech");

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/{companyId}/edit", NewForm, new() { ["Name"] = "Initrode" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == personId));
        var expected = ContactTestData.NewContact(owner.BookId, "Peter Gibbons");
        expected.No = person.No;
        expected.Email = person.Email;
        expected.RefreshSearchText("Initrode");
        Assert.Equal(expected.SearchText, person.SearchText);
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q=initrode");
        Assert.Equal(["Initrode", "Peter Gibbons"], page.ListedNames());
    }

    [Fact]
    public async Task Edit_RenameCompany_PersonWithAccentedNameStaysFindable()
    {
        var owner = await factory.RegisterAsync();
        var companyId = await factory.AddContactAsync(owner.BookId, "Ærø Shipping", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Émile Zola", c => c.CompanyId = companyId, "Ærø Shipping");

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/{companyId}/edit", NewForm, new() { ["Name"] = "Ærø Lines" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // SQLite's lower() folds only A-Z; the persons' search text must still be lower-cased like every other contact's.
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q={Uri.EscapeDataString("émile")}");
        Assert.Equal(["Émile Zola"], page.ListedNames());
        page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q={Uri.EscapeDataString("ærø lines")}");
        Assert.Equal(["Ærø Lines", "Émile Zola"], page.ListedNames());
    }

    [Fact]
    public async Task Edit_ChangeTags_ReplacesTagRows()
    {
        var owner = await factory.RegisterAsync();
        var id = await factory.AddContactAsync(owner.BookId, "Tagged", c =>
        {
            c.Tags.Add(new ContactTag { BookId = c.BookId, Name = "old" });
            c.Tags.Add(new ContactTag { BookId = c.BookId, Name = "keep" });
        });
        var editUrl = $"/books/{owner.BookId}/contacts/{id}/edit";
        Assert.Equal("keep, old", (await owner.Client.GetPageAsync(editUrl)).FieldValue("Tags"));

        var response = await owner.Client.SubmitFormAsync(editUrl, NewForm, new() { ["Tags"] = "KEEP, new" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tags = await factory.WithDbAsync(db => db.ContactTags.Where(t => t.ContactId == id).Select(t => t.Name).ToListAsync());
        Assert.Equal(["KEEP", "new"], tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_ContactWithInteractions_RemovesItAndItsHistory()
    {
        var owner = await factory.RegisterAsync();
        var id = await factory.AddContactAsync(owner.BookId, "Short Lived", c => c.Tags.Add(new ContactTag { BookId = c.BookId, Name = "x" }));
        await factory.AddInteractionAsync(owner.BookId, id, owner.UserId, DateTime.UtcNow.AddDays(-1));
        var deleteUrl = $"/books/{owner.BookId}/contacts/{id}/delete";

        var confirm = await owner.Client.GetPageAsync(deleteUrl);
        Assert.Contains("This deletes the contact and its whole interaction history. It cannot be undone.", confirm.Body!.TextContent);
        var response = await owner.Client.SubmitFormAsync(deleteUrl, "form[action$='/delete']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/books/{owner.BookId}/contacts", response.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == id)));
        Assert.False(await factory.WithDbAsync(db => db.InteractionLogEntries.AnyAsync(e => e.ContactId == id)));
        Assert.False(await factory.WithDbAsync(db => db.ContactTags.AnyAsync(t => t.ContactId == id)));
    }

    [Fact]
    public async Task Delete_CompanyWithPersons_IsRefused()
    {
        var owner = await factory.RegisterAsync();
        var companyId = await factory.AddContactAsync(owner.BookId, "Busy Co", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Worker", c => c.CompanyId = companyId, "Busy Co");

        var confirm = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts/{companyId}/delete");
        Assert.Null(confirm.QuerySelector("form[action$='/delete']"));
        Assert.Contains("still has", confirm.QuerySelector("main")!.TextContent);
        var response = await owner.Client.PostAsync($"/books/{owner.BookId}/contacts/{companyId}/delete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot be deleted", (await TestClient.ParseAsync(response)).FormError());
        Assert.True(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == companyId)));
    }
}
