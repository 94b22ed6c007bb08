namespace LogCorrelator.Ingest.Formats.Odbc;

/// <summary>What the first line of an ODBC trace record says.</summary>
/// <param name="Function">Character range of the ODBC function in the line (<c>SQLExecDirectW</c>).</param>
/// <param name="ReturnCode">Windows: the <c>EXIT</c> line's return code (-1 is SQL_ERROR); null on <c>ENTER</c> and in unixODBC.</param>
/// <param name="UtcMs">unixODBC: the record's own time (Unix seconds and microseconds); null in Windows traces.</param>
internal readonly record struct TraceRecordHeader(Range Function, int? ReturnCode, long? UtcMs);
