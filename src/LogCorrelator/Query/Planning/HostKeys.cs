using System.Net;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// Join keys for <c>on host</c> / <c>on host = peer</c>: one int per event, equal when the names
/// denote the same machine, negative when the event has no name. One instance serves both sides so
/// their keys are comparable.
/// </summary>
internal sealed class HostKeys
{
    private readonly EventStore _store;
    private readonly Dictionary<int, int> _byId = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public HostKeys(EventStore store) => _store = store;

    public int[] Of(EventColumns events, KeyField field)
    {
        var ids = field == KeyField.Host ? events.Host : events.Peer;
        var keys = new int[events.Count];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = Key(ids[i]);
        return keys;
    }

    /// <summary>
    /// The same machine is written differently by different logs: <c>SQLPROD01</c> in ERRORLOG,
    /// <c>sqlprod01.corp.local</c> in a connection string, <c>SQLPROD01\SALES</c> for a named
    /// instance, <c>APPSRV01:4412</c> with a port. Compare case-insensitively on the bare short name;
    /// IP addresses are kept whole.
    /// </summary>
    public static string Canonical(string name)
    {
        var text = name.AsSpan().Trim();
        int slash = text.IndexOf('\\');
        if (slash >= 0)
            text = text[..slash];
        if (text.Count(':') == 1)
            text = text[..text.IndexOf(':')];
        if (!IPAddress.TryParse(text, out _) && text.IndexOf('.') is int dot and > 0)
            text = text[..dot];
        return text.ToString().ToUpperInvariant();
    }

    private int Key(int id)
    {
        if (id <= 0)
            return -1;
        if (_byId.TryGetValue(id, out int key))
            return key;
        string? name = _store.Name(id);
        if (name is null)
            key = -1;
        else
        {
            string canonical = Canonical(name);
            if (!_byName.TryGetValue(canonical, out key))
                _byName[canonical] = key = _byName.Count;
        }
        _byId[id] = key;
        return key;
    }
}
