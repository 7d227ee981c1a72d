using System.Net;
using Crm.Core.Books;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.InteractionLogEntries;

/// <summary>The Interaction Log Entries grid, its bulk actions and Delete Canceled Interaction Log Entries.</summary>
public sealed class LogEntriesTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    /// <summary>A book with 60 calls and 5 meetings on one contact, all in the past.</summary>
    private async Task<(TestUser Owner, int ContactId)> BookWithHistoryAsync()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Busy Contact");
        var now = DateTime.UtcNow;
        var items = Enumerable.Range(0, 60)
            .Select(i => new InteractionToRecord(contactId, InteractionKind.Call, $"Call {i}", now.AddHours(-i - 1), owner.UserId, InteractionSource.Manual))
            .Concat(Enumerable.Range(0, 5)
                .Select(i => new InteractionToRecord(contactId, InteractionKind.Meeting, $"Meeting {i}", now.AddDays(-i - 10), owner.UserId, InteractionSource.Manual)))
            .ToList();
        var result = await factory.WithDbAsync(db => db.RecordAsync(owner.BookId, items, now));
        Assert.True(result.Succeeded);
        return (owner, contactId);
    }

    [Fact]
    public async Task Index_Filtered_ShowsTheCountAndPagesByKeyset()
    {
        var (owner, _) = await BookWithHistoryAsync();
        var url = $"/books/{owner.BookId}/interaction-log-entries?kind=Call";

        var first = await owner.Client.GetPageAsync(url);
        var second = await owner.Client.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Contains("60 interaction log entries match", first.QuerySelector(".log-count")!.TextContent.Replace("\n", " "));
        Assert.Equal(50, first.QuerySelectorAll("table.log-list tbody tr").Length);
        Assert.Equal(10, second.QuerySelectorAll("table.log-list tbody tr").Length);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.DoesNotContain("Meeting", second.QuerySelector("table.log-list")!.TextContent);
    }

    [Fact]
    public async Task MarkAsCanceled_AllMatching_ActsOnEveryFilteredRowNotJustThePage()
    {
        var (owner, contactId) = await BookWithHistoryAsync();
        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-log-entries?kind=Call");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.log-bulk")!;

        var response = await owner.Client.SubmitAsync(form, new() { ["All"] = "true", ["Do"] = "cancel" }, $"/books/{owner.BookId}/interaction-log-entries");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (calls, meetings) = await factory.WithDbAsync(async db => (
            await db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId && e.Kind == InteractionKind.Call && e.Canceled),
            await db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId && e.Kind == InteractionKind.Meeting && e.Canceled)));
        Assert.Equal(60, calls);
        Assert.Equal(0, meetings);
        // The last interaction is now the newest meeting: canceled calls no longer count.
        var last = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync());
        Assert.True(last < DateTime.UtcNow.AddDays(-9));
    }

    [Fact]
    public async Task DeleteCanceled_DeletesOnlyCanceledRowsInsideTheFilter_AndReportsTheCount()
    {
        var (owner, contactId) = await BookWithHistoryAsync();
        await factory.WithDbAsync(db => db.SetCanceledAsync(owner.BookId,
            db.InteractionLogEntries.Where(e => e.ContactId == contactId && (e.Kind == InteractionKind.Meeting || e.Description == "Call 0")), canceled: true));

        var preview = await owner.Client.GetPageAsync($"/books/{owner.BookId}/interaction-log-entries/delete-canceled?kind=Meeting");
        Assert.Contains("5 canceled interaction log entries will be deleted", preview.Body!.TextContent.Replace("\n", " "));
        var response = await owner.Client.PostAsync($"/books/{owner.BookId}/interaction-log-entries/delete-canceled", new() { ["kind"] = "Meeting" },
            tokenPage: $"/books/{owner.BookId}/interaction-log-entries/delete-canceled");
        var list = await owner.Client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("5 interaction log entries were deleted.", list.QuerySelector(".flash")!.TextContent.Trim());
        var left = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId).ToListAsync());
        Assert.Equal(60, left.Count);
        Assert.Single(left, e => e.Canceled);
    }

    [Fact]
    public async Task Export_WritesTheFilteredRowsAsCsv_WithFormulasEscaped()
    {
        var (owner, contactId) = await BookWithHistoryAsync();
        await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
            [new InteractionToRecord(contactId, InteractionKind.Meeting, "=HYPERLINK(\"http://evil.example\")", DateTime.UtcNow.AddDays(-30), owner.UserId, InteractionSource.Manual)],
            DateTime.UtcNow));

        var response = await owner.Client.GetAsync($"/books/{owner.BookId}/interaction-log-entries/export.csv?kind=Meeting");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Entry No.,Date,Contact No.,Contact,Kind,Description", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",Meeting,", line));
        Assert.Contains(lines, line => line.Contains("\"'=HYPERLINK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BookRole.Viewer, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(BookRole.Member, HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    [InlineData(BookRole.Owner, HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Redirect)]
    [InlineData(null, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    public async Task EveryAction_ByRole(BookRole? role, HttpStatusCode read, HttpStatusCode bulk, HttpStatusCode deleteCanceled)
    {
        var (owner, contactId) = await BookWithHistoryAsync();
        var user = role switch
        {
            BookRole.Owner => owner,
            null => await factory.RegisterAsync(),
            { } r => await factory.JoinAsync(owner.BookId, r),
        };
        var entries = $"/books/{owner.BookId}/interaction-log-entries";

        Assert.Equal(read, (await user.Client.GetAsync(entries)).StatusCode);
        var canceled = await user.Client.PostAsync($"{entries}/bulk", new() { ["All"] = "true", ["Do"] = "cancel", ["kind"] = "Meeting" });
        Assert.Equal(bulk, canceled.StatusCode);
        var stored = await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId && e.Canceled));
        Assert.Equal(bulk == HttpStatusCode.Redirect ? 5 : 0, stored);
        var evaluated = await user.Client.PostAsync($"{entries}/bulk", new() { ["All"] = "true", ["Do"] = "evaluate", ["Give"] = "Positive" });
        Assert.Equal(bulk, evaluated.StatusCode);
        // The Delete Canceled page answers 200 where its POST is allowed.
        var deleteCanceledPage = deleteCanceled == HttpStatusCode.Redirect ? HttpStatusCode.OK : deleteCanceled;
        Assert.Equal(deleteCanceledPage, (await user.Client.GetAsync($"{entries}/delete-canceled")).StatusCode);
        var deleted = await user.Client.PostAsync($"{entries}/delete-canceled", new());
        Assert.Equal(deleteCanceled, deleted.StatusCode);
        var remaining = await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId));
        Assert.Equal(deleteCanceled == HttpStatusCode.Redirect ? 60 : 65, remaining);
        // Delete asks first (200 with the count), then deletes when confirmed.
        var ask = await user.Client.PostAsync($"{entries}/bulk", new() { ["All"] = "true", ["Do"] = "delete", ["kind"] = "Call" });
        Assert.Equal(bulk == HttpStatusCode.Redirect ? HttpStatusCode.OK : bulk, ask.StatusCode);
        var confirmed = await user.Client.PostAsync($"{entries}/bulk", new() { ["All"] = "true", ["Do"] = "delete", ["kind"] = "Call", ["Confirmed"] = "true" });
        Assert.Equal(bulk, confirmed.StatusCode);
        Assert.Equal(bulk == HttpStatusCode.Redirect ? 0 : 60,
            await factory.WithDbAsync(db => db.InteractionLogEntries.CountAsync(e => e.ContactId == contactId && e.Kind == InteractionKind.Call)));
    }
}
