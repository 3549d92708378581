#!/usr/bin/env bash
# Cinder v3 (at the microversion the storage tools speak) for the storage tools' unit tests: volumes, snapshots,
# backups, types, quotas, services, pools, and the failure and guard paths. Creates throw-away resources named
# rec-* and removes them again; the seed data (web-vol, data-vol, data-vol-snap) is only read.
. "$(dirname "$0")/lib.sh" storage
MV='OpenStack-API-Version: volume 3.50'
cget() { get -H "$MV" "$@"; }
csend() { send "$@" -H "$MV"; }
wait_status() { # wait_status <path> <key> <status...>
  local path=$1 key=$2 s; shift 2
  for _ in $(seq 1 60); do
    s=$(cget "$CINDER/$PROJECT/$path" | json_get "d.get('$key', {}).get('status', 'gone')")
    for want in "$@"; do [ "$s" = "$want" ] && return 0; done
    sleep 1
  done
  echo "timed out waiting for $path ($s)" >&2; return 1
}
vid() { cget "$CINDER/$PROJECT/volumes?name=$1" | json_get 'd["volumes"][0]["id"]'; }

login admin
ADMIN_PROJECT=$PROJECT
cget "$CINDER/$PROJECT/os-services" | save services-admin.json
cget "$CINDER/$PROJECT/scheduler-stats/get_pools?detail=true" | save pools-admin.json
# a type whose backend does not exist: volumes of it fail in the scheduler, with a user message
csend POST "$CINDER/$PROJECT/types" -d '{"volume_type": {"name": "rec-nowhere", "extra_specs": {"volume_backend_name": "rec-nowhere"}}}' >/dev/null
NOWHERE=$(cget "$CINDER/$PROJECT/types" | json_get '[t["id"] for t in d["volume_types"] if t["name"] == "rec-nowhere"][0]')
csend POST "$CINDER/$PROJECT/types" -d '{"volume_type": {"name": "rec-gold", "description": "recorded type", "extra_specs": {"volume_backend_name": "fake"}}}' >/dev/null
GOLD=$(cget "$CINDER/$PROJECT/types" | json_get '[t["id"] for t in d["volume_types"] if t["name"] == "rec-gold"][0]')
cget "$CINDER/$PROJECT/types?limit=2" | save types-admin-limit2.json

login demo
WEBVOL=$(vid web-vol); DATAVOL=$(vid data-vol)
cget "$CINDER/$PROJECT/types" | save types-demo.json
cget "$CINDER/$PROJECT/volumes/detail?limit=2&sort=created_at:desc,id:desc" | save volumes-detail-limit2.json
cget "$CINDER/$PROJECT/volumes/detail?name=web-vol" | save volumes-detail-name-web-vol.json
cget "$CINDER/$PROJECT/volumes/$WEBVOL" | save volume-web-vol.json
cget "$CINDER/$PROJECT/volumes/$DATAVOL" | save volume-data-vol.json
cget "$CINDER/$PROJECT/volumes/00000000-0000-0000-0000-000000000000" | save volume-404.json
cget "$CINDER/$PROJECT/snapshots?volume_id=$DATAVOL&limit=21" | save snapshots-of-data-vol.json
cget "$CINDER/$PROJECT/snapshots?volume_id=$WEBVOL&limit=21" | save snapshots-none.json
cget "$CINDER/$PROJECT/snapshots/detail?sort=created_at:desc,id:desc&limit=51" | save snapshots-detail.json
SNAP=$(cget "$CINDER/$PROJECT/snapshots?volume_id=$DATAVOL" | json_get 'd["snapshots"][0]["id"]')
cget "$CINDER/$PROJECT/snapshots/$SNAP" | save snapshot-data-vol-snap.json
cget "$CINDER/$PROJECT/os-quota-sets/$PROJECT?usage=true" | save quota-demo.json
SERVER=$(cget "$CINDER/$PROJECT/volumes/$WEBVOL" | json_get 'd["volume"]["attachments"][0]["server_id"]')
get "$NOVA/servers/$SERVER" | save server-web-1.json
csend POST "$CINDER/$PROJECT/os-services" >/dev/null 2>&1 || true
cget "$CINDER/$PROJECT/os-services" | save services-403.json

# a volume's life: create (response and states), extend, retype, backup, restore, delete
csend POST "$CINDER/$PROJECT/volumes" -d '{"volume": {"name": "rec-vol", "size": 1, "description": "recorded"}}' | save volume-create-rec-vol.json
REC=$(vid rec-vol)
wait_status "volumes/$REC" volume available
cget "$CINDER/$PROJECT/volumes/$REC" | save volume-rec-vol-available.json
csend POST "$CINDER/$PROJECT/volumes/$REC/action" -d '{"os-extend": {"new_size": 2}}' >/dev/null
wait_status "volumes/$REC" volume available
cget "$CINDER/$PROJECT/volumes/$REC" | save volume-rec-vol-2gb.json
csend POST "$CINDER/$PROJECT/volumes/$REC/action" -d '{"os-retype": {"new_type": "rec-gold", "migration_policy": "never"}}' >/dev/null
sleep 3; wait_status "volumes/$REC" volume available
cget "$CINDER/$PROJECT/volumes/$REC" | save volume-rec-vol-gold.json
csend POST "$CINDER/$PROJECT/backups" -d '{"backup": {"volume_id": "'"$REC"'", "name": "rec-backup", "incremental": false}}' | save backup-create-rec-backup.json
BK=$(cget "$CINDER/$PROJECT/backups?name=rec-backup" | json_get 'd["backups"][0]["id"]')
wait_status "backups/$BK" backup available
cget "$CINDER/$PROJECT/backups/$BK" | save backup-rec-backup.json
cget "$CINDER/$PROJECT/backups/detail?sort=created_at:desc,id:desc&limit=51" | save backups-detail.json
cget "$CINDER/$PROJECT/backups?volume_id=$REC&limit=21" | save backups-of-rec-vol.json
csend POST "$CINDER/$PROJECT/backups/$BK/restore" -d '{"restore": {"name": "rec-restored"}}' | save backup-restore-rec-backup.json
RESTORED=$(vid rec-restored)
wait_status "volumes/$RESTORED" volume available
cget "$CINDER/$PROJECT/volumes/$RESTORED" | save volume-rec-restored.json
# a volume that fails in the scheduler, and Cinder's message saying why
csend POST "$CINDER/$PROJECT/volumes" -d '{"volume": {"name": "rec-fail", "size": 1, "volume_type": "rec-nowhere"}}' >/dev/null
FAIL=$(vid rec-fail)
wait_status "volumes/$FAIL" volume error
cget "$CINDER/$PROJECT/volumes/$FAIL" | save volume-rec-fail-error.json
sleep 1
cget "$CINDER/$PROJECT/messages?resource_uuid=$FAIL&sort=created_at:desc&limit=1" | save messages-rec-fail.json

# clean up
send DELETE "$CINDER/$PROJECT/backups/$BK" >/dev/null
wait_status "backups/$BK" backup gone
for v in "$REC" "$RESTORED" "$FAIL"; do send DELETE "$CINDER/$PROJECT/volumes/$v" >/dev/null; done
for v in "$REC" "$RESTORED" "$FAIL"; do wait_status "volumes/$v" volume gone; done
login admin
send DELETE "$CINDER/$PROJECT/types/$NOWHERE" >/dev/null
send DELETE "$CINDER/$PROJECT/types/$GOLD" >/dev/null
