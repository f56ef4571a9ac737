#!/usr/bin/env bash
# Runs every check a change must pass: build (warnings are errors), formatting, and all tests.
# Usage: ./scripts/test.sh [extra dotnet test args]
set -uo pipefail
cd "$(dirname "$0")/.."

dotnet build Contrail.slnx -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

if ! dotnet format Contrail.slnx --verify-no-changes --no-restore -v q; then
  echo "dotnet format found files to reformat: run 'dotnet format Contrail.slnx'"
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test Contrail.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line for CI, summed over the test projects.
awk '
  /(Passed|Failed)! +- Failed: / {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
rm -f "$log"
exit "$status"
