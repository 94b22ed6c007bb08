using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.RingBuffer;

/// <summary>
/// The connectivity ring buffer as <c>collect</c> saved it (<see cref="ConnectivityLog"/>). A record the server wrote
/// because it ended a connection on an error becomes a server-side event on the server, its client as the peer:
/// <see cref="EventKind.LoginFailed"/> for a login failure (18456...), else <see cref="EventKind.ServerError"/> with the
/// record's error number when it names one (4014, 17830...). So <c>errors near server-errors within 1s</c> finds a client
/// error beside the server's own account of the same connection. A normal logout and a login's timers are
/// <see cref="EventKind.Info"/>. The record type, flags and buffer errors are among the rare attributes.
/// </summary>
internal sealed class ConnectivityFormat : ILogFormat
{
    public string Name => "ring-buffer";

    /// <summary>Only logcorr writes the header: surely one when present, surely not otherwise.</summary>
    public double Score(SniffSample sample) =>
        sample.Lines.Count > 0 && sample.Lines[0].StartsWith(ConnectivityLog.HeaderStart, StringComparison.Ordinal) ? 1 : 0;

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        LogEvent e = default;
        while (lines.TryReadLine(out Line line))
        {
            if (line.Text.IsWhiteSpace())
                continue;
            if (line.Text.StartsWith(ConnectivityLog.HeaderStart, StringComparison.Ordinal))
            {
                // "SQLPROD01\INST1": the machine is the host, as ERRORLOG's "Server name is" gives it.
                var machine = HostToken.MachineOfServer(line.Text[ConnectivityLog.HeaderStart.Length..]);
                if (!machine.IsEmpty)
                    context.SourceHost ??= context.Names.Intern(machine);
                continue;
            }
            if (!ConnectivityLog.TryParse(line.Text, out long utc, out int summaryStart, out int summaryLength, out string xml)
                || !ConnectivityRecord.TryParse(xml, out var record))
            {
                context.Problems.Report(line.Number, "not a connectivity ring buffer record (expected 'TIME summary | <Record ...>')");
                continue;
            }
            e.Clear();
            e.Time = context.Clock.FromUtc(utc);
            e.Host = context.ResolveHost(context.SourceHost);
            Classify(record!, context, ref e);
            e.Offset = line.Offset;
            e.Length = line.Length;
            e.Line = line.Number;
            e.MessageOffset = LineBytes.Of(line.Text[..summaryStart], line.BytesPerChar);
            e.MessageLength = LineBytes.Of(line.Text.Slice(summaryStart, summaryLength), line.BytesPerChar);
            sink.Add(ref e);
        }
    }

    private static void Classify(ConnectivityRecord r, IngestContext context, ref LogEvent e)
    {
        e.Kind = !r.IsFailure ? EventKind.Info
            : IsLoginFailure(r.SniConsumerError) ? EventKind.LoginFailed
            : EventKind.ServerError;
        if (r.SniConsumerError != 0)
            e.Code = r.SniConsumerError;
        if (r.RemoteHost is { } host)
            e.Peer = context.Names.Intern(host);
        if (r.RemotePort > 0)
            e.Port = r.RemotePort;
        if (r.Spid > 0)
            e.Spid = r.Spid;
        var extra = new StringBuilder("record=").Append(r.RecordType);
        Append(extra, "state", r.SniConsumerError != 0 ? r.State : 0);
        Append(extra, "osError", r.OsError);
        Append(extra, "inputError", r.InputBufferError);
        Append(extra, "outputError", r.OutputBufferError);
        if (r.Flags.Count > 0)
            extra.Append("; flags=").AppendJoin(',', r.Flags);
        if (r.LoginMs is long ms)
            extra.Append("; loginMs=").Append(ms.ToString(CultureInfo.InvariantCulture));
        e.Extra = extra.ToString();
    }

    // The numbers SQL Server writes "Login failed" under: 18456 most often, the others for a locked, expired or unknown login.
    private static bool IsLoginFailure(int number) => number is 18452 or 18456 or 18470 or 18486 or 18487 or 18488;

    private static void Append(StringBuilder s, string key, int value)
    {
        if (value != 0)
            s.Append("; ").Append(key).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
