using System.Globalization;
using EGov.Dossiers.Lifecycle;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Http;

namespace EGov.Dossiers.Http;

/// <summary>
/// The dossier's version as HTTP conditional requests carry it (RFC 9110): reads and actions answer <c>ETag: "7"</c>
/// (version 7, a strong tag), and an action sent with <c>If-Match: "7"</c> applies only to version 7 — the HTTP form
/// of <c>expectedVersion</c>. A mismatch is 412 <c>stale-version</c> (Precondition Failed, as RFC 9110 §13.1.1 asks;
/// the body field keeps its 409), giving both with different versions is 400. <c>If-Match: *</c> asks for nothing
/// more than a dossier that exists. A weak tag (<c>W/"7"</c>) never matches, as strong comparison requires.
/// </summary>
public static class DossierETag
{
    public const string IfMatchField = "If-Match";

    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Write(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(version);
    }

    /// <summary>
    /// The version the action must find: from <c>If-Match</c>, else the body's <paramref name="expectedVersion"/>.
    /// <c>FromIfMatch</c> says a mismatch is to be answered 412; <c>Problem</c> is a 400 for a
    /// header that is no single entity tag, or that contradicts the body.
    /// </summary>
    public static (long? Version, bool FromIfMatch, IResult? Problem) Expected(HttpRequest request, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return (expectedVersion, false, null);
        }

        long? tagged = header switch
        {
            ['W', '/', ..] => -1, // a weak tag: never equal under strong comparison, so never the current version
            ['"', .. var digits, '"'] when digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit) => long.Parse(digits, CultureInfo.InvariantCulture),
            _ => null,
        };
        if (tagged is null)
        {
            return (null, true, ProblemResults.Invalid(IfMatchField,
                "If-Match là một thẻ phiên bản như \"7\" (ETag của hồ sơ) hoặc * / If-Match is one entity tag such as \"7\" (the dossier's ETag), or *."));
        }

        if (expectedVersion is { } body && body != tagged)
        {
            return (null, true, ProblemResults.Invalid(IfMatchField,
                $"If-Match ({header}) và expectedVersion ({body}) khác nhau / If-Match ({header}) and expectedVersion ({body}) disagree: send one."));
        }

        return (tagged, true, null);
    }

    /// <summary>The action's refusal: <c>stale-version</c> is 412 when the version came from <c>If-Match</c>.</summary>
    public static IResult Refusal(DossierError error, bool fromIfMatch)
    {
        ArgumentNullException.ThrowIfNull(error);
        return fromIfMatch && error.Kind == ErrorKind.Conflict && error.Code == "stale-version"
            ? ProblemResults.Problem(StatusCodes.Status412PreconditionFailed, ProblemTypes.VersionConflict,
                "Hồ sơ đã thay đổi / Precondition failed: the dossier changed", error.Code, error.Message)
            : Problems.From(error);
    }
}
