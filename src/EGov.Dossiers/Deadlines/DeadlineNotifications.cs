using System.Globalization;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Kernel;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// Who is told what when a warning is recorded: on due-soon every officer of the unit holding the dossier (finish,
/// or issue form 04 in time); on overdue the leaders of the holding unit and of the dossier's own unit; at risk the
/// holding unit and the competent unit's leaders; on escalation the level's target leaders.
/// </summary>
public static class DeadlineNotifications
{
    public static IReadOnlyList<Notification> For(DossierState state, IDossierEvent e, Func<DateTimeOffset, DateTimeOffset> inZone)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(inZone);
        return e switch
        {
            DeadlineNeared a =>
            [
                Build(state, a.HoldingUnit, null, "due-soon", a.Scope, a.DueAt, a.Meta.At,
                    $"Hồ sơ {state.Code} ({state.ProcedureName}) sắp đến hạn lúc {Local(inZone(a.DueAt))}. Nếu không thể hoàn thành đúng hạn, "
                    + "hãy lập Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04, thao tác gia hạn) trước thời hạn.",
                    $"Dossier {state.Code} is due at {Local(inZone(a.DueAt))}. If it cannot be finished in time, issue the apology and "
                    + "new appointment (form 04, the extend action) before the deadline."),
            ],
            DeadlineMissed m => new[] { m.HoldingUnit, state.Unit }.Distinct(StringComparer.Ordinal).Select(unit =>
                Build(state, unit, Roles.Leader, "overdue", m.Scope, m.DueAt, m.Meta.At,
                    $"Hồ sơ {state.Code} ({state.ProcedureName}) đã quá hạn từ {Local(inZone(m.DueAt))}; đơn vị đang giữ hồ sơ: {m.HoldingUnit}.",
                    $"Dossier {state.Code} is overdue since {Local(inZone(m.DueAt))}; held by unit {m.HoldingUnit}.")).ToArray(),
            // Issue 19: the unit holding the dossier (every officer: the notice cannot name one) and the competent unit's
            // leaders hear that it will probably be late, with the draft apology waiting for them.
            DossierFlaggedAtRisk r => new[] { (Unit: r.HoldingUnit, Role: (string?)null), (Unit: state.Unit, Role: Roles.Leader) }
                .DistinctBy(x => x.Unit, StringComparer.Ordinal).Select(x =>
                Build(state, x.Unit, x.Role, "at-risk", r.Scope, r.DueAt, r.Meta.At,
                    $"Hồ sơ {state.Code} ({state.ProcedureName}) có nguy cơ trễ hạn {Local(inZone(r.DueAt))} (xác suất {Percent(r.Probability)}); "
                    + $"dự kiến xong lúc {Local(inZone(r.PredictedFinishAt))}. {Why(r, vi: true)}Đã có dự thảo phiếu xin lỗi (mẫu 04) để ban hành.",
                    $"Dossier {state.Code} is at risk of missing {Local(inZone(r.DueAt))} (probability {Percent(r.Probability)}); "
                    + $"expected to finish at {Local(inZone(r.PredictedFinishAt))}. {Why(r, vi: false)}A draft apology (form 04) is ready to issue.")).ToArray(),
            DossierEscalated x =>
            [
                Build(state, x.Unit, x.Role, "escalation", DeadlineAlarms.EscalationScope(x.Level), x.DueAt, x.Meta.At,
                    $"Hồ sơ {state.Code} ({state.ProcedureName}) quá hạn từ {Local(inZone(x.DueAt))}: chuyển lên cấp {x.Level} ({x.OverdueWorkingDays} ngày làm việc quá hạn).",
                    $"Dossier {state.Code} is overdue since {Local(inZone(x.DueAt))}: escalated to level {x.Level} ({x.OverdueWorkingDays} working days overdue)."),
            ],
            _ => [],
        };
    }

    private static Notification Build(DossierState s, string unit, string? role, string kind, string scope, DateTimeOffset due, DateTimeOffset at, string vi, string en) => new()
    {
        Id = IdFor(s.Id, unit, kind, scope, due),
        Unit = unit,
        Role = role,
        DossierId = s.Id,
        DossierCode = s.Code,
        Kind = kind,
        Scope = scope,
        DueAt = due,
        CreatedAt = at,
        Message = vi,
        MessageEn = en,
    };

    private static Guid IdFor(Guid dossier, string unit, string kind, string scope, DateTimeOffset due) =>
        DeterministicGuid.From(string.Create(CultureInfo.InvariantCulture, $"egov-notice\n{dossier:N}\n{unit}\n{kind}\n{scope}\n{due.UtcTicks}"));

    private static string Percent(double p) => p.ToString("P0", CultureInfo.InvariantCulture);

    // The most telling reason, when the model gave one.
    private static string Why(DossierFlaggedAtRisk r, bool vi) => r.Reasons is [var top, ..] ? (vi ? top.Vi : top.En) + ". " : string.Empty;

    private static string Local(DateTimeOffset local) => local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
