using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Packet summaries as tshark (<c>tshark -r file</c>, any <c>-t</c>) and tcpdump (<c>tcpdump -nn -r file</c>,
/// <c>-tttt</c>, <c>-tt</c>, <c>-v</c>) print them. Every RST becomes an <c>rst</c> event from the
/// sender's port to the peer; each second with three or more resets from one port adds a burst
/// event (<c>burst=1</c>), and each second with three or more SYNs to one port a <c>syn-burst=1</c> one.
/// </summary>
internal sealed class PacketsFormat : ILogFormat
{
    public string Name => "packets";

    public double Score(SniffSample sample)
    {
        int packets = 0, logs = 0, other = 0;
        foreach (var line in sample.Lines)
        {
            var text = line.AsSpan();
            if (text.IsWhiteSpace())
                continue;
            if (TsharkLine.TryParse(text, out _) || TcpdumpLine.TryParse(text, out _))
                packets++;
            else if (LogShape.LooksLikeLogLine(text))
                logs++;
            else if (!CaptureLines.IsNoise(text) && !DateLine.TryParse(text, out _))
                other++;
        }
        if (packets == 0 || logs > packets)
            return logs > 0 ? 0.02 : 0;
        double share = (double)packets / (packets + other);
        return packets >= 2 && share >= 0.6 ? 0.95 : 0.7 * share;
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        var clock = new CaptureClock(context);
        var resets = new BurstCounter(EventKind.Rst, "burst=1");
        var syns = new BurstCounter(EventKind.Info, "syn-burst=1");
        string? host = context.ResolveHost(null);
        var e = new LogEvent();
        // tcpdump -v: the time is on the header line, the flags on the indented line after it.
        var pendingKind = PacketTimeKind.None;
        LocalStamp pendingStamp = default;
        long pendingMs = 0;
        bool reportedMissing = false, reportedNames = false;
        Span<char> source = stackalloc char[Endpoint.MaxLength];
        Span<char> destination = stackalloc char[Endpoint.MaxLength];

        while (lines.TryReadLine(out var line))
        {
            var text = line.Text;
            if (!TsharkLine.TryParse(text, out var packet) && !TcpdumpLine.TryParse(text, out packet))
            {
                if (!clock.TryHeader(text) && !CaptureLines.IsNoise(text))
                    context.Problems.Report(line.Number, "not a tshark or tcpdump line");
                continue;
            }
            if (packet.Unresolved && !reportedNames)
            {
                context.Problems.Report(line.Number, "TCP endpoints are names, not addresses and ports: print the capture with tcpdump -nn");
                reportedNames = true;
            }
            if (packet.TimeKind == PacketTimeKind.None)
            {
                (packet.TimeKind, packet.Stamp, packet.Ms) = (pendingKind, pendingStamp, pendingMs);
                pendingKind = PacketTimeKind.None;
            }
            else if (!packet.IsTcp && !packet.Unresolved)
            {
                (pendingKind, pendingStamp, pendingMs) = (packet.TimeKind, packet.Stamp, packet.Ms);
                continue;
            }
            if (!packet.IsTcp)
                continue;
            if (!clock.TryResolve(packet, out long time))
            {
                if (!reportedMissing)
                    context.Problems.Report(line.Number, packet.TimeKind == PacketTimeKind.None ? "packet line without a time" : clock.Missing(packet.TimeKind));
                reportedMissing = true;
                continue;
            }
            resets.FlushBefore(time, host, sink);
            syns.FlushBefore(time, host, sink);
            if ((packet.Flags & TcpFlag.Rst) != 0)
            {
                int textBytes = TextBytes.Count(text, lines.Encoding);
                var src = source[..Endpoint.Format(packet.SourceAddress, packet.SourcePort, source)];
                var dst = destination[..Endpoint.Format(packet.DestinationAddress, packet.DestinationPort, destination)];
                e.Clear();
                e.Time = time;
                e.Kind = EventKind.Rst;
                e.Host = host;
                e.Peer = context.Names.Intern(dst);
                e.Port = packet.SourcePort;
                e.Offset = line.Offset;
                e.Length = line.Length;
                e.Line = line.Number;
                e.MessageLength = textBytes;
                e.Extra = $"src={src}; dst={dst}; flags={TcpFlags.ToTcpdump(packet.Flags)}";
                sink.Add(ref e);
                resets.Add(time, packet.SourcePort, line, textBytes);
            }
            else if ((packet.Flags & (TcpFlag.Syn | TcpFlag.Ack)) == TcpFlag.Syn)
            {
                syns.Add(time, packet.DestinationPort, line, TextBytes.Count(text, lines.Encoding));
            }
        }
        resets.FlushAll(host, sink);
        syns.FlushAll(host, sink);
    }
}
