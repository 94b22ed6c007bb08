using LogCorrelator.Events;
using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Ingest;

public sealed class EventPipeTests
{
    [Fact]
    public async Task Events_cross_in_order_over_many_batches()
    {
        using var pipe = new EventPipe();
        var sink = new Lines();
        var parser = Task.Run(() => Produce(pipe, 3 * EventPipe.BatchSize + 5));

        pipe.DrainTo(sink);
        await parser;

        Assert.Equal(Enumerable.Range(1, 3 * EventPipe.BatchSize + 5), sink.Seen);
    }

    [Fact]
    public async Task A_failing_writer_stops_the_parser_instead_of_leaving_it_waiting()
    {
        using var pipe = new EventPipe();
        var parser = Task.Run(() => Produce(pipe, 100 * EventPipe.BatchSize));

        var error = Assert.Throws<InvalidOperationException>(() => pipe.DrainTo(new Failing()));

        Assert.Equal("disk full", error.Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => parser.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static void Produce(EventPipe pipe, int count)
    {
        try
        {
            var e = default(LogEvent);
            for (int i = 1; i <= count; i++)
            {
                e.Line = i;
                pipe.Add(ref e);
            }
        }
        finally
        {
            pipe.Complete();
        }
    }

    private sealed class Lines : IEventSink
    {
        public List<int> Seen { get; } = [];

        public void Add(ref LogEvent e) => Seen.Add(e.Line);
    }

    private sealed class Failing : IEventSink
    {
        private int _n;

        public void Add(ref LogEvent e)
        {
            if (++_n == EventPipe.BatchSize + 10)
                throw new InvalidOperationException("disk full");
        }
    }
}
