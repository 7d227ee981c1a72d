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
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
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

    /// <summary>Registers a user through the real form and returns a logged-in client with the user's own book.</summary>
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
        var (userId, bookId) = await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var book = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.BookId).FirstAsync();
            return (user.Id, book);
        });
        return new TestUser(client, email, name, userId, bookId);
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
