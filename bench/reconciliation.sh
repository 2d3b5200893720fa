#!/usr/bin/env bash
# The reconciliation of a busy day's bill (40,297 payments, a few differences of each kind) in memory: digest
# check, reading and matching, against a raw split-and-join of the same bytes in the same run.
# Needs no running system; needs the installed ejb-module (mvn install -DskipTests at the top).
# Extra -D… arguments (e.g. -Dbench.lines=400000) are passed to the benchmark's JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec mvn -q -f bench/pom.xml compile exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx${BENCH_HEAP:-512m} $* -classpath %classpath cn.gov.shanwei.xinyixing.bench.ReconciliationBench"
