namespace LogCorrelator.Ingest.Framing;

/// <summary>The text encodings logs arrive in; persisted with the source, so append only.</summary>
public enum SourceEncoding : byte
{
    Utf8 = 0,
    /// <summary>SQL Server writes ERRORLOG as UTF-16LE with a BOM.</summary>
    Utf16LE = 1,
}
