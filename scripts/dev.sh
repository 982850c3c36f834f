#!/usr/bin/env bash
# The main job, from a fresh clone: set-up, then the demo — the reference
# server (embedded PostgreSQL, sandbox payments, a seeded demo account) and the
# "Credits Manager" app. Ctrl-C stops both. Storybook: `pnpm storybook`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
echo "› building the packages the demo imports"
pnpm run build >/dev/null
export SEED_DEMO=1 DATA_DIR="${DATA_DIR:-$ROOT/.data/demo}" PORT_API="${PORT_API:-8787}" PORT_APP="${PORT_APP:-5173}"
# Sign-in as a host does it: the app's server (the host) signs short-lived tokens for its user
# with a secret the API verifies them with. A fresh secret each run; it never reaches the browser.
CREDITS_JWT_SECRET="${CREDITS_JWT_SECRET:-$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))")}"
export CREDITS_JWT_SECRET AUTH_JWT_SECRET="$CREDITS_JWT_SECRET" AUTH_JWT_ISSUER=credits-demo-host AUTH_JWT_AUDIENCE=credits-api
# The Server API's secret key: the app's server meters usage with it (hold, then capture); the
# browser never sees it. A fresh key each run.
CREDITS_API_KEY="${CREDITS_API_KEY:-sk_test_$(node -e "process.stdout.write(require('node:crypto').randomBytes(24).toString('hex'))")}"
export CREDITS_API_KEY CREDITS_API_KEYS="$CREDITS_API_KEY"
echo "› demo: open http://127.0.0.1:${PORT_APP} (API on http://127.0.0.1:${PORT_API}/api/credits/v1)"
exec pnpm exec concurrently --kill-others --names api,app --prefix-colors blue,green \
  "PORT=${PORT_API} pnpm --filter credits-server start" \
  "CREDITS_API=http://127.0.0.1:${PORT_API} pnpm --filter credits-example-vite-app dev --port ${PORT_APP} --strictPort"
