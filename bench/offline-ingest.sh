#!/usr/bin/env bash
# Offline uploads (500 records a request, 10 % re-sent) from 4 devices in parallel: records/s, acknowledged = committed,
# against a raw multi-row INSERT IGNORE of the same records into trip_record in the same run; cleans up after itself.
# Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on (see the class comment of OfflineIngestBench).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.OfflineIngestBench \
    -Dbench.root="$ROOT" "$@"
