using System.Net;
using AngleSharp.Html.Dom;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.CreateInteraction;

/// <summary>The Create Interaction form, the Cancel question and Postponed Interactions, through the real forms.</summary>
public sealed class CreateInteractionTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    internal const string Form = "form.interaction-form";

    internal static string NewUrl(int bookId, int contactId) => $"/books/{bookId}/interactions/new?contact={contactId}&origin=Contact";

    /// <summary>A template VISIT (Meeting, 12.50, 30 min, Outbound, Us, Hard Copy) and one that ignores the contact's preference.</summary>
    internal static async Task<(int Visit, int Letter)> TemplatesAsync(CrmFactory factory, int bookId)
    {
        return await factory.WithDbAsync(async db =>
        {
            var group = await db.InteractionGroups.Where(g => g.BookId == bookId).Select(g => g.Id).FirstAsync();
            var visit = await db.SaveTemplateAsync(bookId, null, new InteractionTemplateInput
            {
                Code = "VISIT", GroupId = group, Description = "Customer visit", Kind = InteractionKind.Meeting, UnitCost = 12.5m, UnitDurationMinutes = 30,
                InformationFlow = InformationFlow.Outbound, InitiatedBy = InitiatedBy.Us, CorrespondenceType = CorrespondenceType.HardCopy,
            }, Guid.Empty);
            var letter = await db.SaveTemplateAsync(bookId, null, new InteractionTemplateInput
            {
                Code = "FORMAL", GroupId = group, Description = "Formal letter", Kind = InteractionKind.Letter, UnitCost = 2m, UnitDurationMinutes = 5,
                CorrespondenceType = CorrespondenceType.HardCopy, IgnoreContactCorrespondenceType = true,
            }, Guid.Empty);
            return (visit.Value!.Id, letter.Value!.Id);
        });
    }

    private async Task<(TestUser Owner, int ContactId, int Visit, int Letter)> ArrangeAsync()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Ada Prefers Email", c => c.CorrespondenceType = CorrespondenceType.Email);
        var (visit, letter) = await TemplatesAsync(factory, owner.BookId);
        return (owner, contactId, visit, letter);
    }

    private static string Selected(IHtmlDocument page, string name) =>
        ((IHtmlSelectElement)page.QuerySelector($"select[name={name}]")!).Value ?? "";

    private static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name={name}]")?.GetAttribute("value") ?? "";

    [Fact]
    public async Task Defaults_ChoosingATemplate_FillsItsValues_WithTheContactsPreferenceUnlessIgnored()
    {
        var (owner, contactId, visit, letter) = await ArrangeAsync();
        var url = NewUrl(owner.BookId, contactId);

        var visitPage = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(url, Form, new() { ["TemplateId"] = $"{visit}", ["Do"] = "defaults" }));
        var letterPage = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(url, Form, new() { ["TemplateId"] = $"{letter}", ["Do"] = "defaults" }));

        Assert.Equal("12.5", Value(visitPage, "Cost"));
        Assert.Equal("30", Value(visitPage, "DurationMinutes"));
        Assert.Equal("Outbound", Selected(visitPage, "InformationFlow"));
        Assert.Equal("Us", Selected(visitPage, "InitiatedBy"));
        Assert.Equal("Email", Selected(visitPage, "CorrespondenceType"));
        Assert.Equal("HardCopy", Selected(letterPage, "CorrespondenceType"));
        Assert.Equal("2", Value(letterPage, "Cost"));
        Assert.Empty(visitPage.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task Ok_TemplateChosenWithoutFillingIn_StoresTheTemplatesDefaults_AndItsKind()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();

        var response = await owner.Client.SubmitFormAsync(NewUrl(owner.BookId, contactId), Form,
            new() { ["TemplateId"] = $"{visit}", ["Description"] = "Visited the plant", ["Do"] = "ok" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await factory.WithDbAsync(db => db.InteractionLogEntries.SingleAsync(e => e.ContactId == contactId));
        Assert.Equal((InteractionKind.Meeting, 12.5m, 30, CorrespondenceType.Email, InformationFlow.Outbound, InitiatedBy.Us, false),
            (entry.Kind, entry.Cost, entry.DurationMinutes, entry.CorrespondenceType, entry.InformationFlow, entry.InitiatedBy, entry.AttemptFailed));
        Assert.Equal(InteractionSource.Manual, entry.Source);
        Assert.False(entry.Postponed);
    }

    [Fact]
    public async Task Ok_ExplicitValuesOverTheTemplate_AndSuccessfulUnticked_RecordsAttemptFailed()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var url = NewUrl(owner.BookId, contactId);
        var filled = await owner.Client.SubmitFormAsync(url, Form, new() { ["TemplateId"] = $"{visit}", ["Do"] = "defaults" });
        var form = (IHtmlFormElement)(await TestClient.ParseAsync(filled)).QuerySelector(Form)!;

        var response = await owner.Client.SubmitAsync(form, new()
        {
            ["Description"] = "Nobody opened", ["Cost"] = "40", ["DurationMinutes"] = "0", ["InitiatedBy"] = "Them", ["Successful"] = "false",
            ["Evaluation"] = "Negative", ["Comments"] = "Try again\nnext week", ["Do"] = "ok",
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/books/{owner.BookId}/contacts/{contactId}", response.Headers.Location!.OriginalString.Split('#')[0]);
        var entry = await factory.WithDbAsync(db => db.InteractionLogEntries.SingleAsync(e => e.ContactId == contactId));
        Assert.True(entry.AttemptFailed);
        Assert.Equal((40m, 0, InitiatedBy.Them, Evaluation.Negative), (entry.Cost, entry.DurationMinutes, entry.InitiatedBy, entry.Evaluation));
        Assert.Equal("Try again\nnext week", entry.Comments);
        var contactPage = await owner.Client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Nobody opened", contactPage.Body!.TextContent);
    }

    [Fact]
    public async Task Ok_NoTemplateNoDescription_ShowsBothMessagesByTheFields_InputKept_NothingStored()
    {
        var (owner, contactId, _, _) = await ArrangeAsync();

        var response = await owner.Client.SubmitFormAsync(NewUrl(owner.BookId, contactId), Form,
            new() { ["TemplateId"] = "", ["Description"] = "  ", ["Comments"] = "Keep this text", ["Cost"] = "7.25", ["Do"] = "ok" });
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Interaction Template is required.", page.QuerySelector("#TemplateId-error")!.TextContent);
        Assert.Equal("Description is required.", page.QuerySelector("#Description-error")!.TextContent);
        Assert.Equal("Keep this text", page.QuerySelector("textarea[name=Comments]")!.TextContent);
        Assert.Equal("7.25", Value(page, "Cost"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task Ok_ForgedContactOfAnotherBook_OrSalespersonNotAMember_IsRefusedWithAMessage_NothingStored()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var stranger = await factory.RegisterAsync();
        var foreignContact = await factory.AddContactAsync(stranger.BookId, "Not Yours");
        var fields = new Dictionary<string, string> { ["TemplateId"] = $"{visit}", ["Description"] = "Forged", ["Do"] = "ok" };

        var otherBook = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(NewUrl(owner.BookId, contactId), Form,
            new(fields) { ["ContactId"] = $"{foreignContact}" }));
        var notMember = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(NewUrl(owner.BookId, contactId), Form,
            new(fields) { ["SalespersonUserId"] = stranger.UserId }));

        Assert.Contains(InteractionLog.ContactNotFoundMessage, otherBook.QuerySelector(".form-error")!.TextContent);
        Assert.Equal(InteractionLog.SalespersonNotMemberMessage, notMember.QuerySelector("#SalespersonUserId-error")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.Description == "Forged")));
    }

    [Fact]
    public async Task LargeBook_ContactIsTypedAndSuggested_AndResolvedByName()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        await factory.AddContactsAsync(owner.BookId, 200);
        var url = $"/books/{owner.BookId}/interactions/new?origin=LogEntries";

        var page = await owner.Client.GetPageAsync(url);
        var suggestions = await owner.Client.Http.GetStringAsync($"/books/{owner.BookId}/contacts/lookup?q=prefers");
        var unknown = await TestClient.ParseAsync(await owner.Client.SubmitFormAsync(url, Form,
            new() { ["ContactLookup"] = "Nobody Here", ["TemplateId"] = $"{visit}", ["Description"] = "Typed", ["Do"] = "ok" }));
        var response = await owner.Client.SubmitFormAsync(url, Form,
            new() { ["ContactLookup"] = "Ada Prefers Email", ["TemplateId"] = $"{visit}", ["Description"] = "Typed", ["Do"] = "ok" });

        Assert.Null(page.QuerySelector("select[name=ContactId]"));
        Assert.NotNull(page.QuerySelector("input[name=ContactLookup][data-suggest]"));
        Assert.Contains("Ada Prefers Email (", suggestions);
        Assert.StartsWith("No contact of this book has that name or No.", unknown.QuerySelector("#ContactLookup-error")!.TextContent);
        Assert.Equal($"/books/{owner.BookId}/interaction-log-entries", response.Headers.Location!.OriginalString);
        Assert.Equal(contactId, await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.Description == "Typed").Select(e => e.ContactId).SingleAsync()));
    }

    [Fact]
    public async Task Ok_PostedTwice_StoresOneEntry()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var page = await owner.Client.GetPageAsync(NewUrl(owner.BookId, contactId));
        var form = (IHtmlFormElement)page.QuerySelector(Form)!;
        var fields = new Dictionary<string, string> { ["TemplateId"] = $"{visit}", ["Description"] = "Once", ["Do"] = "ok" };

        var first = await owner.Client.SubmitAsync(form, fields, NewUrl(owner.BookId, contactId));
        var second = await owner.Client.SubmitAsync(form, fields, NewUrl(owner.BookId, contactId));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task Postponed_ThenBackInTheBrowserAndOk_FinishesThatDraft_NotASecondEntry()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var page = await owner.Client.GetPageAsync(NewUrl(owner.BookId, contactId));
        var form = (IHtmlFormElement)page.QuerySelector(Form)!;

        await owner.Client.SubmitAsync(form, new() { ["TemplateId"] = $"{visit}", ["Description"] = "Later", ["Do"] = "postpone" }, NewUrl(owner.BookId, contactId));
        // The same page (same one-time key), as the browser's Back shows it, now with OK.
        await owner.Client.SubmitAsync(form, new() { ["TemplateId"] = $"{visit}", ["Description"] = "Done after all", ["Do"] = "ok" }, NewUrl(owner.BookId, contactId));

        var entries = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId)
            .Select(e => new { e.Description, e.Postponed }).ToListAsync());
        Assert.Equal([("Done after all", false)], entries.Select(e => (e.Description, e.Postponed)));
    }

    [Fact]
    public async Task Cancel_AsksToFinishLater_Discard_SavesNothing()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();

        var asked = await owner.Client.SubmitFormAsync(NewUrl(owner.BookId, contactId), Form,
            new() { ["TemplateId"] = $"{visit}", ["Description"] = "Half done", ["Do"] = "cancel" });
        var question = await TestClient.ParseAsync(asked);
        Assert.Equal("Do you want to finish this interaction later?", question.QuerySelector("h1")!.TextContent.Trim());
        var discard = await owner.Client.SubmitAsync((IHtmlFormElement)question.QuerySelector("form.cancel-actions")!, new() { ["Do"] = "discard" }, "/");

        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.Equal($"/books/{owner.BookId}/contacts/{contactId}", discard.Headers.Location!.OriginalString);
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task Postpone_HiddenFromTimelineAndLog_Resume_FinishesTheSameEntry_DatedToday()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var bookId = owner.BookId;
        var asked = await owner.Client.SubmitFormAsync(NewUrl(bookId, contactId), Form,
            new() { ["TemplateId"] = $"{visit}", ["Description"] = "Draft visit", ["Date"] = "2026-01-02", ["Time"] = "09:30", ["Do"] = "cancel" });
        var question = await TestClient.ParseAsync(asked);
        var postponed = await owner.Client.SubmitAsync((IHtmlFormElement)question.QuerySelector("form.cancel-actions")!, new() { ["Do"] = "postpone" }, "/");
        Assert.Equal(HttpStatusCode.Redirect, postponed.StatusCode);
        var draft = await factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.ContactId == contactId));
        Assert.True(draft.Postponed);
        Assert.Null(await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));

        var timeline = await owner.Client.GetPageAsync($"/books/{bookId}/contacts/{contactId}");
        var log = await owner.Client.GetPageAsync($"/books/{bookId}/interaction-log-entries");
        var list = await owner.Client.GetPageAsync($"/books/{bookId}/postponed-interactions?contact={contactId}");
        Assert.DoesNotContain("Draft visit", timeline.QuerySelector(".contact-timeline")!.TextContent);
        Assert.DoesNotContain("Draft visit", log.QuerySelector("main")!.TextContent);
        Assert.Contains("Draft visit", list.QuerySelector("table.postponed-list")!.TextContent);

        var resumeUrl = list.QuerySelectorAll("a").First(a => a.TextContent.StartsWith("Resume", StringComparison.Ordinal)).GetAttribute("href")!;
        var resumed = await owner.Client.GetPageAsync(resumeUrl);
        Assert.Equal("Draft visit", Value(resumed, "Description"));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), Value(resumed, "Date"));
        Assert.Equal($"{visit}", Selected(resumed, "TemplateId"));
        var finished = await owner.Client.SubmitAsync((IHtmlFormElement)resumed.QuerySelector(Form)!, new() { ["Do"] = "ok" }, resumeUrl);

        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal($"/books/{bookId}/postponed-interactions?contact={contactId}", finished.Headers.Location!.OriginalString);
        var entry = await factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.ContactId == contactId));
        Assert.Equal((draft.Id, draft.EntryNo, false), (entry.Id, entry.EntryNo, entry.Postponed));
        Assert.Equal(DateTime.UtcNow.Date, entry.OccurredAt.Date);
        Assert.Equal(entry.OccurredAt, await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync()));
        Assert.Contains("Draft visit", (await owner.Client.GetPageAsync($"/books/{bookId}/interaction-log-entries")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Resume_ThenPostponeAgain_UpdatesTheSameDraft()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var draftId = await PostponeAsync(owner, contactId, visit, "First try");
        var resumeUrl = $"/books/{owner.BookId}/postponed-interactions/{draftId}/resume";
        var asked = await owner.Client.SubmitFormAsync(resumeUrl, Form, new() { ["Description"] = "Second try", ["Do"] = "cancel" });
        var question = await TestClient.ParseAsync(asked);

        await owner.Client.SubmitAsync((IHtmlFormElement)question.QuerySelector("form.cancel-actions")!, new() { ["Do"] = "postpone" }, "/");

        var drafts = await factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().Where(e => e.ContactId == contactId).ToListAsync());
        var draft = Assert.Single(drafts);
        Assert.Equal((draftId, "Second try", true), (draft.Id, draft.Description, draft.Postponed));
    }

    [Fact]
    public async Task Finish_TwoPeopleAtOnce_TheSecondGetsAConflictMessage_AndNothingHalfSaved()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var member = await factory.JoinAsync(owner.BookId, Crm.Core.Books.BookRole.Member);
        var draftId = await PostponeAsync(owner, contactId, visit, "Shared draft");
        var resumeUrl = $"/books/{owner.BookId}/postponed-interactions/{draftId}/resume";
        var ownersForm = (IHtmlFormElement)(await owner.Client.GetPageAsync(resumeUrl)).QuerySelector(Form)!;
        var membersForm = (IHtmlFormElement)(await member.Client.GetPageAsync(resumeUrl)).QuerySelector(Form)!;

        var first = await owner.Client.SubmitAsync(ownersForm, new() { ["Description"] = "Owner finished", ["Do"] = "ok" }, resumeUrl);
        var second = await member.Client.SubmitAsync(membersForm, new() { ["Description"] = "Member finished", ["Do"] = "ok" }, resumeUrl);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(InteractionLog.DraftGoneMessage, (await TestClient.ParseAsync(second)).QuerySelector(".form-error")!.TextContent);
        var entry = await factory.WithDbAsync(db => db.InteractionLogEntries.AsNoTracking().SingleAsync(e => e.ContactId == contactId));
        Assert.Equal(("Owner finished", false), (entry.Description, entry.Postponed));
    }

    [Fact]
    public async Task DeletePostponed_AfterTheConfirmation_RemovesTheDraft()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var draftId = await PostponeAsync(owner, contactId, visit, "Never mind");
        var confirmUrl = $"/books/{owner.BookId}/postponed-interactions/{draftId}/delete";
        var confirm = await owner.Client.GetPageAsync(confirmUrl);
        Assert.Contains("Delete postponed interaction", confirm.QuerySelector("h1")!.TextContent);

        var response = await owner.Client.SubmitFormAsync(confirmUrl, "main form.form-actions", new());
        var list = await owner.Client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("The postponed interaction was deleted.", list.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId)));
    }

    [Fact]
    public async Task Origins_TeamAndLogEntries_LockTheirField_AndOkReturnsThere()
    {
        var (owner, contactId, visit, _) = await ArrangeAsync();
        var bookId = owner.BookId;
        var member = await factory.JoinAsync(bookId, Crm.Core.Books.BookRole.Member, "Sam Seller");

        var team = await owner.Client.GetPageAsync($"/books/{bookId}/team");
        var teamLink = team.QuerySelectorAll($"tr a").First(a => a.TextContent.Contains("Create Interaction", StringComparison.Ordinal)
            && a.TextContent.Contains("Sam Seller", StringComparison.Ordinal)).GetAttribute("href")!;
        var teamForm = await owner.Client.GetPageAsync(teamLink);
        Assert.Null(teamForm.QuerySelector("select[name=SalespersonUserId]"));
        Assert.Contains("Sam Seller", teamForm.QuerySelector(".locked-value")!.TextContent);
        var fromTeam = await owner.Client.SubmitFormAsync(teamLink, Form,
            new() { ["ContactId"] = $"{contactId}", ["TemplateId"] = $"{visit}", ["Description"] = "From the team page", ["Do"] = "ok" });
        Assert.Equal($"/books/{bookId}/team", fromTeam.Headers.Location!.OriginalString);
        Assert.Equal(member.UserId, await factory.WithDbAsync(db => db.InteractionLogEntries
            .Where(e => e.Description == "From the team page").Select(e => e.SalespersonUserId).SingleAsync()));

        var log = await owner.Client.GetPageAsync($"/books/{bookId}/interaction-log-entries?contact={contactId}&kind=Meeting");
        var logLink = log.QuerySelector(".page-header a.button")!;
        Assert.Equal("Create Interaction", logLink.TextContent.Trim());
        var logForm = await owner.Client.GetPageAsync(logLink.GetAttribute("href")!);
        Assert.Null(logForm.QuerySelector("select[name=ContactId]"));
        var fromLog = await owner.Client.SubmitFormAsync(logLink.GetAttribute("href")!, Form,
            new() { ["TemplateId"] = $"{visit}", ["Description"] = "From the log", ["Do"] = "ok" });
        Assert.Equal($"/books/{bookId}/interaction-log-entries?contact={contactId}&kind=Meeting", fromLog.Headers.Location!.OriginalString);
    }

    private async Task<int> PostponeAsync(TestUser user, int contactId, int templateId, string description)
    {
        var response = await user.Client.SubmitFormAsync(NewUrl(user.BookId, contactId), Form,
            new() { ["TemplateId"] = $"{templateId}", ["Description"] = description, ["Do"] = "postpone" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId && e.Description == description).Select(e => e.Id).SingleAsync());
    }
}
