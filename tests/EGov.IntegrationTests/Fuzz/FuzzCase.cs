using System.Text;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>Who sends a case: a role of the fuzz host's seeded identities, or nobody.</summary>
public enum Principal
{
    Anonymous,
    DeskOfficer,
    Specialist,
    Leader,
    Admin,
    Citizen,
}

/// <summary>A request body: raw bytes under a content type (null: no Content-Type header at all).</summary>
public sealed record FuzzBody(byte[] Bytes, string? ContentType)
{
    public static FuzzBody Json(string json) => new(Encoding.UTF8.GetBytes(json), "application/json");
}

/// <summary>
/// One request of the fuzz. <see cref="Mutation"/> says what was broken ("query unit: NUL inside", "body
/// applicant.fullName: oversize"), so a failure line reads as the operation, the mutation and the answer.
/// </summary>
public sealed record FuzzCase(
    string Mutation,
    Principal Principal,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    FuzzBody? Body)
{
    /// <summary>The part of the request the mutation breaks ("query unit"): the budget spreads its choice over targets.</summary>
    /// Names hold no colon and labels may ("wrong type: number"), so the first colon ends the target.
    public string Target => Mutation.Contains(':', StringComparison.Ordinal) ? Mutation[..Mutation.IndexOf(':', StringComparison.Ordinal)] : Mutation;

    /// <summary>0 for the mutations every target gets before any gets the rest (<see cref="BadValues.First"/>).</summary>
    public int Priority => BadValues.First.Contains(Mutation[(Mutation.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()) ? 0 : 1;

    /// <summary>
    /// The request is malformed HTTP (a NUL in the path or a control character in a header): Kestrel refuses it with a
    /// bare 400 before any middleware runs, so no application can answer it with a problem. It still must not get a 5xx.
    /// </summary>
    public bool MalformedHttp { get; init; }

    public string Name => $"{Mutation} [as {Principal}]";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body.Bytes);
            if (Body.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
            }

            request.Content = content;
        }

        // A header set here wins over the client's default one (its Authorization), which is what the
        // Authorization mutations rely on.
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
