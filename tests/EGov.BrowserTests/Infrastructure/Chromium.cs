using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>
/// The machine's Debian Chromium, driven by Playwright. Playwright never downloads a browser here (the network is
/// closed and scripts/test.sh installs the Debian package), so the executable is named explicitly.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Everything that would reach for the network or a desktop session is off.
    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (scripts/test.sh does, as root).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }

    /// <summary>The province's own browser setting, unless a test plays a visitor from elsewhere.</summary>
    public const string ProvinceLocale = "vi-VN";

    public const string ProvinceTimeZone = "Asia/Ho_Chi_Minh";

    /// <param name="locale">The browser's language and formats (its date inputs and <c>toLocale…</c> follow it).</param>
    /// <param name="timeZone">The browser's zone (what <c>new Date()</c> shows in): the pages must not depend on it.</param>
    /// <param name="trustSelfSigned">Accept a self-signed certificate (the test OIDC provider's), as the host's pinned backchannel does.</param>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress, int width, int height,
        string locale = ProvinceLocale, string timeZone = ProvinceTimeZone, bool trustSelfSigned = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timeZone,
            AcceptDownloads = true,
            IgnoreHTTPSErrors = trustSelfSigned,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var console = new List<string>();
        var output = TestContext.Current.TestOutputHelper;

        // Kept for the checks, and echoed into the test's output so a failing page explains itself.
        void Log(string line)
        {
            lock (console)
            {
                console.Add(line);
            }

            try
            {
                output?.WriteLine($"[browser] {line}");
            }
            catch (InvalidOperationException)
            {
                // A page a failed test left open still talks after its test ended: that must not fail the next test.
            }
        }

        page.Console += (_, message) => Log($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => Log($"pageerror: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Log($"http {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        ConsoleLines.Add(page, console);
        return page;
    }

    /// <summary>What a page wrote to its console, to catch script errors and Content-Security-Policy refusals.</summary>
    public static IReadOnlyList<string> ConsoleLog(this IPage page) => ConsoleLines.TryGetValue(page, out var lines) ? lines : [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> ConsoleLines = new();
}
