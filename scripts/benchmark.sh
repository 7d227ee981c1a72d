#!/usr/bin/env bash
# Measures the contacts list, the contact page, Interaction Log Entries and statistics on a large book (docs/performance.md: fast at 100k contacts / 2M entries).
#
# Usage: scripts/benchmark.sh [CONTACTS] [ENTRIES] [RUNS]      (defaults 100000 2000000 20)
#
# 1. Builds Release, and generates the book once into artifacts/bench/ (the `generate` command, set-based).
# 2. Starts the app in Production mode on 127.0.0.1:5199 (BENCH_PORT) against that database file.
# 3. Logs in through the real form and times each page RUNS times after 3 warm-ups (curl, whole response).
#    Steps 1-3 are scripts/bench-common.sh, shared with scripts/throughput.sh.
# 4. Prints a Markdown table of median and p95 in milliseconds, for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; entries="${2:-2000000}"; runs="${3:-20}"
source scripts/bench-common.sh

bench_build
bench_book "$contacts" "$entries"
bench_start "${BENCH_PORT:-5199}"
bench_login

# Real links from the pages themselves: page 2 of the list, and the most recently contacted contact.
next=$(bench_page "/books/$book/contacts" | grep -o 'href="[^"]*" rel="next"' | head -n 1 | sed -E 's/href="([^"]*)".*/\1/; s/&amp;/\&/g')
contact=$(bench_page "/books/$book/contacts?sort=LastInteraction" | grep -oE "/books/$book/contacts/[0-9]+\"" | head -n 1 | tr -d '"')
older=$(bench_page "$contact" | grep -oE 'href="[^"]*before=[^"]*"' | head -n 1 | sed -E 's/href="([^"]*)"/\1/; s/&amp;/\&/g')
# Interaction Log Entries: a template and a contact from the grid's own filter choices and rows; windows relative to today.
entries="/books/$book/interaction-log-entries"
grid=$(bench_page "$entries")
template=$(echo "$grid" | grep -oE '<option value="[0-9]+">SALESCALL<' | head -n 1 | sed -E 's/.*value="([0-9]+)".*/\1/')
contact_id=${contact##*/}
week="from=$(date -u -d '37 days ago' +%F)&to=$(date -u -d '31 days ago' +%F)"
month="from=$(date -u -d '60 days ago' +%F)&to=$(date -u -d '31 days ago' +%F)"

measure() { # name path
  local name="$1" path="$2" times
  for _ in 1 2 3; do curl -fs -o /dev/null -b "$jar" "$base$path"; done
  times=$(for _ in $(seq 1 "$runs"); do curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$path"; done | sort -n)
  local median p95
  median=$(echo "$times" | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.0f", $1 * 1000 }')
  p95=$(echo "$times" | awk -v n="$runs" 'NR == int(n * 0.95 + 0.999) { printf "%.0f", $1 * 1000 }')
  printf '| %s | `%s` | %s | %s |\n' "$name" "${path//|/\\|}" "$median" "$p95"
}

echo
echo "Book of $contacts contacts and $entries interaction log entries; $runs runs each after 3 warm-ups."
echo
echo "| page | path | median ms | p95 ms |"
echo "| --- | --- | --- | --- |"
measure "Book home (recent interactions)" "/books/$book"
measure "Contacts, first page by name" "/books/$book/contacts"
measure "Contacts, next page (keyset)" "$next"
measure "Contacts, sorted by last interaction" "/books/$book/contacts?sort=LastInteraction"
measure "Contacts, search \"andersen\"" "/books/$book/contacts?q=andersen"
measure "Contacts, search with no match" "/books/$book/contacts?q=zzzzqqq"
measure "Contacts, filter companies" "/books/$book/contacts?type=Company"
measure "Contacts, filter tag \"vip\"" "/books/$book/contacts?tag=vip"
measure "Contact page with timeline" "$contact"
measure "Contact timeline, load more" "$older"
measure "Interaction Log Entries, all (count of the book)" "$entries"
measure "Log entries, one contact" "$entries?contact=$contact_id"
measure "Log entries, one week" "$entries?$week"
measure "Log entries, template SALESCALL, 30 days" "$entries?template=$template&$month"
measure "Log entries, automatic, 30 days" "$entries?origin=Automatic&$month"
measure "Log entries, failed calls, 30 days" "$entries?kind=Call&attemptFailed=true&$month"
measure "Log entries, people, not canceled, one week" "$entries?origin=People&canceled=NotCanceled&$week"
measure "Log entries, template SALESCALL, whole book" "$entries?template=$template"
measure "Group statistics, last 12 months" "/books/$book/interaction-groups/statistics"
measure "Template statistics, last 30 days" "/books/$book/interaction-templates/statistics?from=$(date -u -d '30 days ago' +%F)"
