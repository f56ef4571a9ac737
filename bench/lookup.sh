#!/usr/bin/env bash
# LookupEvents latency over N stored events for docs/benchmarks.md. Seeds DATA_DIR once (kept for
# reuse), measures the same lookups straight on the store (the engine's floor), then through
# `contrail serve` over HTTP with SigV4. Usage: bench/lookup.sh DATA_DIR [EVENTS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?data directory}
events=${2:-10000000}
requests=${3:-200}
dotnet build src/Contrail -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Contrail.Load -c Release -nologo -clp:ErrorsOnly >/dev/null
load="dotnet bench/Contrail.Load/bin/Release/net10.0/contrail-load.dll"
$load seed --data-dir "$data" --events "$events"
echo "store: $(du -sh "$data/store" | cut -f1) on disk"
$load store-lookup --data-dir "$data" --requests "$requests"
export CONTRAIL_ROOT_ACCESS_KEY_ID=AKIABENCHMARK0000001 CONTRAIL_ROOT_SECRET_ACCESS_KEY=benchmark-secret-benchmark-secret-0000
url=http://127.0.0.1:5096
dotnet src/Contrail/bin/Release/net10.0/contrail.dll serve --data-dir "$data" --urls $url >"$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
until curl -fs $url/health >/dev/null; do sleep 0.2; done
$load lookup --endpoint $url --requests "$requests"
