#!/usr/bin/env bash
# Install the Android SDK packages heed's emulator needs: platform-tools, emulator, platform and system image 34.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--image <system image>] [--yes]

Installs with sdkmanager: platform-tools, emulator, platforms;android-34 and the system image
(default: system-images;android-34;google_apis;x86_64). Needs the Android command-line tools
(sdkmanager) and ANDROID_HOME (or ANDROID_SDK_ROOT). --yes accepts the SDK licences.
USAGE
}

image="system-images;android-34;google_apis;x86_64"
accept=0
while (($#)); do
  case "$1" in
    --image) image="${2:?--image needs a value}"; shift 2 ;;
    --yes) accept=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

sdkmanager="$(sdk_tool sdkmanager)"
if ((accept)); then
  yes | "$sdkmanager" --licenses >/dev/null || true
fi
say "installing into $(sdk_root): platform-tools emulator platforms;android-34 $image"
"$sdkmanager" --install "platform-tools" "emulator" "platforms;android-34" "$image"
