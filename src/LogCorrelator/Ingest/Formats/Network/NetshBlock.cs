using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>The settings of one netsh listing, written as one <c>netconfig</c> event pointing at its header.</summary>
internal sealed class NetshBlock
{
    private readonly List<(string Key, string Value)> _settings = [];
    private long _offset, _end;
    private int _line, _textBytes;

    public bool Started { get; private set; }
    public bool IsEmpty => _settings.Count == 0;
    public int Line => _line;

    public void Start(in Line line, SourceEncoding encoding)
    {
        _settings.Clear();
        Started = true;
        _offset = line.Offset;
        _line = line.Number;
        _textBytes = TextBytes.Count(line.Text, encoding);
        _end = line.Offset + line.Length;
    }

    public void Extend(in Line line)
    {
        if (Started)
            _end = line.Offset + line.Length;
    }

    public void Set(string key, string value)
    {
        int i = _settings.FindIndex(s => s.Key == key);
        if (i >= 0)
            _settings[i] = (key, value);
        else
            _settings.Add((key, value));
    }

    public void Write(long time, string? host, IEventSink sink)
    {
        var extra = new StringBuilder();
        foreach (var (key, value) in _settings)
            extra.Append(extra.Length > 0 ? "; " : "").Append(key).Append('=').Append(value);
        var e = new LogEvent
        {
            Time = time,
            Kind = EventKind.NetConfig,
            Host = host,
            Offset = _offset,
            Length = (int)Math.Min(int.MaxValue, _end - _offset),
            Line = _line,
            MessageLength = _textBytes,
            Extra = extra.ToString(),
        };
        sink.Add(ref e);
        Reset();
    }

    public void Reset()
    {
        _settings.Clear();
        Started = false;
    }
}
