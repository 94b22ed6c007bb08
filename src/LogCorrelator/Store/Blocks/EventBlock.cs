using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// One block decoded: its events as parallel arrays in file order. Missing code and spid are
/// <see cref="None"/>; host ids are 0 for none. Rare attributes are looked up by index.
/// </summary>
internal sealed class EventBlock
{
    public const int None = int.MinValue;

    private int[] _attributeIndex = [];
    private EventAttributes[] _attributes = [];

    public EventBlock(BlockSummary summary, int count)
    {
        Summary = summary;
        Count = count;
        Id = new long[count];
        Time = new long[count];
        Kind = new EventKind[count];
        Code = new int[count];
        Host = new int[count];
        Offset = new long[count];
        Length = new int[count];
        Message = new long[count];
        Line = new int[count];
        Spid = new int[count];
    }

    public BlockSummary Summary { get; }
    public int Count { get; }
    public long[] Id { get; }
    public long[] Time { get; }
    public EventKind[] Kind { get; }
    public int[] Code { get; }
    public int[] Host { get; }
    public long[] Offset { get; }
    public int[] Length { get; }
    /// <summary>The message's place in the entry, packed by <see cref="MessageSpan"/>.</summary>
    public long[] Message { get; }
    public int[] Line { get; }
    public int[] Spid { get; }

    /// <summary>Bytes the decoded arrays take (for the block cache's budget).</summary>
    public long Bytes => Count * 61L;

    /// <summary>The side list, indexes ascending; set once by the decoder.</summary>
    internal void SetAttributes(int[] index, EventAttributes[] attributes)
    {
        _attributeIndex = index;
        _attributes = attributes;
    }

    public bool HasAttributes => _attributes.Length > 0;

    public EventAttributes Attributes(int i)
    {
        int at = Array.BinarySearch(_attributeIndex, i);
        return at >= 0 ? _attributes[at] : default;
    }

    /// <summary>The index of the event with <paramref name="id"/>, or -1.</summary>
    public int IndexOf(long id) => Array.BinarySearch(Id, id) is int i and >= 0 ? i : -1;
}
