using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 16: each node hands dossier codes out of a block it reserved from the agency's counter row, so the counter
/// is no longer written once per intake. Three nodes taking intakes of one agency at once still give every dossier a
/// code of its own, of the same format, numbered within what the counter row reserved.
/// </summary>
public sealed class CodeUniquenessClusterTests(PlatformFixture platform)
{
    [Fact]
    public async Task Concurrent_intakes_on_three_nodes_get_distinct_codes_from_the_agency_counter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        await using var c = await Nodes.JoinAsync(platform.Postgres, a);
        var desks = new[]
        {
            await a.ClientAsync("desk-code-a", [Roles.DeskOfficer], "STP"),
            await b.ClientAsync("desk-code-b", [Roles.DeskOfficer], "STP"),
            await c.ClientAsync("desk-code-c", [Roles.DeskOfficer], "STP"),
        };

        // Two waves: the first reserves small blocks, the second (within a second) larger ones.
        var codes = new List<string>();
        for (var wave = 0; wave < 2; wave++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 90).Select(async i =>
            {
                using var response = await desks[i % 3].PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"), ct);
                var body = await response.ReadJsonAsync();
                Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}: {body}");
                return body.GetProperty("code").GetString()!;
            }));
            codes.AddRange(answers);
        }

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.True(DossierCode.IsWellFormed(code), code));

        // Every number is within what the counter rows reserved for that agency and day; the stored codes match.
        foreach (var day in codes.GroupBy(code => code[..code.LastIndexOf('-')]))
        {
            var agency = day.Key[..day.Key.LastIndexOf('-')];
            var reserved = await Database.CountAsync(a.ConnectionString,
                $"select coalesce(max(last_value), 0) from egov.dossier_code_counters where agency_id = '{agency}'");
            Assert.All(day, code => Assert.InRange(int.Parse(code[(code.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 1, reserved));
        }

        Assert.Equal(codes.Count, await Database.CountAsync(a.ConnectionString,
            $"select count(distinct data ->> 'code') from egov.mt_doc_dossierstate where data ->> 'code' in ({string.Join(',', codes.Select(x => $"'{x}'"))})"));
    }
}
