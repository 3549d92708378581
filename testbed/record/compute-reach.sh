#!/usr/bin/env bash
# Compute reach: a server created into a server group and booted from a new volume of an image, renamed, live- and
# cold-migrated (the migration records), host aggregates, flavor extra specs and flavor access. Files go to
# recorded/compute-reach/; everything made here is named h13-rec-<pid> and deleted at the end. Needs the testbed with
# two compute hosts.
. "$(dirname "$0")/lib.sh" compute-reach
N=h13-rec-$$
login admin; ADMIN_TOKEN=$TOKEN
login demo; DEMO_TOKEN=$TOKEN; DEMO_PROJECT=$PROJECT
as_admin() { TOKEN=$ADMIN_TOKEN; }
as_demo() { TOKEN=$DEMO_TOKEN; }
nv() { local v=$1; shift; get -H "X-OpenStack-Nova-API-Version: $v" "$@"; }
nsend() { local v=$1; shift; send "$@" -H "X-OpenStack-Nova-API-Version: $v"; }
wait_status() { # wait_status <id> <status...>: until the server has one of them and no task
  local i s
  for i in $(seq 1 120); do
    s=$(get "$NOVA/servers/$1" | json_get 'd["server"]["status"] + "/" + str(d["server"]["OS-EXT-STS:task_state"])')
    for want in "${@:2}"; do [ "$s" = "$want/None" ] && return 0; done
    sleep 1
  done
  echo "server $1 did not reach ${*:2} (is $s)" >&2; return 1
}
action() { local id=$1 body=$2; shift 2; send POST "$NOVA/servers/$id/action" "$@" -d "$body"; }
cleanup() {
  as_admin
  [ -n "${SID:-}" ] && send DELETE "$NOVA/servers/$SID" >/dev/null
  [ -n "${AGG:-}" ] && { send POST "$NOVA/os-aggregates/$AGG/action" -d '{"remove_host": {"host": "compute2"}}' >/dev/null
    send DELETE "$NOVA/os-aggregates/$AGG" >/dev/null; }
  [ -n "${FLAVOR:-}" ] && send DELETE "$NOVA/flavors/$FLAVOR" >/dev/null
  if [ -n "${SID:-}" ]; then
    for _ in $(seq 1 60); do get "$NOVA/servers/$SID" | grep -q itemNotFound && break; sleep 1; done
  fi
  [ -n "${GROUP:-}" ] && { as_demo; send DELETE "$NOVA/os-server-groups/$GROUP" >/dev/null; }
  if [ -n "${VOL:-}" ]; then
    as_demo
    for _ in $(seq 1 30); do send DELETE "$CINDER/$DEMO_PROJECT/volumes/$VOL" | grep -q . || break; sleep 2; done
  fi
}
trap cleanup EXIT

TINY=$(get "$NOVA/flavors/detail" | json_get '[f["id"] for f in d["flavors"] if f["name"]=="m1.tiny"][0]')
IMAGE=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
NET=$(get "$NEUTRON/v2.0/networks?name=private" | json_get 'd["networks"][0]["id"]')

# ---- server_create: a snapshot to boot from, a server group hint, a new boot volume of an image
get "$CINDER/$DEMO_PROJECT/snapshots/detail?name=data-vol-snap" | save snapshots-data-vol-snap.json
GROUP=$(nsend 2.64 POST "$NOVA/os-server-groups" -d '{"server_group": {"name": "'"$N"'-sg", "policy": "anti-affinity"}}' \
  | json_get 'd["server_group"]["id"]')
nv 2.64 "$NOVA/os-server-groups" | save server-groups.json
send POST "$NOVA/servers" -d '{"server": {"name": "'"$N"'", "flavorRef": "'"$TINY"'", "networks": [{"uuid": "'"$NET"'"}],
  "block_device_mapping_v2": [{"boot_index": 0, "uuid": "'"$IMAGE"'", "source_type": "image",
  "destination_type": "volume", "volume_size": 1, "delete_on_termination": true}]},
  "os:scheduler_hints": {"group": "'"$GROUP"'"}}' | save server-create.json
SID=$(json_get 'd["server"]["id"]' <"$OUT/server-create.json")
wait_status "$SID" ACTIVE
VOL=$(get "$NOVA/servers/$SID" | json_get 'd["server"]["os-extended-volumes:volumes_attached"][0]["id"]')
get "$NOVA/servers/$SID" | save server-bfv-active.json
nv 2.64 "$NOVA/os-server-groups/$GROUP" | save server-group-with-member.json

# ---- server_update
nsend 2.19 PUT "$NOVA/servers/$SID" -d '{"server": {"name": "'"$N"'-renamed", "description": "recorded"}}' \
  | save server-update.json

# ---- migrations (admin): a live migration and a cold migration of the server, confirmed
as_admin
get "$NOVA/servers/$SID" | save server-bfv-admin.json
action "$SID" '{"os-migrateLive": {"host": null, "block_migration": "auto"}}' -H "X-OpenStack-Nova-API-Version: 2.25" >/dev/null
wait_status "$SID" ACTIVE
action "$SID" '{"migrate": null}' >/dev/null
wait_status "$SID" VERIFY_RESIZE
action "$SID" '{"confirmResize": null}' >/dev/null
wait_status "$SID" ACTIVE
nv 2.80 "$NOVA/os-migrations?instance_uuid=$SID&limit=1000" | save migrations-server.json
nv 2.80 "$NOVA/os-migrations?limit=2" | save migrations-limit1.json
nv 2.80 "$NOVA/os-migrations?migration_type=live-migration&limit=51" | save migrations-live.json
nv 2.80 "$NOVA/os-migrations?marker=00000000-0000-0000-0000-000000000000" | save migrations-bad-marker-400.json
as_demo
nv 2.80 "$NOVA/os-migrations" | save migrations-demo-403.json

# ---- host aggregates (admin)
as_admin
send POST "$NOVA/os-aggregates" -d '{"aggregate": {"name": "'"$N"'-agg", "availability_zone": null}}' \
  | save aggregate-create.json
AGG=$(json_get 'd["aggregate"]["id"]' <"$OUT/aggregate-create.json")
send PUT "$NOVA/os-aggregates/$AGG" -d '{"aggregate": {"name": "'"$N"'-agg2"}}' | save aggregate-update.json
send POST "$NOVA/os-aggregates/$AGG/action" -d '{"add_host": {"host": "compute2"}}' | save aggregate-add-host.json
send POST "$NOVA/os-aggregates/$AGG/action" -d '{"add_host": {"host": "no-such-host"}}' | save aggregate-add-host-404.json
send POST "$NOVA/os-aggregates/$AGG/action" -d '{"set_metadata": {"metadata": {"ssd": "true", "gpu": null}}}' \
  | save aggregate-set-metadata.json
nv 2.41 "$NOVA/os-aggregates" | save aggregates.json
nv 2.41 "$NOVA/os-aggregates/$AGG" | save aggregate.json
send DELETE "$NOVA/os-aggregates/$AGG" | save aggregate-delete-not-empty.json
send POST "$NOVA/os-aggregates/$AGG/action" -d '{"remove_host": {"host": "compute2"}}' | save aggregate-remove-host.json
send DELETE "$NOVA/os-aggregates/$AGG"; AGG=

# ---- flavor extra specs and access (admin)
send POST "$NOVA/flavors" -d '{"flavor": {"name": "'"$N"'-flavor", "ram": 64, "vcpus": 1, "disk": 1,
  "os-flavor-access:is_public": false}}' | save flavor-private-create.json
FLAVOR=$(json_get 'd["flavor"]["id"]' <"$OUT/flavor-private-create.json")
send POST "$NOVA/flavors/$FLAVOR/os-extra_specs" -d '{"extra_specs": {"hw:cpu_policy": "dedicated", "quota:cpu_shares": "512"}}' \
  | save flavor-extra-specs-set.json
get "$NOVA/flavors/$FLAVOR/os-extra_specs" | save flavor-extra-specs.json
send DELETE "$NOVA/flavors/$FLAVOR/os-extra_specs/quota:cpu_shares"
send DELETE "$NOVA/flavors/$FLAVOR/os-extra_specs/no-such-key" | save flavor-extra-spec-404.json
get "$NOVA/flavors/$FLAVOR/os-flavor-access" | save flavor-access-empty.json
send POST "$NOVA/flavors/$FLAVOR/action" -d '{"addTenantAccess": {"tenant": "'"$DEMO_PROJECT"'"}}' | save flavor-access-add.json
send POST "$NOVA/flavors/$FLAVOR/action" -d '{"addTenantAccess": {"tenant": "'"$DEMO_PROJECT"'"}}' | save flavor-access-add-409.json
send POST "$NOVA/flavors/$FLAVOR/action" -d '{"removeTenantAccess": {"tenant": "'"$DEMO_PROJECT"'"}}' | save flavor-access-remove.json
get "$NOVA/flavors/$TINY/os-flavor-access" | save flavor-access-public-404.json
get "$NOVA/flavors/$FLAVOR" | save flavor-private.json
