namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>The severity an application log line states after its timestamp.</summary>
internal enum AppLogLevel : byte
{
    None = 0,
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Fatal,
}
