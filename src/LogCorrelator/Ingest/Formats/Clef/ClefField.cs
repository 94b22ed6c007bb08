namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>The members of a CLEF object the reader uses; every other property is skipped.</summary>
internal enum ClefField
{
    Other,
    /// <summary><c>@t</c></summary>
    Time,
    /// <summary><c>@m</c></summary>
    Rendered,
    /// <summary><c>@mt</c></summary>
    Template,
    /// <summary><c>@x</c></summary>
    Exception,
    /// <summary><c>MachineName</c>, Serilog's environment enricher.</summary>
    Machine,
}
