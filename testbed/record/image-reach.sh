#!/usr/bin/env bash
# Image reach: Glance's import methods and stores, a glance-direct import (data staged, then imported), a copy-image
# import into the second store (admin: Glance's default policy), a member removed, and the metadef namespaces.
# Files go to recorded/image-reach/; the images made here are named rec-ir-<pid> and deleted at the end.
. "$(dirname "$0")/lib.sh" image-reach
N=rec-ir-$$
login admin; ADMIN_TOKEN=$TOKEN; ADMIN_PROJECT=$PROJECT
login demo; DEMO_TOKEN=$TOKEN; DEMO_PROJECT=$PROJECT
as_admin() { TOKEN=$ADMIN_TOKEN; }
as_demo() { TOKEN=$DEMO_TOKEN; }
wait_image() { # wait_image <id> <python condition on d>
  for _ in $(seq 1 60); do
    get "$GLANCE/v2/images/$1" | json_get "$2" | grep -q True && return 0
    sleep 1
  done
  echo "timed out waiting for image $1" >&2; return 1
}
cleanup() {
  set +e
  as_admin
  for i in ${IMG:-} ${IMG2:-}; do send DELETE "$GLANCE/v2/images/$i" >/dev/null; done
}
trap cleanup EXIT

as_demo
get "$GLANCE/v2/info/import" | save info-import.json
get "$GLANCE/v2/info/stores" | save info-stores.json

# ---- glance-direct: register, stage the data, import it
IMG=$(send POST "$GLANCE/v2/images" -d '{"name": "'"$N"'-direct", "disk_format": "raw", "container_format": "bare", "visibility": "shared"}' \
  | tee >(save image-created-queued.json >/dev/null) | json_get 'd["id"]')
sleep 0.3
head -c 2048 /dev/zero | curl -s -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary @- "$GLANCE/v2/images/$IMG/stage" -o /dev/null -w '%{http_code}\n'
get "$GLANCE/v2/images/$IMG" | save image-staged.json
send POST "$GLANCE/v2/images/$IMG/import" -d '{"method": {"name": "glance-direct"}, "stores": ["fs"]}' -o /dev/null -w '%{http_code}\n'
wait_image "$IMG" 'd["status"] == "active"'
get "$GLANCE/v2/images/$IMG" | save image-direct-active.json
send POST "$GLANCE/v2/images/$IMG/import" -d '{"method": {"name": "glance-direct"}}' | save import-not-queued-409.json
send POST "$GLANCE/v2/images/$IMG/import" -d '{"method": {"name": "copy-image"}, "stores": ["fs2"]}' | save copy-image-demo-403.json

# ---- a member added, then removed
send POST "$GLANCE/v2/images/$IMG/members" -d '{"member": "'"$ADMIN_PROJECT"'"}' | save member-created.json
get "$GLANCE/v2/images/$IMG/members/$ADMIN_PROJECT" | save member.json
send DELETE "$GLANCE/v2/images/$IMG/members/$ADMIN_PROJECT" -o /dev/null -w '%{http_code}\n'
get "$GLANCE/v2/images/$IMG/members/$ADMIN_PROJECT" | save member-404.txt

# ---- copy-image into the second store (admin)
as_admin
send POST "$GLANCE/v2/images/$IMG/import" -d '{"method": {"name": "copy-image"}, "stores": ["fs2"], "all_stores_must_succeed": true}' -o /dev/null -w '%{http_code}\n'
get "$GLANCE/v2/images/$IMG" | save image-copying.json
wait_image "$IMG" '"fs2" in d.get("stores", "").split(",") and not d.get("os_glance_importing_to_stores")'
get "$GLANCE/v2/images/$IMG" | save image-in-two-stores.json
send POST "$GLANCE/v2/images/$IMG/import" -d '{"method": {"name": "copy-image"}, "stores": ["nostore"]}' | save copy-image-unknown-store-400.json

# ---- metadef namespaces
as_demo
get "$GLANCE/v2/metadefs/namespaces?limit=3" | save metadef-namespaces-limit3.json
get "$GLANCE/v2/metadefs/namespaces?limit=51&resource_types=OS::Nova::Flavor" | save metadef-namespaces-flavor.json
get "$GLANCE/v2/metadefs/namespaces/OS::Compute::Libvirt" | save metadef-libvirt.json
get "$GLANCE/v2/metadefs/namespaces/OS::Compute::CPUPinning" | save metadef-cpu-pinning.json
get "$GLANCE/v2/metadefs/namespaces/OS::Nope" | save metadef-404.txt
echo "ids: image $IMG admin $ADMIN_PROJECT"
