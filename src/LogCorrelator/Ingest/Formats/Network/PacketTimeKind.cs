namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>How much of a packet's time its line gives.</summary>
internal enum PacketTimeKind
{
    /// <summary>No time on the line (a <c>tcpdump -v</c> continuation line).</summary>
    None,
    /// <summary>Date and time, local to the machine that printed it (<c>tshark -t ad</c>, <c>tcpdump -tttt</c>).</summary>
    Absolute,
    /// <summary>Unix seconds (<c>tshark -t e</c>, <c>tcpdump -tt</c>).</summary>
    Epoch,
    /// <summary>Seconds since the first packet (tshark's default).</summary>
    Relative,
    /// <summary>Time of day without a date (tcpdump's default, <c>tshark -t a</c>).</summary>
    TimeOfDay,
}
