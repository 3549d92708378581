#!/usr/bin/env bash
# Heat: the seeded demo-stack (read only), plus throw-away stacks rec-orch-* created here and deleted again at the
# end: one that completes (server, network, random string, a retained resource, a resource group = nested stack),
# and one whose OS::Heat::TestResource fails. Never changes demo-stack.
. "$(dirname "$0")/lib.sh" orchestration
login demo
S=$HEAT/$PROJECT
TMP=$(mktemp -d)
OK=rec-orch-ok
BAD=rec-orch-bad
cleanup() {
  for s in $OK $BAD; do
    local id
    id=$(get "$S/stacks?name=$s" | json_get '(d["stacks"] or [{}])[0].get("id", "")')
    [ -n "$id" ] && send DELETE "$S/stacks/$s/$id" >/dev/null
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
# body <python dict expression using T (template text)> < template
body() { /usr/bin/python3 -c "import json,sys; T=sys.stdin.read(); print(json.dumps($1))"; }
stack_id() { get "$S/stacks?name=$1" | json_get 'd["stacks"][0]["id"]'; }
wait_settled() { # wait_settled <name>
  local i st
  for ((i = 0; i < 120; i++)); do
    st=$(get "$S/stacks?name=$1" | json_get 'd["stacks"][0]["stack_status"]')
    case "$st" in *_IN_PROGRESS) sleep 1 ;; *) echo "$1: $st"; return 0 ;; esac
  done
  echo "$1 did not settle" >&2; return 1
}

cat >"$TMP/ok.yaml" <<'EOF'
heat_template_version: 2018-08-31
description: Recorder stack (network, server, random strings, a nested group)
parameters:
  length: {type: number, default: 6, description: Length of the random suffix}
  db_password: {type: string, default: not-a-real-secret, hidden: true}
resources:
  suffix:
    type: OS::Heat::RandomString
    properties: {length: {get_param: length}, character_classes: [{class: lowercase}]}
  kept:
    type: OS::Heat::RandomString
    deletion_policy: Retain
  net:
    type: OS::Neutron::Net
    properties:
      name: {list_join: ['-', ['rec-net', {get_resource: suffix}]]}
  subnet:
    type: OS::Neutron::Subnet
    properties: {network: {get_resource: net}, cidr: 10.91.0.0/24}
  server:
    type: OS::Nova::Server
    depends_on: subnet
    properties:
      image: cirros-fake
      flavor: m1.tiny
      networks: [{network: {get_resource: net}}]
      user_data_format: RAW
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def: {type: OS::Heat::RandomString}
outputs:
  suffix: {value: {get_attr: [suffix, value]}, description: The random suffix}
  server_ip: {value: {get_attr: [server, first_address]}}
EOF
cat >"$TMP/bad.yaml" <<'EOF'
heat_template_version: 2018-08-31
resources:
  ok:
    type: OS::Heat::RandomString
  boom:
    type: OS::Heat::TestResource
    depends_on: ok
    properties: {fail: true, value: boom}
EOF

# --- demo-stack, read only
DEMO=$(stack_id demo-stack)
get "$S/stacks?name=demo-stack&show_nested=true" | save stacks-name-demo-stack.json
get "$S/stacks?id=$DEMO&show_nested=true" | save stacks-id-demo-stack.json
get "$S/stacks?name=nope&show_nested=true" | save stacks-empty.json
get "$S/stacks/demo-stack/$DEMO" | save stack-demo-stack.json
get "$S/stacks/demo-stack/$DEMO/resources" | save resources-demo-stack.json
get "$S/stacks/demo-stack/$DEMO/resources/server" | save resource-demo-stack-server.json
get "$S/stacks/demo-stack/$DEMO/resources/nope" | save resource-404.json
get "$S/stacks/demo-stack/$DEMO/events?limit=4&sort_keys=event_time&sort_dir=desc" | save events-demo-stack-limit4.json
get "$S/stacks/demo-stack/$DEMO/events?resource_name=server&sort_keys=event_time&sort_dir=desc&limit=51" | save events-demo-stack-server.json
get "$S/stacks/demo-stack/$DEMO/template" | save template-demo-stack.json
get "$S/stacks/demo-stack/$DEMO/outputs" | save outputs-demo-stack.json
get "$S/stacks/demo-stack/$DEMO/outputs/suffix" | save output-demo-stack-suffix.json

# --- validation and preview (nothing is created)
body '{"template": T}' <"$TMP/ok.yaml" | send POST "$S/validate" -d @- | save validate-ok.json
printf 'heat_template_version: 2018-08-31\nresources:\n  x:\n    type: OS::Nope::Thing\n' | body '{"template": T}' |
  send POST "$S/validate" -d @- | save validate-unknown-type.json
body '{"stack_name": "rec-preview", "template": T, "parameters": {"length": 8}}' <"$TMP/ok.yaml" |
  send POST "$S/stacks/preview" -d @- | save preview-ok.json

# --- a stack that completes
body '{"stack_name": "'$OK'", "template": T, "disable_rollback": True, "tags": "rec,orch"}' <"$TMP/ok.yaml" |
  send POST "$S/stacks" -d @- | save create-201.json
wait_settled $OK
OKID=$(stack_id $OK)
get "$S/stacks?id=$OKID&show_nested=true" | save stacks-id-ok.json
get "$S/stacks/$OK/$OKID" | save stack-ok.json
get "$S/stacks/$OK/$OKID/resources?nested_depth=5" | save resources-ok-nested.json
get "$S/stacks/$OK/$OKID/resources" | save resources-ok.json
get "$S/stacks/$OK/$OKID/template" | save template-ok.json
NESTED=$(get "$S/stacks/$OK/$OKID/resources/group" | json_get 'd["resource"]["physical_resource_id"]')
get "$S/stacks?id=$NESTED&show_nested=true" | save stacks-id-nested.json
sed -e 's#10.91.0.0/24#10.92.0.0/24#' -e '/^outputs:/i\  extra:\n    type: OS::Heat::RandomString' "$TMP/ok.yaml" >"$TMP/ok2.yaml"
body '{"template": T}' <"$TMP/ok2.yaml" | send PUT "$S/stacks/$OK/$OKID/preview" -d @- | save update-preview-put.json
echo '' | body '{"parameters": {"length": 9}}' | send PATCH "$S/stacks/$OK/$OKID/preview" -d @- | save update-preview-patch.json

# --- a stack that fails
body '{"stack_name": "'$BAD'", "template": T}' <"$TMP/bad.yaml" | send POST "$S/stacks" -d @- | save create-bad-201.json
wait_settled $BAD
BADID=$(stack_id $BAD)
get "$S/stacks?id=$BADID&show_nested=true" | save stacks-id-bad.json
get "$S/stacks/$BAD/$BADID/resources?status=FAILED&nested_depth=3" | save resources-bad-failed.json
get "$S/stacks/$BAD/$BADID/events?resource_status=FAILED&sort_keys=event_time&sort_dir=desc&limit=10" | save events-bad-failed.json

# --- with three stacks around: a first page of two (fetched as three, the way stack_list asks)
get "$S/stacks?limit=3&sort_keys=creation_time&sort_dir=desc" | save stacks-limit3.json
get "$S/stacks?status=FAILED&sort_keys=creation_time&sort_dir=desc&limit=51" | save stacks-failed.json
