using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Microsoft.EntityFrameworkCore;

namespace Crm.UnitTests.Segments;

/// <summary>The criteria engine over a real SQLite file: filters, options, Go Back, saved criteria, Reuse Segment.</summary>
public sealed class SegmentCriteriaTests : SegmentBook
{
    public static TheoryData<string, ContactFilter, string[]> Filters => new()
    {
        { "everyone but the excluded", new ContactFilter(), ["Acme", "Anna Berg", "Bjorn Dahl", "Carla Diaz"] },
        { "name contains, any case", new ContactFilter { Name = "AN" }, ["Anna Berg"] },
        { "job title contains", new ContactFilter { JobTitle = "manager" }, ["Anna Berg", "Carla Diaz"] },
        { "city equals, any case", new ContactFilter { City = "oslo" }, ["Acme", "Anna Berg"] },
        { "country equals", new ContactFilter { Country = "Spain" }, ["Carla Diaz"] },
        { "post code starts with", new ContactFilter { PostCode = "01" }, ["Anna Berg"] },
        { "language", new ContactFilter { Language = "NB" }, ["Anna Berg", "Bjorn Dahl"] },
        { "type", new ContactFilter { Type = ContactType.Company }, ["Acme"] },
        { "one tag", new ContactFilter { Tags = ["newsletter"] }, ["Anna Berg", "Bjorn Dahl"] },
        { "every tag", new ContactFilter { Tags = ["Newsletter", "VIP"] }, ["Anna Berg"] },
        { "several fields narrow", new ContactFilter { Country = "Norway", JobTitle = "engineer" }, ["Bjorn Dahl"] },
        { "a LIKE wildcard is text", new ContactFilter { Name = "%" }, [] },
        { "the Contacts list's search", new ContactFilter { Search = "CT0000" }, ["Acme", "Anna Berg", "Bjorn Dahl", "Carla Diaz"] },
        { "search in the name, any case", new ContactFilter { Search = "DIAZ" }, ["Carla Diaz"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task AddContacts_EachContactField_AddsTheMatchesOnly(string why, ContactFilter filter, string[] expected)
    {
        var segment = await NewSegmentAsync();

        var counts = await ApplyAsync(segment.Id, Add(filter));

        Assert.True(expected.SequenceEqual(await LineNamesAsync(segment.Id)), why);
        Assert.Equal(new CriteriaCounts(expected.Length, 0), counts);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ReduceAndRefine_EachContactField_RemoveTheMatches_OrKeepOnlyThem(string why, ContactFilter filter, string[] expected)
    {
        var reduced = await NewSegmentAsync();
        var refined = await NewSegmentAsync();
        await ApplyAsync(reduced.Id, Add());
        await ApplyAsync(refined.Id, Add());
        var everyone = await LineNamesAsync(reduced.Id);

        await ApplyAsync(reduced.Id, new CriteriaStep(SegmentActionKind.ReduceContacts) { Filter = filter });
        await ApplyAsync(refined.Id, new CriteriaStep(SegmentActionKind.RefineContacts) { Filter = filter });

        Assert.True(everyone.Except(expected).SequenceEqual(await LineNamesAsync(reduced.Id)), why);
        Assert.True(expected.SequenceEqual(await LineNamesAsync(refined.Id)), why);
    }

    [Fact]
    public async Task ReduceAndRefine_HistoryAndLoggedSegment()
    {
        await LogHistoryAsync("Bjorn Dahl", Call, Now.AddDays(-2));
        var logged = await LoggedSegmentOfAsync("Carla Diaz");
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add());

        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.ReduceContacts) { Filter = new ContactFilter { LoggedSegmentId = logged } });
        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.RefineContacts)
        {
            Filter = new ContactFilter { History = new HistoryFilter { HasEntry = false, TemplateId = Call.Id } },
        });

        Assert.Equal(["Acme", "Anna Berg"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task DeletingAContact_TakesItsLinesAndRemovedLineCopies()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Name = "Carla" }));
        var other = await NewSegmentAsync();
        await ApplyAsync(other.Id, Add(new ContactFilter { Name = "Carla" }));
        await ApplyAsync(other.Id, new CriteriaStep(SegmentActionKind.RemoveContact) { ContactId = Contacts["Carla Diaz"] });
        await using var db = NewContext();

        var deleted = await db.DeleteAsync(BookId, Contacts["Carla Diaz"]);

        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Empty(await LineNamesAsync(segment.Id));
        Assert.Equal(0, await db.SegmentRemovedLines.CountAsync());
        Assert.Equal(new CriteriaCounts(0, 0), (await db.GoBackAsync(BookId, other.Id)).Value);
    }

    [Fact]
    public async Task AddContacts_TickedContacts_AddsThoseOnly()
    {
        var segment = await NewSegmentAsync();

        await ApplyAsync(segment.Id, Add(new ContactFilter { ContactIds = [Contacts["Acme"], Contacts["Carla Diaz"], Contacts["Dora Excluded"]] }));

        Assert.Equal(["Acme", "Carla Diaz"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task AddContacts_CompanyAndSalesperson_AddTheirContacts()
    {
        var byCompany = await NewSegmentAsync();
        var bySalesperson = await NewSegmentAsync();

        await ApplyAsync(byCompany.Id, Add(new ContactFilter { CompanyId = Contacts["Acme"] }));
        await ApplyAsync(bySalesperson.Id, Add(new ContactFilter { SalespersonUserId = OwnerId }));

        Assert.Equal(["Anna Berg", "Bjorn Dahl"], await LineNamesAsync(byCompany.Id));
        Assert.Equal(["Anna Berg", "Carla Diaz"], await LineNamesAsync(bySalesperson.Id));
    }

    [Fact]
    public async Task AddContacts_InteractionHistory_HasAndHasNoEntryByTemplateGroupKindEvaluationAndDates()
    {
        await LogHistoryAsync("Anna Berg", Call, Now.AddDays(-3), Evaluation.Positive);
        await LogHistoryAsync("Bjorn Dahl", Letter, Now.AddDays(-40));
        await LogHistoryAsync("Carla Diaz", Call, Now.AddDays(-40), Evaluation.Negative);

        async Task<List<string>> MatchesAsync(HistoryFilter history)
        {
            var segment = await NewSegmentAsync();
            await ApplyAsync(segment.Id, Add(new ContactFilter { History = history }));
            return await LineNamesAsync(segment.Id);
        }

        Assert.Equal(["Anna Berg", "Carla Diaz"], await MatchesAsync(new HistoryFilter { TemplateId = Call.Id }));
        Assert.Equal(["Anna Berg", "Bjorn Dahl", "Carla Diaz"], await MatchesAsync(new HistoryFilter { GroupId = GroupId }));
        Assert.Equal(["Bjorn Dahl"], await MatchesAsync(new HistoryFilter { Kind = InteractionKind.Letter }));
        Assert.Equal(["Carla Diaz"], await MatchesAsync(new HistoryFilter { Evaluation = Evaluation.Negative }));
        Assert.Equal(["Anna Berg"], await MatchesAsync(new HistoryFilter { FromUtc = Now.AddDays(-7), BeforeUtc = Now }));
        Assert.Equal(["Carla Diaz"], await MatchesAsync(new HistoryFilter { TemplateId = Call.Id, BeforeUtc = Now.AddDays(-7) }));
        Assert.Equal(["Acme", "Bjorn Dahl"], await MatchesAsync(new HistoryFilter { HasEntry = false, TemplateId = Call.Id }));
        Assert.Equal(["Acme", "Bjorn Dahl", "Carla Diaz"], await MatchesAsync(new HistoryFilter { HasEntry = false, FromUtc = Now.AddDays(-7) }));
    }

    [Fact]
    public async Task AddContacts_CanceledEntries_AreNoHistory()
    {
        await LogHistoryAsync("Anna Berg", Call, Now.AddDays(-3));
        await using (var db = NewContext())
        {
            await db.SetCanceledAsync(BookId, db.InteractionLogEntries, canceled: true);
        }
        var segment = await NewSegmentAsync();

        await ApplyAsync(segment.Id, Add(new ContactFilter { History = new HistoryFilter { TemplateId = Call.Id } }));

        Assert.Empty(await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task AddContacts_LoggedSegmentMembership_AddsItsContacts()
    {
        var logged = await LoggedSegmentOfAsync("Anna Berg", "Carla Diaz");
        var segment = await NewSegmentAsync();

        await ApplyAsync(segment.Id, Add(new ContactFilter { LoggedSegmentId = logged, City = "Madrid" }));

        Assert.Equal(["Carla Diaz"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task AddContacts_Exclusion_SkippedUnlessIgnored()
    {
        var skipping = await NewSegmentAsync();
        var ignoring = await NewSegmentAsync();

        await ApplyAsync(skipping.Id, Add(new ContactFilter { City = "Oslo", Type = ContactType.Person }));
        await ApplyAsync(ignoring.Id, Add(new ContactFilter { City = "Oslo", Type = ContactType.Person }) with { IgnoreExclusion = true });

        Assert.Equal(["Anna Berg"], await LineNamesAsync(skipping.Id));
        Assert.Equal(["Anna Berg", "Dora Excluded"], await LineNamesAsync(ignoring.Id));
    }

    [Fact]
    public async Task AddContacts_ExpandCompanies_AddsTheirPersonsButNotExcludedOnes()
    {
        await using (var db = NewContext())
        {
            await AddContactAsync(db, "Erik Excluded", ContactType.Person, companyId: Contacts["Acme"], exclude: true);
        }
        var segment = await NewSegmentAsync();

        await ApplyAsync(segment.Id, Add(new ContactFilter { Type = ContactType.Company }) with { ExpandCompanies = true });

        Assert.Equal(["Acme", "Anna Berg", "Bjorn Dahl"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task AddContacts_ExistingLines_LeftAloneUnlessAllowed_ThenFreshAndGoBackRestoresThem()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Name = "Anna" }));
        await OverrideAsync(segment.Id, "Anna Berg", new SegmentLineOverrides(Call.Id, "Personal", null, null));

        var without = await ApplyAsync(segment.Id, Add(new ContactFilter { City = "Oslo" }));
        var anna = await LineAsync(segment.Id, "Anna Berg");
        Assert.Equal(new CriteriaCounts(1, 0), without);
        Assert.Equal("Personal", anna.Description);

        var with = await ApplyAsync(segment.Id, Add(new ContactFilter { City = "Oslo" }) with { AllowExisting = true });
        Assert.Equal(new CriteriaCounts(2, 2), with);
        Assert.Null((await LineAsync(segment.Id, "Anna Berg")).Description);

        await GoBackAsync(segment.Id);
        var restored = await LineAsync(segment.Id, "Anna Berg");
        Assert.Equal(("Personal", (int?)Call.Id), (restored.Description, restored.TemplateId));
        Assert.Equal(["Acme", "Anna Berg"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task ReduceAndRefine_RemoveMatches_KeepOnlyMatches_WithExpandedCompanies()
    {
        var reduced = await NewSegmentAsync();
        var refined = await NewSegmentAsync();
        await ApplyAsync(reduced.Id, Add());
        await ApplyAsync(refined.Id, Add());

        var reduce = await ApplyAsync(reduced.Id, new CriteriaStep(SegmentActionKind.ReduceContacts)
        {
            Filter = new ContactFilter { Name = "Acme" }, ExpandCompanies = true,
        });
        var refine = await ApplyAsync(refined.Id, new CriteriaStep(SegmentActionKind.RefineContacts)
        {
            Filter = new ContactFilter { Country = "Norway" },
        });

        Assert.Equal(new CriteriaCounts(0, 3), reduce);
        Assert.Equal(["Carla Diaz"], await LineNamesAsync(reduced.Id));
        Assert.Equal(new CriteriaCounts(0, 1), refine);
        Assert.Equal(["Acme", "Anna Berg", "Bjorn Dahl"], await LineNamesAsync(refined.Id));
    }

    [Fact]
    public async Task Preview_SaysWhatApplyThenDoes_AndChangesNothing()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Country = "Norway" }));
        var steps = new[]
        {
            Add(),
            new CriteriaStep(SegmentActionKind.ReduceContacts) { Filter = new ContactFilter { City = "Oslo" } },
            new CriteriaStep(SegmentActionKind.RefineContacts) { Filter = new ContactFilter { Name = "a" } },
        };
        foreach (var step in steps)
        {
            await using var db = NewContext();
            var before = await LineNamesAsync(segment.Id);
            var preview = await db.PreviewAsync(BookId, segment.Id, step);
            Assert.Equal(before, await LineNamesAsync(segment.Id));

            Assert.Equal(preview.Value, await ApplyAsync(segment.Id, step));
        }
    }

    [Fact]
    public async Task GoBack_UndoesActionsOneByOne_RestoringRemovedLinesWithTheirOverrides()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Country = "Norway" }));                             // Acme, Anna, Bjorn
        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts["Carla Diaz"] });
        await OverrideAsync(segment.Id, "Anna Berg", new SegmentLineOverrides(Call.Id, "For Anna", "Hello Anna", CorrespondenceType.Email));
        await OverrideAsync(segment.Id, "Carla Diaz", new SegmentLineOverrides(null, "For Carla", null, null));
        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.ReduceContacts) { Filter = new ContactFilter { City = "Oslo" } });
        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.RemoveContact) { ContactId = Contacts["Carla Diaz"] });
        Assert.Equal(["Bjorn Dahl"], await LineNamesAsync(segment.Id));

        Assert.Equal(new CriteriaCounts(1, 0), await GoBackAsync(segment.Id));
        Assert.Equal("For Carla", (await LineAsync(segment.Id, "Carla Diaz")).Description);

        Assert.Equal(new CriteriaCounts(2, 0), await GoBackAsync(segment.Id));
        var anna = await LineAsync(segment.Id, "Anna Berg");
        Assert.Equal((Call.Id, "For Anna", "Hello Anna", CorrespondenceType.Email),
            (anna.TemplateId!.Value, anna.Description, anna.Subject, anna.CorrespondenceType!.Value));
        Assert.Equal(["Acme", "Anna Berg", "Bjorn Dahl", "Carla Diaz"], await LineNamesAsync(segment.Id));

        Assert.Equal(new CriteriaCounts(0, 1), await GoBackAsync(segment.Id));   // the manual add: Carla goes
        Assert.Equal(new CriteriaCounts(0, 3), await GoBackAsync(segment.Id));   // the first Add, restored lines included
        Assert.Empty(await LineNamesAsync(segment.Id));

        await using var db = NewContext();
        Assert.Equal(SegmentCriteria.NothingToGoBackMessage, (await db.GoBackAsync(BookId, segment.Id)).Message);
        Assert.Equal(0, await db.SegmentRemovedLines.CountAsync());
    }

    [Fact]
    public async Task TwoActionsAtOnce_BothRecordedInTurn()
    {
        var segment = await NewSegmentAsync();
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            Task.Run(() => first.ApplyAsync(BookId, segment.Id, Add(new ContactFilter { Country = "Norway" }), Now)),
            Task.Run(() => second.ApplyAsync(BookId, segment.Id, Add(new ContactFilter { Country = "Spain" }), Now)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await using var db = NewContext();
        Assert.Equal([1, 2], await db.SegmentActions.Where(a => a.SegmentId == segment.Id).OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(["Acme", "Anna Berg", "Bjorn Dahl", "Carla Diaz"], await LineNamesAsync(segment.Id));
    }

    [Fact]
    public async Task ManualAdd_RefusesExcludedAndDuplicates_ManualRemove_RefusesAContactNotInIt()
    {
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts["Anna Berg"] });
        await using var db = NewContext();

        var twice = await db.ApplyAsync(BookId, segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts["Anna Berg"] }, Now);
        var excluded = await db.ApplyAsync(BookId, segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts["Dora Excluded"] }, Now);
        var absent = await db.ApplyAsync(BookId, segment.Id, new CriteriaStep(SegmentActionKind.RemoveContact) { ContactId = Contacts["Carla Diaz"] }, Now);

        Assert.Equal(SegmentCriteria.AlreadyInSegmentMessage, twice.Message);
        Assert.Equal(SegmentCriteria.ExcludedMessage, excluded.Message);
        Assert.Equal(SegmentCriteria.NotInSegmentMessage, absent.Message);
        Assert.Equal(1, await db.SegmentActions.CountAsync(a => a.SegmentId == segment.Id));
    }

    [Fact]
    public async Task SaveCriteria_ThenReuseOnAnotherSegment_ReproducesTheSameLines()
    {
        var first = await NewSegmentAsync();
        await ApplyAsync(first.Id, Add(new ContactFilter { Type = ContactType.Company }) with { ExpandCompanies = true });
        await ApplyAsync(first.Id, Add(new ContactFilter { Country = "Spain" }));
        await ApplyAsync(first.Id, new CriteriaStep(SegmentActionKind.ReduceContacts) { Filter = new ContactFilter { Tags = ["VIP"] } });
        await ApplyAsync(first.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts["Dora Excluded"], IgnoreExclusion = true });
        await using var db = NewContext();

        var saved = await db.SaveCriteriaAsync(BookId, first.Id, " autumn ", "Autumn mailing", Now);
        var second = await NewSegmentAsync();
        var reused = await db.ReuseCriteriaAsync(BookId, second.Id, saved.Value!.Id, Now);

        Assert.Equal("AUTUMN", saved.Value.Code);
        Assert.True(reused.Succeeded);
        Assert.Equal(await LineNamesAsync(first.Id), await LineNamesAsync(second.Id));
        Assert.Equal(4, await db.SegmentActions.CountAsync(a => a.SegmentId == second.Id));
        Assert.Equal(SegmentCriteria.CodeTakenMessage, (await db.SaveCriteriaAsync(BookId, first.Id, "AUTUMN", "Again", Now)).Errors["Code"]);
    }

    [Fact]
    public async Task SaveCriteria_NeedsAnActionACodeAndADescription()
    {
        var segment = await NewSegmentAsync();
        await using var db = NewContext();

        var empty = await db.SaveCriteriaAsync(BookId, segment.Id, "X", "Y", Now);
        var blank = await db.SaveCriteriaAsync(BookId, segment.Id, " ", null, Now);

        Assert.Equal(SegmentCriteria.NoActionsMessage, empty.Message);
        Assert.Equal(["Code", "Description"], blank.Errors.Keys.Order());
    }

    [Fact]
    public async Task ReuseSegment_AddsTheLoggedContacts_RespectingExclusion_NeverTwice()
    {
        var logged = await LoggedSegmentOfAsync("Anna Berg", "Carla Diaz", "Dora Excluded");
        var segment = await NewSegmentAsync();
        await ApplyAsync(segment.Id, Add(new ContactFilter { Name = "Anna" }));
        await using var db = NewContext();

        var reused = await db.ReuseSegmentAsync(BookId, segment.Id, logged, ignoreExclusion: false, Now);

        Assert.Equal(new CriteriaCounts(1, 0), reused.Value);
        Assert.Equal(["Anna Berg", "Carla Diaz"], await LineNamesAsync(segment.Id));
    }

    private async Task OverrideAsync(int segmentId, string contact, SegmentLineOverrides overrides)
    {
        var line = await LineAsync(segmentId, contact);
        await using var db = NewContext();
        var result = await db.SetLineOverridesAsync(BookId, segmentId, line.Id, overrides);
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task<CriteriaCounts> GoBackAsync(int segmentId)
    {
        await using var db = NewContext();
        var result = await db.GoBackAsync(BookId, segmentId);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    /// <summary>A segment of these contacts, logged; returns the logged segment's id.</summary>
    private async Task<int> LoggedSegmentOfAsync(params string[] contacts)
    {
        var segment = await NewSegmentAsync();
        foreach (var contact in contacts)
        {
            await ApplyAsync(segment.Id, new CriteriaStep(SegmentActionKind.AddContact) { ContactId = Contacts[contact], IgnoreExclusion = true });
        }
        await using var db = NewContext();
        var logged = await db.LogAsync(BookId, segment.Id, MemberId, Crm.Core.Books.BookRole.Member, createFollowUp: false, Now);
        Assert.True(logged.Succeeded, logged.Message);
        return logged.Value!.Logged.Id;
    }
}
