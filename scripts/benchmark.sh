#!/usr/bin/env bash
# Measures the contacts list and the contact page on a large book (DESIGN.md: fast at 100k contacts / 2M entries).
#
# Usage: scripts/benchmark.sh [CONTACTS] [ENTRIES] [RUNS]      (defaults 100000 2000000 20)
#
# 1. Builds Release, and generates the book once into artifacts/bench/ (the `generate` command, set-based).
# 2. Starts the app in Production mode on 127.0.0.1:5199 against that database file.
# 3. Logs in through the real form and times each page RUNS times after 3 warm-ups (curl, whole response).
# 4. Prints a Markdown table of median and p95 in milliseconds, for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
contacts="${1:-100000}"; entries="${2:-2000000}"; runs="${3:-20}"
port=5199; base="http://127.0.0.1:$port"
dir="artifacts/bench"; db="$PWD/$dir/bench-$contacts-$entries.db"; creds="$dir/bench-$contacts-$entries.txt"
mkdir -p "$dir"

dotnet build src/Crm.Web -c Release -v quiet -nologo >/dev/null
app="$PWD/src/Crm.Web/bin/Release/net10.0/Crm.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning

if [ ! -f "$creds" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "== generating $contacts contacts and $entries entries (once)" >&2
  (cd src/Crm.Web && dotnet "$app" generate --contacts "$contacts" --entries "$entries" \
      --owner "bench@example.com" --password "bench-password-1" "--ConnectionStrings:Crm=Data Source=$db") | tail -n 1 > "$creds"
fi
book=$(sed -E 's/.*book=([0-9]+).*/\1/' "$creds")

echo "== starting the app on $base" >&2
(cd src/Crm.Web && exec dotnet "$app" --urls "$base" "--ConnectionStrings:Crm=Data Source=$db") >"$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done

jar="$dir/cookies.txt"; rm -f "$jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=bench@example.com" \
  --data-urlencode "Password=bench-password-1" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"

page() { curl -fs -b "$jar" "$base$1"; }
# Real links from the pages themselves: page 2 of the list, and the most recently contacted contact.
next=$(page "/books/$book/contacts" | grep -o 'href="[^"]*" rel="next"' | head -n 1 | sed -E 's/href="([^"]*)".*/\1/; s/&amp;/\&/g')
contact=$(page "/books/$book/contacts?sort=LastInteraction" | grep -oE "/books/$book/contacts/[0-9]+\"" | head -n 1 | tr -d '"')
older=$(page "$contact" | grep -oE 'href="[^"]*before=[^"]*"' | head -n 1 | sed -E 's/href="([^"]*)"/\1/; s/&amp;/\&/g')

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
