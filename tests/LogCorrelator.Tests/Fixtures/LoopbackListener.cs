using System.Net;
using System.Net.Sockets;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// A listener on 127.0.0.1 with an ephemeral port for the live driver tests (<see cref="TdsResponder"/>,
/// <see cref="FaultListener"/>): accepts until disposed and hands each connection to the derived class; on
/// dispose it stops accepting and closes every connection the derived class asked it to keep.
/// </summary>
internal abstract class LoopbackListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _kept = [];
    private Task _acceptLoop = Task.CompletedTask;

    protected LoopbackListener()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Cancelled when the listener is disposed: what serves a connection stops on it.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>
    /// Starts accepting. The derived constructor calls it last, once its own fields are set; a port left bound
    /// but never listening refuses connections (the kernel answers a SYN with RST).
    /// </summary>
    protected void Listen()
    {
        _socket.Listen(16);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>One accepted connection; called on the accept loop, so it must not block.</summary>
    protected abstract void Accepted(Socket client);

    /// <summary>Closes <paramref name="client"/> on dispose (one held open, or one still being served).</summary>
    protected void Keep(Socket client)
    {
        lock (_kept)
            _kept.Add(client);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        lock (_kept)
        {
            foreach (var s in _kept)
                s.Dispose();
        }
        _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Accepted(client);
        }
    }
}
