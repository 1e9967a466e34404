using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Files with real magic numbers and unique bodies, so no two tests share a document by accident.</summary>
public static class Files
{
    public static byte[] Pdf(int size = 4096) => WithHead("%PDF-1.7\n%âãÏÓ\n"u8, size);

    public static byte[] Png(int size = 4096) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], size);

    public static byte[] Jpeg(int size = 4096) => WithHead([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], size);

    public static byte[] Gif(int size = 4096) => WithHead("GIF89a"u8, size);

    public static byte[] Xml(string root = "HoSo") => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} id=\"{Guid.NewGuid()}\"><Ten>Trần Thị Bình</Ten></{root}>");

    public static byte[] Json() => Encoding.UTF8.GetBytes($"{{\"id\":\"{Guid.NewGuid()}\",\"loai\":\"giay-khai-sinh\"}}");

    private static byte[] WithHead(ReadOnlySpan<byte> head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length + 16)];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes);
        return bytes;
    }
}

/// <summary>The vault's API as a client speaks it: multipart uploads and JSON reads.</summary>
public static class DocumentsApi
{
    public static MultipartFormDataContent Form(HttpContent file, string? type, string? owner, string? contentType = null, string fileName = "giay-to.pdf",
        IDictionary<string, string>? extra = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(file, "file", fileName);
        if (type is not null)
        {
            form.Add(new StringContent(type), "type");
        }

        if (owner is not null)
        {
            form.Add(new StringContent(owner), "ownerIdNumber");
        }

        if (contentType is not null)
        {
            form.Add(new StringContent(contentType), "contentType");
        }

        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(v), k);
        }

        return form;
    }

    public static ByteArrayContent Bytes(byte[] bytes, string? partContentType = "application/pdf")
    {
        var content = new ByteArrayContent(bytes);
        if (partContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(partContentType);
        }

        return content;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string type, string owner, string? partContentType = "application/pdf", string? contentType = null) =>
        client.PostAsync("/api/v1/documents", Form(Bytes(bytes, partContentType), type, owner, contentType), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> UploadOkAsync(this HttpClient client, byte[] bytes, string type, string owner, string? partContentType = "application/pdf")
    {
        var response = await client.UploadAsync(bytes, type, owner, partContentType);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public static Task<HttpResponseMessage> ReadAsync(this HttpClient client, string url) => client.GetAsync(url, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    /// <summary>Asserts a refusal: the status and a problem+json body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The desk officer declares that the citizen is present, showed their ID and agreed to reuse their vault documents.</summary>
    public static async Task<JsonElement> DeclareConsentAsync(this HttpClient desk, string procedureCode, string owner,
        string reason = "Công dân có mặt tại quầy, đã xuất trình căn cước và đồng ý / The citizen is at the counter, showed their ID and agreed")
    {
        var response = await desk.PostAsJsonAsync($"/api/v1/procedures/{procedureCode}/desk-consents",
            new { ownerIdNumber = owner, basis = "present-identity-checked", reason }, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"declaring the desk act answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public static object Intake(string procedureCode, string idNumber, IEnumerable<Guid> documentIds, string channel = "Desk") => new
    {
        procedureCode,
        channel,
        applicant = new { idNumber, fullName = "Nguyễn Văn An", phone = "0912345678" },
        documentIds,
    };
}
