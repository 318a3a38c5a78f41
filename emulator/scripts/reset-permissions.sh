#!/usr/bin/env bash
# Put the runtime permissions of task apps back to "never asked", so their dialogs appear again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") <package> [<package> ...]

For each package: revokes every runtime permission dumpsys lists for it and clears the user-set and
user-fixed flags (so the next request shows the dialog), then force-stops the app.
USAGE
}

(($#)) || { usage >&2; die "name at least one package"; }
[[ "$1" == "-h" || "$1" == "--help" ]] && { usage; exit 0; }

for pkg in "$@"; do
  if ! adb_cmd shell pm path "$pkg" >/dev/null 2>&1; then
    die "$pkg is not installed on $(adb_cmd get-serialno)"
  fi
  # The runtime permissions section of dumpsys names each permission once per user; user 0 is enough here.
  mapfile -t perms < <(adb_cmd shell dumpsys package "$pkg" | tr -d '\r' |
    sed -n '/runtime permissions:/,/^ *[A-Za-z ]*:$/p' | grep -o 'android\.permission\.[A-Z_]*' | sort -u)
  for perm in "${perms[@]}"; do
    adb_cmd shell pm revoke "$pkg" "$perm" >/dev/null 2>&1 || true
    adb_cmd shell pm clear-permission-flags "$pkg" "$perm" user-set user-fixed >/dev/null 2>&1 || true
  done
  adb_cmd shell am force-stop "$pkg"
  say "$pkg: reset ${#perms[@]} runtime permissions"
done
