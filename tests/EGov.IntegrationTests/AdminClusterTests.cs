using System.Net;
using System.Net.Http.Headers;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>The operators' view of the silo cluster on the single-process host: the members, a grain's placement, the Orleans Dashboard.</summary>
public sealed class AdminClusterTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task The_cluster_lists_this_node_as_its_one_active_member_and_every_answer_names_the_node()
    {
        var admin = await _host.ClientAsync("admin-cl", [Roles.Admin]);
        var response = await admin.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative), TestContext.Current.CancellationToken);
        var view = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, view.GetProperty("active").GetInt32());
        var me = Assert.Single(view.GetProperty("members").EnumerateArray(), m => m.GetProperty("isThisNode").GetBoolean());
        Assert.Equal("Active", me.GetProperty("status").GetString());
        var port = me.GetProperty("address").GetString()!.Split('@')[0].Split(':')[1];
        Assert.Equal($"{Environment.MachineName}-{port}", me.GetProperty("siloName").GetString());
        Assert.Equal(view.GetProperty("thisNode").GetString(), me.GetProperty("address").GetString());
        Assert.Equal(me.GetProperty("address").GetString(), Assert.Single(response.Headers.GetValues("X-EGov-Node")));
    }

    [Fact]
    public async Task The_cluster_view_is_for_administrators_only()
    {
        var leader = await _host.ClientAsync("leader-cl", [Roles.Leader], "STP");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.GetAsync(new Uri($"/api/v1/admin/cluster/dossiers/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_dossiers_placement_names_the_silo_holding_it_and_a_bad_id_is_a_400_with_a_code()
    {
        var desk = await _host.ClientAsync("desk-cl", [Roles.DeskOfficer], "STP");
        var admin = await _host.ClientAsync("admin-cl2", [Roles.Admin]);
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        var placement = await (await admin.GetAsync(new Uri($"/api/v1/admin/cluster/dossiers/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
        var view = await (await admin.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(id, placement.GetProperty("dossierId").GetGuid());
        Assert.Equal(view.GetProperty("thisNode").GetString(), placement.GetProperty("silo").GetString());

        var bad = await admin.GetAsync(new Uri("/api/v1/admin/cluster/dossiers/not-a-guid", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid-input", (await bad.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_Orleans_dashboard_opens_for_an_administrators_cookie_only_and_sends_a_browser_without_one_to_sign_in()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Http.BaseAddress };

        using var browser = new HttpRequestMessage(HttpMethod.Get, "/admin/orleans/");
        browser.Headers.Accept.ParseAdd("text/html");
        var anonymous = await noRedirect.SendAsync(browser, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/sign-in", anonymous.Headers.Location?.OriginalString);

        var signIn = await noRedirect.GetAsync(new Uri("/admin/sign-in", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("/pages/admin/admin.js", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await DashboardAs(noRedirect, await TokenAsync("leader-dash", Roles.Leader))).StatusCode);
        var opened = await DashboardAs(noRedirect, await TokenAsync("admin-dash", Roles.Admin));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("html", opened.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        // Its own files (icons, logo) pass the silo-address filter.
        var adminToken = await TokenAsync("admin-dash5", Roles.Admin);
        foreach (var file in new[] { "/admin/orleans/fonts/fa-solid-900.woff2", "/admin/orleans/img/OrleansLogo.png" })
        {
            using var asset = new HttpRequestMessage(HttpMethod.Get, file);
            asset.Headers.Add("Cookie", $"egov-admin-token={adminToken}");
            Assert.Equal(HttpStatusCode.OK, (await noRedirect.SendAsync(asset, TestContext.Current.CancellationToken)).StatusCode);
        }

        // The cookie counts on the dashboard's path only: elsewhere the API still wants a bearer header.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/cluster");
        elsewhere.Headers.Add("Cookie", $"egov-admin-token={await TokenAsync("admin-dash2", Roles.Admin)}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await noRedirect.SendAsync(elsewhere, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("SiloCounters")]
    [InlineData("SiloProperties")]
    [InlineData("SiloMetadata")]
    [InlineData("HistoricalStats")]
    public async Task The_dashboards_silo_views_answer_a_real_silo_and_refuse_a_bad_address_with_a_400_not_a_500(string view)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.Http.BaseAddress };
        var token = await TokenAsync("admin-dash3", Roles.Admin);
        var admin = await _host.ClientAsync("admin-dash4", [Roles.Admin]);
        var silo = (await (await admin.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync())
            .GetProperty("thisNode").GetString()!;

        async Task<HttpResponseMessage> Get(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/orleans/{view}/{Uri.EscapeDataString(address)}");
            request.Headers.Add("Cookie", $"egov-admin-token={token}");
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, (await Get(silo)).StatusCode);
        var bad = await Get("not-a-silo");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid-input", (await bad.ReadJsonAsync()).GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> DashboardAs(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/orleans/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Add("Cookie", $"egov-admin-token={token}");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<string> TokenAsync(string subject, string role)
    {
        var client = await _host.ClientAsync(subject, [role], role == Roles.Leader ? "STP" : null);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}
