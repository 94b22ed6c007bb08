using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LogCorrelator.Cli.Logging;

/// <summary>
/// The tool's own log file: each event a CLEF line from Serilog.Formatting.Compact's formatter (as
/// <c>--format clef</c> writes results), appended and flushed per event so a killed run keeps its lines.
/// </summary>
internal sealed class ClefFileSink : ILogEventSink, IDisposable
{
    private readonly CompactJsonFormatter _formatter = new();
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public ClefFileSink(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false));
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, _writer);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
