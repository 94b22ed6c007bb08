using LogCorrelator.Cli.Output;
using LogCorrelator.Cli.Output.Diagnose;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>The terminal report rendered to text through an injected console: plain, no escape codes, no trailing blanks.</summary>
public sealed class ConsoleReportTests
{
    private static string Render(DiagnosisView view)
    {
        var text = new StringWriter { NewLine = "\n" };
        ConsoleFactory.Render(text, console => DiagnoseConsoleRenderer.Write(console, view));
        return text.ToString();
    }

    [Fact]
    public void The_report_reads_top_down_cause_evidence_remedy_then_what_is_left()
    {
        string expected = string.Join('\n',
            "── Diagnosis: incident-x " + new string('─', ConsoleFactory.FileWidth - 25),
            "3 client errors from APP01, 2024-03-05 11:32:06 to 11:40:00 UTC",
            "10054 ×3 (transport)",
            "",
            "1. SQL Server restarted or shut down (restart)  2 of 3 errors  confidence 0.90",
            "   2 of 3 errors 10054 between 11:32:06 and 11:33:02 follow the restart at 11:32:04 by 2–58 s",
            "   Evidence",
            "     11:32:04.310  restart      SQL01/ERRORLOG:1",
            "         Microsoft SQL Server 2019 (RTM-CU22)",
            "     11:32:06.480  error 10054  APP01/app.log:449",
            "         A transport-level error has occurred.",
            "   Remedy Make the application retry.",
            "   From seed 001_af0529c4daf1ffa3.txt; rule query: errors after (restart or shutdown) within 5m",
            "",
            "Clocks",
            "   APP01's clock runs 1 h ahead of SQL01's.",
            "",
            "Not explained: 1 of 3 errors",
            "   CODE  HOST  KIND      COUNT WHEN (UTC)",
            "   10054 APP01 transport     1 11:40:00.000",
            "",
            "Every client error: 2 explained, 0 not network errors, 1 unexplained",
            "   11:32:06.480  10054  APP01  restart      APP01/app.log:449",
            "       2.17 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)",
            "   11:32:07.112  10054  APP01  restart      APP01/app.log:496",
            "       2.80 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)",
            "   11:40:00.000  10054  APP01  unexplained  APP01/app.log:900",
            "       no rule applies; closest, restart: nearest restart 7 min earlier (SQL01/ERRORLOG:1); it needs one at most 5 min",
            "       before it",
            "",
            "Ranked by errors explained, then confidence; an error two causes explain counts for both.",
            "");

        Assert.Equal(expected, Render(SomeViews.Restart()));
    }

    [Fact]
    public void Markup_characters_in_log_text_are_printed_as_they_are()
    {
        string text = Render(SomeViews.Restart(message: "[bold]not markup[/] and [red]"));

        Assert.Contains("         [bold]not markup[/] and [red]\n", text);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_for_a_file_writes_no_escape_codes_and_a_fixed_width()
    {
        var console = ConsoleFactory.Create(new StringWriter(), terminal: false);

        Assert.Equal(ConsoleFactory.FileWidth, console.Profile.Width);
        Assert.False(console.Profile.Capabilities.Ansi);
        Assert.Equal(Spectre.Console.ColorSystem.NoColors, console.Profile.Capabilities.ColorSystem);
    }
}
