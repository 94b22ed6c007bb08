using System.Net;
using System.Net.Sockets;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// A misbehaving "SQL Server" on 127.0.0.1 with an ephemeral port: the in-process twin of
/// <c>recorded/faults.py</c>, so a live driver meets the same faults the recordings were made with.
/// </summary>
internal sealed class FaultListener : IDisposable
{
    private const int TdsHeaderLength = 8;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly FaultMode _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _acceptLoop;

    private FaultListener(FaultMode mode)
    {
        _mode = mode;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        if (mode == FaultMode.Refused)
        {
            // Bound but not listening: the port stays ours, and the kernel answers a SYN with RST.
            _acceptLoop = Task.CompletedTask;
            return;
        }
        _socket.Listen(16);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public static FaultListener Start(FaultMode mode) => new(mode);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        lock (_held)
        {
            foreach (var s in _held)
                s.Dispose();
        }
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
            switch (_mode)
            {
                case FaultMode.ResetOnAccept:
                    client.LingerState = new LingerOption(true, 0);
                    client.Close();
                    break;
                case FaultMode.CloseAfterPreLogin:
                    _ = CloseAfterFirstPacketAsync(client, _stop.Token);
                    break;
                default:
                    lock (_held)
                        _held.Add(client);
                    break;
            }
        }
    }

    private static async Task CloseAfterFirstPacketAsync(Socket client, CancellationToken stop)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            var header = new byte[TdsHeaderLength];
            await stream.ReadExactlyAsync(header, stop);
            // Bytes 2-3 of a TDS header are the packet length, big-endian, header included.
            int length = (header[2] << 8) | header[3];
            if (length > TdsHeaderLength)
                await stream.ReadExactlyAsync(new byte[length - TdsHeaderLength], stop);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The client gave up first; closing is all that is left to do.
        }
    }
}
