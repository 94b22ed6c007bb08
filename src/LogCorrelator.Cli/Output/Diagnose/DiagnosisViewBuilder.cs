using System.Globalization;
using LogCorrelator.Diagnose;
using LogCorrelator.Events;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>Words and numbers of the report, from a diagnosis; no rendering here.</summary>
internal static class DiagnosisViewBuilder
{
    public const int MessageWidth = 100;

    public static DiagnosisView Build(Diagnosis d, string title)
    {
        int total = d.Errors.Count;
        bool withDate = total > 0 && d.Errors[0].At.UtcDateTime.Date != d.Errors[^1].At.UtcDateTime.Date;
        var causes = d.Causes.Select((c, i) => Cause(d, c, i + 1, total, withDate)).ToList();
        string? noCause = null;
        if (total > 0 && causes.Count == 0)
        {
            noCause = $"No cause found. No rule explains any of the {Count(total, "error")}: no restart, shutdown, kill or failover "
                + "is near them, and no network evidence (TIME_WAIT pile-up, resets, chimney setting, quiet periods, keepalive timing) fits. "
                + $"Checked: {string.Join(", ", d.RulesChecked)}.";
        }
        else if (total == 0)
        {
            noCause = "No client errors in these logs: nothing to explain.";
        }
        int unexplained = d.UnexplainedCount;
        int clientLogins = d.LoginFailures.Sum(g => g.Count);
        string? loginHeading = clientLogins + d.ServerLoginFailures.Count == 0 ? null
            : $"Login failures, apart from the errors above: {clientLogins} from clients, {d.ServerLoginFailures.Count} in ERRORLOG near the incident";
        return new DiagnosisView(
            title,
            Headline(d, withDate),
            Breakdown(d.Errors),
            causes,
            noCause,
            unexplained == 0 ? "Every error is explained." : $"Not explained: {unexplained} of {Count(total, "error")}",
            d.Unexplained.Select(g => Group(g, withDate)).ToList(),
            loginHeading,
            d.LoginFailures.Select(g => Group(g, withDate)).ToList(),
            d.ServerLoginFailures.Select(e => Row(d, e, EvidenceRole.Error, null, withDate)).ToList(),
            d.Clocks.Select(c => c.Text).ToList(),
            d.AssumedClocks.Select(p => $"{p}: no UTC offset in the file, read as UTC (assumed)").ToList(),
            "Ranked by errors explained, then confidence; an error two causes explain counts for both.",
            TimelineBuilder.Build(d),
            AccountHeading(d),
            d.Accounts.Select(a => Account(d, a, withDate)).ToList());
    }

    private static string Headline(Diagnosis d, bool withDate)
    {
        if (d.Errors.Count == 0)
            return "0 client errors";
        var hosts = d.Errors.Select(e => e.Host ?? "?").Distinct().Order(StringComparer.Ordinal).ToList();
        string from = Formats.TableTime(d.Errors[0].At)[..19];
        string to = d.Errors[^1].At.UtcDateTime.ToString(withDate ? "yyyy-MM-dd HH:mm:ss" : "HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{Count(d.Errors.Count, "client error")} from {string.Join(", ", hosts)}, {from} to {to} UTC";
    }

    private static string Breakdown(IReadOnlyList<StoredEvent> errors) =>
        string.Join(", ", errors.GroupBy(e => e.CodeText ?? "no code")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()} ({ErrorCategories.Of(g.Key == "no code" ? null : g.Key)})"));

    private static CauseView Cause(Diagnosis d, Cause c, int rank, int total, bool withDate)
    {
        string? overlap = c.AlsoExplainedBy.Count == 0 ? null
            : "Also explained by " + string.Join(", ", c.AlsoExplainedBy.Select(o => $"{o.Id} ({o.Count})")) + ".";
        return new CauseView(rank, c.Id, c.Title, c.Explained, total, c.Confidence, c.Summary,
            c.Evidence.Select(e => Row(d, e.Event, e.Role, e.Note, withDate)).ToList(),
            c.Remedy, $"seed {c.Seed}; rule query: {c.Query}", c.Note, overlap);
    }

    /// <summary>Times without the date when the whole incident is one day: the headline has it.</summary>
    private static EvidenceRow Row(Diagnosis d, StoredEvent e, EvidenceRole role, string? note, bool withDate) =>
        new(withDate ? Formats.TableTime(e.At) : Formats.TableTime(e.At)[11..], What(e, role),
            role == EvidenceRole.Error, $"{d.PathOf(e)}:{e.Line}",
            Formats.Truncate(e.Message.ReplaceLineEndings(" ").Trim(), MessageWidth), note);

    private static string What(StoredEvent e, EvidenceRole role)
    {
        string kind = e.CodeText is { } code ? $"{e.Kind.Name()} {code}" : e.Kind.Name();
        return role switch
        {
            EvidenceRole.Required => kind + " (required)",
            EvidenceRole.Support => kind + " (support)",
            EvidenceRole.LastActivity => "last database activity",
            _ => kind,
        };
    }

    private static GroupRow Group(ErrorGroup g, bool withDate)
    {
        var times = g.Errors.Select(e => e.At.UtcDateTime.ToString(withDate ? "yyyy-MM-dd HH:mm:ss.fff" : "HH:mm:ss.fff", CultureInfo.InvariantCulture)).ToList();
        string shown = times.Count <= 4 ? string.Join(", ", times) : string.Join(", ", times.Take(3)) + $" … {times[^1]}";
        return new GroupRow(g.Code ?? "-", g.Host ?? "-", g.Category, g.Count, shown);
    }

    private static string AccountHeading(Diagnosis d) =>
        $"Every client error: {d.Count(Landing.Explained)} explained, {d.Count(Landing.NotNetwork)} not {(d.Count(Landing.NotNetwork) == 1 ? "a network error" : "network errors")}, {d.Count(Landing.Unexplained)} unexplained";

    /// <summary>A row of the accounting table; the same words <c>--why</c> prints for one error.</summary>
    public static AccountRow Account(Diagnosis d, ErrorAccount a, bool withDate)
    {
        var e = a.Error;
        string landed = a.Landing switch
        {
            Landing.Explained => a.AlsoPossible.Count == 0 ? a.CauseId! : $"{a.CauseId} (also {string.Join(", ", a.AlsoPossible)})",
            Landing.NotNetwork => $"not network ({a.Category})",
            _ => "unexplained",
        };
        string time = withDate ? Formats.TableTime(e.At) : Formats.TableTime(e.At)[11..];
        return new AccountRow(time, e.CodeText ?? "-", e.Host ?? "-", landed, a.Why, $"{d.PathOf(e)}:{e.Line}");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
