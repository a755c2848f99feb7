using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>One message the sink accepted: the envelope and the raw DATA (dot-unstuffed).</summary>
public sealed record SmtpDelivery(string From, IReadOnlyList<string> Recipients, byte[] Data);

/// <summary>
/// A minimal SMTP server for tests (RFC 5321, just enough for a client that sends mail without AUTH or TLS): greeting 220,
/// EHLO/HELO, MAIL FROM, RCPT TO, DATA up to the line ".", RSET, NOOP, QUIT. It keeps every delivered message.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<SmtpDelivery> Deliveries { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // 7-bit commands; the message text is kept as bytes (Latin-1 maps each byte to one char and back).
            var reader = new StreamReader(stream, Encoding.Latin1);
            async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);

            await Reply("220 localhost test SMTP sink");
            string from = "";
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await Reply("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(argument);
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(argument));
                        await Reply("250 OK");
                        break;
                    case "DATA":
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } text && text != ".")
                        {
                            data.Append(text.StartsWith("..", StringComparison.Ordinal) ? text[1..] : text).Append("\r\n");
                        }
                        Deliveries.Enqueue(new SmtpDelivery(from, recipients.ToList(), Encoding.Latin1.GetBytes(data.ToString())));
                        await Reply("250 OK: queued");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    case "NOOP":
                        await Reply("250 OK");
                        break;
                    case "QUIT":
                        await Reply("221 Bye");
                        return;
                    default:
                        await Reply("502 Command not implemented");
                        break;
                }
            }
        }
    }

    // "FROM:<a@b>" or "TO:<a@b> PARAM=…" → "a@b".
    private static string Address(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>', Math.Max(start, 0));
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
