#!/usr/bin/env bash
# Capacity and the rest of compute's reach: Placement's resource providers (inventories, usages, traits,
# aggregates, allocation candidates for a flavor), a server shelved (kept on its host), offloaded and unshelved and
# backed up with rotation, and a server evacuated from compute2 while that host's nova-compute is forced down
# (restored at once, also on failure: the evacuated server is deleted first, since Nova refuses to force a host up
# while 'done' evacuation records point at it, until its nova-compute restarts). Files go to recorded/capacity/; everything made here is named capacity-rec-<pid> and
# deleted at the end. Needs the testbed with two compute hosts and shelved_offload_time = -1.
. "$(dirname "$0")/lib.sh" capacity
N=capacity-rec-$$
login admin; ADMIN_TOKEN=$TOKEN
login demo; DEMO_TOKEN=$TOKEN
as_admin() { TOKEN=$ADMIN_TOKEN; }
as_demo() { TOKEN=$DEMO_TOKEN; }
pl() { local v=$1; shift; get -H "OpenStack-API-Version: placement $v" "$@"; }
nv() { local v=$1; shift; get -H "X-OpenStack-Nova-API-Version: $v" "$@"; }
nsend() { local v=$1; shift; send "$@" -H "X-OpenStack-Nova-API-Version: $v"; }
action() { local id=$1 body=$2; shift 2; send POST "$NOVA/servers/$id/action" "$@" -d "$body"; }
wait_status() { # wait_status <id> <status...>: until the server has one of them and no task
  local i s
  for i in $(seq 1 120); do
    s=$(get "$NOVA/servers/$1" | json_get 'd["server"]["status"] + "/" + str(d["server"]["OS-EXT-STS:task_state"])')
    for want in "${@:2}"; do [ "$s" = "$want/None" ] && return 0; done
    sleep 1
  done
  echo "server $1 did not reach ${*:2} (is $s)" >&2; return 1
}
COMPUTE2=
restore_compute2() {
  [ -n "$COMPUTE2" ] && TOKEN=$ADMIN_TOKEN nsend 2.53 PUT "$NOVA/os-services/$COMPUTE2" \
    -d '{"forced_down": false}' >/dev/null
  COMPUTE2=
}
gone() { # gone <id>: until Nova no longer knows the server
  for _ in $(seq 1 60); do get "$NOVA/servers/$1" | grep -q itemNotFound && return 0; sleep 1; done
}
cleanup() {
  as_admin
  # Nova refuses to force a host up while 'done' evacuation records of live servers point at it: delete it first
  [ -n "${EID:-}" ] && { send DELETE "$NOVA/servers/$EID" >/dev/null; gone "$EID"; }
  restore_compute2
  as_demo
  [ -n "${SID:-}" ] && send DELETE "$NOVA/servers/$SID" >/dev/null
  as_demo
  for img in $(get "$GLANCE/v2/images?instance_uuid=${SID:-none}" | json_get '" ".join(i["id"] for i in d["images"])'); do
    send DELETE "$GLANCE/v2/images/$img" >/dev/null
  done
}
trap cleanup EXIT

# ---- Placement (admin; the demo user is refused)
as_admin
pl 1.39 "$PLACEMENT/resource_providers" | save resource-providers.json
C1=$(json_get '[p["uuid"] for p in d["resource_providers"] if p["name"]=="compute1"][0]' <"$OUT/resource-providers.json")
pl 1.39 "$PLACEMENT/resource_providers?name=compute1" | save resource-providers-compute1.json
pl 1.39 "$PLACEMENT/resource_providers?resources=MEMORY_MB:2000000" | save resource-providers-none.json
pl 1.39 "$PLACEMENT/resource_providers/$C1" | save resource-provider-compute1.json
pl 1.39 "$PLACEMENT/resource_providers/$C1/inventories" | save inventories-compute1.json
pl 1.39 "$PLACEMENT/resource_providers/$C1/usages" | save usages-compute1.json
pl 1.39 "$PLACEMENT/resource_providers/$C1/traits" | save traits-compute1.json
pl 1.39 "$PLACEMENT/resource_providers/$C1/aggregates" | save aggregates-compute1.json
pl 1.39 "$PLACEMENT/resource_providers/00000000-0000-0000-0000-000000000000" | save resource-provider-404.json
pl 1.39 "$PLACEMENT/resource_providers?resources=FOO:1" | save resource-providers-bad-class-400.json
pl 1.39 "$PLACEMENT/allocation_candidates?resources=DISK_GB:1,MEMORY_MB:512,VCPU:1&required=!COMPUTE_STATUS_DISABLED" \
  | save allocation-candidates-tiny.json
pl 1.39 "$PLACEMENT/allocation_candidates?resources=DISK_GB:1,MEMORY_MB:2000000,VCPU:1&required=!COMPUTE_STATUS_DISABLED" \
  | save allocation-candidates-none.json
nv 2.61 "$NOVA/flavors/detail?is_public=None" | save flavors-detail.json
as_demo
pl 1.39 "$PLACEMENT/resource_providers" | save resource-providers-demo-403.json

# ---- a server: shelved (kept on its host), offloaded (admin only by Nova's default policy), unshelved
TINY=$(get "$NOVA/flavors/detail" | json_get '[f["id"] for f in d["flavors"] if f["name"]=="m1.tiny"][0]')
IMAGE=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
NET=$(get "$NEUTRON/v2.0/networks?name=private" | json_get 'd["networks"][0]["id"]')
SID=$(send POST "$NOVA/servers" -d '{"server": {"name": "'"$N"'", "flavorRef": "'"$TINY"'", "imageRef": "'"$IMAGE"'",
  "networks": [{"uuid": "'"$NET"'"}]}}' | json_get 'd["server"]["id"]')
wait_status "$SID" ACTIVE
get "$NOVA/servers/$SID" | save server-active.json
action "$SID" '{"shelve": null}' >/dev/null
wait_status "$SID" SHELVED
get "$NOVA/servers/$SID" | save server-shelved.json
action "$SID" '{"shelveOffload": null}' | save shelve-offload-demo-403.json
as_admin
action "$SID" '{"shelveOffload": null}' | save shelve-offload-response.json
wait_status "$SID" SHELVED_OFFLOADED
get "$NOVA/servers/$SID" | save server-shelved-offloaded.json
action "$SID" '{"shelveOffload": null}' | save shelve-offload-409.json
as_demo
action "$SID" '{"unshelve": null}' >/dev/null
wait_status "$SID" ACTIVE
# the shelve snapshot is deleted by Nova on unshelve

# ---- backups with rotation: three daily backups, rotation 2 -> the oldest is deleted by Nova
for i in 1 2 3; do
  action "$SID" '{"createBackup": {"name": "'"$N"'-daily-'$i'", "backup_type": "daily", "rotation": 2}}' \
    -H "X-OpenStack-Nova-API-Version: 2.45" | save "backup-response-$i.json"
  wait_status "$SID" ACTIVE
  for _ in $(seq 1 30); do
    get "$GLANCE/v2/images?instance_uuid=$SID&backup_type=daily&sort_key=created_at&sort_dir=desc" \
      | json_get 'len(d["images"]) == min('$i', 2) and all(x["status"] == "active" for x in d["images"])' | grep -q True && break
    sleep 1
  done
  get "$GLANCE/v2/images?instance_uuid=$SID&backup_type=daily&sort_key=created_at&sort_dir=desc&limit=1000" \
    | save "backups-after-$i.json"
done
action "$SID" '{"createBackup": {"name": "x", "backup_type": "daily", "rotation": -1}}' | save backup-bad-rotation-400.json

# ---- evacuate (admin): a server booted on compute2 (the fake driver of a host a server left still holds it, so it
# is not moved there first), compute2's nova-compute forced down, the server evacuated to compute1
as_admin
EID=$(nsend 2.37 POST "$NOVA/servers" -d '{"server": {"name": "'"$N"'-evac", "flavorRef": "'"$TINY"'", "imageRef": "'"$IMAGE"'",
  "networks": "none", "availability_zone": "nova:compute2"}}' | json_get 'd["server"]["id"]')
wait_status "$EID" ACTIVE
get "$NOVA/servers/$EID" | save server-evac-on-compute2.json
nv 2.53 "$NOVA/os-services?binary=nova-compute&host=compute2" | save services-compute2-up.json
action "$EID" '{"evacuate": {}}' -H "X-OpenStack-Nova-API-Version: 2.68" | save evacuate-host-up-400.json
ID2=$(json_get 'd["services"][0]["id"]' <"$OUT/services-compute2-up.json")
COMPUTE2=$ID2
nsend 2.53 PUT "$NOVA/os-services/$ID2" -d '{"forced_down": true}' >/dev/null
nv 2.53 "$NOVA/os-services?binary=nova-compute&host=compute2" | save services-compute2-forced-down.json
action "$EID" '{"evacuate": {}}' -H "X-OpenStack-Nova-API-Version: 2.68" | save evacuate-response.json
wait_status "$EID" ACTIVE
get "$NOVA/servers/$EID" | save server-evac-evacuated.json
nv 2.80 "$NOVA/os-migrations?instance_uuid=$EID&migration_type=evacuation" | save migrations-evacuation.json
send DELETE "$NOVA/servers/$EID" >/dev/null; gone "$EID"; EID=
restore_compute2
