using System.Globalization;

namespace LogCorrelator.Ingest.Formats.RingBuffer;

/// <summary>
/// The file <c>logcorr collect</c> writes from the connectivity ring buffer, read back by <see cref="ConnectivityFormat"/>:
/// a header naming the server, then one record a line, its UTC time, a readable summary (the event's message)
/// and the record's XML as the server returned it:
/// <c>2019-11-01T15:23:05.357Z ConnectionClose from 10.2.6.198:54645: SessionIsKilled | &lt;Record ...&gt;</c>.
/// The time is the collector's: the record's own <c>RecordTime</c> is local, in the server's date format.
/// </summary>
public static class ConnectivityLog
{
    public const string HeaderStart = "# logcorr collect RING_BUFFER_CONNECTIVITY from ";
    internal const string XmlSeparator = " | ";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int TimeLength = 24;

    public static string Header(string server) => HeaderStart + server;

    public static string Line(DateTimeOffset utc, string recordXml)
    {
        string xml = ConnectivityRecord.OneLine(recordXml);
        string summary = ConnectivityRecord.TryParse(xml, out var record) ? record!.Summary() : "unreadable record";
        return utc.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " + summary + XmlSeparator + xml;
    }

    /// <summary>Splits a record line into its time, where its summary lies (start, length) and its XML.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out long utcMs, out int summaryStart, out int summaryLength, out string xml)
    {
        utcMs = 0;
        summaryStart = summaryLength = 0;
        xml = "";
        if (line.Length <= TimeLength + 1 || line[TimeLength] != ' '
            || !DateTimeOffset.TryParseExact(line[..TimeLength], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return false;
        // The summary never holds " | <": the XML begins at the first.
        int sep = line.IndexOf(XmlSeparator + "<", StringComparison.Ordinal);
        if (sep < TimeLength)
            return false;
        utcMs = time.ToUnixTimeMilliseconds();
        summaryStart = TimeLength + 1;
        summaryLength = sep - summaryStart;
        xml = line[(sep + XmlSeparator.Length)..].ToString();
        return true;
    }
}
