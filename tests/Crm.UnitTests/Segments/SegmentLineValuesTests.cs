using Crm.Core.Interactions;
using Crm.Core.Segments;

namespace Crm.UnitTests.Segments;

/// <summary>
/// A line's effective values: override, else header, else template; the correspondence type: override, else the contact's
/// preference (unless the header ignores it), else header, else template.
/// </summary>
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

        var values = SegmentLineValues.Resolve(header, NoOverrides, Template, CorrespondenceType.None);

        Assert.Equal(new EffectiveLineValues(7, "Header", "Header subject", CorrespondenceType.Email, InformationFlow.Inbound, InitiatedBy.Them, 0m, 30),
            values);
    }

    [Fact]
    public void Template_FillsWhatTheHeaderLeavesBlank()
    {
        var values = SegmentLineValues.Resolve(Blank with { TemplateId = 7 }, NoOverrides, Template, CorrespondenceType.None);

        Assert.Equal(new EffectiveLineValues(7, null, "Template subject", CorrespondenceType.HardCopy, InformationFlow.Outbound, InitiatedBy.Us, 2.5m, 5),
            values);
    }

    [Fact]
    public void ContactPreference_BeatsHeaderAndTemplate_UnlessTheHeaderIgnoresIt()
    {
        var header = Blank with { TemplateId = 7, CorrespondenceType = CorrespondenceType.Email };

        var preferred = SegmentLineValues.Resolve(header, NoOverrides, Template, CorrespondenceType.HardCopy);
        var ignoredToHeader = SegmentLineValues.Resolve(header with { IgnoreContactCorrespondenceType = true }, NoOverrides, Template,
            CorrespondenceType.HardCopy);
        var ignoredToTemplate = SegmentLineValues.Resolve(Blank with { TemplateId = 7, IgnoreContactCorrespondenceType = true }, NoOverrides,
            Template, CorrespondenceType.Email);
        var lineStillWins = SegmentLineValues.Resolve(header, NoOverrides with { CorrespondenceType = CorrespondenceType.HardCopy }, Template,
            CorrespondenceType.Email);

        Assert.Equal(CorrespondenceType.HardCopy, preferred.CorrespondenceType);
        Assert.Equal(CorrespondenceType.Email, ignoredToHeader.CorrespondenceType);
        Assert.Equal(CorrespondenceType.HardCopy, ignoredToTemplate.CorrespondenceType);
        Assert.Equal(CorrespondenceType.HardCopy, lineStillWins.CorrespondenceType);
    }

    [Fact]
    public void NoPreference_FallsToHeaderThenTemplate()
    {
        var toHeader = SegmentLineValues.Resolve(Blank with { TemplateId = 7, CorrespondenceType = CorrespondenceType.Email }, NoOverrides, Template,
            CorrespondenceType.None);
        var toTemplate = SegmentLineValues.Resolve(Blank with { TemplateId = 7 }, NoOverrides, Template, CorrespondenceType.None);

        Assert.Equal((CorrespondenceType.Email, CorrespondenceType.HardCopy), (toHeader.CorrespondenceType, toTemplate.CorrespondenceType));
    }

    [Fact]
    public void NoTemplate_CostsNothing()
    {
        var values = SegmentLineValues.Resolve(Blank, NoOverrides, null, CorrespondenceType.None);

        Assert.Equal(new EffectiveLineValues(null, null, null, CorrespondenceType.None, InformationFlow.None, InitiatedBy.None, 0m, 0), values);
    }
}
