using System.Globalization;
using System.Text;

namespace LogCorrelator.Ingest.Formats.Probe;

/// <summary>
/// The layout of a probe log, written by <c>logcorr probe</c> and read back by <see cref="ProbeFormat"/>:
/// a header naming the client and the server, then one line an attempt:
/// <c>2026-12-06T21:00:03.120Z fail connectMs=3012 firstByteMs=- queryMs=- number=-2 class=11 state=0 ccid=... | message</c>.
/// One line each, so the store points at the message by offset as it does for any log, and a person can read it.
/// </summary>
public static class ProbeLog
{
    public const string OkOutcome = "ok";
    public const string FailOutcome = "fail";
    public const string HeaderStart = "# logcorr probe from ";
    private const string To = " to ";
    internal const string MessageSeparator = " | ";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int TimeLength = 24;

    /// <summary>The first line: the probing machine (the events' host) and the server (their peer).</summary>
    public static string Header(string client, string server) => HeaderStart + client + To + server;

    public static bool TryParseHeader(ReadOnlySpan<char> line, out string client, out string server)
    {
        client = server = "";
        if (!line.StartsWith(HeaderStart, StringComparison.Ordinal))
            return false;
        var rest = line[HeaderStart.Length..];
        int to = rest.IndexOf(To, StringComparison.Ordinal);
        if (to <= 0)
            return false;
        client = rest[..to].ToString();
        server = rest[(to + To.Length)..].TrimEnd().ToString();
        return server.Length > 0;
    }

    public static string Line(ProbeRecord r)
    {
        var s = new StringBuilder(160);
        s.Append(r.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)).Append(' ').Append(r.Outcome);
        Append(s, "connectMs", r.ConnectMs);
        Append(s, "firstByteMs", r.FirstByteMs);
        Append(s, "queryMs", r.QueryMs);
        if (!r.Ok)
        {
            Append(s, "number", r.Number);
            Append(s, "class", r.Class);
            Append(s, "state", r.State);
            s.Append(" ccid=").Append(r.ClientConnectionId?.ToString() ?? "-");
        }
        // A provider text may span lines (a timeout's durations): one line an attempt keeps the file readable.
        s.Append(MessageSeparator).Append(r.Message.ReplaceLineEndings(" "));
        return s.ToString();
    }

    /// <summary>The attempt's fields as the store keeps rare attributes (<c>outcome=fail; connectMs=3012; ...</c>).</summary>
    /// <returns>False when the line is no attempt; then <paramref name="messageStart"/> is -1.</returns>
    public static bool TryParse(ReadOnlySpan<char> line, out long utcMs, out bool ok, out string attributes, out int? number, out int messageStart)
    {
        utcMs = 0;
        ok = false;
        attributes = "";
        number = null;
        messageStart = -1;
        int sep = line.IndexOf(MessageSeparator, StringComparison.Ordinal);
        if (sep < TimeLength || !DateTimeOffset.TryParseExact(line[..TimeLength], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return false;
        var fields = line[TimeLength..sep].Trim();
        int space = fields.IndexOf(' ');
        var outcome = space < 0 ? fields : fields[..space];
        if (!outcome.SequenceEqual(OkOutcome) && !outcome.SequenceEqual(FailOutcome))
            return false;
        ok = outcome.SequenceEqual(OkOutcome);
        var s = new StringBuilder("outcome=").Append(outcome);
        var rest = space < 0 ? [] : fields[(space + 1)..];
        foreach (var range in rest.Split(' '))
        {
            var pair = rest[range];
            int eq = pair.IndexOf('=');
            if (eq <= 0 || pair[(eq + 1)..].SequenceEqual("-"))
                continue;
            s.Append("; ").Append(pair[..eq]).Append('=').Append(pair[(eq + 1)..]);
            if (pair[..eq].SequenceEqual("number") && int.TryParse(pair[(eq + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
                number = n;
        }
        utcMs = time.ToUnixTimeMilliseconds();
        attributes = s.ToString();
        messageStart = sep + MessageSeparator.Length;
        return true;
    }

    private static void Append(StringBuilder s, string key, long? value) =>
        s.Append(' ').Append(key).Append('=').Append(value is long v ? v.ToString(CultureInfo.InvariantCulture) : "-");
}
