using LogCorrelator.Gen.Output;
using LogCorrelator.Gen.Plan;

namespace LogCorrelator.Gen.AppLog;

/// <summary>
/// Writes APPSRV01's Serilog file: startup lines, then request noise paced over the plan's span,
/// with 10054 errors clustered just after each planned restart and kill, plus scattered ones.
/// </summary>
internal sealed class AppLogWriter
{
    /// <summary>APPSRV01 logs local time at UTC+1, with the offset in every timestamp.</summary>
    public const long LocalOffsetMs = 3_600_000L;

    private readonly TextSink _out;
    private readonly Rng _rng;
    private readonly List<long> _transport = [];

    public AppLogWriter(TextSink sink, Rng rng)
    {
        _out = sink;
        _rng = rng;
    }

    /// <summary>UTC times of the 10054 errors written.</summary>
    public IReadOnlyList<long> TransportErrors => _transport;
    public int Timeouts { get; private set; }
    public int OtherErrors { get; private set; }
    public Rng Rng => _rng;
    public long Bytes => _out.Bytes;
    public long Lines => _out.Lines;

    public void Write(IncidentPlan plan, long budget)
    {
        var errors = Schedule(plan);
        var pacer = new Pacer(plan.End, budget, 1);
        long now = AppLogNoise.Startup(this, plan.Start + 60_000);
        int next = 0;
        while (_out.Bytes < budget)
        {
            now += pacer.Gap(_rng, now, _out.Bytes, _out.Lines);
            if (next < errors.Count && errors[next].Time <= now)
            {
                var (time, kind) = errors[next++];
                AppLogErrors.Write(this, time, kind);
                if (kind == AppErrorKind.Transport)
                    _transport.Add(time);
                else if (kind == AppErrorKind.Timeout)
                    Timeouts++;
                else
                    OtherErrors++;
                now = time;
                continue;
            }
            AppLogNoise.Write(this, now);
        }
    }

    /// <summary>Starts an entry: local timestamp with its offset, and the level.</summary>
    public TextSink Line(long utc, ReadOnlySpan<char> level) =>
        _out.Stamp(utc + LocalOffsetMs, 3).Text(" +01:00 [").Text(level).Text("] ");

    public TextSink Sink => _out;

    /// <summary>
    /// The errors by time: three to eight within two minutes after each restart (pooled
    /// connections dying on first use), one to three within five seconds after each kill, and
    /// scattered transport errors, timeouts and non-SQL errors across the span.
    /// </summary>
    private List<(long Time, AppErrorKind Kind)> Schedule(IncidentPlan plan)
    {
        var list = new List<(long Time, AppErrorKind Kind)>();
        foreach (var incident in plan.Incidents)
        {
            bool restart = incident.Kind == IncidentKind.Restart;
            int count = restart ? _rng.Between(3, 8) : _rng.Between(1, 3);
            for (int i = 0; i < count; i++)
                list.Add((incident.Time + (restart ? 1_500 + _rng.Below(118_500L) : 300 + _rng.Below(4_700L)), AppErrorKind.Transport));
        }
        long from = plan.Start + 600_000, span = plan.End - from;
        long scattered = 4 + plan.TotalBytes / 4_000_000, others = 2 + plan.TotalBytes / 10_000_000;
        for (long i = 0; i < scattered; i++)
            list.Add((from + _rng.Below(span), AppErrorKind.Transport));
        for (long i = 0; i < others; i++)
        {
            list.Add((from + _rng.Below(span), AppErrorKind.Timeout));
            list.Add((from + _rng.Below(span), AppErrorKind.NullReference));
        }
        list.Sort();
        return list;
    }
}
