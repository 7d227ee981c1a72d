using Crm.Core.Contacts;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Contacts;

public sealed class ContactListTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Index_EmptyBook_InvitesTheFirstContact()
    {
        var owner = await factory.RegisterAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts");

        Assert.Contains("No contacts yet", page.QuerySelector(".empty")!.TextContent);
        Assert.NotNull(page.QuerySelector($".empty a[href='/books/{owner.BookId}/contacts/new']"));
        Assert.NotNull(page.QuerySelector("label[for=q]"));
        Assert.Equal("Search", page.QuerySelector("label[for=q]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("ACME")]           // company, any case
    [InlineData("ada@analytical")] // e-mail
    [InlineData("+44 20")]         // phone
    [InlineData("lovelace")]       // name
    public async Task Index_SearchByField_FindsTheContact(string term)
    {
        var owner = await factory.RegisterAsync();
        var companyId = await factory.AddContactAsync(owner.BookId, "Acme Engines", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Ada Lovelace", c =>
        {
            c.CompanyId = companyId;
            c.Email = "ada@analytical.example";
            c.Phone = "+44 20 7946 0000";
        }, companyName: "Acme Engines");
        await factory.AddContactAsync(owner.BookId, "Charles Babbage");

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q={Uri.EscapeDataString(term)}");

        Assert.Contains("Ada Lovelace", page.ListedNames());
        Assert.DoesNotContain("Charles Babbage", page.ListedNames());
        Assert.Equal(term, page.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Index_SearchByNo_FindsTheContact()
    {
        var owner = await factory.RegisterAsync();
        var id = await factory.AddContactAsync(owner.BookId, "Numbered One", c => c.No = "CT77777");
        await factory.AddContactAsync(owner.BookId, "Numbered Two", c => c.No = "CT88888");

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q=ct77777");

        Assert.Equal(["Numbered One"], page.ListedNames());
        Assert.NotNull(page.QuerySelector($"a[href='/books/{owner.BookId}/contacts/{id}']"));
    }

    [Fact]
    public async Task Index_SearchWithWildcards_MatchesThemLiterally()
    {
        var owner = await factory.RegisterAsync();
        await factory.AddContactAsync(owner.BookId, "100% Natural");
        await factory.AddContactAsync(owner.BookId, "1000 Naturals");
        await factory.AddContactAsync(owner.BookId, "snake_case Ltd");
        await factory.AddContactAsync(owner.BookId, "snakeXcase Ltd");

        var percent = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q={Uri.EscapeDataString("100%")}");
        var underscore = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q=snake_case");
        var bracket = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q={Uri.EscapeDataString("[a]")}");

        Assert.Equal(["100% Natural"], percent.ListedNames());
        Assert.Equal(["snake_case Ltd"], underscore.ListedNames());
        Assert.Empty(bracket.ListedNames());
        Assert.Contains("No contacts match", bracket.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Index_SearchInAnotherBook_NeverShowsItsContacts()
    {
        var owner = await factory.RegisterAsync();
        var stranger = await factory.RegisterAsync();
        await factory.AddContactAsync(stranger.BookId, "Hidden Stranger");

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?q=hidden");

        Assert.Empty(page.ListedNames());
    }

    [Fact]
    public async Task Index_Filters_TypeSalespersonAndTag()
    {
        var owner = await factory.RegisterAsync();
        var member = await factory.JoinAsync(owner.BookId, Core.Books.BookRole.Member, "Mary Member");
        await factory.AddContactAsync(owner.BookId, "Company Co", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Person Mine", c => c.SalespersonUserId = member.UserId);
        await factory.WithDbAsync(async db =>
        {
            var tagged = ContactTestData.NewContact(owner.BookId, "Person Tagged");
            tagged.Tags.Add(new ContactTag { BookId = owner.BookId, Name = "VIP" });
            tagged.RefreshSearchText(null);
            db.Contacts.Add(tagged);
            await db.SaveChangesAsync();
        });
        var url = $"/books/{owner.BookId}/contacts";

        var companies = await owner.Client.GetPageAsync(url + "?type=Company");
        var persons = await owner.Client.GetPageAsync(url + "?type=Person");
        var mine = await owner.Client.GetPageAsync(url + "?salesperson=" + member.UserId);
        var vip = await owner.Client.GetPageAsync(url + "?tag=VIP");

        Assert.Equal(["Company Co"], companies.ListedNames());
        Assert.Equal(["Person Mine", "Person Tagged"], persons.ListedNames());
        Assert.Equal(["Person Mine"], mine.ListedNames());
        Assert.Contains("Mary Member", mine.QuerySelector("table.contacts-list")!.TextContent);
        Assert.Equal(["Person Tagged"], vip.ListedNames());
        Assert.Equal("VIP", vip.QuerySelector("#tag option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Index_SortByLastInteraction_NewestFirstNeverContactedLast()
    {
        var owner = await factory.RegisterAsync();
        var old = await factory.AddContactAsync(owner.BookId, "A Old");
        await factory.AddContactAsync(owner.BookId, "B Never");
        var recent = await factory.AddContactAsync(owner.BookId, "C Recent");
        await factory.AddInteractionAsync(owner.BookId, old, owner.UserId, DateTime.UtcNow.AddDays(-40));
        // Minutes, not hours: "3 hours ago" would read "yesterday" when the test runs between 00:00 and 03:00.
        await factory.AddInteractionAsync(owner.BookId, recent, owner.UserId, DateTime.UtcNow.AddMinutes(-20));

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts?sort=LastInteraction");

        Assert.Equal(["C Recent", "A Old", "B Never"], page.ListedNames());
        var times = page.QuerySelectorAll("table.contacts-list time").ToList();
        Assert.Equal("20 minutes ago", times[0].TextContent.Trim());
        Assert.False(string.IsNullOrEmpty(times[0].GetAttribute("title")));
        Assert.Contains("Never", page.QuerySelectorAll("table.contacts-list tbody tr")[2].TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=LastInteraction")]
    public async Task Index_KeysetPaging_EveryContactOnceInOrder(string sort)
    {
        var owner = await factory.RegisterAsync();
        var start = DateTime.UtcNow.AddDays(-10);
        // 125 contacts; many share a name and a last interaction (ties are broken by id), a third were never contacted.
        await factory.AddContactsAsync(owner.BookId, 125, (i, c) =>
        {
            c.Name = $"Same {i % 7}";
            c.LastInteractionAt = i % 3 == 0 ? null : start.AddHours(i % 11);
            return c;
        });
        var expected = await factory.WithDbAsync(db => Task.FromResult(db.Contacts.Where(c => c.BookId == owner.BookId).ToList()));
        var expectedIds = sort == ""
            ? expected.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Id).ToList()
            : expected.OrderByDescending(c => c.LastInteractionAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();

        var seen = new List<int>();
        var pages = new List<string>();
        string? url = $"/books/{owner.BookId}/contacts?{sort.TrimStart('&')}";
        while (url is not null)
        {
            pages.Add(url);
            var page = await owner.Client.GetPageAsync(url);
            seen.AddRange(IdsOn(page));
            url = page.NextUrl();
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(expectedIds, seen);

        // Previous from the last page returns the middle page exactly.
        var last = await owner.Client.GetPageAsync(pages[2]);
        var previous = await owner.Client.GetPageAsync(last.PreviousUrl()!);
        Assert.Equal(expectedIds.Skip(50).Take(50), IdsOn(previous));
        // Previous from the second page is the first page, with no Previous link.
        var first = await owner.Client.GetPageAsync(previous.PreviousUrl()!);
        Assert.Equal(expectedIds.Take(50), IdsOn(first));
        Assert.Null(first.PreviousUrl());
    }

    private static IEnumerable<int> IdsOn(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.contacts-list td.contact-name a")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
}
