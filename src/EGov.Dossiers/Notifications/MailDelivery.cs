using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EGov.Dossiers.Notifications;

/// <summary>How one attempt ended: sent, or an error code (never the address or the text) and whether trying again can help.</summary>
public sealed record DeliveryOutcome(string? ErrorCode, bool Permanent)
{
    public static readonly DeliveryOutcome Sent = new(null, false);

    public bool IsSent => ErrorCode is null;
}

/// <summary>
/// One SMTP session that sends a batch of claimed messages with MailKit. The Message-Id is derived from the message's
/// key, so a copy sent again after a crash inside the lease (docs/notifications.md, "Exactly once in effect") carries
/// the same id and mail systems and clients can fold it.
/// </summary>
public sealed class MailDelivery(SmtpSettings settings, TimeSpan timeout) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = (int)timeout.TotalMilliseconds };

    /// <summary>Connects if need be; an outcome when the server cannot be reached or refuses the login (then every message of the batch waits).</summary>
    public async Task<DeliveryOutcome?> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return null;
        }

        try
        {
            await _client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await _client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A server that is down or refuses the session says nothing about the message: always worth another try.
            return Classify(e) with { Permanent = false };
        }
    }

    public async Task<DeliveryOutcome> SendAsync(Guid dossierId, long version, string to, string subject, string body, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(to, out var recipient))
        {
            return new DeliveryOutcome("address-invalid", Permanent: true);
        }

        using var message = new MimeMessage();
        message.From.Add(settings.From);
        message.To.Add(recipient);
        message.Subject = subject;
        message.MessageId = $"{dossierId:N}.{version}.{CitizenMessageTable.Email}@{settings.From.Domain}";
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
        try
        {
            await _client.SendAsync(message, cancellationToken);
            return DeliveryOutcome.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Classify(e);
        }
    }

    /// <summary>An SMTP 5xx reply is final (the server will say the same next time); anything else may pass.</summary>
    public static DeliveryOutcome Classify(Exception e) => e switch
    {
        SmtpCommandException c => new DeliveryOutcome($"smtp-{(int)c.StatusCode}", (int)c.StatusCode >= 500),
        AuthenticationException => new DeliveryOutcome("smtp-auth", false),
        SmtpProtocolException => new DeliveryOutcome("smtp-protocol", false),
        SocketException or ServiceNotConnectedException => new DeliveryOutcome("smtp-unreachable", false),
        TimeoutException or OperationCanceledException => new DeliveryOutcome("smtp-timeout", false),
        IOException => new DeliveryOutcome("smtp-io", false),
        SslHandshakeException => new DeliveryOutcome("smtp-tls", false),
        _ => new DeliveryOutcome("smtp-error", false),
    };

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The messages are recorded already; a server that drops the QUIT changes nothing.
            }
        }

        _client.Dispose();
    }
}
