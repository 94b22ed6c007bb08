using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>A match in one line, so a test can list the expected result as a reader would write it.</summary>
internal static class MatchText
{
    /// <summary><c>11:29:30.118 error 10054 APPSRV01 | restart 11:32:04.310 SQLPROD01 +154.192s</c></summary>
    public static string Of(QueryMatch match)
    {
        var e = match.Event;
        string text = $"{Utc.Text(e.Time)} {e.Kind.Name()} {e.CodeText ?? "-"} {e.Host}";
        foreach (var r in match.Related)
            text += $" | {r.Event.Kind.Name()} {Utc.Text(r.Event.Time)} {r.Event.Host} {r.DeltaSeconds.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture)}s";
        return text;
    }

    public static string[] Of(QueryResult result) => result.Matches.Select(Of).ToArray();
}
