#!/usr/bin/env bash
# End-to-end ingest benchmarks for docs/benchmarks.md: starts `contrail serve` on a fresh data
# directory, then runs contrail-load's ingest (flat out and at a fixed rate) and visibility modes,
# each RUNS times (medians go into the doc). Usage: bench/ingest.sh [RUNS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
seconds=${2:-20}
dotnet build src/Contrail -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Contrail.Load -c Release -nologo -clp:ErrorsOnly >/dev/null
data=$(mktemp -d /tmp/contrail-bench.XXXXXX)
export CONTRAIL_ROOT_ACCESS_KEY_ID=AKIABENCHMARK0000001 CONTRAIL_ROOT_SECRET_ACCESS_KEY=benchmark-secret-benchmark-secret-0000
url=http://127.0.0.1:5097
dotnet src/Contrail/bin/Release/net10.0/contrail.dll serve --data-dir "$data" --urls $url >"$data.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
until curl -fs $url/health >/dev/null; do sleep 0.2; done
load="dotnet bench/Contrail.Load/bin/Release/net10.0/contrail-load.dll"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "disk fsync baseline (dd, 4 KiB writes, each fdatasync'd, 2000 of them):"
dd if=/dev/zero of="$data/fsync-probe" bs=4k count=2000 oflag=dsync 2>&1 | tail -1
rm -f "$data/fsync-probe"
cpu() { awk '{print $14 + $15}' /proc/$server/stat; }
# Flat-out ingest outruns indexing; let the indexer catch up (one event's visibility) before the
# next phase, so each phase measures itself and not the previous one's backlog.
drain() { $load visibility --endpoint $url --samples 1 | sed 's/^/  drained backlog: /'; }
echo "warm-up (JIT, pools; not reported)"
$load ingest --endpoint $url --clients 16 --batch 100 --seconds 8 >/dev/null
for i in $(seq "$runs"); do
  echo "--- run $i"
  before=$(cpu)
  $load ingest --endpoint $url --clients 16 --batch 100 --seconds "$seconds"
  echo "  server CPU during the run: $(( ($(cpu) - before) * 10 )) ms (of $(( seconds * 2000 )) ms on 2 cores)"
  drain
  $load ingest --endpoint $url --clients 16 --batch 10 --seconds "$seconds" --rate 10000
  drain
  $load visibility --endpoint $url --samples 200
done
