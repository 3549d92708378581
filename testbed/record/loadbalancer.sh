#!/usr/bin/env bash
# Octavia: the seeded web-lb (listener web-http, pool web-pool with members web-1 and db-1, monitor web-hm), read
# only, plus a demo token whose catalog has the load-balancer service (the shared token-demo.json predates it).
. "$(dirname "$0")/lib.sh" loadbalancer
auth demo demo demo | save token-demo.json
login demo
LB=$OCTAVIA/v2/lbaas
id_of() { get "$LB/$1?name=$2" | json_get "d[\"$1\"][0][\"id\"]"; }
LBID=$(id_of loadbalancers web-lb)
LID=$(id_of listeners web-http)
PID=$(id_of pools web-pool)
HID=$(id_of healthmonitors web-hm)
get "$LB/loadbalancers?limit=51" | save loadbalancers.json
get "$LB/loadbalancers?name=web-lb&limit=50" | save loadbalancers-web-lb.json
get "$LB/loadbalancers/$LBID" | save loadbalancer-web-lb.json
get "$LB/loadbalancers/$LBID/status" | save status-web-lb.json
get "$LB/loadbalancers/$LBID/stats" | save stats-web-lb.json
get "$LB/listeners?loadbalancer_id=$LBID&limit=500" | save listeners-web-lb.json
get "$LB/listeners/$LID" | save listener-web-http.json
get "$LB/l7policies?listener_id=$LID&limit=500" | save l7policies-web-http.json
get "$LB/pools?loadbalancer_id=$LBID&limit=500" | save pools-web-lb.json
get "$LB/pools/$PID" | save pool-web-pool.json
get "$LB/pools/$PID/members?limit=500" | save members-web-pool.json
get "$LB/healthmonitors/$HID" | save healthmonitor-web-hm.json
get "$LB/loadbalancers/00000000-0000-0000-0000-000000000000" | save loadbalancer-404.json

# An L7 policy with a rule on web-http, recorded, then deleted (the seed has none). Octavia takes one change at a
# time per load balancer: wait until web-lb is ACTIVE again after each.
PREFIX=${PREFIX:-rec}
settle() { for _ in $(seq 60); do [ "$(get "$LB/loadbalancers/$LBID" | json_get 'd["loadbalancer"]["provisioning_status"]')" = ACTIVE ] && return; sleep 1; done; }
POL=$(send POST "$LB/l7policies" -d '{"l7policy": {"listener_id": "'"$LID"'", "name": "'"$PREFIX"'-reject-admin", "action": "REJECT"}}' | json_get 'd["l7policy"]["id"]')
settle
RULE=$(send POST "$LB/l7policies/$POL/rules" -d '{"rule": {"type": "PATH", "compare_type": "STARTS_WITH", "value": "/admin"}}' | json_get 'd["rule"]["id"]')
settle
get "$LB/l7policies?listener_id=$LID&limit=51" | save l7policies-with-one.json
get "$LB/l7policies/$POL" | save l7policy.json
get "$LB/l7policies/$POL/rules?limit=51" | save l7rules.json
get "$LB/l7policies/$POL/rules/$RULE" | save l7rule.json
get "$LB/listeners/$LID/stats" | save stats-web-http.json
get "$LB/healthmonitors?limit=51" | save healthmonitors.json
get "$LB/pools/$PID/members/$(get "$LB/pools/$PID/members" | json_get 'd["members"][0]["id"]')" | save member-first.json
get "$LB/quotas/$PROJECT" | save quota-demo.json
get "$LB/flavors?limit=51" | save flavors-none.json
send DELETE "$LB/l7policies/$POL"
settle

# Admin: amphorae, providers and their capabilities, a flavor and an availability zone (made here, deleted after).
auth admin admin admin | save token-admin.json
login admin
get "$OCTAVIA/v2/octavia/amphorae?limit=51" | save amphorae.json
get "$OCTAVIA/v2/octavia/amphorae/$(get "$OCTAVIA/v2/octavia/amphorae" | json_get 'd["amphorae"][0]["id"]')" | save amphora.json
get "$OCTAVIA/v2/octavia/amphorae/00000000-0000-0000-0000-000000000000" | save amphora-404.json
get "$LB/providers" | save providers.json
get "$LB/providers/amphora/flavor_capabilities" | save flavor-capabilities-amphora.json
get "$LB/providers/amphora/availability_zone_capabilities" | save availability-zone-capabilities-amphora.json
FP=$(send POST "$LB/flavorprofiles" -d '{"flavorprofile": {"name": "'"$PREFIX"'-single", "provider_name": "amphora", "flavor_data": "{\"loadbalancer_topology\": \"SINGLE\"}"}}' | json_get 'd["flavorprofile"]["id"]')
FL=$(send POST "$LB/flavors" -d '{"flavor": {"name": "'"$PREFIX"'-small", "description": "one amphora", "flavor_profile_id": "'"$FP"'"}}' | json_get 'd["flavor"]["id"]')
AZP=$(send POST "$LB/availabilityzoneprofiles" -d '{"availability_zone_profile": {"name": "'"$PREFIX"'-zone", "provider_name": "amphora", "availability_zone_data": "{\"compute_zone\": \"nova\"}"}}' | json_get 'd["availability_zone_profile"]["id"]')
send POST "$LB/availabilityzones" -d '{"availability_zone": {"name": "'"$PREFIX"'-az", "description": "the only zone", "availability_zone_profile_id": "'"$AZP"'"}}' >/dev/null
get "$LB/flavors?limit=51" | save flavors.json
get "$LB/flavors/$FL" | save flavor.json
get "$LB/availabilityzones?limit=500" | save availability-zones.json
get "$LB/availabilityzones/$PREFIX-az" | save availability-zone.json
get "$LB/availabilityzones/nowhere" | save availability-zone-404.json
send DELETE "$LB/availabilityzones/$PREFIX-az"
send DELETE "$LB/availabilityzoneprofiles/$AZP"
send DELETE "$LB/flavors/$FL"
send DELETE "$LB/flavorprofiles/$FP"
