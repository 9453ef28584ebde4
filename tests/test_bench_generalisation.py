"""bench/generalisation.py: the hidden-set figures on a gold of our own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fazhi.extract import extract_text


def _module():
    path = Path(__file__).resolve().parents[1] / "bench" / "generalisation.py"
    spec = importlib.util.spec_from_file_location("generalisation", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_local_mechanisms_are_found_by_any_overlapping_mention():
    text = "某县2021年法治政府建设情况报告\n一、主要举措和成效\n推行“石时解纷”工作法，组建“红嫂”志愿队。落实河长制。\n"
    report = extract_text(text, source="a.txt")
    gold = {"a.txt": {"mechanisms": [
        {"canonical": "石时解纷", "surface": ["“石时解纷”工作法"], "status": "adopted"},  # local, found
        {"canonical": "不存在的品牌", "surface": ["红嫂"], "status": "adopted"},  # local, not found
        {"canonical": "河长制", "surface": ["河长制"], "status": "adopted"},  # not local: not counted
    ]}}
    figures = _module().local_recall([report], gold, frozenset({"石时解纷", "不存在的品牌"}))
    assert figures["of"] == 2
    assert figures == {"found": 1, "of": 2, "recall": 0.5}  # 石时解纷 by its method; the team “红嫂”志愿队 by nothing
    assert _module().local_recall([report], gold, frozenset()) == {"found": 0, "of": 0, "recall": None}
