#!/usr/bin/env bash
# Times the segment operations through the app's pages on a large book (docs/performance.md, "Segments").
#
# Usage: scripts/segments-bench.sh [CONTACTS] [SEGMENT_LINES] [RUNS]     (defaults 100000 10000 3)
#
# 1. Builds Release and generates, once, a book of CONTACTS contacts (no entries) with one ready-to-log segment of
#    SEGMENT_LINES lines (`generate --segment-lines`), through scripts/bench-common.sh.
# 2. Starts the app (Production) on 127.0.0.1:5198 (BENCH_PORT), logs in through the real form.
# 3. On a new segment, RUNS times: the Add Contacts preview of every contact, Add Contacts of every contact, Go Back;
#    the Segment page of the generated segment (first page of its lines); then Log Segment of it, once (it is logged
#    after that; delete artifacts/bench/bench-CONTACTS-0--segment-lines-*.txt to start from a fresh book).
# 4. Prints a Markdown table of each timing in milliseconds (whole request, curl).
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; lines="${2:-10000}"; runs="${3:-3}"
source scripts/bench-common.sh

bench_build
bench_book "$contacts" 0 --segment-lines "$lines"
bench_start "${BENCH_PORT:-5198}"
bench_login

token() { # path: the antiforgery token of the page's first form
  bench_page "$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'
}
post() { # path token [field=value ...]: prints "ms status"
  local path="$1" tok="$2"; shift 2
  local fields=(--data-urlencode "__RequestVerificationToken=$tok")
  for f in "$@"; do fields+=(--data-urlencode "$f"); done
  curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{time_total} %{http_code}\n' "${fields[@]}" "$base$path" \
    | awk '{ printf "%.0f (HTTP %s)\n", $1 * 1000, $2 }'
}
row() { printf '| %s | %s |\n' "$1" "$2"; }

segments="/books/$book/segments"
created=$(curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{redirect_url}' \
  --data-urlencode "__RequestVerificationToken=$(token "$segments")" --data-urlencode "OneTimeKey=$(cat /proc/sys/kernel/random/uuid)" "$base$segments/new")
segment="${created#"$base"}"
[ -n "$segment" ] || { echo "New Segment failed" >&2; exit 1; }
generated=$(bench_page "$segments" | grep -B 2 "$(printf '%s' 'Benchmark segment')" | grep -oE "$segments/[0-9]+" | head -n 1)

echo
echo "Book of $contacts contacts; a new segment for Add Contacts / Go Back, the generated $lines-line segment for Log."
echo
echo "| operation | ms |"
echo "| --- | --- |"
tok=$(token "$segment")
for run in $(seq 1 "$runs"); do
  row "Add Contacts preview, all $contacts (run $run)" "$(post "$segment/criteria/add" "$tok" Confirm=false)"
  row "Add Contacts, all $contacts (run $run)" "$(post "$segment/criteria/add" "$tok" Confirm=true)"
  row "Segment page, $contacts lines (run $run)" "$(curl -fs -o /dev/null -b "$jar" -w '%{time_total}' "$base$segment" | awk '{ printf "%.0f", $1 * 1000 }')"
  row "Go Back of that Add (run $run)" "$(post "$segment/go-back" "$tok")"
done
if [ -n "$generated" ]; then
  row "Segment page, $lines lines" "$(curl -fs -o /dev/null -b "$jar" -w '%{time_total}' "$base$generated" | awk '{ printf "%.0f", $1 * 1000 }')"
  row "Log Segment, $lines lines" "$(post "$generated/log" "$(token "$generated/log")" createFollowUp=false)"
else
  echo "(the generated segment is logged already: no Log timing)" >&2
fi
