using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>
/// The platform the pages are served from (the real host on Kestrel, its own database, a business clock the
/// tests can move forward) and one headless Chromium that every test opens fresh contexts in.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 08:00 in the province: a plain working week with no holiday ahead.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private IPlaywright? _playwright;
    private Lazy<Task<JsonElement>>? _overdue;
    private Lazy<Task<IReadOnlyList<JsonElement>>>? _atRisk;

    public PostgresServer Postgres { get; } = new();

    public TimeTravel Travel { get; } = new(Start);

    public TestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Host.Http.BaseAddress!;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Host = await TestHost.StartAsync(Postgres, new Dictionary<string, string?>
        {
            ["Deadlines:PollMilliseconds"] = "200",
            // The passing of time is a jump of the test clock, which changes no dossier: the full risk sweep runs every
            // second so the pages see a dossier flagged soon after the jump.
            ["Foresight:SweepInterval"] = "00:00:01",
        }, Travel.Clock);
        // A shared 2-core machine compiles each Wolverine endpoint on its first call: give pages time to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        _overdue = new(() => OverdueDossier.CreateAsync(this));
        _atRisk = new(() => AtRiskDossiers.CreateAsync(this));
    }

    /// <summary>
    /// A criminal-record dossier of STP (taken in by <c>desk-dash</c>) whose appointment has passed: the clock only
    /// moves forward, so it is made once and shared. Every dossier taken in before it is overdue too.
    /// </summary>
    public Task<JsonElement> OverdueDossierAsync() => _overdue!.Value;

    /// <summary>
    /// <see cref="AtRiskDossiers.Count"/> dossiers of STP flagged at risk with an apology drafted, made once after the
    /// overdue dossier (the clock only moves forward). Index 0 stays untouched; the others are for tests that issue.
    /// </summary>
    public Task<IReadOnlyList<JsonElement>> AtRiskDossiersAsync() => _atRisk!.Value;

    /// <summary>A fresh browser context (own storage, own cookies) on the host, as a new visitor.</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) => Chromium.NewPageAsync(Browser, BaseAddress, width, height);

    /// <summary>A fresh context whose browser speaks US English and lives in New York: nothing shown may follow it.</summary>
    public Task<IPage> NewForeignPageAsync() =>
        Chromium.NewPageAsync(Browser, BaseAddress, 1280, 900, locale: "en-US", timeZone: "America/New_York");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }
}
