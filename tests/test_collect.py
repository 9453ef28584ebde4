"""Which files a build reads from the paths it is given (``fazhi.api.collect_paths``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fazhi.api import collect_paths, collect_resolved
from fazhi.errors import InputError


def test_a_folder_gives_its_report_files_in_path_order_each_once(tmp_path):
    top = tmp_path / "reports"
    names = ("b/2.txt", "a/z.HTML", "a/y.pdf", "a/c/1.htm", "notes.md", "b/x.docx", ".hidden.txt", "10.txt", "9.txt")
    # names that sort differently as strings and as paths (a separator sorts before any character)
    names += ("a b/1.txt", "a-b.txt", "a.txt", "a!/1.txt")
    for name in names:
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text("x", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text("x", encoding="utf-8")
    (outside / "nested").mkdir()
    (outside / "nested" / "deep.txt").write_text("x", encoding="utf-8")
    os.symlink(outside / "far.txt", top / "link.txt")  # a linked file is read, by its target
    os.symlink(outside / "nested", top / "linked-folder")  # a linked folder is not entered (as rglob)

    found = collect_resolved([top, top / "b" / "2.txt", outside / "far.txt"])
    expected = sorted(p for p in top.rglob("*") if p.is_file() and p.suffix.lower() != ".md")
    assert [p for p, _ in found] == expected  # the file given again, and the link's target, come once
    assert all(resolved == path.resolve() for path, resolved in found)
    assert (top / "link.txt", outside / "far.txt") in found
    assert collect_paths([top]) == expected


def test_paths_that_give_no_report_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no report files"):
        collect_paths([tmp_path / "empty"])
    with pytest.raises(InputError, match="no such file or folder"):
        collect_paths([tmp_path / "missing"])
