namespace LogCorrelator.Query.Syntax;

/// <summary>
/// Remembers the farthest position where a terminal failed and everything expected there. Sprache
/// forgets the expectations of an optional branch that did not match (<c>errors 10054 nera</c> would
/// only say "expected end of input"); the farthest failure over all branches is what the user meant.
/// </summary>
internal sealed class ExpectationTracker
{
    private readonly List<Expectation> _expected = [];

    /// <summary>The farthest failing offset, or -1 while nothing has failed.</summary>
    public int Position { get; private set; } = -1;

    /// <summary>What was expected at <see cref="Position"/>, in the order the grammar tried it.</summary>
    public IReadOnlyList<Expectation> Expected => _expected;

    public void Expect(int position, Expectation what)
    {
        if (position < Position)
            return;
        if (position > Position)
        {
            Position = position;
            _expected.Clear();
        }
        if (!_expected.Contains(what))
            _expected.Add(what);
    }
}
