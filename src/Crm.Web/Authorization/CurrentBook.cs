using Crm.Core.Books;

namespace Crm.Web.Authorization;

/// <summary>The book of the current request and the caller's role in it.</summary>
public sealed record CurrentBook(int Id, string Name, BookRole Role, string UserId)
{
    public bool CanEdit => Role >= BookRole.Member;
    public bool CanManage => Role >= BookRole.Owner;
}
