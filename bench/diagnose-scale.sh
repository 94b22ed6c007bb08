#!/usr/bin/env bash
# `logcorr diagnose` at scale, next to the cheapest ways of getting at the same errors, in one
# interleaved run on a generated incident folder (generator seed 3 by default: keepalive, restart,
# idle-timeout and the rest all leave evidence in it):
#
#   grep -c          lines naming the client errors' codes in the raw files (what a person starts with;
#                    it counts lines, a stack trace's too, not errors)
#   query count      `logcorr query "errors | count"`: reading every client error from the store
#   diagnose         the ranked report (text), then the same as JSON (every error's account)
#
#   bench/diagnose-scale.sh [SIZE ...]        # default 600MB; results in bench/results/diagnose-scale.md
#   RUNS=5 SEED=3 bench/diagnose-scale.sh 600MB 1GB
#   LOGCORR=/path/to/logcorr bench/diagnose-scale.sh
#
# Wall from bash's clock, CPU (user + system) and peak RSS from GNU time; medians of RUNS rounds.
# "MB / M events" is peak RSS divided by the store's events in millions (issue 12's target: 24).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
sizes=("${@:-600MB}")
runs="${RUNS:-3}"
seed="${SEED:-3}"
results="$here/results"
[[ -x /usr/bin/time ]] || { echo "needs GNU time (Debian package 'time')" >&2; exit 1; }
mkdir -p "$here/out" "$results"

if [[ -z "${LOGCORR:-}" ]]; then
    echo "building logcorr (Release, ReadyToRun)..." >&2
    dotnet publish "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -r linux-x64 --self-contained false \
        -o "$here/out/diagnose-logcorr" -v q -nologo >&2
    LOGCORR="$here/out/diagnose-logcorr/logcorr"
fi
gen_dll="$here/LogCorrelator.Gen/bin/Release/net10.0/LogCorrelator.Gen.dll"
dotnet build "$here/LogCorrelator.Gen/LogCorrelator.Gen.csproj" -c Release -v q -nologo >&2

median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }

report="$results/diagnose-scale.md"
{
    echo "# logcorr diagnose at scale"
    echo
    echo "\`bench/diagnose-scale.sh ${sizes[*]}\` (generator seed $seed), $(date -u +%Y-%m-%d), 2 cores;"
    echo "median of $runs interleaved rounds; wall from bash's clock, CPU (user + system) and peak RSS from GNU time."
    echo
    echo "| folder | events | command | median s | CPU s | peak RSS MB | MB / M events | × grep -c | answer |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
} > "$report.tmp"

for size in "${sizes[@]}"; do
    out="$here/out/diagnose-$size-seed$seed"
    corpus="$out/corpus"
    store="$out/diagnose.lcdb"
    mkdir -p "$out"
    if [[ ! -d "$corpus" ]]; then
        echo "generating $size (seed $seed) into $corpus..." >&2
        dotnet "$gen_dll" --out "$corpus" --size "$size" --seed "$seed" > "$out/corpus-report.txt"
    fi
    rm -f "$store" "$store.lock"
    $LOGCORR ingest "$corpus" --store "$store" > "$out/ingest.txt"
    events=$($LOGCORR sources --store "$store" | tail -1 | awk '{ print $3 }' | tr -d ',')
    names=(grep count diagnose json)
    declare -A cmd=(
        [grep]="grep -rc -E '10054|10053|10060|Timeout expired|Execution Timeout' '$corpus' | awk -F: '{ s += \$NF } END { print s }'"
        [count]="$LOGCORR query 'errors | count' --store '$store' | tail -2 | head -1"
        [diagnose]="$LOGCORR diagnose --store '$store' | sed -n 2p"
        [json]="$LOGCORR diagnose --store '$store' --format json | wc -c"
    )
    declare -A label=(
        [grep]="grep -c the client errors' codes (raw files)"
        [count]="logcorr query \"errors \\| count\""
        [diagnose]="logcorr diagnose"
        [json]="logcorr diagnose --format json"
    )
    declare -A times=() cpus=() rss=() answer=()
    for ((i = 1; i <= runs; i++)); do
        echo "$size: round $i/$runs" >&2
        for name in "${names[@]}"; do
            start=$EPOCHREALTIME
            /usr/bin/time -f '%U %S %M' -o "$out/.time" bash -c "${cmd[$name]}" > "$out/.out" 2>"$out/.err" \
                || { echo "$name failed: $(head -c 300 "$out/.err")" >&2; exit 1; }
            end=$EPOCHREALTIME
            times[$name]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') "
            read -r user sys kb < <(tail -1 "$out/.time")
            cpus[$name]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') "
            rss[$name]+="$kb "
            answer[$name]="$(tail -1 "$out/.out" | tr -s ' ' | cut -c1-90)"
        done
    done
    ref=$(echo "${times[grep]}" | median)
    for name in "${names[@]}"; do
        t=$(echo "${times[$name]}" | median); c=$(echo "${cpus[$name]}" | median); k=$(echo "${rss[$name]}" | median)
        echo "| $size | $events | ${label[$name]} | $t | $c | $(awk -v k="$k" 'BEGIN { printf "%.0f", k / 1024 }') | $(awk -v k="$k" -v e="$events" 'BEGIN { printf "%.1f", k / 1024 / (e / 1e6) }') | $(awk -v t="$t" -v r="$ref" 'BEGIN { printf "%.2f", t / r }') | ${answer[$name]} |" >> "$report.tmp"
    done
done
{
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} >> "$report.tmp"
mv "$report.tmp" "$report"
cat "$report"
