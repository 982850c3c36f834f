#!/usr/bin/env bash
# The whole suite, from a fresh clone: set-up, typecheck, lint, build, unit tests,
# contract lint and drift, package lint, and story tests in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bash scripts/ensure-chromium.sh
pnpm run check
