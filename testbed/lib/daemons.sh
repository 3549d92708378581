# shellcheck shell=bash
# How each daemon is started and when it is ready: up.sh starts them all, fault.sh restarts one it stopped.
# Needs common.sh (paths, ports, PY).

# start_svc <name> <command...>: run a daemon in its own session (setsid: it leads
# session <pid>, its workers stay in it), stdout/stderr to $LOG/<name>.log,
# "<pid> <start time>" to $RUN/<name>.pid.
start_svc() {
  local name=$1; shift
  if pid_alive "$name"; then
    log "$name already running (pid $PF_PID)"
    return 0
  fi
  log "starting $name"
  (
    cd "$OSTB_STATE_DIR"
    exec 9>&-   # do not leak the up.sh lock into daemons
    exec env -i PATH="$PATH" HOME="${HOME:-/root}" LANG=C.UTF-8 OSTB_SERVICE="$name" \
      setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null
  ) &
  write_pidfile "$name" $!
  STARTED+=("$name")
}
STARTED=()

# "${PYRUN[@]}" <module>:<function>:<program name> <args...>: run the console entry
# point of a python3-* package whose daemon package is not installed (cinder-volume)
PYRUN=("$PY" -c 'import sys, importlib; m, f, sys.argv[0] = sys.argv.pop(1).split(":"); sys.exit(getattr(importlib.import_module(m), f)())')

# daemon_command <name>: sets CMD to the command line of daemon <name>
daemon_command() {
  local nova=(--config-file "$ETC/nova/nova.conf" --config-file "$ETC/nova/nova-db.conf")
  local cinder=(--config-file "$ETC/cinder/cinder.conf") pylib=(env PYTHONPATH="$OSTB_STATE_DIR/pylib")
  case $1 in
    rabbitmq) CMD=(env HOME="$DATA/rabbitmq"
      ERL_EPMD_ADDRESS="$OSTB_HOST" ERL_EPMD_PORT="$OSTB_PORT_EPMD"
      RABBITMQ_NODENAME=rabbit@localhost
      RABBITMQ_CONFIG_FILE="$ETC/rabbitmq/rabbitmq.conf"
      RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq/enabled_plugins"
      RABBITMQ_MNESIA_BASE="$DATA/rabbitmq/mnesia"
      RABBITMQ_LOG_BASE="$LOG/rabbitmq"
      RABBITMQ_PID_FILE="$DATA/rabbitmq/beam.pid"
      RABBITMQ_DIST_PORT="$OSTB_PORT_RABBIT_DIST"
      /usr/lib/rabbitmq/bin/rabbitmq-server) ;;
    keystone) CMD=(env OS_KEYSTONE_CONFIG_DIR="$ETC/keystone"
      uwsgi --plugin python3 --http11-socket "$OSTB_HOST:$OSTB_PORT_KEYSTONE"
      --wsgi-file /usr/bin/keystone-wsgi-public --master --processes 2 --threads 4
      --enable-threads --lazy-apps --die-on-term --need-app --buffer-size 65535
      --procname-prefix-spaced keystone) ;;
    placement) CMD=(env OS_PLACEMENT_CONFIG_DIR="$ETC/placement"
      uwsgi --plugin python3 --http11-socket "$OSTB_HOST:$OSTB_PORT_PLACEMENT"
      --wsgi-file /usr/bin/placement-api --master --processes 1 --threads 4
      --enable-threads --lazy-apps --die-on-term --need-app --buffer-size 65535
      --procname-prefix-spaced placement) ;;
    glance-api) CMD=(glance-api --config-file "$ETC/glance/glance-api.conf") ;;
    nova-api|nova-conductor|nova-scheduler) CMD=("$1" "${nova[@]}") ;;
    nova-compute) CMD=("${pylib[@]}" "$PY" "$OSTB_STATE_DIR/pylib/ostb_nova_compute.py"
      --config-file "$ETC/nova/nova.conf" --config-file "$ETC/nova/nova-compute.conf") ;;
    nova-compute2) CMD=("${pylib[@]}" "$PY" "$OSTB_STATE_DIR/pylib/ostb_nova_compute.py"
      --config-file "$ETC/nova/nova.conf" --config-file "$ETC/nova/nova-compute2.conf") ;;
    neutron-server) CMD=("${pylib[@]}" neutron-server --config-file "$ETC/neutron/neutron.conf") ;;
    cinder-api|cinder-scheduler) CMD=("$1" "${cinder[@]}") ;;
    cinder-volume) CMD=("${pylib[@]}" "${PYRUN[@]}" cinder.cmd.volume:main:cinder-volume "${cinder[@]}") ;;
    cinder-backup) CMD=("${pylib[@]}" "$PY" "$OSTB_STATE_DIR/pylib/ostb_cinder_backup.py" "${cinder[@]}") ;;
    heat-api|heat-engine) CMD=("$1" --config-file "$ETC/heat/heat.conf") ;;
    *) die "no daemon named $1" ;;
  esac
}

start_daemon() { # start_daemon <name>
  local CMD
  daemon_command "$1"
  start_svc "$1" "${CMD[@]}"
}

# live processes of the session led by <pid> (the daemon and its workers) that
# started no earlier than the daemon itself
session_members() { # session_members <sid> <leader start time>
  local p sid st
  while read -r p sid; do
    [ "$sid" = "$1" ] || continue
    st=$(proc_start "$p") || continue
    [ "$st" -ge "$2" ] && echo "$p"
  done < <(ps -e -o pid= -o sid=)
  return 0
}

stop_svc() {
  local name=$1 pf=$RUN/$1.pid pid start i members
  [ -e "$pf" ] || return 0
  read -r pid start <"$pf" || true
  if [ -z "$pid" ] || [ -z "$start" ]; then rm -f "$pf"; return 0; fi
  if pid_alive "$name"; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
  fi
  for i in $(seq 1 60); do
    members=$(session_members "$pid" "$start")
    [ -z "$members" ] && break
    # leader gone but workers left behind: ask them too
    pid_alive "$name" || kill -TERM $members 2>/dev/null || true
    sleep 0.5
  done
  members=$(session_members "$pid" "$start")
  if [ -n "$members" ]; then
    log "$name did not stop within 30s, sending SIGKILL to: $members"
    # shellcheck disable=SC2086
    kill -KILL $members 2>/dev/null || true
  fi
  rm -f "$pf"
}

http_ok() { curl -s -o /dev/null -m 5 "$1"; }   # any HTTP answer counts

rabbit_ok() { # AMQP login with the service credentials (kombu calls the scheme amqp)
  "$PY" - "amqp://${RABBIT_URL#rabbit://}" <<'PYEOF'
import sys, kombu
with kombu.Connection(sys.argv[1], connect_timeout=3) as c:
    c.connect()
PYEOF
}

# api_port <name>: the port of an API daemon (empty for the others)
api_port() {
  case $1 in
    keystone) echo "$OSTB_PORT_KEYSTONE" ;; placement) echo "$OSTB_PORT_PLACEMENT" ;;
    glance-api) echo "$OSTB_PORT_GLANCE" ;; nova-api) echo "$OSTB_PORT_NOVA" ;;
    neutron-server) echo "$OSTB_PORT_NEUTRON" ;; cinder-api) echo "$OSTB_PORT_CINDER" ;;
    heat-api) echo "$OSTB_PORT_HEAT" ;;
  esac
}
