using System.Text.Encodings.Web;
using System.Text.Json;
using LogCorrelator.Diagnose;
using LogCorrelator.Events;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// <c>logcorr diagnose --format json</c>: a stable contract (docs/diagnose.md). Fields are added,
/// never renamed or removed. Causes come in rank order; ids are the rule ids; paths are relative to
/// the incident folder; times are UTC ISO 8601 with milliseconds.
/// </summary>
internal static class DiagnoseJsonRenderer
{
    public static void Write(TextWriter w, Diagnosis d)
    {
        using var stream = new MemoryStream();
        // The accounts of a large incident run to hundreds of MB: they go out in pieces, so the whole document is
        // never held (once as bytes, once as a string). A flushed writer has written whole tokens, so no piece
        // ends inside a character.
        void Drain(Utf8JsonWriter json)
        {
            json.Flush();
            w.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
            stream.SetLength(0);
        }
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("errors", d.Errors.Count);
            json.WriteStartArray("causes");
            foreach (var c in d.Causes)
                WriteCause(json, d, c);
            json.WriteEndArray();
            json.WriteNumber("unexplained", d.UnexplainedCount);
            WriteGroups(json, d, "unexplainedGroups", d.Unexplained);
            json.WriteStartObject("loginFailures");
            json.WriteNumber("client", d.LoginFailures.Sum(g => g.Count));
            WriteGroups(json, d, "groups", d.LoginFailures);
            json.WriteStartArray("server");
            foreach (var e in d.ServerLoginFailures)
                WriteEvent(json, d, e);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("clocks");
            foreach (var c in d.Clocks)
                WriteClock(json, c);
            json.WriteEndArray();
            WriteStrings(json, "assumedClocks", d.AssumedClocks);
            WriteStrings(json, "rulesChecked", d.RulesChecked);
            // Added for the per-error account: "unexplained" above keeps its meaning (every error no
            // cause explains); here the errors that are not network errors are counted apart.
            json.WriteStartObject("accounting");
            json.WriteNumber("explained", d.Count(LogCorrelator.Diagnose.Landing.Explained));
            json.WriteNumber("notNetwork", d.Count(LogCorrelator.Diagnose.Landing.NotNetwork));
            json.WriteNumber("unexplained", d.Count(LogCorrelator.Diagnose.Landing.Unexplained));
            json.WriteEndObject();
            json.WriteStartArray("accounts");
            for (int i = 0; i < d.Accounts.Count; i++)
            {
                WriteAccount(json, d, d.Accounts[i]);
                if (i % 256 == 255)
                    Drain(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            Drain(json);
        }
        w.WriteLine();
    }

    private static void WriteCause(Utf8JsonWriter json, Diagnosis d, Cause c)
    {
        json.WriteStartObject();
        json.WriteString("id", c.Id);
        json.WriteString("title", c.Title);
        json.WriteNumber("explained", c.Explained);
        json.WriteNumber("confidence", c.Confidence);
        json.WriteString("summary", c.Summary);
        json.WriteStartArray("evidence");
        foreach (var e in c.Evidence)
        {
            WriteEvent(json, d, e.Event, e.Role, e.Note);
        }
        json.WriteEndArray();
        json.WriteString("remedy", c.Remedy);
        json.WriteString("cause", c.Description);
        json.WriteString("seed", c.Seed);
        json.WriteString("query", c.Query);
        json.WriteNumber("clockCorrected", c.ClockCorrected);
        if (c.Note is not null)
            json.WriteString("note", c.Note);
        json.WriteStartArray("alsoExplainedBy");
        foreach (var o in c.AlsoExplainedBy)
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id);
            json.WriteNumber("errors", o.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("explainedErrors");
        foreach (var e in c.Errors)
        {
            json.WriteStartObject();
            WriteFields(json, d, e.Error);
            if (e.LagSeconds is double lag)
                json.WriteNumber("lagSeconds", Math.Round(lag, 3));
            if (e.Nearest is { } n)
            {
                json.WriteStartObject("after");
                WriteFields(json, d, n);
                json.WriteEndObject();
            }
            if (e.ShiftSeconds != 0)
                json.WriteNumber("clockShiftSeconds", e.ShiftSeconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One error's account: its fields, where it landed (explained, not-network, unexplained) and why.</summary>
    public static void WriteAccount(Utf8JsonWriter json, Diagnosis d, ErrorAccount a)
    {
        json.WriteStartObject();
        WriteFields(json, d, a.Error);
        json.WriteString("category", a.Category);
        json.WriteString("landing", LandingName(a.Landing));
        WriteNullable(json, "cause", a.CauseId);
        WriteStrings(json, "alsoPossible", a.AlsoPossible);
        json.WriteString("why", a.Why);
        if (a.Related is { } related)
        {
            json.WriteStartObject("related");
            WriteFields(json, d, related);
            json.WriteEndObject();
        }
        json.WriteStartArray("rules");
        foreach (var m in a.Misses)
        {
            json.WriteStartObject();
            json.WriteString("id", m.RuleId);
            json.WriteString("why", m.Why);
            if (m.Nearest is { } n)
            {
                json.WriteStartObject("nearest");
                WriteFields(json, d, n);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string LandingName(Landing landing) => landing switch
    {
        LogCorrelator.Diagnose.Landing.Explained => "explained",
        LogCorrelator.Diagnose.Landing.NotNetwork => "not-network",
        _ => "unexplained",
    };

    private static void WriteGroups(Utf8JsonWriter json, Diagnosis d, string name, IReadOnlyList<ErrorGroup> groups)
    {
        json.WriteStartArray(name);
        foreach (var g in groups)
        {
            json.WriteStartObject();
            WriteNullable(json, "code", g.Code);
            WriteNullable(json, "host", g.Host);
            json.WriteString("category", g.Category);
            json.WriteNumber("count", g.Count);
            json.WriteStartArray("errors");
            foreach (var e in g.Errors)
                WriteEvent(json, d, e);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteClock(Utf8JsonWriter json, ClockFinding c)
    {
        json.WriteStartObject();
        json.WriteString("host", c.Host);
        json.WriteNumber("offsetSeconds", c.OffsetSeconds);
        json.WriteBoolean("assumed", c.Assumed);
        json.WriteString("against", c.Against);
        json.WriteNumber("explained", c.Explained);
        json.WriteNumber("errors", c.Errors);
        WriteStrings(json, "rules", c.RuleIds);
        WriteStrings(json, "sources", c.Sources);
        WriteNullable(json, "suggestion", c.Suggestion);
        json.WriteString("text", c.Text);
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, Diagnosis d, StoredEvent e, EvidenceRole? role = null, string? note = null)
    {
        json.WriteStartObject();
        WriteFields(json, d, e);
        if (role is { } r)
            json.WriteString("role", Role(r));
        if (note is not null)
            json.WriteString("note", note);
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, Diagnosis d, StoredEvent e)
    {
        json.WriteString("time", Formats.IsoUtc(e.At));
        json.WriteString("kind", e.Kind.Name());
        WriteNullable(json, "host", e.Host);
        WriteNullable(json, "code", e.CodeText);
        json.WriteString("message", e.Message);
        json.WriteStartObject("source");
        json.WriteString("path", d.PathOf(e));
        json.WriteNumber("line", e.Line);
        json.WriteEndObject();
    }

    public static string Role(EvidenceRole role) => role switch
    {
        EvidenceRole.Anchor => "anchor",
        EvidenceRole.Required => "required",
        EvidenceRole.Support => "support",
        EvidenceRole.LastActivity => "last-activity",
        _ => "error",
    };

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteStringValue(v);
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
