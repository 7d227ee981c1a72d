using System.Net;
using System.Text;
using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Requests;

/// <summary>Requests no browser sends answer a proper 400 page on every POST route, anonymous or not.</summary>
public sealed class MalformedRequestTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    public static TheoryData<string, string> Requests()
    {
        var data = new TheoryData<string, string>();
        string[] routes = ["/account/login", "/account/register", "/account/logout", "/books/new"];
        string[] bodies =
        [
            "Email=a%00b&Password=x",
            "x[=1",
            "x%5B=1",
            "%0A%5B20%3A59%3A59+INF%5D+forged=1",
            "many",
            "long",
            "huge",
        ];
        foreach (var route in routes)
        {
            foreach (var body in bodies)
            {
                data.Add(route, body);
            }
        }
        return data;
    }

    // The bodies too big to write inline: over 1,024 fields, a value over 4 MB, a body over 30 MB.
    private static string Expand(string body) => body switch
    {
        "many" => string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")),
        "long" => "Email=" + new string('a', 4 * 1024 * 1024 + 10),
        "huge" => "Email=x&Password=" + new string('a', 31 * 1024 * 1024),
        _ => body,
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Post_MalformedBody_Answers400Page(string route, string body)
    {
        // Anonymous where the route allows it; a logged-in user elsewhere (anonymous there is sent to Log in).
        var client = route is "/account/login" or "/account/register"
            ? factory.CreateTestClient()
            : (await factory.RegisterAsync()).Client;

        var response = await client.Http.PostAsync(route, new StringContent(Expand(body), Encoding.UTF8, "application/x-www-form-urlencoded"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{(int)response.StatusCode} {html[..Math.Min(html.Length, 300)]}");
        Assert.Contains("That request could not be read", html);
    }
}
