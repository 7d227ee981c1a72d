using System.Net;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Contacts;

public sealed class ContactDeleteConcurrencyTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    [Fact]
    public async Task Delete_EightSimultaneousPosts_OneDeletesTheOthersHearAlreadyDeleted()
    {
        var owner = await factory.RegisterAsync();
        var contactId = await factory.AddContactAsync(owner.BookId, "Grace Hopper");
        var url = $"/books/{owner.BookId}/contacts/{contactId}/delete";
        // Eight sessions of the Owner (eight tabs would share one flash cookie), each with the confirmation page open.
        var forms = new List<(TestClient Client, AngleSharp.Html.Dom.IHtmlFormElement Form)>();
        for (var i = 0; i < 8; i++)
        {
            var client = factory.CreateTestClient();
            var login = await client.SubmitFormAsync("/account/login", "form", new() { ["Email"] = owner.Email, ["Password"] = TestUser.DefaultPassword });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var page = await client.GetPageAsync(url);
            forms.Add((client, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, [], url)));

        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var flashes = new List<string>();
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Redirect)
            {
                var list = await forms[i].Client.GetAsync(responses[i].Headers.Location!.OriginalString);
                flashes.Add(await list.Content.ReadAsStringAsync());
            }
        }
        Assert.Single(flashes, f => f.Contains("Grace Hopper was deleted."));
        // A post that read the contact before the winner committed hears "already deleted"; one that arrived after the
        // delete finds nothing, like any missing contact (404), never another contact's message.
        Assert.Equal(7, flashes.Count(f => f.Contains("Grace Hopper was already deleted.")) + responses.Count(r => r.StatusCode == HttpStatusCode.NotFound));
        Assert.DoesNotContain(flashes, f => f.Contains("added to it meanwhile"));
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == contactId)));
    }
}
