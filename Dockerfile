# syntax=docker/dockerfile:1
# openstack-ops-mcp: build with the Maven wrapper on a JDK 25, run on a JRE 25 as an unprivileged user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/openstack-ops-mcp-*.jar /openstack-ops-mcp.jar \
    && rm -f /openstack-ops-mcp.jar.original

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home /app mcp \
    && mkdir -p /var/log/openstack-ops-mcp && chown 10001 /var/log/openstack-ops-mcp && chmod 750 /var/log/openstack-ops-mcp
WORKDIR /app
COPY --from=build /openstack-ops-mcp.jar /app/openstack-ops-mcp.jar
USER 10001
# HTTP by default in a container; bind all interfaces inside it (publish the port deliberately)
ENV MCP_TRANSPORT=streamable-http MCP_HOST=0.0.0.0 MCP_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["java", "-version"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx512m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/app/openstack-ops-mcp.jar"]
