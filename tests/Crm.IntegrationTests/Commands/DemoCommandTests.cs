using System.Net;
using System.Text.RegularExpressions;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Commands;

/// <summary>`demo` is for a newcomer's first minute: it can be run again without breaking what it printed.</summary>
public sealed partial class DemoCommandTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [GeneratedRegex("password: (\\S+)")]
    private static partial Regex PrintedPassword();

    private async Task<(int Exit, string Output)> RunDemoAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await DemoCommand.RunAsync(factory.Services, args, output);
        return (exit, output.ToString());
    }

    private async Task<HttpStatusCode> LogInAsync(string password)
    {
        var client = factory.CreateTestClient();
        var response = await client.SubmitFormAsync("/account/login", "form", new() { ["Email"] = DemoCommand.OwnerEmail, ["Password"] = password });
        return response.StatusCode;
    }

    [Fact]
    public async Task Demo_RunTwice_LeavesOneDemoBookAndThePrintedPasswordWorks()
    {
        var (firstExit, firstOutput) = await RunDemoAsync();
        var password = PrintedPassword().Match(firstOutput).Groups[1].Value;
        Assert.Equal(0, firstExit);
        Assert.NotEmpty(password);

        var (secondExit, secondOutput) = await RunDemoAsync();

        Assert.Equal(0, secondExit);
        Assert.Contains("already there", secondOutput, StringComparison.Ordinal);
        Assert.DoesNotMatch(PrintedPassword(), secondOutput);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.CountAsync(b => b.Name == DemoCommand.BookName)));
        // Logged in: the log-in form redirects instead of showing itself again with an error.
        Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(password));

        // A realistic book: cities with their own countries, and one contact with enough history for "Load more".
        await factory.WithDbAsync(async db =>
        {
            var addresses = await db.Contacts.Where(c => c.City != null).Select(c => new { c.City, c.Country }).Distinct().ToListAsync();
            Assert.All(addresses, a => Assert.Contains((a.City!, a.Country!), SampleData.Cities));
            var busiest = await db.InteractionLogEntries.GroupBy(e => e.ContactId).Select(g => g.Count()).MaxAsync();
            Assert.True(busiest >= DemoCommand.LongHistoryEntries);
        });

        // The explicit reset prints a new password, and only that one works afterwards.
        var (resetExit, resetOutput) = await RunDemoAsync(DemoCommand.ResetPassword);
        var newPassword = PrintedPassword().Match(resetOutput).Groups[1].Value;
        Assert.Equal(0, resetExit);
        Assert.NotEqual(password, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(newPassword));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.CountAsync(b => b.Name == DemoCommand.BookName)));
    }
}
