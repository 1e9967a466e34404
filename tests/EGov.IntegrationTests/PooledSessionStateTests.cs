using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests;

/// <summary>
/// Pooled connections are handed on without a reset (No Reset On Close, docs/operations.md "Database sessions"): that
/// is safe only while nothing the platform does leaves session state on them. Each test runs a host of its own, so a
/// leak cannot reach the shared platform.
/// </summary>
public sealed class PooledSessionStateTests(PlatformFixture platform)
{
    [Fact]
    public async Task After_seeding_intake_actions_reads_statistics_and_a_rebuild_no_pooled_connection_carries_session_state()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        await DeadlineWarningTests.Eventually(() => Task.FromResult(host.Logs.Lines.Any(l => l.Contains("Demo data:", StringComparison.Ordinal) && !l.Contains("skipped:", StringComparison.Ordinal))), seconds: 180);

        var desk = await host.ClientAsync("desk-pool", [Roles.DeskOfficer], "STP");
        var specialist = await host.ClientAsync("spec-pool", [Roles.Specialist], "STP");
        var admin = await host.ClientAsync("admin-pool", [Roles.Admin]);
        for (var i = 0; i < 3; i++)
        {
            var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
            var id = created.GetProperty("id").GetGuid();
            await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 });
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/v1/dossiers/{id}", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync($"/api/v1/public/dossiers/{created.GetProperty("code").GetString()}", ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/dossiers?pageSize=5", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/statistics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/statistics/watch-list", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/statistics/rebuild", null, ct)).StatusCode);
        await DeadlineWarningTests.Eventually(async () =>
            !(await (await admin.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync()).GetProperty("running").GetBoolean(), seconds: 120);

        var leftovers = await PooledSessions.LeftoversAsync(host, ct);
        Assert.True(leftovers.Count == 0, string.Join(Environment.NewLine, leftovers));
    }

    [Fact]
    public async Task The_pool_prepares_statements_and_skips_the_reset_unless_the_connection_string_says_otherwise()
    {
        await using (var host = await TestHost.StartAsync(platform.Postgres))
        {
            var settings = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
            Assert.Equal((256, 2, true), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose));
        }

        // The operator's explicit values win, even where they equal Npgsql's own defaults.
        var own = await platform.Postgres.CreateDatabaseAsync() + ";Max Auto Prepare=0;AutoPrepareMinUsages=7;no reset on close=false";
        await using (var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:egov"] = own }))
        {
            var settings = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
            Assert.Equal((0, 7, false), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose));
        }
    }

    [Fact]
    public async Task A_session_lock_and_a_setting_left_on_a_pooled_connection_are_found_and_not_reset_on_checkout()
    {
        // The check above must be able to fail: leave state on a connection of the pool and return it.
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var pool = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var connection = await pool.OpenConnectionAsync(ct))
        {
            await using var leak = new NpgsqlCommand("SELECT pg_advisory_lock(4242); SET statement_timeout = 1234", connection);
            await leak.ExecuteNonQueryAsync(ct);
        }

        var leftovers = await PooledSessions.LeftoversAsync(host, ct);
        var line = Assert.Single(leftovers);
        Assert.Contains("1 advisory locks", line, StringComparison.Ordinal);
        Assert.Contains("[statement_timeout]", line, StringComparison.Ordinal);
    }
}
