#!/usr/bin/env bash
# Ingest rate per format: each format's sample or fixture file repeated to SIZE (default 100 MB),
# ingested with --format into a fresh store; median of 3 runs, next to `wc -l` on the same file.
#
#   bench/format-rates.sh [MB]        # results: bench/out/format-rates.md
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mb="${1:-100}"
out="$here/out/rates"
mkdir -p "$out"
dotnet build "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -o "$out/bin" -v q -nologo >/dev/null
logcorr="dotnet $out/bin/logcorr.dll"

source "$here/format-files.sh"

{
  echo "Ingest rate per format: the file repeated to ${mb} MB, \`logcorr ingest --format NAME\` into a fresh store, median of 3."
  echo
  echo "| format | source file | MB | events | wc -l s | ingest s | MB/s | × wc -l |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for name in "${specific_formats[@]}" text; do
    src="$repo/${files[$name]}"
    big="$out/$name/$(basename "$src")"
    mkdir -p "$out/$name"
    repeat_to "$src" "$big" "$mb"
    bytes=$(stat -c %s "$big")
    wcs=(); ings=()
    for i in 1 2 3; do
      s=$(date +%s.%N); wc -l "$big" >/dev/null; e=$(date +%s.%N); wcs+=("$(echo "$e - $s" | bc)")
      rm -f "$out/$name/s.lcdb"*
      s=$(date +%s.%N); line=$($logcorr ingest "$big" --format "$name" --store "$out/$name/s.lcdb" 2>/dev/null | tail -1); e=$(date +%s.%N)
      ings+=("$(echo "$e - $s" | bc)")
    done
    wc_m=$(printf '%s\n' "${wcs[@]}" | median); in_m=$(printf '%s\n' "${ings[@]}" | median)
    events=$(echo "$line" | grep -oE '[0-9]+ events' | head -1 | cut -d' ' -f1)
    printf '| %s | %s | %.0f | %s | %.3f | %.2f | %.0f | %.0f |\n' "$name" "${files[$name]}" "$(echo "$bytes/1000000" | bc -l)" "$events" "$wc_m" "$in_m" "$(echo "$bytes/1000000/$in_m" | bc -l)" "$(echo "$in_m/$wc_m" | bc -l)"
    rm -rf "$out/$name"
  done
} | tee "$here/out/format-rates.md"
