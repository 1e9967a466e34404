using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EGov.Dossiers.Notifications;

/// <summary>
/// Sends the due citizen e-mails, on every node (docs/notifications.md, "The sender"): claims a batch with a lease
/// (SKIP LOCKED, so two nodes never take the same row), sends it in one SMTP session, records each outcome. A failed
/// attempt is tried again on <see cref="RetrySchedule"/>; a refusal for good, or the last attempt, ends as failed.
/// Logs name the dossier, the version and the error code only: never an address or a text.
/// </summary>
public sealed partial class CitizenMailSender(NpgsqlDataSource dataSource, NotificationOptions options, ILogger<CitizenMailSender> logger) : BackgroundService
{
    private sealed record Claimed(Guid DossierId, long Version, string Kind, string To, string Subject, string Body, int Attempts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await SendDueAsync(stoppingToken) == options.BatchSize;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                // The database is away: the claimed rows' leases run out and a later turn (here or on another node) takes them.
                LogTurnFailed(logger, e);
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(options.Poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>How many messages were claimed.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        await using var delivery = new MailDelivery(options.Smtp!, options.SendTimeout);
        foreach (var message in claimed)
        {
            var outcome = await delivery.ConnectAsync(cancellationToken)
                ?? await delivery.SendAsync(message.DossierId, message.Version, message.To, message.Subject, message.Body, cancellationToken);
            await RecordAsync(message, outcome);
        }

        return claimed.Count;
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CitizenMessageTable.ClaimSql);
        command.Parameters.AddWithValue(options.BatchSize);
        command.Parameters.AddWithValue(options.Lease.TotalSeconds);
        var claimed = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new Claimed(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        return claimed;
    }

    // Not cancelled with the host: an outcome known is written even while stopping, so a sent mail is not sent again.
    private async Task RecordAsync(Claimed message, DeliveryOutcome outcome)
    {
        if (outcome.IsSent)
        {
            await using var sent = dataSource.CreateCommand(CitizenMessageTable.SentSql);
            sent.Parameters.AddWithValue(message.DossierId);
            sent.Parameters.AddWithValue(message.Version);
            await sent.ExecuteNonQueryAsync(CancellationToken.None);
            LogSent(logger, message.DossierId, message.Version, message.Kind, message.Attempts);
            return;
        }

        var delay = outcome.Permanent ? null : options.Retry.DelayAfter(message.Attempts);
        await using var failed = dataSource.CreateCommand(CitizenMessageTable.FailedSql);
        failed.Parameters.AddWithValue(message.DossierId);
        failed.Parameters.AddWithValue(message.Version);
        failed.Parameters.AddWithValue(outcome.ErrorCode!);
        failed.Parameters.Add(new NpgsqlParameter { Value = delay is { } d ? d.TotalSeconds : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        await failed.ExecuteNonQueryAsync(CancellationToken.None);
        LogFailed(logger, message.DossierId, message.Version, message.Kind, message.Attempts, outcome.ErrorCode!, delay is null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Citizen e-mail {Kind} of dossier {DossierId} v{Version} sent (attempt {Attempts})")]
    private static partial void LogSent(ILogger logger, Guid dossierId, long version, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Citizen e-mail {Kind} of dossier {DossierId} v{Version} not sent (attempt {Attempts}): {ErrorCode}; final: {Final}")]
    private static partial void LogFailed(ILogger logger, Guid dossierId, long version, string kind, int attempts, string errorCode, bool final);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Citizen e-mail sender: a turn failed; the next one repeats it")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
