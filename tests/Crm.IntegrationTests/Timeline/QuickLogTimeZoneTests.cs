using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Timeline;

/// <summary>Wall-clock times a clock change skips or repeats are stored with a defined meaning, never a 500.</summary>
public sealed class QuickLogTimeZoneTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    [Theory]
    // Troll jumps two hours (UTC+0 to UTC+2) at 01:00 UTC: 01:30 is read as 03:30 local.
    [InlineData("Antarctica/Troll", "2026-03-29", "01:30", "2026-03-29T01:30:00")]
    // Copenhagen repeats 02:00-03:00 on 25 October: the first 02:30 (summer time, UTC+2).
    [InlineData("Europe/Copenhagen", "2026-10-25", "02:30", "2026-10-25T00:30:00")]
    public async Task QuickLog_TimeSkippedOrRepeatedByClockChange_StoresTheDefinedMoment(string zone, string date, string time, string expectedUtc)
    {
        var user = await factory.RegisterAsync();
        var settings = await user.Client.SubmitFormAsync("/account/settings", "form[action='/account/settings']",
            new() { ["Profile.DisplayName"] = user.DisplayName, ["Profile.TimeZoneId"] = zone });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var contactId = await factory.CreateContactAsync(user.BookId);

        var response = await user.Client.SubmitFormAsync($"/books/{user.BookId}/contacts/{contactId}/timeline", "form.quick-log-form", new()
        {
            ["Type"] = "Call",
            ["Summary"] = "Night shift call",
            ["Date"] = date,
            ["Time"] = time,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.InteractionLogEntries.Where(e => e.ContactId == contactId).Select(e => e.OccurredAt).SingleAsync());
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), stored);
    }
}
