namespace LogCorrelator.Tests.Fixtures;

/// <summary>The four network faults of <c>recorded/faults.py</c>, for the in-process listener.</summary>
internal enum FaultMode
{
    /// <summary>The port is bound but never listens, so a connect is refused (RST to the SYN).</summary>
    Refused,

    /// <summary>Accept, then an abortive close (linger 0): the client sees RST.</summary>
    ResetOnAccept,

    /// <summary>Read the client's first TDS packet (its pre-login), then close with FIN.</summary>
    CloseAfterPreLogin,

    /// <summary>Accept and never answer.</summary>
    Silent,
}
