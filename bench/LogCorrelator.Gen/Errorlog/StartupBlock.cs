namespace LogCorrelator.Gen.Errorlog;

/// <summary>
/// A SQL Server 2019 startup block as ERRORLOG writes it: the multi-line banner, the UTC
/// adjustment, the server name, listening endpoints and the ready line; and the shutdown lines
/// that precede it. Entries are (ms after the banner, source, text); '\n' separates physical lines.
/// </summary>
internal static class StartupBlock
{
    /// <summary>The service stop request comes this long before the next banner.</summary>
    public const long ShutdownLeadMs = 14_190;

    private static readonly (int Ms, string Source, string Text)[] Banner =
    [
        (0, "Server", "Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \n\tJul 27 2023 18:11:00 \n\tCopyright (C) 2019 Microsoft Corporation\n\tEnterprise Edition: Core-based Licensing (64-bit) on Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)\n"),
        (0, "Server", "UTC adjustment: -5:00"),
        (0, "Server", "(c) Microsoft Corporation."),
        (0, "Server", "All rights reserved."),
    ];

    private static readonly (int Ms, string Source, string Text)[] Body =
    [
        (0, "Server", "System Manufacturer: 'VMware, Inc.', System Model: 'VMware7,1'."),
        (0, "Server", "Authentication mode is MIXED."),
        (0, "Server", @"Logging SQL Server messages in file 'D:\MSSQL15.MSSQLSERVER\MSSQL\Log\ERRORLOG'."),
        (0, "Server", @"The service account is 'CONTOSO\svc-sqlprod'. This is an informational message; no user action is required."),
        (0, "Server", "Registry startup parameters: \n\t -d D:\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\master.mdf\n\t -e D:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG\n\t -l D:\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\mastlog.ldf"),
        (0, "Server", "Command Line Startup Parameters:\n\t -s \"MSSQLSERVER\""),
        (140, "Server", "SQL Server detected 2 sockets with 4 cores per socket and 4 logical processors per socket, 8 total logical processors; using 8 logical processors based on SQL Server licensing. This is an informational message; no user action is required."),
        (140, "Server", "SQL Server is starting at normal priority base (=7). This is an informational message only. No user action is required."),
        (140, "Server", "Detected 32767 MB of RAM. This is an informational message; no user action is required."),
        (150, "Server", "Using conventional memory in the memory manager."),
        (150, "Server", "Page exclusion bitmap is enabled."),
        (710, "Server", "Default collation: SQL_Latin1_General_CP1_CI_AS (us_english 1033)"),
        (800, "Server", "Buffer pool extension is already disabled. No action is necessary."),
        (860, "Server", "The maximum number of dedicated administrator connections for this instance is '1'"),
        (870, "Server", "Node configuration: node 0: CPU mask: 0x00000000000000ff:0 Active CPU mask: 0x00000000000000ff:0. This message provides a description of the NUMA configuration for this computer. This is an informational message only. No user action is required."),
        (900, "Server", "Using dynamic lock allocation.  Initial allocation of 2500 Lock blocks and 5000 Lock Owner blocks per node.  This is an informational message only.  No user action is required."),
        (950, "spid8s", "Starting up database 'master'."),
        (1300, "spid8s", "Resource governor reconfiguration succeeded."),
        (1310, "spid8s", "SQL Server Audit is starting the audits. This is an informational message. No user action is required."),
        (1320, "spid8s", "SQL Server Audit has started the audits. This is an informational message. No user action is required."),
        (1400, "spid8s", "Server name is 'SQLPROD01'. This is an informational message only. No user action is required."),
        (1500, "spid11s", "Starting up database 'msdb'."),
        (1500, "spid12s", "Starting up database 'mssqlsystemresource'."),
        (1800, "spid12s", "The resource database build version is 15.00.4322. This is an informational message only. No user action is required."),
        (2100, "spid12s", "Starting up database 'model'."),
        (3200, "Server", "Server is listening on [ 'any' <ipv6> 1433]."),
        (3200, "Server", "Server is listening on [ 'any' <ipv4> 1433]."),
        (3210, "Server", @"Server local connection provider is ready to accept connection on [ \\.\pipe\SQLLocal\MSSQLSERVER ]."),
        (3210, "Server", @"Server named pipe provider is ready to accept connection on [ \\.\pipe\sql\query ]."),
        (3220, "Server", "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) [ MSSQLSvc/SQLPROD01.contoso.local:1433 ] for the SQL Server service."),
        (11570, "Server", "SQL Server is now ready for client connections. This is an informational message only; no user action is required."),
        (11600, "spid12s", "Clearing tempdb database."),
        (12400, "spid12s", "Starting up database 'tempdb'."),
        (12650, "spid24s", "Starting up database 'Orders'."),
        (12650, "spid25s", "Starting up database 'Inventory'."),
        (12660, "spid26s", "Starting up database 'Customers'."),
        (12700, "spid27s", "Starting up database 'OrdersArchive'."),
        (13900, "spid9s", "Recovery is complete. This is an informational message only. No user action is required."),
    ];

    private static readonly (int Ms, string Source, string Text)[] Shutdown =
    [
        (0, "spid12s", "SQL Server is terminating in response to a 'stop' request from Service Control Manager. This is an informational message only. No user action is required."),
        (80, "spid12s", "SQL Server shutdown has been initiated"),
        (90, "spid12s", "SQL Trace was stopped due to server shutdown. Trace ID = '1'. This is an informational message only; no user action is required."),
    ];

    /// <summary>Writes a startup block whose banner is at <paramref name="banner"/> (UTC); returns its last line's time.</summary>
    public static long Write(ErrorlogWriter log, long banner)
    {
        WriteAll(log, Banner, banner);
        log.Line(banner, "Server").Text("Server process ID is ").Int(log.Rng.Between(1200, 9800)).Char('.').EndLine();
        return WriteAll(log, Body, banner);
    }

    public static void WriteShutdown(ErrorlogWriter log, long at) => WriteAll(log, Shutdown, at);

    private static long WriteAll(ErrorlogWriter log, (int Ms, string Source, string Text)[] lines, long at)
    {
        long last = at;
        foreach (var (ms, source, text) in lines)
        {
            last = at + ms;
            int nl = text.IndexOf('\n', StringComparison.Ordinal);
            var sink = log.Line(last, source);
            if (nl < 0)
                sink.Text(text).EndLine();
            else
            {
                sink.Text(text.AsSpan(0, nl)).EndLine();
                sink.Block(text.AsSpan(nl + 1));
            }
        }
        return last;
    }
}
