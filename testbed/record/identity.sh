#!/usr/bin/env bash
# Keystone v3 as the identity tools read and change it (admin login), plus the Nova/Cinder/Neutron lists a project
# delete preview counts. Throw-away group, project and user named rec-* are created for the write responses and
# deleted again at the end (also on failure); the seed data is only read.
. "$(dirname "$0")/lib.sh" identity
login admin
ADMIN_PROJECT=$PROJECT
ADMIN_TOKEN=$TOKEN
TAG=rec-$$
cleanup() {
  set +e
  TOKEN=$ADMIN_TOKEN
  [ -n "${GROUP:-}" ] && send DELETE "$KS/groups/$GROUP" >/dev/null
  [ -n "${NEWPROJECT:-}" ] && send DELETE "$KS/projects/$NEWPROJECT" >/dev/null
  [ -n "${NEWUSER:-}" ] && send DELETE "$KS/users/$NEWUSER" >/dev/null
}
trap cleanup EXIT
q() { /usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

DEMO_PROJECT=$(get "$KS/projects?name=demo" | json_get 'd["projects"][0]["id"]')
DEMO_USER=$(get "$KS/users?name=demo" | json_get 'd["users"][0]["id"]')
MEMBER=$(get "$KS/roles?name=member" | json_get 'd["roles"][0]["id"]')

# reads
get "$KS/auth/catalog" | save auth-catalog.json
get "$KS/projects?enabled=true" | save projects-enabled.json
get "$KS/projects?name=demo" | save projects-name-demo.json
get "$KS/projects/$DEMO_PROJECT" | save project-demo.json
get "$KS/projects?parent_id=$DEMO_PROJECT" | save projects-children-demo.json
get "$KS/domains/default" | save domain-default.json
get "$KS/domains" | save domains.json
get "$KS/users?domain_id=default" | save users-default.json
get "$KS/users?name=demo" | save users-name-demo.json
get "$KS/users?name=nova" | save users-name-nova.json
get "$KS/users/$DEMO_USER/projects" | save user-demo-projects.json
get "$KS/roles" | save roles.json
get "$KS/roles?name=member" | save roles-name-member.json
get "$KS/role_assignments?include_names=true&user.id=$DEMO_USER" | save role-assignments-user-demo.json
get "$KS/projects?name=service" | save projects-name-service.json

# a throw-away group holding 'member' on demo, with demo in it: group reads and effective assignments
GROUP=$(send POST "$KS/groups" -d '{"group": {"name": "'$TAG'-group", "domain_id": "default", "description": "recording"}}' | json_get 'd["group"]["id"]')
send PUT "$KS/groups/$GROUP/users/$DEMO_USER" >/dev/null
send PUT "$KS/projects/$DEMO_PROJECT/groups/$GROUP/roles/$MEMBER" >/dev/null
get "$KS/groups?name=$TAG-group" | save groups-name.json
get "$KS/groups/$GROUP/users" | save group-users.json
get "$KS/users/$DEMO_USER/groups" | save user-demo-groups.json
get "$KS/role_assignments?include_names=true&scope.project.id=$DEMO_PROJECT&effective=true" | save role-assignments-project-demo-effective.json
get "$KS/role_assignments?include_names=true&scope.project.id=$DEMO_PROJECT" | save role-assignments-project-demo.json
get "$KS/role_assignments?group.id=$GROUP&effective=true" | save role-assignments-400.json

# what the project delete preview counts, as admin across all projects
get "$NOVA/servers?all_tenants=1&project_id=$DEMO_PROJECT&limit=1000" | save servers-project-demo.json
get "$CINDER/$ADMIN_PROJECT/volumes?all_tenants=1&project_id=$DEMO_PROJECT&limit=1000" | save volumes-project-demo.json
get "$NEUTRON/v2.0/networks?project_id=$DEMO_PROJECT&fields=id&fields=name&limit=1000" | save networks-project-demo.json

# writes on throw-away resources
send POST "$KS/projects" -d '{"project": {"name": "'$TAG'-project", "description": "recording", "domain_id": "default", "enabled": true}}' | save project-created.json
NEWPROJECT=$(get "$KS/projects?name=$TAG-project" | json_get 'd["projects"][0]["id"]')
send POST "$KS/projects" -d '{"project": {"name": "'$TAG'-project", "domain_id": "default", "enabled": true}}' | save project-create-409.json
send PATCH "$KS/projects/$NEWPROJECT" -d '{"project": {"enabled": false}}' | save project-disabled.json
send POST "$KS/users" -d '{"user": {"name": "'$TAG'-user", "domain_id": "default", "enabled": true, "email": "rec@example.org", "password": "Rec-Secret-4711"}}' | save user-created.json
NEWUSER=$(get "$KS/users?name=$TAG-user" | json_get 'd["users"][0]["id"]')
send PATCH "$KS/users/$NEWUSER" -d '{"user": {"enabled": false, "email": "rec2@example.org"}}' | save user-updated.json
get "$KS/users/$NEWUSER/groups" | save user-new-groups.json
get "$KS/role_assignments?include_names=true&user.id=$NEWUSER" | save role-assignments-user-new.json
curl -s -o /dev/null -w '%{http_code}\n' -I -H "X-Auth-Token: $TOKEN" "$KS/projects/$DEMO_PROJECT/users/$NEWUSER/roles/$MEMBER"

# what a project member is told
login demo
get "$KS/projects?name=demo" | save projects-403.json
