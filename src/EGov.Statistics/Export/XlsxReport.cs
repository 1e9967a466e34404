using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EGov.Statistics.Model;

namespace EGov.Statistics.Export;

/// <summary>
/// The report as an Excel workbook in the form's layout: title and period, a two-level header (column groups
/// merged above their columns, Vietnamese then English titles), unit lines in bold with their procedures under
/// them, the total last. Numbers are stored as numbers, so the sheet can be summed and charted.
/// </summary>
public static class XlsxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int FixedColumns = 3;

    // Indexes into the stylesheet's cell formats, below.
    private const uint Title = 1, HeaderStyle = 2, Text = 3, TextBold = 4, Number = 5, NumberBold = 6, Decimal = 7, DecimalBold = 8;

    public static byte[] Write(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var columns = ReportLayout.ColumnsFor(report);
            var (data, merges) = Sheet(report, columns);
            var widths = new Columns(
                new Column { Min = 1, Max = 1, Width = 7, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 16, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 48, CustomWidth = true },
                new Column { Min = FixedColumns + 1, Max = (uint)(FixedColumns + columns.Count), Width = 14, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(widths, data, merges);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "II.06a" }));
        }

        return stream.ToArray();
    }

    private static (SheetData Data, MergeCells Merges) Sheet(StatisticsReport report, IReadOnlyList<ReportColumn> columns)
    {
        var data = new SheetData();
        var merges = new MergeCells();
        var last = ColumnName(FixedColumns + columns.Count);
        var period = $"Kỳ báo cáo / Period: {Day(report.Period.From)} – {Day(report.Period.To)}; lập lúc / generated {report.GeneratedAt:yyyy-MM-dd HH:mm zzz}";
        data.Append(new Row(TextCell("A1", "Biểu mẫu II.06a/VPCP/KSTT — Tình hình, kết quả giải quyết thủ tục hành chính / Results of administrative procedure processing", Title)) { RowIndex = 1 });
        data.Append(new Row(TextCell("A2", period, Text)) { RowIndex = 2 });
        merges.Append(new MergeCell { Reference = $"A1:{last}1" }, new MergeCell { Reference = $"A2:{last}2" });

        // Rows 4–6: the groups, then the Vietnamese and the English titles.
        var groups = new Row { RowIndex = 4 };
        var vi = new Row { RowIndex = 5 };
        var en = new Row { RowIndex = 6 };
        string[][] fixedTitles = [["STT", "No."], ["Mã", "Code"], ["Đơn vị, thủ tục", "Unit, procedure"]];
        for (var c = 0; c < FixedColumns; c++)
        {
            var col = ColumnName(c + 1);
            groups.Append(TextCell($"{col}4", fixedTitles[c][0], HeaderStyle));
            vi.Append(TextCell($"{col}5", string.Empty, HeaderStyle));
            en.Append(TextCell($"{col}6", fixedTitles[c][1], HeaderStyle));
            merges.Append(new MergeCell { Reference = $"{col}4:{col}5" });
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var col = ColumnName(FixedColumns + i + 1);
            var startsGroup = i == 0 || columns[i - 1].GroupVi != column.GroupVi;
            groups.Append(TextCell($"{col}4", startsGroup ? $"{column.GroupVi} / {column.GroupEn}" : string.Empty, HeaderStyle));
            vi.Append(TextCell($"{col}5", column.Vi, HeaderStyle));
            en.Append(TextCell($"{col}6", column.En, HeaderStyle));
            if (startsGroup)
            {
                var end = i;
                while (end + 1 < columns.Count && columns[end + 1].GroupVi == column.GroupVi)
                {
                    end++;
                }

                if (end > i)
                {
                    merges.Append(new MergeCell { Reference = $"{col}4:{ColumnName(FixedColumns + end + 1)}4" });
                }
            }
        }

        data.Append(groups, vi, en);
        uint r = 7;
        foreach (var line in ReportLayout.Lines(report))
        {
            var bold = line.Kind != ReportLineKind.Procedure;
            var row = new Row { RowIndex = r };
            row.Append(
                TextCell($"A{r}", line.Number, bold ? TextBold : Text),
                TextCell($"B{r}", line.Code, bold ? TextBold : Text),
                TextCell($"C{r}", line.Kind == ReportLineKind.Procedure ? "    " + line.Name : line.Name, bold ? TextBold : Text));
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var style = column.IsRate ? (bold ? DecimalBold : Decimal) : (bold ? NumberBold : Number);
                row.Append(NumberCell($"{ColumnName(FixedColumns + i + 1)}{r}", column.Value(line.Figures), style));
            }

            data.Append(row);
            r++;
        }

        return (data, merges);
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell NumberCell(string reference, double? value, uint style) => value is { } v
        ? new Cell(new CellValue(v)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style }
        : new Cell { CellReference = reference, StyleIndex = style };

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var m = (number - 1) % 26;
            name = (char)('A' + m) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static Stylesheet Styles()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint font, uint border, uint numberFormat = 0, bool header = false) => new()
        {
            FontId = font, BorderId = border, FillId = header ? 2U : 0U, NumberFormatId = numberFormat,
            ApplyFont = true, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0, ApplyFill = header,
            Alignment = header ? new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center } : null,
        };
        return new Stylesheet(
            new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 13 })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                Format(2, 0),
                Format(1, 1, header: true),
                Format(0, 1),
                Format(1, 1),
                Format(0, 1, numberFormat: 1),
                Format(1, 1, numberFormat: 1),
                Format(0, 1, numberFormat: 2),
                Format(1, 1, numberFormat: 2)) { Count = 9 });
    }
}
