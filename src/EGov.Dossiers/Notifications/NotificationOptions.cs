using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace EGov.Dossiers.Notifications;

/// <summary>The SMTP server citizen e-mail goes through (section <c>Notifications:Smtp</c>; docs/notifications.md, "Settings").</summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, MailboxAddress From);

/// <summary>
/// Citizen e-mail settings (section <c>Notifications</c>), built and checked at start-up: a mistake stops the host
/// with its reason instead of filling the outbox with messages no one can send. Off unless <c>Email:Enabled</c>;
/// while off, no message is written either, so turning it on later does not mail a backlog of old events.
/// </summary>
public sealed record NotificationOptions(bool Enabled, SmtpSettings? Smtp, Uri? PublicBaseUrl, RetrySchedule Retry,
    TimeSpan Poll, int BatchSize, TimeSpan Lease, TimeSpan SendTimeout, bool SenderEnabled)
{
    public const string Section = "Notifications";

    public static readonly NotificationOptions Disabled = new(false, null, null, RetrySchedule.Default, TimeSpan.FromSeconds(1), 20, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), false);

    /// <summary>The public lookup page for a dossier code, as the e-mail prints it.</summary>
    public string LookupUrl(string code) => new Uri(PublicBaseUrl ?? new Uri("http://localhost/"), $"/tra-cuu?code={Uri.EscapeDataString(code)}").ToString();

    public static NotificationOptions Build(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (!section.GetValue("Email:Enabled", false))
        {
            return Disabled;
        }

        var smtp = section.GetSection("Smtp");
        var host = smtp["Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            throw Invalid("Smtp:Host", "is required when Notifications:Email:Enabled is true");
        }

        var port = smtp.GetValue("Port", 25);
        if (port is < 1 or > 65535)
        {
            throw Invalid("Smtp:Port", $"must be 1..65535, not {port}");
        }

        var securityText = smtp["Security"] ?? nameof(SecureSocketOptions.StartTlsWhenAvailable);
        if (!Enum.TryParse<SecureSocketOptions>(securityText, ignoreCase: true, out var security) || !Enum.IsDefined(security))
        {
            throw Invalid("Smtp:Security", $"must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}, not '{securityText}'");
        }

        if (!MailboxAddress.TryParse(smtp["From"] ?? string.Empty, out var from) || string.IsNullOrEmpty(from.Address) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid("Smtp:From", "must be an e-mail address, e.g. \"Một cửa tỉnh <motcua@example.gov.vn>\"");
        }

        var user = smtp["User"];
        var password = smtp["Password"];
        if (!string.IsNullOrEmpty(user) && string.IsNullOrEmpty(password))
        {
            throw Invalid("Smtp:Password", "is required with Smtp:User");
        }

        var baseUrl = section["PublicBaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var publicBase) || (publicBase.Scheme != Uri.UriSchemeHttps && publicBase.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid("PublicBaseUrl", "must be the platform's public http(s) address, for the lookup link in each e-mail");
        }

        var retry = new RetrySchedule(
            Positive(section, "Retry:FirstSeconds", 30), Positive(section, "Retry:MaxSeconds", 3600), section.GetValue("Retry:MaxAttempts", 8));
        if (retry.MaxAttempts < 1 || retry.Cap < retry.First)
        {
            throw Invalid("Retry", "needs MaxAttempts >= 1 and MaxSeconds >= FirstSeconds");
        }

        var batch = section.GetValue("Sender:BatchSize", 20);
        if (batch is < 1 or > 1000)
        {
            throw Invalid("Sender:BatchSize", $"must be 1..1000, not {batch}");
        }

        return new NotificationOptions(true, new SmtpSettings(host, port, security, user, password, from), publicBase, retry,
            TimeSpan.FromMilliseconds(Positive(section, "Sender:PollMilliseconds", 1000).TotalSeconds), batch,
            Positive(section, "Sender:LeaseSeconds", 120), Positive(section, "Sender:TimeoutSeconds", 30),
            section.GetValue("Sender:Enabled", true));
    }

    // Seconds from configuration; the poll reuses it for milliseconds (the unit is in the key's name).
    private static TimeSpan Positive(IConfigurationSection section, string key, double fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? TimeSpan.FromSeconds(value) : throw Invalid(key, $"must be positive, not {value}");
    }

    private static InvalidOperationException Invalid(string key, string why) =>
        new($"Citizen e-mail settings: {Section}:{key} {why} (docs/notifications.md, \"Settings\").");
}
