#!/usr/bin/env bash
# npm run setup: Debian's chromium for the browser tests (from apt, only when missing), then `npm ci`.
#   scripts/setup.sh                  chromium if missing, then npm ci
#   scripts/setup.sh --chromium-only  chromium if missing (what `npm test` calls)
# Playwright's own browser download cannot work here (no CDN access); playwright.config.ts points at
# /usr/bin/chromium (or $CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup: chromium is missing and sudo is not available; run as root: apt-get install chromium fonts-liberation" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "setup: installing Debian's chromium and fonts-liberation (apt-get, --no-install-recommends)..."
  # DEBIAN_FRONTEND goes through `env` so it survives sudo; the lock timeout waits for a busy dpkg.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 -qq)
  "${sudo[@]}" "${apt[@]}" update </dev/null
  "${sudo[@]}" "${apt[@]}" install -y --no-install-recommends chromium fonts-liberation </dev/null
  command -v chromium >/dev/null 2>&1
}

# Korean UI text needs a Hangul font, or screenshots show empty boxes (fonts-nanum is small).
ensure_korean_font() {
  if ! command -v fc-list >/dev/null 2>&1 || [ -n "$(fc-list :lang=ko 2>/dev/null | head -1)" ]; then return 0; fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: no Korean font; run as root: apt-get install fonts-nanum" >&2; return 0; }
    sudo=(sudo)
  fi
  echo "setup: installing a Korean font (fonts-nanum)..."
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 -qq)
  "${sudo[@]}" "${apt[@]}" install -y --no-install-recommends fonts-nanum </dev/null ||
    { "${sudo[@]}" "${apt[@]}" update </dev/null && "${sudo[@]}" "${apt[@]}" install -y --no-install-recommends fonts-nanum </dev/null; } ||
    echo "setup: could not install fonts-nanum; Korean text may show as boxes in screenshots" >&2
}

ensure_chromium
ensure_korean_font
if [ "${1:-}" != "--chromium-only" ]; then
  npm ci --no-audit --no-fund
fi
