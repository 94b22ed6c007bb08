using System.Runtime.InteropServices;

namespace LogCorrelator.Ingest.Walking;

/// <summary>
/// Device and inode numbers through Linux's <c>statx</c> (glibc 2.28+): .NET does not expose them, and unlike
/// <c>stat</c>'s, statx's structure is the same on every architecture, so it can be declared once.
/// </summary>
internal static partial class LinuxStat
{
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    /// <returns>False where statx is missing or fails (not Linux, an old libc, a dangling link): the caller falls back.</returns>
    public static bool TryGet(string path, out ulong device, out ulong inode)
    {
        device = inode = 0;
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            // Flags 0: links are followed, as reading the file does.
            if (Statx(AtFdCwd, path, 0, StatxIno, out var buffer) != 0 || (buffer.Mask & StatxIno) == 0)
                return false;
            device = (ulong)buffer.DevMajor << 32 | buffer.DevMinor;
            inode = buffer.Ino;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>The fields read of <c>struct statx</c> (linux/stat.h), at their fixed offsets.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(32)]
        public ulong Ino;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;
    }
}
