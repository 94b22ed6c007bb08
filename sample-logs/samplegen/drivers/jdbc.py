"""Java: mssql-jdbc and jTDS exceptions. Logback prints causes with '... N common frames omitted'."""

SPRING_MVC = [
    "at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
    "at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62)",
    "at java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
    "at java.base/java.lang.reflect.Method.invoke(Method.java:566)",
    "at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:205)",
    "at org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:150)",
    "at org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:117)",
    "at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:895)",
    "at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:808)",
    "at org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87)",
    "at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1071)",
    "at org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:964)",
    "at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1006)",
    "at org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:898)",
    "at javax.servlet.http.HttpServlet.service(HttpServlet.java:655)",
    "at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)",
    "at javax.servlet.http.HttpServlet.service(HttpServlet.java:764)",
    "at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:227)",
    "at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:162)",
    "at org.apache.tomcat.websocket.server.WsFilter.doFilter(WsFilter.java:53)",
    "at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:189)",
    "at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:162)",
    "at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:197)",
    "at org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:97)",
    "at org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:135)",
    "at org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:360)",
    "at org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:399)",
    "at org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1789)",
    "at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1128)",
    "at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:628)",
    "at java.base/java.lang.Thread.run(Thread.java:829)",
]


def _java8(frames):
    """The same frames as a Java 8 runtime prints them: no module prefix, sun.reflect, its own line numbers."""
    swaps = [("java.base/", ""), ("jdk.internal.reflect.", "sun.reflect."), ("Method.java:566", "Method.java:498"),
             ("ThreadPoolExecutor.java:1128", "ThreadPoolExecutor.java:1149"), ("ThreadPoolExecutor.java:628", "ThreadPoolExecutor.java:624"),
             ("Thread.java:829", "Thread.java:750")]
    out = []
    for f in frames:
        for old, new in swaps:
            f = f.replace(old, new)
        out.append(f)
    return out


def jdbc_reset(cid, sql, app_frames, write=False, java8=False, pool="hikari", spring=True):
    """mssql-jdbc: 'Connection reset' (read) or 'Connection reset by peer: socket write error' (write, Windows JVM)."""
    reason = "Connection reset by peer: socket write error" if write else "Connection reset"
    mssql = "%s ClientConnectionId:%s" % (reason, cid)
    driver = ["at com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:%d)" % (2892 if java8 else 3680)]
    if write:
        driver += ["at com.microsoft.sqlserver.jdbc.TDSChannel.write(IOBuffer.java:2012)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.flush(IOBuffer.java:4123)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.writePacket(IOBuffer.java:4025)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.endMessage(IOBuffer.java:3135)",
                   "at com.microsoft.sqlserver.jdbc.TDSCommand.startResponse(IOBuffer.java:7537)"]
    else:
        driver += ["at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2088)",
                   "at com.microsoft.sqlserver.jdbc.TDSReader.readPacket(IOBuffer.java:6418)",
                   "at com.microsoft.sqlserver.jdbc.TDSCommand.startResponse(IOBuffer.java:7579)"]
    driver += ["at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.doExecutePreparedStatement(SQLServerPreparedStatement.java:600)",
               "at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement$PrepStmtExecCmd.doExecute(SQLServerPreparedStatement.java:522)",
               "at com.microsoft.sqlserver.jdbc.TDSCommand.execute(IOBuffer.java:7194)",
               "at com.microsoft.sqlserver.jdbc.SQLServerConnection.executeCommand(SQLServerConnection.java:2979)",
               "at com.microsoft.sqlserver.jdbc.SQLServerStatement.executeCommand(SQLServerStatement.java:248)",
               "at com.microsoft.sqlserver.jdbc.SQLServerStatement.executeStatement(SQLServerStatement.java:223)",
               "at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.executeQuery(SQLServerPreparedStatement.java:444)"]
    if pool == "hikari":
        driver += ["at com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)",
                   "at com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)"]
    else:
        driver += ["at sun.reflect.GeneratedMethodAccessor142.invoke(Unknown Source)",
                   "at sun.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
                   "at java.lang.reflect.Method.invoke(Method.java:498)",
                   "at org.apache.tomcat.jdbc.pool.StatementFacade$StatementProxy.invoke(StatementFacade.java:114)",
                   "at com.sun.proxy.$Proxy112.executeQuery(Unknown Source)"]
    jdbc_tpl = ["at org.springframework.jdbc.core.JdbcTemplate$1.doInPreparedStatement(JdbcTemplate.java:722)",
                "at org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:651)"]
    if java8:
        sock = (["at java.net.SocketOutputStream.socketWrite0(Native Method)",
                 "at java.net.SocketOutputStream.socketWrite(SocketOutputStream.java:111)",
                 "at java.net.SocketOutputStream.write(SocketOutputStream.java:155)",
                 "at com.microsoft.sqlserver.jdbc.TDSChannel.write(IOBuffer.java:2004)"] if write else
                ["at java.net.SocketInputStream.read(SocketInputStream.java:210)",
                 "at java.net.SocketInputStream.read(SocketInputStream.java:141)",
                 "at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2077)"])
    else:
        sock = ["at java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:323)",
                "at java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:350)",
                "at java.base/sun.nio.ch.NioSocketImpl$1.read(NioSocketImpl.java:803)",
                "at java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)",
                "at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2077)"]
    web = _java8(SPRING_MVC) if java8 else SPRING_MVC
    if spring:
        outer = ["org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [%s]; %s; nested "
                 "exception is com.microsoft.sqlserver.jdbc.SQLServerException: %s" % (sql, mssql, mssql)]
        outer += ["\tat " + f[3:] for f in [
            "at org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:105)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:72)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:81)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:81)",
            "at org.springframework.jdbc.core.JdbcTemplate.translateException(JdbcTemplate.java:1542)",
            "at org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:667)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:713)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:744)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:799)"] + app_frames + web]
        omitted = len(app_frames) + len(web) + 2
        cause = ["Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: %s" % mssql]
        cause += ["\t" + f for f in driver + jdbc_tpl]
        cause.append("\t... %d common frames omitted" % omitted)
    else:
        outer = ["com.microsoft.sqlserver.jdbc.SQLServerException: %s" % mssql]
        outer += ["\t" + f for f in driver + app_frames]
        cause = []
        omitted = len(app_frames)
    sock_cause = ["Caused by: java.net.SocketException: %s" % reason] + ["\t" + f for f in sock]
    sock_cause.append("\t... %d common frames omitted" % (omitted + len(driver) + len(jdbc_tpl) - 1))
    return outer + cause + sock_cause


def jdbc_refused(host, app_frames):
    mssql = ('The TCP/IP connection to the host %s, port 1433 has failed. Error: "Connection refused. Verify the connection '
             'properties. Make sure that an instance of SQL Server is running on the host and accepting TCP/IP connections at '
             'the port. Make sure that TCP connections to the port are not blocked by a firewall.".' % host)
    lines = ["java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30002ms."]
    lines += ["\t" + f for f in [
        "at com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
        "at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
        "at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:146)",
        "at com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:159)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:117)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:80)"] + app_frames]
    lines.append("Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: " + mssql)
    lines += ["\t" + f for f in [
        "at com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDriverError(SQLServerException.java:242)",
        "at com.microsoft.sqlserver.jdbc.SQLServerException.convertConnectExceptionToSQLServerException(SQLServerException.java:308)",
        "at com.microsoft.sqlserver.jdbc.SocketFinder.findSocket(IOBuffer.java:2593)",
        "at com.microsoft.sqlserver.jdbc.TDSChannel.open(IOBuffer.java:721)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectHelper(SQLServerConnection.java:3767)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.login(SQLServerConnection.java:3379)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectInternal(SQLServerConnection.java:3186)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connect(SQLServerConnection.java:1954)",
        "at com.microsoft.sqlserver.jdbc.SQLServerDriver.connect(SQLServerDriver.java:1263)",
        "at com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:138)",
        "at com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)",
        "at com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:201)",
        "at com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:470)",
        "at com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:733)",
        "at com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:712)",
        "at java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)",
        "at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
        "at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)",
        "at java.base/java.lang.Thread.run(Thread.java:833)"]]
    return lines


def jtds_write_error(app_frames):
    lines = ["java.sql.SQLException: I/O Error: Connection reset by peer: socket write error"]
    lines += ["\t" + f for f in [
        "at net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1092)",
        "at net.sourceforge.jtds.jdbc.JtdsStatement.executeSQLQuery(JtdsStatement.java:493)",
        "at net.sourceforge.jtds.jdbc.JtdsPreparedStatement.executeQuery(JtdsPreparedStatement.java:1032)",
        "at org.apache.commons.dbcp2.DelegatingPreparedStatement.executeQuery(DelegatingPreparedStatement.java:122)",
        "at org.apache.commons.dbcp2.DelegatingPreparedStatement.executeQuery(DelegatingPreparedStatement.java:122)"] + app_frames + [
        "at java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)",
        "at java.util.concurrent.FutureTask.runAndReset(FutureTask.java:308)",
        "at java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.access$301(ScheduledThreadPoolExecutor.java:180)",
        "at java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:294)",
        "at java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
        "at java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)",
        "at java.lang.Thread.run(Thread.java:750)"]]
    lines.append("Caused by: java.net.SocketException: Connection reset by peer: socket write error")
    lines += ["\t" + f for f in [
        "at java.net.SocketOutputStream.socketWrite0(Native Method)",
        "at java.net.SocketOutputStream.socketWrite(SocketOutputStream.java:111)",
        "at java.net.SocketOutputStream.write(SocketOutputStream.java:155)",
        "at java.io.DataOutputStream.write(DataOutputStream.java:107)",
        "at net.sourceforge.jtds.jdbc.SharedSocket.sendNetPacket(SharedSocket.java:674)",
        "at net.sourceforge.jtds.jdbc.RequestStream.putPacket(RequestStream.java:560)",
        "at net.sourceforge.jtds.jdbc.RequestStream.flush(RequestStream.java:508)",
        "at net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1079)"]]
    lines.append("\t... %d common frames omitted" % (len(app_frames) + 11))
    return lines
