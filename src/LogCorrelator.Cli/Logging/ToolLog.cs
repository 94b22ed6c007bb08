using Serilog;
using Serilog.Core;

namespace LogCorrelator.Cli.Logging;

/// <summary>
/// <c>--log FILE</c>: what logcorr itself did (the command and its redacted arguments, how it ended, each
/// probe attempt), as CLEF through Serilog. Without the option every call goes to a silent logger. The
/// file is opened after the command line is parsed, so commands hold this and ask for <see cref="Logger"/> late.
/// </summary>
internal sealed class ToolLog : IDisposable
{
    private Logger? _logger;
    private ClefFileSink? _sink;

    public ILogger Logger => (ILogger?)_logger ?? Serilog.Core.Logger.None;

    /// <summary>Opens (appends to) the file; a path that cannot be written is the user's error, said in one line.</summary>
    public void Open(string path)
    {
        try
        {
            _sink = new ClefFileSink(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"--log '{path}': cannot write it: {e.Message}", ExitCodes.Failure);
        }
        _logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(_sink).CreateLogger();
    }

    public void Dispose()
    {
        _logger?.Dispose();
        _sink?.Dispose();
    }
}
