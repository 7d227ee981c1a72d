namespace Crm.Core.Books;

/// <summary>A member's role in one book. Declared in ascending order of rights: compare with &gt;=.</summary>
public enum BookRole
{
    Viewer = 0,
    Member = 1,
    Owner = 2,
}
