using LogCorrelator.Correlate;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Wording;

/// <summary>The phrases of an error's account: how far an event was from it, and what a rule's window asks.</summary>
internal static class AccountText
{
    /// <summary>"12 min earlier", "3.20 s later", "at the same moment": where an event sits against the error (lag = tError - tEvent).</summary>
    public static string Distance(long lagMs)
    {
        double s = Math.Abs(lagMs) / 1000.0;
        if (lagMs == 0)
            return "at the same moment";
        // Near a rule's edge the seconds matter: "4 min 25 s", not "4 min".
        string span = s is >= 120 and < 3600 ? Minutes((long)Math.Round(s)) : Words.Span(s, s);
        return span + (lagMs > 0 ? " earlier" : " later");
    }

    private static string Minutes(long seconds) => seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds / 60} min {seconds % 60} s";

    /// <summary>"restart at 11:32:04 (SQLPROD01/ERRORLOG:1)".</summary>
    public static string Event(StoredEvent e, Func<StoredEvent, string> where, bool withDate) =>
        $"{Kind(e)} at {Words.Time(e.At, withDate)} ({where(e)}:{e.Line})";

    public static string Kind(StoredEvent e) => e.Kind switch
    {
        EventKind.Info => "line",
        EventKind.TimeWait => e.Count is int n ? $"TIME_WAIT snapshot ({n} sockets)" : "TIME_WAIT snapshot",
        _ => e.CodeText is { } code && e.Kind == EventKind.Error ? $"error {code}" : e.Kind.Name(),
    };

    /// <summary>A measured silence, exact enough to compare with a threshold: "245 s", "239.9 s"; past an hour "3 h".</summary>
    public static string Gap(double seconds) =>
        seconds >= 3600 ? Words.Span(seconds, seconds)
        : seconds.ToString(seconds >= 100 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>A rule's duration as its file would say it: "5 min", "1 h", "30 s", "35.6 s".</summary>
    public static string Duration(long ms)
    {
        if (ms >= 3_600_000 && ms % 3_600_000 == 0)
            return $"{ms / 3_600_000} h";
        if (ms >= 60_000 && ms % 60_000 == 0)
            return $"{ms / 60_000} min";
        return (ms / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>What a relation's window asks of the right-hand event: "5 min before it at most", "35–35.6 s before it".</summary>
    public static string Window(TimeWindow window, LagRange? lag)
    {
        if (lag is { } r)
            return $"{Duration(r.MinMs).Replace(" s", "", StringComparison.Ordinal)}–{Duration(r.MaxMs)} before it";
        long before = window.Before, after = window.After;
        if (before > 0 && after > 0)
            return before == after ? $"within {Duration(before)} of it" : $"from {Duration(before)} before to {Duration(after)} after it";
        return before > 0 ? $"at most {Duration(before)} before it" : $"at most {Duration(after)} after it";
    }

    /// <summary>A consequence window: "from 0 s to 10 min before it".</summary>
    public static string Window(LagRange window) => $"from {Duration(window.MinMs)} to {Duration(window.MaxMs)} before it";

    /// <summary>The rule's right-hand set as its query says it: "(restart or shutdown)", "timewait where count >= 3900".</summary>
    public static string RightSet(Rule rule) => rule.Node.Relation is { } r ? QueryFormatter.Format(r.Right) : "events";

    public static string LeftSet(Rule rule) => QueryFormatter.Format(rule.Node.Left);
}
