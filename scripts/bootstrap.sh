#!/usr/bin/env bash
# Gets a fresh machine ready: the pinned pnpm, then the workspace's exact dependencies.
# Sourced by scripts/test.sh and scripts/dev.sh, so `pnpm` is on PATH afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="12.4.2"

# Never let a tool download a browser of its own: tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export STORYBOOK_DISABLE_TELEMETRY=1
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  TOOLS="$ROOT/.cache/tools"
  if [ ! -x "$TOOLS/node_modules/.bin/pnpm" ] || [ "$("$TOOLS/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    echo "› installing pnpm@$PNPM_VERSION into .cache/tools"
    npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS" "pnpm@$PNPM_VERSION"
  fi
  export PATH="$TOOLS/node_modules/.bin:$PATH"
fi

cd "$ROOT"
echo "› pnpm $(pnpm --version): installing the workspace from the lockfile"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | tail -n 5
