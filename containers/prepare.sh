#!/usr/bin/env bash
# Makes this machine ready for `fgc verify --in-container` and the container tests: installs the
# Docker engine and debootstrap when missing (Debian/Ubuntu, as root), starts dockerd when no
# engine answers, and builds the base and verification images unless the engine has them already
# (Docker's layer cache makes a rebuild of an unchanged Dockerfile take a fraction of a second).
# Nothing is pulled from a registry. Used by the README's test command and by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="fgc-base:bookworm"
image="fgc-verify:1"   # VerificationImage.NAME in the compiler
log_dir="${FGC_DOCKERD_LOG_DIR:-/var/log}"

say() { echo "prepare.sh: $*" >&2; }
die() { echo "prepare.sh: error: $*" >&2; exit 2; }

missing=()
command -v docker >/dev/null || missing+=(docker.io)
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null \
    || die "missing ${missing[*]}; install with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "no Docker engine answers and only root can start one (sudo dockerd &)"
  mkdir -p "$log_dir"
  say "starting dockerd (log: $log_dir/fgc-dockerd.log)"
  setsid nohup dockerd >>"$log_dir/fgc-dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || die "dockerd did not answer within 60 s; see $log_dir/fgc-dockerd.log"
fi

if ! docker image inspect "$base" >/dev/null 2>&1; then
  "$here/base-image.sh" "$base"
fi
say "building $image (cached layers are reused)"
build_log="$(mktemp)"
if ! docker build -t "$image" "$here/verify" >"$build_log" 2>&1; then
  tail -30 "$build_log" >&2
  rm -f "$build_log"
  die "building $image failed"
fi
rm -f "$build_log"
say "ready: $(docker image inspect -f '{{.Id}}' "$image" | cut -c1-19) $image"
