#!/usr/bin/env bash
# Keystone v3 application credentials, regions and domains as the identity tools read and change them (admin login).
# A throw-away credential and domain named rec-* are created for the write responses and deleted again at the end
# (also on failure). The recorded secret is replaced by a fixed fake one: the credential is deleted anyway.
. "$(dirname "$0")/lib.sh" identity
login admin
ADMIN_USER=$(get "$KS/auth/tokens" -H "X-Subject-Token: $TOKEN" | json_get 'd["token"]["user"]["id"]')
TAG=rec-$$
cleanup() {
  set +e
  [ -n "${CRED:-}" ] && send DELETE "$KS/users/$ADMIN_USER/application_credentials/$CRED" >/dev/null
  if [ -n "${DOMAIN:-}" ]; then
    send PATCH "$KS/domains/$DOMAIN" -d '{"domain": {"enabled": false}}' >/dev/null
    send DELETE "$KS/domains/$DOMAIN" >/dev/null
  fi
}
trap cleanup EXIT
fake_secret() { /usr/bin/python3 -c 'import sys; print(sys.stdin.read().replace(sys.argv[1], "recorded-secret-not-real"))' "$1"; }

# regions
get "$KS/regions" | save regions.json
get "$KS/regions/RegionOne" | save region-one.json
get "$KS/regions/NoSuchRegion" | save region-404.json

# application credentials of the admin user
CREATED=$(send POST "$KS/users/$ADMIN_USER/application_credentials" -d '{"application_credential": {"name": "'$TAG'-cred", "description": "recording", "roles": [{"name": "reader"}], "expires_at": "2031-01-01T00:00:00"}}')
CRED=$(printf '%s' "$CREATED" | json_get 'd["application_credential"]["id"]')
SECRET=$(printf '%s' "$CREATED" | json_get 'd["application_credential"]["secret"]')
printf '%s' "$CREATED" | fake_secret "$SECRET" | save appcred-created.json
send POST "$KS/users/$ADMIN_USER/application_credentials" -d '{"application_credential": {"name": "'$TAG'-cred"}}' | save appcred-create-409.json
get "$KS/users/$ADMIN_USER/application_credentials" | save appcreds-admin.json
get "$KS/users/$ADMIN_USER/application_credentials?name=$TAG-cred" | save appcreds-admin-name.json
get "$KS/users/$ADMIN_USER/application_credentials/$CRED" | save appcred-get.json
send DELETE "$KS/users/$ADMIN_USER/application_credentials/$CRED" -w '%{http_code}' -o /dev/null; echo
CRED=

# a domain: create, disable, read its (empty) contents, delete
DOMAIN=$(send POST "$KS/domains" -d '{"domain": {"name": "'$TAG'-domain", "description": "recording", "enabled": true}}' | tee >(save domain-created.json >/dev/null) | json_get 'd["domain"]["id"]')
sleep 0.2
send POST "$KS/domains" -d '{"domain": {"name": "'$TAG'-domain"}}' | save domain-create-409.json
get "$KS/domains/$DOMAIN" | save domain-get.json
send DELETE "$KS/domains/$DOMAIN" | save domain-delete-enabled-403.json
send PATCH "$KS/domains/$DOMAIN" -d '{"domain": {"description": "changed", "enabled": false}}' | save domain-updated.json
get "$KS/projects?domain_id=$DOMAIN" | save domain-projects.json
get "$KS/users?domain_id=$DOMAIN" | save domain-users.json
get "$KS/groups?domain_id=$DOMAIN" | save domain-groups.json
send DELETE "$KS/domains/$DOMAIN" -w '%{http_code}' -o /dev/null; echo
DOMAIN=
echo "ids: admin user $ADMIN_USER"
