using System.Net;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>"Add Interaction": what it stores, and what bad input gets.</summary>
public sealed class QuickLogTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    private const string Form = "form.quick-log-form";

    private static string TimelineUrl(TestUser user, int contactId) => $"/books/{user.BookId}/contacts/{contactId}/timeline";

    private Task<List<InteractionLogEntry>> EntriesAsync(int contactId) =>
        factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().Where(e => e.ContactId == contactId).ToListAsync());

    [Fact]
    public async Task QuickLog_Call_RecordsTheSetUpTemplateAndRefreshesLastInteraction()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, BookRole.Member, "Mia Member");
        var companyId = await factory.CreateContactAsync(owner.BookId, "Acme Ltd", type: ContactType.Company);
        var contactId = await factory.CreateContactAsync(owner.BookId, "Grace Hopper", companyId, owner.UserId);
        await factory.AddEntriesAsync(owner.BookId, contactId, owner.UserId, new EntrySpec(TimelineFactory.NowUtc.AddDays(-3), "Earlier"));

        var response = await member.Client.SubmitFormAsync(TimelineUrl(member, contactId), Form, new()
        {
            ["Type"] = "Call",
            ["Summary"] = "  Discussed Q3 budget and timeline  ",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = (await EntriesAsync(contactId)).Single(e => e.Description != "Earlier");
        // Back at the timeline, on the new entry.
        Assert.Equal($"{TimelineUrl(member, contactId)}#entry-{entry.Id}", response.Headers.Location!.OriginalString);
        var (template, nextNo, lastInteraction) = await factory.WithDbAsync(async db => (
            await db.InteractionTemplates.AsNoTracking().SingleAsync(t => t.BookId == owner.BookId && t.Code == "CALL"),
            await db.Books.Where(b => b.Id == owner.BookId).Select(b => b.InteractionEntryNoNext).SingleAsync(),
            await db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
        Assert.Equal("Discussed Q3 budget and timeline", entry.Description);
        Assert.Equal(template.Id, entry.TemplateId);
        Assert.Equal(template.GroupId, entry.GroupId);
        Assert.Equal(InteractionKind.Call, entry.Kind);
        Assert.Equal(InformationFlow.Outbound, entry.InformationFlow);
        Assert.Equal(InitiatedBy.Us, entry.InitiatedBy);
        Assert.Equal(template.UnitDurationMinutes, entry.DurationMinutes);
        Assert.Equal(member.UserId, entry.LoggedByUserId);
        Assert.Equal(InteractionSource.Manual, entry.Source);
        Assert.Equal(TimelineFactory.NowUtc, entry.LoggedAt);
        Assert.Equal(TimelineFactory.NowUtc, entry.OccurredAt);
        Assert.Equal(2, entry.EntryNo);
        Assert.Equal(3, nextNo);
        Assert.Equal(companyId, entry.CompanyContactId);
        Assert.Equal(owner.UserId, entry.SalespersonUserId);
        Assert.Equal(TimelineFactory.NowUtc, lastInteraction);

        // It is at the top of the timeline at once, with who logged it and a confirmation.
        var page = await member.Client.GetPageAsync(TimelineUrl(member, contactId));
        var top = page.QuerySelector(".timeline-entry")!;
        Assert.Equal("Discussed Q3 budget and timeline", top.QuerySelector(".entry-summary")!.TextContent);
        Assert.Contains("Mia Member", top.QuerySelector(".entry-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("just now", top.QuerySelector("time")!.TextContent.Trim());
        Assert.Equal("Call logged for Grace Hopper.", page.QuerySelector(".flash")!.TextContent.Trim());
    }

    [Fact]
    public async Task QuickLog_HostileReturnUrl_RedirectsToTheContactPage()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);

        var response = await user.Client.PostAsync($"/books/{user.BookId}/contacts/{contactId}/interactions",
            new() { ["Type"] = "Note", ["Summary"] = "Prefers email over phone", ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(contactId));
        Assert.Equal($"/books/{user.BookId}/contacts/{contactId}#entry-{entry.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(InteractionKind.Note, entry.Kind);
    }

    [Fact]
    public async Task QuickLog_DateAndTimeInUsersZone_StoresUtc()
    {
        var user = await factory.RegisterAsync();
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Europe/Copenhagen")));
        // Log in again so the cookie carries the new zone.
        await user.Client.PostAsync("/account/logout");
        var login = await user.Client.SubmitFormAsync("/account/login", "form", new() { ["Email"] = user.Email, ["Password"] = TestUser.DefaultPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var contactId = await factory.CreateContactAsync(user.BookId);

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form, new()
        {
            ["Type"] = "Meeting", ["Summary"] = "Quarterly business review", ["Date"] = "2026-03-03", ["Time"] = "14:05",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(contactId));
        Assert.Equal(new DateTime(2026, 3, 3, 13, 5, 0, DateTimeKind.Utc), entry.OccurredAt);
        Assert.Equal(InteractionKind.Meeting, entry.Kind);
        var page = await user.Client.GetPageAsync(TimelineUrl(user, contactId));
        Assert.Equal("Tuesday 3 March 2026 at 14:05", page.QuerySelector("time")!.GetAttribute("title"));
    }

    [Fact]
    public async Task QuickLog_NoTemplateSetUpForType_StillRecordsWithKindOfType()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        await factory.WithDbAsync(db => db.InteractionTemplateSetup
            .Where(s => s.BookId == user.BookId && s.Event == AutomaticEvent.QuickLogEmail)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TemplateId, (int?)null)));

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form,
            new() { ["Type"] = "Email", ["Summary"] = "Sent proposal for website redesign" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(contactId));
        Assert.Equal(InteractionKind.Email, entry.Kind);
        Assert.Null(entry.TemplateId);
        Assert.Null(entry.GroupId);
        Assert.Equal(1, entry.EntryNo);
    }

    [Theory]
    [InlineData("", "", "", "Summary", "Write a summary of what happened.")]
    [InlineData("TOO_LONG", "", "", "Summary", "The summary can be at most 500 characters.")]
    [InlineData("Lunch", "2026-02-30", "", "Date", "Enter a valid date, like 2026-03-14.")]
    [InlineData("Lunch", "", "25:99", "Time", "Enter a valid time, like 14:05.")]
    public async Task QuickLog_BadInput_ShowsMessageByFieldKeepsInputAndSavesNothing(string summary, string date, string time, string field, string message)
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        if (summary == "TOO_LONG")
        {
            summary = new string('x', InteractionLogEntry.DescriptionMaxLength + 1);
        }

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form,
            new() { ["Type"] = "Meeting", ["Summary"] = summary, ["Date"] = date, ["Time"] = time });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal("true", page.GetElementById(field)!.GetAttribute("aria-invalid"));
        Assert.Equal(summary, page.FieldValue("Summary"));
        Assert.Equal(date, page.FieldValue("Date"));
        Assert.Equal(time, page.FieldValue("Time"));
        Assert.NotNull(page.QuerySelector("input[name=Type][value=Meeting][checked]"));
        Assert.Equal("Grace Hopper", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(await EntriesAsync(contactId));
        Assert.Null(await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
    }

    [Fact]
    public async Task QuickLog_NoType_ShowsMessageAndSavesNothing()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);

        var response = await user.Client.PostAsync($"/books/{user.BookId}/contacts/{contactId}/interactions",
            new() { ["Summary"] = "No type" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Choose Call, Email, Meeting or Note.", page.FieldError("Type"));
        Assert.Empty(await EntriesAsync(contactId));
    }

    [Theory]
    [InlineData("Letter")]
    [InlineData("7")]
    public async Task QuickLog_UnknownType_ShowsOwnMessageNotMvcsAndSavesNothing(string type)
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form,
            new() { ["Type"] = type, ["Summary"] = "Sent the contract by post" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Choose Call, Email, Meeting or Note.", page.FieldError("Type"));
        Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent the contract by post", page.FieldValue("Summary"));
        Assert.Empty(await EntriesAsync(contactId));
    }

    [Fact]
    public async Task QuickLog_TemplateOfAnotherKind_KeepsTheChosenKindAndTakesTheRestFromTheTemplate()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var letter = await factory.WithDbAsync(async db =>
        {
            var template = await db.InteractionTemplates.SingleAsync(t => t.BookId == user.BookId && t.Code == "LETTER");
            await db.InteractionTemplateSetup.Where(s => s.BookId == user.BookId && s.Event == AutomaticEvent.QuickLogNote)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.TemplateId, template.Id));
            return template;
        });

        await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form, new() { ["Type"] = "Note", ["Summary"] = "Prefers post" });

        var entry = Assert.Single(await EntriesAsync(contactId));
        Assert.Equal(InteractionKind.Note, entry.Kind);
        Assert.Equal(letter.Id, entry.TemplateId);
        Assert.Equal(letter.GroupId, entry.GroupId);
        Assert.Equal(letter.CorrespondenceType, entry.CorrespondenceType);
        Assert.Equal(letter.UnitCost, entry.Cost);
    }

    [Theory]
    [InlineData(1, "")]        // tomorrow, no time: noon tomorrow
    [InlineData(0, "12:06")]   // today, six minutes from now (the clock is at 12:00 UTC, the user's zone is UTC)
    public async Task QuickLog_InTheFuture_IsRefusedByTheDateAndSavesNothing(int daysAhead, string time)
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var date = TimelineFactory.NowUtc.AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form,
            new() { ["Type"] = "Meeting", ["Summary"] = "Planned review", ["Date"] = date, ["Time"] = time });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("The date and time can't be in the future. Log interactions that have happened.", page.FieldError("Date"));
        Assert.Equal(date, page.FieldValue("Date"));
        Assert.Equal("Planned review", page.FieldValue("Summary"));
        Assert.Empty(await EntriesAsync(contactId));
        Assert.Null(await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
    }

    [Fact]
    public async Task QuickLog_WithinFiveMinutesOfNow_IsRecorded()
    {
        var user = await factory.RegisterAsync();
        var contactId = await factory.CreateContactAsync(user.BookId);
        var date = TimelineFactory.NowUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await user.Client.SubmitFormAsync(TimelineUrl(user, contactId), Form,
            new() { ["Type"] = "Call", ["Summary"] = "Just now", ["Date"] = date, ["Time"] = "12:05" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TimelineFactory.NowUtc.AddMinutes(5), Assert.Single(await EntriesAsync(contactId)).OccurredAt);
    }
}
