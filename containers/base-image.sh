#!/usr/bin/env bash
# Makes the base image fgc's verification image builds on, without any image registry: a minimal
# Debian root filesystem from debootstrap, imported into the local Docker engine.
# The mirror is the one this machine's own apt configuration uses, read at run time.
# Usage: containers/base-image.sh [IMAGE]   (default fgc-base:bookworm)
set -euo pipefail
image="${1:-fgc-base:bookworm}"
suite="${FGC_BASE_SUITE:-bookworm}"

die() { echo "base-image.sh: error: $*" >&2; exit 2; }

# The first http(s) source this machine's apt uses for Debian, from one-line or deb822 files.
apt_mirror() {
  local files=()
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || return 0
  {
    grep -h -E '^[[:space:]]*deb[[:space:]]' "${files[@]}" 2>/dev/null \
      | sed -E 's/\[[^]]*\]//' | awk '{print $2}'
    grep -h -E '^[[:space:]]*URIs:' "${files[@]}" 2>/dev/null | sed -E 's/^[[:space:]]*URIs:[[:space:]]*//' \
      | tr ' ' '\n'
  } | grep -E '^https?://' | grep -v -E 'security|updates' | head -1
}

command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install -y debootstrap)"
command -v docker >/dev/null || die "docker not found (apt-get install -y docker.io)"
mirror="${FGC_BASE_MIRROR:-$(apt_mirror)}"
[ -n "$mirror" ] || die "no Debian mirror in /etc/apt/sources.list(.d); set FGC_BASE_MIRROR"

root="$(mktemp -d "${TMPDIR:-/tmp}/fgc-rootfs.XXXXXX")"
trap 'rm -rf "$root"' EXIT
echo "base-image.sh: debootstrap --variant=minbase $suite (mirror from apt configuration)" >&2
if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.log" 2>&1; then
  tail -20 "$root.log" >&2
  rm -f "$root.log"
  die "debootstrap failed"
fi
rm -f "$root.log"
# The image gets the same sources as the machine's apt, so apt works inside docker build.
rm -rf "$root"/var/cache/apt/archives/*.deb
tar -C "$root" -c . | docker import - "$image" >/dev/null
echo "base-image.sh: imported $image" >&2
