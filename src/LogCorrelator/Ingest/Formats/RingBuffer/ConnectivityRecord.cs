using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LogCorrelator.Ingest.Formats.RingBuffer;

/// <summary>
/// One record of SQL Server's connectivity ring buffer (<c>sys.dm_os_ring_buffers</c>, type
/// <c>RING_BUFFER_CONNECTIVITY</c>): a <c>ConnectivityTraceRecord</c> the server writes when it closes a connection
/// itself (a KILL, an error before login, a network error in the input stream), on a connectivity error and with a
/// login's timers. Only what the events need is read; the stack frames are not.
/// </summary>
public sealed record ConnectivityRecord(
    string RecordType,
    int Spid,
    string? RemoteHost,
    int RemotePort,
    int LocalPort,
    int SniConsumerError,
    int State,
    int OsError,
    int InputBufferError,
    int OutputBufferError,
    long? LoginMs,
    IReadOnlyList<string> Flags)
{
    /// <summary>
    /// The <c>TdsDisconnectFlags</c> that say the server ended the connection for a reason other than the client's
    /// own logout (<c>NormalDisconnect</c>, <c>NormalLogout</c> and <c>RoutingCompleted</c> are the ordinary ends).
    /// </summary>
    public static IReadOnlyList<string> AbnormalFlags { get; } =
    [
        "PhysicalConnectionIsKilled", "DisconnectDueToReadError", "NetworkErrorFoundInInputStream",
        "ErrorFoundBeforeLogin", "SessionIsKilled",
    ];

    /// <summary>
    /// The server ended the connection on an error or a kill: a closure with an abnormal flag or a buffer error,
    /// or any record naming an error (<c>SniConsumerError</c>, <c>OSError</c>). A normal logout is not evidence.
    /// </summary>
    public bool IsFailure => Flags.Count > 0 || SniConsumerError != 0 || OsError != 0 || InputBufferError != 0 || OutputBufferError != 0;

    /// <summary>The record as one readable line, the event's message: <c>ConnectionClose from 10.2.6.198:54645: SessionIsKilled, ErrorFoundBeforeLogin</c>.</summary>
    public string Summary()
    {
        var s = new StringBuilder(RecordType);
        if (!string.IsNullOrEmpty(RemoteHost))
        {
            s.Append(" from ").Append(RemoteHost);
            if (RemotePort > 0)
                s.Append(':').Append(RemotePort.ToString(CultureInfo.InvariantCulture));
        }
        var parts = new List<string>();
        if (Spid > 0)
            parts.Add("spid " + Spid.ToString(CultureInfo.InvariantCulture));
        if (SniConsumerError != 0)
            parts.Add($"error {SniConsumerError.ToString(CultureInfo.InvariantCulture)}, state {State.ToString(CultureInfo.InvariantCulture)}");
        if (OsError != 0)
            parts.Add("OS error " + OsError.ToString(CultureInfo.InvariantCulture));
        if (InputBufferError != 0)
            parts.Add("input error " + InputBufferError.ToString(CultureInfo.InvariantCulture));
        if (OutputBufferError != 0)
            parts.Add("output error " + OutputBufferError.ToString(CultureInfo.InvariantCulture));
        parts.AddRange(Flags);
        if (LoginMs is long ms)
            parts.Add($"login {ms.ToString(CultureInfo.InvariantCulture)} ms");
        if (parts.Count > 0)
            s.Append(": ").AppendJoin(", ", parts);
        return s.ToString();
    }

    /// <summary>Reads the record's XML (<c>&lt;Record ...&gt;&lt;ConnectivityTraceRecord&gt;...</c>).</summary>
    /// <returns>False when it is no well-formed connectivity record.</returns>
    public static bool TryParse(string xml, out ConnectivityRecord? record)
    {
        record = null;
        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return false;
        }
        var trace = root.Name.LocalName == "ConnectivityTraceRecord" ? root : root.Element("ConnectivityTraceRecord");
        string? type = trace?.Element("RecordType")?.Value;
        if (trace is null || string.IsNullOrEmpty(type))
            return false;
        var buffers = trace.Element("TdsBuffersInformation");
        var flags = trace.Element("TdsDisconnectFlags");
        var timers = trace.Element("LoginTimers");
        string? host = trace.Element("RemoteHost")?.Value;
        record = new ConnectivityRecord(
            type,
            Int(trace, "Spid"),
            string.IsNullOrWhiteSpace(host) ? null : host.Trim(),
            Int(trace, "RemotePort"),
            Int(trace, "LocalPort"),
            Int(trace, "SniConsumerError"),
            Int(trace, "State"),
            Int(trace, "OSError"),
            Int(buffers, "TdsInputBufferError"),
            Int(buffers, "TdsOutputBufferError"),
            timers?.Element("TotalLoginTimeInMilliseconds") is { } total && long.TryParse(total.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms) ? ms : null,
            AbnormalFlags.Where(f => Int(flags, f) != 0).ToList());
        return true;
    }

    /// <summary>As one line: the server writes none of its own, and the file keeps one record a line.</summary>
    public static string OneLine(string xml)
    {
        try
        {
            return XElement.Parse(xml).ToString(SaveOptions.DisableFormatting);
        }
        catch (XmlException)
        {
            return xml.ReplaceLineEndings(" ");
        }
    }

    private static int Int(XElement? parent, string name) =>
        parent?.Element(name) is { } e && int.TryParse(e.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 0;
}
