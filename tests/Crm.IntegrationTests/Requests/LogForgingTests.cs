using System.Net;
using System.Text;
using Crm.IntegrationTests.Infrastructure;
using Crm.Web.Infrastructure.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Crm.IntegrationTests.Requests;

/// <summary>Every event the app logs, written with the console's formatter (Serilog picks up sinks from DI).</summary>
public sealed class LogCaptureFactory : CrmFactory
{
    public CapturedLog Log { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

public sealed class CapturedLog : ILogEventSink
{
    private readonly EscapingTextFormatter _formatter = new();
    private readonly StringBuilder _text = new();

    public void Emit(LogEvent logEvent)
    {
        var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        lock (_text)
        {
            _text.Append(writer);
        }
    }

    public string[] Lines()
    {
        lock (_text)
        {
            return _text.ToString().Split(Environment.NewLine);
        }
    }
}

/// <summary>User text never starts a log line of its own: a forged "[20:59:59 INF]" stays inside the real event.</summary>
public sealed class LogForgingTests(LogCaptureFactory factory) : IClassFixture<LogCaptureFactory>
{
    private const string Forged = "\n[20:59:59 INF] Crm.Web: forged";

    [Fact]
    public async Task Post_KeyWithNewlineAndFakeEvent_Answers400AndWritesNoFakeLine()
    {
        var client = factory.CreateTestClient();
        var body = Uri.EscapeDataString(Forged) + "=1&x[=1";

        var response = await client.Http.PostAsync("/account/login", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoForgedLine();
    }

    [Fact]
    public async Task Get_PathWithNewlineAndFakeEvent_IsLoggedEscaped()
    {
        var client = factory.CreateTestClient();

        // Anonymous, so it is sent to Log in; the request log still names the path.
        await client.Http.GetAsync("/nothing-here" + Uri.EscapeDataString(Forged));

        Assert.Contains(factory.Log.Lines(), l => l.Contains(@"\n[20:59:59 INF] Crm.Web: forged", StringComparison.Ordinal));
        AssertNoForgedLine();
    }

    [Fact]
    public void Formatter_ExceptionMessageWithFakeEvent_StaysIndented()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, new InvalidOperationException("bad" + Forged),
            new Serilog.Parsing.MessageTemplateParser().Parse("Failed on {Path}"),
            [new LogEventProperty("Path", new ScalarValue("/a" + Forged))]);
        var output = new StringWriter();

        new EscapingTextFormatter().Format(logEvent, output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("[", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("    ", l));
    }

    private void AssertNoForgedLine() =>
        Assert.DoesNotContain(factory.Log.Lines(), l => l.StartsWith("[20:59:59", StringComparison.Ordinal));
}
