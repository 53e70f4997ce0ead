#!/usr/bin/env bash
# HTTP cost against the server's own floor, one run with wrk (apt-get install -y wrk): starts the jar as in
# production (scripts/run.sh, scripts/jvm.options: 288 MB heap) with security off, warms up, then measures
# with keep-alive, each for --seconds:
#   GET  /cds-services (discovery: the floor of Tomcat + Spring MVC + Jackson on this server), 8 connections;
#   POST /cds-services/chemodenervation-order-sign (06-recode-64642-with-64645), 8 connections;
#   POST /fhir/Claim/$validate (the clean 4-item claim, structural validation on), 2 connections;
# and prints p50/p99, requests/s and the service's CPU per request for each, as ratios to discovery's, and the
# service's resident memory (now and peak); MEMORY=1 adds the live heap after a full GC and the JVM's
# committed native memory by category (Native Memory Tracking). PROFILE=1 also records the order-sign and $validate phases with JFR
# (profile settings; the files are printed). Not run by CI.
#
# Warm-up: rounds of WARMUP_SECONDS on each endpoint in turn until a round leaves the JIT quiet (fewer than
# JIT_QUIET compilations, HotSpot's sun.ci.totalCompiles), at most WARMUP_ROUNDS rounds. On 2 cores shared with wrk, C2
# was still compiling the hook path (a sixth of the service's CPU) after 60 s of order-sign load, and order-sign's
# throughput doubled between 1 and 3 minutes; measuring before the JIT is quiet measures the JIT.
# The service's CPU per request is split by thread: request threads (Tomcat's), GC, JIT compilers, the rest (the
# issued-card writer and its H2 store).
#
# Usage: scripts/http-bench.sh    Environment: SECONDS_EACH (10), WARMUP_SECONDS (30 per endpoint and round), WARMUP_ROUNDS (10),
# JIT_QUIET (100), PORT (18482), MVN_FLAGS (e.g. -o), SKIP_BUILD=1 to reuse target/ (JAR=path and APP_DIR=dir measure another build), DATASOURCE_URL (the issued-card store;
# default: a file H2 in the work directory, as the embedded default stores them; an in-memory H2 keeps every issued card
# on the heap, which grows through the run), JAVA_OPTS_FILE (scripts/jvm.options), PROFILE=1.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${SECONDS_EACH:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-10}"
JIT_QUIET="${JIT_QUIET:-100}"
PORT="${PORT:-18482}"
BASE="http://localhost:${PORT}"
WORK="$(mktemp -d -t chemo-http.XXXXXX)"
JAVA_OPTS_FILE="${JAVA_OPTS_FILE:-scripts/jvm.options}"
SERVICE_PID=""
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests >&2
fi
JAR="${JAR:-$(ls target/chemo-coding-advisor-*.jar | grep -v -e original -e plain | head -1)}"
ARGS=(--server.port="${PORT}" --cds.security.enabled=false --spring.datasource.url="${DATASOURCE_URL:-jdbc:h2:file:${WORK}/issued-cards;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}")
JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh --prepare "$JAR" "${ARGS[@]}" > "${WORK}/prepare.log" 2>&1
if [[ "${MEMORY:-0}" == 1 ]]; then
  cp "${JAVA_OPTS_FILE}" "${WORK}/jvm-nmt.options"
  echo "-XX:NativeMemoryTracking=summary" >> "${WORK}/jvm-nmt.options"
  JAVA_OPTS_FILE="${WORK}/jvm-nmt.options"
fi
if [[ "${PROFILE:-0}" == 1 ]]; then
  # Recording from the start: JFR instruments JDK classes when it starts, which in a warm JVM throws away
  # compiled code and would make the measured phases a re-warm-up. Each phase then gets its own recording.
  cp "${JAVA_OPTS_FILE}" "${WORK}/jvm.options"
  echo "-XX:StartFlightRecording=name=all,settings=profile,maxsize=64m" >> "${WORK}/jvm.options"
  JAVA_OPTS_FILE="${WORK}/jvm.options"
fi
JAVA_OPTS_FILE="${JAVA_OPTS_FILE}" scripts/run.sh "$JAR" "${ARGS[@]}" > "${WORK}/service.log" 2>&1 &
SERVICE_PID=$!
until curl -sf -o /dev/null "${BASE}/actuator/health/readiness"; do
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "${WORK}/service.log" >&2; exit 1; }
  sleep 0.1
done

post_script() {  # $1 body file, $2 content type
  cat > "${WORK}/$(basename "$1").lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "$2"
local f = io.open("$1", "rb"); wrk.body = f:read("*a"); f:close()
LUA
  echo "${WORK}/$(basename "$1").lua"
}
ORDER_SIGN_LUA="$(post_script "$PWD/cds-hooks/order-sign/06-recode-64642-with-64645.request.json" application/json)"
VALIDATE_LUA="$(post_script "$PWD/fhir-resources/examples/claim-clean-64644-64645-95874.json" application/fhir+json)"
ORDER_SIGN="${BASE}/cds-services/chemodenervation-order-sign"
VALIDATE="${BASE}/fhir/Claim/\$validate"

for status in $(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data-binary @cds-hooks/order-sign/06-recode-64642-with-64645.request.json "$ORDER_SIGN") \
  $(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/fhir+json' \
    --data-binary @fhir-resources/examples/claim-clean-64644-64645-95874.json "$VALIDATE"); do
  [[ "$status" == 200 ]] || { echo "a request to measure was answered ${status}" >&2; exit 1; }
done

compilations() {
  jcmd "$SERVICE_PID" PerfCounter.print | awk -F= '/^sun.ci.totalCompiles=/ { print $2 }'
}
WARMUP_STARTED=$(date +%s)
round=0
while :; do
  round=$((round + 1))
  before="$(compilations)"
  wrk -t2 -c8 -d"${WARMUP_SECONDS}s" "${BASE}/cds-services" > /dev/null
  wrk -t2 -c8 -d"${WARMUP_SECONDS}s" -s "$ORDER_SIGN_LUA" "$ORDER_SIGN" > /dev/null
  wrk -t1 -c2 -d"${WARMUP_SECONDS}s" -s "$VALIDATE_LUA" "$VALIDATE" > /dev/null
  compiled=$(( $(compilations) - before ))
  echo "Warm-up round ${round}: ${compiled} JIT compilations" >&2
  if (( compiled < JIT_QUIET )); then
    WARMUP="${round} rounds, $(( $(date +%s) - WARMUP_STARTED )) s, JIT quiet (${compiled} compilations in the last round)"
    break
  fi
  if (( round >= WARMUP_ROUNDS )); then
    WARMUP="${round} rounds, $(( $(date +%s) - WARMUP_STARTED )) s, JIT NOT quiet (${compiled} compilations in the last round)"
    break
  fi
done

cpu_ticks() {  # the service's user + system CPU so far, in clock ticks, by thread group: request GC JIT other
  local task name ticks request=0 gc=0 jit=0 other=0
  for task in /proc/"${SERVICE_PID}"/task/*; do
    name="$(cat "${task}/comm" 2>/dev/null)" || continue
    ticks="$(awk '{ print $14 + $15 }' "${task}/stat" 2>/dev/null)" || continue
    case "$name" in
      http-nio-*) request=$((request + ticks)) ;;
      G1*|GC\ Thread*|VM\ Thread|StringDedup*) gc=$((gc + ticks)) ;;
      C1\ Compiler*|C2\ Compiler*|Sweeper*) jit=$((jit + ticks)) ;;
      *) other=$((other + ticks)) ;;
    esac
  done
  echo "$request $gc $jit $other"
}

per_request() {  # ticks requests -> ms of CPU per request
  awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", 1000 * t / hz / n }'
}

measure() {  # name threads connections script url
  local out before after
  before="$(cpu_ticks)"
  if [[ -n "$4" ]]; then
    out="$(wrk -t"$2" -c"$3" -d"${SECONDS_EACH}s" --latency -s "$4" "$5")"
  else
    out="$(wrk -t"$2" -c"$3" -d"${SECONDS_EACH}s" --latency "$5")"
  fi
  after="$(cpu_ticks)"
  echo "$out" > "${WORK}/$1.wrk.txt"
  local p50 p99 rps non2xx requests b a total=0 split=""
  p50="$(awk '$1 == "50%" { print $2 }' <<< "$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<< "$out")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' <<< "$out")"
  requests="$(awk '/requests in/ { print $1 }' <<< "$out")"
  read -r -a b <<< "$before"
  read -r -a a <<< "$after"
  # The service's CPU per request (wrk's own is not in it): steadier than req/s when the machine is shared.
  for i in 0 1 2 3; do
    total=$((total + a[i] - b[i]))
    split="${split} $(per_request $((a[i] - b[i])) "$requests")"
  done
  echo "$1 $3 ${p50} ${p99} ${rps} ${non2xx:-0} $(per_request "$total" "$requests")${split}"
}

DISCOVERY="$(measure discovery 2 8 "" "${BASE}/cds-services")"
if [[ "${PROFILE:-0}" == 1 ]]; then
  jcmd "$SERVICE_PID" JFR.start name=sign settings=profile filename="${WORK}/order-sign.jfr" > /dev/null
fi
SIGN="$(measure order-sign 2 8 "$ORDER_SIGN_LUA" "$ORDER_SIGN")"
if [[ "${PROFILE:-0}" == 1 ]]; then
  jcmd "$SERVICE_PID" JFR.stop name=sign > /dev/null
  jcmd "$SERVICE_PID" JFR.start name=validate settings=profile filename="${WORK}/validate.jfr" > /dev/null
fi
VALID="$(measure validate 1 2 "$VALIDATE_LUA" "$VALIDATE")"
if [[ "${PROFILE:-0}" == 1 ]]; then
  jcmd "$SERVICE_PID" JFR.stop name=validate > /dev/null
fi
RSS="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${SERVICE_PID}/status")"
PEAK="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${SERVICE_PID}/status")"

echo
echo "Warm-up: ${WARMUP}"
echo "| endpoint | connections | p50 | p99 | req/s | non-2xx | req/s x discovery | service CPU ms/request | CPU x discovery | request threads | GC | JIT | other |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
D_RPS="$(awk '{ print $5 }' <<< "$DISCOVERY")"
D_CPU="$(awk '{ print $7 }' <<< "$DISCOVERY")"
for row in "$DISCOVERY" "$SIGN" "$VALID"; do
  read -r name conns p50 p99 rps non2xx cpu request gc jit other <<< "$row"
  echo "| ${name} | ${conns} | ${p50} | ${p99} | ${rps} | ${non2xx} | $(awk -v a="$rps" -v b="$D_RPS" 'BEGIN { printf "%.2f", a / b }') | ${cpu} | $(awk -v a="$cpu" -v b="$D_CPU" 'BEGIN { printf "%.1f", a / b }') | ${request} | ${gc} | ${jit} | ${other} |"
done
echo "(resident memory ${RSS} MB now, ${PEAK} MB peak; JVM flags: $(grep -v '^#' "${JAVA_OPTS_FILE}" | tr '\n' ' '); wrk on the same machine; files in ${WORK})"
if [[ "${MEMORY:-0}" == 1 ]]; then
  jcmd "$SERVICE_PID" GC.run > /dev/null
  echo "Live heap after a full GC: $(jcmd "$SERVICE_PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1)"
  echo "Committed native memory by category (NMT, KB):"
  jcmd "$SERVICE_PID" VM.native_memory summary | grep -E '^-' | sed -E 's/^-\s*//; s/\(reserved=[0-9]+KB, committed=([0-9]+)KB\)/\1/' | \
    awk '{ printf "  %s", $0 } END { print "" }'
fi
[[ "${PROFILE:-0}" != 1 ]] || echo "JFR recordings of the measured phases: ${WORK}/order-sign.jfr ${WORK}/validate.jfr"
