using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Java;
using LogCorrelator.Tests.Fixtures;

namespace LogCorrelator.Tests.Ingest.Drivers;

public sealed class JavaFormatTests
{
    private static readonly JavaFormat Format = new();

    public static TheoryData<string, string, string, string, bool> Layouts => new()
    {
        // line, UTC time, level, message, a Java-only layout
        { "2024-03-05 11:32:15.123 ERROR [http-nio-8080-exec-3] c.e.orders.OrderDao - Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "2024-03-05 11:32:15,123 ERROR [main] com.example.OrderDao - Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "ERROR 2024-03-05 11:32:15,123 [main] com.example.OrderDao - Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "WARN  2024-03-05 11:32:15,123 Lost the database", "2024-03-05 11:32:15.123", "Warning", "Lost the database", false },
        { "2024-03-05T11:32:15.123+01:00 ERROR 4242 --- [orders] [nio-8080-exec-3] c.e.orders.OrderDao : Lost the database", "2024-03-05 10:32:15.123", "Error", "Lost the database", true },
        { "2024-03-05 11:32:15.123 ERROR 4242 --- [nio-8080-exec-3] c.e.orders.OrderDao           : Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "2024-03-05 11:32:15.123  WARN 4242 --- [           main] o.s.b.StartupInfoLogger : Slow start", "2024-03-05 11:32:15.123", "Warning", "Slow start", true },
        { "2024-03-05 11:32:15.123 [main] ERROR c.e.orders.OrderDao - Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        // log4net's layout with a .NET logger name: read generically, not counted as Java.
        { "2024-03-05 11:32:15,123 [12] ERROR Orders.Api.Worker - Batch failed", "2024-03-05 11:32:15.123", "Error", "Orders.Api.Worker - Batch failed", false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Each_layout_yields_its_utc_time_level_and_message(string line, string utc, string level, string message, bool java)
    {
        Assert.True(JavaHeaderParser.TryParse(line, out LogHeader header));
        Assert.Equal(level, header.Level.ToString());
        Assert.Equal(java, header.Family == LogFamily.Java);

        var run = DriverRun.Text(Format, line + "\n");

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal(utc, DriverRun.Utc(e.Time));
        Assert.Equal(EventKind.Info, e.Kind);
        Assert.Equal(message, run.Message(e));
    }

    [Theory]
    [InlineData("jtds-refused.log", "2024-03-05 11:32:03.352", 10061, "errno=111; code=implied", "java.sql.SQLException: Network error IOException: Connection refused")]
    [InlineData("jtds-reset.log", "2024-03-05 11:32:03.374", 10054, "errno=104; code=implied", "java.sql.SQLException: Network error IOException: Connection reset by peer")]
    [InlineData("jtds-prelogin.log", "2024-03-05 11:32:03.460", null, null, "java.sql.SQLException: I/O Error: DB server closed connection.")]
    [InlineData("jtds-timeout.log", "2024-03-05 11:32:06.227", null, null, "java.sql.SQLException: I/O Error: Socket closed")]
    public void Each_recorded_jtds_failure_is_one_error_with_its_cause_chain(string file, string utc, int? code, string? extra, string message)
    {
        var run = DriverRun.Fixture(Format, file);

        Assert.Equal(2, run.Events.Count);
        Assert.Equal("Connecting to 127.0.0.1:", run.Message(run.Events[0])[..24]);
        LogEvent e = run.Events[1];
        // jTDS's SQLException states no SQLSTATE in its text; it is 08S01 for all four (recorded).
        Assert.Equal((EventKind.Error, utc, code, "08S01", extra, 2), (e.Kind, DriverRun.Utc(e.Time), e.Code, e.SqlState, e.Extra, e.Line));
        Assert.Equal(message, run.Message(e));
        string[] lines = RecordedFixture.Lines(file);
        Assert.Equal(string.Join("\n", lines[1..]) + "\n", run.Entry(e));
        Assert.Contains("\nCaused by: ", run.Entry(e));
    }

    [Fact]
    public void Logback_entries_group_their_causes_and_take_the_code_of_the_deepest()
    {
        var run = DriverRun.Fixture(Format, "mssql-jdbc-logback.log");

        Assert.Equal(
        [
            "2024-03-05 11:30:02.114 info - - APPSRV01 line 1",
            "2024-03-05 11:30:02.377 info - - APPSRV01 line 2",
            "2024-03-05 11:32:06.611 error 10054 08S01 APPSRV01 line 3",
            "2024-03-05 11:32:06.615 error 10054 - APPSRV01 line 21",
            "2024-03-05 11:32:36.640 error 10061 - APPSRV01 line 37",
            "2024-03-05 11:32:51.002 info - - APPSRV01 line 51",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("Started OrdersApplication in 6.214 seconds (process running for 6.9)", run.Message(run.Events[0]));

        // HikariCP's warning: its SQLSTATE(08S01), the driver's exception as the message.
        LogEvent broken = run.Events[2];
        Assert.Equal("com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset ClientConnectionId:7a5c6ab4-2f1e-4d0b-9b6c-3e8f1a2d4c5b", run.Message(broken));
        // "Connection reset" names no number: the code is implied.
        Assert.Equal("ccid=7a5c6ab4-2f1e-4d0b-9b6c-3e8f1a2d4c5b; code=implied", broken.Extra);

        // Spring's wrapper: the first driver exception of the chain is the message.
        LogEvent wrapped = run.Events[3];
        Assert.Equal("com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset ClientConnectionId:7a5c6ab4-2f1e-4d0b-9b6c-3e8f1a2d4c5b", run.Message(wrapped));
        Assert.EndsWith("\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)\n\t... 4 common frames omitted\n", run.Entry(wrapped));

        // The pool's timeout says nothing about the socket; its cause says the port refused.
        LogEvent refused = run.Events[4];
        Assert.Equal(("errno=111; code=implied", "sqlprod01", 1433), (refused.Extra, refused.Peer, refused.Port!.Value));
        Assert.Equal("java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30001ms (total=0, active=0, idle=0, waiting=0)", run.Message(refused));
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Spring_boot_lines_carry_their_offset_and_a_root_cause_entry_its_exception()
    {
        var run = DriverRun.Fixture(Format, "mssql-jdbc-springboot.log");

        Assert.Equal(
        [
            "2024-03-05 10:30:00.812 info - - APPSRV01 line 1",
            "2024-03-05 10:32:06.604 error 10054 - APPSRV01 line 2",
            "2024-03-05 10:32:06.711 info - - APPSRV01 line 15",
            "2024-03-05 10:32:09.950 error 10054 08S01 APPSRV01 line 16",
            "2024-03-05 10:32:51.118 info - - APPSRV01 line 17",
        ], run.Events.Select(e => DriverRun.Row(e)));
        // Seed 002's Windows JDK text: WSAECONNRESET with no errno.
        Assert.Equal("code=implied", run.Events[1].Extra);
        Assert.Equal("java.net.SocketException: Connection reset by peer: socket write error", run.Message(run.Events[1]));
        Assert.Equal("Started OrdersApplication in 5.902 seconds (process running for 6.41)", run.Message(run.Events[0]));
        Assert.Equal("ccid=e1b0c7d2-3a4f-4c6e-8b9d-0f2a1c3e5d7b; code=implied", run.Events[3].Extra);
        Assert.Equal("in each timestamp", run.Clock.Describe());
    }

    [Fact]
    public void Level_first_log4j_groups_the_recorded_jtds_trace()
    {
        var run = DriverRun.Fixture(Format, "jtds-levelfirst.log");

        Assert.Equal(
        [
            "2024-03-05 11:32:03.120 info - - APPSRV01 line 1",
            "2024-03-05 11:32:03.374 error 10054 08S01 APPSRV01 line 2",
            "2024-03-05 11:32:08.380 info - - APPSRV01 line 21",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("java.sql.SQLException: Network error IOException: Connection reset by peer", run.Message(run.Events[1]));
        Assert.Equal("Retrying in 5 s", run.Message(run.Events[2]));
    }
}
