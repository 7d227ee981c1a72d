using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Crm.IntegrationTests.Infrastructure;

/// <summary>A Serilog sink (picked up by ReadFrom.Services) keeping events, so tests assert what was logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The scalar value of a structured property, or null.</summary>
    public static object? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
