namespace Crm.Core.Interactions;

public enum InteractionKind { Call, Email, Meeting, Note, Letter, Other }

/// <summary>"None" is the blank option of the ERP's fields.</summary>
public enum CorrespondenceType { None, HardCopy, Email }

public enum InformationFlow { None, Outbound, Inbound }

public enum InitiatedBy { None, Us, Them }

public enum Evaluation { None, VeryPositive, Positive, Neutral, Negative, VeryNegative }

public enum WizardAction { None, Open, Import, Merge }

public enum DeliveryStatus { None, Pending, Sent, Failed }

public enum InteractionSource { Manual, Segment, Automatic, Api }

/// <summary>The kinds a person picks in the quick "Add Interaction" form (the team product's four types).</summary>
public enum QuickLogType { Call, Email, Meeting, Note }

/// <summary>Events that record an interaction automatically, each through the template chosen in Interaction Template Setup.</summary>
public enum AutomaticEvent
{
    QuickLogCall,
    QuickLogEmail,
    QuickLogMeeting,
    QuickLogNote,
    EmailSent,
    LetterGenerated,
    OutgoingCall,
    MeetingInvitationSent,
    ReceivedThroughApi,
}

public static class InteractionEnumExtensions
{
    public static AutomaticEvent ToAutomaticEvent(this QuickLogType type) => type switch
    {
        QuickLogType.Call => AutomaticEvent.QuickLogCall,
        QuickLogType.Email => AutomaticEvent.QuickLogEmail,
        QuickLogType.Meeting => AutomaticEvent.QuickLogMeeting,
        QuickLogType.Note => AutomaticEvent.QuickLogNote,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static InteractionKind ToKind(this QuickLogType type) => type switch
    {
        QuickLogType.Call => InteractionKind.Call,
        QuickLogType.Email => InteractionKind.Email,
        QuickLogType.Meeting => InteractionKind.Meeting,
        QuickLogType.Note => InteractionKind.Note,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The words the UI shows for enum values ("HardCopy" is "Hard Copy", "None" is blank).</summary>
    public static string Display(this CorrespondenceType value) => value switch
    {
        CorrespondenceType.HardCopy => "Hard Copy",
        CorrespondenceType.Email => "Email",
        _ => "",
    };

    public static string Display(this Evaluation value) => value switch
    {
        Evaluation.VeryPositive => "Very Positive",
        Evaluation.VeryNegative => "Very Negative",
        Evaluation.None => "",
        _ => value.ToString(),
    };

    /// <summary>The words Interaction Template Setup shows for an automatic event.</summary>
    public static string Display(this AutomaticEvent value) => value switch
    {
        AutomaticEvent.QuickLogCall => "Quick log: Call",
        AutomaticEvent.QuickLogEmail => "Quick log: Email",
        AutomaticEvent.QuickLogMeeting => "Quick log: Meeting",
        AutomaticEvent.QuickLogNote => "Quick log: Note",
        AutomaticEvent.EmailSent => "E-mail sent from the app",
        AutomaticEvent.LetterGenerated => "Letter generated",
        AutomaticEvent.OutgoingCall => "Outgoing call",
        AutomaticEvent.MeetingInvitationSent => "Meeting invitation sent",
        AutomaticEvent.ReceivedThroughApi => "Interaction received through the API",
        _ => value.ToString(),
    };

    public static string Display(this InformationFlow value) => value == InformationFlow.None ? "" : value.ToString();

    public static string Display(this InitiatedBy value) => value == InitiatedBy.None ? "" : value.ToString();

    public static string Display(this WizardAction value) => value == WizardAction.None ? "" : value.ToString();
}
