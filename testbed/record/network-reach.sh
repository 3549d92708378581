#!/usr/bin/env bash
# Network reach: QoS policies and rules applied to a network and a port, RBAC sharing, a VLAN trunk, port forwardings
# of a floating IP, port/security group/floating IP updates, and Neutron's answers for a missing extension. Files go
# to recorded/network-reach/; everything made here is named net-rec-<pid> and deleted at the end. QoS writes need the
# admin (Neutron's default policy); the rest runs as demo.
. "$(dirname "$0")/lib.sh" network-reach
N=net-rec-$$
login admin; ADMIN_TOKEN=$TOKEN; ADMIN_PROJECT=$PROJECT
login demo; DEMO_TOKEN=$TOKEN
as_admin() { TOKEN=$ADMIN_TOKEN; }
as_demo() { TOKEN=$DEMO_TOKEN; }
V=$NEUTRON/v2.0
id_of() { json_get "d[\"$1\"][\"id\"]"; }
cleanup() {
  as_demo
  [ -n "${FIP:-}" ] && { for pf in $(get "$V/floatingips/$FIP/port_forwardings" | json_get '" ".join(p["id"] for p in d["port_forwardings"])'); do
    send DELETE "$V/floatingips/$FIP/port_forwardings/$pf" >/dev/null; done; send DELETE "$V/floatingips/$FIP" >/dev/null; }
  [ -n "${TRUNK:-}" ] && send DELETE "$V/trunks/$TRUNK" >/dev/null
  [ -n "${RBAC:-}" ] && send DELETE "$V/rbac-policies/$RBAC" >/dev/null
  for p in ${PARENT:-} ${SUB:-}; do send DELETE "$V/ports/$p" >/dev/null; done
  [ -n "${SG:-}" ] && send DELETE "$V/security-groups/$SG" >/dev/null
  as_admin
  [ -n "${QPORT:-}" ] && send DELETE "$V/ports/$QPORT" >/dev/null
  [ -n "${QNET:-}" ] && send DELETE "$V/networks/$QNET" >/dev/null
  [ -n "${QOS:-}" ] && send DELETE "$V/qos/policies/$QOS" >/dev/null
  true
}
trap cleanup EXIT

# ---- QoS (admin): a policy, its three kinds of rules, applied to a network and a port
as_admin
get "$V/extensions/qos" | save extension-qos.json
get "$V/extensions/no-such-extension" | save extension-404.html
get "$V/no-such-resources" | save resource-404.json
send POST "$V/qos/policies" -d '{"policy": {"name": "'"$N"'-qos", "description": "recorded"}}' | save qos-policy-create.json
QOS=$(id_of policy <"$OUT/qos-policy-create.json")
send PUT "$V/qos/policies/$QOS" -d '{"policy": {"description": "recorded, updated"}}' | save qos-policy-update.json
send POST "$V/qos/policies/$QOS/bandwidth_limit_rules" -d '{"bandwidth_limit_rule": {"max_kbps": 10000, "max_burst_kbps": 1000, "direction": "egress"}}' \
  | save qos-rule-bandwidth-limit.json
send POST "$V/qos/policies/$QOS/dscp_marking_rules" -d '{"dscp_marking_rule": {"dscp_mark": 7}}' | save qos-rule-dscp-400.json
send POST "$V/qos/policies/$QOS/dscp_marking_rules" -d '{"dscp_marking_rule": {"dscp_mark": 26}}' | save qos-rule-dscp-marking.json
send POST "$V/qos/policies/$QOS/minimum_bandwidth_rules" -d '{"minimum_bandwidth_rule": {"min_kbps": 1000, "direction": "egress"}}' \
  | save qos-rule-minimum-bandwidth.json
get "$V/qos/policies/$QOS" | save qos-policy.json
get "$V/qos/policies?name=$N-qos&limit=51" | save qos-policies.json
send POST "$V/networks" -d '{"network": {"name": "'"$N"'-net"}}' | save network-create-admin.json
QNET=$(id_of network <"$OUT/network-create-admin.json")
send PUT "$V/networks/$QNET" -d '{"network": {"qos_policy_id": "'"$QOS"'"}}' | save network-qos-update.json
send POST "$V/subnets" -d '{"subnet": {"network_id": "'"$QNET"'", "cidr": "10.99.0.0/24", "ip_version": 4, "name": "'"$N"'-subnet"}}' \
  | save subnet-create-admin.json
QSUB=$(id_of subnet <"$OUT/subnet-create-admin.json")
send POST "$V/ports" -d '{"port": {"network_id": "'"$QNET"'", "name": "'"$N"'-port"}}' | save port-create-admin.json
QPORT=$(id_of port <"$OUT/port-create-admin.json")
send PUT "$V/ports/$QPORT" -d '{"port": {"qos_policy_id": "'"$QOS"'", "allowed_address_pairs": [{"ip_address": "10.99.0.250"}],
  "fixed_ips": [{"subnet_id": "'"$QSUB"'", "ip_address": "10.99.0.20"}]}}' | save port-update-reach.json
send PUT "$V/ports/$QPORT" -d '{"port": {"allowed_address_pairs": [{"ip_address": "10.99.0.0/33"}]}}' | save port-update-pair-400.json
get "$V/ports?fields=id&fields=name&fields=qos_policy_id&fields=device_owner&fields=device_id&limit=2001" | save ports-qos-fields.json
get "$V/networks?fields=id&fields=name&fields=qos_policy_id&limit=2001" | save networks-qos-fields.json
get "$V/floatingips?fields=id&fields=floating_ip_address&fields=qos_policy_id&limit=2001" | save floatingips-qos-fields.json
send DELETE "$V/qos/policies/$QOS" | save qos-policy-delete-409.json
RULE=$(json_get 'd["bandwidth_limit_rule"]["id"]' <"$OUT/qos-rule-bandwidth-limit.json")
send DELETE "$V/qos/policies/$QOS/bandwidth_limit_rules/$RULE"
as_demo
send POST "$V/qos/policies" -d '{"policy": {"name": "'"$N"'-demo"}}' | save qos-policy-create-demo-403.json

# ---- RBAC (demo): share the private network with the admin project
as_demo
PRIVATE=$(get "$V/networks?name=private" | json_get 'd["networks"][0]["id"]')
send POST "$V/rbac-policies" -d '{"rbac_policy": {"object_type": "network", "object_id": "'"$PRIVATE"'",
  "action": "access_as_shared", "target_tenant": "'"$ADMIN_PROJECT"'"}}' | save rbac-create.json
RBAC=$(id_of rbac_policy <"$OUT/rbac-create.json")
get "$V/rbac-policies/$RBAC" | save rbac-policy.json
get "$V/rbac-policies?limit=51" | save rbac-policies.json
get "$V/rbac-policies?object_id=$PRIVATE&action=access_as_shared" | save rbac-policies-private.json
as_admin
get "$V/rbac-policies?limit=51" | save rbac-policies-admin.json
get "$KS/projects/$ADMIN_PROJECT" | save project-admin.json

# ---- trunk (demo): a parent port with one VLAN subport
as_demo
PARENT=$(send POST "$V/ports" -d '{"port": {"network_id": "'"$PRIVATE"'", "name": "'"$N"'-parent"}}' | id_of port)
SUB=$(send POST "$V/ports" -d '{"port": {"network_id": "'"$PRIVATE"'", "name": "'"$N"'-sub"}}' | id_of port)
send POST "$V/trunks" -d '{"trunk": {"name": "'"$N"'-trunk", "port_id": "'"$PARENT"'",
  "sub_ports": [{"port_id": "'"$SUB"'", "segmentation_type": "vlan", "segmentation_id": 100}]}}' | save trunk-create.json
TRUNK=$(id_of trunk <"$OUT/trunk-create.json")
get "$V/trunks/$TRUNK" | save trunk.json
get "$V/trunks?limit=51" | save trunks.json

# ---- port forwardings (demo) of a new floating IP to db-1's port
PUBLIC=$(get "$V/networks?name=public" | json_get 'd["networks"][0]["id"]')
send POST "$V/floatingips" -d '{"floatingip": {"floating_network_id": "'"$PUBLIC"'", "description": "'"$N"'"}}' | save floatingip-create.json
FIP=$(id_of floatingip <"$OUT/floatingip-create.json")
send PUT "$V/floatingips/$FIP" -d '{"floatingip": {"description": "'"$N"' updated"}}' | save floatingip-update.json
as_admin   # the policy is the admin's (not shared): the admin applies it and takes it off again
send PUT "$V/floatingips/$FIP" -d '{"floatingip": {"qos_policy_id": "'"$QOS"'"}}' | save floatingip-update-qos.json
send PUT "$V/floatingips/$FIP" -d '{"floatingip": {"qos_policy_id": null}}' | save floatingip-update-qos-cleared.json
get "$V/qos/policies/$QOS" | save qos-policy-fip.json
as_demo
DBPORT=$(get "$NOVA/servers/detail?name=^db-1$" | json_get 'd["servers"][0]["id"]' | xargs -I{} sh -c "curl -s -H 'X-Auth-Token: $TOKEN' '$V/ports?device_id={}'" | json_get 'd["ports"][0]["id"]')
DBIP=$(get "$V/ports/$DBPORT" | json_get 'd["port"]["fixed_ips"][0]["ip_address"]')
send POST "$V/floatingips/$FIP/port_forwardings" -d '{"port_forwarding": {"protocol": "tcp", "internal_port_id": "'"$DBPORT"'",
  "internal_ip_address": "'"$DBIP"'", "internal_port": 22, "external_port": 2222, "description": "ssh"}}' | save pf-create.json
PF=$(id_of port_forwarding <"$OUT/pf-create.json")
send POST "$V/floatingips/$FIP/port_forwardings" -d '{"port_forwarding": {"protocol": "udp", "internal_port_id": "'"$DBPORT"'",
  "internal_ip_address": "'"$DBIP"'", "internal_port_range": "5000:5010", "external_port_range": "6000:6010"}}' | save pf-create-range.json
send POST "$V/floatingips/$FIP/port_forwardings" -d '{"port_forwarding": {"protocol": "tcp", "internal_port_id": "'"$DBPORT"'",
  "internal_ip_address": "'"$DBIP"'", "internal_port": 23, "external_port": 2222}}' | save pf-create-409.json
send PUT "$V/floatingips/$FIP/port_forwardings/$PF" -d '{"port_forwarding": {"external_port": 2200, "description": "ssh, moved"}}' \
  | save pf-update.json
get "$V/floatingips/$FIP/port_forwardings/$PF" | save pf.json
get "$V/floatingips/$FIP/port_forwardings?limit=51" | save pfs.json
get "$V/floatingips/$FIP" | save floatingip.json
get "$V/floatingips?limit=51" | save floatingips.json
get "$V/ports?limit=51" | save ports-demo.json
send DELETE "$V/floatingips/$FIP" | save floatingip-delete-409.json

# ---- security group update (demo)
SG=$(send POST "$V/security-groups" -d '{"security_group": {"name": "'"$N"'-sg"}}' | id_of security_group)
send PUT "$V/security-groups/$SG" -d '{"security_group": {"name": "'"$N"'-sg2", "description": "renamed"}}' | save security-group-update.json
echo "done"
