using System.Net;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Operations;

/// <summary>
/// The throughput benchmark's roofline pages (docs/performance.md "Throughput") must not exist in a normal deployment,
/// and when the benchmark turns them on they still show a book only to its logged-in members.
/// </summary>
public sealed class BenchmarkRawPagesOffTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task RawPages_ByDefault_AreNotMapped()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Ada Lovelace");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/benchmark/raw/books/{owner.BookId}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/benchmark/raw/books/{owner.BookId}/contacts/{contactId}")).StatusCode);
    }
}

/// <summary>The settings scripts/throughput.sh passes.</summary>
public sealed class BenchmarkRawPagesFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Benchmark:RawPages"] = "true" };
}

public sealed class BenchmarkRawPagesOnTests(BenchmarkRawPagesFactory factory) : IClassFixture<BenchmarkRawPagesFactory>
{
    [Fact]
    public async Task RawPages_WhenOn_ShowTheBookToMembersOnly()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Ada <Lovelace>");
        await factory.AddInteractionAsync(owner.BookId, contactId, owner.UserId, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var contact = $"/benchmark/raw/books/{owner.BookId}/contacts/{contactId}";
        var list = $"/benchmark/raw/books/{owner.BookId}/contacts";

        var page = await (await owner.Client.GetAsync(contact)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Ada &lt;Lovelace&gt;</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<time>2026-01-02T03:04:05Z</time>", page, StringComparison.Ordinal);
        Assert.Contains($"/contacts/{contactId}\">Ada &lt;Lovelace&gt;</a>", await (await owner.Client.GetAsync(list)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stranger = await factory.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(contact)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(list)).StatusCode);
        var anonymous = await factory.CreateTestClient().GetAsync(contact);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
