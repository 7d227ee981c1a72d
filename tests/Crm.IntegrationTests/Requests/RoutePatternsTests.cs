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
        // Text is part of the shape, encoded by routing.
        { "", "New", "CreateInteraction", new { bookId = 3, contact = 41, origin = "Contact" }, new { bookId = 4, contact = 1, origin = "Team" } },
        { "/crm", "Index", "Contacts", new { bookId = 3, tag = "key accounts/é&?" }, new { bookId = 3, tag = "vip" } },
        { "", "Delete", "Timeline", new { bookId = 3, entryId = -1 }, new { bookId = 3, entryId = 2000000 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Path_IsWhatRoutingGives_FirstAndLaterCalls(string pathBase, string action, string controller, object? first, object? later)
    {
        var patterns = factory.Services.GetRequiredService<RoutePatterns>();
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var basePath = new PathString(pathBase);

        foreach (var values in new[] { first, later, first })
        {
            var expected = links.GetPathByAction(action, controller, new RouteValueDictionary(values), basePath);

            Assert.NotNull(expected);
            Assert.Equal(expected, patterns.Path(basePath, action, controller, values));
        }
    }

    [Fact]
    public void Path_BeyondTheShapeLimit_StillRoutes()
    {
        var patterns = factory.Services.GetRequiredService<RoutePatterns>();
        var links = factory.Services.GetRequiredService<LinkGenerator>();

        for (var i = 0; i < RoutePatterns.MaxShapes + 10; i++)
        {
            var values = new { bookId = 2, tag = $"tag {i}" };
            Assert.Equal(links.GetPathByAction("Index", "Contacts", new RouteValueDictionary(values)), patterns.Path(PathString.Empty, "Index", "Contacts", values));
        }
    }

    [Fact]
    public void Path_ToNoRoute_Throws()
    {
        var patterns = factory.Services.GetRequiredService<RoutePatterns>();

        Assert.Throws<InvalidOperationException>(() => patterns.Path(PathString.Empty, "NoSuchAction", "Contacts", new { bookId = 1 }));
    }
}
