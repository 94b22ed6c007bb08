using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// A minimal SQL Server on 127.0.0.1 for the live SqlClient tests: it completes pre-login (encryption
/// not supported, so a client with <c>Encrypt=False</c> goes on in clear text) and login (LOGINACK, TDS
/// 7.4), answers each batch with the result set <see cref="TdsResults"/> has for its text (<c>SELECT 1</c>:
/// one int), and aborts (RST) the connections <c>dropOnBatch</c> names when their first batch arrives:
/// a connection lost mid-session, the way a failover or a firewall severs one.
/// </summary>
internal sealed class TdsResponder : LoopbackListener
{
    private const byte PreLogin = 0x12, Login7 = 0x10, SqlBatch = 0x01, Attention = 0x06, TabularResult = 0x04;
    private const int HeaderLength = 8;
    private const int MaxPacket = 4096;

    private readonly Func<int, bool> _dropOnBatch;
    private readonly TdsResults _results;
    private int _connections;

    private TdsResponder(Func<int, bool> dropOnBatch, TdsResults results)
    {
        _dropOnBatch = dropOnBatch;
        _results = results;
        Listen();
    }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <param name="dropOnBatch">By the connection's number (1 for the first accepted): abort it at its first batch.</param>
    public static TdsResponder Start(Func<int, bool>? dropOnBatch = null, TdsResults? results = null) =>
        new(dropOnBatch ?? (_ => false), results ?? new TdsResults());

    protected override void Accepted(Socket client)
    {
        Keep(client);
        int number = Interlocked.Increment(ref _connections);
        _ = ServeAsync(client, number, Stopping);
    }

    private async Task ServeAsync(Socket client, int number, CancellationToken stop)
    {
        using var stream = new NetworkStream(client, ownsSocket: false);
        try
        {
            var (type, _) = await ReadMessageAsync(stream, stop);
            if (type != PreLogin)
                return;
            await WriteMessageAsync(stream, TabularResult, TdsTokens.PreLoginResponse(), stop);
            (type, _) = await ReadMessageAsync(stream, stop);
            if (type != Login7)
                return;
            await WriteMessageAsync(stream, TabularResult, TdsTokens.LoginResponse(), stop);
            while (true)
            {
                (type, var payload) = await ReadMessageAsync(stream, stop);
                if (type == SqlBatch && _dropOnBatch(number))
                {
                    // Linger 0: close() sends RST, the client's read fails with 'Connection reset by peer'.
                    client.LingerState = new LingerOption(true, 0);
                    client.Close();
                    return;
                }
                byte[] answer = type switch
                {
                    SqlBatch => _results.For(BatchText(payload)),
                    Attention => TdsTokens.Done(TdsTokens.DoneAttention, 0, 0),
                    _ => TdsTokens.Done(0, 0, 0),
                };
                await WriteMessageAsync(stream, TabularResult, answer, stop);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
            // The client closed, timed out or the test ended: nothing left to answer.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>A SQL batch: ALL_HEADERS (its first 4 bytes are their total length), then the text in UTF-16LE.</summary>
    private static string BatchText(byte[] payload)
    {
        int headers = payload.Length >= 4 ? (int)BinaryPrimitives.ReadUInt32LittleEndian(payload) : 0;
        return Encoding.Unicode.GetString(payload, headers, payload.Length - headers);
    }

    /// <summary>Reads packets up to the one marked end of message; returns the type and the joined payloads.</summary>
    private static async Task<(byte Type, byte[] Payload)> ReadMessageAsync(Stream stream, CancellationToken stop)
    {
        var payload = new MemoryStream();
        var header = new byte[HeaderLength];
        while (true)
        {
            await stream.ReadExactlyAsync(header, stop);
            int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
            var body = new byte[length - HeaderLength];
            await stream.ReadExactlyAsync(body, stop);
            payload.Write(body);
            if ((header[1] & 0x01) != 0)
                return (header[0], payload.ToArray());
        }
    }

    private static async Task WriteMessageAsync(Stream stream, byte type, byte[] payload, CancellationToken stop)
    {
        int offset = 0;
        byte packetId = 1;
        do
        {
            int size = Math.Min(MaxPacket - HeaderLength, payload.Length - offset);
            bool last = offset + size == payload.Length;
            var packet = new byte[HeaderLength + size];
            packet[0] = type;
            packet[1] = (byte)(last ? 0x01 : 0x00);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
            packet[6] = packetId++;
            payload.AsSpan(offset, size).CopyTo(packet.AsSpan(HeaderLength));
            await stream.WriteAsync(packet, stop);
            offset += size;
        }
        while (offset < payload.Length);
        await stream.FlushAsync(stop);
    }
}
