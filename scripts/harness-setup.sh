# Shared by scripts/load-test.sh and scripts/soak-test.sh (sourced, not run): refuses a port already in
# use, builds the jar unless SKIP_BUILD=1, puts the harness classpath in CP and the jar in JAR, and
# generates the client keys and JWKS in WORK. Expects PORT, BASE, WORK and MVN_FLAGS to be set.
if curl -s -o /dev/null "${BASE}/actuator/health"; then
  echo "Port ${PORT} is already in use; set PORT" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (mvn ${MVN_FLAGS} package -DskipTests) ..." >&2
  mvn -B -q ${MVN_FLAGS} package -DskipTests >&2
fi
mvn -B -q ${MVN_FLAGS} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="${WORK}/cp.txt" >&2
CP="target/test-classes:target/classes:$(cat "${WORK}/cp.txt")"
JAR="$(ls target/chemo-coding-advisor-*.jar | grep -v -e original -e plain | head -1)"

java -cp "$CP" org.chemoadvisor.loadtest.LoadHarness keys "$WORK"
