#!/usr/bin/env bash
# `ics-finance recalc` over every workbook in ../shared/corpus/real, as a user runs it: one
# process per file. Prints one line per file (wall s, CPU s, exit, stack-trace lines, file,
# first line of output), then the slowest files and any exit other than 0/1/2 or any stack
# trace. Usage: scripts/recalc-corpus.sh [out.tsv]   (needs dist-cli: npm run build:cli)
set -u
cd "$(dirname "$0")/.."
CORPUS=../shared/corpus/real
if [ ! -d "$CORPUS" ]; then echo "recalc-corpus: $CORPUS is absent: skipped"; exit 0; fi
OUT=${1:-$(mktemp)}
: > "$OUT"
TMP=$(mktemp -d)
for f in "$CORPUS"/*; do
  start=$(date +%s%N)
  if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -f "%U %S" -o "$TMP/time" timeout 60 node bin/ics-finance.js recalc "$f" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    cpu=$(awk '{print $1 + $2}' "$TMP/time" | tail -1)
  else
    timeout 60 node bin/ics-finance.js recalc "$f" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    cpu=-
  fi
  wall=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {printf "%.2f", ns / 1e9}')
  traces=$(cat "$TMP/out" "$TMP/err" | grep -c '^    at ')
  first=$(cat "$TMP/out" "$TMP/err" | head -1 | cut -c1-160)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$wall" "$cpu" "$rc" "$traces" "$(basename "$f")" "$first" >> "$OUT"
done
rm -rf "$TMP"
echo "recalc-corpus: $(wc -l < "$OUT") files; exits: $(cut -f3 "$OUT" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
echo "slowest by CPU time (s):"
sort -t$'\t' -k2 -g -r "$OUT" | head -5 | awk -F'\t' '{printf "  cpu %s  wall %s  %s\n", $2, $1, $5}'
echo "slowest by wall time (s):"
sort -t$'\t' -k1 -g -r "$OUT" | head -3 | awk -F'\t' '{printf "  wall %s  cpu %s  %s\n", $1, $2, $5}'
bad=$(awk -F'\t' '($3 != 0 && $3 != 1 && $3 != 2) || $4 > 0' "$OUT")
if [ -n "$bad" ]; then echo "crashes, hangs or stack traces:"; echo "$bad"; exit 1; fi
echo "no crash, no hang, no stack trace; per-file lines in $OUT"
