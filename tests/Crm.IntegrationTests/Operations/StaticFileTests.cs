using System.Net;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Operations;

/// <summary>
/// A first visitor's browser asks for the favicon and other files on its own: a missing one is a 404, never a
/// redirect to Log in (whose page would mint a second antiforgery cookie racing the Register page's).
/// </summary>
public sealed class StaticFileTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Favicon_IsServed()
    {
        var client = factory.CreateTestClient();

        var response = await client.Http.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/css/missing.css")]
    [InlineData("/no-such-page")]
    public async Task MissingFile_Anonymous_Is404WithoutACookie(string path)
    {
        var client = factory.CreateTestClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // No antiforgery cookie is minted (the layout may only clear an empty TempData cookie).
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("crm.af", StringComparison.Ordinal));
    }
}
