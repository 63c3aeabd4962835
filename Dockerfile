# One image recipe for every service (docs/deployment.md, "Images"). Build the jars first
# (./mvnw -DskipTests package); then, per service:
#   docker build --build-arg MODULE=ingest-service --build-arg MANAGEMENT_PORT=9081 -t eojxds/ingest-service .
# (docker compose build does this for all of them; bin/container-images builds everything with podman).
#
# BASE_IMAGE: the maintained JRE 17 users expect; machines without a public registry pass a base made
# from Debian's packages (ops/containers/jre). Spring Boot's layered jar: dependencies, the loader,
# snapshot dependencies and the application are separate layers, so a code change rebuilds and ships
# one small layer. Non-root, and runs with a read-only root filesystem (only /tmp is written).
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS layers
ARG MODULE
WORKDIR /layers
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${BASE_IMAGE}
ARG MODULE
ARG MANAGEMENT_PORT
LABEL org.opencontainers.image.title="eoj-xds ${MODULE}" \
      org.opencontainers.image.source="https://github.com/eoj-xds/eoj-xds" \
      org.opencontainers.image.licenses="Apache-2.0" \
      dk.eojxds.sbom="/app/sbom/application.cdx.json"
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
COPY ops/containers/service-entrypoint.sh /app/entrypoint.sh
# where the compose stack's dev-stack shares its test credentials (a named volume takes this owner)
RUN mkdir -p /sts && chown 10001:10001 /sts
# the CycloneDX SBOM the build made of this service (also served at /actuator/sbom), where scanners look
COPY ${MODULE}/target/classes/META-INF/sbom/application.cdx.json /app/sbom/application.cdx.json
ENV EOJXDS_MANAGEMENT_PORT=${MANAGEMENT_PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001:10001
# liveness on the management port, with bash alone (no curl in a JRE image)
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${EOJXDS_MANAGEMENT_PORT} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["/app/entrypoint.sh"]
