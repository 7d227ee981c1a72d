using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.IntegrationTests.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.WriteSide;

/// <summary>"Last interaction" after bulk actions that touch more contacts than a statement may have parameters.</summary>
public sealed class LastInteractionRefreshTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Refresh_FortyThousandContactIds_IsOneStatementNotTooManyVariables()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Among Many");
        var at = DateTime.UtcNow.AddDays(-2);
        Assert.True((await factory.WithDbAsync(db => db.RecordAsync(owner.BookId,
            [new InteractionToRecord(contactId, InteractionKind.Call, "Kept", at, owner.UserId, InteractionSource.Manual)], DateTime.UtcNow))).Succeeded);
        await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, (DateTime?)null)));
        // More ids than SQLite's 32,766 variables: before, EF Core bound one parameter per id and this threw.
        var ids = Enumerable.Range(1_000_000, 40_000).Append(contactId).ToList();

        var updated = await factory.WithDbAsync(db => db.RefreshLastInteractionAsync(ids));

        Assert.Equal(1, updated);
        var last = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastInteractionAt).SingleAsync());
        Assert.Equal(at, last!.Value, TimeSpan.FromMilliseconds(1));
    }
}
