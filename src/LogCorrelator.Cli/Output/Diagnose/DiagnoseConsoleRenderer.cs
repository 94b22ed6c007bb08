using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// The terminal report, as Spectre.Console renderables built from a <see cref="DiagnosisView"/>
/// and written to an injected console: a test passes one that writes plain text to a string.
/// </summary>
internal static class DiagnoseConsoleRenderer
{
    private const int Indent = 3;

    public static void Write(IAnsiConsole console, DiagnosisView view)
    {
        console.Write(new Rule($"[bold]Diagnosis: {Markup.Escape(view.Title)}[/]") { Justification = Justify.Left });
        console.MarkupLine($"[bold]{Markup.Escape(view.Headline)}[/]");
        if (view.Breakdown.Length > 0)
            console.MarkupLine($"[dim]{Markup.Escape(view.Breakdown)}[/]");
        console.WriteLine();

        if (view.NoCause is not null)
        {
            console.Write(Indented(new Markup($"[yellow]{Markup.Escape(view.NoCause)}[/]"), 0));
            console.WriteLine();
        }
        foreach (var cause in view.Causes)
            WriteCause(console, cause);
        if (view.Clocks.Count > 0)
        {
            console.MarkupLine("[bold yellow]Clocks[/]");
            foreach (var clock in view.Clocks)
                console.Write(Indented(new Markup(Markup.Escape(clock)), Indent));
            console.WriteLine();
        }

        console.MarkupLine($"[bold]{Markup.Escape(view.UnexplainedHeading)}[/]");
        if (view.Unexplained.Count > 0)
            console.Write(Indented(Groups(view.Unexplained), Indent));
        console.WriteLine();
        if (view.LoginHeading is not null)
        {
            console.MarkupLine($"[bold]{Markup.Escape(view.LoginHeading)}[/]");
            if (view.Logins.Count > 0)
                console.Write(Indented(Groups(view.Logins), Indent));
            if (view.ServerLogins.Count > 0)
                console.Write(Indented(Evidence(view.ServerLogins), Indent));
            console.WriteLine();
        }
        if (view.Accounts.Count > 0)
        {
            console.MarkupLine($"[bold]{Markup.Escape(view.AccountHeading)}[/]");
            console.Write(Indented(Accounts(view.Accounts), Indent));
            console.WriteLine();
        }
        foreach (var assumed in view.AssumedClocks)
            console.MarkupLine($"[dim]Clock: {Markup.Escape(assumed)}[/]");
        console.MarkupLine($"[dim]{Markup.Escape(view.Ranking)}[/]");
    }

    private static void WriteCause(IAnsiConsole console, CauseView c)
    {
        string confidence = c.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
        console.MarkupLine($"[bold]{c.Rank}. {Markup.Escape(c.Title)}[/] [dim]({Markup.Escape(c.Id)})[/]  "
            + $"[green]{c.Explained} of {c.Errors} errors[/]  [dim]confidence[/] {confidence}");
        console.Write(Indented(new Markup(Markup.Escape(Prose.KeepUnits(c.Summary))), Indent));
        if (c.Note is not null)
            console.Write(Indented(new Markup($"[yellow]Note:[/] {Markup.Escape(c.Note)}"), Indent));
        if (c.Overlap is not null)
            console.Write(Indented(new Markup(Markup.Escape(c.Overlap)), Indent));
        console.Write(Indented(new Markup("[bold]Evidence[/]"), Indent));
        console.Write(Indented(Evidence(c.Evidence), Indent + 2));
        console.Write(Indented(new Markup($"[bold]Remedy[/] {Markup.Escape(c.Remedy)}"), Indent));
        console.Write(Indented(new Markup($"[dim]From {Markup.Escape(c.Source)}[/]"), Indent));
        console.WriteLine();
    }

    /// <summary>
    /// Each line's time, kind and place on one row, its text indented under it: a message is too
    /// long to share a row, and a column for it would squeeze the places.
    /// </summary>
    private static IRenderable Evidence(IReadOnlyList<EvidenceRow> rows)
    {
        int timeWidth = rows.Max(r => r.Time.Length), whatWidth = rows.Max(r => r.What.Length);
        var lines = new List<IRenderable>();
        foreach (var r in rows)
        {
            string what = Markup.Escape(r.What.PadRight(whatWidth));
            lines.Add(new Markup($"{Markup.Escape(r.Time.PadRight(timeWidth))}  {(r.IsError ? $"[red]{what}[/]" : $"[cyan]{what}[/]")}  {Markup.Escape(r.Where)}"));
            string text = r.Note is null ? r.Message : $"{r.Message}  ({r.Note})";
            lines.Add(Indented(new Markup($"[dim]{Markup.Escape(text)}[/]"), 4));
        }
        return new Rows(lines);
    }

    /// <summary>One row per error: time, code, host and where it landed; the reason indented under it, as evidence lines are.</summary>
    public static IRenderable Accounts(IReadOnlyList<AccountRow> rows)
    {
        int timeWidth = rows.Max(r => r.Time.Length), codeWidth = rows.Max(r => r.Code.Length), hostWidth = rows.Max(r => r.Host.Length);
        int landedWidth = rows.Max(r => r.Landed.Length);
        var lines = new List<IRenderable>();
        foreach (var r in rows)
        {
            string colour = r.Landed == "unexplained" ? "yellow" : r.Landed.StartsWith("not network", StringComparison.Ordinal) ? "dim" : "green";
            lines.Add(new Markup($"{Markup.Escape(r.Time.PadRight(timeWidth))}  {Markup.Escape(r.Code.PadRight(codeWidth))}  "
                + $"{Markup.Escape(r.Host.PadRight(hostWidth))}  [{colour}]{Markup.Escape(r.Landed.PadRight(landedWidth))}[/]  {Markup.Escape(r.Where)}"));
            lines.Add(Indented(new Markup($"[dim]{Markup.Escape(r.Why)}[/]"), 4));
        }
        return new Rows(lines);
    }

    private static IRenderable Groups(IReadOnlyList<GroupRow> rows)
    {
        var table = new Table { Border = TableBorder.None, ShowHeaders = true };
        table.AddColumn(new TableColumn("[dim]CODE[/]").NoWrap());
        table.AddColumn(new TableColumn("[dim]HOST[/]").NoWrap());
        table.AddColumn(new TableColumn("[dim]KIND[/]").NoWrap());
        table.AddColumn(new TableColumn("[dim]COUNT[/]").RightAligned());
        table.AddColumn(new TableColumn("[dim]WHEN (UTC)[/]"));
        foreach (var g in rows)
        {
            table.AddRow(Markup.Escape(g.Code), Markup.Escape(g.Host), Markup.Escape(g.Category),
                g.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(g.Times));
        }
        return table;
    }

    private static Padder Indented(IRenderable content, int left) => new(content, new Padding(left, 0, 0, 0));
}
