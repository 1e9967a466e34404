using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EGov.Hosting;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>vault</c> command (issue 5): a durable PostgreSQL, the real host as a child process, then N uploads of
/// S KiB by one citizen and each read back and verified, then one large upload read back. Records throughput and
/// the host's resident memory (sampled from /proc), whose peak must not grow with the file size: bytes stream.
/// </summary>
public static class VaultBenchmark
{
    public const string Usage = "  vault [--documents <n>=10000] [--size-kib <n>=200] [--large-mib <n>=20] [--clients <n>=8] [--out <file.md>]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        int documents = 10_000, sizeKib = 200, largeMib = 20, clients = 8;
        string? outFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--documents": documents = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--size-kib": sizeKib = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--large-mib": largeMib = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": outFile = value; break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}");
            }
        }

        await using var postgres = await PostgresTarget.StartAsync(Environment.GetEnvironmentVariable("EGOV_BENCH_POSTGRES"), cancellationToken);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var database = await postgres.CreateDatabaseAsync($"egov_bench_vault_{stamp}", cancellationToken);
        var root = RepositoryLayout.FindRoot(Environment.CurrentDirectory) ?? RepositoryLayout.FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository.");
        await using var host = await HostProcess.StartAsync(root, database, cancellationToken);
        Console.WriteLine($"host ready (pid {host.Id}); {documents} x {sizeKib} KiB with {clients} clients, then one of {largeMib} MiB");

        using var http = HostApi.CreateClient(host.BaseAddress, clients);
        http.Timeout = TimeSpan.FromMinutes(5);
        const string owner = "079123456789";
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, owner, cancellationToken));

        using var memory = new RssSampler(host.Id);
        var idleRss = memory.Current();
        var uploaded = new (Guid Id, string Sha)[documents];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < documents)
            {
                uploaded[n] = await UploadAsync(http, owner, Pdf(sizeKib * 1024), cancellationToken);
            }
        }));
        var uploadTime = clock.Elapsed;
        var smallUploadPeak = memory.TakePeak();

        next = -1;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < documents)
            {
                await ReadBackAsync(http, uploaded[n], cancellationToken);
            }
        }));
        var readTime = clock.Elapsed;
        var smallReadPeak = memory.TakePeak();

        var beforeLarge = memory.Current();
        clock.Restart();
        var large = await UploadAsync(http, owner, Pdf(largeMib * 1024 * 1024), cancellationToken);
        var largeUpload = clock.Elapsed;
        clock.Restart();
        await ReadBackAsync(http, large, cancellationToken);
        var largeRead = clock.Elapsed;
        var largePeak = memory.TakePeak();

        var mib = documents * (double)sizeKib / 1024;
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## Vault ({DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, durable PostgreSQL: fsync and synchronous_commit on)")
            .AppendLine()
            .AppendLine("| phase | count | time | throughput | host RSS peak |")
            .AppendLine("| --- | --- | --- | --- | --- |")
            .AppendLine(CultureInfo.InvariantCulture, $"| upload {sizeKib} KiB ({clients} clients) | {documents} | {uploadTime.TotalSeconds:F1} s | {documents / uploadTime.TotalSeconds:F0} docs/s, {mib / uploadTime.TotalSeconds:F1} MiB/s | {smallUploadPeak / 1048576.0:F0} MiB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| read back and verify {sizeKib} KiB | {documents} | {readTime.TotalSeconds:F1} s | {documents / readTime.TotalSeconds:F0} docs/s, {mib / readTime.TotalSeconds:F1} MiB/s | {smallReadPeak / 1048576.0:F0} MiB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| upload {largeMib} MiB | 1 | {largeUpload.TotalSeconds:F2} s | {largeMib / largeUpload.TotalSeconds:F1} MiB/s | {largePeak / 1048576.0:F0} MiB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| read back and verify {largeMib} MiB | 1 | {largeRead.TotalSeconds:F2} s | {largeMib / largeRead.TotalSeconds:F1} MiB/s | (same phase) |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Host RSS idle before uploads {idleRss / 1048576.0:F0} MiB; before the large file {beforeLarge / 1048576.0:F0} MiB; peak during it {largePeak / 1048576.0:F0} MiB " +
                $"(growth {(largePeak - beforeLarge) / 1048576.0:F0} MiB for a {largeMib} MiB file).");
        Console.WriteLine(report);
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, report.ToString(), cancellationToken);
        }

        return 0;
    }

    private static async Task<string> TokenAsync(HttpClient http, string citizenId, CancellationToken cancellationToken)
    {
        using var content = HostApi.Json($$"""{"subject":"bench-citizen","roles":["citizen"],"citizenId":"{{citizenId}}"}""");
        using var response = await http.PostAsync(new Uri("/api/v1/dev/tokens", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<(Guid, string)> UploadAsync(HttpClient http, string owner, byte[] bytes, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        form.Add(new StringContent("identity-card"), "type");
        form.Add(new StringContent(owner), "ownerIdNumber");
        using var response = await http.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {body}");
        }

        using var doc = JsonDocument.Parse(body);
        return (doc.RootElement.GetProperty("id").GetGuid(), doc.RootElement.GetProperty("sha256").GetString()!);
    }

    private static async Task ReadBackAsync(HttpClient http, (Guid Id, string Sha) document, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/documents/{document.Id}/content", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        if (sha != document.Sha)
        {
            throw new InvalidOperationException($"Document {document.Id} read back with another hash.");
        }
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Samples a process's resident set every 50 ms from /proc and keeps the peak since the last take.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly int _pid;
        private readonly CancellationTokenSource _stop = new();
        private long _peak;

        public RssSampler(int pid)
        {
            _pid = pid;
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var now = Current();
                    long seen;
                    while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
                    {
                    }

                    await Task.Delay(50).ConfigureAwait(false);
                }
            });
        }

        public long Current()
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        public long TakePeak() => Interlocked.Exchange(ref _peak, Current());

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
