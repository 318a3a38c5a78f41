#!/usr/bin/env bash
# Shared helpers for heed's real-emulator scripts. Sourced, not run.

# Print to stderr and exit non-zero.
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

say() {
  printf '%s\n' "$*" >&2
}

# The Android SDK root: ANDROID_HOME, then ANDROID_SDK_ROOT, then ~/Android/Sdk.
sdk_root() {
  local root="${ANDROID_HOME:-${ANDROID_SDK_ROOT:-$HOME/Android/Sdk}}"
  printf '%s\n' "$root"
}

# Find an SDK tool on PATH or in the usual SDK folders; die with what to install if it is missing.
sdk_tool() {
  local name="$1" root
  root="$(sdk_root)"
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return
  fi
  local dir
  for dir in "$root/cmdline-tools/latest/bin" "$root/platform-tools" "$root/emulator"; do
    if [[ -x "$dir/$name" ]]; then
      printf '%s\n' "$dir/$name"
      return
    fi
  done
  die "$name not found (SDK root: $root). Install the Android command-line tools and run sdk-install.sh, or set ANDROID_HOME."
}

# adb with the chosen serial (ANDROID_SERIAL is honoured by adb itself).
adb_cmd() {
  "$(sdk_tool adb)" "$@"
}

# Wait until `getprop sys.boot_completed` is 1, at most $1 seconds.
wait_for_boot() {
  local timeout="$1" waited=0
  adb_cmd wait-for-device
  until [[ "$(adb_cmd shell getprop sys.boot_completed 2>/dev/null | tr -d '\r')" == "1" ]]; do
    if ((waited >= timeout)); then
      die "the device did not finish booting within ${timeout}s"
    fi
    sleep 2
    waited=$((waited + 2))
  done
  say "device booted after ${waited}s"
}
