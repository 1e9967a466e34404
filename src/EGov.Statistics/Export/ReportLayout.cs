using EGov.Statistics.Model;

namespace EGov.Statistics.Export;

/// <summary>One column of report II.06a: its header group, its Vietnamese and English titles and its value.</summary>
public sealed record ReportColumn(string GroupVi, string GroupEn, string Vi, string En, Func<Figures, double?> Value, bool IsRate = false);

/// <summary>One line of the report: a unit, one of its procedures, or the total.</summary>
public sealed record ReportLine(string Number, string Code, string Name, ReportLineKind Kind, Figures Figures);

public enum ReportLineKind
{
    Unit,
    Procedure,
    Total,
}

/// <summary>
/// The layout of report form II.06a/VPCP/KSTT (Circular 01/2018/TT-VPCP, kept by Decree 118/2025's reporting):
/// dossiers to process (carried over, received online, in person or by post), resolved (early, on time, late),
/// in progress (within the deadline, overdue); then the platform's extra columns. CSV and Excel share it.
/// </summary>
public static class ReportLayout
{
    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("Số hồ sơ nhận giải quyết", "Dossiers to process", "Tổng số", "Total", f => f.Received.Total),
        new("Số hồ sơ nhận giải quyết", "Dossiers to process", "Kỳ trước chuyển qua", "Carried over", f => f.Received.CarriedOver),
        new("Số hồ sơ nhận giải quyết", "Dossiers to process", "Mới tiếp nhận trực tuyến", "Received online", f => f.Received.Online),
        new("Số hồ sơ nhận giải quyết", "Dossiers to process", "Mới tiếp nhận trực tiếp, bưu chính", "Received in person or by post", f => f.Received.Direct),
        new("Số hồ sơ đã giải quyết", "Resolved", "Tổng số", "Total", f => f.Resolved.Total),
        new("Số hồ sơ đã giải quyết", "Resolved", "Trước hạn", "Early", f => f.Resolved.Early),
        new("Số hồ sơ đã giải quyết", "Resolved", "Đúng hạn", "On time", f => f.Resolved.OnTime),
        new("Số hồ sơ đã giải quyết", "Resolved", "Quá hạn", "Late", f => f.Resolved.Late),
        new("Số hồ sơ đang giải quyết", "In progress", "Tổng số", "Total", f => f.InProgress.Total),
        new("Số hồ sơ đang giải quyết", "In progress", "Trong hạn", "Within deadline", f => f.InProgress.WithinDeadline),
        new("Số hồ sơ đang giải quyết", "In progress", "Quá hạn", "Overdue", f => f.InProgress.Overdue),
        new("Khác", "Other", "Yêu cầu bổ sung", "Supplement requested", f => f.SupplementRequested),
        new("Khác", "Other", "Từ chối tiếp nhận", "Refused", f => f.Refused),
        new("Khác", "Other", "Rút hồ sơ", "Withdrawn", f => f.Withdrawn),
        new("Khác", "Other", "Dừng xử lý", "Stopped", f => f.Stopped),
        new("Khác", "Other", "Xin lỗi, hẹn lại (mẫu 04)", "Apologies (form 04)", f => f.Apologies),
        new("Khác", "Other", "Đã giải quyết sau xin lỗi", "Resolved after an apology", f => f.Resolved.AfterApology),
        new("Khác", "Other", "Tỷ lệ đúng hạn (%)", "On-time rate (%)", f => f.OnTimeRate is { } r ? Math.Round(r * 100, 2) : null, IsRate: true),
        new("Khác", "Other", "Mức độ hài lòng (1–3)", "Satisfaction (1–3)", f => f.Satisfaction.Average, IsRate: true),
    ];

    /// <summary>
    /// <see cref="Columns"/>, then three per survey criterion the report counts (its answers at each level): the
    /// criteria are configuration, so the sheet has as many as the report's <see cref="StatisticsReport.Criteria"/>.
    /// </summary>
    public static IReadOnlyList<ReportColumn> ColumnsFor(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = new List<ReportColumn>(Columns);
        foreach (var c in report.Criteria)
        {
            var id = c.Id;
            var (groupVi, groupEn) = ($"Tiêu chí: {c.LabelVi}", $"Criterion: {c.LabelEn}");
            columns.Add(new(groupVi, groupEn, "Không hài lòng", "Not satisfied", f => f.Satisfaction.For(id).NotSatisfied));
            columns.Add(new(groupVi, groupEn, "Hài lòng", "Satisfied", f => f.Satisfaction.For(id).Satisfied));
            columns.Add(new(groupVi, groupEn, "Rất hài lòng", "Very satisfied", f => f.Satisfaction.For(id).VerySatisfied));
        }

        return columns;
    }

    /// <summary>Unit lines numbered 1, 2, …; their procedures 1.1, 1.2, …; the total last.</summary>
    public static IReadOnlyList<ReportLine> Lines(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<ReportLine>();
        var n = 0;
        foreach (var unit in report.Units)
        {
            n++;
            lines.Add(new ReportLine(n.ToString(System.Globalization.CultureInfo.InvariantCulture), unit.Unit, unit.UnitName, ReportLineKind.Unit, unit.ToFigures()));
            var p = 0;
            foreach (var procedure in unit.Procedures)
            {
                p++;
                lines.Add(new ReportLine($"{n}.{p}", procedure.Procedure, procedure.ProcedureName, ReportLineKind.Procedure, procedure.Figures));
            }
        }

        lines.Add(new ReportLine(string.Empty, string.Empty, "Tổng cộng / Total", ReportLineKind.Total, report.Total));
        return lines;
    }
}
