using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static EGov.IntegrationTests.Notifications.MailSupport;

namespace EGov.IntegrationTests.Notifications;

/// <summary>
/// Citizen e-mail end to end (docs/notifications.md): real HTTP, real PostgreSQL, a real SMTP server (smtp4dev) whose
/// inbox is read back through its API. Each event that calls for a message sends exactly one.
/// </summary>
[Collection(nameof(MailCollection))]
public sealed class CitizenMailTests(PlatformFixture platform, Smtp4devServer smtp)
{
    [Fact]
    public async Task A_desk_intake_sends_exactly_one_receipt_with_the_code_and_the_lookup_link()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, smtp.Settings());
        var desk = await host.ClientAsync("cm-desk", [Roles.DeskOfficer], "STP");
        var to = NewAddress();
        var d = await desk.PostOkAsync("/api/v1/dossiers", DeskIntake("TP-LLTP-01", to));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;

        var sent = await AwaitStatusAsync(desk, id, "received", "sent");
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Equal("email", sent.GetProperty("channel").GetString());
        var (subject, body) = Assert.Single(await smtp.AwaitMailsAsync(to, 1));
        Assert.Contains(code, subject, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {code}", body, StringComparison.Ordinal);
        Assert.Contains($"Dossier code: {code}", body, StringComparison.Ordinal);
        Assert.Contains($"https://dichvucong.example.vn/tra-cuu?code={code}", body, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả kết quả: ", body, StringComparison.Ordinal);
        Assert.Single(await MessagesAsync(desk, id)); // the submission itself calls for none, only the receipt
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(to, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_supplement_request_and_a_result_each_send_theirs()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, smtp.Settings());
        var desk = await host.ClientAsync("cm-desk2", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("cm-spec2", [Roles.Specialist], "STP");
        var leader = await host.ClientAsync("cm-lead2", [Roles.Leader], "STP");
        var to = NewAddress();
        var id = (await desk.PostOkAsync("/api/v1/dossiers", DeskIntake("TP-LLTP-01", to))).GetProperty("id").GetGuid();
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = "Thiếu bản sao căn cước công dân" });
        await AwaitStatusAsync(desk, id, "supplement-requested", "sent");
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/supplement", new { documentIds = new[] { Guid.NewGuid() } });
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { });
        await AwaitStatusAsync(desk, id, "result-ready", "sent");

        var mails = await smtp.AwaitMailsAsync(to, 3);
        Assert.Equal(3, mails.Count);
        Assert.Single(mails, m => m.Body.Contains("Nội dung cần bổ sung: Thiếu bản sao căn cước công dân", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.Contains("Your result is ready", StringComparison.Ordinal));
        Assert.Equal(["received", "supplement-requested", "result-ready"], (await MessagesAsync(desk, id)).Select(m => m.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_refused_address_ends_as_failed_on_the_dossier_and_the_lifecycle_goes_on()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, smtp.Settings());
        var desk = await host.ClientAsync("cm-desk3", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("cm-spec3", [Roles.Specialist], "STP");
        var to = NewAddress(Smtp4devServer.RejectedDomain);
        var id = (await desk.PostOkAsync("/api/v1/dossiers", DeskIntake("TP-LLTP-01", to))).GetProperty("id").GetGuid();

        var failed = await AwaitStatusAsync(desk, id, "received", "failed");
        Assert.StartsWith("smtp-5", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32()); // a 5xx refusal is final: no retries
        var d = await spec.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        Assert.Equal("Processing", d.GetProperty("status").GetString());
        Assert.Empty(await smtp.MessagesToAsync(to));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(to, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_message_committed_before_a_crash_is_sent_once_by_the_next_host()
    {
        var settings = smtp.Settings(sender: false);
        var to = NewAddress();
        Guid id;
        await using (var first = await TestHost.StartAsync(platform.Postgres, settings))
        {
            settings["ConnectionStrings:egov"] = first.ConnectionString;
            var desk = await first.ClientAsync("cm-desk4", [Roles.DeskOfficer], "STP");
            id = (await desk.PostOkAsync("/api/v1/dossiers", DeskIntake("TP-LLTP-01", to))).GetProperty("id").GetGuid();
            var pending = Assert.Single(await MessagesAsync(desk, id));
            Assert.Equal("pending", pending.GetProperty("status").GetString());
        }

        Assert.Empty(await smtp.MessagesToAsync(to));
        settings["Notifications:Sender:Enabled"] = "true";
        await using var second = await TestHost.StartAsync(platform.Postgres, settings);
        var officer = await second.ClientAsync("cm-desk4", [Roles.DeskOfficer], "STP");
        await AwaitStatusAsync(officer, id, "received", "sent");
        Assert.Single(await smtp.AwaitMailsAsync(to, 1));
    }

    [Fact]
    public async Task An_officer_of_another_unit_does_not_see_the_messages()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, smtp.Settings(sender: false));
        var desk = await host.ClientAsync("cm-desk5", [Roles.DeskOfficer], "STP");
        var stranger = await host.ClientAsync("cm-other5", [Roles.DeskOfficer], "XA-TANDINH");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", DeskIntake("TP-LLTP-01", NewAddress()))).GetProperty("id").GetGuid();
        var response = await stranger.GetAsync($"/api/v1/dossiers/{id}/messages", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
