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

# Citizen e-mail (docs/notifications.md) goes to a local smtp4dev (the repository's .NET tool) unless the caller
# configured e-mail itself. It runs in its own session so that stopping the host stops it too.
if [ -z "${Notifications__Email__Enabled:-}" ]; then
  dotnet tool restore >/dev/null
  setsid dotnet tool run smtp4dev -- --smtpport=2525 --urls=http://localhost:5081 --db= --imapport= --pop3port= \
    --nousersettings --hostname=localhost >.smtp4dev.log 2>&1 &
  smtp4dev_pid=$!
  trap 'kill -- "-$smtp4dev_pid" 2>/dev/null || true' EXIT
  export Notifications__Email__Enabled=true Notifications__Smtp__Host=127.0.0.1 Notifications__Smtp__Port=2525
  export Notifications__Smtp__Security=None Notifications__Smtp__From="Một cửa tỉnh <motcua@egov.example.vn>"
  export Notifications__PublicBaseUrl="${ASPNETCORE_URLS%%;*}"
  echo "  citizen e-mail inbox (smtp4dev): http://localhost:5081  (SMTP on localhost:2525)"
fi

cd host/EGov.Host
dotnet bin/Release/net10.0/EGov.Host.dll
