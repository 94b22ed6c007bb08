using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// The <c>chimney</c> field: the TCP Chimney Offload state a netsh listing reports, kept among the
/// event's rare attributes under the key netsh's own <c>set global</c> takes, whatever the Windows
/// version's label was. The diagnosis rule for chimney offload tests it.
/// </summary>
internal static class Chimney
{
    private const string Key = "chimney";

    public static string? Of(EventSet set, int i) => Of(set.Extra[i]);

    public static string? Of(string? extra) => ExtraAttributes.Value(extra, Key);
}
