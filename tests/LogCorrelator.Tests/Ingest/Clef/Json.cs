using System.Globalization;
using System.Text;

namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>Writes a JSON string the way Serilog's formatter does: only quotes, backslashes and control characters escaped.</summary>
internal static class Json
{
    public static string Str(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
