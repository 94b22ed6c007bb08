using System.Text;
using System.Text.RegularExpressions;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// A copy of incident-restart whose app log runs exactly one hour ahead (every timestamp plus
/// 1 h, the offset text unchanged): diagnose says the clocks differ by 1 h and still names the
/// restart, instead of reporting no cause.
/// </summary>
public sealed partial class ClockSkewIncidentTests : IDisposable
{
    private readonly SampleIncident _run = new();

    public void Dispose() => _run.Dispose();

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})(?= [+-]\d\d:\d\d )", RegexOptions.Multiline)]
    private static partial Regex Stamp();

    private string ShiftedCopy()
    {
        string source = SampleIncident.PathOf("incident-restart");
        string copy = _run.Folder.Combine("incident-restart-shifted");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string app = Path.Combine(copy, "APPSRV01", "Logs", "orders-api-20240305.log");
        string text = File.ReadAllText(app, Encoding.UTF8);
        string shifted = Stamp().Replace(text, m =>
            DateTime.ParseExact(m.Value, "yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)
                .AddHours(1).ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(text, shifted);
        File.WriteAllText(app, shifted, new UTF8Encoding(false));
        return copy;
    }

    [Fact]
    public void The_report_says_the_clocks_differ_by_one_hour_and_names_the_restart()
    {
        var d = _run.Json(ShiftedCopy());

        var clock = Assert.Single(d.GetProperty("clocks").EnumerateArray());
        Assert.Equal(("APPSRV01", 3600.0, false, "SQLPROD01"),
            (clock.GetProperty("host").GetString(), clock.GetProperty("offsetSeconds").GetDouble(), clock.GetProperty("assumed").GetBoolean(), clock.GetProperty("against").GetString()));
        Assert.Equal(7, clock.GetProperty("explained").GetInt32());
        Assert.StartsWith("APPSRV01's clock runs 1 h ahead of SQLPROD01's", clock.GetProperty("text").GetString());
        var causes = d.Causes();
        Assert.Equal([("restart", 5, 5), ("kill", 2, 2)],
            causes.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("explained").GetInt32(), c.GetProperty("clockCorrected").GetInt32())));
        // The errors as logged are one hour later than the scenario's.
        Assert.Equal("2024-03-05T12:32:06.480Z", causes[0].ExplainedTimes()[0]);
        Assert.Equal(3600.0, causes[0].GetProperty("explainedErrors")[0].GetProperty("clockShiftSeconds").GetDouble());
        Assert.Equal("5 of 10 errors 10054 between 11:32:06 and 11:33:02 follow the restart at 11:32:04 by 2–58 s "
            + "(5 of them with APPSRV01's clock moved 1 h earlier)", causes[0].GetProperty("summary").GetString());
    }

    [Fact]
    public void The_terminal_report_has_a_clocks_section()
    {
        var run = _run.Text(ShiftedCopy());

        Assert.Contains("\nClocks\n   APPSRV01's clock runs 1 h ahead of SQLPROD01's: 7 of its 9 unexplained errors fit kill and restart once moved 1 h\n", run.Text);
    }
}
