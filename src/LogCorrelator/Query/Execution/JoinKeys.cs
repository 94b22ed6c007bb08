using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Join keys for <c>on FIELD [= FIELD]</c>: one int per event, equal when the values are, negative
/// when the event lacks the field (it then matches nothing). One instance serves both sides of a
/// relation so their keys are comparable; host and peer compare on the canonical short name.
/// </summary>
internal sealed class JoinKeys
{
    private readonly EventStore _store;
    private readonly Dictionary<int, int> _byNameId = [];
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _byNumber = [];

    public JoinKeys(EventStore store) => _store = store;

    public int[] Of(EventSet set, Field field)
    {
        var keys = new int[set.Count];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = Key(set, field, i);
        return keys;
    }

    private int Key(EventSet set, Field field, int i) => field switch
    {
        Field.Host => Name(set.Host[i]),
        Field.Peer => Name(set.Peer[i]),
        Field.Source => set.Source[i],
        Field.Kind => set.Kind[i],
        Field.Spid => Number(set.Spid[i]),
        Field.Port => Number(set.Port[i]),
        Field.Count => Number(set.Counts[i]),
        Field.SqlState => Text(set.SqlState[i]),
        Field.CodeOrigin => Text(CodeOrigins.Of(set, i)),
        Field.Chimney => Text(Chimney.Of(set, i)),
        Field.Outcome => Text(ProbeOutcome.Of(set, i)),
        // An error number, or for an event with none its SQLSTATE: the code as output shows it.
        _ => set.Code[i] != EventSet.None ? Number(set.Code[i]) : Text(set.SqlState[i]),
    };

    private int Number(int value)
    {
        if (value == EventSet.None)
            return -1;
        if (!_byNumber.TryGetValue(value, out int key))
            _byNumber[value] = key = Next();
        return key;
    }

    private int Text(string? value)
    {
        if (value is null)
            return -1;
        value = value.ToUpperInvariant();
        if (!_byText.TryGetValue(value, out int key))
            _byText[value] = key = Next();
        return key;
    }

    /// <summary>
    /// The key of an interned host or peer name (id 0 or less: no name): the one place names become
    /// join keys, which diagnose's <c>HostKeys</c> uses too so a rule and a query key names alike.
    /// </summary>
    public int Name(int id)
    {
        if (id <= 0)
            return -1;
        if (_byNameId.TryGetValue(id, out int key))
            return key;
        string? name = _store.Name(id);
        key = name is null ? -1 : Text("\u0001" + HostNames.Canonical(name));
        _byNameId[id] = key;
        return key;
    }

    private int Next() => _byNumber.Count + _byText.Count;
}
