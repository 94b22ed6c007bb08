namespace LogCorrelator.Query.Semantics;

/// <summary>What a field holds, which decides the comparisons and keys it takes.</summary>
internal enum FieldType
{
    /// <summary>host and peer: machine names, equal on the short name whatever the case.</summary>
    Name,
    /// <summary>source: the file's path relative to the ingested folder.</summary>
    Source,
    /// <summary>spid, port, count: whole numbers.</summary>
    Number,
    /// <summary>code: an error number or, written like one, a SQLSTATE.</summary>
    Code,
    /// <summary>sqlstate and message: text, compared case-insensitively.</summary>
    Text,
    Kind,
    Time,
}
