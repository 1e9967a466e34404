using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Uploads: what is stored, dedupe by content per owner, and the bytes coming back unchanged.</summary>
public sealed class DocumentsUploadTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task An_upload_answers_201_with_the_detected_type_and_hash_and_the_bytes_read_back_identical()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var bytes = Files.Pdf(600 * 1024); // three chunks of 256 KiB

        var response = await citizen.UploadAsync(bytes, "identity-card", owner);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/documents/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), created.GetProperty("sha256").GetString());
        Assert.Equal("identity-card", created.GetProperty("type").GetString());
        Assert.Equal(bytes.Length, created.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal(owner, created.GetProperty("ownerIdNumber").GetString());

        var content = await citizen.ReadAsync($"/api/v1/documents/{id}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("application/pdf", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", content.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        var chunks = await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.document_chunks where blob_key = (select data->>'blobKey' from egov.mt_doc_vaultdocument where id = '{id}')");
        Assert.Equal(3, chunks);
    }

    [Fact]
    public async Task The_same_bytes_for_the_same_owner_are_one_document_and_for_another_owner_a_different_one()
    {
        var owner = Api.NewCitizenId();
        var other = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-vault-1", [Roles.DeskOfficer], "STP");
        var bytes = Files.Png(300 * 1024);

        var first = await desk.UploadAsync(bytes, "birth-certificate", owner, "image/png");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();

        // Again, concurrently, even declaring another type: the bytes decide, the first document is the answer.
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => desk.UploadAsync(bytes, "identity-card", owner, "image/png")));
        foreach (var r in again)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var json = await r.ReadJsonAsync();
            Assert.Equal(id, json.GetProperty("id").GetGuid());
            Assert.Equal("birth-certificate", json.GetProperty("type").GetString());
        }

        var forOther = await desk.UploadOkAsync(bytes, "birth-certificate", other, "image/png");
        Assert.NotEqual(id, forOther.GetProperty("id").GetGuid());

        Assert.Equal(1, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
        Assert.Equal(2, await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.document_chunks where blob_key in (select data->>'blobKey' from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}')"));
    }

    [Fact]
    public async Task Xml_and_json_e_documents_and_jpeg_scans_are_accepted_with_their_detected_types()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);

        Assert.Equal("application/xml", (await citizen.UploadOkAsync(Files.Xml(), "birth-certificate", owner, "text/xml")).GetProperty("contentType").GetString());
        Assert.Equal("application/json", (await citizen.UploadOkAsync(Files.Json(), "residence-confirmation", owner, null)).GetProperty("contentType").GetString());
        Assert.Equal("image/jpeg", (await citizen.UploadOkAsync(Files.Jpeg(), "identity-card", owner, "application/octet-stream")).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_citizen_uploads_only_for_themself_and_bad_fields_are_400()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var admin = await _host.ClientAsync("admin-vault", [Roles.Admin]);

        await (await citizen.UploadAsync(Files.Pdf(), "identity-card", Api.NewCitizenId())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.UploadAsync(Files.Pdf(), "identity-card", owner)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unknownType = await (await citizen.UploadAsync(Files.Pdf(), "no-such-paper", owner)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknownType.GetProperty("errors").TryGetProperty("type", out _));
        var badOwner = await (await citizen.UploadAsync(Files.Pdf(), "identity-card", "12345")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badOwner.GetProperty("errors").TryGetProperty("ownerIdNumber", out _));

        var noFile = new MultipartFormDataContent { { new StringContent("identity-card"), "type" }, { new StringContent(owner), "ownerIdNumber" } };
        var missing = await (await citizen.PostAsync("/api/v1/documents", noFile, TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _));

        // Not multipart at all: the endpoint only consumes multipart/form-data.
        var json = await citizen.PostAsync("/api/v1/documents", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
    }

    [Fact]
    public async Task A_business_owns_documents_under_its_tax_code()
    {
        var desk = await _host.ClientAsync("desk-vault-biz", [Roles.DeskOfficer], "STP");
        var taxCode = $"03{Random.Shared.Next(10_000_000, 99_999_999)}";
        var created = await desk.UploadOkAsync(Files.Pdf(), "business-registration-certificate", taxCode);
        Assert.Equal(taxCode, created.GetProperty("ownerIdNumber").GetString());

        var business = await _host.ClientAsync($"biz-{taxCode}", [Roles.Citizen], citizenId: taxCode);
        var list = await business.GetOkAsync($"/api/v1/documents?ownerIdNumber={taxCode}");
        Assert.Equal(created.GetProperty("id").GetGuid(), Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_document_type_catalog_lists_common_papers_and_every_type_a_procedure_requires()
    {
        var types = await _host.Http.GetOkAsync("/api/v1/document-types");
        var codes = types.EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "identity-card", "birth-certificate", "marriage-certificate", "land-use-certificate", "business-registration-certificate",
            "criminal-record-certificate", "criminal-record-request", "marriage-registration-form",
        }, codes);
    }
}
