#!/usr/bin/env bash
# Charging throughput: 30,000 trips' debts of 200 signed-up accounts collected through the payment
# stand-in by the running system, until every one is final; and the stand-in's raw round-trip rate.
# Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on, e.g.  bench/charging.sh -Dbench.trips=5000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.ChargingBench \
    -Dbench.root="$ROOT" "$@"
