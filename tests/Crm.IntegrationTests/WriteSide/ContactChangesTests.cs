using Crm.Core.Books;
using Crm.Core.Changes;
using Crm.Core.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.WriteSide;

/// <summary>The contact use cases of Crm.Core called directly, over the real SQLite file (docs/decisions/0009-write-side-use-cases.md).</summary>
public sealed class ContactChangesTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task Create_CompanyOfAnotherBook_IsRefusedAndNothingStored()
    {
        var mine = await factory.RegisterAsync();
        var theirs = await factory.RegisterAsync();
        var theirCompany = await CreateAsync(theirs.BookId, new ContactInput { Type = ContactType.Company, Name = "Elsewhere Ltd" });

        var result = await factory.WithDbAsync(db => db.CreateAsync(mine.BookId,
            new ContactInput { Name = "Ada", CompanyId = theirCompany.Id }, Now));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(ContactChanges.CompanyMessage, result.Errors[nameof(ContactInput.CompanyId)]);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == mine.BookId)));
        // The refused create did not use up a Contact No.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Books.Where(b => b.Id == mine.BookId).Select(b => b.ContactNoNext).SingleAsync()));
    }

    [Fact]
    public async Task Create_SalespersonNotAMember_IsRefused()
    {
        var mine = await factory.RegisterAsync();
        var stranger = await factory.RegisterAsync();

        var result = await factory.WithDbAsync(db => db.CreateAsync(mine.BookId,
            new ContactInput { Name = "Ada", SalespersonUserId = stranger.UserId }, Now));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(ContactChanges.SalespersonMessage, result.Errors[nameof(ContactInput.SalespersonUserId)]);
    }

    [Fact]
    public async Task Create_NumbersFromTheSeries_StoresBlanksAsNullAndSearchText()
    {
        var owner = await factory.RegisterAsync();
        var company = await CreateAsync(owner.BookId, new ContactInput { Type = ContactType.Company, Name = "Analytical Engines" });

        var person = await CreateAsync(owner.BookId, new ContactInput
        {
            Name = "  Ada Lovelace ", CompanyId = company.Id, Email = " ", Phone = "+44 20", Tags = "vip, VIP, math", SalespersonUserId = owner.UserId,
        });

        var stored = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.Tags).SingleAsync(c => c.Id == person.Id));
        Assert.Equal(NumberSeries.Format("CT", 2), stored.No);
        Assert.Equal("Ada Lovelace", stored.Name);
        Assert.Null(stored.Email);
        Assert.Equal(["math", "vip"], stored.Tags.Select(t => t.Name).Order());
        Assert.Equal("ct00002 | ada lovelace | analytical engines | +44 20", stored.SearchText);
    }

    [Fact]
    public async Task Update_CompanyRename_RewordsItsPersonsSearchText()
    {
        var owner = await factory.RegisterAsync();
        var company = await CreateAsync(owner.BookId, new ContactInput { Type = ContactType.Company, Name = "Old Name Ltd" });
        var person = await CreateAsync(owner.BookId, new ContactInput { Name = "Grace", CompanyId = company.Id });

        var result = await factory.WithDbAsync(db => db.UpdateAsync(owner.BookId, company.Id,
            new ContactInput { Type = ContactType.Company, Name = "New Name Ltd" }, company.Version, Now));

        Assert.Equal(ChangeStatus.Done, result.Status);
        var text = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == person.Id).Select(c => c.SearchText).SingleAsync());
        Assert.Contains("new name ltd", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old name", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_StaleVersion_IsAConflictThatKeepsTheStoredContact()
    {
        var owner = await factory.RegisterAsync();
        var contact = await CreateAsync(owner.BookId, new ContactInput { Name = "First" });
        var staleVersion = contact.Version;
        var saved = await factory.WithDbAsync(db => db.UpdateAsync(owner.BookId, contact.Id, new ContactInput { Name = "Second" }, staleVersion, Now));

        var result = await factory.WithDbAsync(db => db.UpdateAsync(owner.BookId, contact.Id, new ContactInput { Name = "Third" }, staleVersion, Now));

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.Equal(ContactChanges.ConflictMessage, result.Message);
        Assert.Equal(saved.Value!.Version, result.Value!.Version);
        Assert.Equal("Second", await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task Update_CompanyWithPersonsToPerson_IsRefused()
    {
        var owner = await factory.RegisterAsync();
        var company = await CreateAsync(owner.BookId, new ContactInput { Type = ContactType.Company, Name = "Keeps Staff" });
        await CreateAsync(owner.BookId, new ContactInput { Name = "Staff", CompanyId = company.Id });

        var result = await factory.WithDbAsync(db => db.UpdateAsync(owner.BookId, company.Id,
            new ContactInput { Type = ContactType.Person, Name = "Keeps Staff" }, company.Version, Now));

        Assert.Equal(ContactChanges.CompanyHasPersonsMessage, result.Errors[nameof(ContactInput.Type)]);
    }

    [Fact]
    public async Task Delete_Twice_SecondIsAlreadyDeleted_CompanyWithPersonsRefused()
    {
        var owner = await factory.RegisterAsync();
        var company = await CreateAsync(owner.BookId, new ContactInput { Type = ContactType.Company, Name = "Has Persons" });
        var person = await CreateAsync(owner.BookId, new ContactInput { Name = "Worker", CompanyId = company.Id });

        var refused = await factory.WithDbAsync(db => db.DeleteAsync(owner.BookId, company.Id));
        var first = await factory.WithDbAsync(db => db.DeleteAsync(owner.BookId, person.Id));
        var second = await factory.WithDbAsync(db => db.DeleteAsync(owner.BookId, person.Id));

        Assert.Equal(ChangeStatus.Refused, refused.Status);
        Assert.Equal(ChangeStatus.Done, first.Status);
        Assert.Equal(ChangeStatus.NotFound, second.Status);
        Assert.Equal(ContactChanges.AlreadyDeletedMessage, second.Message);
    }

    [Fact]
    public async Task AddMany_OneBadRow_StoresNothing()
    {
        var owner = await factory.RegisterAsync();

        var result = await factory.WithDbAsync(db => db.AddManyAsync(owner.BookId,
            [new ContactInput { Name = "Fine" }, new ContactInput { Name = " " }], Now));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal("Enter a name.", result.Errors["[1].Name"]);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.BookId == owner.BookId)));
    }

    private async Task<Contact> CreateAsync(int bookId, ContactInput input)
    {
        var result = await factory.WithDbAsync(db => db.CreateAsync(bookId, input, Now));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value!;
    }
}
