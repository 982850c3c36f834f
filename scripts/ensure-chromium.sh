#!/usr/bin/env bash
# Browser tests run in Debian's Chromium. This finds it, or installs the Debian
# package when it is missing and we are root. It never downloads a browser build.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then echo "› Chromium: $CHROMIUM_PATH"; exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi
if [ -x /usr/bin/chromium ]; then echo "› Chromium: /usr/bin/chromium"; exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "› installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  echo "› Chromium: /usr/bin/chromium"
  exit 0
fi

echo "Chromium is missing. Install Debian's package (sudo apt-get install -y chromium)" >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
