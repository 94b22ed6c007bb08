namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>SqlException texts as SqlClient's <c>ToString()</c> writes them on Windows (CRLF), for @x.</summary>
internal static class SqlClientText
{
    public const string ReceivedLine = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";

    public static string Received(string ccid) => string.Join("\r\n",
        ReceivedLine,
        " ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.",
        "   --- End of inner exception stack trace ---",
        "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
        "   at Microsoft.Data.SqlClient.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)",
        "   at Microsoft.Data.SqlClient.SqlDataReader.get_MetaData()",
        "   at Orders.Web.Data.OrderRepository.GetOrderAsync(Int32 id, CancellationToken cancellationToken) in D:\\a\\orders-web\\src\\Orders.Web\\Data\\OrderRepository.cs:line 41",
        "ClientConnectionId:" + ccid,
        "Error Number:10054,State:0,Class:20");
}
