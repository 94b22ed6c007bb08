#!/usr/bin/env python3
"""A bounded fault server on 127.0.0.1 for recording real client error text.

Four modes, each on its own ephemeral port:
  refused   a port that is bound but never listens, so a SYN gets RST (ECONNREFUSED)
  reset     accept, then close with SO_LINGER 0, so the client sees RST (ECONNRESET)
  prelogin  read the client's first TDS packet (its pre-login), then close with FIN
  timeout   accept and never answer; the socket is held until the client gives up

The first line on stdout names the ports: "refused=P reset=P prelogin=P timeout=P".
The server exits by itself after --lifetime seconds or --max-connections accepts,
whichever comes first. It binds 127.0.0.1 only.
"""

import argparse
import selectors
import socket
import struct
import sys
import time

HOST = "127.0.0.1"
TDS_HEADER = 8
# A client that sends nothing, or a partial packet, must not pin a prelogin socket forever.
PRELOGIN_READ_LIMIT = 5.0


def listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, 0))
    s.listen(64)
    s.setblocking(False)
    return s


def reset(conn):
    # Linger 0 turns close() into an abortive close: the kernel sends RST, not FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def graceful_close(conn):
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()


class PreLoginReader:
    """Collects one TDS packet: the 8-byte header, whose bytes 2-3 are the big-endian length."""

    def __init__(self, conn):
        self.conn = conn
        self.buffer = b""
        self.deadline = time.monotonic() + PRELOGIN_READ_LIMIT

    def feed(self):
        try:
            chunk = self.conn.recv(4096)
        except OSError:
            return True
        if not chunk:
            return True
        self.buffer += chunk
        if len(self.buffer) >= TDS_HEADER:
            length = struct.unpack(">H", self.buffer[2:4])[0]
            return len(self.buffer) >= max(length, TDS_HEADER)
        return False


def serve(lifetime, max_connections, quiet):
    refused = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refused.bind((HOST, 0))  # bound, never listening: the port stays ours and refuses
    modes = {"reset": listener(), "prelogin": listener(), "timeout": listener()}
    ports = {"refused": refused.getsockname()[1]}
    ports.update({name: s.getsockname()[1] for name, s in modes.items()})
    print(" ".join(f"{k}={ports[k]}" for k in ("refused", "reset", "prelogin", "timeout")), flush=True)

    sel = selectors.DefaultSelector()
    for name, s in modes.items():
        sel.register(s, selectors.EVENT_READ, ("listen", name))

    held = []  # timeout-mode sockets, closed when the client closes or at exit
    readers = {}
    accepted = 0
    end = time.monotonic() + lifetime
    while time.monotonic() < end and accepted < max_connections:
        for key, _ in sel.select(timeout=0.2):
            role, data = key.data
            if role == "listen":
                try:
                    conn, peer = key.fileobj.accept()
                except BlockingIOError:
                    continue
                accepted += 1
                if not quiet:
                    print(f"{data} accept {peer[0]}:{peer[1]}", file=sys.stderr, flush=True)
                if data == "reset":
                    reset(conn)
                elif data == "prelogin":
                    conn.setblocking(False)
                    readers[conn] = PreLoginReader(conn)
                    sel.register(conn, selectors.EVENT_READ, ("prelogin", None))
                else:
                    conn.setblocking(False)
                    held.append(conn)
                    sel.register(conn, selectors.EVENT_READ, ("hold", None))
            elif role == "prelogin":
                conn = key.fileobj
                if readers[conn].feed():
                    sel.unregister(conn)
                    del readers[conn]
                    graceful_close(conn)
            else:
                conn = key.fileobj
                try:
                    gone = conn.recv(4096) == b""
                except OSError:
                    gone = True
                if gone:  # the client gave up; whatever it sent is never answered
                    sel.unregister(conn)
                    held.remove(conn)
                    conn.close()
        now = time.monotonic()
        for conn in [c for c, r in readers.items() if r.deadline < now]:
            sel.unregister(conn)
            del readers[conn]
            graceful_close(conn)

    for conn in list(readers) + held:
        conn.close()
    for s in modes.values():
        s.close()
    refused.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lifetime", type=float, default=60.0, help="seconds before exiting (max 600)")
    p.add_argument("--max-connections", type=int, default=1000, help="accepts before exiting")
    p.add_argument("--quiet", action="store_true", help="do not log each accept to stderr")
    a = p.parse_args()
    serve(min(a.lifetime, 600.0), a.max_connections, a.quiet)


if __name__ == "__main__":
    main()
