import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Prints what jTDS says, and which SQLSTATE it gives, for each fault port of faults.py. */
public final class SqlStateProbe {
    public static void main(String[] ports) throws Exception {
        Class.forName("net.sourceforge.jtds.jdbc.Driver");
        for (String port : ports) {
            String url = "jdbc:jtds:sqlserver://127.0.0.1:" + port + "/orders;loginTimeout=3";
            try (Connection c = DriverManager.getConnection(url, "app", System.getenv("ORDERS_DB_PASSWORD"))) {
                System.out.println("connected?");
            } catch (SQLException e) {
                System.out.println("state=" + e.getSQLState() + " code=" + e.getErrorCode() + " message=" + e.getMessage());
            }
        }
    }
}
