using System.Globalization;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Runs a filter on one loaded row, with the same two-valued logic as its SQL: a leaf on a field
/// the event lacks is false.
/// </summary>
internal static class FilterEval
{
    public static bool Holds(Filter filter, EventSet set, int i) => filter switch
    {
        GroupFilter { Op: BoolOp.And } group => group.Items.All(f => Holds(f, set, i)),
        GroupFilter group => group.Items.Any(f => Holds(f, set, i)),
        NotFilter not => !Holds(not.Item, set, i),
        KindFilter kind => kind.Kinds.Contains((Events.EventKind)set.Kind[i]) != kind.Negated,
        NameFilter name => Name(name, set, i),
        NumberFilter number => Number(number, Value(number.Field, set, i)),
        TextFilter text => Text(text, text.Field switch
        {
            Field.Message => set.Message[i],
            Field.CodeOrigin => CodeOrigins.Of(set, i),
            Field.Chimney => Chimney.Of(set, i),
            Field.Outcome => ProbeOutcome.Of(set, i),
            _ => set.SqlState[i],
        }),
        ContainsFilter contains => set.Message[i]?.Contains(contains.Text, StringComparison.OrdinalIgnoreCase) == true,
        RegexFilter regex => Regex(regex, set, i),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown filter"),
    };

    /// <summary>The columns a filter reads in memory.</summary>
    public static ColumnSet Columns(Filter filter) => filter switch
    {
        GroupFilter group => group.Items.Aggregate(ColumnSet.None, (c, f) => c | Columns(f)),
        NotFilter not => Columns(not.Item),
        KindFilter => ColumnSet.Kind,
        NameFilter name => SetLoader.ColumnOf(name.Field),
        NumberFilter number => SetLoader.ColumnOf(number.Field),
        TextFilter text => SetLoader.ColumnOf(text.Field),
        ContainsFilter => ColumnSet.Message,
        RegexFilter regex => SetLoader.ColumnOf(regex.Field),
        _ => ColumnSet.None,
    };

    public static bool NeedsMessage(Filter filter) => (Columns(filter) & ColumnSet.Message) != 0;

    private static bool Name(NameFilter filter, EventSet set, int i)
    {
        int id = filter.Field switch
        {
            Field.Host => set.Host[i],
            Field.Peer => set.Peer[i],
            _ => set.Source[i],
        };
        return id > 0 && filter.Ids.Contains(id) != filter.Negated;
    }

    private static int Value(Field field, EventSet set, int i) => field switch
    {
        Field.Spid => set.Spid[i],
        Field.Port => set.Port[i],
        Field.Count => set.Counts[i],
        _ => set.Code[i],
    };

    private static bool Number(NumberFilter filter, int value)
    {
        if (value == EventSet.None)
            return false;
        long v = value;
        long first = filter.Values[0];
        return filter.Op switch
        {
            CompareOp.Equal => v == first,
            CompareOp.NotEqual => v != first,
            CompareOp.Less => v < first,
            CompareOp.LessOrEqual => v <= first,
            CompareOp.Greater => v > first,
            CompareOp.GreaterOrEqual => v >= first,
            _ => filter.Values.Contains(v),
        };
    }

    private static bool Text(TextFilter filter, string? value)
    {
        if (value is null)
            return false;
        return filter.Op switch
        {
            CompareOp.NotEqual => !string.Equals(value, filter.Values[0], StringComparison.OrdinalIgnoreCase),
            _ => filter.Values.Any(v => string.Equals(value, v, StringComparison.OrdinalIgnoreCase)),
        };
    }

    private static bool Regex(RegexFilter filter, EventSet set, int i)
    {
        string? text = filter.Field switch
        {
            Field.Message => set.Message[i],
            Field.SqlState => set.SqlState[i],
            Field.CodeOrigin => CodeOrigins.Of(set, i),
            Field.Chimney => Chimney.Of(set, i),
            Field.Outcome => ProbeOutcome.Of(set, i),
            _ => set.Code[i] != EventSet.None ? set.Code[i].ToString(CultureInfo.InvariantCulture) : set.SqlState[i],
        };
        if (text is null)
            return false;
        filter.Cancel.ThrowIfCancellationRequested();
        return filter.Regex.IsMatch(text);
    }
}
