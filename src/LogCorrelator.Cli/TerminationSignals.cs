using System.Runtime.InteropServices;

namespace LogCorrelator.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGHUP (a dropped ssh session) all cancel one token, which ingest,
/// queries and the TUI check: the command stops at its next check, rolls back the file it was
/// writing and exits with 128 + the signal's number, saying "cancelled". A second signal ends the
/// process at once, for whatever does not stop soon enough. After SIGHUP nobody is left to send a
/// second signal: a command still running <see cref="HangupGrace"/> later is ended then (a TUI whose
/// terminal is gone was seen spinning instead of stopping; an ingest ends as a killed one does, with
/// the store consistent).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _stderr;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    public static readonly TimeSpan HangupGrace = TimeSpan.FromSeconds(3);

    public TerminationSignals(TextWriter stderr)
    {
        _stderr = stderr;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            _registrations.Add(PosixSignalRegistration.Create(signal, Received));
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>128 + the number of the first signal received (130 SIGINT, 143 SIGTERM, 129 SIGHUP); 0 before any.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    public static int ExitCodeOf(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 128 + 1,
        PosixSignal.SIGINT => 128 + 2,
        _ => 128 + 15,
    };

    private void Received(PosixSignalContext context)
    {
        // The process ends when the command has stopped, not here.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _exitCode, ExitCodeOf(context.Signal), 0) == 0)
        {
            // Callbacks on the token run on the thread pool, not on the signal's thread.
            _ = _cancel.CancelAsync();
            if (context.Signal == PosixSignal.SIGHUP)
                _ = Task.Delay(HangupGrace).ContinueWith(_ => Environment.Exit(ExitCode), TaskScheduler.Default);
            return;
        }
        _stderr.WriteLine("cancelled");
        _stderr.Flush();
        Environment.Exit(ExitCode);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cancel.Dispose();
    }
}
