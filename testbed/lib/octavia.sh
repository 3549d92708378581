# shellcheck shell=bash
# Octavia (load balancers) for up.sh, which sources this file and calls the octavia_* functions.
# Octavia 11.0.0 runs with its no-op amphora/compute/network drivers: no amphora VMs and no dataplane,
# but the real v2 API, database, RPC, flows and policies. The amphora provider (not `noop_driver`,
# whose objects stay PENDING_* forever) takes load balancers to ACTIVE in a few seconds.
# VIPs are not real: no Neutron port is made and the VIP address is 198.51.100.1 unless one is given.
# Its config has its own checksum: a change restarts the Octavia daemons only.

OCTAVIA_DAEMONS=(octavia-api octavia-worker octavia-health-manager octavia-housekeeping)

octavia_write_config() {
  local o=$ETC/octavia
  mkdir -p "$o/certs" "$DATA/octavia/lock" "$DATA/octavia/certs" "$DATA/octavia/amphora" "$RUN/octavia"
  # the amphora create flow reads [controller_worker] client_ca even with no-op compute, and the
  # local certificate generator signs the (fake) amphora certificates with this CA
  if [ ! -s "$o/certs/ca.key" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=octavia-testbed-ca" \
      -keyout "$o/certs/ca.key" -out "$o/certs/ca.pem" 2>/dev/null
  fi
  chmod 600 "$o/certs/ca.key"
  # a comment-only policy file: Octavia's in-code defaults (the load-balancer_* roles).
  # ('{}' would be parsed as JSON with a warning on every request.)
  printf '# Octavia in-code default policies (no overrides)\n' >"$o/policy.yaml"
  { cat <<EOF
[DEFAULT]
host = $OSTB_CONTROLLER_HOST
transport_url = $RABBIT_URL
debug = false

[api_settings]
bind_host = $OSTB_HOST
bind_port = $OSTB_PORT_OCTAVIA
auth_strategy = keystone
enabled_provider_drivers = amphora:The Octavia Amphora driver (no-op amphorae on this testbed).,octavia:Deprecated alias of the Octavia Amphora driver.
default_provider_driver = amphora
healthcheck_enabled = true

[database]
connection = $(db_url octavia)

[controller_worker]
workers = 1
amphora_driver = amphora_noop_driver
compute_driver = compute_noop_driver
network_driver = network_noop_driver
image_driver = image_noop_driver
volume_driver = volume_noop_driver
distributor_driver = distributor_noop_driver
loadbalancer_topology = SINGLE
client_ca = $o/certs/ca.pem

[task_flow]
engine = parallel
max_workers = 2
jobboard_enabled = false

[oslo_messaging]
topic = octavia_prov

[health_manager]
bind_ip = $OSTB_HOST
bind_port = $OSTB_PORT_OCTAVIA_HM
heartbeat_key = testbed-heartbeat-key
controller_ip_port_list = $OSTB_HOST:$OSTB_PORT_OCTAVIA_HM
health_update_threads = 1
stats_update_threads = 1
failover_threads = 1

[house_keeping]
cert_rotate_threads = 1

[certificates]
# no Barbican: TERMINATED_HTTPS listeners are not usable on this testbed
cert_manager = local_cert_manager
cert_generator = local_cert_generator
storage_path = $DATA/octavia/certs
ca_certificate = $o/certs/ca.pem
ca_private_key = $o/certs/ca.key
server_certs_key_passphrase = insecure-key-do-not-use-this-key

[haproxy_amphora]
base_path = $DATA/octavia/amphora
base_cert_dir = $DATA/octavia/amphora/certs

[driver_agent]
status_socket_path = $RUN/octavia/status.sock
stats_socket_path = $RUN/octavia/stats.sock
get_socket_path = $RUN/octavia/get.sock

[oslo_policy]
policy_file = $o/policy.yaml

EOF
    authtoken octavia load-balancer
    ksauth service_auth octavia
    common_oslo octavia
  } >"$o/octavia.conf"
}

# restart the Octavia daemons when their config changed since they were started
octavia_restart_if_changed() {
  local sha n
  sha=$(find "$ETC/octavia" -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
  if [ -s "$RUN/octavia.sha" ] && [ "$(cat "$RUN/octavia.sha")" != "$sha" ]; then
    for n in "${OCTAVIA_DAEMONS[@]}"; do
      if pid_alive "$n"; then
        log "octavia configuration changed: restarting octavia"
        OSTB_LOCK_HELD=1 "$HERE/down.sh" --only "${OCTAVIA_DAEMONS[@]}"
        break
      fi
    done
  fi
  echo "$sha" >"$RUN/octavia.sha"
}

octavia_start() {
  local conf=$ETC/octavia/octavia.conf
  # octavia-wsgi takes its config only from the command line (--pyargv)
  start_svc octavia-api uwsgi --plugin python3 --http11-socket "$OSTB_HOST:$OSTB_PORT_OCTAVIA" \
    --wsgi-file /usr/bin/octavia-wsgi --pyargv "--config-file $conf" \
    --master --processes 1 --threads 4 --enable-threads --lazy-apps --die-on-term \
    --need-app --buffer-size 65535 --procname-prefix-spaced octavia-api
  start_svc octavia-worker "$PY" /usr/bin/octavia-worker --config-file "$conf"
  start_svc octavia-health-manager "$PY" /usr/bin/octavia-health-manager --config-file "$conf"
  start_svc octavia-housekeeping "$PY" /usr/bin/octavia-housekeeping --config-file "$conf"
}
