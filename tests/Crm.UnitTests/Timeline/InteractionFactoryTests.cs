using Crm.Core.Interactions;

namespace Crm.UnitTests.Timeline;

public sealed class InteractionFactoryTests
{
    private static readonly DateTime Occurred = new(2026, 11, 20, 14, 5, 0, DateTimeKind.Utc);
    private static readonly DateTime Logged = new(2026, 11, 23, 9, 41, 0, DateTimeKind.Utc);

    private static NewInteraction Facts(InteractionKind kind = InteractionKind.Call) =>
        new(7, 42, 40, "sales-1", kind, "Discussed Q3 budget", Occurred, Logged, "user-1", InteractionSource.Manual);

    private static InteractionTemplate Template(InteractionKind kind) => new()
    {
        Id = 3,
        GroupId = 9,
        Code = "LETTER",
        Kind = kind,
        UnitCost = 12.5m,
        UnitDurationMinutes = 30,
        InformationFlow = InformationFlow.Outbound,
        InitiatedBy = InitiatedBy.Us,
        CorrespondenceType = CorrespondenceType.HardCopy,
    };

    [Fact]
    public void FromTemplate_Template_SuppliesItsCharacteristics()
    {
        var entry = InteractionFactory.FromTemplate(Template(InteractionKind.Call), Facts());

        Assert.Equal(3, entry.TemplateId);
        Assert.Equal(9, entry.GroupId);
        Assert.Equal(12.5m, entry.Cost);
        Assert.Equal(30, entry.DurationMinutes);
        Assert.Equal(InformationFlow.Outbound, entry.InformationFlow);
        Assert.Equal(InitiatedBy.Us, entry.InitiatedBy);
        Assert.Equal(CorrespondenceType.HardCopy, entry.CorrespondenceType);
    }

    [Fact]
    public void FromTemplate_TemplateOfAnotherKind_KeepsTheKindThePersonChose()
    {
        var entry = InteractionFactory.FromTemplate(Template(InteractionKind.Letter), Facts(InteractionKind.Note));

        Assert.Equal(InteractionKind.Note, entry.Kind);
        Assert.Equal(3, entry.TemplateId);
    }

    [Fact]
    public void FromTemplate_NoTemplate_RecordsWithBlankCharacteristics()
    {
        var entry = InteractionFactory.FromTemplate(null, Facts(InteractionKind.Email));

        Assert.Equal(InteractionKind.Email, entry.Kind);
        Assert.Null(entry.TemplateId);
        Assert.Null(entry.GroupId);
        Assert.Equal(0m, entry.Cost);
        Assert.Equal(0, entry.DurationMinutes);
        Assert.Equal(InformationFlow.None, entry.InformationFlow);
        Assert.Equal(InitiatedBy.None, entry.InitiatedBy);
        Assert.Equal(CorrespondenceType.None, entry.CorrespondenceType);
    }

    [Fact]
    public void FromTemplate_Facts_AreCopiedAsGiven()
    {
        var entry = InteractionFactory.FromTemplate(null, Facts());

        Assert.Equal(7, entry.BookId);
        Assert.Equal(42, entry.ContactId);
        Assert.Equal(40, entry.CompanyContactId);
        Assert.Equal("sales-1", entry.SalespersonUserId);
        Assert.Equal("Discussed Q3 budget", entry.Description);
        Assert.Equal(Occurred, entry.OccurredAt);
        Assert.Equal(Logged, entry.LoggedAt);
        Assert.Equal("user-1", entry.LoggedByUserId);
        Assert.Equal(InteractionSource.Manual, entry.Source);
        Assert.Equal(0, entry.EntryNo);
    }
}
