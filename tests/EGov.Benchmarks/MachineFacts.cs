using System.Runtime.InteropServices;

namespace EGov.Benchmarks;

/// <summary>The machine a run was taken on: figures from different machines are not comparable without it.</summary>
public sealed record MachineFacts(int Cores, string CpuModel, double RamGiB, string Os, string Runtime)
{
    /// <summary>The 1, 5 and 15 minute load averages when read (/proc/loadavg): on a shared machine, how busy it was.</summary>
    public string LoadAverage { get; init; } = "n/a";

    public static MachineFacts Read() =>
        new(Environment.ProcessorCount, ReadCpuModel(), ReadRamGiB(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription)
        {
            LoadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a",
        };

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double ReadRamGiB()
    {
        const string memInfo = "/proc/meminfo";
        var line = File.Exists(memInfo) ? File.ReadLines(memInfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kib = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = kib > 0 ? kib * 1024 : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return bytes / (1024.0 * 1024 * 1024);
    }
}
