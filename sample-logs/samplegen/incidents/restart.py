"""incident-restart, its ERRORLOG half: SQLPROD01/ERRORLOG and ERRORLOG.1 (the app log beside them is written by hand).

SQL Server 2019 on SQLPROD01, server local time UTC-5. ERRORLOG.1 is the run that started
2024-03-01 02:10:44.19 and was stopped by the Service Control Manager at 2024-03-05 06:31:50.12;
ERRORLOG is the run that started at 06:32:04.31 (11:32:04.31Z). The times here are the server's
local times, as read off the log this sample follows; the startup block is that instance's own
(CU22 on a VMware guest), not the generic one of formats/errorlog.py. No answer key: the tests of
incident-restart pin their facts themselves.
"""

from datetime import datetime, timedelta

from ..formats.errorlog import ErrorLog, INFO, INFO_SEMICOLON as INFO2, INFO_SHORT as INFO3, login_failed, Server, SQL2019
from ..textfile import write_bytes

FOLDER = "incident-restart"
SERVER = Server("SQLPROD01", SQL2019, -300, "Enterprise Edition: Core-based Licensing (64-bit)",
                "Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)", 4242, "NT Service\\MSSQLSERVER")
LOG_DIR = SERVER.errorlog_path.rsplit("\\", 1)[0]
DATA_DIR = SERVER.datadir
BACKUP = r"\\backup01\sql\SQLPROD01"
CREATED = {
    "master": "2019/11/12(14:03:51)", "model": "2019/11/12(14:03:52)", "msdb": "2023/07/27(18:38:02)",
    "OrdersDb": "2021/06/14(09:12:33)", "ReportsDb": "2021/06/14(09:15:07)",
}


def at(text):
    """'2024-03-05 06:32:04.31' as a datetime."""
    return datetime.strptime(text + "0000", "%Y-%m-%d %H:%M:%S.%f")


def cs(n):
    return timedelta(milliseconds=10 * n)


def startup_block(el, t0, pid, last_pid, last_seen):
    """The startup block of SQL Server 2019 CU22 on a VMware guest, from the banner to 'ready'."""
    s = lambda n: t0 + cs(n)
    el.add_local(s(0), "Server", SERVER.v["banner"], *SERVER.banner_lines())
    el.add_local(s(0), "Server", "UTC adjustment: -5:00")
    el.add_local(s(0), "Server", "(c) Microsoft Corporation.")
    el.add_local(s(0), "Server", "All rights reserved.")
    el.add_local(s(0), "Server", "Server process ID is %d." % pid)
    el.add_local(s(0), "Server", "System Manufacturer: 'VMware, Inc.', System Model: 'VMware7,1'.")
    el.add_local(s(0), "Server", "Authentication mode is MIXED.")
    el.add_local(s(0), "Server", "Logging SQL Server messages in file '%s\\ERRORLOG'." % LOG_DIR)
    el.add_local(s(0), "Server", "The service account is 'NT Service\\MSSQLSERVER'. " + INFO3)
    el.add_local(s(0), "Server", "Registry startup parameters: ",
                 "\t -d %s\\master.mdf" % DATA_DIR,
                 "\t -e %s\\ERRORLOG" % LOG_DIR,
                 "\t -l %s\\mastlog.ldf" % DATA_DIR,
                 "\t -T 3226")
    el.add_local(s(0), "Server", "Command Line Startup Parameters:",
                 '\t -s "MSSQLSERVER"')
    el.add_local(s(2), "Server", "SQL Server detected 2 sockets with 4 cores per socket and 4 logical processors per socket, "
                 "8 total logical processors; using 8 logical processors based on SQL Server licensing. " + INFO3)
    el.add_local(s(2), "Server", "SQL Server is starting at normal priority base (=7). " + INFO)
    el.add_local(s(2), "Server", "Detected 65535 MB of RAM. " + INFO3)
    el.add_local(s(2), "Server", "Using conventional memory in the memory manager.")
    el.add_local(s(2), "Server", "Page exclusion bitmap is enabled.")
    el.add_local(s(7), "Server", "Buffer pool extension is not enabled.")
    el.add_local(s(12), "Server", "Buffer Pool: Allocating 8388608 bytes for 6291456 hashPages.")
    el.add_local(s(20), "Server", "Default collation: SQL_Latin1_General_CP1_CI_AS (us_english 1033)")
    el.add_local(s(25), "Server", "Buffer pool extension is already disabled. No action is necessary.")
    el.add_local(s(33), "Server", "Perfmon counters for resource governor pools and groups failed to initialize and are disabled.")
    el.add_local(s(35), "Server", "Query Store settings initialized with enabled = 1, ")
    el.add_local(s(36), "Server", "The maximum number of dedicated administrator connections for this instance is '1'")
    el.add_local(s(36), "Server", "This instance of SQL Server last reported using a process ID of %d at %s. %s"
                 % (last_pid, last_seen, INFO2))
    el.add_local(s(37), "Server", "Node configuration: node 0: CPU mask: 0x00000000000000ff:0 Active CPU mask: 0x00000000000000ff:0. "
                 "This message provides a description of the NUMA configuration for this computer. " + INFO)
    el.add_local(s(39), "Server", "Using dynamic lock allocation.  Initial allocation of 2500 Lock blocks and 5000 Lock Owner blocks per node.  "
                 "This is an informational message only.  No user action is required.")
    el.add_local(s(41), "Server", "Lock partitioning is enabled.  " + INFO)
    el.add_local(s(44), "Server", "In-Memory OLTP initialized on standard machine.")
    el.add_local(s(48), "Server", "[INFO] Created Extended Events session 'hkenginexesession'")
    el.add_local(s(48), "Server", "Database Instant File Initialization: enabled. For security and performance reasons, when Instant File "
                 "Initialization is enabled, the content of the database files are not initialized before use. " + INFO)
    el.add_local(s(49), "Server", "Total Log Writer threads: 2. " + INFO3)
    el.add_local(s(52), "Server", "clwb is selected for pmem flush operation.")
    el.add_local(s(53), "Server", "Software Usage Metrics is disabled.")
    el.add_local(s(54), "spid11s", "Starting up database 'master'.")
    el.add_local(s(71), "spid11s", "Resource governor reconfiguration succeeded.")
    el.add_local(s(71), "spid11s", "SQL Server Audit is starting the audits. This is an informational message. No user action is required.")
    el.add_local(s(72), "spid11s", "SQL Server Audit has started the audits. This is an informational message. No user action is required.")
    el.add_local(s(77), "spid11s", "SQL Trace ID 1 was started by login \"sa\".")
    el.add_local(s(78), "spid11s", "Server name is 'SQLPROD01'. " + INFO)
    el.add_local(s(81), "spid11s", "Starting up database 'msdb'.")
    el.add_local(s(81), "spid12s", "Starting up database 'mssqlsystemresource'.")
    el.add_local(s(82), "spid12s", "The resource database build version is 15.00.4322. " + INFO)
    el.add_local(s(85), "spid12s", "Starting up database 'model'.")
    el.add_local(s(109), "spid12s", "Clearing tempdb database.")
    el.add_local(s(129), "Server", "CLR version v4.0.30319 loaded.")
    el.add_local(s(150), "spid12s", "Starting up database 'tempdb'.")
    el.add_local(s(178), "Server", "Common language runtime (CLR) functionality initialized using CLR version v4.0.30319 from "
                 "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\.")
    el.add_local(s(181), "spid12s", "The tempdb database has 8 data file(s).")
    el.add_local(s(182), "spid29s", "The Service Broker endpoint is in disabled or stopped state.")
    el.add_local(s(182), "spid29s", "The Database Mirroring endpoint is in disabled or stopped state.")
    el.add_local(s(184), "spid29s", "Service Broker manager has started.")
    el.add_local(s(186), "spid15s", "Starting up database 'OrdersDb'.")
    el.add_local(s(186), "spid16s", "Starting up database 'ReportsDb'.")
    el.add_local(s(243), "spid15s", "Parallel redo is started for database 'OrdersDb' with worker pool size [4].")
    el.add_local(s(301), "spid15s", "Parallel redo is shutdown for database 'OrdersDb' with worker pool size [4].")
    el.add_local(s(388), "spid15s", "Recovery completed for database OrdersDb (database ID 5) in 2 second(s) (analysis 21 ms, redo 612 ms, "
                 "undo 8 ms [system undo 0 ms, regular undo 8 ms].) " + INFO)
    el.add_local(s(1090), "Server", "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
                 "[ MSSQLSvc/SQLPROD01.corp.contoso.com ] for the SQL Server service. ")
    el.add_local(s(1090), "Server", "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
                 "[ MSSQLSvc/SQLPROD01.corp.contoso.com:1433 ] for the SQL Server service. ")
    el.add_local(s(1091), "Server", "Server is listening on [ 'any' <ipv6> 1433] accept sockets 1.")
    el.add_local(s(1091), "Server", "Server is listening on [ 'any' <ipv4> 1433] accept sockets 1.")
    el.add_local(s(1091), "Server", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\SQLLocal\\MSSQLSERVER ].")
    el.add_local(s(1091), "Server", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\sql\\query ].")
    el.add_local(s(1092), "Server", "Server is listening on [ ::1 <ipv6> 1434] accept sockets 1.")
    el.add_local(s(1092), "Server", "Server is listening on [ 127.0.0.1 <ipv4> 1434] accept sockets 1.")
    el.add_local(s(1092), "Server", "Dedicated admin connection support was established for listening locally on port 1434.")
    el.add_local(s(1157), "Server", "SQL Server is now ready for client connections. " + INFO3)
    el.add_local(s(1162), "spid16s", "Recovery completed for database ReportsDb (database ID 6) in 12 second(s) (analysis 40 ms, redo 0 ms, "
                 "undo 11302 ms [system undo 0 ms, regular undo 11302 ms].) " + INFO)
    el.add_local(s(1163), "spid11s", "Recovery is complete. " + INFO)


class Lsn:
    """Log sequence numbers that only go forward."""
    def __init__(self, vlf):
        self.vlf, self.block = vlf, 344

    def span(self):
        first = "%d:%d:1" % (self.vlf, self.block)
        self.block += 1280
        if self.block > 60000:
            self.vlf, self.block = self.vlf + 1, 16
        return first, "%d:%d:1" % (self.vlf, self.block)


def log_backup(el, t, db, lsn):
    first, last = lsn.span()
    el.add_local(t, "Backup", "Log was backed up. Database: %s, creation date(time): %s, first LSN: %s, last LSN: %s, "
                 "number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'%s\\%s_LOG_%s.trn'}). %s"
                 % (db, CREATED[db], first, last, BACKUP, db, t.strftime("%Y%m%d_%H%M%S"), INFO))


def full_backup(el, t, db, pages, lsn):
    first, last = lsn.span()
    el.add_local(t, "Backup", "Database backed up. Database: %s, creation date(time): %s, pages dumped: %d, first LSN: %s, "
                 "last LSN: %s, number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'%s\\%s_FULL_%s.bak'}). %s"
                 % (db, CREATED[db], pages, first, last, BACKUP, db, t.strftime("%Y%m%d_%H%M%S"), INFO))


def checkdb(el, t, spid, db, minutes, seconds, split):
    el.add_local(t, spid, "DBCC CHECKDB (%s) WITH no_infomsgs executed by CORP\\svc_sqlagent found 0 errors and repaired 0 errors. "
                 "Elapsed time: 0 hours %d minutes %d seconds.  Internal database snapshot has split point LSN = %s and first LSN = %s."
                 % (db, minutes, seconds, split, split[:-4] + "0001"))


def previous_run():
    """ERRORLOG.1: 2024-03-01 02:10:44.19 to the stop at 2024-03-05 06:31:50.12."""
    el = ErrorLog("SQLPROD01/ERRORLOG.1", SERVER)
    startup_block(el, at("2024-03-01 02:10:44.19"), 3820, 3712, "3/1/2024 2:09:58 AM (local) 3/1/2024 7:09:58 AM (UTC)")
    t = at("2024-03-01 02:10:58.40")
    el.add_local(t, "spid52", "Attempting to load library 'xpstar.dll' into memory. " + INFO)
    el.add_local(t + cs(4), "spid52", "Using 'xpstar.dll' version '2019.150.4322.2' to execute extended stored procedure 'xp_instance_regread'. " + INFO)

    orders, reports, system = Lsn(48211), Lsn(9132), Lsn(512)
    day = at("2024-03-01 03:00:00.00")
    end = at("2024-03-05 06:31:50.12")
    while day < end:
        if day.hour == 0 and day.minute == 0:
            el.add_local(day + cs(3), "spid23s", "This instance of SQL Server has been using a process ID of 3820 since "
                         "3/1/2024 2:10:47 AM (local) 3/1/2024 7:10:47 AM (UTC). " + INFO2)
            for i, db in enumerate(["master", "msdb", "model", "OrdersDb", "ReportsDb"]):
                split = "%08x:%08x:0001" % (0x4e2a1 + 97 * i + day.day, 0xf10 + 8 * i)
                checkdb(el, day + timedelta(minutes=30 + 4 * i, seconds=5 + i), "spid%d" % (61 + i), db,
                        3 if db == "OrdersDb" else 0, 12 + 7 * i, split)
        if day.hour == 1 and day.minute == 0:
            for i, (db, pages, lsn) in enumerate([("master", 867, system), ("msdb", 3172, system), ("model", 466, system),
                                                   ("OrdersDb", 412345 + 2000 * day.day, orders),
                                                   ("ReportsDb", 91207 + 350 * day.day, reports)]):
                full_backup(el, day + timedelta(seconds=14 + 40 * i, milliseconds=520), db, pages, lsn)
        if day.hour != 1:
            log_backup(el, day + timedelta(seconds=3, milliseconds=110), "OrdersDb", orders)
            if day.hour % 4 == 0 and day.minute == 0:
                log_backup(el, day + timedelta(seconds=5, milliseconds=870), "ReportsDb", reports)
        if day == at("2024-03-02 09:00:00.00"):
            t = at("2024-03-02 09:14:37.66")
            login_failed(el, el.utc(t), "reporting", 5, "10.20.1.131")
        if day == at("2024-03-03 14:00:00.00"):
            t = at("2024-03-03 14:22:09.58")
            el.add_local(t, "Logon", "Error: 17830, Severity: 20, State: 11.")
            el.add_local(t, "Logon", "Network error code 0x2746 occurred while establishing a connection; the connection has been closed. "
                         "This may have been caused by client or server login timeout expiration. Time spent during login: total 3 ms, "
                         "enqueued 0 ms, network writes 0 ms, network reads 1 ms, establishing SSL 0 ms, negotiating SSPI 0 ms, "
                         "validating login 0 ms, including user-defined login processing 0 ms. [CLIENT: 10.20.1.40]")
        if day == at("2024-03-04 02:00:00.00"):
            el.add_local(at("2024-03-04 02:41:17.03"), "spid7s", "SQL Server has encountered 2 occurrence(s) of I/O requests taking longer "
                         "than 15 seconds to complete on file [E:\\MSSQL\\Data\\ReportsDb.mdf] in database id 6.  The OS file handle is "
                         "0x0000000000000F2C.  The offset of the latest long I/O is: 0x00000a1f4e0000.  The duration of the long I/O is: 15284 ms.")
        if day == at("2024-03-05 05:30:00.00"):
            t = at("2024-03-05 05:58:13.27")
            login_failed(el, el.utc(t), "orders_app", 8, "10.20.1.77")
        day += timedelta(minutes=30)

    t = end
    el.add_local(t, "spid22s", "SQL Server is terminating in response to a 'stop' request from Service Control Manager. " + INFO)
    el.add_local(t + cs(3), "spid22s", ".NET Framework runtime has been stopped.")
    el.add_local(t + cs(21), "spid22s", "Service Broker manager has shut down.")
    el.add_local(t + cs(64), "spid22s", "Error: 17054, Severity: 16, State: 1.")
    el.add_local(t + cs(64), "spid22s", "The current event was not reported to the Windows Events log. Operating system error = 1717"
                 "(The interface is unknown.). You may need to clear the Windows Event Log if it is full.")
    el.add_local(t + cs(125), "spid22s", "SQL Trace was stopped due to server shutdown. Trace ID = '1'. " + INFO2)
    return el


def current_run():
    """ERRORLOG: from the start at 2024-03-05 06:32:04.31 to the bundle's collection early afternoon."""
    el = ErrorLog("SQLPROD01/ERRORLOG", SERVER)
    startup_block(el, at("2024-03-05 06:32:04.31"), 4242, 3820, "3/5/2024 6:31:51 AM (local) 3/5/2024 11:31:51 AM (UTC)")
    t = at("2024-03-05 06:32:19.02")
    el.add_local(t, "spid52", "Attempting to load library 'xpstar.dll' into memory. " + INFO)
    el.add_local(t + cs(5), "spid52", "Using 'xpstar.dll' version '2019.150.4322.2' to execute extended stored procedure 'xp_instance_regread'. " + INFO)
    el.add_local(at("2024-03-05 06:32:21.48"), "spid53", "Using 'dbghelp.dll' version '4.0.5'")
    el.add_local(at("2024-03-05 06:47:22.40"), "spid64", "Process ID 87 was killed by hostname APPSRV01, host process ID 4412.")
    t = at("2024-03-05 07:05:41.03")
    login_failed(el, el.utc(t), "CORP\\svc_reports", 38, "10.20.1.92", db="ReportsArchive")

    orders, reports = Lsn(48342), Lsn(9140)
    t = at("2024-03-05 06:45:00.00")
    end = at("2024-03-05 14:10:00.00")
    while t < end:
        log_backup(el, t + timedelta(seconds=3, milliseconds=140), "OrdersDb", orders)
        if t.minute == 0:
            log_backup(el, t + timedelta(seconds=6, milliseconds=20), "ReportsDb", reports)
        t += timedelta(minutes=5)
    el.add_local(at("2024-03-05 08:02:11.47"), "spid71", "Starting up database 'ReportsStaging'.")
    el.add_local(at("2024-03-05 08:02:11.93"), "spid71", "CHECKDB for database 'ReportsStaging' finished without errors on 2024-03-03 "
                 "00:41:02.310 (local time). " + INFO2)
    checkdb(el, at("2024-03-05 09:34:52.18"), "spid77", "ReportsDb", 2, 41, "0000e1c7:00002b70:0001")
    return el


def write(out):
    for el in (previous_run(), current_run()):
        write_bytes(out, FOLDER + "/" + el.path, el.render())
    return "%-28s ERRORLOG, ERRORLOG.1 (the app log beside them is written by hand)" % FOLDER
