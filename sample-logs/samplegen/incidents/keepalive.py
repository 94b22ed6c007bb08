"""incident-keepalive: dead peers detected by TCP keepalive (30 s + 5 x 1 s) while SQLPROD06's link was down; its System event log beside."""

from ..clock import D, seconds_between, T
from ..drivers.sqlclient import sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, Server, SQL2019
from ..formats.network import wevtutil_event
from ..incident import Incident
from ..noise import sprinkle
from ..textfile import TextFile


def worker_queries(log, rng, start, end, spids, op, logger, thread_of, mean_gap_s, busy=()):
    """DEBUG pairs a worker writes around each command: 'Executing ... on SPID n' and '... completed in m ms (SPID n)'."""
    for t in sprinkle(rng, start, end, mean_gap_s, busy):
        spid = rng.choice(spids)
        unit = rng.randint(88000, 88999)
        took = rng.randint(20, 900)
        log.log(t, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread_of(spid))
        log.log(t + D(milliseconds=took), "DEBUG", logger, "%s for %d completed in %d ms (SPID %d)" % (op, unit, took, spid),
                thread=thread_of(spid))


def build():
    inc = Incident("incident-keepalive", 7707)
    rng = inc.rng
    srv = Server("SQLPROD06", SQL2019, 0, "Standard Edition (64-bit)",
                 "Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)", 3904, "CORP\\svc-sqlprod06")
    el = inc.add(ErrorLog("SQLPROD06/ERRORLOG", srv))
    cycle_header(el, T("2024-03-08 00:00:00.390"), 60)
    bk = Backups(el, rng, "\\\\bkp01\\sqlbackup\\SQLPROD06", [("Wms", "2019/02/12(07:45:10)", 618823)])
    bk.full(T("2024-03-08 01:00:31.550"), "Wms", 2660918)
    bk.schedule_logs(T("2024-03-08 00:30:00"), T("2024-03-08 17:30:00"), 60, ["Wms"])
    checkdb(el, T("2024-03-08 02:41:19.880"), 66, "Wms", "CORP\\svc-sqlagent", 9, 33, rng)

    # The server's System log, exported with wevtutil: local time, which on this UTC server is UTC.
    ev = TextFile("SQLPROD06/SystemEvents.txt", newline="\r\n", encoding="ascii",
                  clock=("`wevtutil qe System /f:text` export", "no; the machine's local time, which is UTC on this server "
                         "(its ERRORLOG says `UTC adjustment: 0:00`)", "assumed UTC, which is right here"))
    inc.add(ev)
    nic = "Intel(R) 82574L Gigabit Network Connection"
    adapter = "\\DEVICE\\TCPIP_{5E2A7C41-9B3D-4F6E-A812-3C0D5B7E9F14}"
    flap = inc.ev("link-down", "Network link is disconnected.", "a 2.8 s flap, shorter than the disconnect damping: nothing fails")
    down = inc.ev("link-down", "Network link is disconnected.", "SQLPROD06 loses its link for 48 s")
    media = inc.ev("media-disconnect", "was disconnected from the network", "Media Sense: the adapter's configuration is released "
                   "6.6 s after the link loss; SQL Server drops its sessions")
    up = inc.ev("link-up", "Network link has been established at 1Gbps full duplex.", "link back")
    events = [
        (T("2024-03-08 02:00:11.402"), "Service Control Manager", 7036, "Information",
         "The Windows Modules Installer service entered the running state.", None),
        (T("2024-03-08 02:10:14.955"), "Service Control Manager", 7036, "Information",
         "The Windows Modules Installer service entered the stopped state.", None),
        (T("2024-03-08 06:14:02.330"), "Microsoft-Windows-Time-Service", 37, "Information",
         "The time provider NtpClient is currently receiving valid time data from dc01.corp.example.com (ntp.d|0.0.0.0:123->10.70.0.10:123).", None),
        (T("2024-03-08 11:05:41.204"), "e1iexpress", 27, "Warning", nic + "\n Network link is disconnected.", (flap, 1)),
        (T("2024-03-08 11:05:44.019"), "e1iexpress", 32, "Information", nic + "\n Network link has been established at 1Gbps full duplex.", None),
        (T("2024-03-08 15:02:10.318"), "e1iexpress", 27, "Warning", nic + "\n Network link is disconnected.", (down, 1)),
        (T("2024-03-08 15:02:16.902"), "Tcpip", 4202, "Warning",
         "The system detected that network adapter %s was disconnected from the network, and the adapter's network configuration has "
         "been released. If this was not intended, please check that the network cable is connected." % adapter, (media, 0)),
        (T("2024-03-08 15:02:58.701"), "e1iexpress", 32, "Information", nic + "\n Network link has been established at 1Gbps full duplex.", (up, 1)),
        (T("2024-03-08 15:02:59.833"), "Tcpip", 4201, "Information",
         "The system detected that network adapter %s was connected to the network, and has initiated normal operation over the "
         "network adapter." % adapter, None),
        (T("2024-03-08 16:40:03.118"), "Service Control Manager", 7036, "Information",
         "The Windows Update service entered the stopped state.", None),
    ]
    for i, (t, source, eid, level, text, mark) in enumerate(events):
        lines = wevtutil_event(i, source, t, eid, level, "SQLPROD06.corp.example.com", text,
                               opcode="Info" if source != "Service Control Manager" else "N/A")
        marks = []
        if mark:
            m, desc_line = mark
            m.offset = lines.index("  Description: ") + 1 + desc_line
            marks.append(m)
        ev.put(t, lines, marks)

    # APPSRV07: .NET 6 allocation worker, three threads each holding one pooled connection; Serilog -08:00.
    a = inc.add(AppLog("APPSRV07/Logs/wms-allocation-20240308.log", "serilog", -480,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (-08:00)", "each timestamp")))
    frames7 = ["at Wms.Allocation.Data.WaveRepository.Allocate(Int32 waveId) in D:\\a\\1\\s\\src\\Wms.Allocation\\Data\\WaveRepository.cs:line 77",
               "at Wms.Allocation.AllocationWorker.ProcessWave(Int32 waveId) in D:\\a\\1\\s\\src\\Wms.Allocation\\AllocationWorker.cs:line 64",
               "at Wms.Allocation.AllocationWorker.ExecuteAsync(CancellationToken stoppingToken) in "
               "D:\\a\\1\\s\\src\\Wms.Allocation\\AllocationWorker.cs:line 41"]
    outage = (T("2024-03-08 15:01:40"), T("2024-03-08 15:03:05"))
    worker_queries(a, rng, T("2024-03-08 13:30:00"), outage[0], [66, 73, 81], "AllocateWave", "", lambda s: "", 24)
    worker_queries(a, rng, outage[1], T("2024-03-08 16:00:00"), [102, 117, 121], "AllocateWave", "", lambda s: "", 24)
    # APPSRV08: .NET Framework label printer service, two threads; log4net +01:00.
    b = inc.add(AppLog("APPSRV08/Logs/Wms.Labels.log", "log4net", 60,
                       clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (+01:00)", "each timestamp")))
    frames8 = ["at Wms.Labels.Data.LabelQueue.NextBatch(Int32 printerGroup) in C:\\build\\wms-labels\\src\\Wms.Labels\\Data\\LabelQueue.cs:line 48",
               "at Wms.Labels.PrintLoop.Run() in C:\\build\\wms-labels\\src\\Wms.Labels\\PrintLoop.cs:line 36"]
    thread8 = {90: "6", 95: "7", 133: "6", 140: "7"}
    worker_queries(b, rng, T("2024-03-08 12:30:00"), outage[0], [90, 95], "NextBatch", "Wms.Labels.Data.LabelQueue", thread8.get, 40)
    worker_queries(b, rng, outage[1], T("2024-03-08 16:00:00"), [133, 140], "NextBatch", "Wms.Labels.Data.LabelQueue", thread8.get, 40)

    def in_flight(log, logger, thread, op, unit, spid, last, failed, host, ns, frames):
        prev = last - D(milliseconds=rng.randint(25, 60))
        took = rng.randint(20, 60)
        log.log(prev - D(milliseconds=took), "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit - 1, spid), thread=thread)
        log.log(prev, "DEBUG", logger, "%s for %d completed in %d ms (SPID %d)" % (op, unit - 1, took, spid), thread=thread)
        m = inc.ev("last-activity", "Executing %s for %d on SPID %d" % (op, unit, spid), "%s's last packet on SPID %d" % (host, spid))
        log.log(last, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread, mark=m)
        inc.error(log, failed, logger, "%s for %d failed after %d ms (SPID %d)" % (op, unit, round(seconds_between(last, failed) * 1000), spid),
                  sqlclient_exception(ns, 64, inc.guid(), frames), host, 64, explained=("keepalive", m), thread=thread)

    in_flight(a, "", "", "AllocateWave", 88211, 73, T("2024-03-08 15:01:44.902"), T("2024-03-08 15:02:19.986"), "APPSRV07", "Microsoft", frames7)
    in_flight(a, "", "", "AllocateWave", 88214, 81, T("2024-03-08 15:01:58.120"), T("2024-03-08 15:02:33.214"), "APPSRV07", "Microsoft", frames7)
    in_flight(a, "", "", "AllocateWave", 88216, 66, T("2024-03-08 15:02:05.477"), T("2024-03-08 15:02:40.560"), "APPSRV07", "Microsoft", frames7)
    in_flight(b, "Wms.Labels.Data.LabelQueue", "6", "NextBatch", 88402, 90, T("2024-03-08 15:01:51.330"), T("2024-03-08 15:02:26.412"),
              "APPSRV08", "System", frames8)
    in_flight(b, "Wms.Labels.Data.LabelQueue", "7", "NextBatch", 88405, 95, T("2024-03-08 15:02:09.005"), T("2024-03-08 15:02:44.101"),
              "APPSRV08", "System", frames8)
    a.log(T("2024-03-08 15:03:04.410"), "INFO", "", "Connection pool cleared after a fatal error; reconnected to SQLPROD06 (SPID 102)")
    b.log(T("2024-03-08 15:03:03.876"), "INFO", "Wms.Labels.PrintLoop", "Reconnected to SQLPROD06; resuming label batches", thread="6")
    inc.error(b, T("2024-03-08 12:44:03.518"), "Wms.Labels.Data.LabelQueue", "NextBatch for 88311 failed (SPID 95)",
              sqlclient_exception("System", 10054, inc.guid(), frames8), "APPSRV08", 10054, thread="7",
              note="a lone reset two hours before the outage")

    inc.cause = "keepalive (dead peer detected 30 s + 5 x 1 s after the last packet, while SQLPROD06's link was down)"
    inc.story = ("Friday 2024-03-08. SQLPROD06's network link drops at 15:02:10Z and comes back 48 s later (the System log export "
                 "shows e1iexpress 27/32 and Tcpip 4202/4201). Five commands were in flight on APPSRV07 (.NET 6, "
                 "Microsoft.Data.SqlClient) and APPSRV08 (.NET Framework, System.Data.SqlClient). Their connections had gone quiet "
                 "waiting for results; after 30 s without a packet each client sent keepalive probes, five at one-second intervals, "
                 "got no answer and dropped the connection: each command failed 35.1 s after its last activity with `The specified "
                 "network name is no longer available` (64). A 2.8 s flap at 11:05Z, shorter than the disconnect damping, broke nothing.")
    inc.verdict = ("Each explained error comes 35.08 to 35.10 s after the `Executing ...` line of the same SPID, with nothing logged "
                   "on that connection in between, and falls inside the link outage. The 12:44Z reset on APPSRV08 is not part of it.")
    inc.traps = [
        "The errors come 9 to 34 s after the link loss, not at a fixed delay from it: the 35 s clock starts at each connection's own "
        "last packet.",
        "The 11:05:41Z link loss lasted 2.8 s; Media Sense's damping (5-10 s) hid it from TCP/IP and SQL Server: no error follows.",
        "SystemEvents.txt has no offset; this server's clock is UTC. The event text spans two lines (`Intel(R) 82574L ...` then "
        "` Network link is disconnected.`).",
        "APPSRV07 logs -08:00, APPSRV08 +01:00: the five errors are 15:02:19Z to 15:02:44Z in UTC.",
        "Error 64 is a receive failure (`receiving results from the server`), not the 10054 send failure of a stale pooled connection.",
    ]
    return inc


def write(out):
    return build().write(out)
