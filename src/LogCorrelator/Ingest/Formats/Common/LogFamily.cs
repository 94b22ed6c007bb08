namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// The runtime a log's layout and stack traces belong to. Detection counts the lines that show one
/// (a Serilog <c>[ERR]</c>, a Python traceback, a Java <c>at ...(X.java:12)</c> frame) to decide which
/// format owns a timestamped log.
/// </summary>
internal enum LogFamily : byte
{
    None = 0,
    DotNet,
    Python,
    Java,
}
