#!/usr/bin/env bash
# Neutron (and the Nova calls the network tools make) for the network family's unit tests. Reads the seed data
# (private, public, router1, web, web-1) and records writes on throw-away resources named rec-*, removed at the end.
. "$(dirname "$0")/lib.sh" network
N=$NEUTRON/v2.0
id_of() { json_get "d['$1'][0]['id']"; }

# ---------------------------------------------------------------- admin views
login admin
PUBLIC=$(get "$N/networks?name=public" | id_of networks)
get "$N/networks/$PUBLIC" | save network-public-admin.json
get "$N/network-ip-availabilities?limit=2" | save ip-availability-admin.json
get "$N/network-ip-availabilities?network_id=$PUBLIC" | save ip-availability-public-admin.json
get "$N/agents?limit=51" | save agents-admin.json
get "$NOVA/servers?limit=1000&all_tenants=1" | save nova-servers-admin.json

# ---------------------------------------------------------------- demo reads
login demo
PRIVATE=$(get "$N/networks?name=private" | id_of networks)
SUBNET=$(get "$N/subnets?name=private-subnet" | id_of subnets)
ROUTER=$(get "$N/routers?name=router1" | id_of routers)
WEB=$(get "$NOVA/servers?name=%5Eweb-1%24" | id_of servers)
WEBPORT=$(get "$N/ports?device_id=$WEB" | id_of ports)
SG=$(get "$N/security-groups?name=web" | id_of security_groups)
FIP=$(get "$N/floatingips?port_id=$WEBPORT" | id_of floatingips)

# Neutron under-fills pages of RBAC-shared networks for non-admins: limit=3 returns 2 of 3 networks, no next link
get "$N/networks?limit=3" | save networks-limit3.json
get "$N/networks?limit=1&marker=$PRIVATE" | save networks-after-private.json
get "$N/networks" | save networks.json
get "$N/networks?name=private" | save networks-name-private.json
get "$N/networks/$PRIVATE" | save network-private.json
get "$N/networks/00000000-0000-0000-0000-000000000000" | save network-404.json
get "$N/networks?router:external=True" | save networks-external.json
get "$N/subnets" | save subnets.json
get "$N/subnets/$SUBNET" | save subnet-private.json
get "$N/ports?device_id=$WEB" | save ports-web-1.json
get "$N/ports/$WEBPORT" | save port-web-1.json
get "$N/ports?device_id=$ROUTER" | save ports-router1.json
get "$N/ports?network_id=$PRIVATE" | save ports-private.json
get "$N/routers" | save routers.json
get "$N/routers/$ROUTER" | save router-router1.json
get "$N/floatingips" | save floatingips.json
get "$N/floatingips/$FIP" | save floatingip-web-1.json
get "$N/security-groups" | save security-groups.json
get "$N/security-groups/$SG" | save security-group-web.json
get "$N/security-group-rules?remote_group_id=$SG" | save security-group-rules-remote-web.json
get "$N/network-ip-availabilities" | save ip-availability-demo.json
get "$N/quotas/$PROJECT/details" | save quota-demo.json
get "$N/ports?project_id=$PROJECT" | save ports-project-demo.json
get "$NOVA/servers?limit=1000" | save nova-servers.json
get "$NOVA/servers/$WEB" | save nova-server-web-1.json
get "$NOVA/servers?name=%5Eweb-1%24" | save nova-servers-name-web-1.json

# ---------------------------------------------------------------- demo writes, on throw-away resources
cleanup() {
  set +e
  [ -n "${RFIP:-}" ] && send DELETE "$N/floatingips/$RFIP" >/dev/null
  [ -n "${RPORT:-}" ] && send DELETE "$N/ports/$RPORT" >/dev/null
  if [ -n "${RROUTER:-}" ]; then
    send PUT "$N/routers/$RROUTER" -d '{"router": {"routes": []}}' >/dev/null
    [ -n "${RSUBNET:-}" ] && send PUT "$N/routers/$RROUTER/remove_router_interface" -d '{"subnet_id": "'"$RSUBNET"'"}' >/dev/null
    send DELETE "$N/routers/$RROUTER" >/dev/null
  fi
  [ -n "${RSG:-}" ] && send DELETE "$N/security-groups/$RSG" >/dev/null
  [ -n "${RNET:-}" ] && send DELETE "$N/networks/$RNET" >/dev/null
  return 0
}
trap cleanup EXIT

send POST "$N/networks" -d '{"network": {"name": "rec-net", "description": "recorded", "mtu": 1400}}' | tee /tmp/rec-net.json | save network-create.json
RNET=$(json_get 'd["network"]["id"]' </tmp/rec-net.json)
send PUT "$N/networks/$RNET" -d '{"network": {"description": "changed"}}' | save network-update.json
send POST "$N/subnets" -d '{"subnet": {"network_id": "'"$RNET"'", "cidr": "10.98.0.0/24", "ip_version": 4, "name": "rec-subnet", "dns_nameservers": ["10.98.0.2"], "allocation_pools": [{"start": "10.98.0.10", "end": "10.98.0.50"}]}}' | tee /tmp/rec-subnet.json | save subnet-create.json
RSUBNET=$(json_get 'd["subnet"]["id"]' </tmp/rec-subnet.json)
send POST "$N/routers" -d '{"router": {"name": "rec-router", "external_gateway_info": {"network_id": "'"$PUBLIC"'"}}}' | tee /tmp/rec-router.json | save router-create.json
RROUTER=$(json_get 'd["router"]["id"]' </tmp/rec-router.json)
send PUT "$N/routers/$RROUTER/add_router_interface" -d '{"subnet_id": "'"$RSUBNET"'"}' | save router-add-interface.json
get "$N/ports?device_id=$RROUTER" | save ports-rec-router.json
send PUT "$N/routers/$RROUTER" -d '{"router": {"routes": [{"destination": "172.16.0.0/16", "nexthop": "10.98.0.20"}]}}' | save router-update-routes.json
send PUT "$N/routers/$RROUTER/remove_router_interface" -d '{"subnet_id": "'"$RSUBNET"'"}' | save router-remove-interface-409.json
send DELETE "$N/networks/$RNET" | save network-delete-409.json
send POST "$N/security-groups" -d '{"security_group": {"name": "rec-sg", "description": "recorded"}}' | tee /tmp/rec-sg.json | save security-group-create.json
RSG=$(json_get 'd["security_group"]["id"]' </tmp/rec-sg.json)
send POST "$N/security-group-rules" -d '{"security_group_rule": {"security_group_id": "'"$RSG"'", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "198.51.100.0/24"}}' | save security-group-rule-create.json
send POST "$N/ports" -d '{"port": {"network_id": "'"$PRIVATE"'", "name": "rec-port", "security_groups": ["'"$RSG"'"]}}' | tee /tmp/rec-port.json | save port-create.json
RPORT=$(json_get 'd["port"]["id"]' </tmp/rec-port.json)
send POST "$N/floatingips" -d '{"floatingip": {"floating_network_id": "'"$PUBLIC"'", "description": "recorded"}}' | tee /tmp/rec-fip.json | save floatingip-create.json
RFIP=$(json_get 'd["floatingip"]["id"]' </tmp/rec-fip.json)
send PUT "$N/floatingips/$RFIP" -d '{"floatingip": {"port_id": "'"$RPORT"'"}}' | save floatingip-associate.json
send PUT "$N/floatingips/$RFIP" -d '{"floatingip": {"port_id": null}}' | save floatingip-disassociate.json
send DELETE "$N/security-groups/$RSG" | save security-group-delete-409.json
