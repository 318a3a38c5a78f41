#!/usr/bin/env bash
# Start an AVD headless and wait until Android has finished booting.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--name <avd>] [--port <even port>] [--no-snapshot-save] [--timeout <s>]

Starts the emulator with -no-window -no-audio -no-boot-anim (logs in ./emulator-<port>.log) and waits for
sys.boot_completed. --no-snapshot-save keeps the clean snapshot clean. Prints the adb serial.
Defaults: --name heed-pixel --port 5554 --timeout 300.
USAGE
}

name="heed-pixel"
port=5554
timeout=300
extra=()
while (($#)); do
  case "$1" in
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
    --no-snapshot-save) extra+=(-no-snapshot-save); shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port % 2 != 0)); then
  die "--port must be an even number (the emulator uses port and port+1)"
fi
if [[ ! -e /dev/kvm ]]; then
  say "warning: /dev/kvm is missing; the x86_64 emulator will be very slow or refuse to start"
fi

emulator="$(sdk_tool emulator)"
log="emulator-${port}.log"
"$emulator" -avd "$name" -port "$port" -no-window -no-audio -no-boot-anim "${extra[@]}" >"$log" 2>&1 &
say "emulator pid $! (log: $log)"
export ANDROID_SERIAL="emulator-${port}"
wait_for_boot "$timeout"
printf '%s\n' "$ANDROID_SERIAL"
