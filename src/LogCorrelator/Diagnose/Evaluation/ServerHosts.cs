using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>The machines that run SQL Server here: the hosts of the ERRORLOGs, by canonical short name.</summary>
internal static class ServerHosts
{
    public static HashSet<string> Of(EventStore store) =>
        store.Sources()
            .Where(s => s.Format.StartsWith("errorlog", StringComparison.Ordinal) && s.Host is not null)
            .Select(s => HostNames.Canonical(s.Host!))
            .ToHashSet(StringComparer.Ordinal);
}
