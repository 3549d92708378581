#!/usr/bin/env bash
# Block-storage reach: a volume transfer (created by demo, accepted by admin), QoS specs associated with a volume
# type, volume attachments (3.27), a volume group of a new group type with a group snapshot, and a volume uploaded to
# a Glance image. Files go to recorded/storage-reach/; everything made here is named rec-sr-<pid> and deleted at the
# end. The recorded transfer auth key is replaced by a fake one (the transfer is accepted anyway).
. "$(dirname "$0")/lib.sh" storage-reach
N=rec-sr-$$
MV='OpenStack-API-Version: volume 3.70'
cget() { get -H "$MV" "$@"; }
csend() { send "$@" -H "$MV"; }
login admin; ADMIN_TOKEN=$TOKEN; ADMIN_PROJECT=$PROJECT
login demo; DEMO_TOKEN=$TOKEN; DEMO_PROJECT=$PROJECT
as_admin() { TOKEN=$ADMIN_TOKEN; PROJECT=$ADMIN_PROJECT; }
as_demo() { TOKEN=$DEMO_TOKEN; PROJECT=$DEMO_PROJECT; }
wait_status() { # wait_status <path> <key> <status...>
  local path=$1 key=$2 s; shift 2
  for _ in $(seq 1 60); do
    s=$(cget "$CINDER/$PROJECT/$path" | json_get "d.get('$key', {}).get('status', 'gone')")
    for want in "$@"; do [ "$s" = "$want" ] && return 0; done
    sleep 1
  done
  echo "timed out waiting for $path ($s)" >&2; return 1
}
fake_key() { /usr/bin/python3 -c 'import sys; print(sys.stdin.read().replace(sys.argv[1], "recordedfakekey0"))' "$1"; }
cleanup() {
  set +e
  as_demo
  [ -n "${GSNAP:-}" ] && { csend DELETE "$CINDER/$PROJECT/group_snapshots/$GSNAP" >/dev/null; sleep 3; }
  [ -n "${GROUP:-}" ] && { csend POST "$CINDER/$PROJECT/groups/$GROUP/action" -d '{"delete": {"delete-volumes": true}}' >/dev/null; sleep 4; }
  [ -n "${TRANSFER:-}" ] && csend DELETE "$CINDER/$PROJECT/volume-transfers/$TRANSFER" >/dev/null
  [ -n "${VOL:-}" ] && { csend DELETE "$CINDER/$PROJECT/volumes/$VOL" >/dev/null; }
  as_admin
  # the image was uploaded from the volume once admin owned it
  [ -n "${IMG:-}" ] && { send DELETE "$GLANCE/v2/images/$IMG" >/dev/null; sleep 2; }
  [ -n "${VOL:-}" ] && { csend DELETE "$CINDER/$PROJECT/volumes/$VOL" >/dev/null; }
  [ -n "${QOS:-}" ] && { csend GET "$CINDER/$PROJECT/qos-specs/$QOS/disassociate_all" >/dev/null; csend DELETE "$CINDER/$PROJECT/qos-specs/$QOS?force=True" >/dev/null; }
  [ -n "${VTYPE:-}" ] && csend DELETE "$CINDER/$PROJECT/types/$VTYPE" >/dev/null
  if [ -n "${GTYPE:-}" ]; then sleep 3; csend DELETE "$CINDER/$PROJECT/group_types/$GTYPE" >/dev/null; fi
}
trap cleanup EXIT

# ---- a volume, transferred from demo to admin
as_demo
VOL=$(csend POST "$CINDER/$PROJECT/volumes" -d '{"volume": {"name": "'"$N"'-vol", "size": 1}}' | json_get 'd["volume"]["id"]')
wait_status "volumes/$VOL" volume available
cget "$CINDER/$PROJECT/volumes/$VOL" | save volume-available.json
CREATED=$(csend POST "$CINDER/$PROJECT/volume-transfers" -d '{"transfer": {"volume_id": "'"$VOL"'", "name": "'"$N"'-tr"}}')
TRANSFER=$(printf '%s' "$CREATED" | json_get 'd["transfer"]["id"]')
KEY=$(printf '%s' "$CREATED" | json_get 'd["transfer"]["auth_key"]')
printf '%s' "$CREATED" | fake_key "$KEY" | save transfer-created.json
csend POST "$CINDER/$PROJECT/volume-transfers" -d '{"transfer": {"volume_id": "'"$VOL"'"}}' | save transfer-create-again-400.json
cget "$CINDER/$PROJECT/volume-transfers/detail?limit=51&sort=created_at:desc,id:desc" | save transfers-detail.json
cget "$CINDER/$PROJECT/volume-transfers/$TRANSFER" | save transfer.json
cget "$CINDER/$PROJECT/volumes/$VOL" | save volume-awaiting-transfer.json
as_admin
csend POST "$CINDER/$PROJECT/volume-transfers/$TRANSFER/accept" -d '{"accept": {"auth_key": "wrongkey00000000"}}' | save transfer-accept-wrong-key-400.json
csend POST "$CINDER/$PROJECT/volume-transfers/$TRANSFER/accept" -d '{"accept": {"auth_key": "'"$KEY"'"}}' | save transfer-accepted.json
TRANSFER=
cget "$CINDER/$PROJECT/volume-transfers/00000000-0000-0000-0000-000000000000" | save transfer-404.json

# ---- QoS specs and a volume type (admin)
QOS=$(csend POST "$CINDER/$PROJECT/qos-specs" -d '{"qos_specs": {"name": "'"$N"'-qos", "consumer": "front-end", "total_iops_sec": "500"}}' \
  | tee >(save qos-created.json >/dev/null) | json_get 'd["qos_specs"]["id"]')
sleep 0.3
csend POST "$CINDER/$PROJECT/qos-specs" -d '{"qos_specs": {"name": "'"$N"'-qos"}}' | save qos-create-409.json
VTYPE=$(csend POST "$CINDER/$PROJECT/types" -d '{"volume_type": {"name": "'"$N"'-type"}}' | json_get 'd["volume_type"]["id"]')
csend GET "$CINDER/$PROJECT/qos-specs/$QOS/associate?vol_type_id=$VTYPE" -o /dev/null -w '%{http_code}\n'
cget "$CINDER/$PROJECT/qos-specs?limit=51" | save qos-specs.json
cget "$CINDER/$PROJECT/qos-specs/$QOS" | save qos-spec.json
cget "$CINDER/$PROJECT/qos-specs/$QOS/associations" | save qos-associations.json
cget "$CINDER/$PROJECT/types/$VTYPE" | save type-with-qos.json
csend DELETE "$CINDER/$PROJECT/qos-specs/$QOS" | save qos-delete-in-use-400.json
csend GET "$CINDER/$PROJECT/qos-specs/$QOS/disassociate?vol_type_id=$VTYPE" -o /dev/null -w '%{http_code}\n'
cget "$CINDER/$PROJECT/qos-specs/$QOS/associations" | save qos-associations-none.json
as_demo
cget "$CINDER/$PROJECT/qos-specs" | save qos-specs-demo-403.json

# ---- attachments (3.27): the seed volume web-vol is attached to web-1
cget "$CINDER/$PROJECT/attachments/detail?limit=51&sort=created_at:desc,id:desc" | save attachments-detail.json
ATT=$(json_get 'd["attachments"][0]["id"]' <"$OUT/attachments-detail.json")
cget "$CINDER/$PROJECT/attachments/$ATT" | save attachment.json
get -H 'OpenStack-API-Version: volume 3.20' "$CINDER/$PROJECT/attachments" | save attachments-3.20-404.json

# ---- a volume group of a new group type, with a volume and a group snapshot
as_admin
GTYPE=$(csend POST "$CINDER/$PROJECT/group_types" -d '{"group_type": {"name": "'"$N"'-gtype", "is_public": true}}' | json_get 'd["group_type"]["id"]')
as_demo
DEFAULT_TYPE=$(cget "$CINDER/$PROJECT/types/default" | json_get 'd["volume_type"]["id"]')
GROUP=$(csend POST "$CINDER/$PROJECT/groups" -d '{"group": {"name": "'"$N"'-grp", "group_type": "'"$GTYPE"'", "volume_types": ["'"$DEFAULT_TYPE"'"]}}' \
  | tee >(save group-created.json >/dev/null) | json_get 'd["group"]["id"]')
wait_status "groups/$GROUP" group available
GVOL=$(csend POST "$CINDER/$PROJECT/volumes" -d '{"volume": {"name": "'"$N"'-gvol", "size": 1, "group_id": "'"$GROUP"'", "volume_type": "'"$DEFAULT_TYPE"'"}}' | json_get 'd["volume"]["id"]')
wait_status "volumes/$GVOL" volume available
GSNAP=$(csend POST "$CINDER/$PROJECT/group_snapshots" -d '{"group_snapshot": {"group_id": "'"$GROUP"'", "name": "'"$N"'-gsnap"}}' \
  | tee >(save group-snapshot-created.json >/dev/null) | json_get 'd["group_snapshot"]["id"]')
wait_status "group_snapshots/$GSNAP" group_snapshot available
cget "$CINDER/$PROJECT/groups/detail?limit=51&sort=created_at:desc,id:desc" | save groups-detail.json
cget "$CINDER/$PROJECT/groups/$GROUP?list_volume=True" | save group.json
cget "$CINDER/$PROJECT/group_snapshots/detail?limit=51&sort=created_at:desc,id:desc" | save group-snapshots-detail.json
cget "$CINDER/$PROJECT/group_snapshots/$GSNAP" | save group-snapshot.json
cget "$CINDER/$PROJECT/snapshots/detail?group_snapshot_id=$GSNAP" | save group-snapshot-members.json
cget "$CINDER/$PROJECT/group_types" | save group-types.json
csend POST "$CINDER/$PROJECT/groups/$GROUP/action" -d '{"delete": {"delete-volumes": false}}' | save group-delete-with-volumes-400.json
csend DELETE "$CINDER/$PROJECT/group_snapshots/$GSNAP" -o /dev/null -w '%{http_code}\n'
sleep 3; GSNAP=
csend POST "$CINDER/$PROJECT/groups/$GROUP/action" -d '{"delete": {"delete-volumes": true}}' -o /dev/null -w '%{http_code}\n'
for _ in $(seq 1 30); do cget "$CINDER/$PROJECT/groups/$GROUP" | grep -q itemNotFound && break; sleep 1; done
GROUP=

# ---- a volume uploaded to an image (as admin: the transferred volume is admin's now)
as_admin
csend POST "$CINDER/$PROJECT/volumes/$VOL/action" -d '{"os-volume_upload_image": {"image_name": "'"$N"'-img", "disk_format": "raw", "container_format": "bare", "force": false, "visibility": "private"}}' \
  | save volume-upload-image.json
IMG=$(json_get 'd["os-volume_upload_image"]["image_id"]' <"$OUT/volume-upload-image.json")
wait_status "volumes/$VOL" volume available
cget "$CINDER/$PROJECT/volumes/$VOL" | save volume-admin-after-upload.json
for _ in $(seq 1 30); do get "$GLANCE/v2/images/$IMG" | grep -q '"active"' && break; sleep 1; done
get "$GLANCE/v2/images/$IMG" | save image-from-volume.json
echo "ids: demo $DEMO_PROJECT admin $ADMIN_PROJECT volume $VOL"
