# Sourced by the perf scripts: starts a node server script in the background and sets `work` (a temporary
# folder, removed at exit with the server stopped), `server_pid` and `port`.
#   start_node_server SCRIPT
# Servers that bind port 0 themselves report the port in their ready line (PROTOCOL.md); one that takes
# --port is handed a port that was free a moment ago, and that port is used when the line has none.
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_node_server() {
  local script=$1 free_port args=()
  free_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  grep -q -- '--port' "$script" && args=(--port "$free_port")
  node "$script" "${args[@]}" >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 100); do grep -q '"ready"' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
  grep -q '"ready"' "$work/server.out" || { echo "the server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }
  port=$(head -n1 "$work/server.out" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin).get("port", 0))')
  [ "$port" != 0 ] || port=$free_port
}
