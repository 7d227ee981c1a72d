#!/usr/bin/env bash
# Measures what ONE contact page request costs the server: SQL commands and CPU time (docs/performance.md,
# "Per-request cost"). Uses the book scripts/benchmark.sh generated (run that first with the same sizes).
#
# Usage: scripts/request-cost.sh [CONTACTS] [ENTRIES] [REQUESTS]      (defaults 100000 2000000 2000)
#        APP=path/to/Crm.Web.dll scripts/request-cost.sh ...          (measure another build, e.g. a "before")
#        CONTACT=/books/1/contacts/ID scripts/request-cost.sh ...     (another contact page)
#
# 1. Starts the app with EF Core's command log on, opens a Person's contact page once to warm up, then once more and
#    counts the "Executed DbCommand" lines that request wrote.
# 2. Starts the app again with the usual Warning log, warms up with WARMUP (10000) requests, then ROUNDS (5) times sends
#    REQUESTS requests over one keep-alive connection (one curl) and reads the app process's utime+stime from
#    /proc/<pid>/stat before and after. CPU per request = the difference / REQUESTS; it includes everything the
#    process did meanwhile (GC, Kestrel, JIT), so other load on the machine matters less than for wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; entries="${2:-2000000}"; requests="${3:-2000}"
port="${PORT:-5231}"; base="http://127.0.0.1:$port"
dir="artifacts/bench"; db="$PWD/$dir/bench-$contacts-$entries.db"; creds="$dir/bench-$contacts-$entries.txt"
[ -f "$creds" ] || { echo "No $creds: run scripts/benchmark.sh $contacts $entries first." >&2; exit 1; }
book=$(sed -E 's/.*book=([0-9]+).*/\1/' "$creds")
if [ -z "${APP:-}" ]; then
  dotnet build src/Crm.Web -c Release -v quiet -nologo >/dev/null
  APP="$PWD/src/Crm.Web/bin/Release/net10.0/Crm.Web.dll"
fi
export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning
# Production needs its host names and, on a shared server, a key certificate (README, Configuration); a local
# benchmark answers on loopback and keeps its throwaway keys unencrypted.
export AllowedHosts="127.0.0.1;localhost" DataProtection__AllowUnprotectedKeys=true
jar="$dir/cost-cookies.txt"; log="$dir/cost-app.log"; pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

start() { # extra app arguments...
  if curl -s -o /dev/null "$base/health"; then echo "Port $port is in use; set PORT." >&2; exit 1; fi
  (cd src/Crm.Web && exec dotnet "$APP" --urls "$base" "--ConnectionStrings:Crm=Data Source=$db" "$@") >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done
  rm -f "$jar"
  local t
  t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=bench@example.com" \
    --data-urlencode "Password=bench-password-1" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

start "--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information"
# CONTACT=/books/1/contacts/ID picks the page; by default the most recently contacted Person tagged "vip" (a tag, and
# a full timeline page with "Load more" in the generated book).
contact="${CONTACT:-$(curl -fs -b "$jar" "$base/books/$book/contacts?sort=LastInteraction&type=Person&tag=vip" | grep -oE "/books/$book/contacts/[0-9]+\"" | head -n 1 | tr -d '"')}"
curl -fs -o /dev/null -b "$jar" "$base$contact"; curl -fs -o /dev/null -b "$jar" "$base$contact"
sleep 1; before=$(grep -c "Executed DbCommand" "$log" || true)
curl -fs -o /dev/null -b "$jar" "$base$contact"
sleep 1; after=$(grep -c "Executed DbCommand" "$log" || true)
stop

start
config="$dir/cost-curl.txt"
urls() { for _ in $(seq 1 "$1"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$base$contact"; done > "$config"; }
# Tiered JIT and dynamic PGO keep recompiling hot methods for a few thousand requests; measured before that, the
# same page costs 2-4x more CPU.
urls "${WARMUP:-10000}"; curl -fs -b "$jar" -K "$config"
urls "$requests"
hz=$(getconf CLK_TCK)
results=()
for _ in $(seq 1 "${ROUNDS:-5}"); do
  t0=$(cpu_ticks "$pid"); s0=$(date +%s.%N)
  curl -fs -b "$jar" -K "$config"
  t1=$(cpu_ticks "$pid"); s1=$(date +%s.%N)
  results+=("$(awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$requests" -v s="$(echo "$s1 - $s0" | bc)" \
    'BEGIN { printf "%.3f ms CPU, %.2f ms wall", t / hz * 1000 / n, s * 1000 / n }')")
done
stop

echo "Contact page $contact: $((after - before)) SQL commands per request (after a warm-up request)."
echo "CPU per request in the app process, ${ROUNDS:-5} rounds of $requests requests from one client:"
printf '  %s\n' "${results[@]}"
