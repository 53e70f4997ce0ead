#!/usr/bin/env bash
# End-to-end HTTP load test: builds the jar, starts it (with the JVM flags in scripts/jvm.options and JWT
# auth on, keys generated here), waits for readiness, then org.chemoadvisor.loadtest.LoadHarness drives
# order-sign and Claim/$validate (warm-up, 200 and 1000 req/s open loop, max closed loop) and prints one
# table with p50/p99/p99.9, throughput, errors, start-up time to ready and resident memory. Not run by CI.
#
# Usage: scripts/load-test.sh [--seconds 10] [--warmup-seconds 10] [--rates 200,1000] [--max-concurrency 8]
# Environment: PORT (default 18481), MVN_FLAGS (default empty; -o to build offline once ~/.m2 is filled),
# SKIP_BUILD=1 to reuse target/, JAVA_OPTS_FILE (default scripts/jvm.options), SECURITY=off to start the service with
# cds.security.enabled=false (the tokens are still made and sent, and ignored): the cost of the auth, same generator.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18481}"
MVN_FLAGS="${MVN_FLAGS-}"
JAVA_OPTS_FILE="${JAVA_OPTS_FILE:-scripts/jvm.options}"
BASE="http://localhost:${PORT}"
WORK="$(mktemp -d -t chemo-load.XXXXXX)"
SERVICE_PID=""
SECURITY_ENABLED=true
[[ "${SECURITY:-on}" != off ]] || SECURITY_ENABLED=false

cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

source scripts/harness-setup.sh

echo "Starting ${JAR} on port ${PORT} (log: ${WORK}/service.log) ..." >&2
JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh --prepare "$JAR" --spring.datasource.url="jdbc:h2:mem:training"
START_NS=$(date +%s%N)
JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh "$JAR" \
  --server.port="${PORT}" \
  --spring.datasource.url="jdbc:h2:file:${WORK}/feedback;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  --cds.security.enabled="${SECURITY_ENABLED}" \
  --cds.security.clients[0].issuer=https://loadtest.example \
  --cds.security.clients[0].jwks-uri="file:${WORK}/jwks.json" \
  --cds.security.public-base-url="${BASE}" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:${WORK}/fhir-pub.pem" \
  > "${WORK}/service.log" 2>&1 &
SERVICE_PID=$!

until curl -sf -o /dev/null "${BASE}/actuator/health/readiness"; do
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "The service exited during start-up; see ${WORK}/service.log" >&2
    tail -20 "${WORK}/service.log" >&2
    exit 1
  fi
  sleep 0.05
done
READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
echo "Ready in ${READY_MS} ms; measuring ..." >&2

java -cp "$CP" org.chemoadvisor.loadtest.LoadHarness run --base "$BASE" --keys "$WORK" --pid "$SERVICE_PID" \
  --ready-ms "$READY_MS" --jar "$JAR" "$@"
echo "(JVM flags: $(grep -v '^#' "${JAVA_OPTS_FILE}" | tr '\n' ' '); load generator on the same machine)"
if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
  echo "The service exited during the run: $(grep -m1 -E 'OutOfMemoryError|Exception' "${WORK}/service.log" || true)" >&2
  exit 1
fi
