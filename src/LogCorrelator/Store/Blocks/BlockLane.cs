namespace LogCorrelator.Store.Blocks;

/// <summary>
/// Which blocks an event goes to. Info lines are ~99% of a log and rarely asked for: kept apart,
/// questions about errors, restarts and kills read the notable blocks only. Events without a time
/// have their own blocks, which a time range never touches.
/// </summary>
internal enum BlockLane : byte
{
    Notable = 0,
    Info = 1,
    Untimed = 2,
}
