# The service as a container: build the jar first (mvn -B package -DskipTests), then
#   docker build -t chemo-coding-advisor .
# Runs as an unprivileged user with the production JVM flags (scripts/jvm.options); the health
# check asks the readiness probe. Settings come from the environment (SPRING_DATASOURCE_URL,
# CDS_SECURITY_CLIENTS_0_ISSUER, ...); see compose.yaml and the README's "Run in production".
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 advisor \
    && useradd --system --uid 10001 --gid advisor --home-dir /app --shell /usr/sbin/nologin advisor
WORKDIR /app
COPY --chown=root:root target/chemo-coding-advisor-*.jar /app/app.jar
COPY --chown=root:root scripts/jvm.options /app/jvm.options
COPY --chown=root:root --chmod=0755 scripts/container-start.sh scripts/container-health.sh /app/

USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 CMD ["/app/container-health.sh"]
ENTRYPOINT ["/app/container-start.sh"]
