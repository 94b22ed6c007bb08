package com.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.text.SimpleDateFormat;
import java.util.Date;

/** Opens one jTDS connection and logs a failure the way log4j's "%d %-5p [%t] %c - %m%n" pattern does. */
public final class OrderDao {
    private static final String LOGGER = OrderDao.class.getName();

    private static void log(String level, String message) {
        String stamp = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS").format(new Date());
        System.out.printf("%s %-5s [%s] %s - %s%n", stamp, level, Thread.currentThread().getName(), LOGGER, message);
    }

    static Connection open(int port) throws SQLException {
        String url = "jdbc:jtds:sqlserver://127.0.0.1:" + port + "/orders;loginTimeout=3";
        return DriverManager.getConnection(url, "app", System.getenv("ORDERS_DB_PASSWORD"));
    }

    public static void main(String[] args) throws Exception {
        Class.forName("net.sourceforge.jtds.jdbc.Driver");
        int port = Integer.parseInt(args[0]);
        log("INFO", "Connecting to 127.0.0.1:" + port);
        try (Connection c = open(port)) {
            log("INFO", "Connected");
        } catch (SQLException e) {
            log("ERROR", "Connection failed");
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
