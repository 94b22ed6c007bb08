namespace LogCorrelator.Text;

/// <summary>
/// Interns the few names that repeat on every line (hosts, SQLSTATEs, loggers) from spans,
/// so the hot path allocates a string once per distinct name. Bounded: past the cap it
/// allocates instead of growing.
/// </summary>
public sealed class NamePool
{
    private const int Capacity = 4096;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NamePool() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out string? s))
            return s;
        s = name.ToString();
        if (_names.Count < Capacity)
            _names[s] = s;
        return s;
    }
}
