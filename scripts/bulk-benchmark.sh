#!/usr/bin/env bash
# Bulk review benchmark, one run on this machine: generates seeded claims (generate-claims), then times
#   1. validate-claims, rules only, on CLAIMS claims (wall time from start to report, resident memory);
#   2. validate-claims --structural and rules only again, on the first STRUCTURAL_CLAIMS of them (the ratio);
#   3. the Spark job in local mode on every core, on the CLAIMS claims, with the JIT and collector flags of
#      scripts/bulk.options (the ratio to 1.), unless NO_SPARK=1;
# and prints one table. The in-process parse floor and per-claim stages are the JMH benchmarks
# (mvn -B -Pbenchmarks verify -Djmh.args="BulkReviewBenchmarks"). Not run by CI.
#
# The command runs with the JVM flags of scripts/bulk.options (HEAP overrides its -Xmx); the input is read
# once before each timed run, so every run reads it from the page cache.
# Usage: scripts/bulk-benchmark.sh            Environment: CLAIMS (default 200000), STRUCTURAL_CLAIMS
# (default 5000), HEAP (default 512m), SEED (default 1), WORK (default a new temporary directory; an
# existing one reuses the claims generated in it), MVN_FLAGS (e.g. -o), SKIP_BUILD=1 to reuse target/ and
# spark/target/, JAR=<jar> to time another build of the command (e.g. an older commit's).
# The 10-million-claim memory run: CLAIMS=10000000 HEAP=512m NO_SPARK=1 STRUCTURAL_CLAIMS=0 scripts/bulk-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CLAIMS="${CLAIMS:-200000}"
STRUCTURAL_CLAIMS="${STRUCTURAL_CLAIMS:-5000}"
HEAP="${HEAP:-512m}"
SEED="${SEED:-1}"
MVN_FLAGS="${MVN_FLAGS-}"
WORK="${WORK:-$(mktemp -d -t chemo-bulk.XXXXXX)}"
mkdir -p "$WORK"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (mvn ${MVN_FLAGS} install -DskipTests, then spark/) ..." >&2
  mvn -B -q ${MVN_FLAGS} install -DskipTests >&2
  [[ "${NO_SPARK:-0}" == 1 ]] || (cd spark && mvn -B -q ${MVN_FLAGS} package -DskipTests >&2)
fi
JAR="${JAR:-$(ls target/chemo-coding-advisor-*.jar | grep -v -e original -e plain | head -1)}"
BULK_JVM=("@scripts/bulk.options" "-Xmx${HEAP}")

# Runs a command under /usr/bin/time; prints "wall_seconds rss_mb" to stdout.
timed() {
  cat "$WORK"/in*/*.ndjson > /dev/null
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/last.log" 2>&1 || [[ $? -eq 1 ]]
  tail -1 "$WORK/time.txt" | awk '{printf "%s %.0f\n", $1, $2 / 1024}'
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

generate() {
  [[ -f "$2/Claim.ndjson" ]] || java -jar "$JAR" generate-claims --claims "$1" --seed "$SEED" --out "$2" > /dev/null 2>&1
}

echo "Generating ${CLAIMS} claims (seed ${SEED}) in ${WORK} ..." >&2
generate "$CLAIMS" "$WORK/in"
SIZE_MB=$(du -smL "$WORK/in" | cut -f1)

echo "validate-claims, rules only ..." >&2
read -r RULES_S RULES_MB < <(timed java "${BULK_JVM[@]}" -jar "$JAR" validate-claims "$WORK/in" --out "$WORK/out-rules")
SUMMARY="$(tail -1 "$WORK/last.log")"
# The review's pace past its start: claims/s between the first progress line past a fifth of the input and
# the last one (the progress lines come every 10 s when not on a terminal; n/a when a run is too short for two).
STEADY="$(awk '$8 == "read," { n = $1; gsub(",", "", n); p = $7; sub("%", "", p);
    if (p >= 20 && !seen) { n0 = n; t0 = $5; seen = 1 } nl = n; tl = $5 }
  END { if (seen && tl > t0) printf "%.0f", (nl - n0) / (tl - t0); else printf "n/a" }' "$WORK/last.log")"

if [[ "$STRUCTURAL_CLAIMS" -gt 0 ]]; then
  echo "validate-claims on ${STRUCTURAL_CLAIMS} claims, rules only and --structural ..." >&2
  generate "$STRUCTURAL_CLAIMS" "$WORK/in-small"
  read -r SMALL_S SMALL_MB < <(timed java "${BULK_JVM[@]}" -jar "$JAR" validate-claims "$WORK/in-small" --out "$WORK/out-small")
  read -r STRUCT_S STRUCT_MB < <(timed java "${BULK_JVM[@]}" -jar "$JAR" validate-claims "$WORK/in-small" --structural \
    --out "$WORK/out-structural")
fi

if [[ "${NO_SPARK:-0}" != 1 ]]; then
  echo "Spark local[*] ..." >&2
  (cd spark && mvn -B -q ${MVN_FLAGS} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/spark-cp.txt" >&2)
  OPENS="$(sed -n '/<argLine>/,/<\/argLine>/p' spark/pom.xml | sed -e 's/<[^>]*>//g' | tr '\n' ' ')"
  # The command's JIT and collector flags (scripts/bulk.options without its heap): the same review, the same JVM.
  SPARK_JVM="$(grep -v -e '^#' -e '^-Xmx' scripts/bulk.options | tr '\n' ' ')"
  # shellcheck disable=SC2086
  read -r SPARK_S SPARK_MB < <(timed java $OPENS -Xmx2g $SPARK_JVM -Dspark.master="local[*]" \
    -cp "spark/target/classes:$(cat "$WORK/spark-cp.txt")" org.chemoadvisor.spark.SparkClaimReview \
    "$WORK/in" --out "$WORK/out-spark")
fi

echo
echo "| run | claims | wall s | claims/s, start to report | resident MB | ratio |"
echo "|---|---|---|---|---|---|"
echo "| validate-claims, rules only, -Xmx${HEAP} | ${CLAIMS} (${SIZE_MB} MB) | ${RULES_S} | $(rate "$CLAIMS" "$RULES_S") | ${RULES_MB} | 1 |"
if [[ "$STRUCTURAL_CLAIMS" -gt 0 ]]; then
  echo "| validate-claims, rules only | ${STRUCTURAL_CLAIMS} | ${SMALL_S} | $(rate "$STRUCTURAL_CLAIMS" "$SMALL_S") | ${SMALL_MB} | 1 (of these claims) |"
  echo "| validate-claims --structural | ${STRUCTURAL_CLAIMS} | ${STRUCT_S} | $(rate "$STRUCTURAL_CLAIMS" "$STRUCT_S") | ${STRUCT_MB} | $(awk -v a="$SMALL_S" -v b="$STRUCT_S" 'BEGIN { printf "%.2f x the time", b / a }') |"
fi
if [[ "${NO_SPARK:-0}" != 1 ]]; then
  echo "| Spark local[*], -Xmx2g, ${SPARK_JVM}| ${CLAIMS} | ${SPARK_S} | $(rate "$CLAIMS" "$SPARK_S") | ${SPARK_MB} | $(awk -v a="$RULES_S" -v b="$SPARK_S" 'BEGIN { printf "%.2f x the time", b / a }') |"
fi
echo "(cores: $(nproc); ${SUMMARY}; rules only, past the first fifth of the input: ${STEADY} claims/s; files in ${WORK})"
