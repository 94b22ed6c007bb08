using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// A field of a loaded row as a table cell: text for names, codes, kinds and messages, a number
/// for spid, port and count, a time for time; null when the event lacks it.
/// </summary>
internal sealed class FieldValues
{
    private readonly EventStore _store;
    private readonly Dictionary<long, string> _sources;
    private readonly Dictionary<string, string> _byPath;

    public FieldValues(EventStore store)
    {
        _store = store;
        var sources = store.Sources();
        _sources = sources.ToDictionary(s => s.Id, s => s.RelativePath.Replace('\\', '/'));
        _byPath = sources.ToDictionary(s => s.Path, s => s.RelativePath.Replace('\\', '/'), StringComparer.Ordinal);
    }

    /// <summary>The columns <paramref name="field"/> needs loaded.</summary>
    public static ColumnSet Columns(Field field) => SetLoader.ColumnOf(field);

    public object? Of(EventSet set, Field field, int i) => field switch
    {
        Field.Time => set.Time[i] == EventTime.None ? null : DateTimeOffset.FromUnixTimeMilliseconds(set.Time[i]),
        Field.Host => _store.Name(set.Host[i]),
        Field.Peer => _store.Name(set.Peer[i]),
        Field.Source => _sources.GetValueOrDefault(set.Source[i]),
        Field.Spid => Number(set.Spid[i]),
        Field.Port => Number(set.Port[i]),
        Field.Count => Number(set.Counts[i]),
        Field.Code => set.Code[i] != EventSet.None ? set.Code[i].ToString(CultureInfo.InvariantCulture) : set.SqlState[i],
        Field.SqlState => set.SqlState[i],
        Field.CodeOrigin => CodeOrigins.Of(set, i),
        Field.Chimney => Chimney.Of(set, i),
        Field.Outcome => ProbeOutcome.Of(set, i),
        Field.Message => set.Message[i],
        _ => ((EventKind)set.Kind[i]).Name(),
    };

    /// <summary>The same field of a resolved event, for <c>| fields</c>.</summary>
    public object? Of(StoredEvent e, Field field) =>
        field == Field.Source ? _byPath.GetValueOrDefault(e.SourcePath) : Read(e, field);

    /// <summary>
    /// A field of a resolved event that needs nothing of the store: every field but <c>source</c>
    /// (a relative path, which only the store's source list knows; null here).
    /// </summary>
    public static object? Read(StoredEvent e, Field field) => field switch
    {
        Field.Time => e.Time,
        Field.Host => e.Host,
        Field.Peer => e.Peer,
        Field.Source => null,
        Field.Spid => e.Spid,
        Field.Port => e.Port,
        Field.Count => e.Count,
        Field.Code => e.CodeText,
        Field.SqlState => e.SqlState,
        Field.Message => e.Message,
        Field.CodeOrigin => CodeOrigins.Of(e.Code, e.SqlState, e.Extra),
        Field.Chimney => Chimney.Of(e.Extra),
        Field.Outcome => ProbeOutcome.Of(e.Extra),
        _ => e.Kind.Name(),
    };

    /// <summary>Orders cells: missing first, numbers (and codes that are numbers) by value, text ignoring case.</summary>
    public static int Compare(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : -1) : 1;
        if (a is DateTimeOffset ta && b is DateTimeOffset tb)
            return ta.CompareTo(tb);
        if (AsLong(a) is long la && AsLong(b) is long lb)
            return la.CompareTo(lb);
        return string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    private static long? AsLong(object value) => value switch
    {
        long l => l,
        int n => n,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => l,
        _ => null,
    };

    private static object? Number(int value) => value == EventSet.None ? null : (long)value;
}
