namespace LogCorrelator.Query.Syntax;

/// <summary>Reads a value from one word of the query, or says it is not one (see <see cref="Lexeme.Value{T}"/>).</summary>
internal delegate bool TryRead<T>(ReadOnlySpan<char> text, out T value);
