#!/usr/bin/env bash
# Latency (p50/p99/max, µs) of one eligibility decision with the pure rules: 200k warm-up, 1M measured.
# Needs no running system.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.EligibilityBench "$@"
