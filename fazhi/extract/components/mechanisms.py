"""``fazhi_mechanisms``: vocabulary mechanisms by name, alias or variant, and candidates.

Listed mechanisms are found by the SKOS labels (longest match first, see
``lexicon.TermMatcher``) and by constructions that name a listed mechanism
with free words inside (``lexicons/mechanism_patterns.tsv``: 将法治建设纳入全区
绩效考核 is 法治政府建设考核); mechanisms that no list names are proposed by the
rules of ``candidates.py`` where no listed match stands, unless a negative
label of the scheme covers them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from ..candidates import find_candidates
from ..lexicon import MechanismLexicon, TermMatcher, label_chars, read_tsv
from ..regions import gazetteer
from ._doc import MECHANISM_SPANS, norm_text


@Language.factory("fazhi_mechanisms", assigns=["doc.spans"])
def make_mechanisms(nlp: Language, name: str):
    from ...ontology import mechanism_concepts, scheme_negative_labels

    return MechanismComponent(nlp, MechanismLexicon.from_concepts(mechanism_concepts()), scheme_negative_labels())


class MechanismComponent:
    """Finds vocabulary mechanisms by name or alias, longest match first, then candidates."""

    def __init__(self, nlp: Language, lexicon: MechanismLexicon, scheme_negatives=()):
        self.lexicon = lexicon
        terms: dict[str, list[str]] = {}
        for entry in lexicon.entries:
            terms.setdefault(entry.concept, []).append(entry.label)
        self.matcher = TermMatcher(nlp, terms, lexicon.negatives)
        blocked = list(lexicon.negatives) + list(scheme_negatives)
        self.blocked = TermMatcher(nlp, {"blocked": blocked}) if blocked else None
        self.fold_stems = fold_stems(lexicon)
        self.gazetteer = gazetteer()
        known = {entry.concept for entry in lexicon.entries}
        self.by_label: dict[str, str] = {}
        for entry in lexicon.entries:
            self.by_label.setdefault("".join(label_chars(entry.label)), entry.concept)
        self.broader = _ancestors(lexicon.narrower)
        self.patterns = [(concept, pattern) for concept, pattern in mechanism_patterns() if concept in known]

    def __call__(self, doc: Doc) -> Doc:
        spans = [_with_quotes(doc, s) for s in self.matcher(doc)]
        spans = self._with_constructions(doc, spans)
        spans = self._with_coordination(doc, spans)
        spans = self._with_short_forms(doc, spans)
        norm = norm_text(doc)
        spans = [s for s in spans if not _names_a_unit(norm, s.start_char, s.end_char)]
        taken = [(s.start_char, s.end_char) for s in spans]
        blocked = [(s, e) for s, e, _ in self.blocked.find(doc)] if self.blocked else []
        local_names: dict[str, str] = {}  # a quoted local name → the key of the candidate that first bore it
        for candidate in find_candidates(norm, taken, self.fold_stems, self.gazetteer):
            if any(s <= candidate.start and candidate.end <= e for s, e in blocked):
                continue  # a negative label: looks like a mechanism, is none
            key = local_names.setdefault(_quoted_name(norm[candidate.start : candidate.end]) or candidate.key, candidate.key)
            span = doc.char_span(candidate.start, candidate.end, label=key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[MECHANISM_SPANS] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


    def _with_constructions(self, doc: Doc, spans: list[SpacySpan]) -> list[SpacySpan]:
        """Add the constructions' matches; one replaces the label matches it holds, but for another
        mechanism that is its subject (述法 in 述法评议结果纳入综合考核 is adopted as well as the
        assessment), and yields to one it cuts."""
        text = norm_text(doc)
        for concept, pattern in self.patterns:
            for m in pattern.finditer(text):
                held = [s for s in spans if m.start() <= s.start_char and s.end_char <= m.end()]
                inside = [s for s in held if s.start_char > m.start() or s.label_ == concept]
                if any(s.start_char < m.end() and m.start() < s.end_char for s in spans if s not in held):
                    continue
                span = doc.char_span(m.start(), m.end(), label=concept, alignment_mode="expand")
                if span is not None:
                    spans = [s for s in spans if s not in inside] + [span]
        return sorted(spans, key=lambda s: (s.start_char, s.end_char))


    def _with_short_forms(self, doc: Doc, spans: list[SpacySpan]) -> list[SpacySpan]:
        """A broader concept's name that ends a narrower concept's name met earlier in the same
        sentence, or that stands inside it and has four characters or more, is that narrower concept
        again, by its short form: in 推行证明事项告知承诺制，公布实行告知承诺制（告知承诺）的事项清单
        the second mention is the 证明事项告知承诺制 again, not 告知承诺制 as well. A shorter name
        inside (普法 of “八五”普法规划) is a word of its own."""
        text = norm_text(doc)
        out: list[SpacySpan] = []
        for span in spans:
            plain = "".join(label_chars(span.text))
            for earlier in reversed(out):
                between = text[earlier.end_char : span.start_char]
                if any(c in SENTENCE_ENDS for c in between):
                    break
                name = "".join(label_chars(earlier.text))
                if span.label_ in self.broader.get(earlier.label_, ()) and (
                    name.endswith(plain) or (len(plain) >= 4 and plain in name)
                ):
                    span = SpacySpan(doc, span.start, span.end, label=earlier.label_)
                    break
            out.append(span)
        return out

    def _with_coordination(self, doc: Doc, spans: list[SpacySpan]) -> list[SpacySpan]:
        """Add the items coordinated in front of a match that share its ending:
        证明事项和涉企经营许可事项告知承诺制 names 证明事项告知承诺制 too. An item counts only
        when it and the ending make a label; the nearest items are read first."""
        text = norm_text(doc)
        taken = [(s.start_char, s.end_char) for s in spans]
        queue = list(spans)
        added = []
        while queue:
            span = queue.pop()
            connector = span.start_char - 1
            if connector < 2 or text[connector] not in COORDINATORS:
                continue
            label = "".join(label_chars(text[span.start_char : span.end_char]))
            item = self._coordinated_item(text, connector, label)
            if item is None or any(s < connector and item[0] < e for s, e in taken):
                continue
            new = doc.char_span(item[0], connector, label=item[1], alignment_mode="expand")
            if new is not None:
                taken.append((new.start_char, new.end_char))
                added.append(new)
                queue.append(new)
        return sorted(spans + added, key=lambda s: (s.start_char, s.end_char))

    def _coordinated_item(self, text: str, connector: int, label: str) -> tuple[int, str] | None:
        """(start, concept) of the longest item before ``connector`` that makes a label with an
        ending of ``label`` (two characters or more)."""
        for cut in range(1, len(label) - 1):
            ending = label[cut:]
            for size in range(min(MAX_ITEM, connector), 1, -1):
                front = text[connector - size : connector]
                if any(c in ITEM_STOPS for c in front):
                    continue
                concept = self.by_label.get("".join(label_chars(front)) + ending)
                if concept is not None:
                    return connector - size, concept
        return None


SENTENCE_ENDS = set("。!?;\n")
_QUOTED_NAME = re.compile(r"“([^“”]+)”")


def _quoted_name(surface: str) -> str | None:
    """The one quoted name in a candidate's surface, by its last ·-part: a report names its own
    brand in several ways (推行“环保管家”服务模式 … 深化“环保管家”服务; 推广“草原枫桥·牧民说事”
    工作法 … 深化“牧民说事”工作法), and all of them are the mechanism its first naming made.
    None when the surface quotes no name or several (“一次不跑”“只跑一次”改革)."""
    names = _QUOTED_NAME.findall(surface)
    return "“" + names[0].split("·")[-1] + "”" if len(names) == 1 else None


_UNIT = re.compile(r"(?:科(?![学技普])|股(?!份)|处(?![理罚置分])|办公室|大队|中队|院(?![落坝]))")


_SERVICE_POINT = re.compile(r"(?:中心|工作站|服务站|工作室)")
# 在市公共法律服务中心设立…, 依托旗…中心实行…: the point is where or by which something else is done;
# not 在法院设立… (set up there), nor 设在开发区的…工作站 (the point set up, described)
_AT = re.compile(r"(?<!设)(?:在|依托|通过|经由|由)(?:(?!设立|建立|建成|成立|设置|组建|开设|打造)[^,。;:、的]){0,8}$")


def _names_a_unit(text: str, start: int, end: int) -> bool:
    """行政执法协调监督科, 府院联动办公室, 劳动人事争议仲裁院: a mechanism's name that an office's word
    ends (科, 股, 处, 办公室, 大队, 院 …) is the office's name, a body, not the mechanism adopted. So is a service
    point's (中心, 工作站) where the point is a place or a means (在区公共法律服务中心设立…,
    依托矛盾纠纷多元化解中心实行…); where one is set up (建成公共法律服务工作站, 设立诉调对接
    工作室) it is left alone: setting one up is how a report says it adopted the mechanism."""
    if _UNIT.match(text, end):
        return True
    return bool(_SERVICE_POINT.match(text, end)) and bool(_AT.search(text, max(0, start - 10), start))


COORDINATORS = "和及与、"
ITEM_STOPS = set(",。;:!?《》()\n、和及与")
MAX_ITEM = 12  # characters an item in front may have


@lru_cache(maxsize=1)
def mechanism_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(concept, compiled pattern) rows of ``lexicons/mechanism_patterns.tsv``."""
    return tuple((row["concept"], re.compile(row["pattern"])) for row in read_tsv("mechanism_patterns.tsv"))


_STEM_HEADS = ("程序", "制度", "机制", "改革", "工作")


def fold_stems(lexicon: MechanismLexicon, min_length: int = 6) -> dict[str, str]:
    """Long label stems (重大行政决策 of 重大行政决策程序) → their concept, for folding sub-parts."""
    stems: dict[str, str] = {}
    for entry in lexicon.entries:
        plain = "".join(label_chars(entry.label))
        for head in _STEM_HEADS:
            if plain.endswith(head):
                plain = plain[: -len(head)]
                break
        if len(plain) >= min_length:
            stems.setdefault(plain, entry.concept)
    return dict(sorted(stems.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _ancestors(narrower: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Concept key → the keys of every concept broader than it."""
    parents: dict[str, set[str]] = {}
    for broad, parts in narrower.items():
        for part in parts:
            parents.setdefault(part, set()).add(broad)
    out: dict[str, frozenset[str]] = {}
    for key in parents:
        seen: set[str] = set()
        todo = list(parents[key])
        while todo:
            k = todo.pop()
            if k not in seen:
                seen.add(k)
                todo.extend(parents.get(k, ()))
        out[key] = frozenset(seen)
    return out


def _with_quotes(doc: Doc, span: SpacySpan) -> SpacySpan:
    """Extend a match to a closing quote it leaves open: “双随机、一公开 → “双随机、一公开”."""
    start, end = span.start, span.end
    opened = sum(1 for t in span if t.text in "“‘") - sum(1 for t in span if t.text in "”’")
    if start > 0 and doc[start - 1].text in "“‘" and end < len(doc) and doc[end].text in "”’":
        return SpacySpan(doc, start - 1, end + 1, label=span.label_)
    if opened > 0 and end < len(doc) and doc[end].text in "”’":
        return SpacySpan(doc, start, end + 1, label=span.label_)
    if opened < 0 and start > 0 and doc[start - 1].text in "“‘":
        return SpacySpan(doc, start - 1, end, label=span.label_)
    return span
