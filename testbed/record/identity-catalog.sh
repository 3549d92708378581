#!/usr/bin/env bash
# Keystone v3 services and endpoints as admins read them, and the lifecycle of a group and a role (admin login).
# A throw-away group and role named rec-* are created for the write responses and deleted again at the end (also on
# failure); the seed data is only read.
. "$(dirname "$0")/lib.sh" identity
login admin
TAG=rec-$$
cleanup() {
  set +e
  [ -n "${GROUP:-}" ] && send DELETE "$KS/groups/$GROUP" >/dev/null
  [ -n "${ROLE:-}" ] && send DELETE "$KS/roles/$ROLE" >/dev/null
}
trap cleanup EXIT

# services and endpoints
get "$KS/services" | save services.json
COMPUTE=$(get "$KS/services?type=compute" | tee >(save services-type-compute.json >/dev/null) | json_get 'd["services"][0]["id"]')
sleep 0.2
get "$KS/services/$COMPUTE" | save service-compute.json
get "$KS/endpoints" | save endpoints.json
get "$KS/endpoints?service_id=$COMPUTE&interface=public" | save endpoints-compute-public.json
ENDPOINT=$(get "$KS/endpoints?service_id=$COMPUTE&interface=public" | json_get 'd["endpoints"][0]["id"]')
get "$KS/endpoints/$ENDPOINT" | save endpoint-compute-public.json

# a group: create, give it a role and a member, read what its delete takes, delete
DEMO_PROJECT=$(get "$KS/projects?name=demo" | json_get 'd["projects"][0]["id"]')
DEMO_USER=$(get "$KS/users?name=demo" | json_get 'd["users"][0]["id"]')
GROUP=$(send POST "$KS/groups" -d '{"group": {"name": "'$TAG'-group", "domain_id": "default", "description": "recording"}}' | tee >(save group-created.json >/dev/null) | json_get 'd["group"]["id"]')
sleep 0.2
send POST "$KS/groups" -d '{"group": {"name": "'$TAG'-group", "domain_id": "default"}}' | save group-create-409.json

# a role: create, grant it to the group on demo, read its assignments, delete both
ROLE=$(send POST "$KS/roles" -d '{"role": {"name": "'$TAG'-role", "description": "recording"}}' | tee >(save role-created.json >/dev/null) | json_get 'd["role"]["id"]')
sleep 0.2
send POST "$KS/roles" -d '{"role": {"name": "'$TAG'-role"}}' | save role-create-409.json
send PUT "$KS/groups/$GROUP/users/$DEMO_USER" >/dev/null
send PUT "$KS/projects/$DEMO_PROJECT/groups/$GROUP/roles/$ROLE" >/dev/null
get "$KS/groups?name=$TAG-group" | save groups-name-created.json
get "$KS/roles?name=$TAG-role" | save roles-name-created.json
get "$KS/groups/$GROUP/users" | save group-created-users.json
get "$KS/role_assignments?include_names=true&group.id=$GROUP" | save role-assignments-group-created.json
get "$KS/role_assignments?include_names=true&role.id=$ROLE" | save role-assignments-role-created.json
send DELETE "$KS/roles/$ROLE" -w '%{http_code}' -o /dev/null; echo
ROLE=
send DELETE "$KS/groups/$GROUP" -w '%{http_code}' -o /dev/null; echo
GROUP=
echo "ids: compute $COMPUTE endpoint $ENDPOINT demo project $DEMO_PROJECT"
