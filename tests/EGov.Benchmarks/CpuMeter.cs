using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>
/// CPU seconds a set of processes used, from Linux's /proc/&lt;pid&gt;/stat (utime + stime, in clock ticks). For
/// PostgreSQL the postmaster's reaped children (cutime + cstime) count too, so backends that ended during a phase
/// are not lost; the per-request figure is the difference of two readings over the successful requests between them.
/// </summary>
public static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the platform runs on.

    /// <summary>CPU seconds of the processes, children they reaped included when <paramref name="withReaped"/>.</summary>
    public static double Seconds(IEnumerable<int> pids, bool withReaped = false) =>
        pids.Sum(pid => Read(pid) is { } f ? (f.UTime + f.STime + (withReaped ? f.CUTime + f.CSTime : 0)) / TicksPerSecond : 0);

    /// <summary>CPU seconds of the children a process waited for (cutime + cstime): pgbench's, once it has exited.</summary>
    public static double ReapedSeconds(int pid) => Read(pid) is { } f ? (f.CUTime + f.CSTime) / TicksPerSecond : double.NaN;

    /// <summary>The postmaster (its pid is the first line of postmaster.pid) with the backends it reaped, and its living children.</summary>
    public static double PostgresSeconds(string? dataDirectory)
    {
        if (dataDirectory is null || !File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return double.NaN;
        }

        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Read(pid) is { } f && f.ParentPid == postmaster);
        return Seconds([postmaster], withReaped: true) + Seconds(children);
    }

    private static StatFields? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(rest[n - 3], CultureInfo.InvariantCulture); // field n of proc(5), 1-based
            return new StatFields((int)Field(4), Field(14), Field(15), Field(16), Field(17));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // the process is gone
        }
    }

    private sealed record StatFields(int ParentPid, long UTime, long STime, long CUTime, long CSTime);
}
