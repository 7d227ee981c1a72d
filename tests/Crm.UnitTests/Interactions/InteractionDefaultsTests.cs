using Crm.Core.Interactions;

namespace Crm.UnitTests.Interactions;

public sealed class InteractionDefaultsTests
{
    private static InteractionTemplate Template(bool ignoreContact = false, CorrespondenceType type = CorrespondenceType.HardCopy) => new()
    {
        Id = 1, Code = "VISIT", UnitCost = 12.5m, UnitDurationMinutes = 30, InformationFlow = InformationFlow.Outbound, InitiatedBy = InitiatedBy.Us,
        CorrespondenceType = type, IgnoreContactCorrespondenceType = ignoreContact,
    };

    [Fact]
    public void Resolve_TemplateOnly_GivesItsValues()
    {
        var values = InteractionDefaults.Resolve(Template(), CorrespondenceType.None);

        Assert.Equal(new ResolvedInteractionValues(12.5m, 30, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.HardCopy), values);
    }

    [Fact]
    public void Resolve_ContactPrefersEmail_TakesTheContactsPreference()
    {
        Assert.Equal(CorrespondenceType.Email, InteractionDefaults.Resolve(Template(), CorrespondenceType.Email).CorrespondenceType);
    }

    [Fact]
    public void Resolve_TemplateIgnoresTheContact_TakesTheTemplates()
    {
        Assert.Equal(CorrespondenceType.HardCopy, InteractionDefaults.Resolve(Template(ignoreContact: true), CorrespondenceType.Email).CorrespondenceType);
    }

    [Fact]
    public void Resolve_LevelSaysIgnore_OverridesTheTemplatesFlag()
    {
        var header = new InteractionValues { IgnoreContactCorrespondenceType = true };

        Assert.Equal(CorrespondenceType.HardCopy, InteractionDefaults.Resolve(Template(), CorrespondenceType.Email, header).CorrespondenceType);
    }

    [Fact]
    public void Resolve_ExplicitValues_BeatTheTemplate_AndTheFirstLevelWins()
    {
        var line = new InteractionValues { Cost = 0m, CorrespondenceType = CorrespondenceType.None };
        var header = new InteractionValues { Cost = 99m, DurationMinutes = 5, InitiatedBy = InitiatedBy.Them };

        var values = InteractionDefaults.Resolve(Template(), CorrespondenceType.Email, line, header);

        Assert.Equal(new ResolvedInteractionValues(0m, 5, InformationFlow.Outbound, InitiatedBy.Them, CorrespondenceType.None), values);
    }

    [Fact]
    public void Resolve_NoTemplate_IsBlankButTheContactsPreference()
    {
        Assert.Equal(new ResolvedInteractionValues(0m, 0, InformationFlow.None, InitiatedBy.None, CorrespondenceType.Email),
            InteractionDefaults.Resolve(null, CorrespondenceType.Email, (InteractionValues?)null));
    }
}
