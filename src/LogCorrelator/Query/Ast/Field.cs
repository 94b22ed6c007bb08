namespace LogCorrelator.Query.Ast;

/// <summary>The fields of an event the language names in <c>where</c>, <c>on</c> and pipes.</summary>
internal enum Field
{
    Time,
    Host,
    /// <summary>Client address, killing host or remote endpoint.</summary>
    Peer,
    /// <summary>The source file, as its path relative to the folder it was ingested from.</summary>
    Source,
    Spid,
    /// <summary>The error number, or the SQLSTATE when a value is written like one.</summary>
    Code,
    SqlState,
    Message,
    Port,
    /// <summary>A sample's count (TIME_WAIT sockets, say); the column <c>| count</c> makes is the pipe's own.</summary>
    Count,
    Kind,
    /// <summary>Where an error's code came from: <c>printed</c> by the text, or <c>implied</c> by its words (Connection reset by peer: 10054).</summary>
    CodeOrigin,
    /// <summary>TCP Chimney Offload as a netsh listing states it (<c>enabled</c>, <c>disabled</c>, <c>automatic</c>), read from the event's rare attributes.</summary>
    Chimney,
    /// <summary>A probe attempt's outcome (<c>ok</c>, <c>fail</c>), read from the event's rare attributes.</summary>
    Outcome,
}
