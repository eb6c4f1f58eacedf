# Open Forge: build the jar, then run it on a JRE. docker compose runs it with PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app openforge
WORKDIR /app
COPY --from=build /src/target/open-forge-*.jar /app/open-forge.jar
COPY samples /app/samples
RUN mkdir -p /app/data && chown -R openforge /app
USER openforge
ENV OPENFORGE_DATA_DIR=/app/data OPENFORGE_SAMPLES_DIR=/app/samples
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/open-forge.jar"]
