using System.Net;
using System.Net.Http.Headers;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Size, content-type and declaration limits of uploads, and uploads that fail half-way: nothing is kept.</summary>
public sealed class DocumentsLimitsTests(PlatformFixture platform)
{
    private const int MiB = 1024 * 1024;
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_file_of_exactly_20_MiB_is_accepted_and_one_byte_more_is_413_by_default()
    {
        var owner = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-vault-size", [Roles.DeskOfficer], "STP");

        var atLimit = await desk.UploadAsync(Files.Pdf(20 * MiB), "land-use-certificate", owner);
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        var problem = await (await desk.UploadAsync(Files.Pdf((20 * MiB) + 1), "land-use-certificate", owner)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ProblemTypes.PayloadTooLarge, problem.GetProperty("type").GetString());
        Assert.Equal(1, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
    }

    [Theory]
    [InlineData("gif", "image/gif")]
    [InlineData("zip", "application/zip")]
    [InlineData("html", "text/html")]
    [InlineData("svg", "image/svg+xml")]
    [InlineData("exe", "application/x-msdownload")]
    [InlineData("text", "application/octet-stream")]
    public async Task Bytes_outside_the_allow_list_are_415_whatever_the_client_declares(string kind, string detected)
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var bytes = kind switch
        {
            "gif" => Files.Gif(),
            "zip" => "PK\u0003\u0004 not really a zip"u8.ToArray(),
            "html" => "\n  <!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
            "svg" => Files.Xml("svg:svg"),
            "exe" => "MZ\u0090\u0000"u8.ToArray(),
            _ => "Giấy khai sinh, bản chụp"u8.ToArray(),
        };

        // Declared as PDF: a lie about the bytes never gets them in.
        var problem = await (await citizen.UploadAsync(bytes, "birth-certificate", owner, "application/pdf")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(ProblemTypes.UnsupportedMediaType, problem.GetProperty("type").GetString());
        Assert.Equal(detected, problem.GetProperty("detectedContentType").GetString());
        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
    }

    [Fact]
    public async Task A_declared_content_type_that_contradicts_the_bytes_is_422_and_the_contentType_field_outranks_the_part_header()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);

        // The file part's header says image, the bytes are a PDF.
        var byHeader = await (await citizen.UploadAsync(Files.Pdf(), "identity-card", owner, "image/png")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ProblemTypes.ContentMismatch, byHeader.GetProperty("type").GetString());
        Assert.Equal("image/png", byHeader.GetProperty("declaredContentType").GetString());
        Assert.Equal("application/pdf", byHeader.GetProperty("detectedContentType").GetString());

        // The explicit field wins over a (correct) part header.
        var byField = await (await citizen.UploadAsync(Files.Pdf(), "identity-card", owner, "application/pdf", contentType: "image/jpeg")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("image/jpeg", byField.GetProperty("declaredContentType").GetString());

        // Aliases of the same type are no contradiction.
        await citizen.UploadOkAsync(Files.Jpeg(), "identity-card", owner, "image/jpg");
        Assert.Equal(1, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
    }

    [Fact]
    public async Task A_configured_limit_applies_to_uploads_without_a_declared_length_and_an_interrupted_upload_leaves_no_trace()
    {
        var spool = Directory.CreateTempSubdirectory("egov-vault-spool-test-").FullName;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Documents:MaxBytes"] = (1 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Documents:SpoolPath"] = spool,
        });
        var owner = Api.NewCitizenId();
        var citizen = await host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);

        // Chunked (no Content-Length): refused while streaming, once the count passes the limit.
        var chunked = new StreamContent(new MemoryStream(Files.Pdf(2 * MiB)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = DocumentsApi.Form(chunked, "identity-card", owner);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        var tooLarge = await (await citizen.SendAsync(request, TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1 * MiB, tooLarge.GetProperty("maxBytes").GetInt64());

        // The client dies after 600 KiB of a PDF: the server sees the body end early.
        // It fails only once the server is visibly spooling it, so the test proves the half-received case.
        var failing = new FailingStream(Files.Pdf(900 * 1024), failAfter: 600 * 1024,
            beforeFailing: () => Directory.EnumerateFiles(spool).Any());
        var broken = new StreamContent(failing);

        // A plain client on the real socket: the factory's client buffers request bodies (to replay redirects).
        using var raw = new HttpClient { BaseAddress = host.Http.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = citizen.DefaultRequestHeaders.Authorization;
        broken.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            raw.PostAsync("/api/v1/documents", DocumentsApi.Form(broken, "identity-card", owner), TestContext.Current.CancellationToken));

        Assert.True(failing.ConditionMet, "the server had started spooling the upload when the client died");
        await WaitUntilEmptyAsync(spool);
        Assert.Equal(0, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.mt_doc_vaultdocument"));
        Assert.Equal(0, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.document_chunks"));

        // The vault still works after both: a small upload goes through and is the only thing stored.
        await citizen.UploadOkAsync(Files.Pdf(300 * 1024), "identity-card", owner);
        Assert.Equal(1, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.mt_doc_vaultdocument"));
        Assert.Equal(2, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.document_chunks"));
        await WaitUntilEmptyAsync(spool);
    }

    /// <summary>The server finishes with a request on its own schedule after the client dies: wait for its cleanup, briefly.</summary>
    internal static async Task WaitUntilEmptyAsync(string folder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Any(f => !Directory.Exists(f)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }
}

/// <summary>A request body that breaks after some bytes, as a client whose connection drops would.</summary>
internal sealed class FailingStream(byte[] bytes, int failAfter, Func<bool> beforeFailing) : Stream
{
    private int _position;

    /// <summary>Whether <c>beforeFailing</c> held (within 10 s) when the stream broke.</summary>
    public bool ConditionMet { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= failAfter)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(ConditionMet = beforeFailing()) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            throw new IOException("The client's connection dropped.");
        }

        var n = Math.Min(Math.Min(buffer.Length, failAfter - _position), bytes.Length - _position);
        bytes.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter)
        {
            throw new IOException("The client's connection dropped.");
        }

        var n = Math.Min(Math.Min(count, failAfter - _position), bytes.Length - _position);
        Array.Copy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
