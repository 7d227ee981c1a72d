using System.Net;
using Crm.Core.Books;
using Crm.Core.Segments;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Crm.IntegrationTests.Infrastructure.RoleMatrix;

namespace Crm.IntegrationTests.Segments;

/// <summary>The role matrix for every segment and logged-segment action, and "Add to Segment" from the Contacts list.</summary>
public sealed class SegmentsPermissionAndContactsTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.Member)]
    [InlineData(Caller.Owner)]
    [InlineData(Caller.NonMember)]
    public async Task EverySegmentAction_ByRole_AnswersAndStoresPerDesign(Caller caller)
    {
        var owner = await factory.RegisterAsync();
        var bookId = owner.BookId;
        var user = await factory.CallerAsync(owner, caller);
        var client = user.Client;
        var contact = await factory.AddContactAsync(bookId, "Matrix Contact");
        var other = await factory.AddContactAsync(bookId, "Matrix Other");
        var (segmentId, lineId, loggedId, savedId) = await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var call = await db.InteractionTemplates.Where(t => t.BookId == bookId && t.Code == "CALL").Select(t => t.Id).SingleAsync();
            var done = (await db.CreateAsync(bookId, new SegmentHeaderInput { Description = "Done", TemplateId = call }, owner.UserId, BookRole.Owner, now)).Value!;
            await db.ApplyAsync(bookId, done.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = contact }, now);
            var logged = (await db.LogAsync(bookId, done.Id, owner.UserId, BookRole.Owner, false, now)).Value!.Logged;
            var saved = (await db.SaveCriteriaAsync(bookId, done.Id, "MATRIX", "Matrix", now)).Value!;
            var segment = (await db.CreateAsync(bookId, new SegmentHeaderInput { Description = "Open" }, owner.UserId, BookRole.Owner, now)).Value!;
            await db.ApplyAsync(bookId, segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = contact }, now);
            var line = await db.SegmentLines.Where(l => l.SegmentId == segment.Id).Select(l => l.Id).SingleAsync();
            return (segment.Id, line, logged.Id, saved.Id);
        });
        var segments = $"/books/{bookId}/segments";
        var url = $"{segments}/{segmentId}";
        var loggedSegments = $"/books/{bookId}/logged-segments";
        HttpStatusCode Read() => Expect(caller, BookRole.Viewer, HttpStatusCode.OK);
        HttpStatusCode Write(HttpStatusCode success) => Expect(caller, BookRole.Member, success);
        var allowed = caller is Caller.Member or Caller.Owner;

        // Reading: everyone in the book; a Viewer sees no button it cannot use.
        Assert.Equal(Read(), (await client.GetAsync(segments)).StatusCode);
        Assert.Equal(Read(), (await client.GetAsync(url)).StatusCode);
        Assert.Equal(Read(), (await client.GetAsync(loggedSegments)).StatusCode);
        if (caller == Caller.Viewer)
        {
            var page = await client.GetPageAsync(url);
            Assert.Empty(page.QuerySelectorAll("main form[method=post] button, main a[href*='/criteria/'], main a[href$='/log']"));
            Assert.Empty((await client.GetPageAsync(segments)).QuerySelectorAll("main form[method=post]"));
            Assert.Empty((await client.GetPageAsync(loggedSegments)).QuerySelectorAll("main form[method=post]"));
        }

        // Pages that change something: Members and Owners.
        Assert.Equal(Write(HttpStatusCode.OK), (await client.GetAsync($"{url}/criteria/add")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.OK), (await client.GetAsync($"{url}/lines/{lineId}/personalize")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.OK), (await client.GetAsync($"{url}/save-criteria")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.OK), (await client.GetAsync($"{url}/reuse")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.OK), (await client.GetAsync($"{url}/log")).StatusCode);

        // Every post, forged where the page offers none.
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{segments}/new")).StatusCode);
        Assert.Equal(allowed ? 3 : 2, await factory.WithDbAsync(db => db.Segments.CountAsync(s => s.BookId == bookId)));
        var version = await factory.WithDbAsync(db => db.Segments.Where(s => s.Id == segmentId).Select(s => s.Version).SingleAsync());
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/header",
            new() { ["Header.Description"] = "Renamed", ["Header.Version"] = version.ToString(), ["Header.UpdateLines"] = "true" })).StatusCode);
        Assert.Equal(allowed ? "Renamed" : "Open", await factory.WithDbAsync(db => db.Segments.Where(s => s.Id == segmentId).Select(s => s.Description).SingleAsync()));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/lines/{lineId}/personalize", new() { ["Form.Subject"] = "Own" })).StatusCode);
        Assert.Equal(allowed ? "Own" : null, await factory.WithDbAsync(db => db.SegmentLines.Where(l => l.Id == lineId).Select(l => l.Subject).SingleAsync()));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/contacts/{other}/add")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/contacts/{other}/remove")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/criteria/add", new() { ["Name"] = "Matrix", ["Confirm"] = "true" })).StatusCode);
        Assert.Equal(allowed ? 2 : 1, await factory.WithDbAsync(db => db.SegmentLines.CountAsync(l => l.SegmentId == segmentId)));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/go-back")).StatusCode);
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/save-criteria", new() { ["Form.Code"] = "BY" + caller, ["Form.Description"] = "d" })).StatusCode);
        Assert.Equal(allowed, await factory.WithDbAsync(db => db.SavedCriteria.AnyAsync(c => c.BookId == bookId && c.Code == ("BY" + caller).ToUpperInvariant())));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/reuse-criteria", new() { ["savedCriteriaId"] = savedId.ToString() })).StatusCode);
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{url}/reuse-segment", new() { ["loggedSegmentId"] = loggedId.ToString() })).StatusCode);
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{segments}/add-contacts", new() { ["SegmentId"] = segmentId.ToString(), ["All"] = "true" })).StatusCode);
        Assert.Equal(Write(HttpStatusCode.OK), (await client.PostAsync($"{url}/log", new() { ["createFollowUp"] = "false" })).StatusCode);  // refused: no template
        Assert.Equal(SegmentStatus.Active, await factory.WithDbAsync(db => db.Segments.Where(s => s.Id == segmentId).Select(s => s.Status).SingleAsync()));

        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{loggedSegments}/{loggedId}/cancel")).StatusCode);
        Assert.Equal(allowed, await factory.WithDbAsync(db => db.LoggedSegments.Where(l => l.Id == loggedId).Select(l => l.Canceled).SingleAsync()));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{loggedSegments}/{loggedId}/undo-cancel")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.LoggedSegments.Where(l => l.Id == loggedId).Select(l => l.Canceled).SingleAsync()));
        var before = await factory.WithDbAsync(db => db.Segments.CountAsync(s => s.BookId == bookId));
        Assert.Equal(Write(HttpStatusCode.Redirect), (await client.PostAsync($"{loggedSegments}/{loggedId}/follow-up")).StatusCode);
        Assert.Equal(before + (allowed ? 1 : 0), await factory.WithDbAsync(db => db.Segments.CountAsync(s => s.BookId == bookId)));
    }

    [Fact]
    public async Task AddToSegment_AllMatching_AddsEveryMatchAcrossPages_AndTickedRowsOnlyThose()
    {
        var owner = await factory.RegisterAsync();
        await factory.AddContactsAsync(owner.BookId, 120, (i, c) => { c.City = i % 2 == 0 ? "Even" : "Odd"; return c; });
        var list = $"/books/{owner.BookId}/contacts?q=bulk&type=Person";
        var total = await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId && c.Type == Crm.Core.Contacts.ContactType.Person && c.Name.StartsWith("Bulk")));
        Assert.True(total > 50);

        var added = await owner.Client.SubmitFormAsync(list, "form#add-to-segment", new() { ["All"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var segmentPage = await owner.Client.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains($"{total} contacts added", segmentPage.QuerySelector(".flash")!.TextContent);
        var segmentId = await factory.WithDbAsync(db => db.Segments.Where(s => s.BookId == owner.BookId).Select(s => s.Id).SingleAsync());
        Assert.Equal(total, await factory.WithDbAsync(db => db.SegmentLines.CountAsync(l => l.SegmentId == segmentId)));
        Assert.Equal(SegmentActionKind.AddContacts, await factory.WithDbAsync(db => db.SegmentActions.Where(a => a.SegmentId == segmentId).Select(a => a.Kind).SingleAsync()));

        // Ticked rows into the existing segment: a fresh segment so the count is clear.
        var second = await factory.WithDbAsync(async db => (await db.CreateAsync(owner.BookId, new SegmentHeaderInput(), owner.UserId, BookRole.Owner, DateTime.UtcNow)).Value!.Id);
        var ids = await factory.WithDbAsync(db => db.Contacts.Where(c => c.BookId == owner.BookId).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync());
        var page = await owner.Client.GetPageAsync(list);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form#add-to-segment")!;
        var response = await owner.Client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.QuerySelector("form#add-to-segment input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("SegmentId", second.ToString()), new("q", "bulk"), new("ContactIds", ids[0].ToString()), new("ContactIds", ids[1].ToString()),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.SegmentLines.CountAsync(l => l.SegmentId == second)));
    }

    [Fact]
    public async Task ContactEdit_OffersExcludeFromSegments()
    {
        var owner = await factory.RegisterAsync();
        var contact = await factory.AddContactAsync(owner.BookId, "Shy Contact");
        var edit = $"/books/{owner.BookId}/contacts/{contact}/edit";
        Assert.NotNull((await owner.Client.GetPageAsync(edit)).QuerySelector("input[type=checkbox][name=ExcludeFromSegments]"));

        await owner.Client.SubmitFormAsync(edit, "form[action$='/edit']", new() { ["ExcludeFromSegments"] = "true" });

        Assert.True(await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => c.ExcludeFromSegments).SingleAsync()));
    }
}
