#!/usr/bin/env bash
# fault.sh - break one testbed service on purpose and restore it (the live fault suite, FaultLiveIT, drives it):
#   fault.sh stop <daemon>      stop it as down.sh does (its port then refuses connections)
#   fault.sh start <daemon>     start it again as up.sh does and wait until it answers
#   fault.sh hang <daemon>      SIGSTOP every process of it (connections are accepted, nothing answers)
#   fault.sh resume <daemon>    SIGCONT them
#   fault.sh restore            resume every hung daemon and start every stopped one of FAULT_DAEMONS
#   fault.sh pids <daemon>      the processes of a running daemon
# Daemons: keystone glance-api nova-api neutron-server cinder-api heat-api rabbitmq (any daemon up.sh starts works).
# The testbed is shared: keep each fault short and always restore (the suite does, in finally and on exit).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
# shellcheck source=lib/daemons.sh
. "$HERE/lib/daemons.sh"

[ "$(id -u)" = 0 ] || die "run as root"
[ -d "$RUN" ] || die "no testbed at $OSTB_STATE_DIR (run up.sh)"
FAULT_DAEMONS=(keystone glance-api nova-api neutron-server cinder-api heat-api rabbitmq)
exec 9>"$OSTB_STATE_DIR/.fault-lock"   # one at a time (fd 9: start_svc closes it, daemons must not hold it)
flock -w 120 9 || die "another fault.sh holds $OSTB_STATE_DIR/.fault-lock"

members() { # members <daemon>: pids of its session, nothing when it is not running
  pid_alive "$1" || return 0
  session_members "$PF_PID" "$PF_START"
}

ready() { # ready <daemon>: its API answers (RabbitMQ: an AMQP login works)
  local port
  if [ "$1" = rabbitmq ]; then rabbit_ok >/dev/null 2>&1; return; fi
  port=$(api_port "$1")
  [ -z "$port" ] || http_ok "http://$OSTB_HOST:$port/"
}

start_and_wait() { # start_and_wait <daemon>
  local i
  start_daemon "$1"
  for i in $(seq 1 240); do
    ready "$1" && { log "$1 answers again"; return 0; }
    pid_alive "$1" || { tail -n 20 "$LOG/$1.log" >&2; die "$1 died while starting (log: $LOG/$1.log)"; }
    sleep 0.5
  done
  die "$1 did not answer within 120 s of its start"
}

signal() { # signal <STOP|CONT> <daemon>
  local pids
  pids=$(members "$2")
  [ -n "$pids" ] || die "$2 is not running"
  # shellcheck disable=SC2086
  kill -"$1" $pids
  log "SIG$1 $2 ($(echo $pids | wc -w) processes)"
}

[ $# -ge 1 ] || die "usage: fault.sh stop|start|hang|resume|pids <daemon> | restore"
op=$1 name=${2:-}
case $op in
  stop) daemon_command "$name"; pids=$(members "$name"); [ -z "$pids" ] || kill -CONT $pids; stop_svc "$name" ;;
  start) daemon_command "$name"; start_and_wait "$name" ;;
  hang) signal STOP "$name" ;;
  resume) signal CONT "$name" ;;
  pids) members "$name" ;;
  restore)
    for name in "${FAULT_DAEMONS[@]}"; do
      pids=$(members "$name")
      # shellcheck disable=SC2086
      if [ -n "$pids" ]; then kill -CONT $pids; else start_and_wait "$name"; fi
    done ;;
  *) die "unknown operation $op" ;;
esac
