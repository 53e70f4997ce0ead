#!/usr/bin/env bash
# Container health check without curl in the image: GET the readiness probe over bash's /dev/tcp
# and succeed on HTTP 200. HEALTH_PORT (default 8080) and HEALTH_PATH may be changed.
set -uo pipefail
PORT="${HEALTH_PORT:-8080}"
PATH_="${HEALTH_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${PORT}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$PATH_" >&3
read -r -t 3 status_line <&3 || exit 1
[[ "$status_line" == *" 200 "* ]]
