#!/usr/bin/env bash
# Times the Interaction Log Entries bulk actions and the CSV export on a large book, through the real app: real form
# posts with antiforgery tokens, as a person clicks them (docs/performance.md, "Bulk actions and CSV export").
#
# Usage: scripts/bulk-bench.sh [CONTACTS] [ENTRIES] [ROUNDS]      (defaults 100000 2000000 3)
#        PAUSE=2 scripts/bulk-bench.sh ...      (seconds between the last bulk action and Delete Canceled's preview)
#        BENCH_DIR=artifacts/bench-new ...      (another book, e.g. one generated after a schema change)
#
# 1. Builds Release, generates the book once (scripts/bench-common.sh) and works on a COPY of it (the actions change
#    the book; the cached one stays as generated).
# 2. Each round takes its own ~55-day window of entries (about 100,000 of 2,000,000), reads its count from the grid,
#    then: "Mark as Canceled" with "All N matching", "Undo Cancel" likewise, "Mark as Canceled" again, and
#    "Delete Canceled Interaction Log Entries" for the window. Each POST is timed with curl (the whole request up to
#    the redirect) and the SQL commands it ran are counted from the app's EF Core command log.
# 3. The CSV export of one window: time to first byte, total time, size, and the app's peak RSS (VmHWM, reset
#    before each export through /proc/PID/clear_refs) for 10,000 and for ~100,000 rows: constant memory means the peak
#    does not grow with the rows.
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; entries="${2:-2000000}"; rounds="${3:-3}"
source scripts/bench-common.sh

bench_build
bench_book "$contacts" "$entries"
copy="$bench_dir/bulk-$contacts-$entries.db"
echo "== copying the book to $copy" >&2
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$bench_db" "$copy"
# The copy leaves ~1 GB of dirty pages that the kernel writes back over the next ~30 s, inside the first round; a
# server's database file has no such backlog.
sync
bench_db="$copy"
bench_start "${BENCH_PORT:-5197}" "--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information"
bench_login
log="$bench_dir/app.log"
entries_url="/books/$book/interaction-log-entries"

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'; }
count_of() { grep -o '<strong>[0-9,]*</strong> interaction log entr' | head -n 1 | sed -E 's/<strong>([0-9,]*)<.*/\1/' | tr -d ,; }
commands() { grep -c "Executed DbCommand" "$log" || true; }

post() { # name path fields... ; prints "name ms commands"
  local name="$1" path="$2"; shift 2
  local args=() field
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  local before after ms
  before=$(commands)
  ms=$(curl -fs -o /dev/null -b "$jar" -c "$jar" -w '%{time_total}' "${args[@]}" "$base$path" | awk '{ printf "%.0f", $1 * 1000 }')
  sleep 0.5; after=$(commands)
  printf '%s\t%s\t%s\n' "$name" "$ms" "$((after - before))"
}

day() { date -u -d "$1 days ago" +%F; }

results=$(mktemp /tmp/stats-bulk.XXXXXX)
for round in $(seq 1 "$rounds"); do
  # Windows 450+60*round days back: inside the generated three years, never overlapping.
  to=$(day $((400 + 60 * round))); from=$(day $((454 + 60 * round)))
  page=$(bench_page "$entries_url?from=$from&to=$to")
  matching=$(echo "$page" | count_of)
  token=$(echo "$page" | token_of)
  echo "== round $round: $from..$to, $matching matching entries" >&2
  post "Mark as Canceled ($matching)" "$entries_url/bulk" "from=$from" "to=$to" "All=true" "Do=cancel" "__RequestVerificationToken=$token" >>"$results"
  post "Undo Cancel ($matching)" "$entries_url/bulk" "from=$from" "to=$to" "All=true" "Do=undo" "__RequestVerificationToken=$token" >>"$results"
  post "Mark as Canceled again ($matching)" "$entries_url/bulk" "from=$from" "to=$to" "All=true" "Do=cancel" "__RequestVerificationToken=$token" >>"$results"
  sleep "${PAUSE:-0}"
  preview=$(bench_page "$entries_url/delete-canceled?from=$from&to=$to")
  canceled=$(echo "$preview" | grep -o '<strong>[0-9,]*</strong> canceled interaction' | head -n 1 | sed -E 's/<strong>([0-9,]*)<.*/\1/' | tr -d ,)
  post "Delete Canceled ($canceled)" "$entries_url/delete-canceled" "from=$from" "to=$to" "__RequestVerificationToken=$(echo "$preview" | token_of)" >>"$results"
  left=$(bench_page "$entries_url?from=$from&to=$to&canceled=Canceled" | count_of)
  [ "$left" = "0" ] || { echo "round $round: $left canceled entries left after Delete Canceled" >&2; exit 1; }
done

echo
echo "Book of $contacts contacts and $entries entries; $rounds rounds, each on its own window of entries."
echo
echo "| round | action (rows) | ms | SQL commands |"
echo "| --- | --- | --- | --- |"
awk -F '\t' '{ printf "| %d | %s | %s | %s |\n", int((NR - 1) / 4) + 1, $1, $2, $3 }' "$results"
echo
# Medians per action over the rounds.
for action in "Mark as Canceled (" "Undo Cancel" "Mark as Canceled again" "Delete Canceled"; do
  grep -F "$action" "$results" | cut -f2 | sort -n | awk -v a="$action" '{ v[NR] = $1 } END { printf "median %s: %s ms\n", a, v[int((NR + 1) / 2)] }'
done

# The CSV: peak memory of the app for a small and a large export (the peak is reset before each).
export_csv() { # name query
  echo 5 > "/proc/$app_pid/clear_refs" 2>/dev/null || true
  local rss_before; rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status")
  local out; out=$(curl -fs -o "$bench_dir/export.csv" -b "$jar" -w '%{time_starttransfer} %{time_total} %{size_download}' "$base$entries_url/export.csv?$2")
  local peak; peak=$(awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status")
  local rows; rows=$(($(wc -l < "$bench_dir/export.csv") - 1))
  echo "$out" | awk -v name="$1" -v rows="$rows" -v before="$rss_before" -v peak="$peak" \
    '{ printf "| %s | %d | %.0f | %.0f | %.1f | %.0f | %.0f |\n", name, rows, $1 * 1000, $2 * 1000, $3 / 1048576, before / 1024, peak / 1024 }'
}
echo
echo "| CSV export | rows | first byte ms | total ms | MB | RSS before MB | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
csv_to=$(day 1000)
export_csv "one week" "from=$(day 1006)&to=$csv_to"
export_csv "about 55 days" "from=$(day 1054)&to=$csv_to"
export_csv "one week again" "from=$(day 1006)&to=$csv_to"
export_csv "about 55 days again" "from=$(day 1054)&to=$csv_to"
rm -f "$results" "$bench_dir/export.csv"
