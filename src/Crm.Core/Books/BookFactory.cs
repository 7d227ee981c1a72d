using Crm.Core.Interactions;

namespace Crm.Core.Books;

/// <summary>Creates a book with the defaults a team can log interactions with on day one.</summary>
public static class BookFactory
{
    private static readonly (string Code, string GroupDescription, string TemplateDescription, InteractionKind Kind,
        int Minutes, InformationFlow Flow, CorrespondenceType Correspondence, AutomaticEvent? QuickLog)[] Defaults =
    [
        ("CALL", "Phone calls", "Phone call", InteractionKind.Call, 10, InformationFlow.Outbound, CorrespondenceType.None, AutomaticEvent.QuickLogCall),
        ("EMAIL", "E-mails", "E-mail", InteractionKind.Email, 5, InformationFlow.Outbound, CorrespondenceType.Email, AutomaticEvent.QuickLogEmail),
        ("MEETING", "Meetings", "Meeting", InteractionKind.Meeting, 60, InformationFlow.None, CorrespondenceType.None, AutomaticEvent.QuickLogMeeting),
        ("NOTE", "Notes", "Note", InteractionKind.Note, 0, InformationFlow.None, CorrespondenceType.None, AutomaticEvent.QuickLogNote),
        ("LETTER", "Letters", "Letter", InteractionKind.Letter, 15, InformationFlow.Outbound, CorrespondenceType.HardCopy, null),
    ];

    public static Book Create(string name, string ownerUserId, DateTime nowUtc)
    {
        var book = new Book { Name = name.Trim(), CreatedAt = nowUtc };
        book.Memberships.Add(new Membership { UserId = ownerUserId, Role = BookRole.Owner, JoinedAt = nowUtc });

        foreach (var d in Defaults)
        {
            var group = new InteractionGroup { Code = d.Code, Description = d.GroupDescription };
            var template = new InteractionTemplate
            {
                Code = d.Code,
                Group = group,
                Description = d.TemplateDescription,
                Kind = d.Kind,
                UnitDurationMinutes = d.Minutes,
                InformationFlow = d.Flow,
                InitiatedBy = d.Flow == InformationFlow.Outbound ? InitiatedBy.Us : InitiatedBy.None,
                CorrespondenceType = d.Correspondence,
            };
            book.InteractionGroups.Add(group);
            book.InteractionTemplates.Add(template);
            if (d.QuickLog is { } quickLog)
            {
                book.TemplateSetup.Add(new InteractionTemplateSetupEntry { Event = quickLog, Template = template });
            }
        }

        // Every other automatic event starts unmapped: it records nothing until an Owner picks a template.
        foreach (var evt in Enum.GetValues<AutomaticEvent>().Where(e => book.TemplateSetup.All(s => s.Event != e)))
        {
            book.TemplateSetup.Add(new InteractionTemplateSetupEntry { Event = evt });
        }
        return book;
    }
}
