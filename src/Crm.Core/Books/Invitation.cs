namespace Crm.Core.Books;

/// <summary>A place in a book offered to an e-mail address; it becomes a membership only when its (confirmed) owner accepts.</summary>
public class Invitation
{
    public int Id { get; set; }
    public int BookId { get; set; }
    public Book? Book { get; set; }

    /// <summary>Upper-cased the way Identity normalises e-mails, so matching is case-insensitive on every provider.</summary>
    public string NormalizedEmail { get; set; } = "";
    public string Email { get; set; } = "";
    public BookRole Role { get; set; }
    public string InvitedByUserId { get; set; } = "";
    public Accounts.CrmUser? InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
