using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Text;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>One message in, one kind and its fields out.</summary>
public sealed class ErrorLogClassifierTests
{
    private static LogEvent Classify(string process, string message, int? code = null)
    {
        var e = default(LogEvent);
        ErrorLogClassifier.Classify(process, message, code, new NamePool(), ref e);
        return e;
    }

    [Theory]
    [InlineData("SQL Server is now ready for client connections. This is an informational message; no user action is required.", EventKind.Ready)]
    [InlineData("SQL Server is terminating because of a system shutdown. This is an informational message only. No user action is required.", EventKind.Shutdown)]
    [InlineData("SQL Server is terminating in response to a 'stop' request from Service Control Manager. This is an informational message only. No user action is required.", EventKind.Shutdown)]
    [InlineData("Server shut down by request from login sa.", EventKind.Shutdown)]
    [InlineData("Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ", EventKind.Restart)]
    [InlineData("Server process ID is 4242.", EventKind.Restart)]
    [InlineData("Logging SQL Server messages in file 'D:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG'.", EventKind.Restart)]
    [InlineData("Microsoft SQL Server Analysis Services is not installed.", EventKind.Info)]
    // A startup-only line is a restart marker; the block reader keeps one restart per block.
    [InlineData("Starting up database 'master'.", EventKind.Restart)]
    [InlineData("Starting up database 'Orders'.", EventKind.Info)]
    [InlineData("UTC adjustment: -5:00", EventKind.Info)]
    [InlineData("Server name is 'SQLPROD01'. This is an informational message only. No user action is required.", EventKind.Info)]
    [InlineData("The error log has been reinitialized. See the previous log for older entries.", EventKind.Info)]
    [InlineData("The tempdb database has 8 data file(s).", EventKind.Info)]
    [InlineData("", EventKind.Info)]
    public void Lifecycle_messages(string message, EventKind expected) =>
        Assert.Equal(expected, Classify("Server", message).Kind);

    [Fact]
    public void A_kill_takes_the_victims_spid_and_the_killing_host()
    {
        var e = Classify("spid52", "Process ID 54 was killed by hostname APP01, host process ID 4412.");
        Assert.Equal((EventKind.Kill, 54, "APP01", "hostpid=4412"), (e.Kind, e.Spid, e.Peer, e.Extra));
    }

    [Fact]
    public void A_kill_by_a_DDL_statement_names_no_host()
    {
        var e = Classify("spid70", "Process ID 54 was killed by an ABORT_AFTER_WAIT = BLOCKERS DDL statement on database_id = 5, object_id = 1977058079.");
        Assert.Equal((EventKind.Kill, 54, (string?)null, (string?)null), (e.Kind, e.Spid, e.Peer, e.Extra));
    }

    [Theory]
    [InlineData("The mirrored database \"OrdersDb\" is changing roles from \"PRINCIPAL\" to \"MIRROR\" due to Failover.",
        "db=OrdersDb; from=PRINCIPAL; to=MIRROR")]
    [InlineData("The mirrored database \"OrdersDb\" is changing roles from \"MIRROR\" to \"PRINCIPAL\" due to Failover from partner.",
        "db=OrdersDb; from=MIRROR; to=PRINCIPAL")]
    [InlineData("The availability group database \"OrdersDb\" is changing roles from \"PRIMARY\" to \"RESOLVING\" because the mirroring session or availability group failed over due to role synchronization. This is an informational message only. No user action is required.",
        "db=OrdersDb; from=PRIMARY; to=RESOLVING")]
    [InlineData("The state of the local availability replica in availability group 'AG1' has changed from 'PRIMARY_NORMAL' to 'RESOLVING_NORMAL'.  The state changed because the local instance of SQL Server is shutting down.  For more information, see the SQL Server error log or cluster log.",
        "ag=AG1; from=PRIMARY_NORMAL; to=RESOLVING_NORMAL")]
    public void Role_changes_are_failovers_with_their_roles(string message, string extra)
    {
        var e = Classify("spid31s", message);
        Assert.Equal((EventKind.Failover, extra, 31), (e.Kind, e.Extra, e.Spid));
    }

    [Fact]
    public void A_mirroring_message_without_roles_is_info()
    {
        var e = Classify("spid31s", "The mirrored database \"OrdersDb\" is in the process of being removed.");
        Assert.Equal((EventKind.Info, (string?)null), (e.Kind, e.Extra));
    }

    [Theory]
    [InlineData(18456, "Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.0.5]", EventKind.LoginFailed, "10.0.0.5")]
    [InlineData(18452, "Login failed. The login is from an untrusted domain and cannot be used with Integrated authentication. [CLIENT: 10.0.0.6]", EventKind.LoginFailed, "10.0.0.6")]
    [InlineData(18456, "Login failed for user 'NT AUTHORITY\\SYSTEM'. Reason: Failed to open the explicitly specified database 'x'. [CLIENT: <local machine>]", EventKind.LoginFailed, "<local machine>")]
    [InlineData(17832, "The login packet used to open the connection is structurally invalid; the connection has been closed. Please contact the vendor of the client library. [CLIENT: 10.1.2.3]", EventKind.ServerError, "10.1.2.3")]
    [InlineData(823, "The operating system returned error 21(The device is not ready.) to SQL Server during a read at offset 0x00000000012000 in file 'E:\\Data\\x.mdf'.", EventKind.ServerError, null)]
    public void Numbered_errors(int code, string message, EventKind kind, string? peer)
    {
        var e = Classify("Logon", message, code);
        Assert.Equal((kind, code, peer), (e.Kind, e.Code, e.Peer));
    }

    [Fact]
    public void A_login_failure_without_its_error_line_has_no_code()
    {
        var e = Classify("Logon", "Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. [CLIENT: 10.20.1.77]");
        Assert.Equal((EventKind.LoginFailed, (int?)null, "10.20.1.77"), (e.Kind, e.Code, e.Peer));
    }

    [Theory]
    [InlineData("spid52", 52)]
    [InlineData("spid11s", 11)]
    [InlineData("SPID7", 7)]
    [InlineData("Server", null)]
    [InlineData("Logon", null)]
    [InlineData("Backup", null)]
    [InlineData("spid", null)]
    [InlineData("spid12x", null)]
    public void Spid_from_the_process_column(string process, int? spid) =>
        Assert.Equal(spid, ErrorLogClassifier.SpidOf(process));
}
