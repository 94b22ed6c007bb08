namespace LogCorrelator.Ingest.Classify;

/// <summary>What the classifier read from a database client error text.</summary>
/// <param name="Code">SqlException / Winsock / SQL Server number, normalised to the Windows value.</param>
/// <param name="SqlState">ODBC SQLSTATE such as 08S01, interned.</param>
/// <param name="Errno">The Linux errno the text stood for, when the code was normalised from one.</param>
/// <param name="ConnectionId">SqlClient's and mssql-jdbc's <c>ClientConnectionId</c>.</param>
internal readonly record struct ClientError(int? Code, string? SqlState, int? Errno, string? ConnectionId)
{
    /// <summary>The extra attributes an event carries for this error, as <c>key=value; key=value</c>.</summary>
    public string? Extra() => (ConnectionId, Errno) switch
    {
        (null, null) => null,
        (string id, null) => $"ccid={id}",
        (null, int errno) => $"errno={errno}",
        (string id, int errno) => $"ccid={id}; errno={errno}",
    };
}
