using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Sniffing;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Java;

/// <summary>
/// Logs of Java services (logback, log4j, Spring Boot) whose JDBC driver is Microsoft's mssql-jdbc or
/// jTDS: one entry per record, its stack trace and <c>Caused by:</c> chain included. The code comes
/// from the deepest cause that decides one (the socket's own error under a driver's or a pool's
/// wrapper); the message is the first database exception line.
/// </summary>
internal sealed class JavaFormat : ILogFormat, IEntryLayout
{
    // Deeper chains exist (Spring, Hibernate, Hikari, driver, socket), but not much deeper.
    private const int MaxCauses = 16;

    public string Name => "java";

    public double Score(SniffSample sample) => StampedLogSniffer.Profile(sample).ScoreFor(LogOwner.Java);

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        StampedEntryFramer.Read(lines, context, sink, this);

    public bool TryParseHeader(ReadOnlySpan<char> line, out LogHeader header) => JavaHeaderParser.TryParse(line, out header);

    public void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e)
    {
        EntryEvent.Begin(entry, header, context, ref e);
        ReadOnlySpan<char> text = entry.Text;
        if (!ClientErrorClassifier.TryClassify(text, context.Names, out ClientError error))
            return;
        EntryEvent.SetError(DeepestCode(text, error), ref e);

        if (ExceptionLine.TryFind(text, out int start, out int end) || JavaTrace.TryFindFirstException(text, out start, out end))
        {
            // "Caused by: com.microsoft...SQLServerException: ..." shows from the type name on.
            EntryEvent.SetMessage(entry, start, end, ref e);
        }
        if (JdbcEndpoint.TryFind(text, out Range host, out int port))
        {
            e.Peer = context.Names.Intern(text[host]);
            e.Port = port;
        }
    }

    private static ClientError DeepestCode(ReadOnlySpan<char> text, ClientError error)
    {
        Span<int> starts = stackalloc int[MaxCauses];
        int n = JavaTrace.CauseStarts(text, starts);
        int end = text.Length;
        for (int i = n - 1; i >= 0; i--)
        {
            if (ClientErrorClassifier.TryDecideCode(text[starts[i]..end], out int? code, out int? errno))
                return error with { Code = code, Errno = errno };
            end = starts[i];
        }
        return error;
    }
}
