#!/usr/bin/env bash
# Install Appium with the UiAutomator2 driver if needed and start it on 127.0.0.1 with adb_shell allowed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--port <port>] [--log <file>] [--timeout <s>]

Uses the appium installed with heed (node_modules/.bin/appium) or on PATH; installs the uiautomator2 driver
when it is missing (appium driver install uiautomator2); starts
  appium --address 127.0.0.1 --port <port> --allow-insecure '*:adb_shell'
in the background and waits for /status. Defaults: --port 4723 --log appium.log --timeout 60.
USAGE
}

port=4723
log="appium.log"
timeout=60
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --log) log="${2:?--log needs a value}"; shift 2 ;;
    --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

root="$(cd "$here/../.." && pwd)"
if [[ -x "$root/node_modules/.bin/appium" ]]; then
  appium="$root/node_modules/.bin/appium"
elif command -v appium >/dev/null 2>&1; then
  appium="$(command -v appium)"
else
  die "appium not found: run npm install in $root, or npm install -g appium"
fi
if ! "$appium" driver list --installed --json 2>/dev/null | grep -q '"uiautomator2"'; then
  say "installing the UiAutomator2 driver"
  "$appium" driver install uiautomator2
fi
"$appium" --address 127.0.0.1 --port "$port" --allow-insecure '*:adb_shell' >"$log" 2>&1 &
pid=$!
say "appium pid $pid (log: $log)"
for ((i = 0; i < timeout; i++)); do
  if curl -fsS "http://127.0.0.1:${port}/status" >/dev/null 2>&1; then
    printf 'http://127.0.0.1:%s\n' "$port"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || die "appium exited; see $log"
  sleep 1
done
die "appium did not answer on port $port within ${timeout}s; see $log"
