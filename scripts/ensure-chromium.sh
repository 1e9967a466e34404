#!/usr/bin/env bash
# Sourced by test.sh: the browser tests (tests/EGov.BrowserTests) drive the machine's Debian Chromium at
# /usr/bin/chromium; Playwright never downloads a browser of its own. Installs the package when it is missing.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "0 passed, 1 failed"
    echo "/usr/bin/chromium is missing and could not be installed: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
