using EGov.Calendar;
using EGov.Dossiers.Events;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The automatic apology (form 04, docs/foresight.md): how many working days past the appointment it proposes, from
/// the predicted finish, and the words its basis stands for. Pure.
/// </summary>
public static class ApologyDrafts
{
    public const string AtRisk = "at-risk";
    public const string DueSoon = "due-soon";

    /// <summary>
    /// The draft for a dossier expected to finish at <paramref name="predictedFinishAt"/>: the working days from the
    /// appointment to it, rounded up, at least 1 and at most <see cref="DossierDecider.MaxExtensionWorkingDays"/>; null
    /// without a running appointment.
    /// </summary>
    /// <param name="deadlines">The competent unit's rules: the ones <c>extend</c> moves the appointment by.</param>
    public static ApologyDrafted? Draft(DossierState state, DateTimeOffset predictedFinishAt, string basis, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!state.ClockRunning || state.DueAt is not { } due)
        {
            return null;
        }

        var days = WorkingDaysPast(due, predictedFinishAt, deadlines);
        var holding = state.HoldingUnit ?? state.Unit;
        var meta = new EventMeta(SystemActor, SystemActor, holding, $"Dự thảo phiếu xin lỗi: {BasisText(basis)}", now);
        return new ApologyDrafted(days, deadlines.Due(due, days, DurationUnit.WorkingDays), basis, meta);
    }

    /// <summary>The working days from <paramref name="due"/> to <paramref name="finish"/>, rounded up, within 1..the extension limit.</summary>
    public static int WorkingDaysPast(DateTimeOffset due, DateTimeOffset finish, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var day = deadlines.OfficeTimeBetween(due, deadlines.Due(due, 1, DurationUnit.WorkingDays));
        var late = deadlines.OfficeTimeBetween(due, finish);
        var days = day <= TimeSpan.Zero ? 1 : Math.Ceiling(late.Ticks / (double)day.Ticks);
        return (int)Math.Clamp(days, 1, DossierDecider.MaxExtensionWorkingDays);
    }

    /// <summary>Why the draft was prepared, in both languages: also the reason <c>issue-apology</c> records when the officer gives none.</summary>
    /// <summary>
    /// The reason form 04 prints when the officer issues the draft without one (the letter is in Vietnamese): the same
    /// text in the draft's preview and in the issued form, so what the officer saw is what the citizen gets.
    /// </summary>
    public static string LetterReason(string basis) => basis switch
    {
        DueSoon => "hồ sơ chưa giải quyết xong khi đã sắp đến hạn trả kết quả",
        _ => "thời gian giải quyết dự kiến vượt quá thời hạn đã hẹn",
    };

    public static string BasisText(string basis) => basis switch
    {
        AtRisk => "Có nguy cơ trễ hạn / At risk of being late",
        DueSoon => "Sắp đến hạn / Due soon",
        _ => $"{basis} / {basis}",
    };

    // The deadline engine's actor, spelled out here because the lifecycle cannot see Deadlines (which sees it).
    private const string SystemActor = "system";
}
