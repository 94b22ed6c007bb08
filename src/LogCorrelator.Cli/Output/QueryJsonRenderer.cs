using System.Text.Encodings.Web;
using System.Text.Json;
using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Output;

/// <summary>
/// The <c>--format json</c> document: a stable contract scripts build on. Extend it; never rename
/// or remove a field. Times are UTC ISO 8601 with milliseconds; code is text so SQLSTATEs fit.
/// </summary>
internal static class QueryJsonRenderer
{
    public static void Write(TextWriter w, QueryResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("query", result.Query);
            json.WriteStartArray("matches");
            foreach (var m in result.Matches)
            {
                json.WriteStartObject();
                WriteEvent(json, m.Event);
                json.WriteStartArray("related");
                foreach (var r in m.Related)
                {
                    json.WriteStartObject();
                    WriteEvent(json, r.Event, r.DeltaSeconds);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // Added beside "matches": the table of '| count' (matches then empty) or '| fields'; empty otherwise.
            json.WriteStartArray("columns");
            foreach (string column in result.Columns ?? [])
                json.WriteStringValue(column);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in result.Rows ?? [])
            {
                json.WriteStartObject();
                for (int c = 0; c < row.Count; c++)
                    WriteCell(json, result.Columns![c], row[c]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>An event's fields, shared with every JSON document that shows events.</summary>
    public static void WriteEvent(Utf8JsonWriter json, StoredEvent e, double? deltaSeconds = null)
    {
        if (e.Time is { } time)
            json.WriteString("time", Formats.IsoUtc(time));
        else
            json.WriteNull("time");
        WriteNullable(json, "host", e.Host);
        json.WriteString("kind", e.Kind.Name());
        WriteNullable(json, "code", e.CodeText);
        json.WriteString("message", e.Message);
        if (deltaSeconds is double d)
            json.WriteNumber("deltaSeconds", Math.Round(d, 3));
        json.WriteStartObject("source");
        json.WriteString("path", CommonOptions.DisplayPath(e.SourcePath));
        json.WriteNumber("line", e.Line);
        json.WriteEndObject();
        if (e.SqlState is not null)
            json.WriteString("sqlstate", e.SqlState);
        if (e.Peer is not null)
            json.WriteString("peer", e.Peer);
        if (e.Spid is int spid)
            json.WriteNumber("spid", spid);
    }

    private static void WriteCell(Utf8JsonWriter json, string name, object? cell)
    {
        switch (cell)
        {
            case null:
                json.WriteNull(name);
                break;
            case long n:
                json.WriteNumber(name, n);
                break;
            case int n:
                json.WriteNumber(name, n);
                break;
            case DateTimeOffset t:
                json.WriteString(name, Formats.IsoUtc(t));
                break;
            default:
                json.WriteString(name, Cells.Text(cell));
                break;
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
