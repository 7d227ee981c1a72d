#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script (run by CI so the SQL Server path is known to build).
# Usage: scripts/sqlserver-script.sh [output.sql]
set -euo pipefail
out="${1:-artifacts/sqlserver-migrations.sql}"
cd "$(dirname "$0")/.."
mkdir -p "$(dirname "$out")"
dotnet tool restore >/dev/null
dotnet restore Crm.sln >/dev/null
project="src/Crm.Migrations.SqlServer"
dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --output "$out" --configuration "${CONFIGURATION:-Release}"
echo "wrote $out"
