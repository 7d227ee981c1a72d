using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Interactions;
using FluentValidation;

namespace Crm.Web.Features.Setup;

/// <summary>The book's name and its Marketing Setup (number series and default correspondence type).</summary>
public sealed class SetupForm
{
    public string? Name { get; set; }
    public string? ContactNoPrefix { get; set; }
    public int? ContactNoNext { get; set; }
    public string? SegmentNoPrefix { get; set; }
    public int? SegmentNoNext { get; set; }
    public CorrespondenceType? DefaultCorrespondenceType { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// The next numbers as the form showed them. Contacts created while the Owner edits advance the series; a next
    /// number the Owner did not touch must not be written back, or it would hand out numbers twice.
    /// </summary>
    public int ContactNoNextShown { get; set; }
    public int SegmentNoNextShown { get; set; }
}

public sealed class SetupFormValidator : AbstractValidator<SetupForm>
{
    /// <summary>Keeps room below int.MaxValue so the series can always advance.</summary>
    public const int MaxNextNumber = 999_999_999;

    public static readonly string NextNumberMessage = $"Enter a whole number from 1 to {MaxNextNumber:N0}.";

    public SetupFormValidator()
    {
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the book a name.")
            .MaximumLength(Book.NameMaxLength).WithMessage($"The name can be at most {Book.NameMaxLength} characters.")
            .SingleLine();
        Prefix(f => f.ContactNoPrefix);
        Prefix(f => f.SegmentNoPrefix);
        Next(f => f.ContactNoNext);
        Next(f => f.SegmentNoNext);
        RuleFor(f => f.DefaultCorrespondenceType)
            .Must(t => t is CorrespondenceType.HardCopy or CorrespondenceType.Email)
            .WithMessage("Choose Hard Copy or Email.");
    }

    public static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private void Prefix(System.Linq.Expressions.Expression<Func<SetupForm, string?>> field) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a prefix, like CT.")
            .MaximumLength(Book.NumberPrefixMaxLength).WithMessage($"The prefix can be at most {Book.NumberPrefixMaxLength} characters.")
            .Must(IsValidPrefix).WithMessage("Use only letters, digits and -.");

    private void Next(System.Linq.Expressions.Expression<Func<SetupForm, int?>> field) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the next number.")
            .InclusiveBetween(1, MaxNextNumber).WithMessage(NextNumberMessage);
}
