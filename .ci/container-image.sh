#!/usr/bin/env bash
# Builds the project's container image on a machine without a container registry (CI), from the jar the tests built:
#   1. installs Debian's Docker engine (docker.io) and debootstrap if missing, and starts dockerd if none answers;
#   2. makes the base images locally, once (kept in Docker and as tarballs under $CACHE, reused while they exist):
#      local/debian:bookworm (debootstrap --variant=minbase from the machine's Debian mirror) and
#      local/temurin-jre:25 (a jlink'ed runtime of the machine's JDK 25 on that base);
#   3. builds the Dockerfile's "prebuilt" stage on that JRE, with target/openstack-ops-mcp-*.jar, as $IMAGE.
# Users with a registry build the Dockerfile as it is (eclipse-temurin base, Maven inside).
# Environment: IMAGE (default openstack-ops-mcp:ci), CACHE (default ~/.cache/openstack-ops-mcp/images).
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE="${IMAGE:-openstack-ops-mcp:ci}"
CACHE="${CACHE:-$HOME/.cache/openstack-ops-mcp/images}"
DEBIAN_IMAGE=local/debian:bookworm
JRE_IMAGE=local/temurin-jre:25
# what `jdeps --print-module-deps --ignore-missing-deps --multi-release 25` reports for the jar, plus jdk.zipfs (jar
# file systems) and jdk.management (container-aware memory and CPU reporting); a change rebuilds the JRE image
MODULES=java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.sql,jdk.jfr,jdk.unsupported,jdk.zipfs,jdk.management
DOCKER=/usr/bin/docker   # Debian's client: it has BuildKit (a newer docker elsewhere on PATH may lack buildx)
export DOCKER_BUILDKIT=1
log() { printf 'container-image: %s\n' "$*" >&2; }

JAR=$(ls -t target/openstack-ops-mcp-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
[ -n "$JAR" ] || { log "no target/openstack-ops-mcp-*.jar: run ./mvnw package first"; exit 1; }

# ---- 1. engine
missing=()
[ -x "$DOCKER" ] && command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=600 \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"; }
fi
if ! "$DOCKER" version >/dev/null 2>&1; then
  log "starting dockerd (log: /var/log/dockerd.log)"
  # no systemd here; dockerd outlives this script, like a system service
  setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 300); do "$DOCKER" version >/dev/null 2>&1 && break; sleep 0.2; done
  "$DOCKER" version >/dev/null || { log "dockerd did not answer"; tail -n 20 /var/log/dockerd.log >&2; exit 1; }
fi

have() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
mkdir -p "$CACHE"

# ---- 2a. Debian base
if ! have "$DEBIAN_IMAGE" && [ -f "$CACHE/debian-bookworm.tar" ]; then
  log "loading $DEBIAN_IMAGE from $CACHE"
  "$DOCKER" load -q -i "$CACHE/debian-bookworm.tar" >/dev/null || rm -f "$CACHE/debian-bookworm.tar"
fi
if ! have "$DEBIAN_IMAGE"; then
  mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
  log "debootstrap bookworm from $mirror (a few minutes, once)"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/locale/* "$root"/usr/share/info/*
  tar -C "$root" -c . | "$DOCKER" import -c 'CMD ["/bin/bash"]' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$root"
  trap - EXIT
  "$DOCKER" save -o "$CACHE/debian-bookworm.tar" "$DEBIAN_IMAGE"
fi

# ---- 2b. JRE base: jlink of the machine's JDK (Temurin 25), without site-local certificate authorities
label() { "$DOCKER" image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true; }
if ! have "$JRE_IMAGE" && [ -f "$CACHE/temurin-jre-25.tar" ]; then
  log "loading $JRE_IMAGE from $CACHE"
  "$DOCKER" load -q -i "$CACHE/temurin-jre-25.tar" >/dev/null || rm -f "$CACHE/temurin-jre-25.tar"
fi
if ! have "$JRE_IMAGE" || [ "$(label "$JRE_IMAGE" modules)" != "$MODULES" ]; then
  JAVA_HOME="${JAVA_HOME:-$(env -u JAVA_HOME bin/java-home)}"
  log "jlink $MODULES from $JAVA_HOME"
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  "$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress zip-6 \
    --output "$ctx/jre"
  # the machine's trust store is Debian's (the Mozilla bundle) plus whatever this site added: ship only the former
  store="$ctx/jre/lib/security/cacerts"
  if [ -L "$store" ]; then cp --remove-destination "$(readlink -f "$store")" "$store"; fi
  chmod 644 "$store"
  # (keytool lower-cases the aliases it was given: "debian:" + the name of the /etc/ssl/certs link)
  mozilla=$(for link in /etc/ssl/certs/*.pem; do
              if [[ "$(readlink -f "$link")" == /usr/share/ca-certificates/mozilla/* ]]; then basename "${link,,}"; fi
            done)
  "$JAVA_HOME/bin/keytool" -list -keystore "$store" -storepass changeit 2>/dev/null \
    | sed -n 's/^debian:\([^,]*\.pem\), .*trustedCertEntry.*/\1/p' | while read -r name; do
        alias="debian:$name"
        if ! grep -qxF "$name" <<<"$mozilla"; then
          log "not shipping the site-local CA $alias"
          "$JAVA_HOME/bin/keytool" -delete -keystore "$store" -storepass changeit -alias "$alias" >/dev/null
        fi
      done
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
COPY jre /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL modules="$MODULES"
DOCKERFILE
  "$DOCKER" build -q -t "$JRE_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
  trap - EXIT
  "$DOCKER" save -o "$CACHE/temurin-jre-25.tar" "$JRE_IMAGE"
fi

# ---- 3. the project image
log "building $IMAGE from $JAR on $JRE_IMAGE"
"$DOCKER" build -q --target prebuilt --build-arg JRE_IMAGE="$JRE_IMAGE" -t "$IMAGE" . >/dev/null
log "$IMAGE: $("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%d MB", $1 / 1e6 }')"
