using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>Framing: continuation lines, the Error: pair, bad lines, both encodings.</summary>
public sealed class ErrorLogEntryTests
{
    private const string LoginError = "2024-03-05 05:58:13.27 Logon       Error: 18456, Severity: 14, State: 8.";
    private const string LoginMessage = "Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. [CLIENT: 10.20.1.77]";

    private static readonly string Pairs = string.Join("\r\n",
        LoginError,
        "2024-03-05 05:58:13.27 Logon       " + LoginMessage,
        "2024-03-05 05:58:14.01 Logon       Error: 18456, Severity: 14, State: 8.",
        "2024-03-05 05:58:15.00 spid52      Error: 1205, Severity: 13, State: 51.",
        "2024-03-05 05:58:15.00 spid53      Starting up database 'ReportsStaging'.",
        "");

    [Fact]
    public void An_error_line_and_its_message_line_are_one_event()
    {
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(Pairs));
        var e = run.Events[0];
        Assert.Equal(EventKind.LoginFailed, e.Kind);
        Assert.Equal(18456, e.Code);
        Assert.Equal("10.20.1.77", e.Peer);
        Assert.Equal(1, e.Line);
        Assert.Equal(0, e.Offset);
        // Line 1 is 72 characters plus CRLF; the message starts after the 35 characters of line 2's stamp and process.
        Assert.Equal(74 + 35, e.MessageOffset);
        Assert.Equal(LoginMessage.Length, e.MessageLength);
        Assert.Equal(74 + 35 + LoginMessage.Length + 2, e.Length);
        Assert.Equal(LoginMessage, run.Message(e));
    }

    [Fact]
    public void An_error_line_pairs_only_with_the_same_time_and_process()
    {
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(Pairs));
        Assert.Equal([1, 3, 4, 5], run.Events.Select(e => e.Line));

        // Line 3 has nothing after it at the same time: it stands alone, its own text as the message.
        var alone = run.Events[1];
        Assert.Equal(EventKind.ServerError, alone.Kind);
        Assert.Equal(18456, alone.Code);
        Assert.Equal("Error: 18456, Severity: 14, State: 8.", run.Message(alone));

        // Line 4's next line has the same time but another process.
        var deadlock = run.Events[2];
        Assert.Equal(EventKind.ServerError, deadlock.Kind);
        Assert.Equal(1205, deadlock.Code);
        Assert.Equal(52, deadlock.Spid);
        Assert.Equal(EventKind.Info, run.Events[3].Kind);
        Assert.Equal(53, run.Events[3].Spid);
    }

    [Fact]
    public void Two_error_lines_in_a_row_are_two_events()
    {
        string text = "2024-03-05 06:31:50.76 spid22s     Error: 17054, Severity: 16, State: 1.\r\n"
            + "2024-03-05 06:31:50.76 spid22s     Error: 17054, Severity: 16, State: 1.\r\n"
            + "2024-03-05 06:31:50.76 spid22s     The current event was not reported to the Windows Events log.\r\n";
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        Assert.Equal([(1, "Error: 17054, Severity: 16, State: 1."), (2, "The current event was not reported to the Windows Events log.")],
            run.Events.Select(e => (e.Line, run.Message(e))));
        Assert.All(run.Events, e => Assert.Equal((EventKind.ServerError, 17054), (e.Kind, e.Code)));
    }

    [Fact]
    public void In_UTF16_the_message_range_counts_two_bytes_a_character()
    {
        var run = ErrorLogRun.Read(ErrorLogRun.Utf16(Pairs));
        var e = run.Events[0];
        Assert.Equal(SourceEncoding.Utf16LE, run.Encoding);
        Assert.Equal(2, e.Offset);
        Assert.Equal(2 * (74 + 35), e.MessageOffset);
        Assert.Equal(2 * LoginMessage.Length, e.MessageLength);
        Assert.Equal(LoginMessage, run.Message(e));
    }

    [Fact]
    public void Lines_without_a_timestamp_continue_the_entry_before_them()
    {
        string text = "2024-03-05 06:32:04.31 Server      Registry startup parameters: \r\n"
            + "\t -d D:\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\master.mdf\r\n"
            + "\t -e D:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG\r\n"
            + "2024-03-05 06:32:04.31 Server      Command Line Startup Parameters:\r\n";
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        Assert.Equal(2, run.Events.Count);
        var first = run.Events[0];
        Assert.Equal("Registry startup parameters: ", run.Message(first));
        // 64 characters + CRLF, then the two tab-indented lines of 49 and 46 characters + CRLF.
        Assert.Equal(66 + 51 + 48, first.Length);
        Assert.Equal(4, run.Events[1].Line);
        Assert.Equal(66 + 51 + 48, run.Events[1].Offset);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void A_malformed_timestamp_is_reported_and_kept_as_a_continuation()
    {
        string text = "2024-03-05 06:00:00.00 Server      first\r\n"
            + "2024-13-45 99:00:00.00 Server      bad\r\n"
            + "2024-03-05 06:00:01.00 Server      second\r\n";
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        var problem = Assert.Single(run.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("malformed timestamp '2024-13-45 99:00:00.00': kept as a continuation of the entry at line 1", problem.Message);
        Assert.Equal(2, run.Events.Count);
        Assert.Equal(42 + 40, run.Events[0].Length);
        Assert.Equal("first", run.Message(run.Events[0]));
        Assert.Equal("second", run.Message(run.Events[1]));
        Assert.Equal("2024-03-05T06:00:01.000Z", ErrorLogRun.IsoUtc(run.Events[1])); // no startup block, no hints: UTC assumed
    }

    [Fact]
    public void Lines_before_the_first_timestamp_are_counted_in_one_report()
    {
        string text = "-- copied from SSMS by the on-call engineer\r\n"
            + "LogDate ProcessInfo Text\r\n"
            + "\r\n"
            + "2024-13-05 06:00:00.00 Server      not a date\r\n"
            + "2024-03-05 06:00:00.00 Server      first\r\n";
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        Assert.Equal(
            [(4, "malformed timestamp '2024-13-05 06:00:00.00': line skipped"),
             (1, "2 lines before the first timestamped line are not part of any entry")],
            run.Problems);
        var e = Assert.Single(run.Events);
        Assert.Equal(5, e.Line);
        Assert.Equal("first", run.Message(e));
    }

    [Fact]
    public void A_UTF16_file_cut_in_the_middle_of_a_character_keeps_what_is_whole()
    {
        byte[] whole = ErrorLogRun.Utf16("2024-03-05 06:00:00.00 Server      first\r\n"
            + "2024-03-05 06:00:01.00 spid52      third line");
        byte[] cut = whole[..^3]; // drops the final 'e' and half of the 'n'
        var run = ErrorLogRun.Read(cut);
        Assert.Equal((2, "truncated UTF-16: the file ends in the middle of a character"), Assert.Single(run.Problems));
        Assert.Equal(2, run.Events.Count);
        var last = run.Events[1];
        Assert.Equal("third li", run.Message(last));
        Assert.Equal(52, last.Spid);
        Assert.Equal(cut.Length, last.Offset + last.Length); // the dangling byte stays inside the entry's range
    }

    [Fact]
    public void The_sample_saved_as_UTF8_reads_the_same()
    {
        var utf16 = ErrorLogRun.ReadSample("ERRORLOG");
        string text = System.Text.Encoding.Unicode.GetString(utf16.Bytes, 2, utf16.Bytes.Length - 2);
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text), folderHost: "SQLPROD01");
        Assert.Equal(SourceEncoding.Utf8, run.Encoding);
        Assert.Empty(run.Problems);
        Assert.Equal("2024-03-05T11:32:04.310Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Restart)));
        var kill = run.Single(EventKind.Kill);
        Assert.Equal("2024-03-05T11:47:22.400Z", ErrorLogRun.IsoUtc(kill));
        Assert.Equal("Process ID 87 was killed by hostname APPSRV01, host process ID 4412.", run.Message(kill));
        Assert.Equal(utf16.Events.Select(e => (e.Time, e.Kind, e.Line)), run.Events.Select(e => (e.Time, e.Kind, e.Line)));
    }
}
