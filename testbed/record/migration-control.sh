#!/usr/bin/env bash
# Live migration control: a live migration held "running" by the testbed's fake driver (the marker file
# <state dir>/hold-live-migration, see lib/ostb_nova/ostb_fake_virt.py), aborted; another force-completed; the answers
# once it has ended. Files go to recorded/compute-reach/; the server is named h13-mc-<pid> and deleted at the end.
# Needs the testbed with two compute hosts.
. "$(dirname "$0")/lib.sh" compute-reach
N=h13-mc-$$
HOLD=${OSTB_STATE_DIR:-/var/lib/openstack-testbed}/hold-live-migration
login admin
nv() { local v=$1; shift; get -H "X-OpenStack-Nova-API-Version: $v" "$@"; }
nsend() { local v=$1; shift; send "$@" -H "X-OpenStack-Nova-API-Version: $v"; }
cleanup() { rm -f "$HOLD"; [ -n "${SID:-}" ] && send DELETE "$NOVA/servers/$SID" >/dev/null; }
trap cleanup EXIT
running() { # running <server id>: waits for its running live migration, prints its id
  local i m
  for i in $(seq 1 60); do
    m=$(nv 2.80 "$NOVA/os-migrations?instance_uuid=$1&status=running" | json_get '(d["migrations"] or [{"id": ""}])[0]["id"]')
    [ -n "$m" ] && { echo "$m"; return 0; }
    sleep 1
  done
  return 1
}
settled() { # settled <server id>: ACTIVE without a task
  local i
  for i in $(seq 1 120); do
    [ "$(get "$NOVA/servers/$1" | json_get 'd["server"]["status"] + "/" + str(d["server"]["OS-EXT-STS:task_state"])')" = ACTIVE/None ] && return 0
    sleep 1
  done
  return 1
}
IMAGE=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
NET=$(get "$NEUTRON/v2.0/networks?name=private" | json_get 'd["networks"][0]["id"]')
FLAVOR=$(get "$NOVA/flavors" | json_get '[f["id"] for f in d["flavors"] if f["name"] == "m1.tiny"][0]')
SID=$(send POST "$NOVA/servers" -d '{"server": {"name": "'"$N"'", "flavorRef": "'"$FLAVOR"'", "imageRef": "'"$IMAGE"'", "networks": [{"uuid": "'"$NET"'"}]}}' | json_get 'd["server"]["id"]')
settled "$SID"
nv 2.80 "$NOVA/servers/$SID" | save server-mc.json

touch "$HOLD"
send POST "$NOVA/servers/$SID/action" -H "X-OpenStack-Nova-API-Version: 2.25" -d '{"os-migrateLive": {"host": null, "block_migration": "auto"}}' >/dev/null
M=$(running "$SID")
nv 2.80 "$NOVA/os-migrations?instance_uuid=$SID&limit=1000" | save migrations-mc-running.json
nv 2.80 "$NOVA/servers/$SID/migrations/$M" | save migration-mc-running.json
nsend 2.24 DELETE "$NOVA/servers/$SID/migrations/$M" >/dev/null
settled "$SID"
nv 2.80 "$NOVA/os-migrations?instance_uuid=$SID&limit=1000" | save migrations-mc-cancelled.json
nsend 2.24 DELETE "$NOVA/servers/$SID/migrations/$M" | save migration-abort-409.json
nsend 2.22 POST "$NOVA/servers/$SID/migrations/$M/action" -d '{"force_complete": null}' | save migration-force-complete-409.json

send POST "$NOVA/servers/$SID/action" -H "X-OpenStack-Nova-API-Version: 2.25" -d '{"os-migrateLive": {"host": null, "block_migration": "auto"}}' >/dev/null
M=$(running "$SID")
nsend 2.22 POST "$NOVA/servers/$SID/migrations/$M/action" -d '{"force_complete": null}' >/dev/null
settled "$SID"
nv 2.80 "$NOVA/os-migrations?instance_uuid=$SID&limit=1000" | save migrations-mc-completed.json
nv 2.80 "$NOVA/servers/$SID" | save server-mc-moved.json
