using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Timeline;

/// <summary>A clock the tests set, so "Today"/"Yesterday" and "2 hours ago" are predictable.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The app with a fixed clock at noon UTC of the real today (near enough to the real time that cookies stay valid).
/// </summary>
public class TimelineFactory : CrmFactory
{
    public static readonly DateTime NowUtc = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddHours(12), DateTimeKind.Utc);

    public FixedClock Clock { get; } = new(new DateTimeOffset(NowUtc));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A contact stored directly (the contacts UI lives in another feature).</summary>
    public Task<int> CreateContactAsync(int bookId, string name = "Grace Hopper", int? companyId = null, string? salespersonUserId = null,
        ContactType type = ContactType.Person) =>
        WithDbAsync(async db =>
        {
            var contact = new Contact
            {
                BookId = bookId,
                No = "CT" + Guid.NewGuid().ToString("N")[..8],
                Type = type,
                Name = name,
                CompanyId = companyId,
                SalespersonUserId = salespersonUserId,
                CreatedAt = NowUtc,
                UpdatedAt = NowUtc,
            };
            contact.RefreshSearchText(null);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

    /// <summary>Stores entries directly with the given times (UTC); returns their ids in the given order.</summary>
    public Task<List<int>> AddEntriesAsync(int bookId, int contactId, string loggedByUserId, params EntrySpec[] specs) =>
        WithDbAsync(async db =>
        {
            var no = await Core.Books.NumberSeries.ReserveEntryNosAsync(db, bookId, specs.Length);
            var entries = specs.Select(s => new InteractionLogEntry
            {
                BookId = bookId,
                ContactId = contactId,
                EntryNo = no++,
                Kind = s.Kind,
                Description = s.Summary,
                OccurredAt = s.OccurredAt,
                LoggedAt = s.LoggedAt ?? NowUtc,
                LoggedByUserId = loggedByUserId,
                Canceled = s.Canceled,
                Postponed = s.Postponed,
                Source = s.Source,
            }).ToList();
            // One by one, so ids rise in the given order (ties on OccurredAt then order by id).
            foreach (var entry in entries)
            {
                db.InteractionLogEntries.Add(entry);
                await db.SaveChangesAsync();
            }
            return entries.Select(e => e.Id).ToList();
        });
}

public sealed record EntrySpec(
    DateTime OccurredAt,
    string Summary,
    InteractionKind Kind = InteractionKind.Call,
    bool Canceled = false,
    bool Postponed = false,
    DateTime? LoggedAt = null,
    InteractionSource Source = InteractionSource.Manual);
