namespace Crm.Core.Contacts;

/// <summary>A free-form label on a contact. Its own row so "filter by tag" is an indexed equality, not a LIKE.</summary>
public class ContactTag
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public int BookId { get; set; }
    public int ContactId { get; set; }
    public string Name { get; set; } = "";
}
