# Shared by scripts/benchmark.sh (latency per page) and scripts/throughput.sh (wrk): one way to build, generate the
# book, start the app and log in, so both measure the same thing (docs/performance.md). Source it from a script that
# has `set -euo pipefail` and has cd'd to the repository root, then call in order:
#
#   bench_build                         Release build; sets bench_app
#   bench_book CONTACTS ENTRIES [OPTS]  generates the book once into artifacts/bench/ (cached); sets bench_db, book
#   bench_start PORT [--Key=Value ...]  starts the app on 127.0.0.1:PORT (Production), stops it on exit; sets base, app_pid
#   bench_login                         logs in through the real form into the cookie jar $jar
#   bench_page PATH                     GET with that cookie (fails on a non-2xx answer)

# BENCH_DIR keeps a second book apart (e.g. one generated with a new schema); absolute, as the app runs from src/Crm.Web.
bench_dir="$(realpath -m "${BENCH_DIR:-artifacts/bench}")"
bench_owner="bench@example.com"
bench_password="bench-password-1"
mkdir -p "$bench_dir"

bench_build() {
  # Quiet unless it fails: warnings are errors in this repository, so a failed build says why.
  if ! dotnet build src/Crm.Web -c Release -v quiet -nologo >"$bench_dir/build.log" 2>&1; then
    cat "$bench_dir/build.log" >&2
    return 1
  fi
  bench_app="$PWD/src/Crm.Web/bin/Release/net10.0/Crm.Web.dll"
  export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning
  # Production needs its host names and, on a shared server, a key certificate (README, Configuration); a local
  # benchmark answers on loopback and keeps its throwaway keys unencrypted.
  export AllowedHosts="127.0.0.1;localhost" DataProtection__AllowUnprotectedKeys=true
}

bench_book() { # contacts entries [more generate options, e.g. --segment-lines 10000]
  local name="bench-$1-$2"; [ $# -gt 2 ] && name="$name$(printf '%s' "${@:3}" | tr -c 'a-z0-9' '-')"
  bench_db="$bench_dir/$name.db"
  local creds="$bench_dir/$name.txt"
  if [ ! -f "$creds" ]; then
    rm -f "$bench_db" "$bench_db-wal" "$bench_db-shm"
    echo "== generating $1 contacts and $2 entries (once, a few minutes at full size)" >&2
    # The credentials file is written only when generation finished, so an interrupted run is not cached.
    (cd src/Crm.Web && dotnet "$bench_app" generate --contacts "$1" --entries "$2" "${@:3}" \
        --owner "$bench_owner" --password "$bench_password" "--ConnectionStrings:Crm=Data Source=$bench_db") | tail -n 1 > "$creds.tmp"
    grep -q '^book=[0-9]' "$creds.tmp" || { echo "generate failed: $(cat "$creds.tmp")" >&2; return 1; }
    mv "$creds.tmp" "$creds"
  fi
  book=$(sed -E 's/.*book=([0-9]+).*/\1/' "$creds")
}

bench_stop() {
  if [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null; then
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

bench_start() { # port [--Key=Value ...]
  base="http://127.0.0.1:$1"; shift
  # Another engineer's app on the same port would be measured silently: refuse instead.
  if curl -fs -o /dev/null --max-time 2 "$base/health"; then
    echo "something already answers on $base; set BENCH_PORT to a free port" >&2
    return 1
  fi
  echo "== starting the app on $base (log: $bench_dir/app.log)" >&2
  (cd src/Crm.Web && exec dotnet "$bench_app" --urls "$base" "--ConnectionStrings:Crm=Data Source=$bench_db" "$@") \
    >"$bench_dir/app.log" 2>&1 &
  app_pid=$!
  trap bench_stop EXIT
  trap 'exit 130' INT TERM
  local _
  for _ in $(seq 1 90); do
    curl -fs -o /dev/null --max-time 2 "$base/health" && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; see $bench_dir/app.log" >&2; tail -n 20 "$bench_dir/app.log" >&2; return 1; }
    sleep 1
  done
  echo "the app did not answer $base/health within 90 s" >&2
  return 1
}

bench_login() {
  jar="$bench_dir/cookies.txt"
  rm -f "$jar"
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$bench_owner" \
    --data-urlencode "Password=$bench_password" --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
  grep -q 'crm\.auth' "$jar" || { echo "log-in failed (no auth cookie)" >&2; return 1; }
}

# The jar's cookies as one Cookie header value (curl marks HttpOnly cookies with a "#HttpOnly_" prefix).
bench_cookie_header() {
  awk -F '\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

bench_page() { curl -fs -b "$jar" "$base$1"; }
