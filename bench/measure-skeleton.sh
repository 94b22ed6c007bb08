#!/usr/bin/env bash
# End-to-end comparison on a generated 100 MB incident: how logcorr's ingest and query compare
# with the plain tools an engineer would reach for first. Median of 5 interleaved runs per command.
#
#   bench/measure-skeleton.sh [SIZE]        # SIZE defaults to 100MB; results in bench/out/measure.md
#   LOGCORR=/path/to/logcorr bench/measure-skeleton.sh   # measure another build of the CLI
#
# Interleaving (wc, grep, ingest, query, then again) spreads machine noise evenly over the commands.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
size="${1:-100MB}"
runs=5
out="$here/out"
corpus="$out/corpus-$size"
store="$out/measure.lcdb"
gen="$here/LogCorrelator.Gen/bin/Release/net10.0/LogCorrelator.Gen.dll"
logcorr="${LOGCORR:-dotnet '$repo/src/LogCorrelator.Cli/bin/Release/net10.0/logcorr.dll'}"
query='errors 10054 near restart within 5m'

# /usr/bin/time gives the peak RSS; install it only on a developer's machine, never in CI.
if [[ ! -x /usr/bin/time ]]; then
    if [[ "${CI:-}" != "true" ]] && command -v apt-get >/dev/null; then
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }
fi

mkdir -p "$out"
echo "building (Release)..." >&2
dotnet build "$repo/LogCorrelator.sln" -c Release -v q -nologo >&2

echo "generating $size into $corpus..." >&2
rm -rf "$corpus"
dotnet "$gen" --out "$corpus" --size "$size" --seed 42 > "$out/corpus-report.txt"
cat "$out/corpus-report.txt" >&2
errorlog="$corpus/SQLPROD01/ERRORLOG"
applog="$corpus/APPSRV01/Logs/app.log"
bytes=$(( $(stat -c %s "$errorlog") + $(stat -c %s "$applog") ))
kills=$(awk '$1 == "kills" { print $2 }' "$out/corpus-report.txt")

# The commands, by name. ERRORLOG is UTF-16LE: grep sees no text in it until it is decoded.
names=(wc grep ingest query)
declare -A cmd=(
    [wc]="wc -l '$errorlog' '$applog'"
    [grep]="iconv -f UTF-16LE -t UTF-8 '$errorlog' | grep -c 'was killed'"
    [ingest]="$logcorr ingest '$corpus' --store '$store'"
    [query]="$logcorr query \"$query\" --store '$store'"
)
declare -A label=(
    [wc]="wc -l (both files)"
    [grep]="iconv UTF-16LE \\| grep -c 'was killed'"
    [ingest]="logcorr ingest (fresh store)"
    [query]="logcorr query \"$query\""
)
declare -A times rss failed

measure() { # name: runs the command once, appends "seconds rss_kb" to its samples
    local name=$1 sample="$out/.time-$1" log="$out/.out-$1"
    if [[ $name == ingest ]]; then rm -f "$store" "$store-wal" "$store-shm"; fi
    local start=$EPOCHREALTIME
    if /usr/bin/time -f '%M' -o "$sample" bash -c "${cmd[$name]}" > "$log" 2>&1; then
        # Wall time from bash's microsecond clock (time's %e has only centiseconds); peak RSS from time.
        times[$name]+="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }') "
        rss[$name]+="$(tail -1 "$sample") "
    else
        failed[$name]="exit $(tail -1 "$sample" | grep -o '[0-9]*$' || echo '?'): $(head -c 200 "$log" | tr '\n' ' ')"
    fi
    # logcorr must really have written a store: a stub CLI that exits 0 is not a measurement.
    if [[ $name == ingest && ! -s $store ]]; then failed[$name]="no store written (is the ingest command wired?)"; fi
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }

for ((i = 1; i <= runs; i++)); do
    echo "run $i/$runs" >&2
    for name in "${names[@]}"; do
        [[ -n ${failed[$name]:-} ]] && continue
        # Without a store the query has nothing to read.
        [[ $name == query && -n ${failed[ingest]:-} ]] && { failed[query]="skipped: ingest failed"; continue; }
        measure "$name"
    done
done

grep_count=$(cat "$out/.out-grep" 2>/dev/null || true)
[[ $grep_count == "$kills" ]] || echo "warning: grep counted '$grep_count' kill lines, the generator wrote $kills" >&2

wc_median=$(echo "${times[wc]:-}" | median)
{
    echo "Corpus: $size generated with seed 42 ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(nproc) cores), median of $runs interleaved runs."
    echo
    echo "| command | median s | MB/s | peak RSS MB | ratio to wc -l |"
    echo "|---|---:|---:|---:|---:|"
    for name in "${names[@]}"; do
        if [[ -n ${failed[$name]:-} ]]; then
            echo "| ${label[$name]} | n/a | | | ${failed[$name]} |"
            continue
        fi
        s=$(echo "${times[$name]}" | median)
        kb=$(echo "${rss[$name]}" | median)
        awk -v n="${label[$name]}" -v s="$s" -v kb="$kb" -v b="$bytes" -v w="$wc_median" -v q="$name" 'BEGIN {
            mbs = (q == "query" || s == 0) ? "" : sprintf("%.0f", b / 1e6 / s)
            ratio = (w > 0) ? sprintf("%.1f", s / w) : ""
            printf "| %s | %.3f | %s | %.0f | %s |\n", n, s, mbs, kb / 1024, ratio
        }'
    done
} | tee "$out/measure.md"
rm -f "$out"/.time-* "$out"/.out-*
