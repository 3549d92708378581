# shellcheck shell=bash
# Shared by testbed/record/<family>.sh: record real API responses from the running, seeded testbed for the unit
# tests' mock cloud (src/test/resources/recorded/<family>/). Service URLs become {{base}}/<service>, so the mock can
# serve the catalog from wherever it listens. Usage in a family script:
#   . "$(dirname "$0")/lib.sh" <family>
#   login demo            # or: login admin
#   get "$NOVA/servers/detail?limit=3" | save servers-detail-limit3.json
set -euo pipefail
RECORD_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-$RECORD_HERE/../../src/test/resources/recorded/${1:?family}}
KS=http://127.0.0.1:35357/v3
NOVA=http://127.0.0.1:8774/v2.1
NEUTRON=http://127.0.0.1:9696
GLANCE=http://127.0.0.1:9292
CINDER=http://127.0.0.1:8776/v3
HEAT=http://127.0.0.1:8004/v1
PLACEMENT=http://127.0.0.1:8778
OCTAVIA=http://127.0.0.1:9876
mkdir -p "$OUT"

# auth <user> <password> <project>: token body on stdout, headers in /tmp/rec-headers
auth() {
  curl -s -D /tmp/rec-headers -H 'Content-Type: application/json' "$KS/auth/tokens" -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"'"$1"'","domain":{"name":"Default"},"password":"'"$2"'"}}},"scope":{"project":{"name":"'"$3"'","domain":{"name":"Default"}}}}}'
}
# login <demo|admin>: sets TOKEN and PROJECT (the project id)
login() {
  local body
  body=$(auth "$1" "$1" "$1")
  TOKEN=$(awk 'tolower($1)=="x-subject-token:" {print $2}' /tmp/rec-headers | tr -d '\r')
  PROJECT=$(printf '%s' "$body" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"]["project"]["id"])')
}
sanitize() {
  /usr/bin/python3 -c '
import json, sys
text = sys.stdin.read()
for port, svc in (("35357","identity"),("8774","compute"),("9696","network"),("9292","image"),("8776","volume"),("8004","orchestration"),("8778","placement"),("9876","load-balancer")):
    text = text.replace("http://127.0.0.1:%s" % port, "{{base}}/%s" % svc)
try:
    print(json.dumps(json.loads(text), indent=1, sort_keys=True))
except ValueError:
    print(text)
'
}
save() { sanitize >"$OUT/$1"; echo "recorded $OUT/$1"; }
get() { curl -s -H "X-Auth-Token: $TOKEN" "$@"; }
send() { local method=$1; shift; curl -s -X "$method" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' "$@"; }
# jq-like field extraction with Debian's python: json_get <python expression on d>
json_get() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
