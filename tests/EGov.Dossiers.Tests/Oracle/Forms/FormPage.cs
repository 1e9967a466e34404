using System.Globalization;
using System.Text;

namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>
/// The printable page every form shares: A4, the national motto, the issuing unit, the form number and title,
/// and a short English line for readers who need it. All text from the dossier passes through <see cref="Text"/>.
/// </summary>
internal sealed class FormPage
{
    private const string Style =
        "@page{size:A4;margin:20mm 15mm 20mm 30mm}" +
        "body{font-family:'Times New Roman',Times,serif;font-size:13pt;line-height:1.45;color:#000;max-width:170mm;margin:0 auto}" +
        "table.head{width:100%;text-align:center;margin-bottom:6mm}table.head td{vertical-align:top;width:50%}" +
        ".no{text-align:right;font-style:italic}h1{font-size:14pt;text-align:center;margin:4mm 0 1mm}" +
        ".en{text-align:center;font-style:italic;font-size:11pt;margin:0 0 5mm}" +
        "table.grid{width:100%;border-collapse:collapse}table.grid th,table.grid td{border:1px solid #000;padding:2mm;vertical-align:top}" +
        "table.sign{width:100%;margin-top:10mm;text-align:center}table.sign td{width:50%;vertical-align:top;padding-bottom:20mm}" +
        "@media print{.en{color:#444}}";

    private readonly StringBuilder _html = new();

    public FormPage(FormKind kind, string unitName, string dossierCode)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Mẫu số ").Append(kind.Number).Append(" – ").Append(Text(kind.Title)).Append(" – ").Append(Text(dossierCode)).Append("</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>\n")
            .Append("<table class=\"head\" role=\"presentation\"><tr><td><b>").Append(Text(unitName.ToUpperInvariant())).Append("</b></td>")
            .Append("<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b><u>Độc lập - Tự do - Hạnh phúc</u></b></td></tr></table>\n")
            .Append("<p class=\"no\">Mẫu số ").Append(kind.Number).Append("</p>\n")
            .Append("<h1>").Append(Text(kind.Title)).Append("</h1>\n")
            .Append("<p class=\"en\" lang=\"en\">").Append(Text(kind.TitleEn)).Append(" – Mã hồ sơ / Dossier code: <b>").Append(Text(dossierCode)).Append("</b></p>\n");
    }

    public FormPage Paragraph(string html)
    {
        _html.Append("<p>").Append(html).Append("</p>\n");
        return this;
    }

    public FormPage Raw(string html)
    {
        _html.Append(html).Append('\n');
        return this;
    }

    public FormPage List(IEnumerable<string> items)
    {
        _html.Append("<ol>");
        foreach (var item in items)
        {
            _html.Append("<li>").Append(Text(item)).Append("</li>");
        }

        _html.Append("</ol>\n");
        return this;
    }

    public FormPage Signatures(string left, string right, string? rightName)
    {
        _html.Append("<table class=\"sign\" role=\"presentation\"><tr><td><b>").Append(Text(left)).Append("</b><br><i>(Ký và ghi rõ họ tên)</i></td>")
            .Append("<td><b>").Append(Text(right)).Append("</b><br><i>(Ký và ghi rõ họ tên)</i>");
        if (rightName is not null)
        {
            _html.Append("<br><br><br>").Append(Text(rightName));
        }

        _html.Append("</td></tr></table>\n");
        return this;
    }

    public string Build() => _html.Append("</body></html>\n").ToString();

    /// <summary>Escapes text for HTML content and quoted attributes; keeps Vietnamese letters as they are.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>"10 giờ 05 phút, ngày 12 tháng 03 năm 2026", the way slips state an appointment.</summary>
    public static string When(DateTimeOffset local) =>
        string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00} giờ {local.Minute:00} phút, ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}");

    public static string Duration(int value, DurationUnit unit, bool sameDay) => sameDay
        ? "trong ngày làm việc"
        : unit == DurationUnit.WorkingHours
            ? string.Create(CultureInfo.InvariantCulture, $"{value} giờ làm việc")
            : string.Create(CultureInfo.InvariantCulture, $"{value} ngày làm việc");

    public static string OfficeHours(TimeSpan officeTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)officeTime.TotalHours} giờ {officeTime.Minutes:00} phút làm việc");
}
