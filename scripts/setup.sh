#!/usr/bin/env bash
# Create .venv and install fazhi with its test dependencies (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's Chromium and a Chinese font, for the page tests (Playwright drives /usr/bin/chromium).
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
  if [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "setup: install Debian's chromium and fonts-wqy-microhei (sudo apt-get install chromium fonts-wqy-microhei) for the page tests" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# The venv's own pip, not upgraded: a fresh install with the stock pip must work (tests/test_install.py
# checks it), and an upgrade to whatever pip is newest would make the install unrepeatable.
# constraints.txt pins every package to the version the suite passed with (scripts/lock.sh makes it).
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[test]"
