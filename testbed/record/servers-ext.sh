#!/usr/bin/env bash
# The extended server tools: filters and search, attachments, actions/events, console, and the states a throw-away
# server goes through (create, pause, suspend, lock, rescue, resize, shelve, snapshot, volume and interface attach,
# security groups, metadata, rebuild, live and cold migration). Files go to recorded/servers-ext/; the throw-away
# server, volume and image are deleted at the end. Needs the testbed with two compute hosts and noVNC enabled.
. "$(dirname "$0")/lib.sh" servers-ext
N=rec-ext-$$
login admin; ADMIN_TOKEN=$TOKEN
login demo; DEMO_TOKEN=$TOKEN
as_admin() { TOKEN=$ADMIN_TOKEN; }
as_demo() { TOKEN=$DEMO_TOKEN; }
nv() { local v=$1; shift; get -H "X-OpenStack-Nova-API-Version: $v" "$@"; }
sid() { get "$NOVA/servers?name=%5E$1%24" | json_get 'd["servers"][0]["id"]'; }
field() { get "$NOVA/servers/$1" | json_get "d['server']$2"; }
wait_status() { # wait_status <id> <status...>: until the server has one of them and no task
  local i s
  for i in $(seq 1 120); do
    s=$(get "$NOVA/servers/$1" | json_get 'd["server"]["status"] + "/" + str(d["server"]["OS-EXT-STS:task_state"])')
    for want in "${@:2}"; do [ "$s" = "$want/None" ] && return 0; done
    sleep 1
  done
  echo "server $1 did not reach ${*:2} (is $s)" >&2; return 1
}
wait_volume() { # wait_volume <id> <status>
  local i
  for i in $(seq 1 60); do
    [ "$(get "$CINDER/$PROJECT/volumes/$1" | json_get 'd["volume"]["status"]')" = "$2" ] && return 0
    sleep 1
  done
  return 1
}
action() { local id=$1 body=$2; shift 2; send POST "$NOVA/servers/$id/action" "$@" -d "$body"; }
cleanup() {
  as_demo
  [ -n "${SID:-}" ] && send DELETE "$NOVA/servers/$SID" >/dev/null
  [ -n "${IMG:-}" ] && send DELETE "$GLANCE/v2/images/$IMG" >/dev/null
  if [ -n "${VOL:-}" ]; then
    for _ in $(seq 1 30); do
      send DELETE "$CINDER/$PROJECT/volumes/$VOL" | grep -q . || break
      sleep 2
    done
  fi
}
trap cleanup EXIT

WEB=$(sid web-1); DB=$(sid db-1)
TINY=$(get "$NOVA/flavors/detail" | json_get '[f["id"] for f in d["flavors"] if f["name"]=="m1.tiny"][0]')

# ---- reads on the seed data
get "$NOVA/flavors/detail" | save flavors-detail.json
get "$GLANCE/v2/images?name=cirros-fake" | save images-cirros-fake.json
get "$GLANCE/v2/images?limit=200" | save images-page.json
get "$NOVA/os-availability-zone" | save availability-zones.json
get "$NEUTRON/v2.0/networks?name=private" | save networks-private.json
get "$CINDER/$PROJECT/volumes/detail?name=data-vol" | save volumes-data-vol.json
get "$NEUTRON/v2.0/security-groups?name=web&project_id=$PROJECT" | save security-groups-web.json
get "$NOVA/servers/detail?limit=4&flavor=$TINY" | save servers-detail-flavor-tiny.json
nv 2.83 "$NOVA/servers/detail?limit=51&availability_zone=nova" | save servers-detail-az-v283.json
get "$NOVA/servers/detail?limit=200&name=%5BwW%5D%5BeE%5D%5BbB%5D" | save search-name-web.json
get "$NOVA/servers/detail?limit=200&status=PAUSED" | save search-status-paused.json
get "$NOVA/servers/detail?limit=200&ip=10.0.0.1" | save search-ip-10-0-0-1.json
get "$NEUTRON/v2.0/floatingips?floating_ip_address=203.0.113.197&project_id=$PROJECT" | save floatingips-203-0-113-197.json
nv 2.73 "$NOVA/servers/$WEB" | save server-web-1-v273.json
get "$NOVA/servers/$WEB/os-volume_attachments" | save volume-attachments-web-1.json
get "$NOVA/servers/$WEB/os-interface" | save interfaces-web-1.json
NET=$(get "$NOVA/servers/$WEB/os-interface" | json_get 'd["interfaceAttachments"][0]["net_id"]')
PORT=$(get "$NOVA/servers/$WEB/os-interface" | json_get 'd["interfaceAttachments"][0]["port_id"]')
get "$NEUTRON/v2.0/ports/$PORT" | save port-web-1.json
get "$NEUTRON/v2.0/networks?id=$NET&fields=id&fields=name" | save networks-web-1.json
get "$NEUTRON/v2.0/floatingips?port_id=$PORT" | save floatingips-web-1.json
nv 2.62 "$NOVA/servers/$WEB/os-instance-actions?limit=3" | save instance-actions-web-1.json
REQ=$(nv 2.62 "$NOVA/servers/$WEB/os-instance-actions?limit=1" | json_get 'd["instanceActions"][0]["request_id"]')
nv 2.62 "$NOVA/servers/$WEB/os-instance-actions/$REQ" | save instance-action-web-1-first.json
action "$WEB" '{"os-getConsoleOutput": {"length": 2}}' | save console-output-web-1.json
send POST "$NOVA/servers/$WEB/remote-consoles" -H "X-OpenStack-Nova-API-Version: 2.8" \
  -d '{"remote_console": {"protocol": "vnc", "type": "novnc"}}' | save remote-console-web-1.json
send POST "$NOVA/servers/$WEB/remote-consoles" -H "X-OpenStack-Nova-API-Version: 2.8" \
  -d '{"remote_console": {"protocol": "spice", "type": "spice-html5"}}' | save remote-console-spice-400.json
action "$DB" '{"pause": null}' | save pause-db-1-409.json
action "$WEB" '{"os-migrateLive": {"host": null, "block_migration": "auto"}}' -H "X-OpenStack-Nova-API-Version: 2.25" \
  | save live-migrate-demo-403.json
as_admin
get "$NOVA/os-services?binary=nova-compute" | save services-compute.json
as_demo

# ---- a throw-away server through its states
IMAGE=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
PRIVATE=$(get "$NEUTRON/v2.0/networks?name=private" | json_get 'd["networks"][0]["id"]')
send POST "$NOVA/servers" -d '{"server": {"name": "'"$N"'", "flavorRef": "'"$TINY"'", "imageRef": "'"$IMAGE"'",
  "networks": [{"uuid": "'"$PRIVATE"'"}], "metadata": {"purpose": "recording"}}}' | tee /tmp/rec-create.json | save create-response.json
SID=$(json_get 'd["server"]["id"]' </tmp/rec-create.json)
get "$NOVA/servers/$SID" | save server-rec-build.json
wait_status "$SID" ACTIVE
get "$NOVA/servers/$SID" | save server-rec-active.json
action "$SID" '{"pause": null}' >/dev/null; wait_status "$SID" PAUSED
get "$NOVA/servers/$SID" | save server-rec-paused.json
action "$SID" '{"unpause": null}' >/dev/null; wait_status "$SID" ACTIVE
action "$SID" '{"suspend": null}' >/dev/null; wait_status "$SID" SUSPENDED
get "$NOVA/servers/$SID" | save server-rec-suspended.json
action "$SID" '{"resume": null}' >/dev/null; wait_status "$SID" ACTIVE
nv 2.73 "$NOVA/servers/$SID" | save server-rec-unlocked-v273.json
send POST "$NOVA/servers/$SID/action" -H "X-OpenStack-Nova-API-Version: 2.73" \
  -d '{"lock": {"locked_reason": "recording"}}' >/dev/null
nv 2.73 "$NOVA/servers/$SID" | save server-rec-locked-v273.json
action "$SID" '{"unlock": null}' >/dev/null
action "$SID" '{"rescue": null}' | save rescue-response.json; wait_status "$SID" RESCUE
get "$NOVA/servers/$SID" | save server-rec-rescue.json
action "$SID" '{"unrescue": null}' >/dev/null; wait_status "$SID" ACTIVE
SMALL=$(get "$NOVA/flavors/detail" | json_get '[f["id"] for f in d["flavors"] if f["name"]=="m1.small"][0]')
action "$SID" '{"resize": {"flavorRef": "'"$SMALL"'"}}' >/dev/null
get "$NOVA/servers/$SID" | save server-rec-resize-prep.json
wait_status "$SID" VERIFY_RESIZE
get "$NOVA/servers/$SID" | save server-rec-verify-resize.json
action "$SID" '{"confirmResize": null}' >/dev/null; wait_status "$SID" ACTIVE
get "$NOVA/servers/$SID" | save server-rec-resized.json
action "$SID" '{"shelve": null}' >/dev/null; wait_status "$SID" SHELVED_OFFLOADED
get "$NOVA/servers/$SID" | save server-rec-shelved-offloaded.json
action "$SID" '{"unshelve": null}' >/dev/null; wait_status "$SID" ACTIVE
send POST "$NOVA/servers/$SID/action" -H "X-OpenStack-Nova-API-Version: 2.45" \
  -d '{"createImage": {"name": "'"$N"'-snap"}}' | tee /tmp/rec-image.json | save create-image-response.json
IMG=$(json_get 'd["image_id"]' </tmp/rec-image.json)
for _ in $(seq 1 60); do
  [ "$(get "$GLANCE/v2/images/$IMG" | json_get 'd["status"]')" = active ] && break; sleep 1
done
get "$GLANCE/v2/images/$IMG" | save image-rec-snapshot.json
VOL=$(send POST "$CINDER/$PROJECT/volumes" -d '{"volume": {"size": 1, "name": "'"$N"'-vol"}}' | json_get 'd["volume"]["id"]')
wait_volume "$VOL" available
get "$CINDER/$PROJECT/volumes/$VOL" | save volume-rec-available.json
send POST "$NOVA/servers/$SID/os-volume_attachments" -d '{"volumeAttachment": {"volumeId": "'"$VOL"'"}}' \
  | save volume-attach-response.json
wait_volume "$VOL" in-use
get "$CINDER/$PROJECT/volumes/$VOL" | save volume-rec-in-use.json
get "$NOVA/servers/$SID/os-volume_attachments" | save volume-attachments-rec.json
send DELETE "$NOVA/servers/$SID/os-volume_attachments/$VOL" >/dev/null
wait_volume "$VOL" available
send POST "$NOVA/servers/$SID/os-interface" -d '{"interfaceAttachment": {"net_id": "'"$PRIVATE"'"}}' \
  | tee /tmp/rec-if.json | save interface-attach-response.json
get "$NOVA/servers/$SID/os-interface" | save interfaces-rec-two.json
NEWPORT=$(json_get 'd["interfaceAttachment"]["port_id"]' </tmp/rec-if.json)
send DELETE "$NOVA/servers/$SID/os-interface/$NEWPORT" >/dev/null
for _ in $(seq 1 30); do
  get "$NOVA/servers/$SID/os-interface" | grep -q "$NEWPORT" || break; sleep 1
done
get "$NOVA/servers/$SID/os-interface" | save interfaces-rec-one.json
WEBSG=$(get "$NEUTRON/v2.0/security-groups?name=web&project_id=$PROJECT" | json_get 'd["security_groups"][0]["id"]')
action "$SID" '{"addSecurityGroup": {"name": "'"$WEBSG"'"}}' >/dev/null
get "$NOVA/servers/$SID" | save server-rec-with-web-sg.json
action "$SID" '{"removeSecurityGroup": {"name": "'"$WEBSG"'"}}' >/dev/null
send POST "$NOVA/servers/$SID/metadata" -d '{"metadata": {"owner": "ops"}}' | save metadata-set-response.json
get "$NOVA/servers/$SID/metadata" | save metadata-rec.json
action "$SID" '{"rebuild": {"imageRef": "'"$IMAGE"'"}}' | save rebuild-response.json
get "$NOVA/servers/$SID" | save server-rec-rebuilding.json
wait_status "$SID" ACTIVE
as_admin
get "$NOVA/servers/$SID" | save server-rec-admin-before-move.json
send POST "$NOVA/servers/$SID/action" -H "X-OpenStack-Nova-API-Version: 2.25" \
  -d '{"os-migrateLive": {"host": null, "block_migration": "auto"}}' >/dev/null
get "$NOVA/servers/$SID" | save server-rec-admin-migrating.json
for _ in $(seq 1 60); do
  h=$(get "$NOVA/servers/$SID" | json_get 'd["server"]["OS-EXT-SRV-ATTR:host"] + "/" + str(d["server"]["OS-EXT-STS:task_state"])')
  case $h in */None) break ;; esac; sleep 1
done
get "$NOVA/servers/$SID" | save server-rec-admin-live-migrated.json
action "$SID" '{"migrate": null}' >/dev/null
wait_status "$SID" VERIFY_RESIZE
get "$NOVA/servers/$SID" | save server-rec-admin-migrated-verify.json
action "$SID" '{"confirmResize": null}' >/dev/null
wait_status "$SID" ACTIVE
as_demo
nv 2.62 "$NOVA/servers/$SID/os-instance-actions?limit=30" | save instance-actions-rec.json
REQ=$(nv 2.62 "$NOVA/servers/$SID/os-instance-actions" | json_get '[a["request_id"] for a in d["instanceActions"] if a["action"]=="resize"][0]')
nv 2.62 "$NOVA/servers/$SID/os-instance-actions/$REQ" | save instance-action-rec-resize.json
send DELETE "$NOVA/servers/$SID" >/dev/null
for _ in $(seq 1 60); do
  get "$NOVA/servers/$SID" | grep -q itemNotFound && break; sleep 1
done
SID=
