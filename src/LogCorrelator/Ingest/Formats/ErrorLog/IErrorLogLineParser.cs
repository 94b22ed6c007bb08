namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Finds timestamp, process and message in a line. The ERRORLOG file and a saved
/// xp_readerrorlog result differ only here; framing and classification are shared.
/// </summary>
internal interface IErrorLogLineParser
{
    ErrorLogLineShape Parse(ReadOnlySpan<char> line, out ErrorLogHeader header);
}
