using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>The file-system blob store behind the same API: bytes in files named by the vault, never by the client.</summary>
public sealed class DocumentsFileSystemStoreTests(PlatformFixture platform)
{
    [Fact]
    public async Task Documents_round_trip_through_files_named_by_the_vault_and_deletion_removes_the_file()
    {
        var root = Directory.CreateTempSubdirectory("egov-vault-fs-").FullName;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Documents:Store"] = "filesystem",
            ["Documents:FileSystemPath"] = root,
        });
        var owner = Api.NewCitizenId();
        var citizen = await host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var bytes = Files.Pdf(700 * 1024);

        var form = DocumentsApi.Form(DocumentsApi.Bytes(bytes), "land-use-certificate", owner, fileName: "../../etc/so-do.pdf");
        var response = await citizen.PostAsync("/api/v1/documents", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await citizen.UploadAsync(bytes, "land-use-certificate", owner)).StatusCode); // dedupe

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToArray();
        var file = Assert.Single(files);
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(file));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(0, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.document_chunks"));

        var content = await citizen.ReadAsync($"/api/v1/documents/{id}/content");
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.DeleteAsync($"/api/v1/documents/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }
}
