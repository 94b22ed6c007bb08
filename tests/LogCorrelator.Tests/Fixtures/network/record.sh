#!/usr/bin/env bash
# Records the network fixtures for real, on loopback only: a tiny SQL-port stand-in on
# 127.0.0.1:1433 serves a few connections normally (the client closes first, so its side
# lingers in TIME_WAIT), resets a quick series of them on accept (SO_LINGER 0, the RST burst a
# listen-backlog overflow shows), keeps two open, and one client knocks on the closed port 1434.
# tcpdump captures it (bounded: at most 100 packets, 20 s); tshark and tcpdump then print the
# capture in the layouts the tests read, and netstat / ss take snapshots while the sockets live.
# Needs root (capture on lo), python3, tcpdump, tshark (capinfos), net-tools and iproute2.
set -euo pipefail
cd "$(dirname "$0")"
export TZ=UTC LC_ALL=C.UTF-8
port=1433 closed=1434
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

if ss -ltn "( sport = :$port )" | grep -q LISTEN; then
    echo "port $port is in use; stop what listens there first" >&2
    exit 1
fi

timeout 20 tcpdump -i lo -nn -U -c 100 -w "$work/cap.pcap" "tcp port $port or tcp port $closed" 2>"$work/tcpdump.err" &
pids+=($!)
for _ in $(seq 50); do grep -q "listening on" "$work/tcpdump.err" && break; sleep 0.1; done

python3 - "$port" "$closed" "$work" <<'PY' &
import os, socket, struct, sys, threading, time

port, closed, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(16)
reset = threading.Event()

def serve(c):
    # Answers each request, closes when the client does: the client's side ends in TIME_WAIT.
    while True:
        data = c.recv(64)
        if not data:
            c.close()
            return
        c.sendall(b"\x04\x01\x00\x0c\x00\x00\x01\x00ok\r\n")

def accept():
    while True:
        c, _ = srv.accept()
        if reset.is_set():
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            c.close()
        else:
            threading.Thread(target=serve, args=(c,), daemon=True).start()

threading.Thread(target=accept, daemon=True).start()

def connect(p):
    s = socket.socket()
    s.connect(("127.0.0.1", p))
    return s

for _ in range(3):
    s = connect(port)
    s.sendall(b"\x12\x01\x00\x08\x00\x00\x01\x00")
    s.recv(64)
    s.close()
    time.sleep(0.05)
held = [connect(port) for _ in range(2)]
time.sleep(0.2)
reset.set()
for _ in range(5):
    s = connect(port)
    try:
        s.recv(64)
    except ConnectionResetError:
        pass
    s.close()
try:
    connect(closed)
except ConnectionRefusedError:
    pass
open(os.path.join(work, "ready"), "w").close()
while not os.path.exists(os.path.join(work, "done")):
    time.sleep(0.1)
PY
pids+=($!)
for _ in $(seq 100); do [ -e "$work/ready" ] && break; sleep 0.1; done
sleep 1
kill "${pids[0]}" 2>/dev/null || true
wait "${pids[0]}" 2>/dev/null || true

# Snapshots as a collection script takes them: `date`, then the tool. Only the SQL port's lines
# are kept (the machine has other sockets); the tools' own headers are kept as printed.
{
    for i in 1 2; do
        date
        netstat -tan | grep -E "^(Active|Proto)|:($port|$closed) "
        [ "$i" = 2 ] || sleep 2
    done
} > netstat-linux.txt
{
    date
    ss -tan "( sport = :$port or dport = :$port )"
} > ss.txt
touch "$work/done"

tshark -r "$work/cap.pcap" > tshark.txt
tshark -r "$work/cap.pcap" -t ad > tshark-ad.txt
{ capinfos -a -e "$work/cap.pcap" | sed "s|$work/||"; tshark -r "$work/cap.pcap"; } > tshark-capinfos.txt
tcpdump -nn -r "$work/cap.pcap" > tcpdump.txt 2>/dev/null
tcpdump -nn -tttt -r "$work/cap.pcap" 2>&1 | sed "s|$work/||" > tcpdump-tttt.txt
echo "recorded: $(wc -l < tshark.txt) packets"
