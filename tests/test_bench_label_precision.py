"""bench/label_precision.py: right and wrong adoptions by concept and by the one surface they rest on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fazhi.extract import extract_text


def _module():
    path = Path(__file__).resolve().parents[1] / "bench" / "label_precision.py"
    spec = importlib.util.spec_from_file_location("label_precision", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_adoption_resting_on_one_surface_is_tallied_by_it():
    text = "某县2021年法治政府建设情况报告\n一、主要举措和成效\n落实河长制。推行“枫桥经验”，坚持新时代“枫桥经验”。全面推行林长制。\n"
    report = extract_text(text, source="a.txt")
    gold = {"a.txt": {"mechanisms": [{"canonical": "河长制", "surface": ["河长制"], "status": "adopted"}]}}
    by_concept, by_surface = _module().label_tally([report], gold)
    assert by_concept["河长制", True] == 1
    assert by_concept["枫桥经验", False] == 1  # not in this gold: wrong
    assert by_surface[("河长制", "河长制"), True] == 1
    # two different surfaces (枫桥经验, 新时代“枫桥经验”): the adoption rests on no one surface
    assert not any(concept == "枫桥经验" for (concept, _), _ in by_surface)
