using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Sniffing;

namespace LogCorrelator.Tests.Ingest.Drivers;

public sealed class SampleOwnerTests
{
    [Theory]
    // A .NET log4net layout with a PascalCase logger and .NET frames: the app log's.
    [InlineData("AppLog", "2024-03-05 11:32:15,123 [12] ERROR Orders.Api.Worker - Batch failed\nSystem.InvalidOperationException: boom\n   at Orders.Api.Worker.Run() in D:\\src\\Worker.cs:line 12")]
    // The same layout naming its ODBC driver: the ODBC client's.
    [InlineData("OdbcLog", "2024-03-05 11:32:15,123 [12] INFO  Billing.Export - DSN=Billing; driver ODBC Driver 17 for SQL Server\n2024-03-05 11:32:16,000 [12] INFO  Billing.Export - started")]
    // A pyodbc traceback quotes ODBC text, but the Python lines outnumber it.
    [InlineData("Python", "2024-03-05 11:32:15,123 ERROR orders.db: failed\nTraceback (most recent call last):\n  File \"/opt/job.py\", line 3, in main\npyodbc.OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW)')")]
    // A logback layout and Java frames.
    [InlineData("Java", "2024-03-05 11:32:15.123 ERROR [main] c.e.OrderDao - failed\njava.sql.SQLException: I/O Error: Connection reset\n\tat net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1093)")]
    // A Windows ODBC trace has no timestamped line at all.
    [InlineData("OdbcTrace", "app             1a2c-3b4d\tENTER SQLExecDirectW \n\t\tHSTMT  0x00A41F58\n\napp             1a2c-3b4d\tEXIT  SQLExecDirectW  with return code -1 (SQL_ERROR)")]
    [InlineData("None", "call Bob about the restart\nthen check the firewall")]
    public void The_lines_only_one_runtime_writes_decide_the_owner(string owner, string text)
    {
        var profile = StampedLogSniffer.Profile(new SniffSample("x.log", text.Split('\n'), SourceEncoding.Utf8));

        Assert.Equal(owner, profile.Owner.ToString());
    }

    [Fact]
    public void The_owner_scores_the_log_and_the_other_client_formats_half_of_it()
    {
        // 2 of 3 lines timestamped, both with a level: 0.75 + 0.2 * 2/3.
        var profile = new SampleProfile(Lines: 3, Stamped: 2, Leveled: 2, ErrorLogLike: 0, DotNet: 0, Python: 3, Java: 0, OdbcText: 1, TraceHeaders: 0);

        Assert.Equal(LogOwner.Python, profile.Owner);
        Assert.Equal(0.75 + 0.2 * 2 / 3, profile.ScoreFor(LogOwner.Python), 9);
        Assert.Equal((0.75 + 0.2 * 2 / 3) / 2, profile.ScoreFor(LogOwner.OdbcLog), 9);
    }
}
