using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Requests;

/// <summary>RoutePatterns (decision 0027) must give exactly what routing gives, on its first call and on every later one.</summary>
public sealed class RoutePatternsTests(CrmFactory factory) : IClassFixture<CrmFactory>
{
    public static TheoryData<string, string, string, object?, object?> Cases => new()
    {
        { "", "Index", "Home", null, null },
        { "", "Settings", "Settings", null, null },
        { "", "Details", "Contacts", new { bookId = 3, contactId = 41 }, new { bookId = 12, contactId = 7 } },
        // The same number in two holes, and numbers that are part of each other.
        { "", "Details", "Contacts", new { bookId = 5, contactId = 5 }, new { bookId = 1, contactId = 11 } },
        { "/crm", "Edit", "ContactEdit", new { bookId = 3, contactId = 41 }, new { bookId = 2147483646, contactId = 0 } },
        // A whole number that is not in the route template goes to the query.
        { "", "Index", "InteractionLogEntries", new { bookId = 3, contact = 41 }, new { bookId = 3, contact = 2147483647 } },
        { "", "New", "ContactEdit", new { bookId = 3, companyId = (int?)null }, new { bookId = 3, companyId = (int?)9 } },
        { "", "New", "ContactEdit", new { bookId = 3, companyId = (int?)null }, new { bookId = 4, companyId = (int?)null } },
        // Text goes to the query, encoded by routing; empty text is left out, the order of the values kept.
        { "", "New", "CreateInteraction", new { bookId = 3, contact = 41, origin = "Contact" }, new { bookId = 4, origin = "Team", contact = 1 } },
        { "/crm", "Index", "Contacts", new { bookId = 3, tag = "key accounts/é&?=+#" }, new { bookId = 3, tag = "" } },
        { "", "Index", "Contacts", new { bookId = 3, q = "Ada Lovelace", sort = "Name", tag = (string?)null }, new { bookId = 9, q = "ü%20", sort = "LastInteraction", tag = (string?)"vip" } },
        { "", "Delete", "Timeline", new { bookId = 3, entryId = -1 }, new { bookId = 3, entryId = 2000000 } },
    };

    private RoutePatterns NewPatterns() => ActivatorUtilities.CreateInstance<RoutePatterns>(factory.Services);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Path_IsWhatRoutingGives_FirstAndLaterCalls(string pathBase, string action, string controller, object? first, object? later)
    {
        var patterns = NewPatterns();
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var basePath = new PathString(pathBase);

        foreach (var values in new[] { first, later, first, later })
        {
            var expected = links.GetPathByAction(action, controller, new RouteValueDictionary(values), basePath);

            Assert.NotNull(expected);
            Assert.Equal(expected, patterns.Path(basePath, action, controller, values));
        }
    }

    [Fact]
    public void Path_SameShape_IsRoutedOnce_TextInTheQueryAddsNoShape()
    {
        var patterns = NewPatterns();

        patterns.Path(PathString.Empty, "Details", "Contacts", new { bookId = 1, contactId = 2 });
        patterns.Path(PathString.Empty, "Details", "Contacts", new { bookId = 3, contactId = 4 });
        Assert.Equal(1, patterns.Shapes);
        patterns.Path(PathString.Empty, "Index", "Contacts", new { bookId = 1, tag = "a" });
        patterns.Path(PathString.Empty, "Index", "Contacts", new { bookId = 1, tag = "b" });
        Assert.Equal(2, patterns.Shapes);
        patterns.Path(new PathString("/crm"), "Details", "Contacts", new { bookId = 1, contactId = 2 });
        Assert.Equal(3, patterns.Shapes);
    }

    [Theory]
    [InlineData("", "Delete", "Timeline", "entryId")]
    [InlineData("/crm", "Delete", "Timeline", "entryId")]
    // Not a route parameter: a query value, routed every time, the same result.
    [InlineData("", "Index", "InteractionLogEntries", "contact")]
    public void PathsBy_IsWhatRoutingGives(string pathBase, string action, string controller, string name)
    {
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var values = new RouteValueDictionary { ["bookId"] = 7, [name] = 0, ["returnUrl"] = "/books/7/contacts/9?kind=Call" };
        var paths = NewPatterns().PathsBy(new PathString(pathBase), action, controller, values, name);

        foreach (var number in new[] { 1, 7, 2147483647, -3, 20 })
        {
            Assert.Equal(links.GetPathByAction(action, controller, new RouteValueDictionary(values) { [name] = number }, new PathString(pathBase)), paths(number));
        }
    }

    [Fact]
    public void Path_WithAList_IsRoutedAsRoutingDoes()
    {
        var values = new { bookId = 3, tag = new[] { "a", "b c" } };

        Assert.Equal(factory.Services.GetRequiredService<LinkGenerator>().GetPathByAction("Index", "Contacts", new RouteValueDictionary(values)),
            NewPatterns().Path(PathString.Empty, "Index", "Contacts", values));
    }

    [Fact]
    public void Path_BeyondTheShapeLimit_StillRoutes()
    {
        var patterns = NewPatterns();
        var links = factory.Services.GetRequiredService<LinkGenerator>();

        for (var i = 0; i < RoutePatterns.MaxShapes + 10; i++)
        {
            // Each path base is a shape of its own.
            var basePath = new PathString($"/p{i}");
            var values = new { bookId = 2, contactId = i };
            Assert.Equal(links.GetPathByAction("Details", "Contacts", new RouteValueDictionary(values), basePath), patterns.Path(basePath, "Details", "Contacts", values));
        }
        Assert.Equal(RoutePatterns.MaxShapes, patterns.Shapes);
    }

    [Fact]
    public void Path_ToNoRoute_Throws() =>
        Assert.Throws<InvalidOperationException>(() => NewPatterns().Path(PathString.Empty, "NoSuchAction", "Contacts", new { bookId = 1 }));

    [Fact]
    public void Path_MissingARouteValue_Throws_RatherThanTakingItFromTheRequest() =>
        Assert.Throws<InvalidOperationException>(() => NewPatterns().Path(PathString.Empty, "Details", "Contacts", new { bookId = 1 }));
}
