namespace EGov.Host.Ops;

/// <summary>
/// What the ops commands print: plain lines on stdout for results, stderr for refusals, so a script can read the one
/// and a person the other. No colours or markup: the output is read in service logs and by tests as often as on a terminal.
/// </summary>
internal static class OpsConsole
{
    public static void Line(string text) => Console.Out.WriteLine(text);

    public static void Error(string text) => Console.Error.WriteLine(text);

    /// <summary>A fixed-width text bar, <c>[#####.....]  50 %</c>.</summary>
    public static string Bar(long done, long total, int width = 30)
    {
        var fraction = total <= 0 ? 0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        return $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction * 100,3:0} %";
    }

    /// <summary>Rewrites one line on a terminal; prints a new line each time when the output is redirected (a log, a pipe).</summary>
    public static void Progress(string text)
    {
        if (Console.IsOutputRedirected)
        {
            Console.Out.WriteLine(text);
        }
        else
        {
            Console.Out.Write("\r" + text.PadRight(Math.Max(0, Console.WindowWidth - 1)));
        }
    }

    public static void EndProgress()
    {
        if (!Console.IsOutputRedirected)
        {
            Console.Out.WriteLine();
        }
    }
}
