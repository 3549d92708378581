#!/usr/bin/env bash
# Glance v2 for the image tools' unit tests: lists, an image in detail, import methods, create + upload, update,
# sharing, deactivation, a failed web-download import, and Nova's server list by image. Creates throw-away images
# named rec-* and removes them again; the seed image cirros-fake is only read.
. "$(dirname "$0")/lib.sh" image
patch_image() { curl -s -X PATCH -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/openstack-images-v2.1-json-patch' "$GLANCE/v2/images/$1" -d "$2"; }
wait_image() { # wait_image <id> <status...>
  local id=$1 s; shift
  for _ in $(seq 1 60); do
    s=$(get "$GLANCE/v2/images/$id" | json_get "d.get('status', 'gone')" 2>/dev/null || echo gone)
    for want in "$@"; do [ "$s" = "$want" ] && return 0; done
    sleep 1
  done
  echo "timed out waiting for image $id ($s)" >&2; return 1
}

login admin
ADMIN_PROJECT=$PROJECT
login demo
CIRROS=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
get "$GLANCE/v2/images/$CIRROS" | save image-cirros-fake.json
get "$GLANCE/v2/images?name=cirros-fake" | save images-name-cirros-fake.json
get "$GLANCE/v2/images/00000000-0000-0000-0000-000000000000" | save image-404.txt
get "$GLANCE/v2/info/import" | save info-import.json
get "$NOVA/servers?image=$CIRROS&limit=21" | save servers-by-image-cirros.json

# a shared image with data, properties and a tag
send POST "$GLANCE/v2/images" -d '{"name": "rec-img", "disk_format": "raw", "container_format": "bare", "visibility": "shared", "os_distro": "recos", "tags": ["rec"]}' | save image-create-rec-img.json
IMG=$(get "$GLANCE/v2/images?name=rec-img" | json_get 'd["images"][0]["id"]')
head -c 1024 /dev/zero | curl -s -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary @- "$GLANCE/v2/images/$IMG/file"
wait_image "$IMG" active
get "$GLANCE/v2/images/$IMG" | save image-rec-img-active.json
get "$GLANCE/v2/images?limit=2&sort_key=created_at&sort_dir=desc" | save images-limit2.json
get "$GLANCE/v2/images?limit=51&sort_key=created_at&sort_dir=desc&visibility=shared" | save images-shared.json
patch_image "$IMG" '[{"op": "replace", "path": "/min_disk", "value": 1}, {"op": "add", "path": "/hw_disk_bus", "value": "scsi"}, {"op": "replace", "path": "/protected", "value": true}]' | save image-rec-img-updated.json
send POST "$GLANCE/v2/images/$IMG/members" -d '{"member": "'"$ADMIN_PROJECT"'"}' | save member-create-admin.json
get "$GLANCE/v2/images/$IMG/members" | save members-rec-img.json
patch_image "$IMG" '[{"op": "replace", "path": "/protected", "value": false}]' >/dev/null
# a web-download import that cannot succeed (nothing listens on port 9): its task says why
send POST "$GLANCE/v2/images" -d '{"name": "rec-import", "disk_format": "raw", "container_format": "bare"}' >/dev/null
IMP=$(get "$GLANCE/v2/images?name=rec-import" | json_get 'd["images"][0]["id"]')
send POST "$GLANCE/v2/images/$IMP/import" -d '{"method": {"name": "web-download", "uri": "http://127.0.0.1:9/rec.img"}}' >/dev/null
for _ in $(seq 1 30); do
  [ -n "$(get "$GLANCE/v2/images/$IMP" | json_get 'd.get("os_glance_failed_import", "")')" ] && break
  sleep 1
done
get "$GLANCE/v2/images/$IMP" | save image-rec-import-failed.json
get "$GLANCE/v2/images/$IMP/tasks" | save tasks-rec-import.json

login admin
send POST "$GLANCE/v2/images/$IMG/actions/deactivate" >/dev/null
get "$GLANCE/v2/images/$IMG" | save image-rec-img-deactivated.json
send POST "$GLANCE/v2/images/$IMG/actions/reactivate" >/dev/null
curl -s -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' "$GLANCE/v2/images/$IMG/members/$ADMIN_PROJECT" -d '{"status": "accepted"}' | save member-accepted-admin.json

login demo
send DELETE "$GLANCE/v2/images/$IMG" >/dev/null
send DELETE "$GLANCE/v2/images/$IMP" >/dev/null
