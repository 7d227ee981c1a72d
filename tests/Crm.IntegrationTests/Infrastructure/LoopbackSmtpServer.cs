using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Crm.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps every message it receives, so tests send mail
/// through the app's MailKit transport exactly as production does and read links from what arrived.
/// </summary>
public sealed partial class LoopbackSmtpServer : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackSmtpServer()
    {
        // A free port: bind to 0, read it, release it for the server.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => _received.ToArray();

    /// <summary>Waits (briefly: the app sends before it answers) for a message to <paramref name="to"/> with the subject.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subject)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            var found = _received.LastOrDefault(m => m.Subject == subject
                && m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"No mail \"{subject}\" to {to} arrived; received: "
            + string.Join("; ", _received.Select(m => $"{m.Subject} -> {m.To}")));
    }

    public int CountTo(string to) =>
        _received.Count(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The first absolute link in the message whose path contains <paramref name="pathPart"/>, as a local URL.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var url = Links().Matches(message.TextBody ?? "").Select(m => m.Value)
            .FirstOrDefault(u => u.Contains(pathPart, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link with {pathPart} in: {message.TextBody}");
        return new Uri(url).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    /// <summary>Idempotent: WebApplicationFactory's DisposeAsync and Dispose both reach the factory's Dispose(bool).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private int _disposed;

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
