using System.Globalization;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose;

/// <summary>
/// What kind of failure a client error code is, so a report keeps transport errors (a connection
/// that broke) and failures to open one (the network errors the rules explain) apart from timeouts,
/// deadlocks, permission, login and database-availability errors, which no network cause explains.
/// </summary>
public static class ErrorCategories
{
    public const string Transport = "transport";
    public const string Connection = "connection";
    public const string Timeout = "timeout";
    public const string Login = "login";
    public const string Database = "database";
    public const string Deadlock = "deadlock";
    public const string Permission = "permission";
    public const string Other = "other";

    public static string Of(string? code) => code switch
    {
        // WSAECONNRESET, WSAECONNABORTED, Communication link failure, ERROR_NETNAME_DELETED,
        // pipe not connected, semaphore timeout, WSAETIMEDOUT, DBNETLIB's native 11 (General network
        // error), WSAENOTCONN (socket not connected), no code at all (seeds 000, 001, 004).
        null or "10054" or "10053" or "08S01" or "64" or "233" or "121" or "10060" or "109" or "11" or "10057" => Transport,
        // Does not exist or access denied, refused, port in use, server not found, instance not
        // found, host unknown, unreachable, connection-open SQLSTATEs (seed 003).
        "17" or "10061" or "10048" or "53" or "-1" or "11001" or "10065" or "08001" or "40" => Connection,
        // The command (or login) ran past its timeout: the connection was still there (issue 16).
        "-2" or "HYT00" or "HYT01" => Timeout,
        "18456" or "18452" or "18470" or "18486" or "18487" or "18488" or "28000" => Login,
        // Cannot open database, the default database is unavailable, script-upgrade mode after a
        // restart, database in transition: the server answered, the database was not ready (issue 16).
        "4060" or "4064" or "18401" or "952" or "40613" => Database,
        "1205" => Deadlock,
        // Permission denied on an object; SQLSTATE 42000 (syntax error or access violation).
        "229" or "230" or "262" or "42000" => Permission,
        _ => Other,
    };

    /// <summary>The category of a loaded code (<see cref="EventColumns.None"/>: no code, a transport error).</summary>
    public static string Of(int code) => Of(code == EventColumns.None ? null : code.ToString(CultureInfo.InvariantCulture));

    /// <summary>Transport and connection errors are what network causes explain; the rest stays out of their counts.</summary>
    public static bool IsNetwork(string category) => category is Transport or Connection;

    /// <summary>Why an error of a category that is not a network error is kept out of the network counts.</summary>
    public static string WhyNotNetwork(string category, string? code) => category switch
    {
        Timeout => $"a timeout ({code}): the command or login outlasted its timeout on a connection that was still open",
        Login => $"a login failure ({code}): the server refused the credentials; the network carried the answer",
        Database => code switch
        {
            "18401" => "a login refused in script upgrade mode (18401): after an update only administrators may log in until its scripts finish",
            "4064" => "a database-availability error (4064): the login's default database could not be opened",
            _ => $"a database-availability error ({code}): the server answered but the database could not be opened",
        },
        Deadlock => $"a deadlock victim ({code}): the server chose this session to roll back; the connection stays usable",
        Permission => $"a permission error ({code}): the server refused the statement; the connection stays usable",
        _ => $"a SQL Server error ({code ?? "no code"}) that is not a transport or connection failure",
    };
}
