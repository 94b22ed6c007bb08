namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// The TCP states as Windows netstat, Linux netstat and ss spell them, mapped to one spelling
/// (Windows': <c>TIME_WAIT</c>, <c>ESTABLISHED</c>...). The results are constants: no allocation per line.
/// </summary>
internal static class TcpState
{
    public const string TimeWait = "TIME_WAIT";
    public const string Listen = "LISTEN";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ESTABLISHED"] = "ESTABLISHED", ["ESTAB"] = "ESTABLISHED",
        ["TIME_WAIT"] = TimeWait, ["TIME-WAIT"] = TimeWait,
        ["CLOSE_WAIT"] = "CLOSE_WAIT", ["CLOSE-WAIT"] = "CLOSE_WAIT",
        ["SYN_SENT"] = "SYN_SENT", ["SYN-SENT"] = "SYN_SENT",
        ["SYN_RECEIVED"] = "SYN_RECEIVED", ["SYN_RECV"] = "SYN_RECEIVED", ["SYN-RECV"] = "SYN_RECEIVED",
        ["FIN_WAIT_1"] = "FIN_WAIT_1", ["FIN_WAIT1"] = "FIN_WAIT_1", ["FIN-WAIT-1"] = "FIN_WAIT_1",
        ["FIN_WAIT_2"] = "FIN_WAIT_2", ["FIN_WAIT2"] = "FIN_WAIT_2", ["FIN-WAIT-2"] = "FIN_WAIT_2",
        ["LAST_ACK"] = "LAST_ACK", ["LAST-ACK"] = "LAST_ACK",
        ["CLOSING"] = "CLOSING",
        ["CLOSED"] = "CLOSED", ["CLOSE"] = "CLOSED", ["UNCONN"] = "CLOSED",
        ["LISTENING"] = Listen, ["LISTEN"] = Listen,
        ["BOUND"] = "BOUND",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The one spelling of a state, or null when the token is not one.</summary>
    public static string? Normalize(ReadOnlySpan<char> token) => Lookup.TryGetValue(token, out var name) ? name : null;
}
