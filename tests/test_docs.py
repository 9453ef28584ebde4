"""Docs that cannot drift: every command is in the README with its help text,
and the README's two opening commands are the ones CI and users run."""

from pathlib import Path

import typer.main

from fazhi.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names(group, prefix=""):
    click_group = typer.main.get_command(group) if not hasattr(group, "commands") else group
    for name, command in sorted(click_group.commands.items()):
        yield prefix + name, command
        if hasattr(command, "commands"):
            yield from command_names(command, prefix + name + " ")


def test_every_command_is_documented():
    for name, command in command_names(app):
        assert f"fazhi {name}" in README, f"`fazhi {name}` is missing from README.md"
        assert (command.help or "").strip(), f"`fazhi {name}` has no help text"


def test_readme_opens_with_setup_and_test_commands():
    block = README.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block[0].startswith("bash scripts/setup.sh && .venv/bin/fazhi build seeds/")
    assert block[1] == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci.splitlines()


def test_public_api_is_pinned():
    import fazhi

    assert fazhi.__all__ == sorted(fazhi.__all__)
    for name in fazhi.__all__:
        assert getattr(fazhi, name) is not None


def test_the_readme_screenshots_are_in_docs_and_made_by_the_script():
    """Each image the README shows is a tracked file in docs/, and scripts/screenshots.py (not the tests) makes it."""
    import re

    shown = re.findall(r"!\[[^\]]*\]\(docs/([^)]+\.png)\)", README)
    script = (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    assert {"network-seeds.png", "network-200.png", "map.png", "diffusion.png"} <= set(shown)
    for name in shown:
        assert (ROOT / "docs" / name).stat().st_size > 10_000, name
        assert f'"{name}"' in script, f"scripts/screenshots.py does not make docs/{name}"
    assert sorted(p.name for p in (ROOT / "docs").glob("*.png")) == sorted(shown)


def test_the_docs_guard_sees_a_written_file(tmp_path):
    from docs_guard import docs_snapshot

    (tmp_path / "a.png").write_bytes(b"one")
    before = docs_snapshot(tmp_path)
    (tmp_path / "a.png").write_bytes(b"two")
    assert docs_snapshot(tmp_path) != before
