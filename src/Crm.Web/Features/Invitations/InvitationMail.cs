using Crm.Core.Books;
using Crm.Web.Features.Books;
using Crm.Web.Infrastructure.Mail;

namespace Crm.Web.Features.Invitations;

/// <summary>
/// The mail to an invitee. One text for every address, so the mail's sending does not depend on (or reveal) whether
/// an account exists; it says what to do in either case.
/// </summary>
public sealed class InvitationMail(Mailer mailer, LinkGenerator links, IHttpContextAccessor http)
{
    public static string Subject(string bookName) => $"You are invited to \"{bookName}\" on Crm";

    public Task SendAsync(string email, string invitedBy, string bookName, BookRole role)
    {
        var context = http.HttpContext!;
        var books = links.GetUriByAction(context, nameof(BooksController.Index), "Books")!;
        var register = links.GetUriByAction(context, "Register", "Account")!;
        return mailer.SendAsync(email, Subject(bookName),
            $"""
            Hello,

            {invitedBy} invited you to the book "{bookName}" on Crm as {(role == BookRole.Owner ? "an" : "a")} {role}.

            Have an account with this address? Log in and accept or decline the invitation on your books page:
            {books}

            No account yet? Register with this e-mail address and confirm it; the invitation waits for you:
            {register}

            If you do not know {invitedBy}, ignore this mail: nothing happens unless you accept.
            """);
    }
}
