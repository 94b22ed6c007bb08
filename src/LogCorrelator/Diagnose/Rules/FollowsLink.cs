namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// <c>follows:</c> a consequence window. The rule explains an error that comes within
/// <see cref="Window"/> after an error that rule <see cref="RuleId"/> explained (when that rule fired):
/// the first rule found the event (an outage detected by keepalive), this one its later effects.
/// </summary>
internal sealed record FollowsLink(string RuleId, LagRange Window);
