#!/usr/bin/env bash
# Imports 1,000,000 red-list entries into the RUNNING system through its REST intake (signed batches of
# 20,000), then writes the same number of rows with plain batched JDBC as a baseline, and prints both rates
# and their ratio. Start the system first, in another terminal:  mvn -Prun verify
# Extra -D options are passed on, e.g.  bench/redlist-import.sh -Dbench.entries=100000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx3g}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.RedListImportBench \
    -Dbench.root="$ROOT" "$@"
