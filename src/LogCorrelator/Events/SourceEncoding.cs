namespace LogCorrelator.Events;

/// <summary>The text encodings logs arrive in; persisted with the source, so append only.</summary>
public enum SourceEncoding : byte
{
    Utf8 = 0,
    /// <summary>SQL Server writes ERRORLOG as UTF-16LE with a BOM.</summary>
    Utf16LE = 1,
    /// <summary>UTF-16 big endian (a BOM FE FF, or NULs in the even bytes of ASCII text).</summary>
    Utf16BE = 2,
    /// <summary>Windows-1252: bytes that are not UTF-8 (a German or French Windows tool's output saved as is).</summary>
    Windows1252 = 3,
}
