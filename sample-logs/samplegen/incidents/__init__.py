"""One module per sample folder, each with `write(out)`: writes its files under `out` and returns a line to print.

The incident-* folders built as an `Incident` also write their answer key to out/expected/NAME.md;
incident-restart's ERRORLOGs and formats-clef are single files beside ones written by hand.
"""

from . import backlog, chimney, failover, formats_clef, idle_timeout, keepalive, keepalive_aftermath, kill, mixed, no_cause, port_exhaustion, port_span, restart, restart_logins, silence_edge

# Folder name -> module, in the order they are written.
FOLDERS = {
    "incident-kill": kill,
    "incident-failover": failover,
    "incident-idle-timeout": idle_timeout,
    "incident-chimney": chimney,
    "incident-port-exhaustion": port_exhaustion,
    "incident-backlog": backlog,
    "incident-keepalive": keepalive,
    "incident-mixed": mixed,
    "incident-no-cause": no_cause,
    "incident-silence-edge": silence_edge,
    "incident-restart-logins": restart_logins,
    "incident-port-span": port_span,
    "incident-keepalive-aftermath": keepalive_aftermath,
    "incident-restart": restart,
    "formats-clef": formats_clef,
}
