using Crm.Core.Books;
using Crm.Core.Data;
using Crm.Web.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite database file, migrated at start-up with the shipped migrations.
/// One per test class (IClassFixture); tests inside a class share it, so each test registers its own users.
/// </summary>
public class CrmFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "crm-tests", $"{Guid.NewGuid():N}.db");

    public string DatabasePath => _databasePath;

    /// <summary>Every mail the app sends arrives here over SMTP (Mail:Host is this server).</summary>
    public LoopbackSmtpServer Mail { get; } = new();

    /// <summary>Every log event at Warning and above (the tests' minimum level), as the app's Serilog pipeline wrote it.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Extra settings a derived fixture needs, e.g. a low lockout threshold.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        // "Testing" is not Development: the production error page is what the tests see.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={_databasePath}");
        builder.UseSetting("RateLimiting:AccountPermitsPerMinute", "100000");
        builder.UseSetting("RateLimiting:TeamAddsPerMinute", "100000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:From", "Crm <crm@example.com>");
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public TestClient CreateTestClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Runs work against the app's database in its own scope (arrange and assert what was stored).</summary>
    public async Task<T> WithDbAsync<T>(Func<CrmDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await work(db);
    }

    public Task WithDbAsync(Func<CrmDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>
    /// Registers a user through the real form, confirms the address with the link from the mail that arrived over
    /// SMTP, logs in through the form and returns the logged-in client with the user's own book.
    /// </summary>
    public async Task<TestUser> RegisterAsync(string? displayName = null)
    {
        var client = CreateTestClient();
        var email = $"{Guid.NewGuid():N}@example.com";
        var name = displayName ?? "User " + email[..6];
        var response = await client.SubmitFormAsync("/account/register", "form", new()
        {
            ["Email"] = email,
            ["DisplayName"] = name,
            ["Password"] = TestUser.DefaultPassword,
            ["ConfirmPassword"] = TestUser.DefaultPassword,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Register failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await ConfirmAsync(client, email);
        await LogInAsync(client, email);
        var (userId, bookId) = await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var book = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.BookId).FirstAsync();
            return (user.Id, book);
        });
        return new TestUser(client, email, name, userId, bookId);
    }

    /// <summary>Follows the confirmation link of the last confirmation mail to <paramref name="email"/>.</summary>
    public async Task ConfirmAsync(TestClient client, string email)
    {
        var mail = await Mail.WaitForAsync(email, Crm.Web.Features.Accounts.AccountMail.ConfirmSubject);
        var confirmed = await client.GetAsync(LoopbackSmtpServer.LinkIn(mail, "/account/confirm"));
        if (confirmed.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirm failed: {(int)confirmed.StatusCode}");
        }
    }

    public async Task<HttpResponseMessage> LogInAsync(TestClient client, string email, string password = TestUser.DefaultPassword)
    {
        var response = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }

    /// <summary>Registers a new user and adds them to <paramref name="bookId"/> with <paramref name="role"/>.</summary>
    public async Task<TestUser> JoinAsync(int bookId, BookRole role, string? displayName = null)
    {
        var user = await RegisterAsync(displayName);
        await AddMembershipAsync(bookId, user.UserId, role);
        return user with { BookId = bookId };
    }

    /// <summary>
    /// Stores a membership directly and, like every change the app makes to memberships, clears the user's cached
    /// memberships (docs/decisions/0008-membership-cache.md), so their next request sees the new book.
    /// </summary>
    public async Task AddMembershipAsync(int bookId, string userId, BookRole role)
    {
        await WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { BookId = bookId, UserId = userId, Role = role, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        Services.GetRequiredService<MembershipCache>().Invalidate(userId);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Mail.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(_databasePath + suffix); } catch (IOException) { }
            }
        }
    }
}

/// <summary>A registered, logged-in user: <see cref="BookId"/> is the book the test works in.</summary>
public sealed record TestUser(TestClient Client, string Email, string DisplayName, string UserId, int BookId)
{
    public const string DefaultPassword = "correct horse battery";
}
