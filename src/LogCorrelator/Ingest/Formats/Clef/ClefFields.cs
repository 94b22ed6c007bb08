using System.Text.Json;

namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>Names the property the reader stands on, compared as UTF-8 (escaped names too) without decoding it.</summary>
internal static class ClefFields
{
    public static ClefField Of(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("@t"u8))
            return ClefField.Time;
        if (reader.ValueTextEquals("@m"u8))
            return ClefField.Rendered;
        if (reader.ValueTextEquals("@mt"u8))
            return ClefField.Template;
        if (reader.ValueTextEquals("@x"u8))
            return ClefField.Exception;
        return reader.ValueTextEquals("MachineName"u8) ? ClefField.Machine : ClefField.Other;
    }
}
