#!/usr/bin/env bash
# Builds stand-in engine images from Debian packages, for machines that reach no container
# registry (air-gapped CI, or ours). Each image is laid out like the official one and gets a
# local name of its own (local/<engine>:<version>); the harness is pointed at them through
# the HARNESS_IMAGE_* overrides this script writes. Which Debian suite and exact package
# version each stand-in is built from is in images/stand-ins.txt.
#
#   bash scripts/build-offline-images.sh                        the pinned engines; writes .env.images
#   bash scripts/build-offline-images.sh --set prometheus-2.53  the 2.x matrix; writes .env.prometheus-2.53
#   bash scripts/build-offline-images.sh --rebuild              build all again (base images too)
#
# Needs: a running Docker engine, debootstrap (for the base images), and a reachable Debian
# mirror. Nothing is pulled from a registry.
set -euo pipefail
export DOCKER_BUILDKIT=0  # the legacy builder needs no buildx plugin, which Debian's docker.io lacks
cd "$(dirname "$0")/.."

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
COMPOSE=monitoring/docker-compose.monitoring.yml
STAND_INS=images/stand-ins.txt
rebuild=0
set_name=pinned
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) rebuild=1 ;;
    --set) set_name="${2:?--set needs a set name from images/stand-ins.txt}"; shift ;;
    *) echo "usage: $0 [--rebuild] [--set <set of images/stand-ins.txt>]" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "build-offline-images: $*" >&2; exit 1; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

docker info >/dev/null 2>&1 || die "Docker is unreachable (docker info failed). Start the Docker engine (e.g. 'dockerd &'), then run this again."

# --- Base images: one function per Debian suite ------------------------------------------
# debootstrap_base <suite> [<function given the rootfs before it is imported>]
debootstrap_base() {
  local suite=$1 prepare=${2:-} tag="local/debian-base:$1"
  case " ${rebuilt_bases:-} " in *" $suite "*) return 0 ;; esac
  if [ "$rebuild" = 0 ] && have_image "$tag"; then return 0; fi
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  local rootfs
  rootfs=$(mktemp -d)
  echo "==> base image $tag (debootstrap $suite from $MIRROR, 40-90 s)"
  debootstrap --variant=minbase "$suite" "$rootfs" "$MIRROR" >/dev/null || { rm -rf "$rootfs"; die "debootstrap $suite from $MIRROR failed"; }
  [ -z "$prepare" ] || "$prepare" "$rootfs"
  tar -C "$rootfs" -c . | docker import - "$tag" >/dev/null
  rm -rf "$rootfs"
  rebuilt_bases="${rebuilt_bases:-} $suite"
}
base_bookworm() { debootstrap_base bookworm; }
base_trixie() { debootstrap_base trixie; }
# The mirror is a snapshot: sid's Release file carries a Valid-Until long past, which apt
# refuses unless told not to check. Stable suites carry none, so only sid needs this.
sid_accepts_snapshot() { echo 'Acquire::Check-Valid-Until "false";' > "$1/etc/apt/apt.conf.d/99snapshot-mirror"; }
base_sid() { debootstrap_base sid sid_accepts_snapshot; }

# --- Stand-ins ------------------------------------------------------------------------------
# engine → image directory, binary, official image, override variable
engine_info() {
  case "$1" in
    prometheus)      echo "prometheus /bin/prometheus prom/prometheus HARNESS_IMAGE_PROMETHEUS" ;;
    alertmanager)    echo "alertmanager /bin/alertmanager prom/alertmanager HARNESS_IMAGE_ALERTMANAGER" ;;
    node-exporter)   echo "node-exporter /bin/node_exporter prom/node-exporter HARNESS_IMAGE_NODE_EXPORTER" ;;
    mysqld-exporter) echo "mysqld-exporter /bin/mysqld_exporter prom/mysqld-exporter HARNESS_IMAGE_MYSQLD_EXPORTER" ;;
    # The app runs MySQL; MariaDB speaks its protocol and is what Debian ships. The tag says so.
    database)        echo "mariadb mariadbd - HARNESS_IMAGE_DATABASE" ;;
    *) die "$STAND_INS names an unknown engine \"$1\"" ;;
  esac
}
# 1:10.11.18-0+deb12u1 → 10.11.18, 3.5.3+ds1-6 → 3.5.3: the upstream release of a Debian version.
upstream_of() { sed -E 's/^[0-9]+://; s/[+~-].*$//' <<<"$1"; }
minor_of() { cut -d. -f1,2 <<<"$1"; }
# The official image's pinned version, without a leading v.
pinned_version() {
  local ref
  ref=$(grep -E "^\s+image:\s*$1:" "$COMPOSE" | head -n1 | sed -E 's/.*:\s*[^:]+:v?//; s/\s+$//')
  [ -n "$ref" ] || die "no pin for $1 in $COMPOSE"
  echo "$ref"
}

# The mirror no longer has the exact version: say which pin to move, and to what.
explain_missing() {
  local engine=$1 suite=$2 package=$3 version=$4 official=$5 have
  have=$(docker run --rm "local/debian-base:$suite" sh -c "apt-get update -qq >/dev/null 2>&1; apt-cache madison $package" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}' | paste -sd' ' -)
  local pin_note=""
  [ "$official" = - ] || pin_note=" If that is another release than the compose pin ($official:v$(pinned_version "$official")), move the pin too, in $COMPOSE, k8s/ and the README's version table (\`npm run check -- --only deploy/\` holds them together); a different patch of the same line may also stay pinned, and every run then reports the stand-in as a different patch."
  die "Debian $suite on $MIRROR no longer carries $package $version (it has: ${have:-no version at all}). The $engine stand-in is pinned to that exact version in $STAND_INS: move that line to a version the mirror has.$pin_note"
}

overrides=()
# build_stand_in <engine> <suite> <package> <exact Debian version>
build_stand_in() {
  local engine=$1 suite=$2 package=$3 version=$4 dir binary official env
  read -r dir binary official env <<<"$(engine_info "$engine")"
  local upstream tag
  upstream=$(upstream_of "$version")
  tag="local/$dir:$upstream"
  "base_$suite"
  if [ "$rebuild" = 1 ] || ! have_image "$tag"; then
    echo "==> $tag (images/$dir, Debian $suite $package $version)"
    local log
    log=$(mktemp)
    # The legacy builder prints a deprecation notice on every build: show its output only on failure.
    if ! docker build -q --build-arg "BASE=local/debian-base:$suite" --build-arg "PACKAGE_VERSION=$version" \
      --label "org.opencontainers.image.version=$upstream" --label "timetable.stand-in=Debian $suite $package $version" \
      -t "$tag" "images/$dir" >"$log" 2>&1; then
      if grep -qE "Version '.*' for '.*' was not found|has no installation candidate" "$log"; then rm -f "$log"; explain_missing "$engine" "$suite" "$package" "$version" "$official"; fi
      cat "$log" >&2; rm -f "$log"; die "building $tag failed (output above)"
    fi
    rm -f "$log"
    local got
    got=$(docker run --rm --entrypoint sh "$tag" -c "$binary --version" 2>&1 | head -n1)
    case "$got" in
      *"$upstream"*) ;;
      *) docker rmi "$tag" >/dev/null; die "Debian $suite's $package $version reports '$got', not $upstream: fix the line of $engine in $STAND_INS." ;;
    esac
  fi
  if [ "$set_name" = pinned ] && [ "$official" != - ]; then
    local pin
    pin=$(pinned_version "$official")
    if [ "$(minor_of "$pin")" != "$(minor_of "$upstream")" ]; then
      die "$COMPOSE pins $official:v$pin, but its stand-in ($STAND_INS) is Debian $suite's $upstream, another line. Point the $engine line of $STAND_INS at a $(minor_of "$pin").x package (the suite that carries it), or move the pin."
    elif [ "$pin" != "$upstream" ]; then
      echo "    note: $official is pinned at v$pin, its stand-in $tag is another patch (every run reports it)"
    fi
  fi
  overrides+=("$env=$tag")
}

rows=$(grep -vE '^\s*(#|$)' "$STAND_INS" | awk -v s="$set_name" '$1 == s { print $2, $3, $4, $5 }')
[ -n "$rows" ] || die "$STAND_INS has no set \"$set_name\" (sets: $(grep -vE '^\s*(#|$)' "$STAND_INS" | awk '{print $1}' | sort -u | paste -sd' ' -))"
while read -r engine suite package version; do
  build_stand_in "$engine" "$suite" "$package" "$version"
done <<<"$rows"
[ "$set_name" != pinned ] || echo "    (the database pin is $(grep -E '^\s+database:' "$COMPOSE" | head -n1 | sed -E 's/.*database:\s*//'); its stand-in is MariaDB, protocol-compatible)"

# JRuby runs the pipeline's Ruby code in the logs tests. The pin (x-harness-images: jruby) is
# the official image of the JRuby Logstash 8.17.4 bundles; Debian trixie ships the same 9.4 line
# at another patch release. The stand-in is tagged with the exact Debian version it installs,
# and the tests print both versions. When the mirror drops this version, the build fails naming
# it: move JRUBY_DEB_VERSION to the one the mirror has (apt-cache madison jruby, in trixie).
# Part of the pinned set only: the 2.x matrix overrides the Prometheus engines alone.
if [ "$set_name" = pinned ]; then
  JRUBY_DEB_VERSION=9.4.8.0+ds-3
  jruby_pin=$(grep -E '^\s+jruby:' "$COMPOSE" | head -n1 | sed -E 's/^\s+jruby:\s*//; s/\s+$//')
  [ -n "$jruby_pin" ] || die "no jruby pin under x-harness-images in $COMPOSE"
  jruby_tag="local/jruby:${JRUBY_DEB_VERSION//+/-}"   # Docker tags have no '+'
  if [ "$rebuild" = 1 ] || ! have_image "$jruby_tag"; then
    base_trixie
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
fi

out=.env.images
[ "$set_name" = pinned ] || out=".env.$set_name"
{
  echo "# Written by scripts/build-offline-images.sh: stand-in images for engines no registry could supply."
  if [ "$set_name" = pinned ]; then
    echo "# The harness reads this file; variables set in the environment take precedence."
  else
    echo "# Set \"$set_name\" of $STAND_INS. Use it with: set -a; . ./$out; set +a; npm test"
  fi
  printf '%s\n' "${overrides[@]}"
} > "$out"
echo "==> wrote $out:"
sed -n '3,$p' "$out" | sed 's/^/    /'
