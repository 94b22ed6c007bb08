using LogCorrelator.Gen.Output;
using LogCorrelator.Gen.Plan;

namespace LogCorrelator.Gen.Errorlog;

/// <summary>
/// Writes SQLPROD01's ERRORLOG: a startup block, then noise paced over the plan's span, with the
/// plan's restarts (shutdown lines, then a whole startup block) and kills where they fall.
/// </summary>
internal sealed class ErrorlogWriter
{
    /// <summary>SQLPROD01 runs on UTC-5 and says so in each startup block (<c>UTC adjustment: -5:00</c>).</summary>
    public const long LocalOffsetMs = -5 * 3_600_000L;

    /// <summary>The source column (Server, spid52, Backup, Logon) is padded to this width.</summary>
    private const int SourceWidth = 12;

    private readonly TextSink _out;
    private readonly Rng _rng;
    private readonly List<long> _restarts = [];

    public ErrorlogWriter(TextSink sink, Rng rng)
    {
        _out = sink;
        _rng = rng;
    }

    /// <summary>UTC times of the banners written, the file's first startup block included.</summary>
    public IReadOnlyList<long> Restarts => _restarts;
    public int Kills { get; private set; }
    public int LoginFailures { get; set; }
    public Rng Rng => _rng;
    public long Bytes => _out.Bytes;
    public long Lines => _out.Lines;

    public void Write(IncidentPlan plan, long budget)
    {
        var pacer = new Pacer(plan.End, budget, 10);
        long now = Startup(plan.Start);
        int next = 0;
        while (_out.Bytes < budget)
        {
            now += pacer.Gap(_rng, now, _out.Bytes, _out.Lines);
            if (next < plan.Incidents.Count && now >= StartOf(plan.Incidents[next]))
            {
                now = Write(plan.Incidents[next++]);
                continue;
            }
            ErrorlogNoise.Write(this, now);
        }
    }

    /// <summary>Starts a line: local timestamp and source column. The caller writes the message and ends the line.</summary>
    public TextSink Line(long utc, ReadOnlySpan<char> source)
    {
        _out.Stamp(utc + LocalOffsetMs, 2).Char(' ').Text(source);
        return _out.PadTo(source.Length, SourceWidth);
    }

    /// <summary>Starts a line from a session: <c>spid52</c>, or <c>spid12s</c> for a system session.</summary>
    public TextSink Spid(long utc, int spid, bool system)
    {
        _out.Stamp(utc + LocalOffsetMs, 2).Text(" spid").Int(spid);
        if (system)
            _out.Char('s');
        int used = 4 + (spid >= 100 ? 3 : spid >= 10 ? 2 : 1) + (system ? 1 : 0);
        return _out.PadTo(used, SourceWidth);
    }

    private static long StartOf(in Incident incident) =>
        incident.Kind == IncidentKind.Restart ? incident.Time - StartupBlock.ShutdownLeadMs : incident.Time;

    /// <summary>Writes an incident; returns the time of its last line.</summary>
    private long Write(in Incident incident)
    {
        if (incident.Kind == IncidentKind.Kill)
        {
            Spid(incident.Time, incident.Spid, false).Text("Process ID ").Int(incident.Victim)
                .Text(" was killed by hostname ").Text(incident.KillerHost)
                .Text(", host process ID ").Int(incident.KillerPid).Char('.').EndLine();
            Kills++;
            return incident.Time;
        }
        StartupBlock.WriteShutdown(this, incident.Time - StartupBlock.ShutdownLeadMs);
        return Startup(incident.Time);
    }

    private long Startup(long banner)
    {
        _restarts.Add(banner);
        return StartupBlock.Write(this, banner);
    }
}
