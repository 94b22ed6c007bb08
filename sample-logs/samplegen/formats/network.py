"""Network and OS artifacts: netsh, `netstat -n`, tshark one-line summaries, wevtutil's text export."""

from ..clock import D, ms3
from ..textfile import TextFile


def netsh_tcp_global(chimney, rss="enabled"):
    """`netsh int tcp show global` on Windows Server 2016, redirected from cmd.exe."""
    rows = [("Receive-Side Scaling State", rss), ("Chimney Offload State", chimney), ("NetDMA State", "disabled"),
            ("Direct Cache Access (DCA)", "disabled"), ("Receive Window Auto-Tuning Level", "normal"),
            ("Add-On Congestion Control Provider", "default"), ("ECN Capability", "disabled"),
            ("RFC 1323 Timestamps", "disabled"), ("Initial RTO", "3000"), ("Receive Segment Coalescing State", "enabled"),
            ("Non Sack Rtt Resiliency", "disabled"), ("Max SYN Retransmissions", "2"), ("TCP Fast Open", "disabled")]
    return (["Querying active state...", "", "TCP Global Parameters", "----------------------------------------------"]
            + ["%-36s: %s" % (k, v) for k, v in rows] + [""])


def netstat_rows(rows):
    """`netstat -n` on Windows: fixed columns."""
    out = ["", "Active Connections", "", "  Proto  Local Address          Foreign Address        State"]
    for local, remote, state in rows:
        out.append("  TCP    %-23s%-23s%s" % (local, remote, state))
    return out + [""]


def tshark_line(no, utc, src, dst, proto, length, info):
    """One line of `tshark -r capture.pcapng -t ud`: UTC time, no zone suffix, U+2192 arrows."""
    ts = utc.strftime("%Y-%m-%d %H:%M:%S.") + "%06d" % utc.microsecond
    return "%5d %s %12s \u2192 %-12s %s %d %s" % (no, ts, src, dst, proto, length, info)


def wevtutil_event(index, source, utc, event_id, level, computer, description, task="N/A", opcode="Info", keyword="Classic"):
    """One event of `wevtutil qe System /f:text`: Date is the machine's local time, no offset."""
    date = utc.strftime("%Y-%m-%dT%H:%M:%S.") + ms3(utc)
    return (["Event[%d]:" % index, "  Log Name: System", "  Source: %s" % source, "  Date: %s" % date,
             "  Event ID: %d" % event_id, "  Task: %s" % task, "  Level: %s" % level, "  Opcode: %s" % opcode,
             "  Keyword: %s" % keyword, "  User: N/A", "  User Name: N/A", "  Computer: %s" % computer,
             "  Description: "] + description.split("\n") + [""])


class Capture:
    """Builds `tshark -t ud -Y ...` text: handshakes, refusals (RST on SYN) and resets after pre-login."""

    SERVER = "10.30.1.20"

    def __init__(self, inc, path):
        self.inc = inc
        self.rng = inc.rng
        self.file = inc.add(TextFile(path, newline="\n", encoding="utf-8",
                                     clock=("`tshark -r SQLPROD05_1433.pcapng -t ud` (UTC, no zone suffix)", "no",
                                            "assumed UTC, which is right: `-t ud` prints UTC")))
        self.packets = []

    def _port(self):
        return self.rng.randint(49152, 65535)

    def attempt(self, t, client, kind, mark=None):
        """kind: 'ok', 'refused' (RST answers the SYN) or 'prelogin' (accepted, then RST after the pre-login packet)."""
        rng, s, port = self.rng, self.SERVER, self._port()
        syn = "%d \u2192 1433 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 WS=256 SACK_PERM" % port
        self.packets.append([t, client, s, "TCP", 66, syn, []])
        if kind == "refused":
            rst = t + D(microseconds=rng.randint(80, 400))
            self.packets.append([rst, s, client, "TCP", 54, "1433 \u2192 %d [RST, ACK] Seq=1 Ack=1 Win=0 Len=0" % port, [mark] if mark else []])
            return rst
        sa = t + D(microseconds=rng.randint(150, 500))
        self.packets.append([sa, s, client, "TCP", 66, "1433 \u2192 %d [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460 WS=256 "
                             "SACK_PERM" % port, []])
        pre = sa + D(microseconds=rng.randint(900, 2600))
        self.packets.append([pre, client, s, "TDS", 142, "TDS7 pre-login message", []])
        if kind == "prelogin":
            rst = pre + D(microseconds=rng.randint(600, 1500))
            self.packets.append([rst, s, client, "TCP", 54, "1433 \u2192 %d [RST, ACK] Seq=1 Ack=89 Win=0 Len=0" % port, [mark] if mark else []])
            return rst
        return pre

    def render(self):
        no = self.rng.randint(1, 9)
        for t, src, dst, proto, length, info, marks in sorted(self.packets, key=lambda p: p[0]):
            no += self.rng.randint(1, 6) if proto == "TCP" else self.rng.randint(3, 30)
            self.file.put(t, [tshark_line(no, t, src, dst, proto, length, info)], marks)
