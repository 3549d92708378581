# openstack-ops-mcp container image: a JRE 25, the server jar, an unprivileged user, a health check that asks /health.
#
#   docker build -t openstack-ops-mcp .          # builds the jar with Maven inside (needs the JDK image and Maven Central)
#
# Without a registry (CI): build the jar on the host (./mvnw package), make a JRE base image locally
# (.ci/container-image.sh does both) and stop at the "prebuilt" stage, which adds target/openstack-ops-mcp-*.jar:
#
#   docker build --target prebuilt --build-arg JRE_IMAGE=local/temurin-jre:25 -t openstack-ops-mcp:ci .
#
# The stages are ordered so that a build with --target prebuilt never runs the Maven stage. Build with BuildKit (the
# default since Docker 23; DOCKER_BUILDKIT=1 before): the legacy builder runs every stage up to the target.
ARG JRE_IMAGE=eclipse-temurin:25-jre
ARG JDK_IMAGE=eclipse-temurin:25-jdk

# ---- runtime: everything but the jar
FROM ${JRE_IMAGE} AS runtime
RUN set -eu; \
    if command -v useradd >/dev/null; then useradd --system --uid 10001 --user-group --home-dir /app --no-create-home mcp; \
    else echo 'mcp:x:10001:10001::/app:/usr/sbin/nologin' >>/etc/passwd; echo 'mcp:x:10001:' >>/etc/group; fi; \
    mkdir -p /app/bin /var/log/openstack-ops-mcp; \
    chown 10001:10001 /var/log/openstack-ops-mcp; chmod 750 /var/log/openstack-ops-mcp
COPY deploy/container/entrypoint deploy/container/healthcheck /app/bin/
WORKDIR /app
# HTTP by default in a container, on all interfaces inside it (publish the port deliberately); stdio for desktop
# clients: docker run -i --rm -e MCP_TRANSPORT=stdio ... (see docs/deployment.md)
ENV HOME=/app MCP_TRANSPORT=streamable-http MCP_HOST=0.0.0.0 MCP_PORT=8080 JAVA_OPTS=""
EXPOSE 8080
USER 10001:10001
# /health answers {"status":"ok"} once the server serves; on stdio there is no port, and the check passes
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/app/bin/healthcheck"]
ENTRYPOINT ["/app/bin/entrypoint"]

# ---- prebuilt: the runtime plus a jar built on the host (./mvnw package)
FROM runtime AS prebuilt
COPY target/openstack-ops-mcp-*.jar /app/openstack-ops-mcp.jar

# ---- build: the jar from the sources, with the Maven wrapper on a JDK 25
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/openstack-ops-mcp-*.jar /openstack-ops-mcp.jar

# ---- the default image: the runtime plus the jar built above
FROM runtime
COPY --from=build /openstack-ops-mcp.jar /app/openstack-ops-mcp.jar
