#!/usr/bin/env bash
# Runs every test of EGovPlatform: builds the solution (warnings are errors), runs all test projects against a
# real PostgreSQL (started by the tests themselves from the machine's binaries when no Docker engine or
# EGOV_TEST_POSTGRES is available), and ends with one line "N passed, N failed, N skipped" computed from the
# TRX result files. Exits non-zero when anything failed or nothing ran, or when the run changed the working tree
# (tests write screenshots under artifacts/screenshots; EGOV_REFRESH_SCREENSHOTS=1 refreshes docs/screenshots on purpose).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

source "$root/scripts/ensure-postgres.sh"
source "$root/scripts/ensure-chromium.sh"
# Stop any cluster the Debian package may have started: the tests bring their own.
if [ "$(id -u)" = "0" ] && command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters -h 2>/dev/null | awk '$4=="online"{print $1, $2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop || true; done
fi

# What git sees before the run: a test that writes into tracked files shows up as a difference afterwards.
tree_before=$(git status --porcelain 2>/dev/null || true)

echo "== build"
if ! dotnet build EGovPlatform.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  echo "Build failed." >&2
  exit 1
fi

echo "== test"
dotnet test --solution EGovPlatform.sln -c Release --no-build --results-directory "$results" -- --report-xunit-trx
test_exit=$?

summary=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = r.get("outcome")
        if outcome == "Passed": passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"): skipped += 1
        else: failed += 1
print(f"{passed} {failed} {skipped}")
PY
)
read -r passed failed skipped <<<"$summary"
echo "$passed passed, $failed failed, $skipped skipped"
tree_changed=0
if [ "${EGOV_REFRESH_SCREENSHOTS:-}" != "1" ] && [ "$(git status --porcelain 2>/dev/null || true)" != "$tree_before" ]; then
  tree_changed=1
  echo "The test run changed the working tree (git status before and after):" >&2
  diff <(echo "$tree_before") <(git status --porcelain 2>/dev/null) >&2
fi
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] || [ "$tree_changed" -ne 0 ]; then
  exit 1
fi
