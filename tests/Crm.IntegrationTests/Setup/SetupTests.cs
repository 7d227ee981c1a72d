using System.Net;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Setup;

public sealed class SetupTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string Form = "form.setup-form";

    [Fact]
    public async Task Index_NewBook_ShowsDefaultsAndNextNumbers()
    {
        var owner = await factory.RegisterAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/setup");

        Assert.Equal("CT", page.FieldValue("ContactNoPrefix"));
        Assert.Equal("1", page.FieldValue("ContactNoNext"));
        Assert.Equal("SM", page.FieldValue("SegmentNoPrefix"));
        Assert.Equal("Email", page.FieldValue("DefaultCorrespondenceType"));
        Assert.Contains("Next contact no.: CT00001", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Next segment no.: SM00001", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Save_NewSeries_NextContactGetsIt()
    {
        var owner = await factory.RegisterAsync();

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/setup", Form, new()
        {
            ["Name"] = "Sales Team", ["ContactNoPrefix"] = "K-", ["ContactNoNext"] = "42", ["SegmentNoPrefix"] = "SEG",
            ["SegmentNoNext"] = "7", ["DefaultCorrespondenceType"] = "HardCopy",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var book = await factory.WithDbAsync(db => db.Books.SingleAsync(b => b.Id == owner.BookId));
        Assert.Equal(("Sales Team", "K-", 42, "SEG", 7, CorrespondenceType.HardCopy),
            (book.Name, book.ContactNoPrefix, book.ContactNoNext, book.SegmentNoPrefix, book.SegmentNoNext, book.DefaultCorrespondenceType));
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/setup");
        Assert.Contains("Next contact no.: K-00042", page.QuerySelector("main")!.TextContent);
        Assert.Equal("Sales Team", page.QuerySelector(".sidebar .book-name")!.TextContent.Trim());

        await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", "form.contact-form", new() { ["Name"] = "Numbered" });
        Assert.Equal("K-00042", await factory.WithDbAsync(db => db.Contacts.Where(c => c.BookId == owner.BookId).Select(c => c.No).SingleAsync()));
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Name", "", "Give the book a name." },
        { "ContactNoPrefix", "C T", "Use only letters, digits and -." },
        { "ContactNoPrefix", "ABCDEFGHIJK", "The prefix can be at most 10 characters." },
        { "SegmentNoPrefix", "", "Enter a prefix, like CT." },
        { "ContactNoNext", "0", "Enter a whole number from 1 to 999,999,999." },
        { "SegmentNoNext", "-5", "Enter a whole number from 1 to 999,999,999." },
        // Too big for the field: the user's words, never "The value '…' is not valid for ContactNoNext."
        { "ContactNoNext", "99999999999999", "Enter a whole number from 1 to 999,999,999." },
        { "SegmentNoNext", "12abc", "Enter a whole number from 1 to 999,999,999." },
        { "DefaultCorrespondenceType", "None", "Choose Hard Copy or Email." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Save_BadInput_ShowsErrorKeepsInputSavesNothing(string field, string value, string message)
    {
        var owner = await factory.RegisterAsync();
        var fields = new Dictionary<string, string> { ["Name"] = "Kept", [field] = value };

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/setup", Form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(message, page.FieldError(field));
        if (field != "DefaultCorrespondenceType")
        {
            Assert.Equal(value, page.FieldValue(field));
        }
        var book = await factory.WithDbAsync(db => db.Books.SingleAsync(b => b.Id == owner.BookId));
        Assert.NotEqual("Kept", book.Name);
        Assert.Equal(("CT", 1, "SM", 1), (book.ContactNoPrefix, book.ContactNoNext, book.SegmentNoPrefix, book.SegmentNoNext));
    }

    [Fact]
    public async Task Save_NextNumberAlreadyUsed_IsRefused()
    {
        var owner = await factory.RegisterAsync();
        await factory.AddContactAsync(owner.BookId, "Has CT00003", c => c.No = "CT00003");

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/setup", Form, new() { ["ContactNoNext"] = "3" });

        var page = await TestClient.ParseAsync(response);
        Assert.Equal("CT00003 is already used by a contact. Choose a higher next number.", page.FieldError("ContactNoNext"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.ContactNoNext).SingleAsync()));
    }

    [Fact]
    public async Task Save_StaleVersion_ShowsConflict()
    {
        var owner = await factory.RegisterAsync();
        var url = $"/books/{owner.BookId}/setup";
        var stale = await owner.Client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.SubmitFormAsync(url, Form, new() { ["Name"] = "First Save" })).StatusCode);

        var response = await owner.Client.SubmitAsync((IHtmlFormElement)stale.QuerySelector(Form)!, new() { ["Name"] = "Second Save" }, url);

        var page = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed by someone else", page.FormError());
        Assert.Equal("Second Save", page.FieldValue("Name"));
        Assert.Equal("First Save", await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.Name).SingleAsync()));

        // Saving again from the conflict page replaces the other version on purpose.
        var again = await owner.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector(Form)!, [], url);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second Save", await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.Name).SingleAsync()));
    }

    [Fact]
    public async Task Save_ContactsCreatedMeanwhile_UntouchedNextNumberIsKept()
    {
        var owner = await factory.RegisterAsync();
        var url = $"/books/{owner.BookId}/setup";
        var page = await owner.Client.GetPageAsync(url);
        // A colleague creates a contact while the Owner edits the setup: the series moves to 2.
        await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", "form.contact-form", new() { ["Name"] = "Meanwhile" });

        var response = await owner.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector(Form)!, new() { ["Name"] = "Only The Name" }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == owner.BookId).Select(b => b.ContactNoNext).SingleAsync()));
    }
}
