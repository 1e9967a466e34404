using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EGov.Dossiers.Lifecycle;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document agrees with the endpoints the host runs (issue 17): the same operations, each with an id, a
/// human summary, one success code and the security its authorization metadata asks for; what a client generator
/// needs (examples, integer types, the problem schema) is there; and actual answers match what is declared.
/// </summary>
public sealed partial class OpenApiAgreementTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task Every_api_endpoint_the_host_runs_is_in_the_document_and_nothing_else_is()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var running = ApiEndpoints().Select(e => $"{e.Method} {e.Path}").ToHashSet(StringComparer.Ordinal);
        var documented = doc.Operations().Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);

        Assert.True(running.Count >= 39, $"only {running.Count} endpoints found under /api/");
        Assert.Empty(running.Except(documented).Order());
        Assert.Empty(documented.Except(running).Order());
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_human_summary_and_one_success_code()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var failures = new List<string>();
        var ids = new List<string>();
        foreach (var (method, path, op) in doc.Operations())
        {
            var key = $"{method} {path}";
            if (!op.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            {
                failures.Add($"{key}: no operationId");
            }
            else
            {
                ids.Add(id.GetString()!);
            }

            var summary = op.TryGetProperty("summary", out var s) ? s.GetString() : null;
            if (string.IsNullOrWhiteSpace(summary) || summary.Contains("api_v1", StringComparison.Ordinal) || summary.Contains('/') && !summary.Contains(' '))
            {
                failures.Add($"{key}: summary '{summary}' is not a sentence");
            }

            if (op.TryGetProperty("description", out var d) && d.GetString()!.Contains("_api_", StringComparison.Ordinal))
            {
                failures.Add($"{key}: the description holds route text ({d.GetString()})");
            }

            var successes = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).Where(r => r.StartsWith('2')).ToList();
            if (successes.Count != 1)
            {
                failures.Add($"{key}: success codes [{string.Join(", ", successes)}]");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Security_follows_each_endpoints_authorization_metadata()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var scheme = doc.Root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single();
        Assert.Equal("http", scheme.Value.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.Value.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.Value.GetProperty("bearerFormat").GetString());

        var failures = new List<string>();
        var secured = 0;
        foreach (var endpoint in ApiEndpoints())
        {
            var method = endpoint.Method;
            var op = doc.Operations().Single(o => o.Method == method && o.Path == endpoint.Path).Operation;
            var declared = op.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            var responses = op.GetProperty("responses");
            if (declared != endpoint.Secured)
            {
                failures.Add($"{method} {endpoint.Path}: runs {(endpoint.Secured ? "secured" : "anonymous")}, documented {(declared ? "secured" : "anonymous")}");
            }

            if (endpoint.Secured)
            {
                secured++;
                if (declared && !security[0].TryGetProperty(scheme.Name, out _))
                {
                    failures.Add($"{method} {endpoint.Path}: security does not name {scheme.Name}");
                }

                foreach (var status in new[] { "401", "403" })
                {
                    if (!responses.TryGetProperty(status, out var r) || !r.GetProperty("content").TryGetProperty("application/problem+json", out _))
                    {
                        failures.Add($"{method} {endpoint.Path}: no {status} problem+json response");
                    }
                }
            }
            else if (responses.TryGetProperty("401", out _))
            {
                failures.Add($"{method} {endpoint.Path}: anonymous, yet declares 401");
            }
        }

        Assert.Empty(failures);
        Assert.True(secured >= 25, $"only {secured} secured operations");
        Assert.False(doc.Operation("lookupDossier").TryGetProperty("security", out _), "the public lookup needs no token");
        Assert.False(doc.Operation("listProcedures").TryGetProperty("security", out _), "the catalog needs no token");
        Assert.False(doc.Operation("mintDevToken").TryGetProperty("security", out _), "the dev token endpoint needs no token");
    }

    [Fact]
    public async Task Every_request_body_has_an_example_and_the_upload_is_a_multipart_form()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var failures = new List<string>();
        var bodies = 0;
        foreach (var (method, path, op) in doc.Operations())
        {
            if (!op.TryGetProperty("requestBody", out var body))
            {
                continue;
            }

            foreach (var media in body.GetProperty("content").EnumerateObject())
            {
                bodies++;
                if (!media.Value.TryGetProperty("example", out _) && !media.Value.TryGetProperty("examples", out _))
                {
                    failures.Add($"{method} {path} ({media.Name}): no example");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(bodies >= 7, $"only {bodies} request bodies");

        var upload = doc.Operation("uploadDocument").GetProperty("requestBody").GetProperty("content");
        var form = upload.GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.Contains("file", form.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Integers_are_integers_and_no_framework_type_leaks_into_the_schemas()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var mixed = doc.TypedSchemas()
            .Where(s => OpenApiDocument.Types(s.Schema) is var t && (t.Contains("integer") || t.Contains("number")) && t.Contains("string"))
            .Select(s => s.Path).ToList();
        Assert.Empty(mixed);

        var intFormats = doc.TypedSchemas()
            .Where(s => s.Schema.TryGetProperty("format", out var f) && f.GetString() is "int32" or "int64" && !OpenApiDocument.Types(s.Schema).Contains("integer"))
            .Select(s => s.Path).ToList();
        Assert.Empty(intFormats);

        var names = doc.Root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains("IResult", StringComparison.Ordinal) || n.EndsWith("HttpResult", StringComparison.Ordinal));

        // Every reference resolves: a generator stops at the first dangling one.
        const string prefix = "#/components/";
        foreach (var reference in doc.References().Distinct())
        {
            Assert.StartsWith(prefix, reference, StringComparison.Ordinal);
            var parts = reference[prefix.Length..].Split('/');
            Assert.True(doc.Root.GetProperty("components").TryGetProperty(parts[0], out var section) && section.TryGetProperty(parts[1], out _), $"{reference} does not resolve");
        }

        // The version a client sends back is a JSON integer.
        var version = doc.Schema("DossierDto").GetProperty("properties").GetProperty("version");
        Assert.Equal(new[] { "integer" }, OpenApiDocument.Types(version));
    }

    [Fact]
    public async Task The_action_is_an_enum_of_the_fourteen_actions_and_its_body_requires_nothing()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var op = doc.Operation("actOnDossier");
        var action = op.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "action");
        Assert.Equal(DossierActions.All, action.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));

        var body = doc.Schema("DossierActionRequest");
        Assert.True(!body.TryGetProperty("required", out var required) || required.GetArrayLength() == 0, $"required: {body}");
        foreach (var field in body.GetProperty("properties").EnumerateObject())
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Value.TryGetProperty("description", out var d) ? d.GetString() : null), $"{field.Name} is not described");
        }

        foreach (var name in DossierActions.All)
        {
            Assert.Contains($"`{name}`", op.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        // The intake requires what its validation requires, and no more (documentIds and details may be left out).
        var intake = doc.Schema("SubmitDossierRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order();
        Assert.Equal(new[] { "applicant", "channel", "procedureCode" }, intake);
        var token = doc.Schema("DevTokenRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order();
        Assert.Equal(new[] { "roles", "subject" }, token);
    }

    [Fact]
    public async Task The_problem_schema_has_code_errors_and_trace_id()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var properties = doc.Schema("ProblemDetails").GetProperty("properties");

        Assert.Equal("string", properties.GetProperty("code").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("traceId").GetProperty("type").GetString());
        var errors = properties.GetProperty("errors");
        Assert.Equal("object", errors.GetProperty("type").GetString());
        Assert.Equal("array", errors.GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Idempotency_key_and_if_match_are_documented_where_they_are_honoured()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);

        Assert.Contains(Headers(doc.Operation("submitDossier")), h => h == "Idempotency-Key");
        Assert.Contains(Headers(doc.Operation("actOnDossier")), h => h == "If-Match");
        Assert.True(doc.Operation("actOnDossier").GetProperty("responses").TryGetProperty("412", out _));
        foreach (var id in new[] { "getDossier", "actOnDossier" })
        {
            Assert.True(doc.Operation(id).GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _), $"{id} declares no ETag");
        }
    }

    [Fact]
    public async Task Actual_answers_match_what_the_document_declares_for_them()
    {
        var doc = await OpenApiDocument.ReadAsync(_host.Http);
        var desk = await _host.ClientAsync("contract-desk", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("contract-spec", [Roles.Specialist], "STP");

        // The intake's documented example is accepted as written, with the documented status.
        var submit = doc.Operation("submitDossier");
        var example = submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        using var intake = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(example) };
        intake.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await desk.SendAsync(intake, TestContext.Current.CancellationToken);
        AssertDeclared(submit, created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        // A read declares and sends its ETag.
        var read = await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        AssertDeclared(doc.Operation("getDossier"), read);

        // An action with a stale If-Match: the documented 412, as problem+json.
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/complete-step") { Content = JsonContent.Create(new { }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        AssertDeclared(doc.Operation("actOnDossier"), await specialist.SendAsync(stale, TestContext.Current.CancellationToken));

        // The same action on the current ETag: the documented 200 with its ETag.
        using var current = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/complete-step") { Content = JsonContent.Create(new { }) };
        current.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        AssertDeclared(doc.Operation("actOnDossier"), await specialist.SendAsync(current, TestContext.Current.CancellationToken));

        // No token on a secured operation: the documented 401.
        AssertDeclared(doc.Operation("listDossiers"), await _host.Http.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken));
    }

    /// <summary>The answer's status is declared, with the answer's media type and every header declared for it.</summary>
    private static void AssertDeclared(JsonElement operation, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var declared),
            $"{operation.GetProperty("operationId")} answered {status}, which it does not declare");
        if (declared.TryGetProperty("content", out var content) && response.Content.Headers.ContentType?.MediaType is { } mediaType)
        {
            Assert.True(content.TryGetProperty(mediaType, out _), $"{operation.GetProperty("operationId")} {status}: {mediaType} is not declared");
        }

        foreach (var header in declared.TryGetProperty("headers", out var headers) ? headers.EnumerateObject().Select(h => h.Name) : [])
        {
            Assert.True(response.Headers.Contains(header), $"{operation.GetProperty("operationId")} {status}: declared header {header} is missing");
        }
    }

    private static IEnumerable<string> Headers(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!);

    /// <summary>Every (method, route) under <c>/api/</c> in the host's endpoint data sources, secured or not as it runs.</summary>
    private IReadOnlyList<RunningEndpoint> ApiEndpoints() =>
        _host.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new RunningEndpoint(
                method,
                "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}"),
                e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)))
            .Distinct()
            .ToList();

    /// <summary>A route value with a constraint (<c>{id:guid}</c>) is written without it in the document.</summary>
    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();

    private sealed record RunningEndpoint(string Method, string Path, bool Secured);
}
