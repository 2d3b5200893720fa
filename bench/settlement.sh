#!/usr/bin/env bash
# The annual settlement at the city's scale: 10,000,000 generated trips of a year straight into the database,
# then the summary through the subsidy rule vs a raw GROUP BY, the nightly roll-ups, the annual run through the
# API, and the detail written to CSV and xlsx in a JVM of limited heap. Everything it wrote is deleted at the end.
# Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on, e.g.  bench/settlement.sh -Dbench.trips=1000000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx512m}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.SettlementBench \
    -Dbench.root="$ROOT" "$@"
