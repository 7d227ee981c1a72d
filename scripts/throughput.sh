#!/usr/bin/env bash
# Throughput of the contact page and the contacts list under load, against a roofline (docs/performance.md
# "Throughput (wrk, 32 connections)"): the same rows served with plain ADO.NET and a StringBuilder, mapped only because
# this script passes --Benchmark:RawPages=true (src/Crm.Web/Features/Benchmark/RawPages.cs).
#
# Usage: scripts/throughput.sh [CONTACTS] [ENTRIES] [ROUNDS] [SECONDS]     (defaults 100000 2000000 3 10)
#   e.g. scripts/throughput.sh 20000 400000 1 5     a quick run on a small book
# Environment: BENCH_PORT (5198), CONNECTIONS (32), THREADS (2), WARMUP seconds (5).
#
# 1. Build, generate once, start in Production on 127.0.0.1 and log in: scripts/bench-common.sh (as benchmark.sh).
# 2. Installs wrk from Debian when missing.
# 3. Finds a person with a full timeline from the pages themselves, and checks each real page and its raw page
#    answer 200 with the cookie wrk will send and show the same contact / the same next-page cursor.
# 4. Warms each URL up once (WARMUP s: with 3 s the first round still paid tiered JIT, ~3x the CPU/request), then
#    ROUNDS rounds of: contact, raw contact, list, raw list (interleaved, so machine noise hits real and raw alike),
#    each a wrk run of SECONDS with --latency; the app's CPU time (utime+stime from /proc/<pid>/stat) before and after
#    each run gives CPU ms per request.
# 5. Prints each run, then a Markdown table of the medians over the rounds and the real ÷ raw ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; entries="${2:-2000000}"; rounds="${3:-3}"; seconds="${4:-10}"
connections="${CONNECTIONS:-32}"; threads="${THREADS:-2}"; warmup="${WARMUP:-5}"
source scripts/bench-common.sh

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (apt-get)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi

bench_build
bench_book "$contacts" "$entries"
bench_start "${BENCH_PORT:-5198}" --Benchmark:RawPages=true
bench_login
cookie=$(bench_cookie_header)

# A person with a full timeline (a "Load more" link), among the most recently contacted, as a person reads it.
contact=""
for path in $(bench_page "/books/$book/contacts?sort=LastInteraction" | grep -oE "/books/$book/contacts/[0-9]+\"" | tr -d '"' | head -n 30); do
  html=$(bench_page "$path")
  if grep -q 'type-person' <<<"$html" && grep -q 'before=' <<<"$html"; then contact="$path"; break; fi
done
[ -n "$contact" ] || { echo "no person with a full timeline among the 30 most recently contacted" >&2; exit 1; }
list="/books/$book/contacts"
raw="/benchmark/raw"

get() { curl -fs --max-time 10 -H "Cookie: $cookie" "$base$1"; }  # exactly what wrk sends
# Same data on both sides, or the ratio means nothing: the contact's name, and the list's next-page cursor.
# (Pages are read whole into variables first: grep -q closing a pipe early would fail curl under pipefail.)
real_page=$(get "$contact"); raw_page=$(get "$raw$contact")
name=$(grep -o '<title>[^<]*' <<<"$real_page" | sed -E 's/<title>//; s/ &#xB7;.*//')
[ -n "$name" ] && grep -qF "<h1>$name</h1>" <<<"$raw_page" || { echo "the raw contact page does not show $contact" >&2; exit 1; }
real_page=$(get "$list"); raw_page=$(get "$raw$list")
# The cursor is "key_id" (KeysetCursor); the key's URL encoding differs between routing and the raw page, the id does not.
after() { grep -oE 'after=[^"&]*_[0-9]+' <<<"$1" | head -n 1 | grep -oE '_[0-9]+$'; }
[ -n "$(after "$real_page")" ] && [ "$(after "$real_page")" = "$(after "$raw_page")" ] || { echo "the raw list's next-page cursor differs" >&2; exit 1; }

ticks_per_s=$(getconf CLK_TCK)
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$app_pid/stat" | awk '{ print $12 + $13 }'; }  # utime + stime
ms() { awk '{ v = $1 + 0; u = $1; sub(/^[0-9.]+/, "", u); f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : 60000; printf "%.1f", v * f }'; }

runs="$bench_dir/throughput-runs.tsv"; : > "$runs"
run() { # label path: one wrk run; appends "label req/s p50 p99 cpu-ms/req" to $runs
  local before after out requests
  before=$(cpu_ticks)
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency -H "Cookie: $cookie" "$base$2")
  after=$(cpu_ticks)
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; echo "errors during $1: not a valid measurement" >&2; exit 1; fi
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" \
    "$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")" \
    "$(awk '$1 == "50%" { print $2 }' <<<"$out" | ms)" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out" | ms)" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')" | tee -a "$runs" >&2
}

echo "== warm-up: ${warmup} s per URL" >&2
for path in "$contact" "$raw$contact" "$list" "$raw$list"; do
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$base$path" >/dev/null
done
echo "== $rounds rounds of ${seconds} s runs, $connections connections, $threads wrk threads (label, req/s, p50 ms, p99 ms, CPU ms/req)" >&2
for round in $(seq 1 "$rounds"); do
  run contact "$contact"; run raw-contact "$raw$contact"
  run list "$list"; run raw-list "$raw$list"
  echo "-- round $round done" >&2
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -F '\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$runs" | median; }
# Real ÷ raw req/s per round (each pair ran back to back), then the median and range over the rounds.
ratios() { paste <(awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$runs") <(awk -F '\t' -v l="raw-$1" '$1 == l { print $2 }' "$runs") \
  | awk '{ printf "%.2f\n", $1 / $2 }' | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "**%.2f** (%s–%s)", m, v[1], v[NR] }'; }
cpu_ratio() { awk -v raw="$(col "raw-$1" 5)" -v real="$(col "$1" 5)" 'BEGIN { printf "%.2f", raw / real }'; }
row() { # name label path ratio-cells
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "$3" "$(col "$2" 2)" "$(col "$2" 3)" "$(col "$2" 4)" "$(col "$2" 5)" "$4"
}

echo
echo "Book of $contacts contacts and $entries entries; wrk $connections connections, $threads threads, ${seconds} s runs," \
  "$rounds interleaved rounds (medians), $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg)."
echo
echo "| page | path | req/s | p50 ms | p99 ms | CPU ms/req | real ÷ raw req/s (range) · raw ÷ real CPU/req |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
row "Contact page with timeline" contact "$contact" "$(ratios contact) · $(cpu_ratio contact)"
row "Contact page, raw roofline" raw-contact "$raw$contact" ""
row "Contacts, first page by name" list "$list" "$(ratios list) · $(cpu_ratio list)"
row "Contacts, raw roofline" raw-list "$raw$list" ""
