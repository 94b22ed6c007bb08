using System.Net.Sockets;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// A misbehaving "SQL Server" on 127.0.0.1 with an ephemeral port: the in-process twin of
/// <c>recorded/faults.py</c>, so a live driver meets the same faults the recordings were made with.
/// </summary>
internal sealed class FaultListener : LoopbackListener
{
    private const int TdsHeaderLength = 8;

    private readonly FaultMode _mode;

    private FaultListener(FaultMode mode)
    {
        _mode = mode;
        // Refused: bound but not listening, so the port stays ours and the kernel answers a SYN with RST.
        if (mode != FaultMode.Refused)
            Listen();
    }

    public static FaultListener Start(FaultMode mode) => new(mode);

    protected override void Accepted(Socket client)
    {
        switch (_mode)
        {
            case FaultMode.ResetOnAccept:
                client.LingerState = new LingerOption(true, 0);
                client.Close();
                break;
            case FaultMode.CloseAfterPreLogin:
                _ = CloseAfterFirstPacketAsync(client, Stopping);
                break;
            default:
                Keep(client);
                break;
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
