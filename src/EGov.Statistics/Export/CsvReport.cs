using System.Globalization;
using System.Text;
using EGov.Statistics.Model;

namespace EGov.Statistics.Export;

/// <summary>
/// The report as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel shows Vietnamese correctly, one
/// bilingual header row, then the lines of <see cref="ReportLayout"/>.
/// </summary>
public static class CsvReport
{
    public static byte[] Write(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        var columns = ReportLayout.ColumnsFor(report);
        var header = new List<string> { "STT / No.", "Mã / Code", "Tên / Name", "Cấp / Level", "Từ ngày / From", "Đến ngày / To" };
        header.AddRange(columns.Select(c => $"{c.GroupVi} - {c.Vi} / {c.GroupEn} - {c.En}"));
        Row(csv, header);
        foreach (var line in ReportLayout.Lines(report))
        {
            var cells = new List<string>
            {
                line.Number, line.Code, line.Name, line.Kind.ToString().ToLowerInvariant(),
                report.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            cells.AddRange(columns.Select(c => c.Value(line.Figures)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty));
            Row(csv, cells);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.Append(string.Join(",", cells.Select(Escape))).Append("\r\n");
    }

    // Quote what needs it; a leading = + - @ is neutralised so a spreadsheet never runs a name as a formula.
    private static string Escape(string cell)
    {
        var safe = cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
