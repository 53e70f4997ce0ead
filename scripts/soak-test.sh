#!/usr/bin/env bash
# Soak and fault test: builds the jar, starts it as in production (scripts/run.sh: scripts/jvm.options, 288 MB
# heap, -XX:+ExitOnOutOfMemoryError) with JWT auth on and keys generated here, waits for readiness, then
# org.chemoadvisor.loadtest.SoakHarness sends valid order-sign and Claim/$validate traffic at a steady open-loop
# rate for the whole run and, after a warm-up and a baseline window, mixes in hostile requests (gzip bombs,
# a 10,000-item Claim, 2,000 modifiers, trickled bodies, malformed / duplicate-key / deeply nested JSON, a
# 5,000-character hook, two Authorization headers). It prints outcomes by endpoint and status class, p50/p99
# of the valid traffic in the baseline and hostile windows, the live heap after a full GC at the start and
# the end, whether the JVM died or was restarted, and a PASS/FAIL line per target; exits 1 if one fails.
# Not run by CI or mvn verify.
#
# When the JVM dies the script starts it again (as a supervisor would) so the run goes on and the
# death is reported; --no-restart leaves it down for the rest of the run.
#
# Usage: scripts/soak-test.sh [--minutes 10] [--rate 50] [--hostile-every 5] [--warmup-seconds 30]
#                             [--baseline-seconds 60] [--slow-max-seconds 90] [--hostile-only gzip,slow]
#                             [--no-restart]
#   --rate: valid requests per second in all (order-sign and $validate in turn), ramped up over the first
#     half of the warm-up; --hostile-every 0: no hostile requests (a control run, to see what the windows
#     differ by on their own); --hostile-only: only the hostile kinds whose name contains one of the
#     words; --slow-max-seconds: how long a trickled body is kept up if the server never cuts it off.
#   While the service is not ready (restarting) the hostile requests are held.
# Environment: PORT (default 18482), MVN_FLAGS (default empty; -o to build offline), SKIP_BUILD=1 to reuse
# target/, JAVA_OPTS_FILE (default scripts/jvm.options). The service log and keys stay in the work
# directory printed at the start.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18482}"
MVN_FLAGS="${MVN_FLAGS-}"
JAVA_OPTS_FILE="${JAVA_OPTS_FILE:-scripts/jvm.options}"
BASE="http://localhost:${PORT}"
WORK="$(mktemp -d -t chemo-soak.XXXXXX)"
RESTART=1
HARNESS_ARGS=()
for arg in "$@"; do
  if [[ "$arg" == --no-restart ]]; then
    RESTART=0
  else
    HARNESS_ARGS+=("$arg")
  fi
done
SUPERVISOR_PID=""

cleanup() {
  touch "${WORK}/stop"
  # Until the supervisor has seen the stop file: end the JVM it runs (a restart may be under way).
  while [[ -n "$SUPERVISOR_PID" ]] && kill -0 "$SUPERVISOR_PID" 2>/dev/null; do
    if [[ -f "${WORK}/service.pid" ]]; then
      kill "$(cat "${WORK}/service.pid")" 2>/dev/null || true
    fi
    sleep 0.2
  done
  if [[ -n "$SUPERVISOR_PID" ]]; then
    wait "$SUPERVISOR_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "Work directory (service log, keys): ${WORK}" >&2
source scripts/harness-setup.sh

APP_ARGS=(
  --server.port="${PORT}"
  --spring.datasource.url="jdbc:h2:file:${WORK}/feedback;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  --cds.security.enabled=true
  --cds.security.clients[0].issuer=https://loadtest.example
  --cds.security.clients[0].jwks-uri="file:${WORK}/jwks.json"
  --cds.security.public-base-url="${BASE}"
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:${WORK}/fhir-pub.pem"
)
JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh --prepare "$JAR" --spring.datasource.url="jdbc:h2:mem:training"

# Starts the service, writes its PID to service.pid (run.sh execs the JVM, so it is the JVM's), and when
# it exits records "epoch-ms PID exit-code" in exits.log and starts it again (unless --no-restart or stopping).
supervise() {
  local pid code
  while [[ ! -e "${WORK}/stop" ]]; do
    JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh "$JAR" "${APP_ARGS[@]}" >> "${WORK}/service.log" 2>&1 &
    pid=$!
    echo "$pid" > "${WORK}/service.pid.tmp" && mv "${WORK}/service.pid.tmp" "${WORK}/service.pid"
    code=0
    wait "$pid" || code=$?
    [[ -e "${WORK}/stop" ]] && return 0
    echo "$(date +%s%3N) ${pid} ${code}" >> "${WORK}/exits.log"
    echo "==== service PID ${pid} exited with ${code} at $(date -u +%H:%M:%S) ====" >> "${WORK}/service.log"
    [[ "$RESTART" == 1 ]] || return 0
  done
}

echo "Starting ${JAR} on port ${PORT} (log: ${WORK}/service.log) ..." >&2
START_NS=$(date +%s%N)
supervise &
SUPERVISOR_PID=$!
until curl -sf -o /dev/null "${BASE}/actuator/health/readiness"; do
  if [[ -s "${WORK}/exits.log" ]] || ! kill -0 "$SUPERVISOR_PID" 2>/dev/null; then
    echo "The service exited during start-up; see ${WORK}/service.log" >&2
    tail -20 "${WORK}/service.log" >&2
    exit 1
  fi
  sleep 0.05
done
echo "Ready in $(( ($(date +%s%N) - START_NS) / 1000000 )) ms (PID $(cat "${WORK}/service.pid"))" >&2

STATUS=0
java -cp "$CP" org.chemoadvisor.loadtest.SoakHarness --base "$BASE" --keys "$WORK" \
  --pid-file "${WORK}/service.pid" --exits-file "${WORK}/exits.log" --service-log "${WORK}/service.log" \
  --jvm-options "${JAVA_OPTS_FILE}" --histograms "${WORK}" "${HARNESS_ARGS[@]}" || STATUS=$?
echo "(load generator on the same machine; service log: ${WORK}/service.log)"
exit "$STATUS"
