using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.Hosting;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// A real local SMTP server for the citizen e-mail tests: the smtp4dev .NET tool of the repository's tool manifest,
/// started on free loopback ports with an in-memory store, read back through its REST API (<c>/api/messages</c>).
/// Recipients at <see cref="RejectedDomain"/> are refused with a 5xx, as a mailbox that does not exist would be.
/// </summary>
public sealed class Smtp4devServer : IAsyncLifetime
{
    public const string RejectedDomain = "khong-ton-tai.example.vn";

    private Process? _process;

    public int SmtpPort { get; } = Loopback.FreeTcpPort();

    public int WebPort { get; } = Loopback.FreeTcpPort();

    public HttpClient Api { get; private set; } = null!;

    /// <summary>The host settings that send citizen e-mail through this server.</summary>
    public Dictionary<string, string?> Settings(bool sender = true) => new()
    {
        ["Notifications:Email:Enabled"] = "true",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:From"] = "Một cửa tỉnh <motcua@egov.example.vn>",
        ["Notifications:PublicBaseUrl"] = "https://dichvucong.example.vn/",
        ["Notifications:Sender:PollMilliseconds"] = "200",
        ["Notifications:Sender:Enabled"] = sender ? "true" : "false",
        ["Notifications:Retry:FirstSeconds"] = "1",
        ["Notifications:Retry:MaxSeconds"] = "2",
    };

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryPaths.Root;
        await RunToEndAsync(root, "tool", "restore");
        var psi = new ProcessStartInfo("dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={SmtpPort}", $"--urls=http://127.0.0.1:{WebPort}", "--db=", "--imapport=", "--pop3port=",
            "--nousersettings", "--hostname=localhost", "--bindaddress=127.0.0.1",
        ])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["ServerOptions__RecipientValidationExpression"] = $"!recipient.endsWith('@{RejectedDomain}')";
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await Api.GetAsync("/api/messages");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"smtp4dev did not start on ports {SmtpPort}/{WebPort} (exited: {_process.HasExited}).");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The messages that arrived for <paramref name="recipient"/>: their subject and plain-text body.</summary>
    public async Task<IReadOnlyList<(string Subject, string Body)>> MessagesToAsync(string recipient)
    {
        var root = await Api.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1000");
        var list = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        var found = new List<(string, string)>();
        foreach (var message in list.EnumerateArray())
        {
            var to = message.GetProperty("to");
            var addressed = to.ValueKind == JsonValueKind.Array
                ? to.EnumerateArray().Any(t => t.GetString()?.Contains(recipient, StringComparison.OrdinalIgnoreCase) == true)
                : to.GetString()?.Contains(recipient, StringComparison.OrdinalIgnoreCase) == true;
            if (addressed)
            {
                var id = message.GetProperty("id").GetString();
                var body = await Api.GetStringAsync($"/api/messages/{id}/plaintext");
                found.Add((message.GetProperty("subject").GetString() ?? string.Empty, body));
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static async Task RunToEndAsync(string directory, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {await output}\n{await error}");
        }
    }
}
