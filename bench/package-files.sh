#!/usr/bin/env bash
# Time and heap of writing 1,000,000 detail lines as CSV and as the workbook (POI SXSSF), and the same columns
# with bare POI and with fastexcel, in a JVM of its own under -Xmx256m (BENCH_HEAP to change it).
# Needs no running system; needs the installed ejb-module (mvn install -DskipTests at the top).
# Extra -D… arguments (e.g. -Dbench.rows=10000000) are passed to the benchmark's JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec mvn -q -f bench/pom.xml compile exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx${BENCH_HEAP:-256m} $* -classpath %classpath cn.gov.shanwei.xinyixing.bench.PackageFilesBench"
