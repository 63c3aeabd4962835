# One image recipe for every service: build the jars first (./mvnw -DskipTests package),
# then `docker compose build` passes MODULE for each service.
FROM eclipse-temurin:17-jre
ARG MODULE
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
# /sts is where the dev-stack's test STS shares its CA certificate (a named volume takes this owner)
RUN mkdir -p /sts && chown 10001 /sts
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
