namespace LogCorrelator.Ingest.Classify;

/// <summary>What the classifier read from a database client error text.</summary>
/// <param name="Code">SqlException / Winsock / SQL Server number, normalised to the Windows value.</param>
/// <param name="SqlState">ODBC SQLSTATE such as 08S01, interned.</param>
/// <param name="Errno">The Linux errno the text stood for, when the code was normalised from one.</param>
/// <param name="ConnectionId">SqlClient's and mssql-jdbc's <c>ClientConnectionId</c>.</param>
/// <param name="Alternatives">Other numbers the text prints (provider error, inner OS error, driver message number), comma separated.</param>
/// <param name="Implied">The code was read from the text's words, not printed.</param>
internal readonly record struct ClientError(int? Code, string? SqlState, int? Errno, string? ConnectionId, string? Alternatives = null, bool Implied = false)
{
    /// <summary>The extra attributes an event carries for this error, as <c>key=value; key=value</c>.</summary>
    public string? Extra()
    {
        var parts = new List<string>(4);
        if (ConnectionId is not null)
            parts.Add($"ccid={ConnectionId}");
        if (Errno is int errno)
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"errno={errno}"));
        if (Alternatives is not null)
            parts.Add($"alt={Alternatives}");
        if (Implied && Code is not null)
            parts.Add("code=implied");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
