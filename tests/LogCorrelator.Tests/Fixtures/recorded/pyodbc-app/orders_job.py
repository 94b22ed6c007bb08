"""Nightly orders export: connects through FreeTDS ODBC and logs failures the usual way."""
import logging
import os
import sys

import pyodbc

log = logging.getLogger("orders.db")


def connect(port):
    conn_str = (
        "DRIVER={FreeTDS};SERVER=127.0.0.1;PORT=%d;UID=app;PWD=%s;TDS_Version=7.4"
        % (port, os.environ["ORDERS_DB_PASSWORD"])
    )
    return pyodbc.connect(conn_str, timeout=3)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    port = int(sys.argv[1])
    log.info("Connecting to 127.0.0.1:%d", port)
    try:
        conn = connect(port)
    except pyodbc.Error:
        log.exception("Failed to connect to the orders database")
        return 1
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
