using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// <c>| count [by F, ...] [per D]</c>: one row per distinct value of the <c>by</c> fields (and time
/// bucket), with how many events have it. Buckets start at multiples of <c>per</c> since the Unix
/// epoch (UTC). Without <c>by</c> the histogram keeps its empty buckets between the first and last
/// event, so a gap shows as a zero; with <c>by</c> only the rows that count something are listed.
/// Rows come sorted by time bucket, or else by count (highest first), then by the <c>by</c> values.
/// </summary>
internal static class CountTable
{
    /// <summary>Past this many buckets a histogram lists only the buckets that count something.</summary>
    private const long MaxFilledBuckets = 100_000;

    public static (List<string> Columns, List<object?[]> Rows) Build(CountPipeNode count, EventSet set, IReadOnlyList<int> rows, FieldValues values)
    {
        var columns = new List<string>();
        long? per = count.Per?.Milliseconds;
        if (per is not null)
            columns.Add(Keywords.Word(Field.Time));
        columns.AddRange(count.By.Select(Keywords.Word));
        columns.Add(Keywords.Count);

        var counts = new Dictionary<RowKey, long>();
        foreach (int i in rows)
        {
            // A histogram buckets times: an event without one has no bucket.
            if (per is not null && set.Time[i] == EventTime.None)
                continue;
            var key = new object?[columns.Count - 1];
            int c = 0;
            if (per is long p)
                key[c++] = Math.DivRem(set.Time[i], p, out long rem) - (rem < 0 ? 1 : 0);
            foreach (var field in count.By)
                key[c++] = values.Of(set, field, i);
            var k = new RowKey(key);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        if (per is long bucket && count.By.Count == 0 && counts.Count > 0)
        {
            long first = counts.Keys.Min(k => (long)k.Values[0]!), last = counts.Keys.Max(k => (long)k.Values[0]!);
            if (last - first < MaxFilledBuckets)
            {
                for (long b = first; b <= last; b++)
                    counts.TryAdd(new RowKey([b]), 0);
            }
        }
        if (counts.Count == 0 && count.By.Count == 0 && per is null)
            counts[new RowKey([])] = 0;

        var result = counts.Select(pair =>
        {
            var row = new object?[columns.Count];
            for (int c = 0; c < pair.Key.Values.Length; c++)
                row[c] = pair.Key.Values[c];
            if (per is long p)
                row[0] = DateTimeOffset.FromUnixTimeMilliseconds((long)pair.Key.Values[0]! * p);
            row[^1] = pair.Value;
            return row;
        }).ToList();
        result.Sort((a, b) =>
        {
            if (per is null)
            {
                int byCount = ((long)b[^1]!).CompareTo((long)a[^1]!);
                if (byCount != 0)
                    return byCount;
            }
            for (int c = 0; c < a.Length - 1; c++)
            {
                int cmp = FieldValues.Compare(a[c], b[c]);
                if (cmp != 0)
                    return cmp;
            }
            return 0;
        });
        return (columns, result);
    }

    /// <summary>A row's key: the bucket and <c>by</c> values, compared by value.</summary>
    private sealed class RowKey(object?[] values) : IEquatable<RowKey>
    {
        public object?[] Values { get; } = values;

        public bool Equals(RowKey? other) => other is not null && Values.AsSpan().SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as RowKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var v in Values)
                hash.Add(v);
            return hash.ToHashCode();
        }
    }
}
