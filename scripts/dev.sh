#!/usr/bin/env bash
# The main job, from a fresh clone: set-up, then Storybook (every widget and state).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec pnpm run storybook
