namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>The severity an application log line states after its timestamp.</summary>
internal enum LogLevel : byte
{
    None = 0,
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Fatal,
}
