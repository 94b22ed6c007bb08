using System.Net;

namespace LogCorrelator.Query.Planning;

/// <summary>How host and peer names compare, in <c>on host</c> and in <c>where host = X</c>.</summary>
internal static class HostNames
{
    /// <summary>
    /// The same machine is written differently by different logs: <c>SQLPROD01</c> in ERRORLOG,
    /// <c>sqlprod01.corp.local</c> in a connection string, <c>SQLPROD01\SALES</c> for a named
    /// instance, <c>APPSRV01:4412</c> with a port. Compare case-insensitively on the bare short name;
    /// IP addresses are kept whole.
    /// </summary>
    public static string Canonical(string name)
    {
        var text = name.AsSpan().Trim();
        int slash = text.IndexOf('\\');
        if (slash >= 0)
            text = text[..slash];
        if (text.Count(':') == 1)
            text = text[..text.IndexOf(':')];
        if (!IPAddress.TryParse(text, out _) && text.IndexOf('.') is int dot and > 0)
            text = text[..dot];
        return text.ToString().ToUpperInvariant();
    }
}
