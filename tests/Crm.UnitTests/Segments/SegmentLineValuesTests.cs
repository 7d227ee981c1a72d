using Crm.Core.Interactions;
using Crm.Core.Segments;

namespace Crm.UnitTests.Segments;

/// <summary>A line's effective values: override, else header, else template, else (correspondence type) the contact's preference.</summary>
public sealed class SegmentLineValuesTests
{
    private static readonly InteractionTemplate Template = new()
    {
        Id = 7, UnitCost = 2.5m, UnitDurationMinutes = 5, InformationFlow = InformationFlow.Outbound, InitiatedBy = InitiatedBy.Us,
        CorrespondenceType = CorrespondenceType.HardCopy, DocumentSubject = "Template subject",
    };

    private static readonly SegmentHeaderValues Blank = new(null, null, null, CorrespondenceType.None, false, InformationFlow.None,
        InitiatedBy.None, null, null);

    private static readonly SegmentLineOverrides NoOverrides = new(null, null, null, null);

    [Fact]
    public void Override_BeatsHeader()
    {
        var header = Blank with { TemplateId = 7, Description = "Header", Subject = "Header subject", CorrespondenceType = CorrespondenceType.HardCopy };

        var values = SegmentLineValues.Resolve(header, new SegmentLineOverrides(9, "Line", "Line subject", CorrespondenceType.Email), Template,
            CorrespondenceType.HardCopy);

        Assert.Equal((9, "Line", "Line subject", CorrespondenceType.Email), (values.TemplateId, values.Description, values.Subject, values.CorrespondenceType));
    }

    [Fact]
    public void Header_BeatsTemplate()
    {
        var header = Blank with
        {
            TemplateId = 7, Description = "Header", Subject = "Header subject", CorrespondenceType = CorrespondenceType.Email,
            InformationFlow = InformationFlow.Inbound, InitiatedBy = InitiatedBy.Them, UnitCost = 0m, UnitDurationMinutes = 30,
        };

        var values = SegmentLineValues.Resolve(header, NoOverrides, Template, CorrespondenceType.HardCopy);

        Assert.Equal(new EffectiveLineValues(7, "Header", "Header subject", CorrespondenceType.Email, InformationFlow.Inbound, InitiatedBy.Them, 0m, 30),
            values);
    }

    [Fact]
    public void Template_FillsWhatTheHeaderLeavesBlank()
    {
        var values = SegmentLineValues.Resolve(Blank with { TemplateId = 7 }, NoOverrides, Template, CorrespondenceType.Email);

        Assert.Equal(new EffectiveLineValues(7, null, "Template subject", CorrespondenceType.HardCopy, InformationFlow.Outbound, InitiatedBy.Us, 2.5m, 5),
            values);
    }

    [Fact]
    public void ContactPreference_IsTheLastResortForTheCorrespondenceType_UnlessIgnored()
    {
        var noType = new InteractionTemplate { Id = 7 };

        var preferred = SegmentLineValues.Resolve(Blank with { TemplateId = 7 }, NoOverrides, noType, CorrespondenceType.Email);
        var ignoredByHeader = SegmentLineValues.Resolve(Blank with { TemplateId = 7, IgnoreContactCorrespondenceType = true }, NoOverrides, noType,
            CorrespondenceType.Email);
        var ignoredByTemplate = SegmentLineValues.Resolve(Blank with { TemplateId = 7 }, NoOverrides,
            new InteractionTemplate { Id = 7, IgnoreContactCorrespondenceType = true }, CorrespondenceType.Email);

        Assert.Equal(CorrespondenceType.Email, preferred.CorrespondenceType);
        Assert.Equal(CorrespondenceType.None, ignoredByHeader.CorrespondenceType);
        Assert.Equal(CorrespondenceType.None, ignoredByTemplate.CorrespondenceType);
    }

    [Fact]
    public void NoTemplate_CostsNothing()
    {
        var values = SegmentLineValues.Resolve(Blank, NoOverrides, null, CorrespondenceType.None);

        Assert.Equal(new EffectiveLineValues(null, null, null, CorrespondenceType.None, InformationFlow.None, InitiatedBy.None, 0m, 0), values);
    }
}
