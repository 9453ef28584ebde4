"""What the CLI tests share: running fazhi as a user does, and checking a one-line error."""

from __future__ import annotations

import subprocess
import sys

FAZHI = [sys.executable, "-m", "fazhi"]


def run(*args, cwd=None, env=None):
    """``fazhi ARGS`` in a real process; the CompletedProcess with text output."""
    return subprocess.run([*FAZHI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def assert_one_line_error(result, *needles):
    """A non-zero exit, no traceback, one line on stderr holding every needle."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
