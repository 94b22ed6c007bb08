using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Wild;

/// <summary>
/// The wild corpus (Fixtures/wild): real excerpts and the events an expert wrote down for each before
/// any code ran. Reads every excerpt as <c>logcorr ingest</c> does (encoding, binary check, detection,
/// the general reader for the rest) and matches what came out against what was expected.
/// </summary>
internal static class WildCorpus
{
    /// <summary>The file time every excerpt is read with, so year-less and date-less stamps are reproducible.</summary>
    public static readonly DateTimeOffset FileTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Root => RepoPaths.File("tests/LogCorrelator.Tests/Fixtures/wild");

    public static IEnumerable<string> Excerpts() =>
        Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal))
            .Where(f => !f.EndsWith(".expected", StringComparison.Ordinal) && Path.GetFileName(f) != "index.tsv");

    public static string Name(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public sealed record Actual(EventKind Kind, int? Code, string? SqlState, string? Extra, long Time, int Line, int EndLine);

    public sealed record Expected(int Line, string Kind, string Code, string Time);

    public sealed record Reading(string Format, List<Actual> Events, string? Skipped, int Problems);

    public static IReadOnlyList<Expected> ExpectedOf(string path)
    {
        var list = new List<Expected>();
        foreach (var raw in File.ReadLines(Path.ChangeExtension(path, ".expected")))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;
            var f = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            list.Add(new Expected(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3]));
        }
        return list;
    }

    public static Reading Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024));
        if (EncodingSniffer.LooksBinary(head[bom..], encoding))
            return new Reading("", [], "binary", 0);
        var run = WildRun.Of(path, bytes);
        var starts = LineStarts(bytes, encoding);
        var events = run.Events.Select(e => new Actual(e.Kind, e.Code, e.SqlState, e.Extra, e.Time,
            e.Line, LineOf(starts, e.Offset + Math.Max(0, e.Length - 1)))).ToList();
        return new Reading(run.Format.Name, events, null, run.Problems.Count);
    }

    /// <summary>An excerpt read as <c>ingest</c> reads a file: detection, else the general reader, with the corpus's file time.</summary>
    private sealed class WildRun : FormatRun
    {
        private WildRun(byte[] bytes, ILogFormat format)
            : base(bytes) => Format = format;

        public ILogFormat Format { get; }

        public static WildRun Of(string path, byte[] bytes)
        {
            var (encoding, bom) = EncodingSniffer.Detect(bytes);
            var sample = FormatDetector.Sample(Path.GetFileName(path), bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), encoding, bom);
            var format = FormatDetector.Detect(sample, FormatRegistry.All).Format ?? FormatRegistry.Text;
            return Read(new WildRun(bytes, format), format, new RunFile(path) { FolderHost = "APPSRV01", Modified = FileTime });
        }
    }

    /// <summary>Byte offsets where each line starts (1-based line n at index n - 1).</summary>
    private static List<long> LineStarts(byte[] bytes, SourceEncoding encoding)
    {
        var starts = new List<long> { 0 };
        int unit = SourceEncodings.Unit(encoding);
        // The byte of a UTF-16 code unit that holds '\n': the first in little endian, the second in big.
        int low = encoding == SourceEncoding.Utf16BE ? 1 : 0;
        for (int i = 0; i + unit - 1 < bytes.Length; i += unit)
        {
            if (bytes[i + low] == '\n' && (unit == 1 || bytes[i + 1 - low] == 0))
                starts.Add(i + unit);
        }
        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        int i = starts.BinarySearch(offset);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The code an expert wrote is one of the numbers the event carries: its code, SQLSTATE or a stated alternative (errno, provider error, native error).</summary>
    public static bool CodeMatches(string code, Actual a)
    {
        if (code == "-")
            return a.Code is null && a.SqlState is null;
        if (a.SqlState is not null && string.Equals(a.SqlState, code, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            return false;
        if (a.Code == n)
            return true;
        foreach (var part in (a.Extra ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            if (eq > 0 && part[..eq] is "errno" or "alt"
                && part[(eq + 1)..].Split(',').Any(v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int alt) && alt == n))
                return true;
        }
        return false;
    }

    public static bool TimeMatches(string time, long actual)
    {
        // A snapshot with no time in its text is dated from the file time and says so ("assumed"): for the
        // expert that is no time at all.
        if (time == "-")
            return actual == EventTime.None || actual == FileTime.ToUnixTimeMilliseconds();
        if (actual == EventTime.None)
            return false;
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(actual).UtcDateTime;
        if (time.StartsWith('~'))
        {
            var (of, digits) = Parse(time[1..], "HH:mm:ss");
            return Truncate(utc.TimeOfDay.Ticks, digits) == of.TimeOfDay.Ticks;
        }
        var (expected, d) = Parse(time.TrimEnd('Z'), "yyyy-MM-dd'T'HH:mm:ss");
        return Truncate(utc.Ticks, d) == expected.Ticks;
    }

    private static (DateTime Value, int Digits) Parse(string text, string layout)
    {
        int dot = text.IndexOf('.');
        int digits = dot < 0 ? 0 : Math.Min(3, text.Length - dot - 1);
        string whole = dot < 0 ? text : text[..dot];
        var value = DateTime.ParseExact(whole, layout, CultureInfo.InvariantCulture);
        if (dot >= 0)
        {
            string fraction = text[(dot + 1)..];
            fraction = fraction[..Math.Min(3, fraction.Length)].PadRight(3, '0');
            value = value.AddMilliseconds(int.Parse(fraction, CultureInfo.InvariantCulture));
        }
        return (value, digits);
    }

    private static long Truncate(long ticks, int digits)
    {
        long unit = digits switch { 0 => TimeSpan.TicksPerSecond, 1 => TimeSpan.TicksPerSecond / 10, 2 => TimeSpan.TicksPerSecond / 100, _ => TimeSpan.TicksPerMillisecond };
        return ticks - ticks % unit;
    }

    /// <summary>Matches expected events to actual ones (each used once), nearest line first; returns the misses.</summary>
    public static List<(Expected Want, string Why)> Misses(IReadOnlyList<Expected> expected, List<Actual> actual)
    {
        var used = new bool[actual.Count];
        var misses = new List<(Expected, string)>();
        foreach (var want in expected.OrderBy(w => w.Line))
        {
            int best = -1;
            int bestDistance = int.MaxValue;
            for (int i = 0; i < actual.Count; i++)
            {
                var a = actual[i];
                if (used[i] || a.Kind.Name() != want.Kind || !CodeMatches(want.Code, a) || !TimeMatches(want.Time, a.Time))
                    continue;
                int distance = want.Line < a.Line ? a.Line - want.Line : want.Line > a.EndLine ? want.Line - a.EndLine : 0;
                if (distance < bestDistance)
                    (best, bestDistance) = (i, distance);
            }
            if (best >= 0)
            {
                used[best] = true;
                continue;
            }
            var near = actual.Where(a => a.Line <= want.Line && want.Line <= a.EndLine).Select(Describe).FirstOrDefault()
                ?? actual.OrderBy(a => Math.Abs(a.Line - want.Line)).Select(Describe).FirstOrDefault() ?? "no events";
            misses.Add((want, near));
        }
        return misses;
    }

    public static string Describe(Actual a)
    {
        string time = a.Time == EventTime.None ? "-" : DateTimeOffset.FromUnixTimeMilliseconds(a.Time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $"{a.Line}-{a.EndLine} {a.Kind.Name()} {a.Code?.ToString(CultureInfo.InvariantCulture) ?? a.SqlState ?? "-"} {time}{(a.Extra is null ? "" : " [" + a.Extra + "]")}";
    }

}
