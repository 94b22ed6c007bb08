namespace LogCorrelator.Store.Blocks;

/// <summary>The attributes few events have (SQLSTATE, peer, port, count, extra): a block's side list.</summary>
internal readonly record struct EventAttributes(string? SqlState, int Peer, int? Port, int? Count, string? Extra)
{
    public bool IsEmpty => SqlState is null && Peer == 0 && Port is null && Count is null && Extra is null;
}
