using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// <c>netsh int tcp show global</c> (seed 000's layout: <c>TCP Global Parameters</c>, dashes, then
/// <c>Label   : value</c> lines) and <c>netsh int tcp show chimneystats</c>. Each listing becomes one
/// <c>netconfig</c> event whose extra holds every setting as <c>key=value; ...</c> with short keys
/// (<c>rss</c>, <c>chimney</c>, <c>autotuning</c>...); each chimneystats table row one more, keyed by
/// the table's column names; <c>netsh int ipv4 show dynamicport tcp</c> likewise (<c>dynamicportstart</c>,
/// <c>dynamicports</c>). The TCP/IP parameters key from <c>reg query</c> or a regedit export likewise
/// (<see cref="RegistryLines"/>: its DWORDs in decimal, <c>tcptimedwaitdelay=30</c>), since an evidence folder
/// keeps it beside the netsh output. Times as for netstat: a date line, else <c>--at</c>, else the file's last write.
/// </summary>
internal sealed class NetshFormat : ILogFormat
{
    private const string GlobalHeader = "TCP Global Parameters";
    private const string DynamicPortHeader = "Protocol tcp Dynamic Port Range";
    private const string ChimneyDisabled = "Your System Administrator has disabled TCP Chimney";

    public string Name => "netsh";

    public double Score(SniffSample sample)
    {
        int known = 0, logs = 0;
        foreach (var line in sample.Lines)
        {
            var t = line.AsSpan().Trim();
            if (IsListingHeader(t) || t.StartsWith(ChimneyDisabled, StringComparison.OrdinalIgnoreCase) || RegistryLines.IsTcpipKey(t))
                return 0.98;
            if (LogShape.LooksLikeLogLine(t))
                logs++;
            else if (IsChimneyTableHeader(t))
                known += 2;
            else if (t.IndexOf(':') is int c and > 0 && NetshKeys.IsKnown(t[..c]))
                known++;
        }
        if (logs > known)
            return logs > 0 ? 0.02 : 0;
        return known >= 2 ? 0.8 : known * 0.2;
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        var clock = new SnapshotClock(context, "snapshot time");
        var block = new NetshBlock();
        string? host = context.ResolveHost(null);
        long? dated = null;
        long? fallback = null;
        bool fallbackAsked = false;
        string[]? columns = null;
        bool inNote = false;

        long? Time()
        {
            if (dated is not null)
                return dated;
            if (!fallbackAsked)
            {
                fallback = clock.Fallback();
                fallbackAsked = true;
            }
            return fallback;
        }

        void Flush()
        {
            if (block.IsEmpty)
            {
                block.Reset();
                return;
            }
            if (Time() is long time)
                block.Write(time, host, sink);
            else
            {
                context.Problems.Report(block.Line, clock.Missing);
                block.Reset();
            }
        }

        while (lines.TryReadLine(out var line))
        {
            var t = line.Text.Trim();
            bool wasNote = inNote;
            inNote = false;
            if (t.IsEmpty || t.StartsWith("---", StringComparison.Ordinal))
            {
                block.Extend(line);
            }
            else if (clock.TryDateLine(t, out long utc, out _))
            {
                Flush();
                columns = null;
                dated = utc;
            }
            else if (IsListingHeader(t))
            {
                Flush();
                columns = null;
                block.Start(line, lines.Encoding);
            }
            else if (t.StartsWith(ChimneyDisabled, StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                columns = null;
                block.Start(line, lines.Encoding);
                block.Set("chimney", "disabled");
                block.Set("policy", "administrator");
                Flush();
            }
            else if (RegistryLines.IsTcpipKey(t))
            {
                Flush();
                columns = null;
                block.Start(line, lines.Encoding);
            }
            else if (block.Started && RegistryLines.TryDword(t, out string name, out long dword))
            {
                block.Set(name, dword.ToString(System.Globalization.CultureInfo.InvariantCulture));
                block.Extend(line);
            }
            else if (IsChimneyTableHeader(t))
            {
                Flush();
                columns = Columns(t);
            }
            else if (columns is not null && char.IsAsciiDigit(t[0]))
            {
                block.Start(line, lines.Encoding);
                var tokens = new Tokens(t);
                for (int i = 0; i < columns.Length && tokens.Next(out var value); i++)
                    block.Set(columns[i], value.ToString().ToLowerInvariant());
                Flush();
            }
            else if (t.StartsWith("**", StringComparison.Ordinal))
            {
                // "** The above autotuninglevel setting is the result of Windows Scaling heuristics" and its second line.
                block.Extend(line);
                inNote = true;
            }
            else if (t.IndexOf(':') is int colon and > 0 && !t[(colon + 1)..].Trim().IsEmpty && !IsChatter(t))
            {
                if (!block.Started)
                    block.Start(line, lines.Encoding);
                block.Set(NetshKeys.Normalize(t[..colon]), t[(colon + 1)..].Trim().ToString().ToLowerInvariant());
                block.Extend(line);
            }
            else if (wasNote || columns is not null || IsChatter(t))
            {
                block.Extend(line);
            }
            else
            {
                context.Problems.Report(line.Number, "not netsh output");
            }
        }
        Flush();
    }

    /// <summary><c>show global</c>'s header, or <c>show dynamicport tcp</c>'s.</summary>
    private static bool IsListingHeader(ReadOnlySpan<char> t) =>
        t.StartsWith(GlobalHeader, StringComparison.OrdinalIgnoreCase) || t.StartsWith(DynamicPortHeader, StringComparison.OrdinalIgnoreCase);

    /// <summary>chimneystats' per-interface table starts with an <c>Idx</c> column.</summary>
    private static bool IsChimneyTableHeader(ReadOnlySpan<char> t) =>
        t.StartsWith("Idx ", StringComparison.Ordinal) && t.Contains("Supp", StringComparison.OrdinalIgnoreCase);

    private static string[] Columns(ReadOnlySpan<char> header)
    {
        var names = new List<string>();
        var tokens = new Tokens(header);
        while (tokens.Next(out var token))
            names.Add(NetshKeys.Normalize(token));
        return [.. names];
    }

    /// <summary>What netsh prints around a listing: <c>Querying active state...</c>, <c>Ok.</c>, an echoed command.</summary>
    private static bool IsChatter(ReadOnlySpan<char> t) =>
        t.StartsWith("Querying active state", StringComparison.OrdinalIgnoreCase)
        || t.StartsWith("Windows Registry Editor", StringComparison.OrdinalIgnoreCase)
        || t.Contains("REG_", StringComparison.Ordinal)
        || t.Contains("reg query", StringComparison.OrdinalIgnoreCase)
        || t.Equals("Ok.", StringComparison.OrdinalIgnoreCase)
        || t.Contains("netsh ", StringComparison.OrdinalIgnoreCase);
}
