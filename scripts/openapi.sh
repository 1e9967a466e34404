#!/usr/bin/env bash
# Writes the OpenAPI document the host serves (/openapi/v1.json) to docs/openapi/v1.json, in a stable form (members
# sorted, two-space indentation, no "servers" entry: tests/EGov.IntegrationTests/Infrastructure/OpenApiSnapshot.cs).
# Run it after changing an endpoint, a schema or a document transformer, and commit the result; the test
# OpenApiSnapshotTests fails while the snapshot is stale, and the generated client (tests/EGov.ClientTests) is built
# from it. It starts the real host the way the integration tests do (its own PostgreSQL from the machine's binaries).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}

source "$root/scripts/ensure-postgres.sh"

echo "== build the integration tests ($configuration)"
dotnet build tests/EGov.IntegrationTests -c "$configuration" -nologo -clp:ErrorsOnly

echo "== write docs/openapi/v1.json from the served document"
EGOV_WRITE_OPENAPI_SNAPSHOT=1 "tests/EGov.IntegrationTests/bin/$configuration/net10.0/EGov.IntegrationTests" \
  -method "*The_committed_openapi_snapshot_is_the_served_document"
test -s docs/openapi/v1.json
git status --short -- docs/openapi | sed 's/^/   /'
echo "Done: commit docs/openapi/v1.json."
