using Crm.Core.Contacts;
using Crm.Core.Data;
using Crm.Web.Features.Contacts;
using Crm.Web.Infrastructure;

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
        Assert.Equal(expected, LikeText.SearchTextContains(term));
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

        var at = KeysetCursor.At(row.LastInteractionAt, 7).ToString();
        Assert.Equal("bookId=3 q=a&b type=Company tag=VIP sort=LastInteraction after=" + at, Text(query.Values(3, row)));
        Assert.Equal("bookId=3 q=a&b type=Company tag=VIP sort=LastInteraction before=" + at, Text(query.Values(3, row, backwards: true)));
        Assert.Equal("bookId=3 q=a&b type=Company tag=VIP", Text(query.Values(3, sort: ContactSort.Name)));
        Assert.Equal("bookId=3 q=a&b type=Company tag=VIP after=Name_7", Text(query.Values(3, row, sort: ContactSort.Name)));
    }

    [Theory]
    [InlineData("Name", "Ada_Lovelace_12", "Ada_Lovelace", 12)]
    [InlineData("LastInteraction", "638000000000000000_5", "638000000000000000", 5)]
    [InlineData("LastInteraction", "_5", "", 5)]
    [InlineData("LastInteraction", "Ada_5", null, 0)]
    [InlineData("Name", "no-id", null, 0)]
    [InlineData("Name", "x_-1", null, 0)]
    public void Cursor_ReadsTheSortsKeyOrNothing(string sort, string after, string? key, int id)
    {
        var cursor = new ContactListQuery { Sort = Enum.Parse<ContactSort>(sort), After = after }.Cursor(backwards: false);

        Assert.Equal(key, cursor?.Key);
        Assert.Equal(id, cursor?.Id ?? 0);
    }

    private static string Text(Microsoft.AspNetCore.Routing.RouteValueDictionary values) =>
        string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"));
}
