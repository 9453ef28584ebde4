#!/usr/bin/env bash
# Regenerate constraints.txt: exact pins for every package fazhi and its tests install.
#
# Resolves pyproject.toml's dependencies (with the test extra) afresh in a throwaway venv with
# the stock pip of this Python, and freezes the result, so the file holds the closure of what
# is declared and nothing installed by hand. Run it after changing a dependency, review the
# diff, then `bash scripts/setup.sh` installs exactly those versions (pip install -c constraints.txt).
# The pins hold for Linux with this Python (3.11); packages another platform needs are not pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet -e ".[test]"
"$tmp/venv/bin/python" -m pip check
{
  echo "# Exact versions of every package fazhi and its tests install, made by scripts/lock.sh"
  echo "# ($("$tmp/venv/bin/python" --version), $("$tmp/venv/bin/python" -m pip --version | cut -d' ' -f1-2)); install with: pip install -c constraints.txt -e \".[test]\""
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | LC_ALL=C sort -f
} > constraints.txt.tmp
mv constraints.txt.tmp constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) packages pinned" >&2
