using System.Buffers;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>
/// Network text pasted among other text: a packet line with the RST flag (tshark's <c>[RST, ACK]</c>,
/// tcpdump's <c>Flags [R.]</c>, tshark -V's <c>(RST, ACK)</c>), a socket listing holding TIME_WAIT
/// sockets (counted), netsh's TCP settings. The specific network formats read whole captures and
/// listings; this catches what arrives wrapped in prose.
/// </summary>
internal static class NetworkText
{
    private static readonly SearchValues<string> Resets = SearchValues.Create(
        ["[RST", "Flags [R", "(RST", ", RST]", "RST, ACK", ".R..", "Reset: Set", " rst seq="], StringComparison.Ordinal);

    private static readonly SearchValues<string> Settings = SearchValues.Create(
        ["Chimney Offload State", "Receive-Side Scaling State", "Receive Window Auto-Tuning Level", "TCP Global Parameters",
         "NetDMA State", "Direct Cache Access", "ECN Capability",
         // netsh in German (wild corpus world/029, world/030).
         "Zustand der empfangsseitigen Skalierung", "Zustand der Chimney-Auslagerung", "TCP-Globalparameter"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Any = SearchValues.Create(
        ["TIME_WAIT", "TIME-WAIT", "[RST", "Flags [R", "(RST", ", RST]", "RST, ACK", ".R..", "Reset: Set", "Chimney", "Receive-Side",
         "Auto-Tuning", "TCP Global", "NetDMA", "Direct Cache", "ECN Capability", "empfangsseitigen", "TCP-Global", " rst seq="],
        StringComparison.OrdinalIgnoreCase);

    public static void Classify(ReadOnlySpan<char> text, ref LogEvent e)
    {
        if (!text.ContainsAny(Any))
            return;
        int timeWait = Count(text, "TIME_WAIT") + Count(text, "TIME-WAIT");
        if (timeWait > 0)
        {
            e.Kind = EventKind.TimeWait;
            e.Count = timeWait;
        }
        else if (text.ContainsAny(Resets))
        {
            e.Kind = EventKind.Rst;
        }
        else if (text.ContainsAny(Settings))
        {
            e.Kind = EventKind.NetConfig;
        }
    }

    private static int Count(ReadOnlySpan<char> text, string word)
    {
        int n = 0, at;
        while ((at = text.IndexOf(word, StringComparison.Ordinal)) >= 0)
        {
            n++;
            text = text[(at + word.Length)..];
        }
        return n;
    }
}
