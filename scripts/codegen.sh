#!/usr/bin/env bash
# Regenerates the Wolverine handler and endpoint code the host loads at start-up (TypeLoadMode.Static, see
# docs/adr/0014-pre-generated-wolverine-code.md) into host/EGov.Host/Internal/Generated, from a clean clone too.
# Run it after adding or changing a handler, an endpoint, a middleware or a Wolverine policy, and commit the result;
# the test GeneratedCodeTests fails (naming the files) while the committed code is stale.
#   1. build the host without the committed code (stale code that no longer compiles cannot block this);
#   2. run its "codegen write" in Dynamic mode (Roslyn, full discovery), which needs no database;
#   3. build the host again with the fresh code.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
out="$root/host/EGov.Host/Internal/Generated"

echo "== build the host without the generated code ($configuration)"
dotnet build host/EGov.Host -c "$configuration" -nologo -clp:ErrorsOnly -p:EGovWithoutGeneratedCode=true

echo "== codegen write -> ${out#"$root"/}"
rm -rf "$out"
(
  cd host/EGov.Host
  # Development: the endpoints the host has in every environment (the dev-token endpoint answers 404 outside
  # Development and Testing but is mapped everywhere). The connection string is never opened by codegen; giving
  # one keeps Development from starting the project-local PostgreSQL.
  ASPNETCORE_ENVIRONMENT=Development \
  Wolverine__TypeLoadMode=Dynamic \
  Wolverine__GeneratedCodePath="$out" \
  ConnectionStrings__egov="Host=127.0.0.1;Port=1;Database=codegen;Username=codegen" \
    dotnet "bin/$configuration/net10.0/EGov.Host.dll" codegen write
)

echo "== build the host with the fresh code"
dotnet build host/EGov.Host -c "$configuration" -nologo -clp:ErrorsOnly
git status --short -- "$out" | sed 's/^/   /'
echo "Done: commit host/EGov.Host/Internal/Generated."
