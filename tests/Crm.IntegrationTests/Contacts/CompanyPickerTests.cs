using System.Net;
using Crm.Core.Books;
using Crm.Core.Contacts;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Crm.IntegrationTests.Contacts;

/// <summary>A book with more companies than a select should hold gets a Company text field resolved by the server.</summary>
public sealed class CompanyPickerTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    private const string Form = "form.contact-form";

    private async Task<(TestUser Owner, int TargetId, string TargetNo)> LargeBookAsync()
    {
        var owner = await factory.RegisterAsync();
        await factory.AddContactsAsync(owner.BookId, CompanyPicker.SelectLimit, (i, c) => { c.Type = ContactType.Company; c.Name = $"Filler {i:D3} Ltd"; return c; });
        var targetId = await factory.AddContactAsync(owner.BookId, "Initech", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Twin Corp", c => c.Type = ContactType.Company);
        await factory.AddContactAsync(owner.BookId, "Twin Corp", c => c.Type = ContactType.Company);
        var no = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == targetId).Select(c => c.No).SingleAsync());
        return (owner, targetId, no);
    }

    [Fact]
    public async Task New_SmallBook_OffersASelect()
    {
        var owner = await factory.RegisterAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts/new");

        Assert.NotNull(page.QuerySelector("select#CompanyId"));
        Assert.Null(page.QuerySelector("input#CompanyLookup"));
    }

    [Fact]
    public async Task New_LargeBook_OffersATextFieldWithSuggestions()
    {
        var (owner, _, _) = await LargeBookAsync();

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts/new");

        Assert.Null(page.QuerySelector("select#CompanyId"));
        var input = page.QuerySelector("input#CompanyLookup")!;
        Assert.Equal($"/books/{owner.BookId}/contacts/companies", input.GetAttribute("data-suggest"));
        Assert.NotNull(page.QuerySelector("datalist#CompanyLookup-options"));
    }

    [Theory]
    [InlineData("label")]
    [InlineData("no")]
    [InlineData("name")]
    public async Task New_LargeBook_ResolvesLabelNoOrUniqueName(string how)
    {
        var (owner, targetId, no) = await LargeBookAsync();
        var typed = how switch { "label" => $"Initech ({no})", "no" => no, _ => "initech" };

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", Form, new()
        {
            ["Name"] = "Peter Gibbons", ["CompanyLookup"] = typed,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.BookId == owner.BookId && c.Name == "Peter Gibbons"));
        Assert.Equal(targetId, stored.CompanyId);
        Assert.Contains("initech", stored.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Twin Corp", "Several companies are called \"Twin Corp\"")]
    [InlineData("Nobody Inc", "No company of this book has that name or No.")]
    public async Task New_LargeBook_AmbiguousOrUnknown_MessageByTheFieldNothingSaved(string typed, string message)
    {
        var (owner, _, _) = await LargeBookAsync();

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", Form, new()
        {
            ["Name"] = "Milton Waddams", ["CompanyLookup"] = typed,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.StartsWith(message, page.FieldError("CompanyLookup"));
        Assert.Equal(typed, page.FieldValue("CompanyLookup"));
        Assert.Equal("Milton Waddams", page.FieldValue("Name"));
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Name == "Milton Waddams")));
    }

    [Fact]
    public async Task New_LargeBook_CompanyWithACompany_MessageByTheLookupField()
    {
        var (owner, _, no) = await LargeBookAsync();

        var response = await owner.Client.SubmitFormAsync($"/books/{owner.BookId}/contacts/new", Form, new()
        {
            ["Type"] = "Company", ["Name"] = "Subsidiary Ltd", ["CompanyLookup"] = no,
        });

        var page = await TestClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("A company cannot belong to another company.", page.FieldError("CompanyLookup"));
    }

    [Fact]
    public async Task Edit_LargeBook_ShowsTheCurrentCompanyAsNameAndNo()
    {
        var (owner, targetId, no) = await LargeBookAsync();
        var personId = await factory.AddContactAsync(owner.BookId, "Samir", c => c.CompanyId = targetId, "Initech");

        var page = await owner.Client.GetPageAsync($"/books/{owner.BookId}/contacts/{personId}/edit");

        Assert.Equal($"Initech ({no})", page.FieldValue("CompanyLookup"));
    }

    [Fact]
    public async Task Suggest_MatchesCompaniesOfThisBookOnly_ForMembersOnly()
    {
        var (owner, _, no) = await LargeBookAsync();
        var stranger = await factory.RegisterAsync();
        await factory.AddContactAsync(stranger.BookId, "Initech Abroad", c => c.Type = ContactType.Company);
        var viewer = await factory.JoinAsync(owner.BookId, BookRole.Viewer);
        var url = $"/books/{owner.BookId}/contacts/companies?q=inite";

        var response = await owner.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"[\"Initech ({no})\"]", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
    }
}
