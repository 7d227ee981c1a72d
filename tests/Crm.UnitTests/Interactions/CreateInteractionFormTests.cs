using Crm.Core.Interactions;
using Crm.Web.Features.CreateInteraction;

namespace Crm.UnitTests.Interactions;

public sealed class CreateInteractionFormTests
{
    private static CreateInteractionForm Form() => new()
    {
        ContactId = 4, TemplateId = 7, Description = "Visit", Date = "2026-11-20", Time = "14:05", Cost = 3m, DurationMinutes = 10,
        InitiatedBy = InitiatedBy.Them,
    };

    [Fact]
    public void ToRecord_FieldsShowTheChosenTemplatesDefaults_AreExplicit()
    {
        var form = Form();
        form.DefaultsOf = 7;

        var item = form.ToRecord("user-1", TimeZoneInfo.Utc);

        Assert.Equal(new InteractionValues
        {
            Cost = 3m, DurationMinutes = 10, InformationFlow = InformationFlow.None, InitiatedBy = InitiatedBy.Them, CorrespondenceType = CorrespondenceType.None,
        }, item.Values);
        Assert.Equal(new DateTime(2026, 11, 20, 14, 5, 0, DateTimeKind.Utc), item.OccurredAt);
        Assert.True(item.KindFromTemplate);
    }

    [Fact]
    public void ToRecord_FieldsShowAnotherTemplatesDefaults_LeaveTheChosenTemplatesDefaults()
    {
        var form = Form();
        form.DefaultsOf = 6;

        Assert.Null(form.ToRecord("user-1", TimeZoneInfo.Utc).Values);
    }

    [Fact]
    public void ToRecord_SuccessfulUnticked_IsAnAttemptFailed()
    {
        var form = Form();
        form.Successful = false;

        Assert.True(form.ToRecord("user-1", TimeZoneInfo.Utc).AttemptFailed);
        Assert.False(Form().ToRecord("user-1", TimeZoneInfo.Utc).AttemptFailed);
    }

    [Fact]
    public void Validator_NoTemplateBlankDescription_SaysBothByTheirFields()
    {
        var form = Form();
        form.TemplateId = null;
        form.Description = " ";

        var errors = new CreateInteractionFormValidator().Validate(form).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        Assert.Equal("Interaction Template is required.", errors[nameof(CreateInteractionForm.TemplateId)]);
        Assert.Equal("Description is required.", errors[nameof(CreateInteractionForm.Description)]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validator_NegativeCostAndDuration_AreRefused()
    {
        var form = Form();
        form.Cost = -1m;
        form.DurationMinutes = -5;

        var errors = new CreateInteractionFormValidator().Validate(form).Errors.Select(e => e.PropertyName).ToList();

        Assert.Equal([nameof(CreateInteractionForm.Cost), nameof(CreateInteractionForm.DurationMinutes)], errors);
    }
}
