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
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
