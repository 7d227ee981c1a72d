using Crm.IntegrationTests.Infrastructure;

namespace Crm.IntegrationTests.Operations;

/// <summary>Information level, so the request-completion events are kept.</summary>
public sealed class InformationLogFactory : CrmFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" };
}

/// <summary>Each host logs through its own Serilog logger (not the static one), request logging included.</summary>
public sealed class RequestLoggingTests(InformationLogFactory factory) : IClassFixture<InformationLogFactory>
{
    [Fact]
    public async Task Request_IsLoggedThroughThisHostsLogger()
    {
        await factory.CreateTestClient().GetAsync("/health?probe=request-logging");

        Assert.Contains(factory.Logs.Events, e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
            && Equals(LogCapture.Property(e, "RequestPath"), "/health"));
    }
}
