namespace LogCorrelator.Query.Syntax;

/// <summary>What sort of thing was expected; error messages list keywords first, the end last.</summary>
internal enum ExpectationKind
{
    Keyword,
    Value,
    Symbol,
    End,
}
