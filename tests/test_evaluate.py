"""The evaluation: which vocabulary decides listed names, what the gold does not annotate,
and whether the data is development or blind."""

from __future__ import annotations

import json

from fazhi.evaluate import dataset_kind, evaluate, evaluate_files, reference_vocabulary

TEXT = """某某县人民政府关于2023年度法治政府建设情况的报告
2023年,我县坚持依法行政。
一、2023年法治政府建设主要举措和成效
(一)化解矛盾纠纷。深化府院联动,建立“石时解纷”调解工作法。
二、存在的不足
法治宣传仍有短板。
三、2024年工作安排
推进诉源治理。
"""


def _gold(mechanisms, **extra):
    return {"t.txt": {"file": "t.txt", "region": {}, "issuer": "", "year": 2023, "mechanisms": mechanisms, **extra}}


def test_reference_names_match_on_canonical_others_on_surfaces(extract):
    report = extract(TEXT, source="t.txt")
    gold = _gold([
        {"canonical": "府院联动", "surface": ["府院联动"], "status": "adopted"},
        {"canonical": "石时解纷调解法", "surface": ["“石时解纷”调解工作法"], "status": "adopted"},
        {"canonical": "诉源治理", "surface": ["诉源治理"], "status": "planned"},
    ])
    scores = evaluate([report], gold, frozenset({"府院联动", "诉源治理"}))
    assert scores["mechanisms"]["tp"] == 2 and scores["mechanisms"]["fn"] == 0
    assert scores["mechanisms_other"]["tp"] == 1 and scores["mechanisms_other"]["fn"] == 0
    # a reference concept that fazhi found under another name would be judged on its surface
    renamed = evaluate([report], gold, frozenset({"府院联动"}))
    assert renamed["mechanisms_all"]["tp"] == scores["mechanisms_all"]["tp"]


def test_categories_the_gold_does_not_annotate_are_left_out(extract):
    report = extract(TEXT, source="t.txt")
    scores = evaluate([report], _gold([], truncated=False), frozenset())
    assert "measures" not in scores and "bodies" not in scores and "figures" not in scores
    assert scores["truncated"]["fp"] == 0 and "mechanisms_all" in scores


def test_seed_gold_is_development_data_and_has_its_reference_vocabulary(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    assert dataset_kind(root / "eval" / "seeds-gold.json")["kind"] == "development"
    reference = reference_vocabulary(root / "eval" / "seeds-gold.json")
    assert reference is not None and "府院联动" in reference and len(reference) == 61
    elsewhere = tmp_path / "gold.json"
    elsewhere.write_text(json.dumps({"schema_version": 1, "documents": []}), encoding="utf-8")
    assert dataset_kind(elsewhere)["kind"] == "unknown"


def test_evaluate_files_says_what_data_it_ran_on(seed_files):
    from pathlib import Path

    gold = Path(__file__).resolve().parents[1] / "eval" / "seeds-gold.json"
    scores = evaluate_files(seed_files[:1], gold)
    assert scores["dataset"]["kind"] == "development" and scores["dataset"]["listed_by"] == "reference-mechanisms.tsv"
    assert scores["reports"] == 1


def test_a_zone_is_right_however_the_gold_writes_its_chain(extract):
    report = extract("长沙经开区2019年法治政府建设工作报告\n2019年，长沙经开区管委会坚持依法行政。\n", source="t.txt")
    assert report.region.level == "zone"

    def region_score(full_name, city="长沙市"):
        region = {"name": "长沙经开区", "full_name": full_name, "level": "zone", "adcode": None, "city": city, "province": "湖南省"}
        return evaluate([report], _gold([], region=region), frozenset())["region"]["tp"]

    for written in ("湖南省长沙市长沙经济技术开发区", "湖南省长沙经济技术开发区", "长沙经济技术开发区", "湖南省长沙市长沙经开区"):
        assert region_score(written) == 1, written
    assert region_score("湖南省长沙高新技术产业开发区") == 0
    assert region_score("湖南省长沙市长沙高新区") == 0
    assert region_score("湖南省株洲市株洲经济技术开发区", city="株洲市") == 0


def test_a_town_written_another_way_under_the_gold_county_is_the_same_town():
    from fazhi.evaluate import _same_town
    from fazhi.extract.records import Region

    found = Region("万松街街道", "湖北省武汉市江汉区万松街街道", "subdistrict", "湖北省", "武汉市", "江汉区", None, "420103")
    gold = {"name": "万松街道", "full_name": "湖北省武汉市江汉区万松街道", "level": "subdistrict", "adcode": 420103}
    assert _same_town(found, gold)
    assert not _same_town(found, {**gold, "adcode": 420102})  # another county
    assert not _same_town(found, {**gold, "name": "民族街道"})  # another town
    assert not _same_town(found, {**gold, "level": "district"})
