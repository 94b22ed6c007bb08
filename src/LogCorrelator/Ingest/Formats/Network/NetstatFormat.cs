using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// netstat and ss snapshots (Windows <c>netstat -n/-ano</c>, Linux <c>netstat -tan</c>, <c>ss -tan</c>),
/// one or many in a file (a script looping <c>date</c> then <c>netstat -n</c>). Each snapshot
/// becomes per-(state, remote endpoint) counts and per-state totals, at the time of its date
/// line, else <c>--at</c>, else the file's last write (noted on the source as assumed).
/// </summary>
internal sealed class NetstatFormat : ILogFormat
{
    public string Name => "netstat";

    public double Score(SniffSample sample)
    {
        int headers = 0, sockets = 0, logs = 0, other = 0;
        foreach (var line in sample.Lines)
        {
            var text = line.AsSpan();
            if (text.IsWhiteSpace())
                continue;
            if (SocketLine.TryParse(text, out _) != SocketLineKind.None)
                sockets++;
            else if (NetstatLines.IsHeader(text))
                headers++;
            else if (DateLine.TryParse(text, out _))
                continue;
            else if (LogShape.LooksLikeLogLine(text))
                logs++;
            else
                other++;
        }
        if (sockets + headers == 0 || logs > sockets)
            return logs > 0 ? 0.02 : 0;
        if (headers > 0 && sockets > 0)
            return 0.95;
        if (sockets >= 3 && sockets >= other)
            return 0.85;
        return headers > 0 ? 0.5 : 0.4 * sockets / (sockets + other);
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        var clock = new SnapshotClock(context, "snapshot time");
        var snapshot = new SocketSnapshot(context, lines.Encoding);
        long? fallback = null;
        bool fallbackAsked = false;

        void Flush()
        {
            if (snapshot.IsEmpty)
                return;
            if (snapshot.Time is null && !fallbackAsked)
            {
                fallback = clock.Fallback();
                fallbackAsked = true;
            }
            if ((snapshot.Time ?? fallback) is long time)
                snapshot.Flush(time, sink);
            else
            {
                context.Problems.Report(snapshot.Line, clock.Missing);
                snapshot.Reset();
            }
        }

        while (lines.TryReadLine(out var line))
        {
            var text = line.Text;
            switch (SocketLine.TryParse(text, out var socket))
            {
                case SocketLineKind.Socket:
                    snapshot.Add(socket, line);
                    continue;
                case SocketLineKind.Other:
                    if (!snapshot.Started)
                        snapshot.Start(line);
                    snapshot.Extend(line);
                    continue;
            }
            if (clock.TryDateLine(text, out long utc, out _))
            {
                Flush();
                StartOrExtend(snapshot, line);
                snapshot.Time = utc;
            }
            else if (NetstatLines.IsHeader(text))
            {
                Flush();
                StartOrExtend(snapshot, line);
            }
            else if (NetstatLines.IsNoise(text))
            {
                if (snapshot.Started)
                    snapshot.Extend(line);
            }
            else
            {
                context.Problems.Report(line.Number, "not a netstat or ss line");
            }
        }
        Flush();
    }

    private static void StartOrExtend(SocketSnapshot snapshot, in Line line)
    {
        if (snapshot.Started)
            snapshot.Extend(line);
        else
            snapshot.Start(line);
    }
}
