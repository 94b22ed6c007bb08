namespace LogCorrelator.Gen.Plan;

/// <summary>
/// One planted cause at a UTC instant (Unix ms, a multiple of 10 because ERRORLOG keeps
/// centiseconds): the restart's banner time, or the kill line's time.
/// </summary>
/// <param name="Spid">The session that issued a kill.</param>
/// <param name="Victim">The process id a kill ended.</param>
/// <param name="KillerHost">The host a kill came from (APPSRV0x).</param>
/// <param name="KillerPid">The host process id on the killing host.</param>
internal readonly record struct Incident(IncidentKind Kind, long Time, int Spid, int Victim, string KillerHost, int KillerPid);
