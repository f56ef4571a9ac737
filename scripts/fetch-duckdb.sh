#!/usr/bin/env bash
# Fetches DuckDB's C library (libduckdb.so, parquet and json built in) from the npm registry,
# the only place it can be had here (see ../shared/DEPENDENCIES.md). Idempotent; called by
# the build (src/Contrail.Store/Contrail.Store.csproj) when the library is missing.
set -euo pipefail
version="1.5.6-r.1"
dest="${1:-$(cd "$(dirname "$0")/.." && pwd)/.cache/duckdb}"
lib="$dest/libduckdb.so"
if [ -f "$lib" ] && [ -f "$dest/VERSION" ] && [ "$(cat "$dest/VERSION")" = "$version" ]; then
  exit 0
fi
mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "@duckdb/node-bindings-linux-x64@$version" >/dev/null )
tar -xzf "$tmp"/duckdb-node-bindings-linux-x64-*.tgz -C "$tmp"
# Write to a temporary name and rename, so that a concurrent build never sees a half-copied file.
cp "$tmp/package/libduckdb.so" "$dest/libduckdb.so.tmp.$$"
mv -f "$dest/libduckdb.so.tmp.$$" "$lib"
echo "$version" > "$dest/VERSION"
