using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// The <c>outcome</c> field: <c>ok</c> or <c>fail</c> for a <c>logcorr probe</c> attempt, kept among the
/// event's rare attributes as the probe log writes it; other events have none.
/// </summary>
internal static class ProbeOutcome
{
    private const string Key = "outcome";

    public static string? Of(EventSet set, int i) => Of(set.Extra[i]);

    public static string? Of(string? extra) => ExtraAttributes.Value(extra, Key);
}
