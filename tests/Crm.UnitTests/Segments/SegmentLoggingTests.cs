using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Segments;

/// <summary>Numbering, header changes, Log Segment, follow-ups and the cancel cascade, over a real SQLite file.</summary>
public sealed class SegmentLoggingTests : SegmentBook
{
    [Fact]
    public async Task Create_TakesTheNextNoFromTheSeries_DatedTodayForTheCreator()
    {
        var first = await NewSegmentAsync();
        var second = await NewSegmentAsync();

        Assert.Equal(("SM00001", "SM00002"), (first.No, second.No));
        Assert.Equal((DateOnly.FromDateTime(Now), MemberId), (first.Date, first.SalespersonUserId));
    }

    [Fact]
    public async Task Create_WithoutASeries_TellsAnOwnerWhatToSetAndAMemberWhomToAsk()
    {
        await using var db = NewContext();
        await db.Books.Where(b => b.Id == BookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.SegmentNoPrefix, ""));

        var owner = await db.CreateAsync(BookId, new SegmentHeaderInput(), OwnerId, BookRole.Owner, Now);
        var member = await db.CreateAsync(BookId, new SegmentHeaderInput(), MemberId, BookRole.Member, Now);

        Assert.Equal(SegmentChanges.MissingSeriesMessage(BookRole.Owner), owner.Message);
        Assert.Contains("Setup", owner.Message, StringComparison.Ordinal);
        Assert.Contains("ask an Owner", member.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Segments.CountAsync());
    }

    [Fact]
    public async Task Create_NextNumberAlreadyUsed_IsRefusedAndTheSeriesDoesNotMove()
    {
        await NewSegmentAsync();
        await using var db = NewContext();
        await db.Books.Where(b => b.Id == BookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.SegmentNoNext, 1));

        var result = await db.CreateAsync(BookId, new SegmentHeaderInput(), OwnerId, BookRole.Owner, Now);

        Assert.Equal(SegmentChanges.NumberTakenMessage("SM00001", BookRole.Owner), result.Message);
        Assert.Equal(1, await db.Books.Where(b => b.Id == BookId).Select(b => b.SegmentNoNext).SingleAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HeaderChange_UpdatesOnlyLinesThatDidNotOverrideTheField_OrNoneWhenAskedNotTo(bool updateLines)
    {
        var segment = await NewSegmentAsync(new SegmentHeaderInput { Description = "Old", TemplateId = Letter.Id, Subject = "Old subject" });
        await ApplyAsync(segment.Id, Add(new ContactFilter { Country = "Norway" }));
        await using var db = NewContext();
        var anna = await LineAsync(segment.Id, "Anna Berg");
        await db.SetLineOverridesAsync(BookId, segment.Id, anna.Id, new SegmentLineOverrides(null, "Anna's own", null, null));

        var changed = await db.UpdateHeaderAsync(BookId, segment.Id,
            new SegmentHeaderInput { Description = "New", TemplateId = Call.Id, Subject = "Old subject" }, segment.Version, updateLines);

        Assert.True(changed.Succeeded, changed.Message);
        var descriptions = await EffectiveDescriptionsAsync(segment.Id);
        Assert.Equal("Anna's own", descriptions["Anna Berg"]);
        Assert.Equal(updateLines ? "New" : "Old", descriptions["Bjorn Dahl"]);
        Assert.Equal(updateLines ? null : Letter.Id, (await LineAsync(segment.Id, "Bjorn Dahl")).TemplateId);
        Assert.Null((await LineAsync(segment.Id, "Bjorn Dahl")).Subject);
    }

    [Fact]
    public async Task HeaderChange_StaleVersion_IsAConflict()
    {
        var segment = await NewSegmentAsync();
        await using var db = NewContext();

        var result = await db.UpdateHeaderAsync(BookId, segment.Id, new SegmentHeaderInput { Description = "x" }, Guid.NewGuid(), true);

        Assert.Equal(Crm.Core.Changes.ChangeStatus.Conflict, result.Status);
    }

    [Fact]
    public async Task Log_IsRefused_WithoutDescription_WithoutLines_AndOnceLogged()
    {
        var noDescription = await NewSegmentAsync(new SegmentHeaderInput { TemplateId = Letter.Id });
        await ApplyAsync(noDescription.Id, Add());
        var noLines = await NewSegmentAsync();
        var logged = await NewSegmentAsync();
        await ApplyAsync(logged.Id, Add());
        await using var db = NewContext();
        Assert.True((await db.LogAsync(BookId, logged.Id, MemberId, BookRole.Member, false, Now)).Succeeded);

        Assert.Equal(SegmentLogging.DescriptionRequiredMessage, (await db.LogAsync(BookId, noDescription.Id, MemberId, BookRole.Member, false, Now)).Message);
        Assert.Equal(SegmentLogging.NoLinesMessage, (await db.LogAsync(BookId, noLines.Id, MemberId, BookRole.Member, false, Now)).Message);
        Assert.Equal(SegmentLogging.AlreadyLoggedMessage, (await db.LogAsync(BookId, logged.Id, MemberId, BookRole.Member, false, Now)).Message);
        Assert.Equal(1, await db.LoggedSegments.CountAsync());
        Assert.Equal(4, await db.InteractionLogEntries.CountAsync());
    }

    [Fact]
    public async Task Log_TwoPeopleAtOnce_LogsExactlyOnce()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add());
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            Task.Run(() => first.LogAsync(BookId, segment.Id, OwnerId, BookRole.Owner, true, Now)),
            Task.Run(() => second.LogAsync(BookId, segment.Id, MemberId, BookRole.Member, true, Now)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Message == SegmentLogging.AlreadyLoggedMessage);
        await using var db = NewContext();
        Assert.Equal(1, await db.LoggedSegments.CountAsync());
        Assert.Equal(4, await db.InteractionLogEntries.CountAsync());
        Assert.Equal(2, await db.Segments.CountAsync());
    }

    [Fact]
    public async Task Log_RecordsOneEntryPerLineWithEffectiveValues_AndTheFollowUp()
    {
        var segment = await NewSegmentAsync(new SegmentHeaderInput { Description = "Autumn mailing", TemplateId = Letter.Id, UnitCost = 3m });
        await ApplyAsync(segment.Id, Add(new ContactFilter { Type = ContactType.Person }));     // Anna, Bjorn, Carla
        await using var db = NewContext();
        var carla = await LineAsync(segment.Id, "Carla Diaz");
        await db.SetLineOverridesAsync(BookId, segment.Id, carla.Id, new SegmentLineOverrides(Call.Id, "Call Carla", null, CorrespondenceType.Email));
        var entryNoBefore = await db.Books.Where(b => b.Id == BookId).Select(b => b.InteractionEntryNoNext).SingleAsync();

        var result = await db.LogAsync(BookId, segment.Id, OwnerId, BookRole.Owner, createFollowUp: true, Now);

        Assert.True(result.Succeeded, result.Message);
        var logged = result.Value!.Logged;
        Assert.Equal((1, segment.No, "Autumn mailing", 3, OwnerId), (logged.EntryNo, logged.SegmentNo, logged.Description, logged.InteractionCount, logged.CreatedByUserId));
        var entries = await db.InteractionLogEntries.AsNoTracking().Where(e => e.LoggedSegmentId == logged.Id).OrderBy(e => e.EntryNo).ToListAsync();
        Assert.Equal(3, entries.Count);
        Assert.Equal(Enumerable.Range(entryNoBefore, 3), entries.Select(e => e.EntryNo));
        Assert.All(entries, e => Assert.Equal((InteractionSource.Segment, segment.No, MemberId, Now), (e.Source, e.SegmentNo, e.SalespersonUserId, e.OccurredAt)));
        var byContact = entries.ToDictionary(e => e.ContactId);
        var anna = byContact[Contacts["Anna Berg"]];
        Assert.Equal((Letter.Id, InteractionKind.Letter, "Autumn mailing", "Our news", CorrespondenceType.HardCopy, 3m, 5, (int?)Contacts["Acme"], (int?)GroupId),
            (anna.TemplateId!.Value, anna.Kind, anna.Description, anna.Subject, anna.CorrespondenceType, anna.Cost, anna.DurationMinutes, anna.CompanyContactId, anna.GroupId));
        var call = byContact[Contacts["Carla Diaz"]];
        Assert.Equal((Call.Id, InteractionKind.Call, "Call Carla", CorrespondenceType.Email, 3m, 10),
            (call.TemplateId!.Value, call.Kind, call.Description, call.CorrespondenceType, call.Cost, call.DurationMinutes));
        Assert.Equal(Now, await db.Contacts.Where(c => c.Id == Contacts["Anna Berg"]).Select(c => c.LastInteractionAt).SingleAsync());

        var followUp = result.Value.FollowUp!;
        Assert.Equal(("SM00002", "Follow-up on segment SM00001", SegmentStatus.Active, Letter.Id, 3m),
            (followUp.No, followUp.Description, followUp.Status, followUp.TemplateId!.Value, followUp.UnitCost!.Value));
        Assert.Equal(["Anna Berg", "Bjorn Dahl", "Carla Diaz"], await LineNamesAsync(followUp.Id));
        Assert.Equal(SegmentStatus.Logged, await db.Segments.Where(s => s.Id == segment.Id).Select(s => s.Status).SingleAsync());
    }

    public static TheoryData<string, SegmentHeaderInput> Headers => new()
    {
        { "template only", new SegmentHeaderInput { Description = "d" } },
        { "every header field", new SegmentHeaderInput
        {
            Description = "d", Subject = "s", CorrespondenceType = CorrespondenceType.Email, InformationFlow = InformationFlow.Inbound,
            InitiatedBy = InitiatedBy.Them, UnitCost = 0m, UnitDurationMinutes = 0,
        } },
        { "contact preference ignored", new SegmentHeaderInput { Description = "d", IgnoreContactCorrespondenceType = true } },
        { "header type, contact preference ignored", new SegmentHeaderInput
        {
            Description = "d", CorrespondenceType = CorrespondenceType.HardCopy, IgnoreContactCorrespondenceType = true,
        } },
    };

    /// <summary>Logging computes the effective values in SQL: they must be what <see cref="SegmentLineValues.Resolve"/> says.</summary>
    [Theory]
    [MemberData(nameof(Headers))]
    public async Task Log_EntriesCarryTheValuesResolveGives(string why, SegmentHeaderInput header)
    {
        // A template without a correspondence type, so the contact's preference can show.
        var plain = new InteractionTemplate { BookId = BookId, Code = "PLAIN", Description = "Plain", GroupId = GroupId, Kind = InteractionKind.Email };
        await using (var arrange = NewContext())
        {
            arrange.InteractionTemplates.Add(plain);
            await arrange.SaveChangesAsync();
        }
        header.TemplateId = plain.Id;
        var segment = await NewSegmentAsync(header);
        await ApplyAsync(segment.Id, Add(new ContactFilter { Type = ContactType.Person }));
        await using var db = NewContext();
        var carla = await LineAsync(segment.Id, "Carla Diaz");
        var bjorn = await LineAsync(segment.Id, "Bjorn Dahl");
        await db.SetLineOverridesAsync(BookId, segment.Id, carla.Id, new SegmentLineOverrides(null, null, "Own subject", null));
        await db.SetLineOverridesAsync(BookId, segment.Id, bjorn.Id, new SegmentLineOverrides(Letter.Id, "Own", null, CorrespondenceType.HardCopy));
        var stored = await db.Segments.AsNoTracking().SingleAsync(s => s.Id == segment.Id);
        var lines = await db.SegmentLines.AsNoTracking().Where(l => l.SegmentId == segment.Id)
            .Join(db.Contacts, l => l.ContactId, c => c.Id, (l, c) => new { l, c.CorrespondenceType }).ToListAsync();
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => t.BookId == BookId).ToDictionaryAsync(t => t.Id);

        var logged = await db.LogAsync(BookId, segment.Id, MemberId, BookRole.Member, false, Now);

        Assert.True(logged.Succeeded, logged.Message);
        var entries = await db.InteractionLogEntries.AsNoTracking().Where(e => e.LoggedSegmentId == logged.Value!.Logged.Id).ToDictionaryAsync(e => e.ContactId);
        foreach (var line in lines)
        {
            var overrides = new SegmentLineOverrides(line.l.TemplateId, line.l.Description, line.l.Subject, line.l.CorrespondenceType);
            var headerValues = SegmentHeaderValues.Of(stored);
            var expected = SegmentLineValues.Resolve(headerValues, overrides, templates[SegmentLineValues.TemplateIdOf(headerValues, overrides)!.Value],
                line.CorrespondenceType);
            var e = entries[line.l.ContactId];
            Assert.True(expected == new EffectiveLineValues(e.TemplateId, e.Description, e.Subject, e.CorrespondenceType, e.InformationFlow,
                e.InitiatedBy, e.Cost, e.DurationMinutes), $"{why}: contact {line.l.ContactId}: expected {expected}, logged {e.Description} {e.Subject} {e.CorrespondenceType}");
        }
    }

    [Fact]
    public async Task LoggedSegment_CreateFollowUp_HasItsContactsAndHeader()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Country = "Norway" }));
        await using var db = NewContext();
        var logged = (await db.LogAsync(BookId, segment.Id, MemberId, BookRole.Member, false, Now)).Value!.Logged;

        var followUp = await db.CreateFollowUpAsync(BookId, logged.Id, MemberId, BookRole.Member, Now);

        Assert.True(followUp.Succeeded, followUp.Message);
        Assert.Equal((SegmentLogging.FollowUpDescription(segment.No), (int?)Letter.Id), (followUp.Value!.Description, followUp.Value.TemplateId));
        Assert.Equal(["Acme", "Anna Berg", "Bjorn Dahl"], await LineNamesAsync(followUp.Value.Id));
    }

    [Fact]
    public async Task LoggedSegment_CancelAndUndo_CascadeToItsEntries_ASingleUndoIsRefusedWhileItIsCanceled()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Country = "Norway" }));
        await LogHistoryAsync("Anna Berg", Call, Now.AddDays(-1));
        await using var db = NewContext();
        var logged = (await db.LogAsync(BookId, segment.Id, MemberId, BookRole.Member, false, Now)).Value!.Logged;
        var ofSegment = db.InteractionLogEntries.Where(e => e.LoggedSegmentId == logged.Id);

        var canceled = await db.SetLoggedSegmentCanceledAsync(BookId, logged.Id, canceled: true);
        Assert.Equal(3, canceled.Value);
        Assert.True(await ofSegment.AllAsync(e => e.Canceled));
        Assert.Equal(Now.AddDays(-1), await db.Contacts.Where(c => c.Id == Contacts["Anna Berg"]).Select(c => c.LastInteractionAt).SingleAsync());

        var single = await db.SetCanceledAsync(BookId, ofSegment.Take(1), canceled: false);
        Assert.Equal(LoggedSegmentRules.CanceledSegmentMessage(segment.No), single.Message);
        Assert.True(await ofSegment.AllAsync(e => e.Canceled));

        var undone = await db.SetLoggedSegmentCanceledAsync(BookId, logged.Id, canceled: false);
        Assert.Equal(3, undone.Value);
        Assert.False(await ofSegment.AnyAsync(e => e.Canceled));
        Assert.False(await db.LoggedSegments.Where(l => l.Id == logged.Id).Select(l => l.Canceled).SingleAsync());
        Assert.Equal(Now, await db.Contacts.Where(c => c.Id == Contacts["Anna Berg"]).Select(c => c.LastInteractionAt).SingleAsync());
    }

    [Fact]
    public async Task DeleteTemplate_UsedByASegmentOrALine_IsRefused()
    {
        await NewSegmentAsync(new SegmentHeaderInput { TemplateId = Letter.Id });
        var segment = await NewSegmentAsync(new SegmentHeaderInput());
        await ApplyAsync(segment.Id, Add(new ContactFilter { Name = "Anna" }));
        await using var db = NewContext();
        await db.SetLineOverridesAsync(BookId, segment.Id, (await LineAsync(segment.Id, "Anna Berg")).Id, new SegmentLineOverrides(Call.Id, null, null, null));

        var letter = await db.DeleteTemplateAsync(BookId, Letter.Id);
        var call = await db.DeleteTemplateAsync(BookId, Call.Id);

        Assert.Equal("LETTER is used by 1 segment, so it cannot be deleted: choose another template there first.", letter.Message);
        Assert.Equal(Crm.Core.Changes.ChangeStatus.Refused, call.Status);
    }

    [Fact]
    public async Task LoggedSegment_Lines_CannotChangeAnyMore()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add());
        await using var db = NewContext();
        await db.LogAsync(BookId, segment.Id, MemberId, BookRole.Member, false, Now);

        Assert.Equal(SegmentCriteria.LoggedMessage, (await db.ApplyAsync(BookId, segment.Id, Add(), Now)).Message);
        Assert.Equal(SegmentCriteria.LoggedMessage, (await db.GoBackAsync(BookId, segment.Id)).Message);
    }

    private async Task<Dictionary<string, string?>> EffectiveDescriptionsAsync(int segmentId)
    {
        await using var db = NewContext();
        var header = SegmentHeaderValues.Of(await db.Segments.AsNoTracking().SingleAsync(s => s.Id == segmentId));
        var lines = await db.SegmentLines.AsNoTracking().Where(l => l.SegmentId == segmentId)
            .Join(db.Contacts, l => l.ContactId, c => c.Id, (l, c) => new { l, c.Name }).ToListAsync();
        return lines.ToDictionary(x => x.Name, x => SegmentLineValues.Resolve(header,
            new SegmentLineOverrides(x.l.TemplateId, x.l.Description, x.l.Subject, x.l.CorrespondenceType), null, CorrespondenceType.None).Description);
    }
}
