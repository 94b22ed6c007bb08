"""Client error text per driver family: what each really prints for a reset, a refusal, a timeout.

sqlclient: Microsoft.Data.SqlClient and System.Data.SqlClient (SqlException.ToString());
odbc: System.Data.Odbc and OLE DB around ODBC Driver 17 and SQL Server Native Client records;
jdbc: mssql-jdbc (Spring, HikariCP or Tomcat pools) and jTDS as logback prints them;
pyodbc: Python tracebacks and pyodbc's error forms.
"""
