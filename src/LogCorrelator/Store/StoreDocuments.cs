using LiteDB;
using LogCorrelator.Events;
using LogCorrelator.Store.Blocks;
using LogCorrelator.Time;

namespace LogCorrelator.Store;

/// <summary>
/// The store's LiteDB collections and how records become documents. Field names are short: every
/// document carries them. Block summaries and block bytes are separate collections under the same
/// <c>_id</c>, so opening the store reads every summary without touching a byte of event data.
/// </summary>
internal static class StoreDocuments
{
    /// <summary>Written into <c>meta</c>; a store with another version is refused.</summary>
    public const int Version = 3;

    public const string Meta = "meta", Sources = "sources", Names = "names", Blocks = "blocks", BlockData = "block_data";

    public static BsonDocument Source(SourceRecord s) => new()
    {
        ["_id"] = s.Id,
        ["path"] = s.Path,
        ["rel"] = s.RelativePath,
        ["format"] = s.Format,
        ["enc"] = (int)s.Encoding,
        ["size"] = s.Size,
        ["mtime"] = s.ModifiedTicks,
        ["origin"] = (int)s.OffsetOrigin,
        ["zone"] = s.Zone,
        ["host"] = s.Host,
        ["events"] = s.Events,
        ["problems"] = s.Problems,
        ["first"] = s.First?.ToUnixTimeMilliseconds() is long f ? f : BsonValue.Null,
        ["last"] = s.Last?.ToUnixTimeMilliseconds() is long l ? l : BsonValue.Null,
        ["note"] = s.TimeNote,
    };

    public static SourceRecord Source(BsonDocument d) => new(
        d["_id"].AsInt64, d["path"].AsString, d["rel"].AsString, d["format"].AsString, (SourceEncoding)d["enc"].AsInt32,
        d["size"].AsInt64, d["mtime"].AsInt64, (OffsetOrigin)d["origin"].AsInt32,
        NullableString(d["zone"]), NullableString(d["host"]), d["events"].AsInt64, d["problems"].AsInt32,
        d["first"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["first"].AsInt64),
        d["last"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["last"].AsInt64),
        NullableString(d["note"]));

    public static BsonDocument Summary(BlockSummary b) => new()
    {
        ["_id"] = b.Id,
        ["src"] = b.Source,
        ["lane"] = (int)b.Lane,
        ["n"] = b.Count,
        ["t0"] = b.First,
        ["t1"] = b.Last,
        ["id0"] = b.FirstId,
        ["id1"] = b.LastId,
        ["kinds"] = b.KindMask,
        ["codes"] = b.Codes is null ? BsonValue.Null : new BsonArray(b.Codes.Select(c => new BsonValue(c))),
        ["states"] = new BsonArray(b.States.Select(s => new BsonValue(s))),
        ["hosts"] = new BsonArray(b.Hosts.Select(h => new BsonValue(h))),
        ["bytes"] = b.Bytes,
        // Per kind: kind, count, first time, last time, flat.
        ["spans"] = b.Spans is null ? BsonValue.Null : new BsonArray(b.Spans.SelectMany(k => new BsonValue[] { (int)k.Kind, k.Count, k.First, k.Last })),
    };

    public static BlockSummary Summary(BsonDocument d) => new(
        d["_id"].AsInt64, d["src"].AsInt32, (BlockLane)d["lane"].AsInt32, d["n"].AsInt32, d["t0"].AsInt64, d["t1"].AsInt64,
        d["id0"].AsInt64, d["id1"].AsInt64, d["kinds"].AsInt32,
        d["codes"].IsNull ? null : d["codes"].AsArray.Select(v => v.AsInt32).ToArray(),
        d["states"].AsArray.Select(v => v.AsString).ToArray(),
        d["hosts"].AsArray.Select(v => v.AsInt32).ToArray(),
        d["bytes"].AsInt32,
        Spans(d["spans"]));

    private static KindSpan[]? Spans(BsonValue v)
    {
        if (!v.IsArray)
            return null;
        var a = v.AsArray;
        var spans = new KindSpan[a.Count / 4];
        for (int i = 0; i < spans.Length; i++)
            spans[i] = new KindSpan((EventKind)a[4 * i].AsInt32, a[4 * i + 1].AsInt32, a[4 * i + 2].AsInt64, a[4 * i + 3].AsInt64);
        return spans;
    }

    public static BsonDocument Data(long id, byte[] bytes) => new() { ["_id"] = id, ["d"] = bytes };

    public static BsonDocument Name(int id, string name) => new() { ["_id"] = id, ["n"] = name };

    private static string? NullableString(BsonValue v) => v.IsNull ? null : v.AsString;
}
