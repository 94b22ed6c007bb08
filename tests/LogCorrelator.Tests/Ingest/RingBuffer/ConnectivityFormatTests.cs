using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.RingBuffer;
using LogCorrelator.Tests.Live;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.RingBuffer;

/// <summary>
/// The connectivity ring buffer file <c>collect</c> writes, read back: the real records of
/// <c>Fixtures/ringbuffer/connectivity-records.txt</c>, each one line, as events on the server.
/// </summary>
public sealed class ConnectivityFormatTests
{
    private sealed class Run : FormatRun
    {
        private Run(byte[] bytes) : base(bytes)
        {
        }

        public static Run Of(string text) => Read(new Run(System.Text.Encoding.UTF8.GetBytes(text)), new ConnectivityFormat(), new RunFile("RING_BUFFER_CONNECTIVITY.txt"));
    }

    private static readonly DateTimeOffset At = new(2016, 11, 4, 0, 21, 8, 222, TimeSpan.Zero);

    [Fact]
    public void A_login_ended_by_a_network_error_is_a_server_error_from_its_client()
    {
        string record = CollectCommandTests.RingBufferRecords()[2];
        var run = Run.Of(ConnectivityLog.Header(@"SQLPROD02\INST1") + "\n" + ConnectivityLog.Line(At, record) + "\n");

        var e = Assert.Single(run.Events);
        Assert.Empty(run.Problems);
        Assert.Equal((EventKind.ServerError, 17830, "10.101.99.77", 60618, "SQLPROD02", At.ToUnixTimeMilliseconds()), (e.Kind, e.Code, e.Peer, e.Port, e.Host, e.Time));
        Assert.Equal("record=LoginTimers; state=11; inputError=10054; loginMs=1", e.Extra);
        Assert.Equal("LoginTimers from 10.101.99.77:60618: error 17830, state 11, input error 10054, login 1 ms", run.Message(e));
        Assert.Equal("in each timestamp", run.Clock.Describe());
    }

    [Fact]
    public void A_record_is_one_line_however_the_server_indented_it()
    {
        string line = ConnectivityLog.Line(At, CollectCommandTests.RingBufferRecords()[1]);

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("2016-11-04T00:21:08.222Z ConnectionClose from 10.2.6.198:54645: ErrorFoundBeforeLogin, SessionIsKilled | <Record id=\"2480349\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_no_record_is_a_problem_not_an_event()
    {
        var run = Run.Of(ConnectivityLog.Header("SQLPROD02") + "\n2016-11-04T00:21:08.222Z Error | <Record><Unclosed></Record>\n");

        Assert.Empty(run.Events);
        Assert.Equal([(2, "not a connectivity ring buffer record (expected 'TIME summary | <Record ...>')")], run.Problems);
    }
}
