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
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            print("fazhi: aborted", file=sys.stderr)
            sys.exit(1)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)


__all__ = ["app", "main"]
