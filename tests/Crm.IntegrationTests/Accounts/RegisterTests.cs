using System.Net;
using Crm.Core.Books;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Accounts;

public sealed class RegisterTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static Dictionary<string, string> Fields(string email, string displayName = "Grace Hopper", string password = TestUser.DefaultPassword, string? confirm = null) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = displayName,
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
    };

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private Task<int> UsersWithEmailAsync(string email) =>
        factory.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    [Fact]
    public async Task Register_ValidForm_AfterConfirmation_StoresOwnBookOwnerMembershipAndTemplates_LandsOnBook()
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();

        var registered = await client.SubmitFormAsync("/account/register", "form", Fields(email));
        Assert.Equal("/account/check-email?for=register", registered.Headers.Location!.OriginalString);
        // Nothing is granted before the address is confirmed: no book yet.
        Assert.Equal(0, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.User!.Email == email)));
        await factory.ConfirmAsync(client, email);
        var response = await client.SubmitFormAsync("/account/login", "main form", new() { ["Email"] = email, ["Password"] = TestUser.DefaultPassword });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var membership = await db.Memberships.Include(m => m.Book).SingleAsync(m => m.UserId == user.Id);
            var templates = await db.InteractionTemplates.Where(t => t.BookId == membership.BookId).Select(t => t.Code).ToListAsync();
            var quickLog = await db.InteractionTemplateSetup
                .Where(s => s.BookId == membership.BookId && s.Event == AutomaticEvent.QuickLogCall)
                .Select(s => s.Template!.Code).SingleAsync();
            return (user, membership, templates, quickLog);
        });
        Assert.Equal("Grace Hopper", stored.user.DisplayName);
        Assert.Equal(BookRole.Owner, stored.membership.Role);
        Assert.Equal("Grace Hopper's book", stored.membership.Book!.Name);
        Assert.Equal(["CALL", "EMAIL", "LETTER", "MEETING", "NOTE"], stored.templates.Order());
        Assert.Equal("CALL", stored.quickLog);
        Assert.Equal($"/books/{stored.membership.BookId}", response.Headers.Location!.OriginalString);

        var book = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Equal("Grace Hopper's book", book.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Register_EmptyForm_ShowsMessageByEveryField_SavesNothing()
    {
        var client = factory.CreateTestClient();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await client.SubmitFormAsync("/account/register", "form", Fields("", "", "", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Enter your e-mail address.", page.FieldError("Email"));
        Assert.Equal("Enter the name your team will see.", page.FieldError("DisplayName"));
        Assert.Equal("Choose a password.", page.FieldError("Password"));
        Assert.Equal("Type the password again.", page.FieldError("ConfirmPassword"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_TooLongDisplayName_ShowsMessage_KeepsInput_SavesNothing()
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();
        var name = new string('n', 101);

        var page = await TestClient.ParseAsync(await client.SubmitFormAsync("/account/register", "form", Fields(email, name)));

        Assert.Equal("Display name can be at most 100 characters.", page.FieldError("DisplayName"));
        Assert.Equal(name, page.FieldValue("DisplayName"));
        Assert.Equal(email, page.FieldValue("Email"));
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Register_WrongEmail_ShowsMessage_KeepsInput_SavesNothing()
    {
        var client = factory.CreateTestClient();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var page = await TestClient.ParseAsync(await client.SubmitFormAsync("/account/register", "form", Fields("grace.example.com")));

        Assert.Equal("Enter a valid e-mail address, like name@example.com.", page.FieldError("Email"));
        Assert.Equal("grace.example.com", page.FieldValue("Email"));
        Assert.Equal("Grace Hopper", page.FieldValue("DisplayName"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_MismatchedPasswords_ShowsMessage_KeepsInput_SavesNothing()
    {
        var client = factory.CreateTestClient();
        var email = NewEmail();

        var page = await TestClient.ParseAsync(await client.SubmitFormAsync("/account/register", "form",
            Fields(email, confirm: "another horse battery")));

        Assert.Equal("The passwords do not match.", page.FieldError("ConfirmPassword"));
        Assert.Equal(email, page.FieldValue("Email"));
        Assert.Equal("Grace Hopper", page.FieldValue("DisplayName"));
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Register_ExistingEmail_SameAnswerAsNewAddress_MailsOwner_SavesNothing()
    {
        var existing = await factory.RegisterAsync();
        var client = factory.CreateTestClient();
        var books = await factory.WithDbAsync(db => db.Books.CountAsync());

        var taken = await client.SubmitFormAsync("/account/register", "form", Fields(existing.Email.ToUpperInvariant(), "Somebody Else"));
        var fresh = await client.SubmitFormAsync("/account/register", "form", Fields(NewEmail(), "Somebody New"));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        var page = await client.GetPageAsync(taken.Headers.Location!.OriginalString);
        Assert.Equal("Check your e-mail", page.QuerySelector("main h1")!.TextContent.Trim());
        var mail = await factory.Mail.WaitForAsync(existing.Email, Crm.Web.Features.Accounts.AccountMail.AlreadyRegisteredSubject);
        Assert.Contains("/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await UsersWithEmailAsync(existing.Email));
        Assert.Equal(books, await factory.WithDbAsync(db => db.Books.CountAsync()));
    }
}
