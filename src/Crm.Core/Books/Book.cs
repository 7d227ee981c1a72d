using Crm.Core.Interactions;

namespace Crm.Core.Books;

/// <summary>A shared contact book of one team. Everything else belongs to exactly one book.</summary>
public class Book
{
    public const int NameMaxLength = 100;
    public const int NumberPrefixMaxLength = 10;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    // Marketing Setup. Number series are flat columns (not an owned type) so they can be advanced with ExecuteUpdate.
    public string ContactNoPrefix { get; set; } = "CT";
    public int ContactNoNext { get; set; } = 1;
    public string SegmentNoPrefix { get; set; } = "SM";
    public int SegmentNoNext { get; set; } = 1;
    public CorrespondenceType DefaultCorrespondenceType { get; set; } = CorrespondenceType.Email;

    /// <summary>The next Interaction Log Entry No.; entry numbers are sequential per book.</summary>
    public int InteractionEntryNoNext { get; set; } = 1;

    /// <summary>The next Logged Segment entry no.; sequential per book, advanced in one UPDATE when a segment is logged.</summary>
    public int LoggedSegmentEntryNoNext { get; set; } = 1;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Set while a bulk command (generate) is still filling the book, to the owner it will get at the end; the book
    /// has no members until then, so nobody sees it half-made. A book still marked when the next run starts was
    /// interrupted and is removed (<see cref="UnfinishedBooks"/>, docs/decisions/0016-bulk-work-in-batches.md).
    /// </summary>
    public string? UnfinishedForUserId { get; set; }

    public List<Membership> Memberships { get; } = [];
    public List<InteractionGroup> InteractionGroups { get; } = [];
    public List<InteractionTemplate> InteractionTemplates { get; } = [];
    public List<InteractionTemplateSetupEntry> TemplateSetup { get; } = [];
}
