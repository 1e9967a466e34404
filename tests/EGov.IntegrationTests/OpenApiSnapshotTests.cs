using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

/// <summary>
/// docs/openapi/v1.json is the document the host serves now: the generated client (tests/EGov.ClientTests) and anyone
/// generating a client without running the platform read it, so a stale snapshot fails here.
/// </summary>
public sealed class OpenApiSnapshotTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_committed_openapi_snapshot_is_the_served_document()
    {
        var served = OpenApiSnapshot.Normalize(
            await platform.Host.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        if (Environment.GetEnvironmentVariable(OpenApiSnapshot.WriteVariable) == "1")
        {
            // scripts/openapi.sh: refresh the snapshot from this host.
            Directory.CreateDirectory(Path.GetDirectoryName(OpenApiSnapshot.FullPath)!);
            await File.WriteAllTextAsync(OpenApiSnapshot.FullPath, served, TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(OpenApiSnapshot.FullPath), $"{OpenApiSnapshot.RelativePath} is missing: run ./scripts/openapi.sh and commit it.");
        var committed = await File.ReadAllTextAsync(OpenApiSnapshot.FullPath, TestContext.Current.CancellationToken);
        Assert.True(
            committed.ReplaceLineEndings("\n") == served,
            $"{OpenApiSnapshot.RelativePath} is stale (the served document changed): run ./scripts/openapi.sh and commit it. " +
            $"First difference at {OpenApiSnapshot.FirstDifference(committed, served)}.");
    }

    [Fact]
    public void Normalizing_sorts_members_keeps_array_order_and_drops_the_servers_entry()
    {
        var text = OpenApiSnapshot.Normalize("""{"paths":{"/b":{},"/a":{"tags":["z","a"]}},"servers":[{"url":"http://127.0.0.1:5555/"}],"openapi":"3.1.1","info":{"title":"Một cửa"}}""");

        Assert.Equal(
            "{\n  \"info\": {\n    \"title\": \"Một cửa\"\n  },\n  \"openapi\": \"3.1.1\",\n  \"paths\": {\n    \"/a\": {\n      \"tags\": [\n        \"z\",\n        \"a\"\n      ]\n    },\n    \"/b\": {}\n  }\n}\n",
            text);
        Assert.Equal(text, OpenApiSnapshot.Normalize(text));
    }

    [Fact]
    public void The_first_difference_names_the_line()
    {
        Assert.Equal("line 2: committed `\"a\": 1`, served `\"a\": 2`", OpenApiSnapshot.FirstDifference("{\n  \"a\": 1\n}\n", "{\n  \"a\": 2\n}\n"));
    }
}
