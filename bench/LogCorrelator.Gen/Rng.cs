namespace LogCorrelator.Gen;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Ours rather than <see cref="Random"/>: a seeded
/// <see cref="Random"/>'s sequence is an implementation detail of the runtime, and the corpus
/// must be the same bytes for the same seed on every runtime and machine.
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <param name="stream">Separates independent sequences drawn from one seed.</param>
    public Rng(long seed, int stream)
    {
        ulong x = (ulong)seed ^ (0xD1B54A32D192ED03UL * (ulong)(stream + 1));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A number in [0, n); multiply-shift, whose bias is far below anything a log corpus shows.</summary>
    public long Below(long n) => n <= 0 ? 0 : (long)(((UInt128)Next() * (ulong)n) >> 64);

    public int Below(int n) => (int)Below((long)n);

    /// <summary>A number in [lo, hi], both inclusive.</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    public T Pick<T>(T[] items) => items[Below(items.Length)];

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
