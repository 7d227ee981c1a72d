using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Contacts;

public sealed class ContactSortCollationTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Index_SortByName_IgnoresLetterCase()
    {
        var owner = await factory.RegisterAsync();
        await factory.AddContactAsync(owner.BookId, "Zebra Logistics");
        await factory.AddContactAsync(owner.BookId, "apple orchards");
        await factory.AddContactAsync(owner.BookId, "Mango Media");

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts");

        var names = page.QuerySelectorAll("table.list tbody tr td a[href*='/contacts/']")
            .Select(a => a.TextContent.Trim())
            .Where(n => n is "Zebra Logistics" or "apple orchards" or "Mango Media")
            .ToList();
        Assert.Equal(["apple orchards", "Mango Media", "Zebra Logistics"], names);
    }
}
