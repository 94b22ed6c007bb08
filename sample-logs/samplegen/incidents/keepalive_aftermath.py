"""incident-keepalive-aftermath: an outage keepalive detects on busy connections, and the 10053s of pooled connections idle through it minutes later."""

from ..clock import D, seconds_between, T
from ..drivers.sqlclient import sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, cycle_header, ErrorLog, Server, SQL2019
from ..formats.network import wevtutil_event
from ..incident import Incident, Mark
from ..noise import sprinkle
from ..textfile import TextFile

FRAMES_41 = ["at Orders.Fulfilment.Data.PickListStore.Reserve(Int32 orderId) in D:\\a\\1\\s\\src\\Orders.Fulfilment\\Data\\PickListStore.cs:line 52",
             "at Orders.Fulfilment.PickWorker.ProcessOrder(Int32 orderId) in D:\\a\\1\\s\\src\\Orders.Fulfilment\\PickWorker.cs:line 88",
             "at Orders.Fulfilment.PickWorker.ExecuteAsync(CancellationToken stoppingToken) in D:\\a\\1\\s\\src\\Orders.Fulfilment\\PickWorker.cs:line 43"]
FRAMES_42 = ["at Orders.Reports.Data.ReportQueue.Next(Int32 group) in C:\\build\\orders-reports\\src\\Orders.Reports\\Data\\ReportQueue.cs:line 61",
             "at Orders.Reports.ReportLoop.Run() in C:\\build\\orders-reports\\src\\Orders.Reports\\ReportLoop.cs:line 29"]


def build():
    inc = Incident("incident-keepalive-aftermath", 8808)
    rng = inc.rng
    srv = Server("SQLPROD11", SQL2019, 0, "Standard Edition (64-bit)",
                 "Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)", 4112, "CORP\\svc-sqlprod11")
    el = inc.add(ErrorLog("SQLPROD11/ERRORLOG", srv))
    cycle_header(el, T("2024-03-21 00:00:00.410"), 61)
    bk = Backups(el, rng, "\\\\bkp02\\sqlbackup\\SQLPROD11", [("Orders", "2020/06/30(09:12:44)", 733012)])
    bk.full(T("2024-03-21 01:00:29.340"), "Orders", 3120577)
    bk.schedule_logs(T("2024-03-21 00:30:00"), T("2024-03-21 13:30:00"), 60, ["Orders"])

    ev = TextFile("SQLPROD11/SystemEvents.txt", newline="\r\n", encoding="ascii",
                  clock=("`wevtutil qe System /f:text` export", "no; the machine's local time, which is UTC on this server "
                         "(its ERRORLOG says `UTC adjustment: 0:00`)", "assumed UTC, which is right here"))
    inc.add(ev)
    nic = "Intel(R) Ethernet Connection X722 for 10GbE SFP+"
    adapter = "\\DEVICE\\TCPIP_{8C1F0A52-3D7E-4B19-9E60-7A2B4C5D6E31}"
    down = inc.ev("link-down", "Network link is disconnected.", "SQLPROD11 loses its link for 43 s")
    media = inc.ev("media-disconnect", "was disconnected from the network", "Media Sense: 7 s later the adapter's configuration is "
                   "released and SQL Server kills every session")
    events = [
        (T("2024-03-21 03:12:40.118"), "Service Control Manager", 7036, "Information",
         "The Windows Modules Installer service entered the running state.", None),
        (T("2024-03-21 10:20:05.512"), "i40ea", 27, "Warning", nic + "\n Network link is disconnected.", (down, 1)),
        (T("2024-03-21 10:20:12.604"), "Tcpip", 4202, "Warning",
         "The system detected that network adapter %s was disconnected from the network, and the adapter's network configuration has "
         "been released. If this was not intended, please check that the network cable is connected." % adapter, (media, 0)),
        (T("2024-03-21 10:20:48.771"), "i40ea", 32, "Information", nic + "\n Network link has been established at 10Gbps full duplex.", None),
        (T("2024-03-21 10:20:49.905"), "Tcpip", 4201, "Information",
         "The system detected that network adapter %s was connected to the network, and has initiated normal operation over the "
         "network adapter." % adapter, None),
    ]
    for i, (t, source, eid, level, text, mark) in enumerate(events):
        lines = wevtutil_event(i, source, t, eid, level, "SQLPROD11.corp.example.com", text, opcode="Info" if source != "Service Control Manager" else "N/A")
        marks = []
        if mark:
            m, desc_line = mark
            m.offset = lines.index("  Description: ") + 1 + desc_line
            marks.append(m)
        ev.put(t, lines, marks)

    # APPSRV41: .NET 6 pick worker (Microsoft.Data.SqlClient), Serilog +01:00. APPSRV42: .NET Framework report service
    # (System.Data.SqlClient), log4net +01:00. Each logs its commands; the times are kept to check the traps below.
    a = inc.add(AppLog("APPSRV41/Logs/orders-fulfilment-20240321.log", "serilog", 60,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+01:00)", "each timestamp")))
    b = inc.add(AppLog("APPSRV42/Logs/Orders.Reports.log", "log4net", 60,
                       clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (+01:00)", "each timestamp")))
    lines_at = {"APPSRV41": [], "APPSRV42": []}
    outage = (T("2024-03-21 10:19:45"), T("2024-03-21 10:21:05"))

    def worker(log, host, start, end, op, logger, thread, mean_gap_s):
        for t in sprinkle(rng, start, end, mean_gap_s, [outage]):
            unit = rng.randint(51000, 59999)
            took = rng.randint(15, 700)
            spid = rng.choice([58, 64, 71, 77])
            log.log(t, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread)
            log.log(t + D(milliseconds=took), "DEBUG", logger, "%s for %d completed in %d ms (SPID %d)" % (op, unit, took, spid), thread=thread)
            lines_at[host] += [t, t + D(milliseconds=took)]

    worker(a, "APPSRV41", T("2024-03-21 08:00:00"), T("2024-03-21 11:00:00"), "ReservePickList", "", "", 18)
    worker(b, "APPSRV42", T("2024-03-21 08:00:00"), T("2024-03-21 11:00:00"), "NextReport", "Orders.Reports.Data.ReportQueue", "5", 25)

    def detected(log, host, logger, thread, op, unit, spid, last, failed, ns, frames):
        """A command in flight when the link went: its last line, then 64 about 35 s later (keepalive's 30 s + 5 x 1 s)."""
        m = inc.ev("last-activity", "Executing %s for %d on SPID %d" % (op, unit, spid), "%s's last packet on SPID %d" % (host, spid))
        log.log(last, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread, mark=m)
        lines_at[host].append(last)
        # The error line is also the evidence the aftermath is measured from: the moment the outage was detected.
        err = Mark("error", host=host, code="64", sqlstate="-", explained=("keepalive", m), note="", not_network=None)
        det = inc.ev("detection", "%s for %d failed" % (op, unit), "the outage detected on %s SPID %d" % (host, spid))
        log.put(failed, [log.stamp(failed) + (" [ERR] " if log.layout == "serilog" else " [%s] ERROR %s - " % (thread, logger))
                         + "%s for %d failed after %d ms (SPID %d)" % (op, unit, round(seconds_between(last, failed) * 1000), spid)]
                + list(sqlclient_exception(ns, 64, inc.guid(), frames)), [err, det], log.stamp(failed))
        inc.errors.append(err)
        lines_at[host].append(failed)
        return det

    d1 = detected(a, "APPSRV41", "", "", "ReservePickList", 55120, 64, T("2024-03-21 10:19:50.214"), T("2024-03-21 10:20:25.301"), "Microsoft", FRAMES_41)
    d2 = detected(b, "APPSRV42", "Orders.Reports.Data.ReportQueue", "5", "NextReport", 57331, 71, T("2024-03-21 10:19:57.116"),
                  T("2024-03-21 10:20:32.203"), "System", FRAMES_42)
    d3 = detected(a, "APPSRV41", "", "", "ReservePickList", 55124, 77, T("2024-03-21 10:20:01.642"), T("2024-03-21 10:20:36.729"), "Microsoft", FRAMES_41)
    detections = [(d1, T("2024-03-21 10:20:25.301")), (d2, T("2024-03-21 10:20:32.203")), (d3, T("2024-03-21 10:20:36.729"))]

    def pooled(log, host, logger, thread, op, t, ns, frames, explained, note=""):
        """The first use of a pooled connection that sat idle: its keepalive failed during the outage and the client's own
        stack aborted it, so the send fails with 10053."""
        # The generator checks its own traps: the host was busy (not 4 minutes quiet, which would be idle-timeout's) and no
        # line of it sits 35.0-35.6 s before (which would be keepalive's).
        assert any(0 < seconds_between(x, t) < 240 for x in lines_at[host]), (host, t)
        assert not any(35.0 <= seconds_between(x, t) <= 35.6 for x in lines_at[host]), (host, t)
        why = None
        if explained:
            anchor = max((d for d in detections if d[1] <= t), key=lambda d: d[1])[0]
            why = ("keepalive-aftermath", anchor)
        unit = rng.randint(51000, 59999)
        inc.error(log, t, logger, "%s for %d failed (first use of a pooled connection)" % (op, unit),
                  sqlclient_exception(ns, 10053, inc.guid(), frames), host, 10053, explained=why, thread=thread, note=note)
        lines_at[host].append(t)

    pooled(a, "APPSRV41", "", "", "ReleasePickList", T("2024-03-21 08:47:31.662"), "Microsoft", FRAMES_41, False,
           "a lone abort 1.5 h before the outage: nothing to follow")
    pooled(a, "APPSRV41", "", "", "ReleasePickList", T("2024-03-21 10:23:12.406"), "Microsoft", FRAMES_41, True)
    pooled(b, "APPSRV42", "Orders.Reports.Data.ReportQueue", "9", "ArchiveReport", T("2024-03-21 10:26:48.930"), "System", FRAMES_42, True)
    pooled(a, "APPSRV41", "", "", "ReleasePickList", T("2024-03-21 10:29:55.118"), "Microsoft", FRAMES_41, True)
    pooled(b, "APPSRV42", "Orders.Reports.Data.ReportQueue", "9", "ArchiveReport", T("2024-03-21 10:31:40.020"), "System", FRAMES_42, False,
           "11 min 3 s after the last detection, past the 10 min consequence window")

    inc.cause = "keepalive (dead peers detected 35 s after their last packet while SQLPROD11's link was down), then keepalive-aftermath (pooled connections idle through the outage, 10053 on next use)"
    inc.story = ("Thursday 2024-03-21. SQLPROD11's network link drops at 10:20:05Z for 43 s; 7 s in, Media Sense releases the "
                 "adapter's configuration and SQL Server kills every client session (seed 004). Three commands were in flight on "
                 "APPSRV41 (.NET 6, Microsoft.Data.SqlClient) and APPSRV42 (.NET Framework, System.Data.SqlClient): keepalive found "
                 "their peer dead 35.1 s after each one's last packet and they failed with 64. The pools also held connections "
                 "nobody was using: their keepalive probes went unanswered during the outage too, the clients' own stacks aborted "
                 "them, and each failed with 10053 the first time the application took it from the pool, 2 to 10 minutes later.")
    inc.verdict = ("keepalive explains the three 64s (35.08-35.09 s after their `Executing ...` lines). keepalive-aftermath explains "
                   "the three 10053s that come within 10 minutes of a detection (2 min 36 s, 6 min 12 s and 9 min 18 s after the last "
                   "detection before each). The 08:47Z abort, before any outage, and the 10:31:40Z one, 11 min 3 s after the last "
                   "detection, stay unexplained.")
    inc.traps = [
        "The 10053s come minutes after the outage, when nothing on the server marks them; only their place after keepalive's "
        "detections ties them to it.",
        "Both hosts keep logging commands on other connections after the outage: no 4-minute silence before a 10053 (not idle-timeout), "
        "and no line 35.0-35.6 s before one (not keepalive itself).",
        "10:31:40.020Z is 11 min 3 s after the last detection (10:20:36.729Z): past the window, unexplained.",
        "08:47:31.662Z is a 10053 with no outage before it: the rule only follows keepalive.",
        "APPSRV41 and APPSRV42 both log +01:00; SystemEvents.txt has no offset and this server's clock is UTC.",
    ]
    return inc


def write(out):
    return build().write(out)
