using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>Runs <see cref="ErrorLogFormat"/> (or another format) over bytes the way the ingest runner does: sniff the encoding, frame, read.</summary>
internal static class ErrorLogReading
{
    /// <summary>Where the test pretends the file lives; only its folder matters (for <see cref="FolderHints"/>).</summary>
    public const string DefaultPath = "incident/SQLPROD01/ERRORLOG";

    public static ErrorLogRun Read(byte[] bytes, string path = DefaultPath, ZoneSpec? userZone = null,
        FolderHints? hints = null, string? folderHost = null, string? userHost = null, ILogFormat? format = null)
    {
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        var problems = new RecordingProblems();
        var context = new IngestContext
        {
            Path = path,
            RelativePath = path,
            Clock = new SourceClock(userZone),
            Problems = problems,
            Names = new NamePool(),
            Hints = hints ?? new FolderHints(),
            FolderHost = folderHost,
            UserHost = userHost,
        };
        var sink = new EventList();
        using (var lines = new LineReader(new MemoryStream(bytes), encoding, bom, problems))
            (format ?? new ErrorLogFormat()).Read(lines, context, sink);
        return new ErrorLogRun(bytes, encoding, sink.Items, problems.Items, context);
    }

    public static ErrorLogRun ReadSample(string name, ZoneSpec? userZone = null, FolderHints? hints = null) =>
        Read(File.ReadAllBytes(SamplePath(name)), "incident-restart/SQLPROD01/" + name, userZone, hints, folderHost: "SQLPROD01");

    /// <summary>sample-logs/incident-restart/SQLPROD01/<paramref name="name"/>, found from the test binaries upwards.</summary>
    public static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "sample-logs", "incident-restart", "SQLPROD01", name);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("sample ERRORLOG not found above the test binaries", name);
    }
}
