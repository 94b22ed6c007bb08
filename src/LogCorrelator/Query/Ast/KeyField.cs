namespace LogCorrelator.Query.Ast;

/// <summary>Fields an <c>on</c> clause can compare.</summary>
internal enum KeyField
{
    Host,
    /// <summary>Client address, killing host or remote endpoint.</summary>
    Peer,
}
