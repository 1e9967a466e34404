using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Notifications;

/// <summary>
/// <c>egov.citizen_messages</c>: the outbox of e-mails to applicants and their delivery log (docs/notifications.md).
/// A row is inserted in the transaction that appends the event calling for it; its key (dossier, version, channel)
/// makes a second insert of the same event's message a no-op. The sender claims due rows with a lease.
/// </summary>
public static class CitizenMessageTable
{
    public const string QualifiedName = "egov.citizen_messages";

    public const string Email = "email";

    public const string InsertSql =
        $"INSERT INTO {QualifiedName} (dossier_id, version, channel, kind, recipient, subject, body, status, attempts, created_at, next_attempt_at, updated_at) "
        + $"VALUES (?, ?, '{Email}', ?, ?, ?, ?, '{MessageStatus.Pending}', 0, now(), now(), now()) "
        + "ON CONFLICT (dossier_id, version, channel) DO NOTHING";

    /// <summary>
    /// Takes up to <c>$1</c> due messages for <c>$2</c> seconds: another node skips the rows being claimed (SKIP LOCKED)
    /// and, until the lease ends, the rows claimed. A node that dies holding a lease loses it when it runs out.
    /// </summary>
    public const string ClaimSql =
        $"UPDATE {QualifiedName} m SET next_attempt_at = now() + make_interval(secs => $2), attempts = m.attempts + 1, updated_at = now() "
        + $"FROM (SELECT dossier_id, version, channel FROM {QualifiedName} WHERE status = '{MessageStatus.Pending}' AND next_attempt_at <= now() "
        + "ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due "
        + "WHERE m.dossier_id = due.dossier_id AND m.version = due.version AND m.channel = due.channel "
        + "RETURNING m.dossier_id, m.version, m.kind, m.recipient, m.subject, m.body, m.attempts";

    /// <summary>Sent: the body and the address are kept (the officer may need to show what was sent) but the row is done.</summary>
    public const string SentSql =
        $"UPDATE {QualifiedName} SET status = '{MessageStatus.Sent}', sent_at = now(), last_error = NULL, updated_at = now() "
        + $"WHERE dossier_id = $1 AND version = $2 AND channel = '{Email}'";

    /// <summary>A failed attempt: <c>$3</c> the error code, <c>$4</c> the seconds to the next attempt, or null when it was the last.</summary>
    public const string FailedSql =
        $"UPDATE {QualifiedName} SET last_error = $3, updated_at = now(), "
        + $"status = CASE WHEN $4::double precision IS NULL THEN '{MessageStatus.Failed}' ELSE '{MessageStatus.Pending}' END, "
        + "next_attempt_at = CASE WHEN $4::double precision IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $4::double precision) END "
        + $"WHERE dossier_id = $1 AND version = $2 AND channel = '{Email}'";

    /// <summary>A dossier's messages for officers: their status, never the address or the text.</summary>
    public const string OfDossierSql =
        $"SELECT version, channel, kind, status, attempts, last_error, created_at, sent_at, next_attempt_at, updated_at FROM {QualifiedName} "
        + "WHERE dossier_id = $1 ORDER BY version, channel";

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<Guid>("dossier_id").AsPrimaryKey();
        table.AddColumn<long>("version").AsPrimaryKey();
        table.AddColumn<string>("channel").AsPrimaryKey();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("recipient").NotNull();
        table.AddColumn<string>("subject").NotNull();
        table.AddColumn<string>("body").NotNull();
        table.AddColumn<string>("status").NotNull();
        table.AddColumn<int>("attempts").NotNull();
        table.AddColumn<string>("last_error");
        table.AddColumn("created_at", "timestamp with time zone").NotNull();
        table.AddColumn("next_attempt_at", "timestamp with time zone").NotNull();
        table.AddColumn("sent_at", "timestamp with time zone");
        table.AddColumn("updated_at", "timestamp with time zone").NotNull();

        // The sender's scan: only the pending rows, by when they are due; sent and failed rows cost it nothing.
        table.Indexes.Add(new IndexDefinition("ix_citizen_messages_due")
        {
            Columns = ["next_attempt_at"],
            Predicate = $"status = '{MessageStatus.Pending}'",
        });
        return table;
    }
}
