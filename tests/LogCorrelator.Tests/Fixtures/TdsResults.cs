namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// What <see cref="TdsResponder"/> answers to a batch: the result set registered for the first text
/// the batch starts with, else one int column holding 1 (what <c>SELECT 1</c> returns).
/// </summary>
internal sealed class TdsResults
{
    private readonly List<(string Start, Func<byte[]> Answer)> _answers = [];

    public TdsResults On(string batchStart, Func<byte[]> answer)
    {
        _answers.Add((batchStart, answer));
        return this;
    }

    public byte[] For(string batch)
    {
        foreach (var (start, answer) in _answers)
        {
            if (batch.TrimStart().StartsWith(start, StringComparison.OrdinalIgnoreCase))
                return answer();
        }
        return TdsTokens.ResultSet([("", TdsType.Int)], [[1]]);
    }
}
