using System.Globalization;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>lifetime</c>: each right-hand event's state lasts the host's setting (a <c>netconfig</c> event from the same
/// host holding it, the one nearest in time: the registry is read at boot, so one capture vouches for the machine's
/// value) or the default; a related pair is kept when the error is within that span of the event, either side.
/// </summary>
internal sealed class LifetimeCheck
{
    private readonly StateLifetime _lifetime;
    private readonly Dictionary<string, List<(long Time, long Seconds, long Id)>> _settings;

    /// <summary>Reads every netconfig event that carries the rule's setting, once.</summary>
    public LifetimeCheck(EventStore store, StateLifetime lifetime)
    {
        _lifetime = lifetime;
        _settings = Settings(store, lifetime.Setting);
    }

    /// <summary>The lifetime of each related event, and the netconfig event that set it (0: the default).</summary>
    public static Dictionary<long, (long Ms, long SettingId)> Spans(EventStore store, StateLifetime lifetime, IEnumerable<long> relatedIds)
    {
        var ids = relatedIds.Distinct().ToList();
        var result = new Dictionary<long, (long, long)>();
        if (ids.Count == 0)
            return result;
        var check = new LifetimeCheck(store, lifetime);
        foreach (var e in store.Resolve(ids))
            result[e.Id] = check.Of(e);
        return result;
    }

    /// <summary>How long the state this event shows lasts, and the netconfig event that says so (0: the default).</summary>
    public (long Ms, long SettingId) Of(StoredEvent e)
    {
        var host = e.Host is null ? null : HostNames.Canonical(e.Host);
        var nearest = host is not null && _settings.TryGetValue(host, out var list) && e.Time is { } t
            ? list.MinBy(s => Math.Abs(s.Time - t.ToUnixTimeMilliseconds()))
            : default;
        return nearest.Id > 0 ? (nearest.Seconds * 1000, nearest.Id) : (_lifetime.DefaultMs, 0);
    }

    /// <summary>Every netconfig event that carries the setting, by canonical host: its time, value (seconds) and id.</summary>
    private static Dictionary<string, List<(long Time, long Seconds, long Id)>> Settings(EventStore store, string setting)
    {
        var found = new Dictionary<string, List<(long, long, long)>>(StringComparer.Ordinal);
        var configs = store.Load(new EventScan { Kinds = [EventKind.NetConfig] });
        if (configs.Count == 0)
            return found;
        string key = setting + "=";
        foreach (var e in store.Resolve(configs.Id.AsSpan(0, configs.Count).ToArray()))
        {
            if (e.Host is null || e.Time is not { } t || e.Extra is not { } extra)
                continue;
            foreach (var part in extra.Split("; "))
            {
                if (part.StartsWith(key, StringComparison.Ordinal)
                    && long.TryParse(part.AsSpan(key.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds > 0)
                {
                    string host = HostNames.Canonical(e.Host);
                    (found.TryGetValue(host, out var list) ? list : found[host] = []).Add((t.ToUnixTimeMilliseconds(), seconds, e.Id));
                }
            }
        }
        return found;
    }
}
