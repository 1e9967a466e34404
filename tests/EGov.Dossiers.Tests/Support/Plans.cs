namespace EGov.Dossiers.Tests.Support;

/// <summary>Procedure plans: three steps in two units, with and without fee, resume or restart, same day.</summary>
internal static class Plans
{
    /// <summary>The receiving unit (Sở Tư pháp): its desk receives, its specialist checks.</summary>
    public const string Justice = "STP";

    /// <summary>The second unit of the inter-agency plan (Sở Xây dựng): appraises and signs.</summary>
    public const string Construction = "SXD";

    /// <summary>A unit that never holds the dossier (Sở Công Thương).</summary>
    public const string Uninvolved = "SCT";

    public static readonly IReadOnlyList<string> AllUnits = [Justice, Construction, Uninvolved];

    public const decimal Fee = 200_000m;

    public static readonly PlannedStep Check = new("check", "Kiểm tra hồ sơ", Justice, Roles.Specialist, 3, DurationUnit.WorkingDays);
    public static readonly PlannedStep Appraise = new("appraise", "Thẩm định", Construction, Roles.Specialist, 4, DurationUnit.WorkingDays);
    public static readonly PlannedStep Sign = new("sign", "Lãnh đạo ký", Construction, Roles.Leader, 2, DurationUnit.WorkingDays);

    /// <summary>STP specialist → SXD specialist → SXD leader; 10 working days; 200,000 VND.</summary>
    public static DossierPlan InterAgency(decimal fee = Fee, bool restartOnSupplement = false) =>
        new("TP-LLTP-01", "Cấp phiếu lý lịch tư pháp", Justice, [Check, Appraise, Sign], fee, new SlaPlan(10, DurationUnit.WorkingDays, false, restartOnSupplement));

    /// <summary>A same-day procedure: STP specialist (4 h) → STP leader (4 h).</summary>
    public static DossierPlan SameDay() =>
        new("TP-HT-KS-01", "Đăng ký khai sinh", Justice,
            [new("verify", "Kiểm tra, ghi sổ", Justice, Roles.Specialist, 4, DurationUnit.WorkingHours), new("sign", "Ký giấy khai sinh", Justice, Roles.Leader, 4, DurationUnit.WorkingHours)],
            0m, new SlaPlan(1, DurationUnit.WorkingDays, true, false));

    public static readonly IReadOnlyList<DossierPlan> Variants =
        [InterAgency(), InterAgency(0m), InterAgency(Fee, restartOnSupplement: true), SameDay()];
}
