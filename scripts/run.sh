#!/usr/bin/env bash
# Production start: runs the Spring Boot jar from its extracted form with a class-data-sharing (AppCDS)
# archive, which takes about a third off the CPU of start-up (class loading and verification from the
# nested jar). The JVM flags come from scripts/jvm.options (or JAVA_OPTS_FILE).
#
# Usage: scripts/run.sh [--prepare] [JAR] [application arguments...]
#   JAR defaults to the newest target/chemo-coding-advisor-*.jar.
#   --prepare only extracts the jar and records the archive (a training start that exits once the
#   context is refreshed, binding no port), then exits; otherwise that is done when missing or older
#   than the jar, then the service starts (exec: the script's PID becomes the JVM's).
# The training start gets the same application arguments as the real one, so it loads the same classes
# (it runs Flyway against the configured database, as any start does).
#
# Environment: JAVA_OPTS_FILE (default scripts/jvm.options), APP_DIR (default target/app: the
# extracted jar and its archive), MALLOC_ARENA_MAX (default 2: glibc's per-thread malloc arenas cost
# tens of MB of resident memory with Tomcat's request threads and give nothing back on 2 cores). jvm.options
# also has the JVM hand freed native memory back to the OS every 5 s (-XX:TrimNativeHeapInterval, JDK 17.0.11+):
# glibc keeps what the JIT compilers' bursts freed, 30-45 MB of resident memory under the load test.
set -euo pipefail
SCRIPTS="$(cd "$(dirname "$0")" && pwd)"
JAVA_OPTS_FILE="${JAVA_OPTS_FILE:-${SCRIPTS}/jvm.options}"
APP_DIR="${APP_DIR:-${SCRIPTS}/../target/app}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

PREPARE_ONLY=0
if [[ "${1:-}" == --prepare ]]; then
  PREPARE_ONLY=1
  shift
fi
if [[ "${1:-}" == *.jar ]]; then
  JAR="$1"
  shift
else
  JAR="$(ls -t "${SCRIPTS}"/../target/chemo-coding-advisor-*.jar 2>/dev/null | grep -v -e original -e plain | head -1 || true)"
fi
if [[ -z "${JAR}" || ! -f "${JAR}" ]]; then
  echo "No jar found; build it with: mvn -B package -DskipTests" >&2
  exit 1
fi

EXTRACTED="${APP_DIR}/$(basename "${JAR}")"
ARCHIVE="${APP_DIR}/app.jsa"

if [[ ! -f "${ARCHIVE}" || "${JAR}" -nt "${ARCHIVE}" ]]; then
  echo "Extracting ${JAR} and recording the class-data archive (one training start) ..." >&2
  rm -rf "${APP_DIR}"
  java -Djarmode=tools -jar "${JAR}" extract --destination "${APP_DIR}" >&2
  # A failed or partial training only costs the speed-up: the JVM ignores an unusable archive.
  java @"${JAVA_OPTS_FILE}" -XX:ArchiveClassesAtExit="${ARCHIVE}" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "${EXTRACTED}" "$@" > "${APP_DIR}/training.log" 2>&1 \
    || echo "Training start failed (see ${APP_DIR}/training.log); starting without the archive's full benefit" >&2
fi
if [[ "${PREPARE_ONLY}" == 1 ]]; then
  exit 0
fi

exec java @"${JAVA_OPTS_FILE}" -XX:SharedArchiveFile="${ARCHIVE}" -Xlog:cds=off -jar "${EXTRACTED}" "$@"
