#!/usr/bin/env bash
# Create the AVD heed uses: a Pixel-profile Android 14 device.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--name <avd>] [--device <profile>] [--image <system image>]

Creates (or replaces) an AVD. Defaults: --name heed-pixel --device pixel_7
--image "system-images;android-34;google_apis;x86_64".
USAGE
}

name="heed-pixel"
device="pixel_7"
image="system-images;android-34;google_apis;x86_64"
while (($#)); do
  case "$1" in
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --device) device="${2:?--device needs a value}"; shift 2 ;;
    --image) image="${2:?--image needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

avdmanager="$(sdk_tool avdmanager)"
echo "no" | "$avdmanager" create avd --force --name "$name" --device "$device" --package "$image"
say "created AVD $name ($device, $image)"
