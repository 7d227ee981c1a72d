using Crm.Core.Accounts;

namespace Crm.Core.Books;

public class Membership
{
    public int Id { get; set; }
    public int BookId { get; set; }
    public Book? Book { get; set; }
    public string UserId { get; set; } = "";
    public CrmUser? User { get; set; }
    public BookRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}
