using System.Globalization;

namespace LogCorrelator.Ingest.Archives;

/// <summary>
/// How far an archive may expand before it is taken for a zip bomb. Logs compress far better than
/// most data (UTF-16 ERRORLOGs 20-40×), so the ratio is generous; the floor lets a tiny archive of
/// a big log through, the ceiling bounds the disk any one archive can take.
/// </summary>
internal sealed record ArchiveLimits(int Ratio, long Floor, long Ceiling)
{
    public static ArchiveLimits Default { get; } = new(100, 256L << 20, 8L << 30);

    /// <summary>The most bytes an archive of <paramref name="archiveBytes"/> may extract to.</summary>
    public long For(long archiveBytes) => Math.Clamp(archiveBytes * Ratio, Floor, Ceiling);

    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
    };
}
