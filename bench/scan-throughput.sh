#!/usr/bin/env bash
# Online scans over HTTPS, signed by registered devices, a fresh code per scan, trip written: closed-loop
# throughput on several connections against the 2-thread bare SM2 verify rate of the same run, and p99
# latency at a fixed 200 scans/s. Signs up 200 riders and registers 32 devices first.
# Start the system first, in another terminal:  mvn -Prun verify
# Profile the server during the closed loop:     bench/scan-throughput.sh -Dbench.jfr=true   (JFR to /tmp/scan.jfr)
# Extra -D options are passed on, e.g.  bench/scan-throughput.sh -Dbench.connections=4 -Dbench.seconds=15
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
EXTRA=()
for arg in "$@"; do
    if [[ "$arg" == "-Dbench.jfr=true" ]]; then
        # The Payara JVM of this project's own run (its domain lives under .data)
        PID="$(pgrep -f -- "$ROOT/.data/domains/xinyixing" | head -1 || true)"
        [[ -n "$PID" ]] || { echo "no Payara JVM of $ROOT running" >&2; exit 1; }
        EXTRA+=("-Dbench.jfrPid=$PID")
    else
        EXTRA+=("$arg")
    fi
done
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.ScanThroughputBench \
    -Dbench.root="$ROOT" ${EXTRA[@]+"${EXTRA[@]}"}
