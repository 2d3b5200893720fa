#!/usr/bin/env bash
# Ride-code verification on one thread, in-process: bare SM2 verify (SmCrypto.verify) against
# RideCodeVerifier.verify with a warm cache and with a cold one; codes/s, p99 µs and the ratio
# verifier/bare. Needs no running system. Extra -D options are passed on, e.g.  -Dbench.codes=5000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
exec mvn -q -f bench/pom.xml compile exec:java \
    -Dexec.mainClass=cn.gov.shanwei.xinyixing.bench.RideCodeVerifierBench "$@"
