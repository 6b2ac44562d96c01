#!/usr/bin/env bash
# Browser tests of the web console: `npm ci && npm run test:e2e` in web-console/ with Debian's Chromium.
# Skips with a note while web-console/package.json does not exist. Run from the repository root or by .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=.ci/lib.sh
source .ci/lib.sh

if [ ! -f web-console/package.json ]; then
  ci_note "SKIPPED: web-console/package.json does not exist yet (the console is a later issue); no browser tests to run"
  exit 0
fi

if [ ! -f web-console/package-lock.json ]; then
  ci_note "web-console/package-lock.json is missing: npm ci needs the committed lock file (run npm install once and commit it)"
  exit 1
fi
if ! grep -q '"test:e2e"' web-console/package.json; then
  ci_note "web-console/package.json has no \"test:e2e\" script"
  exit 1
fi

# Browsers come from Debian, never from a tool's own download (only the package registries are reachable).
if ! command -v chromium >/dev/null 2>&1; then
  ci_apt_install chromium
fi
# a CJK font, or the Chinese UI renders as boxes in the screenshots
if ! fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then
  ci_apt_install fonts-wqy-microhei
fi
CHROMIUM=$(command -v chromium)
ci_note "browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
export CHROME_BIN="$CHROMIUM" CHROMIUM_PATH="$CHROMIUM" PUPPETEER_EXECUTABLE_PATH="$CHROMIUM"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH="$CHROMIUM"

cd web-console
npm ci --no-audit --no-fund
npm run test:e2e
