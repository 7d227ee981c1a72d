using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Interactions;
using FluentValidation;

namespace Crm.Web.Features.Books;

public sealed class NewBookForm
{
    public string? Name { get; set; }

    /// <summary>Rendered fresh with the form; a second post of the same form opens the book the first one created.</summary>
    public Guid? OneTimeKey { get; set; }
}

public sealed class NewBookFormValidator : AbstractValidator<NewBookForm>
{
    public NewBookFormValidator()
    {
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the book a name.")
            .MaximumLength(Book.NameMaxLength).WithMessage($"The name can be at most {Book.NameMaxLength} characters.")
            .SingleLine();
    }
}

public sealed record BookListItem(int Id, string Name, BookRole Role, int Members);

public sealed record BookHomeViewModel(int Id, string Name, BookRole Role, int Contacts, int Members,
    IReadOnlyList<RecentInteraction> Recent);

public sealed record RecentInteraction(int ContactId, string ContactName, InteractionKind Kind, string Description, DateTime OccurredAt, string LoggedBy);
