using EGov.Kernel;
using EGov.Web;

namespace EGov.Host.SignIn;

/// <summary>The sign-in endpoints' refusals, each with a stable <c>code</c> the pages switch on.</summary>
internal static class SignInProblems
{
    /// <summary>The provider or the host refused what the page brought back from the provider.</summary>
    public const string RefusedType = ProblemTypes.Prefix + "sign-in-refused";

    public static IResult NotConfigured() => ProblemResults.Problem(404, ProblemTypes.NotFound, "Không tìm thấy / Not found", "sign-in-not-configured",
        "Máy chủ này chưa cấu hình đăng nhập qua nhà cung cấp định danh / This host has no identity provider sign-in configured.");

    public static IResult StateMismatch() => ProblemResults.Problem(400, RefusedType, Title, "sign-in-state-mismatch",
        "Tham số state không khớp với phiên đăng nhập của trình duyệt này; hãy đăng nhập lại / " +
        "The state does not belong to this browser's sign-in; please sign in again.");

    public static IResult CodeRefused() => ProblemResults.Problem(400, RefusedType, Title, "sign-in-code-refused",
        "Nhà cung cấp định danh từ chối mã xác thực (đã dùng, hết hạn hoặc không thuộc phiên này); hãy đăng nhập lại / " +
        "The identity provider refused the authorization code (used, expired or not of this sign-in); please sign in again.");

    public static IResult SessionEnded() => ProblemResults.Problem(400, RefusedType, Title, "sign-in-session-ended",
        "Phiên đăng nhập đã kết thúc; hãy đăng nhập lại / The session has ended; please sign in again.");

    public static IResult ProviderUnavailable() => ProblemResults.Problem(503, ProblemTypes.ServiceUnavailable,
        "Tạm thời không phục vụ được / Service temporarily unavailable", "identity-provider-unavailable",
        "Không liên lạc được với nhà cung cấp định danh; hãy thử lại sau ít phút / The identity provider cannot be reached; try again in a few minutes.");

    private const string Title = "Đăng nhập bị từ chối / Sign-in refused";
}
