#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: starts the demo on a fresh SQLite database, signs in and photographs the main
# pages at 1366×768 and 390×844 with Playwright (node) and Debian's Chromium. Needs a Release build of the solution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${SCREENSHOTS_PORT:-5199}"
work="$(mktemp -d)"
dll="$root/src/GiaDesk/bin/Release/net10.0/GiaDesk.dll"
package="$root/tests/GiaDesk.BrowserTests/bin/Release/net10.0/.playwright/package"
[ -f "$dll" ] && [ -d "$package" ] || { echo "Сначала: dotnet build GiaDesk.slnx -c Release" >&2; exit 1; }
Database__Provider=Sqlite ConnectionStrings__GiaDesk="Data Source=$work/giadesk.db" DataProtection__KeysFolder="$work/keys" \
  dotnet "$dll" serve --demo --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 1
done
mkdir -p "$root/docs/screenshots"
node "$root/scripts/screenshots.mjs" "http://127.0.0.1:$port" "$root/docs/screenshots" "$package"
