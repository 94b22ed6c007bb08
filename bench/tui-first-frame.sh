#!/usr/bin/env bash
# Time to the first frame of `logcorr tui` on stores of 1M and 10M events: the TUI writes the
# milliseconds from process start to its first frame on screen into the file named by
# LOGCORR_TUI_FIRST_FRAME; tmux gives it a 160x48 terminal. Median of 5 runs after one warm-up,
# and the first (cold-ish) run on its own.
#
#   bench/tui-first-frame.sh                  # 1M and 10M; results in bench/out/tui-first-frame.md
#   SIZES="1000000" bench/tui-first-frame.sh  # other sizes
#
# Stores are made through the store's own writer by `LogCorrelator.Bench scale-store N FOLDER` (the
# query-scale corpus: every event points at a real line of a real file) and kept in bench/out/.
# LOGCORR_DLL=PATH times another build (a copy of an earlier .build/logcorr, for before/after);
# REPORT=FILE names the table (default bench/out/tui-first-frame.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$here/out"
sizes="${SIZES:-1000000 10000000}"
runs=5
for tool in tmux; do
    command -v "$tool" >/dev/null || { echo "needs $tool (Debian package '$tool')" >&2; exit 1; }
done

mkdir -p "$out"
"$repo/logcorr" --help >/dev/null   # builds .build/logcorr in Release when the sources changed
dll="${LOGCORR_DLL:-$repo/.build/logcorr/logcorr.dll}"
socket="logcorr-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

# shellcheck source=bench/tui-stores.sh
source "$here/tui-stores.sh"

# One run: start the TUI in tmux, wait for the marker, quit with q, print the milliseconds.
first_frame() {
    local store="$1" marker="$out/first-frame.txt"
    rm -f "$marker"
    tmux -L "$socket" new-session -d -s tui -x 160 -y 48 \
        "LANG=C.UTF-8 LOGCORR_TUI_FIRST_FRAME='$marker' dotnet '$dll' tui --store '$store'"
    for _ in $(seq 600); do [[ -s "$marker" ]] && break; sleep 0.05; done
    [[ -s "$marker" ]] || { echo "no first frame within 30 s" >&2; tmux -L "$socket" capture-pane -p -t tui >&2; exit 1; }
    tmux -L "$socket" send-keys -t tui q
    for _ in $(seq 100); do tmux -L "$socket" has-session -t tui 2>/dev/null || break; sleep 0.05; done
    cat "$marker"
}

report="${REPORT:-$out/tui-first-frame.md}"
{
    echo "| events in store | errors | store size | first run (ms) | median of $runs (ms) |"
    echo "|---:|---:|---:|---:|---:|"
} > "$report"
for rows in $sizes; do
    store=$(tui_store "$rows")
    errors=$(dotnet "$dll" query "errors | count" --store "$store" | sed -n 2p | tr -dc '0-9')
    size=$(du -h "$store" | cut -f1)
    cold=$(first_frame "$store")
    times=()
    for _ in $(seq "$runs"); do times+=("$(first_frame "$store")"); done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$rows events: first $cold ms, median $median ms (${times[*]})" >&2
    echo "| $rows | $errors | $size | $cold | $median |" >> "$report"
done
cat "$report"
