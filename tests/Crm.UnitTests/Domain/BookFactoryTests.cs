using Crm.Core.Books;
using Crm.Core.Interactions;

namespace Crm.UnitTests.Domain;

public sealed class BookFactoryTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_OwnerIsTheOnlyMember()
    {
        var book = BookFactory.Create("  Acme sales  ", "user-1", Now);

        Assert.Equal("Acme sales", book.Name);
        var membership = Assert.Single(book.Memberships);
        Assert.Equal(("user-1", BookRole.Owner), (membership.UserId, membership.Role));
    }

    [Fact]
    public void Create_HasTheFiveDefaultGroupsAndTemplates()
    {
        var book = BookFactory.Create("Acme", "user-1", Now);

        string[] codes = ["CALL", "EMAIL", "MEETING", "NOTE", "LETTER"];
        Assert.Equal(codes, book.InteractionGroups.Select(g => g.Code));
        Assert.Equal(codes, book.InteractionTemplates.Select(t => t.Code));
        Assert.All(book.InteractionTemplates, t => Assert.Equal(t.Code, t.Group!.Code));
        Assert.Equal(InteractionKind.Letter, book.InteractionTemplates.Single(t => t.Code == "LETTER").Kind);
        Assert.Equal(CorrespondenceType.HardCopy, book.InteractionTemplates.Single(t => t.Code == "LETTER").CorrespondenceType);
    }

    [Theory]
    [InlineData(QuickLogType.Call, "CALL")]
    [InlineData(QuickLogType.Email, "EMAIL")]
    [InlineData(QuickLogType.Meeting, "MEETING")]
    [InlineData(QuickLogType.Note, "NOTE")]
    public void Create_MapsEachQuickLogTypeToItsTemplate(QuickLogType type, string templateCode)
    {
        var book = BookFactory.Create("Acme", "user-1", Now);

        var entry = book.TemplateSetup.Single(s => s.Event == type.ToAutomaticEvent());
        Assert.Equal(templateCode, entry.Template?.Code);
        Assert.Equal(type.ToKind(), entry.Template!.Kind);
    }

    [Fact]
    public void Create_OtherAutomaticEventsRecordNothingUntilConfigured()
    {
        var book = BookFactory.Create("Acme", "user-1", Now);

        Assert.Equal(Enum.GetValues<AutomaticEvent>().Length, book.TemplateSetup.Count);
        Assert.Null(book.TemplateSetup.Single(s => s.Event == AutomaticEvent.EmailSent).Template);
    }
}
