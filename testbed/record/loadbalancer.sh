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
