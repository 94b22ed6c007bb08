namespace LogCorrelator.Diagnose;

/// <summary>
/// What kind of failure a client error code is, so a report keeps transport errors (a connection
/// that broke) apart from failures to open one, timeouts, login failures and plain SQL errors.
/// </summary>
public static class ErrorCategories
{
    public const string Transport = "transport";
    public const string Connection = "connection";
    public const string Timeout = "timeout";
    public const string Login = "login";
    public const string Other = "other";

    public static string Of(string? code) => code switch
    {
        // WSAECONNRESET, WSAECONNABORTED, Communication link failure, ERROR_NETNAME_DELETED,
        // pipe not connected, semaphore timeout, WSAETIMEDOUT, DBNETLIB's native 11 (General network
        // error), no code at all.
        null or "10054" or "10053" or "08S01" or "64" or "233" or "121" or "10060" or "109" or "11" => Transport,
        // Does not exist or access denied, refused, port in use, server not found, instance not
        // found, host unknown, database not open yet, unreachable, connection-open SQLSTATEs.
        "17" or "10061" or "10048" or "53" or "-1" or "11001" or "4060" or "10065" or "08001" or "40" => Connection,
        "-2" or "HYT00" or "HYT01" => Timeout,
        "18456" or "18452" or "18470" or "18486" or "18487" or "18488" or "28000" => Login,
        _ => Other,
    };
}
