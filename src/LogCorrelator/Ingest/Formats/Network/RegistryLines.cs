using System.Globalization;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// The TCP/IP parameters key as Windows prints it: <c>reg query HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters</c>
/// (the key's full name on a line, then <c>    Name    REG_DWORD    0x1e</c>) and a regedit export
/// (<c>[HKEY_LOCAL_MACHINE\...\Tcpip\Parameters]</c>, then <c>"Name"=dword:0000001e</c>). Seed 003 names the values
/// that matter (MaxUserPort, TcpTimedWaitDelay); their meaning and range are Microsoft's registry reference
/// (http://technet.microsoft.com/library/cc938217: TcpTimedWaitDelay, REG_DWORD, 0x1E-0x12C (30-300 seconds),
/// default 0xF0, 240 seconds). A DWORD becomes its decimal value under the value's name in lower case.
/// </summary>
internal static class RegistryLines
{
    private const string Key = @"\Services\Tcpip\Parameters";

    /// <summary>The key's name line, from reg query or in brackets from regedit.</summary>
    public static bool IsTcpipKey(ReadOnlySpan<char> t)
    {
        var name = t.TrimStart('[').TrimEnd(']');
        return (name.StartsWith(@"HKEY_LOCAL_MACHINE\", StringComparison.OrdinalIgnoreCase) || name.StartsWith(@"HKLM\", StringComparison.OrdinalIgnoreCase))
            && name.EndsWith(Key, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A DWORD value line of either form; other types (strings, binaries) are not settings the rules read.</summary>
    public static bool TryDword(ReadOnlySpan<char> t, out string name, out long value)
    {
        name = "";
        value = 0;
        // regedit: "TcpTimedWaitDelay"=dword:0000001e
        if (t.StartsWith("\"") && t.IndexOf("\"=dword:", StringComparison.OrdinalIgnoreCase) is int q and > 1)
        {
            name = t[1..q].ToString().ToLowerInvariant();
            return long.TryParse(t[(q + "\"=dword:".Length)..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        // reg query: TcpTimedWaitDelay    REG_DWORD    0x1e
        var tokens = new Tokens(t);
        if (!tokens.Next(out var first) || !tokens.Next(out var type) || !type.Equals("REG_DWORD", StringComparison.OrdinalIgnoreCase)
            || !tokens.Next(out var number) || !number.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        name = first.ToString().ToLowerInvariant();
        return long.TryParse(number[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
