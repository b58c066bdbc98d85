#!/usr/bin/env bash
# Builds stand-in engine images from Debian packages, for machines that reach no container
# registry (air-gapped CI, or ours). Each image is laid out like the official one and gets a
# local name of its own (local/<engine>:<version>); the harness is pointed at them through
# the HARNESS_IMAGE_* overrides this script writes to .env.images.
#
#   bash scripts/build-offline-images.sh            build what is missing
#   bash scripts/build-offline-images.sh --rebuild  build all again
#
# Needs: a running Docker engine, debootstrap (for the base image), and a reachable Debian
# mirror. Nothing is pulled from a registry.
set -euo pipefail
export DOCKER_BUILDKIT=0  # the legacy builder needs no buildx plugin, which Debian's docker.io lacks
cd "$(dirname "$0")/.."

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BASE=local/debian-base:bookworm
COMPOSE=monitoring/docker-compose.monitoring.yml
rebuild=0
[ "${1:-}" = "--rebuild" ] && rebuild=1

die() { echo "build-offline-images: $*" >&2; exit 1; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

docker info >/dev/null 2>&1 || die "Docker is unreachable (docker info failed). Start the Docker engine (e.g. 'dockerd &'), then run this again."

# The version an official image is pinned to in the compose file, without a leading v.
pinned_version() {
  local ref
  ref=$(grep -E "^\s+image:\s*$1:" "$COMPOSE" | head -n1 | sed -E 's/.*:\s*[^:]+:v?//; s/\s+$//')
  [ -n "$ref" ] || die "no pin for $1 in $COMPOSE"
  echo "$ref"
}
# The database pin lives under x-harness-images (it belongs to the application's compose file).
database_pin() { grep -E '^\s+database:' "$COMPOSE" | head -n1 | sed -E 's/.*database:\s*//; s/\s+$//'; }

if [ "$rebuild" = 1 ] || ! have_image "$BASE"; then
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  echo "==> base image $BASE (debootstrap bookworm from $MIRROR, about 40 s)"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >/dev/null
  tar -C "$rootfs" -c . | docker import - "$BASE" >/dev/null
fi

# debootstrap_base <suite>: local/debian-base:<suite>, for stand-ins whose engine only a newer
# Debian ships (JRuby: trixie).
debootstrap_base() {
  local suite=$1 tag="local/debian-base:$1"
  if [ "$rebuild" = 1 ] || ! have_image "$tag"; then
    command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
    local root
    root=$(mktemp -d)
    echo "==> base image $tag (debootstrap $suite from $MIRROR, 1 to 3 minutes)"
    debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >/dev/null || { rm -rf "$root"; die "debootstrap $suite from $MIRROR failed (does the mirror serve $suite?)"; }
    tar -C "$root" -c . | docker import - "$tag" >/dev/null
    rm -rf "$root"
  fi
}

overrides=()
# build <engine dir> <local name> <version expected from the pin> <command printing the version> <env name>
build() {
  local dir=$1 name=$2 want=$3 version_cmd=$4 env=$5
  local tag="$name:$want"
  if [ "$rebuild" = 1 ] || ! have_image "$tag"; then
    echo "==> $tag (images/$dir)"
    local log
    log=$(mktemp)
    # The legacy builder prints a deprecation notice on every build: show its output only on failure.
    docker build -q --build-arg "BASE=$BASE" -t "$tag" "images/$dir" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; die "building $tag failed (output above)"; }
    rm -f "$log"
    local got
    got=$(docker run --rm --entrypoint sh "$tag" -c "$version_cmd" 2>&1 | head -n1)
    case "$got" in
      *"$want"*) ;;
      *) docker rmi "$tag" >/dev/null; die "Debian's package for $dir reports '$got', but the compose file pins $want. A stand-in must run the pinned version: change the pin in $COMPOSE, or build from a mirror that has $want." ;;
    esac
  fi
  overrides+=("$env=$tag")
}

build prometheus      local/prometheus      "$(pinned_version prom/prometheus)"      '/bin/prometheus --version'      HARNESS_IMAGE_PROMETHEUS
build alertmanager    local/alertmanager    "$(pinned_version prom/alertmanager)"    '/bin/alertmanager --version'    HARNESS_IMAGE_ALERTMANAGER
build node-exporter   local/node-exporter   "$(pinned_version prom/node-exporter)"   '/bin/node_exporter --version'   HARNESS_IMAGE_NODE_EXPORTER
build mysqld-exporter local/mysqld-exporter "$(pinned_version prom/mysqld-exporter)" '/bin/mysqld_exporter --version' HARNESS_IMAGE_MYSQLD_EXPORTER
# The app runs MySQL; MariaDB speaks its protocol and is what Debian ships. The tag says so.
echo "    (the database pin is $(database_pin); its stand-in is MariaDB, protocol-compatible)"
build mariadb         local/mariadb         "10.11"                                   'mariadbd --version'             HARNESS_IMAGE_DATABASE

# JRuby runs the pipeline's Ruby code in the logs tests. The pin (x-harness-images: jruby) is
# the official image of the JRuby Logstash 8.17.4 bundles; Debian trixie ships the same 9.4 line
# at another patch release. The stand-in is tagged with the exact Debian version it installs,
# and the tests print both versions. When the mirror drops this version, the build fails naming
# it: move JRUBY_DEB_VERSION to the one the mirror has (apt-cache madison jruby, in trixie).
JRUBY_DEB_VERSION=9.4.8.0+ds-3
jruby_pin=$(grep -E '^\s+jruby:' "$COMPOSE" | head -n1 | sed -E 's/^\s+jruby:\s*//; s/\s+$//')
[ -n "$jruby_pin" ] || die "no jruby pin under x-harness-images in $COMPOSE"
jruby_tag="local/jruby:${JRUBY_DEB_VERSION//+/-}"   # Docker tags have no '+'
if [ "$rebuild" = 1 ] || ! have_image "$jruby_tag"; then
  debootstrap_base trixie
  echo "==> $jruby_tag (images/jruby: Debian's jruby=$JRUBY_DEB_VERSION, stand-in for $jruby_pin)"
  log=$(mktemp)
  if ! docker build -q --build-arg BASE=local/debian-base:trixie --build-arg "JRUBY_DEB_VERSION=$JRUBY_DEB_VERSION" -t "$jruby_tag" images/jruby >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    die "building $jruby_tag failed (output above). If the mirror no longer has jruby=$JRUBY_DEB_VERSION, move JRUBY_DEB_VERSION in scripts/build-offline-images.sh."
  fi
  rm -f "$log"
  got=$(docker run --rm --entrypoint jruby "$jruby_tag" --version 2>&1 | head -n1)
  case "$got" in
    "jruby ${JRUBY_DEB_VERSION%%+*} "*) ;;
    *) docker rmi "$jruby_tag" >/dev/null; die "the jruby stand-in reports '$got', not JRuby ${JRUBY_DEB_VERSION%%+*}" ;;
  esac
fi
echo "    (the jruby pin is $jruby_pin; its stand-in runs JRuby ${JRUBY_DEB_VERSION%%+*}: same line, another patch release)"
overrides+=("HARNESS_IMAGE_JRUBY=$jruby_tag")

{
  echo "# Written by scripts/build-offline-images.sh: stand-in images for engines no registry could supply."
  echo "# The harness reads this file; variables set in the environment take precedence."
  printf '%s\n' "${overrides[@]}"
} > .env.images
echo "==> wrote .env.images:"
sed -n '3,$p' .env.images | sed 's/^/    /'
