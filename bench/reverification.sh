#!/usr/bin/env bash
# Asynchronous re-verification: uploads 20,000 valid codes (offline records), times until the server has decided
# them all (polling the database), against the 2-thread bare SM2 verify rate of the same run; cleans up after itself.
# Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on (see the class comment of ReverificationBench).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.ReverificationBench \
    -Dbench.root="$ROOT" "$@"
