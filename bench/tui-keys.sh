#!/usr/bin/env bash
# Time from a key to the redrawn frame in `logcorr tui`, while scrolling and zooming, on the sample
# incident and on stores of 1M and 10M events. The TUI, with LOGCORR_TUI_TRACE=FILE, appends a line
# per key: the key, the milliseconds from the key reaching its UI thread to the end of the frame's
# draw (after the driver flushed it to the terminal), and the wall clock then. This script sends
# the keys with tmux send-keys, one at a time with a pause (no key waits behind another), and
# reports per key kind the median and p95 of the TUI's own time, and the median from send-keys to
# the flushed frame (which adds tmux and Terminal.Gui's input thread).
#
#   bench/tui-keys.sh                          # sample, 1M and 10M; results in bench/out/tui-keys.md
#   STORES="sample 1000000" bench/tui-keys.sh  # some of them
#   REPEAT=40 bench/tui-keys.sh                # presses per key kind (default 20)
#
# The 1M and 10M stores are the ones bench/tui-first-frame.sh makes and keeps in bench/out/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$here/out"
stores="${STORES:-sample 1000000 10000000}"
repeat="${REPEAT:-20}"
pause="${PAUSE:-0.25}"
for tool in tmux awk; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

mkdir -p "$out"
"$repo/logcorr" --help >/dev/null   # builds .build/logcorr in Release when the sources changed
dll="${LOGCORR_DLL:-$repo/.build/logcorr/logcorr.dll}"
socket="logcorr-keys-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

# shellcheck source=bench/tui-stores.sh
source "$here/tui-stores.sh"

# The median and the 95th percentile of the numbers on stdin.
stats() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit } m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)]; printf "%.1f %.1f\n", m, p }'; }

report="$out/tui-keys.md"
{
    echo "| store | key | presses | TUI key→frame median (ms) | p95 (ms) | send-keys→frame median (ms) |"
    echo "|---|---|---:|---:|---:|---:|"
} > "$report"

for name in $stores; do
    store=$(tui_store "$name")
    trace="$out/keys-trace.tsv" sent="$out/keys-sent.tsv" marker="$out/keys-first-frame.txt"
    rm -f "$trace" "$sent" "$marker"
    tmux -L "$socket" new-session -d -s tui -x 160 -y 48 \
        "LANG=C.UTF-8 LOGCORR_TUI_FIRST_FRAME='$marker' LOGCORR_TUI_TRACE='$trace' dotnet '$dll' tui --store '$store'"
    for _ in $(seq 600); do [[ -s "$marker" ]] && break; sleep 0.05; done
    [[ -s "$marker" ]] || { echo "no first frame within 30 s" >&2; tmux -L "$socket" capture-pane -p -t tui >&2; exit 1; }
    sleep 1   # anything the TUI does after its first frame settles

    # Each kind in turn: PageDown scrolls, + and - zoom in and out, End and Home jump.
    press() {
        local kind="$1" key="$2"
        printf '%s\t%s\n' "$kind" "$(date +%s%3N)" >> "$sent"
        tmux -L "$socket" send-keys -t tui "$key"
        sleep "$pause"
    }
    for _ in $(seq "$repeat"); do press PageDown PageDown; done
    for _ in $(seq "$repeat"); do press Down Down; done
    for _ in $(seq "$repeat"); do press Right Right; done
    for _ in $(seq "$(( (repeat + 1) / 2 ))"); do press zoom-in +; press zoom-in +; press zoom-out -; press zoom-out -; done
    for _ in $(seq "$(( (repeat + 1) / 2 ))"); do press End End; press Home Home; done
    tmux -L "$socket" send-keys -t tui q
    for _ in $(seq 100); do tmux -L "$socket" has-session -t tui 2>/dev/null || break; sleep 0.05; done

    sent_lines=$(wc -l < "$sent") traced=$(wc -l < "$trace")
    if [[ "$sent_lines" -ne "$traced" ]]; then
        echo "$name: sent $sent_lines keys but the trace has $traced lines" >&2
        exit 1
    fi
    # Line i of the trace is the frame of key i sent.
    paste "$sent" "$trace" > "$out/keys-$name.tsv"
    for kind in PageDown Down Right zoom-in zoom-out End Home; do
        read -r med p95 < <(awk -F'\t' -v k="$kind" '$1 == k && $4 != "nodraw" { print $4 }' "$out/keys-$name.tsv" | stats)
        read -r e2e _ < <(awk -F'\t' -v k="$kind" '$1 == k && $4 != "nodraw" { print $5 - $2 }' "$out/keys-$name.tsv" | stats)
        n=$(awk -F'\t' -v k="$kind" '$1 == k' "$out/keys-$name.tsv" | wc -l)
        echo "$name $kind: median $med ms, p95 $p95 ms, send-keys to frame $e2e ms ($n presses)" >&2
        echo "| $name | $kind | $n | $med | $p95 | $e2e |" >> "$report"
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$report"
cat "$report"
