#!/usr/bin/env bash
# start.sh - one command to try openstack-ops-mcp without a cloud: installs (first time), boots and seeds the
# loopback OpenStack testbed, then prints the OS_* variables to use. Needs root on Debian bookworm.
#   sudo testbed/start.sh            # then: eval "$(testbed/start.sh --print)" or copy the exports
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" != "--print" ]; then
  "$HERE/up.sh" >&2
  "$HERE/seed.sh" >&2
fi
cat <<EOS
# openstack-ops-mcp on the bundled testbed (project demo; use OS_USERNAME=admin OS_PASSWORD=admin OS_PROJECT_NAME=admin for admin)
export OS_AUTH_URL=http://${OSTB_HOST:-127.0.0.1}:${OSTB_PORT_KEYSTONE:-35357}/v3
export OS_USERNAME=demo OS_PASSWORD=${OSTB_DEMO_PASSWORD:-demo} OS_PROJECT_NAME=demo
export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=${OSTB_REGION:-RegionOne}
EOS
