using LogCorrelator.Events;

namespace LogCorrelator.Ingest;

/// <summary>Receives the events of one source, in file order.</summary>
public interface IEventSink
{
    void Add(ref LogEvent e);
}
