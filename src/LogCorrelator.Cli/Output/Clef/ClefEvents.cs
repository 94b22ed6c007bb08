using LogCorrelator.Events;
using LogCorrelator.Query;
using Serilog.Events;
using Serilog.Parsing;
using LogEvent = Serilog.Events.LogEvent;

namespace LogCorrelator.Cli.Output.Clef;

/// <summary>
/// Turns the events of a result into Serilog <see cref="LogEvent"/>s, for the package's CLEF formatter:
/// the event's time, a level from its kind, its message, and the properties Host, Kind, Code, SqlState,
/// Source, Line (Peer, Spid, Port, Count and the rare attributes when known) and the related events.
/// </summary>
internal static class ClefEvents
{
    /// <summary>A serialized event: the store's message as the template, every field a property.</summary>
    /// <param name="extra">More properties, after the event's own (diagnose's causes).</param>
    public static LogEvent From(StoredEvent e, DateTimeOffset time, IReadOnlyList<RelatedEvent> related, IEnumerable<LogEventProperty>? extra = null)
    {
        var properties = Fields(e, related: false).ToList();
        if (related.Count > 0)
        {
            properties.Add(new LogEventProperty("Related", new SequenceValue(related.Select(r =>
                new StructureValue([.. Fields(r.Event, related: true), new LogEventProperty("DeltaSeconds", new ScalarValue(Math.Round(r.DeltaSeconds, 3)))])))));
        }
        if (extra is not null)
            properties.AddRange(extra);
        return new LogEvent(time, Level(e), null, Template(e.Message), properties);
    }

    /// <summary>
    /// The message is the template's one text token, written as it is: the store's text is no template,
    /// and parsing it would read a brace in a message (<c>{a;b}</c>) as a hole. A CLEF reader that takes
    /// <c>@mt</c> as the message (ours, Seq without properties named in it) shows the text unchanged.
    /// </summary>
    private static MessageTemplate Template(string message) => new(message, [new TextToken(message)]);

    /// <summary>Client and server errors are errors, what explains them warnings, the rest information.</summary>
    public static LogEventLevel Level(StoredEvent e) => e.Kind switch
    {
        EventKind.Error or EventKind.ServerError => LogEventLevel.Error,
        EventKind.Probe => ExtraAttributes.Value(e.Extra, "outcome") == "fail" ? LogEventLevel.Error : LogEventLevel.Information,
        EventKind.Restart or EventKind.Shutdown or EventKind.Kill or EventKind.Failover or EventKind.LoginFailed => LogEventLevel.Warning,
        _ => LogEventLevel.Information,
    };

    /// <param name="related">A related event's time and message are properties; the event's own are <c>@t</c> and <c>@mt</c>.</param>
    private static IEnumerable<LogEventProperty> Fields(StoredEvent e, bool related)
    {
        if (related && e.Time is { } time)
            yield return Scalar("Time", Formats.IsoUtc(time));
        if (related)
            yield return Scalar("Message", e.Message);
        if (e.Host is not null)
        {
            yield return Scalar("Host", e.Host);
            // Serilog's environment enricher names the machine so: Seq, and our own CLEF reader, key on it.
            yield return Scalar("MachineName", e.Host);
        }
        yield return Scalar("Kind", e.Kind.Name());
        if (e.CodeText is { } code)
            yield return Scalar("Code", code);
        if (e.SqlState is not null)
            yield return Scalar("SqlState", e.SqlState);
        if (e.Peer is not null)
            yield return Scalar("Peer", e.Peer);
        if (e.Spid is int spid)
            yield return Scalar("Spid", spid);
        if (e.Port is int port)
            yield return Scalar("Port", port);
        if (e.Count is int count)
            yield return Scalar("Count", count);
        yield return Scalar("Source", CommonOptions.DisplayPath(e.SourcePath));
        yield return Scalar("Line", e.Line);
        foreach (var (key, value) in Attributes(e.Extra))
            yield return Scalar(key, value);
    }

    /// <summary>The rare attributes (<c>outcome=fail; connectMs=12</c>) as properties, PascalCased like the rest.</summary>
    private static IEnumerable<(string Key, string Value)> Attributes(string? extra)
    {
        if (extra is null)
            yield break;
        foreach (var part in extra.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                continue;
            string key = part[..eq].Trim();
            yield return (char.ToUpperInvariant(key[0]) + key[1..], part[(eq + 1)..].Trim());
        }
    }

    private static LogEventProperty Scalar(string name, object value) => new(name, new ScalarValue(value));

}
