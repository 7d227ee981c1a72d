using System.Net;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>
/// "Add Interaction" on the contact page: a validation error re-renders the contact page (not the standalone
/// timeline) with the input whole and the messages, and Save then still returns to the contact page.
/// </summary>
public sealed class QuickLogFromContactPageTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private const string Form = "form.quick-log-form";

    private Task<List<InteractionLogEntry>> EntriesAsync(int contactId) =>
        factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().Where(e => e.ContactId == contactId).ToListAsync());

    [Fact]
    public async Task QuickLog_InvalidFromContactPage_ReRendersItWithMessagesAndInput_ThenValidSaveReturnsThere()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId, "Grace Hopper");
        var contactUrl = $"/books/{user.BookId}/contacts/{contactId}";
        var tomorrow = TimelineFactory.NowUtc.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await user.Client.SubmitFormAsync(contactUrl, Form,
            new() { ["Type"] = "Meeting", ["Summary"] = "", ["Date"] = tomorrow, ["Time"] = "09:30" });

        // The contact page itself, re-rendered: the messages by the fields, the input kept.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Grace Hopper", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form.quick-log-form#add-interaction"));
        Assert.Equal("Write a summary of what happened.", page.FieldError("Summary"));
        Assert.Equal("true", page.GetElementById("Summary")!.GetAttribute("aria-invalid"));
        Assert.Equal(tomorrow, page.FieldValue("Date"));
        Assert.Equal("09:30", page.FieldValue("Time"));
        Assert.NotNull(page.QuerySelector("input[name=Type][value=Meeting][checked]"));
        Assert.Equal(contactUrl, page.QuerySelector("form.quick-log-form input[name=ReturnUrl]")!.GetAttribute("value"));
        Assert.Empty(await EntriesAsync(contactId));

        // Nothing sticks: the next visit shows a fresh form.
        var reloaded = await user.Client.GetPageAsync(contactUrl);
        Assert.Null(reloaded.FieldError("Summary"));
        Assert.NotNull(reloaded.QuerySelector("input[name=Type][value=Call][checked]"));

        // A future date is refused the same way, by the Date field.
        response = await user.Client.SubmitFormAsync(contactUrl, Form,
            new() { ["Type"] = "Meeting", ["Summary"] = "Quarterly review", ["Date"] = tomorrow, ["Time"] = "09:30" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        page = await TestClient.ParseAsync(response);
        Assert.Equal("The date and time can't be in the future. Log interactions that have happened.", page.FieldError("Date"));
        Assert.Equal("Quarterly review", page.FieldValue("Summary"));
        Assert.Null(page.FieldError("Summary"));
        Assert.Empty(await EntriesAsync(contactId));

        // Fixing the error and saving returns to the contact page, on the new entry, and keeps the type chosen.
        var today = TimelineFactory.NowUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        response = await user.Client.SubmitFormAsync(contactUrl, Form,
            new() { ["Type"] = "Meeting", ["Summary"] = "Quarterly review", ["Date"] = today, ["Time"] = "09:30" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(contactId));
        Assert.Equal($"{contactUrl}#entry-{entry.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(InteractionKind.Meeting, entry.Kind);
        Assert.Equal(TimelineFactory.NowUtc.Date.AddHours(9).AddMinutes(30), entry.OccurredAt);
        var after = await user.Client.GetPageAsync(contactUrl);
        Assert.Equal("Meeting logged for Grace Hopper.", after.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Null(after.FieldError("Summary"));
        Assert.NotNull(after.GetElementById($"entry-{entry.Id}"));
        Assert.NotNull(after.QuerySelector("input[name=Type][value=Meeting][checked]"));
    }

    [Fact]
    public async Task QuickLog_SummaryOf5000Characters_IsRefusedAndComesBackWhole()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId, "Grace Hopper");
        var contactUrl = $"/books/{user.BookId}/contacts/{contactId}";
        // Pasted text, not typed: the textarea's maxlength does not stop a script or a client without it.
        var summary = string.Concat(Enumerable.Range(0, 500).Select(i => $"{i:D4}words "));
        Assert.Equal(5000, summary.Length);

        var response = await user.Client.SubmitFormAsync(contactUrl, Form, new() { ["Type"] = "Note", ["Summary"] = summary });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal($"The summary can be at most {InteractionLogEntry.DescriptionMaxLength} characters.", page.FieldError("Summary"));
        Assert.Equal(summary, page.GetElementById("Summary")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name=Type][value=Note][checked]"));
        Assert.Empty(await EntriesAsync(contactId));
    }

    [Fact]
    public async Task QuickLog_InvalidFromContactPageForAnotherContact_DoesNotLeakIntoThisContactsForm()
    {
        var user = await factory.RegisterAsync();
        var first = await factory.CreateContactAsync(user.BookId, "Grace Hopper");
        var second = await factory.CreateContactAsync(user.BookId, "Alan Turing");
        var firstUrl = $"/books/{user.BookId}/contacts/{first}";

        await user.Client.SubmitFormAsync(firstUrl, Form, new() { ["Type"] = "Note", ["Summary"] = "" });
        var other = await user.Client.GetPageAsync($"/books/{user.BookId}/contacts/{second}");

        Assert.Null(other.FieldError("Summary"));
        Assert.Equal($"/books/{user.BookId}/contacts/{second}", other.QuerySelector("form.quick-log-form input[name=ReturnUrl]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task QuickLog_InvalidFromStandaloneTimeline_ReRendersItAndKeepsItsReturnUrl()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var timelineUrl = $"/books/{user.BookId}/contacts/{contactId}/timeline";

        var response = await user.Client.SubmitFormAsync(timelineUrl, Form, new() { ["Type"] = "Call", ["Summary"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Write a summary of what happened.", page.FieldError("Summary"));
        Assert.Equal(timelineUrl, page.QuerySelector("form.quick-log-form input[name=ReturnUrl]")!.GetAttribute("value"));
        Assert.Empty(await EntriesAsync(contactId));
    }
}
