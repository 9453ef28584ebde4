"""Scoring extracted reports against a gold annotation (eval/seeds-gold.json, eval/blind/gold.json).

Follows the scoring suggestions of the gold's README: compare per document;
mechanisms of the *reference vocabulary* (the list the annotators worked
from, shipped as ``eval/reference-mechanisms.tsv``) on ``(canonical, status)``,
every other mechanism on overlapping surfaces and status; measures on
``heading``, then their status, section and linked mechanisms. Precision and
recall are reported per category and, for mechanisms, per status. The
reference vocabulary, not fazhi's own (larger) one, decides which gold entries
are matched by name: a concept fazhi lists under another name than the
annotators is then judged on its surfaces, as the gold's README asks.

Categories the gold does not annotate (the blind set has no bodies or
measures) are left out. Whether a gold file is development data (the seeds the
rules were written against) or blind is read from ``datasets.tsv`` beside it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .extract.normalize import normalize, occurrences
from .extract.records import STATUSES, Report
from .score_figures import audit_figures, audit_rates, default_audit, score_figures

CATEGORIES = (
    "region", "year", "issuer", "published", "mechanisms", "mechanisms_all", "mechanisms_other", "measures",
    "measure_links_all", "bodies", "roles", "documents", "figures",
)
REFERENCE_VOCABULARY = "reference-mechanisms.tsv"
DATASETS = "datasets.tsv"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _merge(into: Counts, other: Counts) -> None:
    into.tp += other.tp
    into.fp += other.fp
    into.fn += other.fn


def load_gold(path: str | Path) -> dict[str, dict]:
    """Gold documents keyed by file name."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {doc["file"]: doc for doc in data["documents"]}
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a fazhi gold file ({exc.__class__.__name__}: {exc})") from None


def default_gold() -> Path:
    """The seeds' gold: ``eval/seeds-gold.json`` in the working folder, else beside the fazhi source tree."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[1]):
        candidate = root / "eval" / "seeds-gold.json"
        if candidate.exists():
            return candidate
    raise InputError("eval/seeds-gold.json: not found here or beside the fazhi sources — pass --gold FILE")


def reference_vocabulary(gold_path: str | Path) -> frozenset | None:
    """Concept keys of the vocabulary the gold's annotators worked from, found beside the gold
    file or in a folder above it (``reference-mechanisms.tsv``); None when there is none."""
    for folder in Path(gold_path).resolve().parents:
        candidate = folder / REFERENCE_VOCABULARY
        if candidate.exists():
            rows = csv.DictReader(io.StringIO(candidate.read_text(encoding="utf-8")), delimiter="\t")
            return frozenset(r["canonical"].strip() for r in rows if (r.get("canonical") or "").strip())
        if (folder / "pyproject.toml").exists():
            break
    return None


def dataset_kind(gold_path: str | Path) -> dict:
    """What ``datasets.tsv`` beside the gold file says of it: ``{"kind": development|blind|…, "note": …}``."""
    gold_path = Path(gold_path).resolve()
    for folder in gold_path.parents:
        table = folder / DATASETS
        if table.exists():
            for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")), delimiter="\t"):
                if (folder / row["gold"]).resolve() == gold_path:
                    return {"kind": row["kind"], "note": row["note"]}
            break
    return {"kind": "unknown", "note": "not listed in an eval/datasets.tsv: say in your results how this gold was made"}


def score_all_mechanisms(
    report: Report, gold_mechanisms: list[dict], listed: frozenset, errors: list | None = None,
) -> tuple[Counts, dict, Counts]:
    """Listed and unlisted mechanisms on (mechanism, status).

    A predicted concept of the reference vocabulary (``listed``) is right when
    the gold has the same canonical and status; any other prediction when one of
    its mentions overlaps a gold surface of an entry with the same status.
    Precision counts predictions, recall counts gold entries. The third result
    counts only what lies outside the reference vocabulary: gold entries whose
    canonical is not in it (recall) and predictions of concepts not in it
    (precision).
    """
    counts = Counts()
    other = Counts()
    by_status = {s: Counts() for s in STATUSES}
    gold_spans = [occurrences(report.text, m["surface"]) for m in gold_mechanisms]
    found: set[int] = set()
    for adoption in report.adoptions:
        spans = [(report.mentions[i].surface.start, report.mentions[i].surface.end) for i in adoption.mentions]
        hits = []
        for i, entry in enumerate(gold_mechanisms):
            if entry["status"] != adoption.status:
                continue
            if adoption.concept in listed:
                if entry["canonical"] == adoption.concept:
                    hits.append(i)
            elif any(s < ge and gs < e for s, e in spans for gs, ge in gold_spans[i]):
                hits.append(i)
        ok = bool(hits)
        if not ok and errors is not None:
            surface = report.mentions[adoption.mentions[0]].surface.text if adoption.mentions else ""
            errors.append((report.source, "wrong", adoption.status, adoption.concept, surface))
        counts.tp += ok
        counts.fp += not ok
        by_status[adoption.status].tp += ok
        by_status[adoption.status].fp += not ok
        if adoption.concept not in listed:
            other.fp += not ok
        found.update(hits)
    for i, entry in enumerate(gold_mechanisms):
        outside = entry["canonical"] not in listed
        if i not in found:
            if errors is not None:
                errors.append((report.source, "missed", entry["status"], entry["canonical"], " | ".join(entry["surface"])))
            counts.fn += 1
            by_status[entry["status"]].fn += 1
            other.fn += outside
        else:
            other.tp += outside
    return counts, by_status, other


def _measure_links(report: Report, measure, gold_measure: dict, gold_mechanisms: list[dict], listed) -> Counts:
    """Measure → mechanism links over listed and unlisted mechanisms.

    A listed link is matched on the canonical name; an unlisted one when its
    mention inside the measure overlaps a surface of a gold mechanism the gold
    measure links.
    """
    counts = Counts()
    by_name = {m["canonical"]: m for m in gold_mechanisms}
    wanted = [by_name[c] for c in gold_measure["mechanisms"] if c in by_name]
    spans = {id(g): occurrences(report.text, g["surface"]) for g in wanted}
    found = set()
    predicted: dict[str, list] = {}
    for m in report.mentions:
        if m.measure == measure.index:
            predicted.setdefault(m.concept, []).append(m.surface)
    for concept, surfaces in predicted.items():
        hit = None
        for g in wanted:
            if concept in listed:
                if g["canonical"] == concept:
                    hit = g
            elif any(s.start < ge and gs < s.end for s in surfaces for gs, ge in spans[id(g)]):
                hit = g
            if hit is not None:
                break
        if hit is None:
            counts.fp += 1
        else:
            counts.tp += 1
            found.add(hit["canonical"])
    counts.fn += len({g["canonical"] for g in wanted} - found)
    return counts


def _norm(s: str | None) -> str:
    return "".join((s or "").split())


ERROR_COLUMNS = ("file", "error", "status", "mechanism", "surface")


def _zone_name(full_name: str, province: str | None, city: str | None) -> str:
    """A zone's own name, without the province and city its full name may start with:
    湖北省武汉市武汉经济技术开发区, 湖北省武汉经济技术开发区 and 武汉经济技术开发区 are one zone."""
    full_name = normalize(full_name)  # 中国（上海）… and 中国(上海)… are one name
    for above in (province, city):
        if above and full_name.startswith(above) and len(full_name) > len(above):
            full_name = full_name[len(above):]
    return full_name


def _same_town(region, gold: dict) -> bool:
    """Whether a town or subdistrict under the gold's county code is the gold's town written
    another way: the table's 万松街街道 is the 万松街道 reports write."""
    from .extract.regions import gazetteer

    if region.level != gold.get("level") or not region.county_adcode or str(region.county_adcode) != str(gold.get("adcode")):
        return False
    return region.name in gazetteer().canonical(gold.get("name") or "")


def _zone_names(region: dict) -> set[str]:
    """The official names a gold zone may stand for: its own, and those of the gazetteer's zones
    that its own name is a form of (东湖高新区 → 武汉东湖新技术开发区, 长沙经开区 → 长沙经济技术开发区)."""
    from .extract.regions import gazetteer

    own = _zone_name(region.get("full_name") or "", region.get("province"), region.get("city"))
    names = {own}
    gaz = gazetteer()
    for place in gaz.by_name.get(own, ()):
        if place.is_zone and place.province == region.get("province"):
            names.add(_zone_name(place.full_name, place.province, place.city))
    return names


def evaluate(reports: list[Report], gold: dict[str, dict], listed: frozenset, errors: list | None = None) -> dict:
    """Scores keyed by category. ``listed`` holds the keys of the reference vocabulary
    (``reference_vocabulary``; fazhi's own concept keys where the gold has none). The
    mechanism errors behind the all-mechanism scores go to ``errors`` if given."""
    pairs = [(r, gold[r.source]) for r in reports if r.source in gold]
    if not pairs:
        raise InputError("none of the given reports is in the gold file — pass the seed files the gold annotates")
    scores: dict[str, Counts] = {c: Counts() for c in ("region", "year", "issuer", "published")}
    mech = Counts()
    by_status = {s: Counts() for s in STATUSES}
    all_mech = Counts()
    all_by_status = {s: Counts() for s in STATUSES}
    other_mech = Counts()
    truncation = Counts()
    measures = Counts()
    links = Counts()
    status_ok = section_ok = matched = 0
    roles = Counts()
    documents = Counts()
    bodies = Counts()
    body_type_ok = body_matched = 0
    figures = {"found": 0, "gold": 0, "aligned": 0, "correct": 0, "indicator_agree": 0}
    figure_audit = default_audit()
    audited = {"extracted": 0, "without_indicator": 0, "audited": 0, "correct": 0, "indicator_audited": 0, "indicator_ok": 0}
    links_all = Counts()
    for report, doc in pairs:
        region = report.region
        gold_region = doc["region"]
        if gold_region.get("adcode") and region.adcode:
            # a code says it all; names of zones and merged units are written several ways
            predicted_region, expected_region = (str(region.adcode), region.level), (str(gold_region["adcode"]), gold_region.get("level"))
        elif gold_region.get("level") == "zone" and region.level == "zone":
            # a zone has no code, and annotators write its chain three ways (湖南省长沙市…, 湖南省…,
            # the bare name) and its name in full or short (长沙经开区): the zone's official name decides
            predicted_region = _zone_name(region.full_name, region.province, region.city)
            names = _zone_names(gold_region)
            expected_region = predicted_region if predicted_region in names else min(names)
        elif "adcode" in gold_region:
            # a gold that records codes writes the chain its own way: the full name and level decide
            predicted_region, expected_region = (region.full_name, region.level), (gold_region.get("full_name"), gold_region.get("level"))
            if _same_town(region, gold_region):
                expected_region = predicted_region
        else:
            predicted_region = (region.name, region.full_name, region.level, region.city, region.province)
            expected_region = tuple(gold_region.get(k) for k in ("name", "full_name", "level", "city", "province"))
        scores["region"].add({predicted_region}, {expected_region})
        if "truncated" in doc:
            truncation.add({report.source} if not report.complete else set(), {report.source} if doc["truncated"] else set())
        scores["year"].add({report.year}, {doc["year"]})
        scores["issuer"].add({_norm(report.issuer)}, {_norm(doc["issuer"])})
        published = {report.published.isoformat()} if report.published else set()
        scores["published"].add(published, {doc["published"]} if doc.get("published") else set())

        predicted = {(a.concept, a.status) for a in report.adoptions if a.concept in listed}
        expected = {(m["canonical"], m["status"]) for m in doc["mechanisms"] if m["canonical"] in listed}
        mech.add(predicted, expected)
        for status in STATUSES:
            by_status[status].add({p for p in predicted if p[1] == status}, {e for e in expected if e[1] == status})

        counts, statuses, other = score_all_mechanisms(report, doc["mechanisms"], listed, errors)
        _merge(all_mech, counts)
        _merge(other_mech, other)
        for status in STATUSES:
            _merge(all_by_status[status], statuses[status])

        roles.add({r.canonical for r in report.roles}, {r["canonical"] for r in doc.get("roles", [])})
        documents.add({d.title for d in report.documents}, set(doc.get("documents", [])))
        predicted_bodies = {b.canonical: b.type for b in report.bodies}
        gold_bodies = {b["canonical"]: b["type"] for b in doc.get("bodies", [])}
        bodies.add(set(predicted_bodies), set(gold_bodies))
        for name in set(predicted_bodies) & set(gold_bodies):
            body_matched += 1
            body_type_ok += predicted_bodies[name] == gold_bodies[name]
        for key, value in score_figures(list(report.figures), doc.get("metrics", []), report.text).items():
            figures[key] += value
        for key, value in audit_figures(list(report.figures), figure_audit.get(report.source, []), report.text).items():
            audited[key] += value

        gold_measures = {_norm(m["heading"]): m for m in doc.get("measures", [])}
        predicted_measures = {_norm(m.heading): m for m in report.measures}
        measures.add(set(predicted_measures), set(gold_measures))
        for heading in set(predicted_measures) & set(gold_measures):
            p, g = predicted_measures[heading], gold_measures[heading]
            matched += 1
            status_ok += p.status == g["status"]
            section_ok += _norm(p.section_heading) == _norm(g["section"])
            linked = {m.concept for m in report.mentions if m.measure == p.index and m.concept in listed}
            links.add(linked, {c for c in g["mechanisms"] if c in listed})
            _merge(links_all, _measure_links(report, p, g, doc["mechanisms"], listed))

    result = {name: counts.as_dict() for name, counts in scores.items()}
    result["mechanisms"] = {
        **mech.as_dict(),
        "scope": "vocabulary",
        "by_status": {s: c.as_dict() for s, c in by_status.items()},
    }
    result["mechanisms_all"] = {
        **all_mech.as_dict(),
        "scope": "listed and unlisted",
        "by_status": {s: c.as_dict() for s, c in all_by_status.items()},
    }
    result["measures"] = {
        **measures.as_dict(),
        "status_accuracy": round(status_ok / matched, 4) if matched else 0.0,
        "section_accuracy": round(section_ok / matched, 4) if matched else 0.0,
        "links": links.as_dict(),
    }
    result["bodies"] = {
        **bodies.as_dict(),
        "type_accuracy": round(body_type_ok / body_matched, 4) if body_matched else 0.0,
    }
    result["roles"] = roles.as_dict()
    result["documents"] = documents.as_dict()
    precision = figures["correct"] / figures["aligned"] if figures["aligned"] else 0.0
    recall = figures["found"] / figures["gold"] if figures["gold"] else 0.0
    result["figures"] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "tp": figures["found"],
        "fp": figures["aligned"] - figures["correct"],
        "fn": figures["gold"] - figures["found"],
        "indicator_agreement": round(figures["indicator_agree"] / figures["found"], 4) if figures["found"] else 0.0,
        "scope": "precision over figures whose surface overlaps a gold surface (the gold is a selection); "
        "audited_precision over every extracted figure, judged in eval/seeds-figures-audit.json",
        "judged": figures["aligned"],
        **audit_rates(audited),
    }
    result["measure_links_all"] = links_all.as_dict()
    result["mechanisms_other"] = {
        **other_mech.as_dict(),
        "scope": "gold mechanisms outside the reference vocabulary (recall) and predictions outside it (precision)",
    }
    if any("truncated" in doc for _, doc in pairs):
        result["truncated"] = {**truncation.as_dict(), "scope": "reports marked partial (fz:complete false)"}
    annotated = {
        "measures": "measures", "measure_links_all": "measures", "bodies": "bodies", "roles": "roles",
        "documents": "documents", "figures": "metrics", "published": "published",
    }
    for category, key in annotated.items():
        if not any(key in doc for _, doc in pairs):
            del result[category]  # the gold does not annotate it: no score, not a zero
    result["reports"] = len(pairs)
    return result


def evaluate_files(paths, gold_path: str | Path, encoding: str | None = None, errors: list | None = None) -> dict:
    """Extract the report files under ``paths`` and score them against ``gold_path``.

    The result holds every category's scores and ``dataset``: what kind of data
    the gold is (``development`` for the seeds the rules were written against,
    ``blind`` for text nobody tuned on) and which vocabulary decided listed names.
    """
    from .api import extract_files
    from .extract.lexicon import MechanismLexicon
    from .ontology import mechanism_concepts

    gold = load_gold(gold_path)
    reports = extract_files(paths, encoding=encoding)
    reference = reference_vocabulary(gold_path)
    listed = reference if reference is not None else MechanismLexicon.from_concepts(mechanism_concepts()).listed
    scores = evaluate(reports, gold, listed, errors)
    scores["dataset"] = {
        **dataset_kind(gold_path),
        "gold": str(gold_path),
        "listed_by": REFERENCE_VOCABULARY if reference is not None else "fazhi's vocabulary",
    }
    return scores
