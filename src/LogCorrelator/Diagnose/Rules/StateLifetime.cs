namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// <c>lifetime:</c> how long the state a right-hand event shows lasts either side of it: <see cref="DefaultMs"/>
/// unless a <c>netconfig</c> event from the same host carries <see cref="Setting"/> (in seconds). The relation's
/// window is the longest the setting may say; each pair is then held to its own snapshot's lifetime.
/// </summary>
internal sealed record StateLifetime(long DefaultMs, string Setting);
