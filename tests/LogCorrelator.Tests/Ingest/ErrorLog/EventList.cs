using LogCorrelator.Events;
using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>A sink that keeps every event it is given.</summary>
internal sealed class EventList : IEventSink
{
    public List<LogEvent> Items { get; } = [];

    public void Add(ref LogEvent e) => Items.Add(e);
}
