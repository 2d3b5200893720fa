#!/usr/bin/env bash
# Latency (p50/p99/max ms) and requests/s of the server-made ride code over HTTP, one client, one request at
# a time: POST /api/mp/v1/code and GET /api/mp/v1/code.png, 200 warm-up + 2,000 measured calls each.
# Puts one new person on the red list and opens a XINYIXING account for them first.
# Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on, e.g.  bench/server-code-latency.sh -Dbench.calls=500
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.ServerCodeLatencyBench \
    -Dbench.root="$ROOT" "$@"
