namespace LogCorrelator.Events;

/// <summary>Receives the events of one source, in file order.</summary>
public interface IEventSink
{
    void Add(ref LogEvent e);
}
