"""fazhi's command line: a thin shell over the library.

Every command parses its options, calls one library function and prints the
result. Errors from the library (``FazhiError``) become one line on stderr and
exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys

from .app import app


def main() -> None:
    from ..errors import FazhiError

    try:
        code = app(standalone_mode=False)
    except FazhiError as exc:
        print(f"fazhi: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("fazhi: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # click's usage errors arrive here in non-standalone mode
        usage, aborts = _click_errors()
        if isinstance(exc, usage):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, aborts):
            print("fazhi: aborted", file=sys.stderr)
            sys.exit(1)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)


def _click_errors() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """The usage-error and abort classes: click's, and those of the copy of click that typer
    0.2x carries inside it (typer._click), whose errors are not click's classes."""
    import click

    usage: list[type] = [click.exceptions.ClickException]
    aborts: list[type] = [click.exceptions.Abort]
    try:
        from typer._click.exceptions import ClickException
    except ImportError:
        pass
    else:
        usage.append(ClickException)
    try:
        from typer.exceptions import Abort
    except ImportError:
        pass
    else:
        aborts.append(Abort)
    return tuple(usage), tuple(aborts)


__all__ = ["app", "main"]
