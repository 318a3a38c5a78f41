#!/usr/bin/env bash
# Save or restore a named emulator snapshot (a clean state to reset to between episodes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") save|load|list [name]

save <name>  save the running emulator's state (default name: heed-clean)
load <name>  restore it and wait for the device
list         list the snapshots
Uses ANDROID_SERIAL to pick the emulator when several run.
USAGE
}

action="${1:-}"
name="${2:-heed-clean}"
case "$action" in
  save) adb_cmd emu avd snapshot save "$name" ;;
  load) adb_cmd emu avd snapshot load "$name"; wait_for_boot 120 ;;
  list) adb_cmd emu avd snapshot list ;;
  -h|--help) usage ;;
  *) usage >&2; die "say save, load or list" ;;
esac
