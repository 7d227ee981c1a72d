using Crm.Core.Contacts;
using Crm.Web.Features.Contacts;

namespace Crm.UnitTests.Contacts;

public sealed class ContactRulesTests
{
    [Fact]
    public void RefreshSearchText_AllFields_LowerCasedAndJoined()
    {
        var contact = new Contact { No = "CT00001", Name = "Ada LOVELACE", Email = "Ada@Example.com", Phone = "+44 20" };

        contact.RefreshSearchText("Analytical Engines");

        Assert.Equal("ct00001 | ada lovelace | analytical engines | ada@example.com | +44 20", contact.SearchText);
    }

    [Fact]
    public void RefreshSearchText_BlankFields_AreSkipped()
    {
        var contact = new Contact { No = "CT00002", Name = "Ærø Ølstue", Email = " ", Phone = null };

        contact.RefreshSearchText(null);

        Assert.Equal("ct00002 | ærø ølstue", contact.SearchText);
    }

    [Fact]
    public void RefreshSearchText_VeryLong_IsCutToTheColumnLength()
    {
        var contact = new Contact { No = "X", Name = new string('a', 900), Email = new string('b', 300) };

        contact.RefreshSearchText(null);

        Assert.Equal(Contact.SearchTextMaxLength, contact.SearchText.Length);
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("  ", new string[0])]
    [InlineData("VIP", new[] { "VIP" })]
    [InlineData(" VIP , newsletter,,vip, Newsletter ,trade show ", new[] { "VIP", "newsletter", "trade show" })]
    public void TagListParse_TrimsDropsBlanksAndDuplicatesIgnoringCase(string? input, string[] expected)
    {
        Assert.Equal(expected, TagList.Parse(input));
    }

    [Fact]
    public void TagListFormat_JoinsWithCommaSpace()
    {
        Assert.Equal("a, b c", TagList.Format(["a", "b c"]));
        Assert.Equal(["a", "b c"], TagList.Parse(TagList.Format(["a", "b c"])));
    }

    [Theory]
    [InlineData("Ada", "%ada%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("snake_case", @"%snake\_case%")]
    [InlineData("[x]", @"%\[x]%")]
    [InlineData(@"a\b", @"%a\\b%")]
    public void LikePattern_EscapesWildcards(string term, string expected)
    {
        Assert.Equal(expected, ContactListQuery.LikePattern(term));
    }

    [Fact]
    public void Term_LongSearch_IsTrimmedAndCapped()
    {
        var query = new ContactListQuery { Q = "  " + new string('x', 300) + " " };

        Assert.Equal(ContactListQuery.SearchMaxLength, query.Term!.Length);
        Assert.Null(new ContactListQuery { Q = "   " }.Term);
    }

    [Fact]
    public void Url_KeepsFiltersAndCarriesCursor()
    {
        var query = new ContactListQuery { Q = "a&b", Type = ContactType.Company, Tag = "VIP", Sort = ContactSort.LastInteraction };
        var row = new ContactListRow(7, "CT1", "Name", ContactType.Company, null, null, null, null, null,
            new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Utc));

        Assert.Equal("/books/3/contacts?q=a%26b&type=Company&tag=VIP&sort=LastInteraction&after=7&key=2024-05-01T08%3A30%3A00.0000000Z",
            query.Url(3, row));
        Assert.Equal("/books/3/contacts?q=a%26b&type=Company&tag=VIP&sort=LastInteraction&before=7&key=2024-05-01T08%3A30%3A00.0000000Z",
            query.Url(3, row, backwards: true));
        Assert.Equal("/books/3/contacts?q=a%26b&type=Company&tag=VIP", query.Url(3, sort: ContactSort.Name));
    }
}
