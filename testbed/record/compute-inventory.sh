#!/usr/bin/env bash
# Compute inventory and cluster overviews: flavors, key pairs, server groups, hypervisors, Nova/Cinder services,
# availability zones, limits, usage, quotas (Nova, Neutron, Cinder), and what cluster_status / service_status read.
# Records as demo (project view, 403s of admin-only calls) and as admin (cloud view). Throw-away resources
# (key pairs, a server group with one member, a flavor, a project for quota writes) are created and removed again;
# the generated private key is redacted before it is saved.
. "$(dirname "$0")/lib.sh" compute-inventory
MV() { echo "X-OpenStack-Nova-API-Version: $1"; }
RUN=rec$$
START=2026-01-01T00:00:00
END=$(date -u +%Y-%m-%dT%H:%M:%S)

# ---------- demo ----------
login demo
DEMO=$PROJECT
TINY=$(get -H "$(MV 2.61)" "$NOVA/flavors/detail?is_public=None" | json_get '[f["id"] for f in d["flavors"] if f["name"]=="m1.tiny"][0]')
get -H "$(MV 2.61)" "$NOVA/flavors/detail?limit=3&is_public=None" | save flavors-detail-limit3.json
get -H "$(MV 2.61)" "$NOVA/flavors/detail?is_public=None&limit=1000" | save flavors-detail-all.json
get -H "$(MV 2.61)" "$NOVA/flavors/$TINY" | save flavor-m1-tiny.json
get -H "$(MV 2.61)" "$NOVA/flavors/m1.tiny" | save flavor-404.json
get -H "$(MV 2.35)" "$NOVA/os-keypairs?limit=51" | save keypairs.json
get -H "$(MV 2.35)" "$NOVA/os-keypairs/demo-key" | save keypair-demo-key.json
get -H "$(MV 2.35)" "$NOVA/os-keypairs/no-such-key" | save keypair-404.json
send POST "$NOVA/os-keypairs" -H "$(MV 2.35)" -d '{"keypair": {"name": "'"$RUN"'-kp", "type": "ssh"}}' \
  | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
d["keypair"]["private_key"] = "-----BEGIN RSA PRIVATE KEY-----\nREDACTED-BY-THE-RECORDER\n-----END RSA PRIVATE KEY-----\n"
print(json.dumps(d))' | save keypair-create.json
send DELETE "$NOVA/os-keypairs/$RUN-kp" -H "$(MV 2.35)"
send POST "$NOVA/os-keypairs" -H "$(MV 2.35)" -d '{"keypair": {"name": "'"$RUN"'-imp", "type": "ssh", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ3mkHj7n2yqzV0bq5G3Ew3Kk2bFq4mO0u1bGk6Xw3sD recorder@testbed"}}' \
  | save keypair-import.json
send DELETE "$NOVA/os-keypairs/$RUN-imp" -H "$(MV 2.35)"
# a server group with one member
send POST "$NOVA/os-server-groups" -H "$(MV 2.64)" -d '{"server_group": {"name": "'"$RUN"'-sg", "policy": "anti-affinity", "rules": {"max_server_per_host": 2}}}' \
  | save server-group-create.json
SG=$(json_get 'd["server_group"]["id"]' <"$OUT/server-group-create.json")
NET=$(get "$NEUTRON/v2.0/networks?name=private" | json_get 'd["networks"][0]["id"]')
IMG=$(get "$GLANCE/v2/images?name=cirros-fake" | json_get 'd["images"][0]["id"]')
MEMBER=$(send POST "$NOVA/servers" -d '{"server": {"name": "'"$RUN"'-member", "flavorRef": "'"$TINY"'", "imageRef": "'"$IMG"'", "networks": [{"uuid": "'"$NET"'"}]}, "os:scheduler_hints": {"group": "'"$SG"'"}}' | json_get 'd["server"]["id"]')
for _ in $(seq 60); do
  [ "$(get "$NOVA/servers/$MEMBER" | json_get 'd["server"]["status"]')" = ACTIVE ] && break; sleep 1
done
get -H "$(MV 2.64)" "$NOVA/os-server-groups?limit=51&offset=0" | save server-groups.json
get -H "$(MV 2.64)" "$NOVA/os-server-groups/$SG" | save server-group.json
get "$NOVA/servers/$MEMBER" | save server-group-member.json
send DELETE "$NOVA/servers/$MEMBER"
for _ in $(seq 60); do
  [ "$(get -o /dev/null -w '%{http_code}' "$NOVA/servers/$MEMBER")" = 404 ] && break; sleep 1
done
send DELETE "$NOVA/os-server-groups/$SG" -H "$(MV 2.64)"
get -H "$(MV 2.57)" "$NOVA/limits" | save limits-demo.json
get "$NOVA/os-simple-tenant-usage/$DEMO?start=$START&end=$END" | save usage-demo.json
get -H "$(MV 2.57)" "$NOVA/os-quota-sets/$DEMO/detail" | save quota-nova-demo.json
get "$NEUTRON/v2.0/quotas/$DEMO/details.json" | save quota-neutron-demo.json
get "$CINDER/$DEMO/os-quota-sets/$DEMO?usage=true" | save quota-cinder-demo.json
get "$KS/projects?name=admin" | save projects-403.json
get -H "$(MV 2.53)" "$NOVA/os-hypervisors/detail?limit=51" | save hypervisors-403.json
# what cluster_status reads in a project's view
get "$NOVA/servers/detail?limit=501" | save cluster-servers-demo.json
get "$CINDER/$DEMO/volumes/detail?limit=501" | save cluster-volumes-demo.json
get -H "OpenStack-API-Version: volume 3.12" "$CINDER/$DEMO/volumes/summary" | save cluster-volume-summary-demo.json

# ---------- admin ----------
login admin
ADMIN=$PROJECT
get -H "$(MV 2.53)" "$NOVA/os-hypervisors/detail?limit=51" | save hypervisors-detail.json
HV=$(json_get 'd["hypervisors"][0]["id"]' <"$OUT/hypervisors-detail.json")
HVNAME=$(json_get 'd["hypervisors"][0]["hypervisor_hostname"]' <"$OUT/hypervisors-detail.json")
get -H "$(MV 2.53)" "$NOVA/os-hypervisors/$HV?with_servers=true" | save hypervisor.json
get -H "$(MV 2.53)" "$NOVA/os-hypervisors/detail?hypervisor_hostname_pattern=$HVNAME&with_servers=true" | save hypervisors-pattern.json
get -H "$(MV 2.53)" "$NOVA/os-hypervisors/statistics" | save hypervisor-statistics.json
get -H "$(MV 2.53)" "$NOVA/os-hypervisors?limit=501" | save cluster-hypervisors.json
get -H "$(MV 2.53)" "$NOVA/os-services" | save nova-services.json
get -H "$(MV 2.53)" "$NOVA/os-services?binary=nova-compute" | save nova-services-compute.json
get "$NOVA/os-availability-zone" | save availability-zones.json
get "$NOVA/os-availability-zone/detail" | save availability-zones-detail.json
get "$NOVA/os-simple-tenant-usage?start=$START&end=$END&detailed=0" | save usage-all.json
get "$KS/projects" | save projects.json
get "$KS/projects?name=demo" | save projects-demo.json
get "$NOVA/servers?all_tenants=1&flavor=$TINY&limit=1000" | save servers-using-m1-tiny.json
# a flavor, created and deleted again
send POST "$NOVA/flavors" -H "$(MV 2.61)" -d '{"flavor": {"name": "'"$RUN"'-flavor", "vcpus": 1, "ram": 128, "disk": 1, "OS-FLV-EXT-DATA:ephemeral": 0, "swap": 0, "os-flavor-access:is_public": false, "description": "recorded"}}' \
  | save flavor-create.json
send DELETE "$NOVA/flavors/$(json_get 'd["flavor"]["id"]' <"$OUT/flavor-create.json")" -H "$(MV 2.61)"
# quota writes on a throw-away project
QP=$(send POST "$KS/projects" -d '{"project": {"name": "'"$RUN"'-quota", "domain_id": "default"}}' | json_get 'd["project"]["id"]')
get -H "$(MV 2.57)" "$NOVA/os-quota-sets/$QP/detail" | save quota-nova-fresh.json
get "$NEUTRON/v2.0/quotas/$QP/details.json" | save quota-neutron-fresh.json
get "$CINDER/$ADMIN/os-quota-sets/$QP?usage=true" | save quota-cinder-fresh.json
send PUT "$NOVA/os-quota-sets/$QP" -H "$(MV 2.57)" -d '{"quota_set": {"instances": 3, "cores": 6}}' | save quota-nova-put.json
send PUT "$NEUTRON/v2.0/quotas/$QP" -d '{"quota": {"port": 7}}' | save quota-neutron-put.json
send PUT "$CINDER/$ADMIN/os-quota-sets/$QP" -d '{"quota_set": {"volumes": 4}}' | save quota-cinder-put.json
send PUT "$NOVA/os-quota-sets/$QP" -H "$(MV 2.57)" -d '{"quota_set": {"instances": "many"}}' | save quota-nova-put-400.json
send DELETE "$NOVA/os-quota-sets/$QP"
send DELETE "$NEUTRON/v2.0/quotas/$QP"
send DELETE "$CINDER/$ADMIN/os-quota-sets/$QP"
send DELETE "$KS/projects/$QP"
# what cluster_status reads in the cloud view
get "$NOVA/servers/detail?all_tenants=1&limit=501" | save cluster-servers.json
get "$NEUTRON/v2.0/networks?router:external=true&fields=id&fields=name&fields=status" | save cluster-external-networks.json
EXT=$(json_get 'd["networks"][0]["id"]' <"$OUT/cluster-external-networks.json")
get "$NEUTRON/v2.0/network-ip-availabilities?network_id=$EXT" | save cluster-ip-availability.json
get "$NEUTRON/v2.0/floatingips?fields=id&fields=port_id&limit=501" | save cluster-floatingips.json
get "$NEUTRON/v2.0/routers?fields=id&fields=status&fields=admin_state_up&fields=external_gateway_info&limit=501" | save cluster-routers.json
get "$NEUTRON/v2.0/agents?fields=id&fields=alive&fields=admin_state_up" | save cluster-agents.json
get -H "OpenStack-API-Version: volume 3.12" "$CINDER/$ADMIN/volumes/summary?all_tenants=1" | save cluster-volume-summary.json
get "$CINDER/$ADMIN/volumes/detail?all_tenants=1&limit=501" | save cluster-volumes.json
get "$CINDER/$ADMIN/os-services" | save cinder-services.json
# version documents (service_status probes them without a token)
for svc in compute:8774 identity:35357 network:9696 image:9292 volume:8776 orchestration:8004 placement:8778; do
  curl -s "http://127.0.0.1:${svc#*:}/" | save "version-${svc%%:*}.json"
done
