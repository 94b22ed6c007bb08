namespace LogCorrelator.Query.Ast;

/// <summary>How the right-hand events must lie around a left-hand event.</summary>
internal enum RelationKind
{
    /// <summary>Some B in [tA - w, tA + w].</summary>
    Near,
    /// <summary>Some B in [tA - w, tA]: A happened after B.</summary>
    After,
    /// <summary>Some B in [tA, tA + w]: A happened before B.</summary>
    Before,
}
