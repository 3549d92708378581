#!/usr/bin/env bash
# Nova servers and what server tools read around them (flavor, image, ports, floating IPs, volumes).
. "$(dirname "$0")/lib.sh" servers
login demo
sid() { get "$NOVA/servers?name=%5E$1%24" | json_get 'd["servers"][0]["id"]'; }
WEB=$(sid web-1); DB=$(sid db-1)
get "$NOVA/servers/detail?limit=3" | save servers-detail-limit3.json
get "$NOVA/servers/detail?status=SHUTOFF" | save servers-detail-shutoff.json
get "$NOVA/servers/$WEB" | save server-web-1.json
get "$NOVA/servers/$DB" | save server-db-1.json
get "$NOVA/servers/00000000-0000-0000-0000-000000000000" | save server-404.json
FLAVOR=$(get "$NOVA/servers/$WEB" | json_get 'd["server"]["flavor"]["id"]')
IMAGE=$(get "$NOVA/servers/$WEB" | json_get 'd["server"]["image"]["id"]')
get "$NOVA/flavors/$FLAVOR" | save flavor-web-1.json
get "$GLANCE/v2/images/$IMAGE" | save image-web-1.json
get "$NEUTRON/v2.0/ports?device_id=$WEB" | save ports-web-1.json
PORT=$(get "$NEUTRON/v2.0/ports?device_id=$WEB" | json_get 'd["ports"][0]["id"]')
get "$NEUTRON/v2.0/floatingips?port_id=$PORT" | save floatingips-web-1.json
VOL=$(get "$NOVA/servers/$WEB" | json_get 'd["server"]["os-extended-volumes:volumes_attached"][0]["id"]')
get "$CINDER/$PROJECT/volumes/$VOL" | save volume-web-vol.json
send POST "$NOVA/servers/$DB/action" -d '{"os-stop": null}' | save server-stop-409.json
