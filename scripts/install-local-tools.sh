#!/usr/bin/env bash
# Puts promtool and amtool from Debian's packages on the PATH (/usr/local/bin), so `check` and
# the rule tests run them directly instead of inside the engine images (faster; the harness
# uses a local binary only when its version matches the compose pin). Debian/Ubuntu only;
# elsewhere the tools simply run inside the pinned images.
set -euo pipefail
cd "$(dirname "$0")/.."
want_prom=$(grep -E '^\s+image:\s*prom/prometheus:' monitoring/docker-compose.monitoring.yml | sed -E 's/.*:v?//')
want_am=$(grep -E '^\s+image:\s*prom/alertmanager:' monitoring/docker-compose.monitoring.yml | sed -E 's/.*:v?//')
has() { command -v "$1" >/dev/null && "$1" --version 2>&1 | grep -q "version $2"; }
if has promtool "$want_prom" && has amtool "$want_am"; then
  echo "promtool $want_prom and amtool $want_am already on the PATH"
  exit 0
fi
command -v apt-get >/dev/null || { echo "no apt-get here: promtool/amtool will run inside the engine images"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && apt-get download -q prometheus prometheus-alertmanager >/dev/null 2>&1 ) || { apt-get update -q >/dev/null && ( cd "$work" && apt-get download -q prometheus prometheus-alertmanager >/dev/null ); }
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
"$work/x/usr/bin/promtool" --version 2>&1 | grep -q "version $want_prom" || { echo "Debian's promtool is not $want_prom: leaving the tools to the engine images"; exit 0; }
install -m 0755 "$work/x/usr/bin/promtool" "$work/x/usr/bin/amtool" /usr/local/bin/
echo "installed promtool $want_prom and amtool $want_am in /usr/local/bin"
