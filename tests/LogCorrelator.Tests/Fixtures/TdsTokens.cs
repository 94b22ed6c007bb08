using System.Buffers.Binary;
using System.Text;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// The few TDS 7.4 messages <see cref="TdsResponder"/> sends, byte by byte as [MS-TDS] lays them out:
/// the pre-login response, LOGINACK with its environment changes, column metadata, rows and DONE.
/// </summary>
internal static class TdsTokens
{
    public const ushort DoneError = 0x0002, DoneCount = 0x0010, DoneAttention = 0x0020;
    private const ushort SelectCommand = 0x00C1;

    // SQL_Latin1_General_CP1_CI_AS: LCID 0x0409 with its flags, sort id 52.
    private static readonly byte[] Collation = [0x09, 0x04, 0xD0, 0x00, 0x34];

    /// <summary>VERSION 16.0.1000, ENCRYPTION not supported (so Encrypt=False stays in clear text), INSTOPT ok, MARS off.</summary>
    public static byte[] PreLoginResponse()
    {
        byte[][] options = [[0x10, 0x00, 0x03, 0xE8, 0x00, 0x00], [0x02], [0x00], [0x00]];
        byte[] tokens = [0x00, 0x01, 0x02, 0x04];
        int offset = options.Length * 5 + 1;
        var s = new MemoryStream();
        for (int i = 0; i < options.Length; i++)
        {
            s.WriteByte(tokens[i]);
            WriteUInt16BigEndian(s, offset);
            WriteUInt16BigEndian(s, options[i].Length);
            offset += options[i].Length;
        }
        s.WriteByte(0xFF);
        foreach (var o in options)
            s.Write(o);
        return s.ToArray();
    }

    /// <summary>ENVCHANGE database and collation, LOGINACK for TDS 7.4 from SQL Server 16.0, DONE.</summary>
    public static byte[] LoginResponse()
    {
        var s = new MemoryStream();
        EnvChange(s, 1, BVarChar("master"), BVarChar("master"));
        EnvChange(s, 7, [(byte)Collation.Length, .. Collation], [0]);
        var ack = new MemoryStream();
        ack.WriteByte(0x01); // interface: T-SQL
        ack.Write([0x74, 0x00, 0x00, 0x04]); // TDS 7.4, big-endian as SqlClient reads it
        ack.Write(BVarChar("Microsoft SQL Server"));
        ack.Write([16, 0, 0x03, 0xE8]); // 16.0.1000
        s.WriteByte(0xAD);
        WriteUInt16LittleEndian(s, (int)ack.Length);
        ack.WriteTo(s);
        s.Write(Done(0, 0, 0));
        return s.ToArray();
    }

    /// <summary>An ERROR token (what SqlClient raises as SqlException) and the DONE that ends the batch in error.</summary>
    public static byte[] Error(int number, byte state, byte severity, string message) => Errors((number, state, severity, message));

    /// <summary>
    /// ERROR tokens in the order the server sends them (a permission check sends 300, then 297), then the DONE:
    /// SqlClient raises one SqlException, its Number the first, its Message every text joined by a line break.
    /// </summary>
    public static byte[] Errors(params (int Number, byte State, byte Severity, string Message)[] errors)
    {
        var s = new MemoryStream();
        Span<byte> n = stackalloc byte[4];
        foreach (var (number, state, severity, message) in errors)
        {
            var body = new MemoryStream();
            BinaryPrimitives.WriteInt32LittleEndian(n, number);
            body.Write(n);
            body.WriteByte(state);
            body.WriteByte(severity);
            WriteUInt16LittleEndian(body, message.Length);
            body.Write(Encoding.Unicode.GetBytes(message));
            body.Write(BVarChar("SQLPROD01"));
            body.Write(BVarChar(""));
            body.Write([1, 0, 0, 0]); // line 1
            s.WriteByte(0xAA);
            WriteUInt16LittleEndian(s, (int)body.Length);
            body.WriteTo(s);
        }
        s.Write(Done(DoneError, 0, 0));
        return s.ToArray();
    }

    public static byte[] Done(ushort status, ushort command, long rows)
    {
        var done = new byte[13];
        done[0] = 0xFD;
        BinaryPrimitives.WriteUInt16LittleEndian(done.AsSpan(1), status);
        BinaryPrimitives.WriteUInt16LittleEndian(done.AsSpan(3), command);
        BinaryPrimitives.WriteInt64LittleEndian(done.AsSpan(5), rows);
        return done;
    }

    /// <summary>One result set of int, bigint, nvarchar and datetime columns, then DONE with its row count.</summary>
    public static byte[] ResultSet(IReadOnlyList<(string Name, TdsType Type)> columns, IEnumerable<object?[]> rows)
    {
        var s = new MemoryStream();
        s.WriteByte(0x81); // COLMETADATA
        WriteUInt16LittleEndian(s, columns.Count);
        foreach (var (name, type) in columns)
        {
            s.Write([0, 0, 0, 0]); // user type
            WriteUInt16LittleEndian(s, 0x0001); // nullable
            switch (type)
            {
                case TdsType.Int:
                    s.Write([0x26, 4]); // INTN, 4 bytes
                    break;
                case TdsType.BigInt:
                    s.Write([0x26, 8]); // INTN, 8 bytes
                    break;
                case TdsType.NVarChar:
                    s.WriteByte(0xE7); // NVARCHAR(4000)
                    WriteUInt16LittleEndian(s, 8000);
                    s.Write(Collation);
                    break;
                default:
                    s.Write([0x6F, 8]); // DATETIMN, 8 bytes
                    break;
            }
            s.Write(BVarChar(name));
        }
        long count = 0;
        foreach (var row in rows)
        {
            s.WriteByte(0xD1); // ROW
            for (int c = 0; c < columns.Count; c++)
                WriteValue(s, columns[c].Type, row[c]);
            count++;
        }
        s.Write(Done(DoneCount, SelectCommand, count));
        return s.ToArray();
    }

    private static void WriteValue(MemoryStream s, TdsType type, object? value)
    {
        switch (type)
        {
            case TdsType.Int when value is int n:
                s.WriteByte(4);
                Span<byte> b = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(b, n);
                s.Write(b);
                break;
            case TdsType.BigInt when value is long l:
                s.WriteByte(8);
                Span<byte> b8 = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(b8, l);
                s.Write(b8);
                break;
            case TdsType.NVarChar when value is string text:
                byte[] bytes = Encoding.Unicode.GetBytes(text);
                WriteUInt16LittleEndian(s, bytes.Length);
                s.Write(bytes);
                break;
            case TdsType.DateTime when value is DateTime t:
                // Days since 1900-01-01, then 1/300 s since midnight.
                var since = t - new DateTime(1900, 1, 1);
                Span<byte> d = stackalloc byte[9];
                d[0] = 8;
                BinaryPrimitives.WriteInt32LittleEndian(d[1..], since.Days);
                BinaryPrimitives.WriteUInt32LittleEndian(d[5..], (uint)Math.Round(t.TimeOfDay.TotalMilliseconds * 0.3));
                s.Write(d);
                break;
            case TdsType.NVarChar:
                WriteUInt16LittleEndian(s, 0xFFFF); // NULL
                break;
            default:
                s.WriteByte(0); // NULL of a nullable fixed type
                break;
        }
    }

    private static void EnvChange(MemoryStream s, byte type, byte[] newValue, byte[] oldValue)
    {
        s.WriteByte(0xE3);
        WriteUInt16LittleEndian(s, 1 + newValue.Length + oldValue.Length);
        s.WriteByte(type);
        s.Write(newValue);
        s.Write(oldValue);
    }

    private static byte[] BVarChar(string text) => [(byte)text.Length, .. Encoding.Unicode.GetBytes(text)];

    private static void WriteUInt16BigEndian(MemoryStream s, int value)
    {
        s.WriteByte((byte)(value >> 8));
        s.WriteByte((byte)value);
    }

    private static void WriteUInt16LittleEndian(MemoryStream s, int value)
    {
        s.WriteByte((byte)value);
        s.WriteByte((byte)(value >> 8));
    }
}
