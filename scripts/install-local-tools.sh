#!/usr/bin/env bash
# Puts promtool and amtool of the engines under test on the PATH, as /usr/local/bin/promtool-<version>
# and amtool-<version>, so `check` and the rule tests run them directly instead of inside the
# engine images (faster; the harness uses a local binary only when its version matches the
# engine image it tests). Versioned names let several lines live side by side (3.5 for the
# pins, 2.53 for the matrix, or another checkout's); plain `promtool`/`amtool` links are added
# only where none exist, never replaced.
#
#   bash scripts/install-local-tools.sh                      the pinned versions
#   bash scripts/install-local-tools.sh --set prometheus-2.53
#
# The binaries come from the exact Debian packages images/stand-ins.txt names, in the suite that
# carries them (sid for 3.5), through apt with a private state directory: the host's sources
# are left alone and signatures are checked against Debian's keyring. They are static Go
# binaries, so a bookworm host runs sid's. Debian/Ubuntu only; elsewhere the tools simply run
# inside the engine images.
set -euo pipefail
cd "$(dirname "$0")/.."
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
STAND_INS=images/stand-ins.txt
set_name=pinned
[ "${1:-}" = "--set" ] && set_name="${2:?--set needs a set name from $STAND_INS}"

row() { grep -vE '^\s*(#|$)' "$STAND_INS" | awk -v s="$set_name" -v e="$1" '$1 == s && $2 == e { print $3, $4, $5 }'; }
upstream_of() { sed -E 's/^[0-9]+://; s/[+~-].*$//' <<<"$1"; }
read -r prom_suite _ prom_version <<<"$(row prometheus)"
read -r am_suite _ am_version <<<"$(row alertmanager)"
if [ -z "${prom_version:-}" ] || [ -z "${am_version:-}" ]; then
  echo "install-local-tools: $STAND_INS has no prometheus/alertmanager line in set \"$set_name\"" >&2
  exit 1
fi
want_prom=$(upstream_of "$prom_version")
want_am=$(upstream_of "$am_version")

has() { [ -x "/usr/local/bin/$1-$2" ] && "/usr/local/bin/$1-$2" --version 2>&1 | grep -q "version $2"; }
if has promtool "$want_prom" && has amtool "$want_am"; then
  echo "promtool-$want_prom and amtool-$want_am already in /usr/local/bin"
  exit 0
fi
command -v apt-get >/dev/null || { echo "no apt-get here: promtool/amtool will run inside the engine images"; exit 0; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/x"
for suite in $(printf '%s\n' "$prom_suite" "$am_suite" | sort -u); do
  echo "deb $MIRROR $suite main" >> "$work/sources.list"
done
# A snapshot mirror's sid Release file is past its Valid-Until: the signature is still checked.
apt_private=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work" -o Acquire::Check-Valid-Until=false
  -o APT::Get::List-Cleanup=false -o Debug::NoLocking=true -o APT::Sandbox::User=root)
apt-get "${apt_private[@]}" update -qq >/dev/null || { echo "install-local-tools: apt-get update of $MIRROR ($prom_suite $am_suite) failed" >&2; exit 1; }
# From 3.x promtool is its own package; older suites carry it in `prometheus`.
prom_pkg=prometheus
apt-cache "${apt_private[@]}" show "promtool=$prom_version" >/dev/null 2>&1 && prom_pkg=promtool
( cd "$work" && apt-get "${apt_private[@]}" download -q "$prom_pkg=$prom_version" "prometheus-alertmanager=$am_version" >/dev/null ) || {
  echo "install-local-tools: the mirror no longer carries $prom_pkg $prom_version or prometheus-alertmanager $am_version: move the lines in $STAND_INS (bash scripts/build-offline-images.sh says to what)" >&2
  exit 1
}
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
"$work/x/usr/bin/promtool" --version 2>&1 | grep -q "version $want_prom" || { echo "install-local-tools: Debian's promtool $prom_version is not $want_prom" >&2; exit 1; }
install -m 0755 "$work/x/usr/bin/promtool" "/usr/local/bin/promtool-$want_prom"
install -m 0755 "$work/x/usr/bin/amtool" "/usr/local/bin/amtool-$want_am"
[ -e /usr/local/bin/promtool ] || ln -s "promtool-$want_prom" /usr/local/bin/promtool
[ -e /usr/local/bin/amtool ] || ln -s "amtool-$want_am" /usr/local/bin/amtool
echo "installed promtool-$want_prom and amtool-$want_am in /usr/local/bin"
