using System.Net.Sockets;
using Microsoft.Data.SqlClient;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// Microsoft.Data.SqlClient 7.1.2 (the version the product ships), live, against each loopback fault:
/// pins the error numbers and texts the SqlClient ingester, the probe and the diagnosis rules key on
/// (see recorded/README.md; 2.1.4's texts stay in the sqlclient-*.log recordings).
/// </summary>
public sealed class LiveSqlClientFaultTests
{
    [Fact]
    public void A_closed_port_fails_with_provider_error_35_and_no_os_reason()
    {
        var ex = OpenAgainst(FaultMode.Refused);

        // 2.1.4 said 'error: 40 - Could not open a connection to SQL Server' here; 7.1.2 names no reason at all.
        Assert.StartsWith("A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.", ex.Message);
        Assert.EndsWith("(provider: TCP Provider, error: 35 - An internal exception was caught)", ex.Message);
        Assert.Equal(0, ex.Number);
        Assert.Equal(20, ex.Class);
    }

    [Fact]
    public void A_reset_on_accept_fails_with_provider_error_35_connection_reset_by_peer()
    {
        var ex = OpenAgainst(FaultMode.ResetOnAccept);

        // Whether the RST beats the client's pre-login write is a race: a cold process usually loses
        // it on the write ("unable to establish a connection ... before login"), a warm one on the
        // read ("successfully established ... pre-login handshake"), and the socket error comes
        // either wrapped in an IOException ("... the transport connection: Connection reset by peer.")
        // or bare (seen on a fresh CI machine). All end the same way.
        Assert.EndsWith("(provider: TCP Provider, error: 35 - An internal exception was caught)", ex.Message);
        var socket = ex.InnerException switch
        {
            IOException io => Assert.IsType<SocketException>(io.InnerException),
            SocketException bare => bare,
            var other => throw new Xunit.Sdk.XunitException($"unexpected inner exception {other?.GetType()}"),
        };
        if (ex.InnerException is IOException wrapped)
        {
            Assert.EndsWith("the transport connection: Connection reset by peer.", wrapped.Message);
        }

        Assert.Equal(SocketError.ConnectionReset, socket.SocketErrorCode);
        Assert.Contains(" ---> System.Net.Sockets.SocketException (104): Connection reset by peer", ex.ToString());
        Assert.Equal(0, ex.Number);
        Assert.Equal(20, ex.Class);
    }

    [Fact]
    public void A_close_after_pre_login_fails_in_the_pre_login_handshake()
    {
        var ex = OpenAgainst(FaultMode.CloseAfterPreLogin);

        // After "error: 0 - " SqlClient prints the thread's last OS error, whatever it was ("Success",
        // "Unknown error 203", "No such file or directory" were all seen), and Number is that code.
        Assert.StartsWith(
            "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - ",
            ex.Message);
        Assert.Equal(20, ex.Class);
    }

    [Fact]
    public void A_silent_server_fails_with_connection_timeout_expired_number_minus_2()
    {
        var ex = OpenAgainst(FaultMode.Silent);

        Assert.StartsWith("Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.", ex.Message);
        Assert.Contains("The duration spent while attempting to connect to this server was - [Pre-Login] initialization=", ex.Message);
        Assert.Equal(-2, ex.Number);
        Assert.Equal(11, ex.Class);
    }

    private static SqlException OpenAgainst(FaultMode mode)
    {
        using var listener = FaultListener.Start(mode);
        // No pooling: a failed open would otherwise put the pool in its blocking period.
        string connectionString = $"Server=tcp:127.0.0.1,{listener.Port};User Id=app;Password=NotTheRealOne1;"
            + "Connect Timeout=3;ConnectRetryCount=0;Encrypt=False;Pooling=false";
        using var connection = new SqlConnection(connectionString);
        return Assert.Throws<SqlException>(connection.Open);
    }
}
