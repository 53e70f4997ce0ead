#!/usr/bin/env bash
# Container entry point: the production JVM flags (jvm.options next to this script, or
# JAVA_OPTS_FILE), any extra JAVA_OPTS, then the jar with the container's arguments.
# exec: the JVM is PID 1's child no more, it is PID 1, and gets the stop signal itself.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAVA_BIN="${JAVA_BIN:-java}"
JAVA_OPTS_FILE="${JAVA_OPTS_FILE:-${HERE}/jvm.options}"
APP_JAR="${APP_JAR:-${HERE}/app.jar}"
read -r -a EXTRA <<< "${JAVA_OPTS:-}"
exec "$JAVA_BIN" "@${JAVA_OPTS_FILE}" "${EXTRA[@]}" -jar "$APP_JAR" "$@"
