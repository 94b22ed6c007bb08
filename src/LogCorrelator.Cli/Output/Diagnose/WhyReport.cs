using System.Globalization;
using System.Text.Json;
using LogCorrelator.Diagnose;
using LogCorrelator.Events;
using LogCorrelator.Time;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// <c>logcorr diagnose --why TIME</c>: the account of the error(s) logged at that UTC time (to the
/// millisecond when the time has a fraction, else anywhere in that second): where it landed, why,
/// and for an unexplained one what each rule came nearest to.
/// </summary>
internal static class WhyReport
{
    /// <summary>The UTC milliseconds the time covers, checked before anything is ingested.</summary>
    /// <exception cref="UserException">The time is malformed.</exception>
    public static (long From, long To, bool ToTheSecond) Parse(string text)
    {
        string trimmed = text.Trim();
        if (!TimestampParser.TryParse(trimmed, out var stamp, out int length) || length != trimmed.Length)
        {
            throw new UserException($"--why: '{text}' is not a time; give the error's UTC time as 2024-03-05 11:32:06.480 or 2024-03-05T11:32:06.480Z");
        }
        long from = stamp.LocalMs - (stamp.OffsetMinutes ?? 0) * 60_000L;
        // A time written to the second matches every error in that second.
        bool toTheSecond = trimmed.Length < 20 || (trimmed[19] != '.' && trimmed[19] != ',');
        return (from, toTheSecond ? from + 999 : from, toTheSecond);
    }

    /// <exception cref="UserException">No client error was logged in the range.</exception>
    public static IReadOnlyList<ErrorAccount> Find(Diagnosis d, (long From, long To, bool ToTheSecond) range)
    {
        var (from, to, toTheSecond) = range;
        var found = d.Accounts.Where(a => a.Error.At.ToUnixTimeMilliseconds() is var t && t >= from && t <= to).ToList();
        if (found.Count > 0)
            return found;
        string shown = DateTimeOffset.FromUnixTimeMilliseconds(from).UtcDateTime.ToString(toTheSecond ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var nearest = d.Accounts.MinBy(a => Math.Abs(a.Error.At.ToUnixTimeMilliseconds() - from));
        string hint = nearest is null ? "this diagnosis has no client errors" : "the nearest is at " + Formats.IsoUtc(nearest.Error.At);
        throw new UserException($"--why: no client error at {shown} UTC; {hint}", ExitCodes.Failure);
    }

    public static void WriteText(TextWriter w, Diagnosis d, IReadOnlyList<ErrorAccount> accounts)
    {
        foreach (var a in accounts)
        {
            var row = DiagnosisViewBuilder.Account(d, a, withDate: true);
            var e = a.Error;
            w.WriteLine($"{Formats.IsoUtc(e.At)}  {e.Kind.Name()} {row.Code}  {row.Host}  {row.Where}");
            w.WriteLine("  " + Formats.Truncate(e.Message.ReplaceLineEndings(" ").Trim(), DiagnosisViewBuilder.MessageWidth));
            w.WriteLine($"  Landed: {row.Landed}");
            w.WriteLine($"  Why: {a.Why}");
            foreach (var m in a.Misses)
                w.WriteLine($"  - {m.RuleId}: {m.Why}");
        }
    }

    public static void WriteJson(TextWriter w, Diagnosis d, IReadOnlyList<ErrorAccount> accounts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var a in accounts)
                DiagnoseJsonRenderer.WriteAccount(json, d, a);
            json.WriteEndArray();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
