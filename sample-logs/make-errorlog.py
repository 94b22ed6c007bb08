#!/usr/bin/env python3
"""Writes the ERRORLOG half of sample-logs/incident-restart: SQLPROD01/ERRORLOG and ERRORLOG.1.

SQL Server 2019 on SQLPROD01, server local time UTC-5. ERRORLOG.1 is the run that started
2024-03-01 02:10:44.19 and was stopped by the Service Control Manager at 2024-03-05 06:31:50.12;
ERRORLOG is the run that started at 06:32:04.31 (11:32:04.31Z). Written as SQL Server writes
them: UTF-16LE with a BOM, CRLF, the process column padded to 12 characters. Deterministic:
running it again gives the same bytes.

    python3 sample-logs/make-errorlog.py
"""
from datetime import datetime, timedelta
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "incident-restart", "SQLPROD01")

LOG_DIR = r"D:\MSSQL15.MSSQLSERVER\MSSQL\Log"
DATA_DIR = r"D:\MSSQL15.MSSQLSERVER\MSSQL\DATA"
BACKUP = r"\\backup01\sql\SQLPROD01"
INFO = "This is an informational message only. No user action is required."
INFO2 = "This is an informational message only; no user action is required."
INFO3 = "This is an informational message; no user action is required."
CREATED = {
    "master": "2019/11/12(14:03:51)", "model": "2019/11/12(14:03:52)", "msdb": "2023/07/27(18:38:02)",
    "OrdersDb": "2021/06/14(09:12:33)", "ReportsDb": "2021/06/14(09:15:07)",
}


class Log:
    """Entries in time order (a stable sort, so entries of the same instant keep their order)."""
    def __init__(self):
        self.entries = []

    def add(self, t, process, message, *continuation):
        stamp = t.strftime("%Y-%m-%d %H:%M:%S.") + "%02d" % (t.microsecond // 10000)
        self.entries.append((stamp, [stamp + " " + process.ljust(12) + message, *continuation]))

    @property
    def lines(self):
        return [line for _, lines in sorted(self.entries, key=lambda e: e[0]) for line in lines]

    def write(self, name):
        with open(os.path.join(OUT, name), "w", encoding="utf-16", newline="\r\n") as f:
            for line in self.lines:
                f.write(line + "\n")


def at(text):
    """'2024-03-05 06:32:04.31' as a datetime."""
    return datetime.strptime(text + "0000", "%Y-%m-%d %H:%M:%S.%f")


def cs(n):
    return timedelta(milliseconds=10 * n)


def startup_block(log, t0, pid, last_pid, last_seen):
    """The startup block of SQL Server 2019 CU22 on a VMware guest, from the banner to 'ready'."""
    s = lambda n: t0 + cs(n)
    log.add(s(0), "Server", "Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
            "\tJul 27 2023 18:11:00 ",
            "\tCopyright (C) 2019 Microsoft Corporation",
            "\tEnterprise Edition: Core-based Licensing (64-bit) on Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)",
            "")
    log.add(s(0), "Server", "UTC adjustment: -5:00")
    log.add(s(0), "Server", "(c) Microsoft Corporation.")
    log.add(s(0), "Server", "All rights reserved.")
    log.add(s(0), "Server", "Server process ID is %d." % pid)
    log.add(s(0), "Server", "System Manufacturer: 'VMware, Inc.', System Model: 'VMware7,1'.")
    log.add(s(0), "Server", "Authentication mode is MIXED.")
    log.add(s(0), "Server", "Logging SQL Server messages in file '%s\\ERRORLOG'." % LOG_DIR)
    log.add(s(0), "Server", "The service account is 'NT Service\\MSSQLSERVER'. " + INFO3)
    log.add(s(0), "Server", "Registry startup parameters: ",
            "\t -d %s\\master.mdf" % DATA_DIR,
            "\t -e %s\\ERRORLOG" % LOG_DIR,
            "\t -l %s\\mastlog.ldf" % DATA_DIR,
            "\t -T 3226")
    log.add(s(0), "Server", "Command Line Startup Parameters:",
            '\t -s "MSSQLSERVER"')
    log.add(s(2), "Server", "SQL Server detected 2 sockets with 4 cores per socket and 4 logical processors per socket, "
            "8 total logical processors; using 8 logical processors based on SQL Server licensing. " + INFO3)
    log.add(s(2), "Server", "SQL Server is starting at normal priority base (=7). " + INFO)
    log.add(s(2), "Server", "Detected 65535 MB of RAM. " + INFO3)
    log.add(s(2), "Server", "Using conventional memory in the memory manager.")
    log.add(s(2), "Server", "Page exclusion bitmap is enabled.")
    log.add(s(7), "Server", "Buffer pool extension is not enabled.")
    log.add(s(12), "Server", "Buffer Pool: Allocating 8388608 bytes for 6291456 hashPages.")
    log.add(s(20), "Server", "Default collation: SQL_Latin1_General_CP1_CI_AS (us_english 1033)")
    log.add(s(25), "Server", "Buffer pool extension is already disabled. No action is necessary.")
    log.add(s(33), "Server", "Perfmon counters for resource governor pools and groups failed to initialize and are disabled.")
    log.add(s(35), "Server", "Query Store settings initialized with enabled = 1, ")
    log.add(s(36), "Server", "The maximum number of dedicated administrator connections for this instance is '1'")
    log.add(s(36), "Server", "This instance of SQL Server last reported using a process ID of %d at %s. %s"
            % (last_pid, last_seen, INFO2))
    log.add(s(37), "Server", "Node configuration: node 0: CPU mask: 0x00000000000000ff:0 Active CPU mask: 0x00000000000000ff:0. "
            "This message provides a description of the NUMA configuration for this computer. " + INFO)
    log.add(s(39), "Server", "Using dynamic lock allocation.  Initial allocation of 2500 Lock blocks and 5000 Lock Owner blocks per node.  "
            "This is an informational message only.  No user action is required.")
    log.add(s(41), "Server", "Lock partitioning is enabled.  " + INFO)
    log.add(s(44), "Server", "In-Memory OLTP initialized on standard machine.")
    log.add(s(48), "Server", "[INFO] Created Extended Events session 'hkenginexesession'")
    log.add(s(48), "Server", "Database Instant File Initialization: enabled. For security and performance reasons, when Instant File "
            "Initialization is enabled, the content of the database files are not initialized before use. " + INFO)
    log.add(s(49), "Server", "Total Log Writer threads: 2. " + INFO3)
    log.add(s(52), "Server", "clwb is selected for pmem flush operation.")
    log.add(s(53), "Server", "Software Usage Metrics is disabled.")
    log.add(s(54), "spid11s", "Starting up database 'master'.")
    log.add(s(71), "spid11s", "Resource governor reconfiguration succeeded.")
    log.add(s(71), "spid11s", "SQL Server Audit is starting the audits. This is an informational message. No user action is required.")
    log.add(s(72), "spid11s", "SQL Server Audit has started the audits. This is an informational message. No user action is required.")
    log.add(s(77), "spid11s", "SQL Trace ID 1 was started by login \"sa\".")
    log.add(s(78), "spid11s", "Server name is 'SQLPROD01'. " + INFO)
    log.add(s(81), "spid11s", "Starting up database 'msdb'.")
    log.add(s(81), "spid12s", "Starting up database 'mssqlsystemresource'.")
    log.add(s(82), "spid12s", "The resource database build version is 15.00.4322. " + INFO)
    log.add(s(85), "spid12s", "Starting up database 'model'.")
    log.add(s(109), "spid12s", "Clearing tempdb database.")
    log.add(s(129), "Server", "CLR version v4.0.30319 loaded.")
    log.add(s(150), "spid12s", "Starting up database 'tempdb'.")
    log.add(s(178), "Server", "Common language runtime (CLR) functionality initialized using CLR version v4.0.30319 from "
            "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\.")
    log.add(s(181), "spid12s", "The tempdb database has 8 data file(s).")
    log.add(s(182), "spid29s", "The Service Broker endpoint is in disabled or stopped state.")
    log.add(s(182), "spid29s", "The Database Mirroring endpoint is in disabled or stopped state.")
    log.add(s(184), "spid29s", "Service Broker manager has started.")
    log.add(s(186), "spid15s", "Starting up database 'OrdersDb'.")
    log.add(s(186), "spid16s", "Starting up database 'ReportsDb'.")
    log.add(s(243), "spid15s", "Parallel redo is started for database 'OrdersDb' with worker pool size [4].")
    log.add(s(301), "spid15s", "Parallel redo is shutdown for database 'OrdersDb' with worker pool size [4].")
    log.add(s(388), "spid15s", "Recovery completed for database OrdersDb (database ID 5) in 2 second(s) (analysis 21 ms, redo 612 ms, "
            "undo 8 ms [system undo 0 ms, regular undo 8 ms].) " + INFO)
    log.add(s(1090), "Server", "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
            "[ MSSQLSvc/SQLPROD01.corp.contoso.com ] for the SQL Server service. ")
    log.add(s(1090), "Server", "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
            "[ MSSQLSvc/SQLPROD01.corp.contoso.com:1433 ] for the SQL Server service. ")
    log.add(s(1091), "Server", "Server is listening on [ 'any' <ipv6> 1433] accept sockets 1.")
    log.add(s(1091), "Server", "Server is listening on [ 'any' <ipv4> 1433] accept sockets 1.")
    log.add(s(1091), "Server", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\SQLLocal\\MSSQLSERVER ].")
    log.add(s(1091), "Server", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\sql\\query ].")
    log.add(s(1092), "Server", "Server is listening on [ ::1 <ipv6> 1434] accept sockets 1.")
    log.add(s(1092), "Server", "Server is listening on [ 127.0.0.1 <ipv4> 1434] accept sockets 1.")
    log.add(s(1092), "Server", "Dedicated admin connection support was established for listening locally on port 1434.")
    log.add(s(1157), "Server", "SQL Server is now ready for client connections. " + INFO3)
    log.add(s(1162), "spid16s", "Recovery completed for database ReportsDb (database ID 6) in 12 second(s) (analysis 40 ms, redo 0 ms, "
            "undo 11302 ms [system undo 0 ms, regular undo 11302 ms].) " + INFO)
    log.add(s(1163), "spid11s", "Recovery is complete. " + INFO)


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


def log_backup(log, t, db, lsn):
    first, last = lsn.span()
    log.add(t, "Backup", "Log was backed up. Database: %s, creation date(time): %s, first LSN: %s, last LSN: %s, "
            "number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'%s\\%s_LOG_%s.trn'}). %s"
            % (db, CREATED[db], first, last, BACKUP, db, t.strftime("%Y%m%d_%H%M%S"), INFO))


def full_backup(log, t, db, pages, lsn):
    first, last = lsn.span()
    log.add(t, "Backup", "Database backed up. Database: %s, creation date(time): %s, pages dumped: %d, first LSN: %s, "
            "last LSN: %s, number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'%s\\%s_FULL_%s.bak'}). %s"
            % (db, CREATED[db], pages, first, last, BACKUP, db, t.strftime("%Y%m%d_%H%M%S"), INFO))


def checkdb(log, t, spid, db, minutes, seconds, split):
    log.add(t, spid, "DBCC CHECKDB (%s) WITH no_infomsgs executed by CORP\\svc_sqlagent found 0 errors and repaired 0 errors. "
            "Elapsed time: 0 hours %d minutes %d seconds.  Internal database snapshot has split point LSN = %s and first LSN = %s."
            % (db, minutes, seconds, split, split[:-4] + "0001"))


def previous_run():
    """ERRORLOG.1: 2024-03-01 02:10:44.19 to the stop at 2024-03-05 06:31:50.12."""
    log = Log()
    startup_block(log, at("2024-03-01 02:10:44.19"), 3820, 3712, "3/1/2024 2:09:58 AM (local) 3/1/2024 7:09:58 AM (UTC)")
    t = at("2024-03-01 02:10:58.40")
    log.add(t, "spid52", "Attempting to load library 'xpstar.dll' into memory. " + INFO)
    log.add(t + cs(4), "spid52", "Using 'xpstar.dll' version '2019.150.4322.2' to execute extended stored procedure 'xp_instance_regread'. " + INFO)

    orders, reports, system = Lsn(48211), Lsn(9132), Lsn(512)
    day = at("2024-03-01 03:00:00.00")
    end = at("2024-03-05 06:31:50.12")
    while day < end:
        if day.hour == 0 and day.minute == 0:
            log.add(day + cs(3), "spid23s", "This instance of SQL Server has been using a process ID of 3820 since "
                    "3/1/2024 2:10:47 AM (local) 3/1/2024 7:10:47 AM (UTC). " + INFO2)
            for i, db in enumerate(["master", "msdb", "model", "OrdersDb", "ReportsDb"]):
                split = "%08x:%08x:0001" % (0x4e2a1 + 97 * i + day.day, 0xf10 + 8 * i)
                checkdb(log, day + timedelta(minutes=30 + 4 * i, seconds=5 + i), "spid%d" % (61 + i), db,
                        3 if db == "OrdersDb" else 0, 12 + 7 * i, split)
        if day.hour == 1 and day.minute == 0:
            for i, (db, pages, lsn) in enumerate([("master", 867, system), ("msdb", 3172, system), ("model", 466, system),
                                                   ("OrdersDb", 412345 + 2000 * day.day, orders),
                                                   ("ReportsDb", 91207 + 350 * day.day, reports)]):
                full_backup(log, day + timedelta(seconds=14 + 40 * i, milliseconds=520), db, pages, lsn)
        if day.hour != 1:
            log_backup(log, day + timedelta(seconds=3, milliseconds=110), "OrdersDb", orders)
            if day.hour % 4 == 0 and day.minute == 0:
                log_backup(log, day + timedelta(seconds=5, milliseconds=870), "ReportsDb", reports)
        if day == at("2024-03-02 09:00:00.00"):
            t = at("2024-03-02 09:14:37.66")
            log.add(t, "Logon", "Error: 18456, Severity: 14, State: 5.")
            log.add(t, "Logon", "Login failed for user 'reporting'. Reason: Could not find a login matching the name provided. [CLIENT: 10.20.1.131]")
        if day == at("2024-03-03 14:00:00.00"):
            t = at("2024-03-03 14:22:09.58")
            log.add(t, "Logon", "Error: 17830, Severity: 20, State: 11.")
            log.add(t, "Logon", "Network error code 0x2746 occurred while establishing a connection; the connection has been closed. "
                    "This may have been caused by client or server login timeout expiration. Time spent during login: total 3 ms, "
                    "enqueued 0 ms, network writes 0 ms, network reads 1 ms, establishing SSL 0 ms, negotiating SSPI 0 ms, "
                    "validating login 0 ms, including user-defined login processing 0 ms. [CLIENT: 10.20.1.40]")
        if day == at("2024-03-04 02:00:00.00"):
            log.add(at("2024-03-04 02:41:17.03"), "spid7s", "SQL Server has encountered 2 occurrence(s) of I/O requests taking longer "
                    "than 15 seconds to complete on file [E:\\MSSQL\\Data\\ReportsDb.mdf] in database id 6.  The OS file handle is "
                    "0x0000000000000F2C.  The offset of the latest long I/O is: 0x00000a1f4e0000.  The duration of the long I/O is: 15284 ms.")
        if day == at("2024-03-05 05:30:00.00"):
            t = at("2024-03-05 05:58:13.27")
            log.add(t, "Logon", "Error: 18456, Severity: 14, State: 8.")
            log.add(t, "Logon", "Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. [CLIENT: 10.20.1.77]")
        day += timedelta(minutes=30)

    t = end
    log.add(t, "spid22s", "SQL Server is terminating in response to a 'stop' request from Service Control Manager. " + INFO)
    log.add(t + cs(3), "spid22s", ".NET Framework runtime has been stopped.")
    log.add(t + cs(21), "spid22s", "Service Broker manager has shut down.")
    log.add(t + cs(64), "spid22s", "Error: 17054, Severity: 16, State: 1.")
    log.add(t + cs(64), "spid22s", "The current event was not reported to the Windows Events log. Operating system error = 1717"
            "(The interface is unknown.). You may need to clear the Windows Event Log if it is full.")
    log.add(t + cs(125), "spid22s", "SQL Trace was stopped due to server shutdown. Trace ID = '1'. " + INFO2)
    log.write("ERRORLOG.1")
    return log


def current_run():
    """ERRORLOG: from the start at 2024-03-05 06:32:04.31 to the bundle's collection early afternoon."""
    log = Log()
    startup_block(log, at("2024-03-05 06:32:04.31"), 4242, 3820, "3/5/2024 6:31:51 AM (local) 3/5/2024 11:31:51 AM (UTC)")
    t = at("2024-03-05 06:32:19.02")
    log.add(t, "spid52", "Attempting to load library 'xpstar.dll' into memory. " + INFO)
    log.add(t + cs(5), "spid52", "Using 'xpstar.dll' version '2019.150.4322.2' to execute extended stored procedure 'xp_instance_regread'. " + INFO)
    log.add(at("2024-03-05 06:32:21.48"), "spid53", "Using 'dbghelp.dll' version '4.0.5'")
    log.add(at("2024-03-05 06:47:22.40"), "spid64", "Process ID 87 was killed by hostname APPSRV01, host process ID 4412.")
    t = at("2024-03-05 07:05:41.03")
    log.add(t, "Logon", "Error: 18456, Severity: 14, State: 38.")
    log.add(t, "Logon", "Login failed for user 'CORP\\svc_reports'. Reason: Failed to open the explicitly specified database "
            "'ReportsArchive'. [CLIENT: 10.20.1.92]")

    orders, reports = Lsn(48342), Lsn(9140)
    t = at("2024-03-05 06:45:00.00")
    end = at("2024-03-05 14:10:00.00")
    while t < end:
        log_backup(log, t + timedelta(seconds=3, milliseconds=140), "OrdersDb", orders)
        if t.minute == 0:
            log_backup(log, t + timedelta(seconds=6, milliseconds=20), "ReportsDb", reports)
        t += timedelta(minutes=5)
    log.add(at("2024-03-05 08:02:11.47"), "spid71", "Starting up database 'ReportsStaging'.")
    log.add(at("2024-03-05 08:02:11.93"), "spid71", "CHECKDB for database 'ReportsStaging' finished without errors on 2024-03-03 "
            "00:41:02.310 (local time). " + INFO2)
    checkdb(log, at("2024-03-05 09:34:52.18"), "spid77", "ReportsDb", 2, 41, "0000e1c7:00002b70:0001")
    log.write("ERRORLOG")
    return log


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for log, name in ((previous_run(), "ERRORLOG.1"), (current_run(), "ERRORLOG")):
        print("%s: %d lines" % (name, len(log.lines)))
