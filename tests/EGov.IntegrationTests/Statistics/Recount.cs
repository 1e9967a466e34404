using EGov.Dossiers.Events;
using EGov.Dossiers.Model;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// The brute-force side of the projection-versus-recount test: report II.06a recomputed for a period straight from
/// every stored event, dossier by dossier, from the definitions in docs/statistics.md — no day counters, no
/// tallies, none of the projection's code.
/// </summary>
internal sealed class Recount
{
    private readonly Dictionary<Guid, Dossier> _dossiers = [];
    private readonly TimeZoneInfo _zone;

    public Recount(IEnumerable<(Guid Stream, object Data)> events, TimeZoneInfo zone)
    {
        _zone = zone;
        foreach (var (stream, data) in events)
        {
            if (data is not IDossierEvent e)
            {
                continue;
            }

            if (!_dossiers.TryGetValue(stream, out var d))
            {
                _dossiers[stream] = d = new Dossier(zone);
            }

            d.Apply(e);
        }
    }

    /// <summary>
    /// One period's figures for the dossiers <paramref name="include"/> selects, in a fixed order: 0..14 as the report's
    /// figures, 15 due soon, 16 apologies (form 04), 17 decided after at least one apology.
    /// </summary>
    public long[] Figures(DateOnly from, DateOnly to, Func<string, string, bool> include)
    {
        var f = new long[18];
        foreach (var d in _dossiers.Values.Where(d => include(d.Unit, d.Procedure)))
        {
            bool In(DateTimeOffset at) => Day(at) >= from && Day(at) <= to;
            if (d.ReceivedAt is { } received && In(received))
            {
                f[d.Channel == Channel.Online ? 0 : 1]++;
            }

            if (d.ReceivedAt is { } r0 && Day(r0) < from && (d.EndedAt is null || Day(d.EndedAt.Value) >= from))
            {
                f[2]++;
            }

            if (d.Resolution is { } res && In(d.EndedAt!.Value))
            {
                f[3 + res]++;
                if (d.ApologizedBeforeEnd)
                {
                    f[17]++;
                }
            }

            var inProgressAtEnd = d.ReceivedAt is { } r1 && Day(r1) <= to && (d.EndedAt is null || Day(d.EndedAt.Value) > to);
            if (inProgressAtEnd)
            {
                f[6]++;
                if (d.OverdueChanges.LastOrDefault(c => Day(c.At) <= to).On)
                {
                    f[7]++;
                }

                if (d.DueSoonChanges.LastOrDefault(c => Day(c.At) <= to).On)
                {
                    f[15]++;
                }
            }

            f[8] += d.Supplements.Count(In);
            f[9] += d.Refusals.Count(In);
            f[10] += d.Withdrawals.Count(In);
            f[11] += d.Stops.Count(In);
            f[16] += d.Apologies.Count(In);
            foreach (var (rating, at) in d.Ratings.Where(x => In(x.At)))
            {
                f[11 + rating]++;
            }
        }

        return f;
    }

    public IEnumerable<(string Unit, string Procedure)> Keys => _dossiers.Values.Select(d => (d.Unit, d.Procedure)).Distinct();

    private DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    private sealed class Dossier(TimeZoneInfo zone)
    {
        public string Unit { get; private set; } = string.Empty;
        public string Procedure { get; private set; } = string.Empty;
        public Channel Channel { get; private set; }
        public DateTimeOffset? ReceivedAt { get; private set; }
        public DateTimeOffset? EndedAt { get; private set; }

        /// <summary>0 early, 1 on time, 2 late; null unless decided.</summary>
        public int? Resolution { get; private set; }
        public List<(DateTimeOffset At, bool On)> OverdueChanges { get; } = [];

        /// <summary>After each event: in progress, warned due soon, not overdue.</summary>
        public List<(DateTimeOffset At, bool On)> DueSoonChanges { get; } = [];
        public List<DateTimeOffset> Supplements { get; } = [];
        public List<DateTimeOffset> Refusals { get; } = [];
        public List<DateTimeOffset> Withdrawals { get; } = [];
        public List<DateTimeOffset> Stops { get; } = [];
        public List<DateTimeOffset> Apologies { get; } = [];

        /// <summary>A form 04 was issued before the dossier was decided, withdrawn or stopped.</summary>
        public bool ApologizedBeforeEnd { get; private set; }
        public List<(int Rating, DateTimeOffset At)> Ratings { get; } = [];
        private DateTimeOffset? _due;
        private bool _flagged;
        private bool _near;

        public void Apply(IDossierEvent e)
        {
            var at = e.Meta.At;
            switch (e)
            {
                case DossierSubmitted s: (Unit, Procedure, Channel) = (s.Unit, s.ProcedureCode, s.Channel); break;
                case DossierReceived r: ReceivedAt = at; NewDue(r.DueAt, at); break;
                case SupplementRequested s: Supplements.Add(at); if (s.ClockStopped) { _due = null; } break;
                case DossierSupplemented s when s.DueAt is not null: NewDue(s.DueAt, at); break;
                case DeadlineExtended x: Apologies.Add(at); NewDue(x.DueAt, at); break;
                case DeadlinesRecomputed x when x.DueAt is not null: NewDue(x.DueAt, at); break;
                case DeadlineMissed { Scope: "dossier" }: Flag(true, at); break;
                case ResultIssued or DossierRejected: End(at, Classify(at)); break;
                case DossierWithdrawn: Withdrawals.Add(at); End(at, null); break;
                case DossierStopped: Stops.Add(at); End(at, null); break;
                case DossierRefused: Refusals.Add(at); break;
                case DossierRated r: Ratings.Add((r.Rating, at)); break;
                case DeadlineNeared { Scope: "dossier" }: _near = true; break;
            }

            DueSoonChanges.Add((at, ReceivedAt is not null && EndedAt is null && _near && !_flagged));
        }

        private void NewDue(DateTimeOffset? due, DateTimeOffset at)
        {
            if (due != _due)
            {
                _due = due;
                _near = false;
                Flag(false, at);
            }
        }

        private void Flag(bool on, DateTimeOffset at)
        {
            _flagged = on;
            OverdueChanges.Add((at, on && ReceivedAt is not null && EndedAt is null));
        }

        private void End(DateTimeOffset at, int? resolution)
        {
            if (ReceivedAt is null || EndedAt is not null)
            {
                return;
            }

            EndedAt = at;
            Resolution = resolution;
            ApologizedBeforeEnd = Apologies.Count > 0;
            OverdueChanges.Add((at, false));
        }

        private int Classify(DateTimeOffset at)
        {
            if (_due is not { } due)
            {
                return 1;
            }

            if (at > due)
            {
                return 2;
            }

            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime) ? 0 : 1;
        }
    }
}
