using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// The client errors of the incident, as the rules see them: every <c>error</c> event in scope
/// except login failures, which a report shows apart (a wrong password is not a dropped
/// connection, and mixing them in would make every cause look weaker than it is).
/// </summary>
internal sealed class IncidentErrors
{
    private IncidentErrors(EventColumns counted, EventColumns logins, IncidentScope scope)
    {
        Counted = counted;
        Logins = logins;
        Scope = scope;
        for (int i = 0; i < counted.Count; i++)
            Index[counted.Id[i]] = i;
    }

    /// <summary>The errors a diagnosis explains, sorted by time.</summary>
    public EventColumns Counted { get; }

    /// <summary>Client-side login failures (18456 and its relatives), sorted by time.</summary>
    public EventColumns Logins { get; }

    public IncidentScope Scope { get; }

    /// <summary>Event id to its position in <see cref="Counted"/>.</summary>
    public Dictionary<long, int> Index { get; } = [];

    public static IncidentErrors Load(EventStore store, IncidentScope scope)
    {
        var counted = new EventColumns(64);
        var logins = new EventColumns(8);
        if (!scope.Empty)
        {
            var all = store.Load(new EventScan { Kinds = [EventKind.Error], From = scope.From ?? EventTime.None + 1, To = scope.To });
            for (int i = 0; i < all.Count; i++)
                Copy(all, i, IsLogin(all.Code[i]) ? logins : counted);
        }
        return new IncidentErrors(counted, logins, scope);
    }

    /// <summary>SQL Server's login failure numbers: 18456 and the older, more specific ones.</summary>
    public static bool IsLogin(int code) => code is 18456 or 18452 or 18470 or 18486 or 18487 or 18488;

    public static void Copy(EventColumns from, int i, EventColumns to) =>
        to.Add(from.Id[i], from.Time[i], from.Kind[i], from.Code[i], from.Host[i], from.Peer[i], from.Spid[i]);
}
