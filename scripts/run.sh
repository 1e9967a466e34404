#!/usr/bin/env bash
# Runs EGovPlatform for a developer: the host with its built-in modules and demo data, in Development, on
# http://localhost:5080. Without ConnectionStrings__egov it starts a project-local PostgreSQL from the machine's
# binaries (data in .pgdata/, stopped with the host).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ConnectionStrings__egov:-}" ]; then
  source scripts/ensure-postgres.sh
fi

dotnet build host/EGov.Host -c Release -nologo -clp:ErrorsOnly
echo "Starting EGovPlatform: API reference http://localhost:5080/scalar  readiness http://localhost:5080/health/ready"
echo "  pages: leader dashboard http://localhost:5080/dashboard  citizen lookup http://localhost:5080/tra-cuu"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
cd host/EGov.Host
exec dotnet bin/Release/net10.0/EGov.Host.dll
