using Crm.Core.Books;

namespace Crm.UnitTests.Books;

public sealed class MembershipRulesTests
{
    [Theory]
    [InlineData(BookRole.Member)]
    [InlineData(BookRole.Viewer)]
    public void CheckRoleChange_LastOwnerDemoted_IsRefused(BookRole next)
    {
        Assert.Equal(MembershipRules.LastOwnerMessage, MembershipRules.CheckRoleChange(BookRole.Owner, next, ownerCount: 1));
    }

    [Theory]
    [InlineData(BookRole.Member)]
    [InlineData(BookRole.Viewer)]
    public void CheckRoleChange_OwnerDemotedWhileAnotherOwnerRemains_IsAllowed(BookRole next)
    {
        Assert.Null(MembershipRules.CheckRoleChange(BookRole.Owner, next, ownerCount: 2));
    }

    [Fact]
    public void CheckRoleChange_LastOwnerStaysOwner_IsAllowed()
    {
        Assert.Null(MembershipRules.CheckRoleChange(BookRole.Owner, BookRole.Owner, ownerCount: 1));
    }

    [Theory]
    [InlineData(BookRole.Viewer, BookRole.Owner)]
    [InlineData(BookRole.Member, BookRole.Viewer)]
    [InlineData(BookRole.Viewer, BookRole.Member)]
    public void CheckRoleChange_NotAnOwner_IsAllowedEvenWithOneOwner(BookRole current, BookRole next)
    {
        Assert.Null(MembershipRules.CheckRoleChange(current, next, ownerCount: 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void CheckRemoval_LastOwner_IsRefused(int ownerCount)
    {
        Assert.Equal(MembershipRules.LastOwnerMessage, MembershipRules.CheckRemoval(BookRole.Owner, ownerCount));
    }

    [Fact]
    public void CheckRemoval_OwnerWhileAnotherOwnerRemains_IsAllowed()
    {
        Assert.Null(MembershipRules.CheckRemoval(BookRole.Owner, ownerCount: 2));
    }

    [Theory]
    [InlineData(BookRole.Member)]
    [InlineData(BookRole.Viewer)]
    public void CheckRemoval_NotAnOwner_IsAllowed(BookRole role)
    {
        Assert.Null(MembershipRules.CheckRemoval(role, ownerCount: 1));
    }
}
