using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>The selected event: its source and line, the raw lines around it, and the events that justified the match.</summary>
internal sealed record DetailView(ResultRow Row, string SourcePath, int Line, IReadOnlyList<ExcerptLine> Lines, bool IsJoin);
