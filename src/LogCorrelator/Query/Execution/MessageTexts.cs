using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Reads the one-line messages of loaded rows from their source files, redacted as everywhere text
/// leaves a file. Rows are read grouped by file and in offset order, so each file is opened once
/// and read forwards however the rows interleave in time.
/// </summary>
internal sealed class MessageTexts
{
    private readonly Dictionary<int, SourceRecord> _sources;
    private readonly CancellationToken _cancel;

    public MessageTexts(EventStore store, CancellationToken cancel = default)
    {
        _sources = store.Sources().ToDictionary(s => (int)s.Id);
        _cancel = cancel;
    }

    /// <summary>Fills <see cref="EventSet.Message"/> at the given rows that have no text yet.</summary>
    public void Fill(EventSet set, IEnumerable<int> rows)
    {
        var wanted = rows.Where(i => set.Message[i] is null)
            .OrderBy(i => set.Source[i]).ThenBy(i => set.MessageOffset[i])
            .ToList();
        using var reader = new SourceTextReader();
        for (int n = 0; n < wanted.Count; n++)
        {
            if ((n & 4095) == 4095)
                _cancel.ThrowIfCancellationRequested();
            int i = wanted[n];
            set.Message[i] = _sources.TryGetValue(set.Source[i], out var source)
                ? reader.Read(source.Path, source.Encoding, set.MessageOffset[i], set.MessageLength[i])
                : "";
        }
    }
}
