using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>One message to the applicant as an officer sees it: where it is, never its address or its text.</summary>
/// <param name="Version">The dossier event (stream version) that called for it.</param>
/// <param name="Status"><c>pending</c>, <c>sent</c> or <c>failed</c>.</param>
/// <param name="LastError">The last failed attempt's code (e.g. <c>smtp-550</c>), or null.</param>
/// <param name="NextAttemptAt">While pending: when it is tried (again).</param>
public sealed record CitizenMessageDto(long Version, string Channel, string Kind, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, DateTimeOffset UpdatedAt);

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/messages</c>: the dossier's messages to the applicant and their delivery status
/// (docs/notifications.md). Officers who may read the dossier; for anyone else it does not exist.
/// </summary>
public static class DossierMessagesEndpoint
{
    /// <summary>List the messages sent to the applicant (thông báo cho người nộp) and their delivery status.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/dossiers/{id}/messages", OperationId = "listDossierMessages")]
    [Tags("Dossiers")]
    [ProducesResponseType<IReadOnlyList<CitizenMessageDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NpgsqlDataSource dataSource, IDeadlines deadlines)
    {
        var caller = CallerFactory.From(http.User);
        if (await ReadableDossier.LoadAsync(session, id, caller, http.RequestAborted) is null)
        {
            return Problems.NotFound();
        }

        await using var command = dataSource.CreateCommand(Notifications.CitizenMessageTable.OfDossierSql);
        command.Parameters.AddWithValue(id);
        var rows = new List<CitizenMessageDto>();
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        while (await reader.ReadAsync(http.RequestAborted))
        {
            var status = reader.GetString(3);
            rows.Add(new CitizenMessageDto(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), status, reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                deadlines.InZone(reader.GetFieldValue<DateTimeOffset>(6)),
                reader.IsDBNull(7) ? null : deadlines.InZone(reader.GetFieldValue<DateTimeOffset>(7)),
                status == Notifications.MessageStatus.Pending ? deadlines.InZone(reader.GetFieldValue<DateTimeOffset>(8)) : null,
                deadlines.InZone(reader.GetFieldValue<DateTimeOffset>(9))));
        }

        return TypedResults.Ok(rows);
    }
}
