#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations assemblies.
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore Crm.sln >/dev/null
for provider in Sqlite SqlServer; do
  project="src/Crm.Migrations.$provider"
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
