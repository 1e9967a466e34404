using EGov.Statistics.Model;

namespace EGov.Statistics.Query;

/// <summary>
/// The raw sums of one period for one unit and procedure, as read from the day counters. Additive, so units and
/// the province are sums of their procedures' rows.
/// </summary>
public sealed class FigureRow
{
    /// <summary>
    /// The SQL aggregates, in the order <see cref="From"/> reads them, over day and month rows. <c>{0}</c> holds for
    /// the day rows of the period; <c>{1}</c> for the rows that sum to the stocks before its first day, <c>{2}</c>
    /// for those that sum to the stocks at its last day's end (see <see cref="StatisticsReader"/>).
    /// </summary>
    public static readonly string[] Aggregates =
    [
        "sum(received_online) FILTER (WHERE {0})",
        "sum(received_direct) FILTER (WHERE {0})",
        "sum(received_online + received_direct - closed) FILTER (WHERE {1})",
        "sum(resolved_early) FILTER (WHERE {0})",
        "sum(resolved_on_time) FILTER (WHERE {0})",
        "sum(resolved_late) FILTER (WHERE {0})",
        "sum(received_online + received_direct - closed) FILTER (WHERE {2})",
        "sum(overdue_delta) FILTER (WHERE {2})",
        "sum(supplement_requested) FILTER (WHERE {0})",
        "sum(refused) FILTER (WHERE {0})",
        "sum(withdrawn) FILTER (WHERE {0})",
        "sum(stopped) FILTER (WHERE {0})",
        "sum(rating_1) FILTER (WHERE {0})",
        "sum(rating_2) FILTER (WHERE {0})",
        "sum(rating_3) FILTER (WHERE {0})",
        "sum(due_soon_delta) FILTER (WHERE {2})",
        "sum(apologies) FILTER (WHERE {0})",
        "sum(resolved_after_apology) FILTER (WHERE {0})",
    ];

    public long Online { get; private set; }
    public long Direct { get; private set; }
    public long CarriedOver { get; private set; }
    public long Early { get; private set; }
    public long OnTime { get; private set; }
    public long Late { get; private set; }
    public long InProgress { get; private set; }
    public long Overdue { get; private set; }
    public long SupplementRequested { get; private set; }
    public long Refused { get; private set; }
    public long Withdrawn { get; private set; }
    public long Stopped { get; private set; }
    public long Rating1 { get; private set; }
    public long Rating2 { get; private set; }
    public long Rating3 { get; private set; }

    /// <summary>In progress and warned due soon (not overdue) at the end of the period.</summary>
    public long DueSoon { get; private set; }

    /// <summary>Apologies (form 04) issued in the period.</summary>
    public long Apologies { get; private set; }

    /// <summary>Decided in the period after at least one apology (a part of early + on time + late).</summary>
    public long AfterApology { get; private set; }

    public static FigureRow From(IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FigureRow
        {
            Online = values[0], Direct = values[1], CarriedOver = values[2], Early = values[3], OnTime = values[4], Late = values[5],
            InProgress = values[6], Overdue = values[7], SupplementRequested = values[8], Refused = values[9], Withdrawn = values[10],
            Stopped = values[11], Rating1 = values[12], Rating2 = values[13], Rating3 = values[14], DueSoon = values[15],
            Apologies = values[16], AfterApology = values[17],
        };
    }

    public static FigureRow Sum(IEnumerable<FigureRow> rows)
    {
        var total = new FigureRow();
        foreach (var r in rows)
        {
            total.Online += r.Online; total.Direct += r.Direct; total.CarriedOver += r.CarriedOver;
            total.Early += r.Early; total.OnTime += r.OnTime; total.Late += r.Late;
            total.InProgress += r.InProgress; total.Overdue += r.Overdue;
            total.SupplementRequested += r.SupplementRequested; total.Refused += r.Refused;
            total.Withdrawn += r.Withdrawn; total.Stopped += r.Stopped;
            total.Rating1 += r.Rating1; total.Rating2 += r.Rating2; total.Rating3 += r.Rating3;
            total.DueSoon += r.DueSoon;
            total.Apologies += r.Apologies; total.AfterApology += r.AfterApology;
        }

        return total;
    }

    public Figures ToFigures()
    {
        var resolved = Early + OnTime + Late;
        var ratings = Rating1 + Rating2 + Rating3;
        var toProcessLate = resolved + InProgress;
        return new Figures(
            new ReceivedFigures(N(Online), N(Direct), N(CarriedOver)),
            new ResolvedFigures(N(Early), N(OnTime), N(Late), N(AfterApology)),
            new InProgressFigures(N(InProgress - Overdue), N(Overdue)),
            N(SupplementRequested), N(Refused), N(Withdrawn), N(Stopped), N(Apologies),
            resolved == 0 ? null : Math.Round((double)(Early + OnTime) / resolved, 4),
            toProcessLate == 0 ? null : Math.Round((double)(Late + Overdue) / toProcessLate, 4),
            new SatisfactionFigures(N(ratings), N(Rating1), N(Rating2), N(Rating3),
                ratings == 0 ? null : Math.Round((double)(Rating1 + (2 * Rating2) + (3 * Rating3)) / ratings, 2)));
    }

    private static int N(long value) => checked((int)value);
}
