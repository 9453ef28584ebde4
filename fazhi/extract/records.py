"""Frozen records produced by the extractor.

Every record that points into a report carries character offsets into the
report's *original* decoded text (``Report.text``): ``text[start:end]`` is the
evidence exactly as the reader sees it. Records are plain data: the graph
builder turns them into triples without looking at the text again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Report parts. A part's kind decides the status of what is mentioned in it.
ACHIEVEMENTS = "achievements"
SHORTCOMINGS = "shortcomings"
PLANS = "plans"
DUTIES = "duties"  # 党政主要负责人履行推进法治建设第一责任人职责
PART_KINDS = (ACHIEVEMENTS, SHORTCOMINGS, PLANS, DUTIES)
# Not a part: the opening paragraph before the first part heading, which
# summarises the year (adopted unless its wording says otherwise).
OPENING = "opening"

# Statuses, strongest first.
ADOPTED = "adopted"
PLANNED = "planned"
PROBLEM = "problem"
STATUSES = (ADOPTED, PLANNED, PROBLEM)

STATUS_OF_PART = {
    ACHIEVEMENTS: ADOPTED,
    DUTIES: ADOPTED,
    PLANS: PLANNED,
    SHORTCOMINGS: PROBLEM,
}


def strongest(statuses) -> str | None:
    """The strongest of ``statuses`` (adopted > planned > problem), or None."""
    present = set(statuses)
    for status in STATUSES:
        if status in present:
            return status
    return None


@dataclass(frozen=True)
class Span:
    """A stretch of the original text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Region:
    """The region a report is about, placed in the administrative hierarchy."""

    name: str  # short name as used in the report, e.g. 顺城区
    full_name: str  # province + city (+ county) + name, e.g. 辽宁省抚顺市顺城区
    level: str  # province | city | district | county | town | subdistrict | unknown
    province: str | None = None
    city: str | None = None
    county: str | None = None  # for towns: the county-level unit above
    adcode: str | None = None  # the region's own code where known (county level and up)
    county_adcode: str | None = None
    evidence: Span | None = None


@dataclass(frozen=True)
class Part:
    index: int  # 0-based order in the report
    kind: str  # one of PART_KINDS
    heading: str  # heading text without its enumerator, e.g. 2025年度推进法治政府建设的主要安排
    start: int  # start of the heading line
    end: int  # end of the part's text
    heading_span: Span


@dataclass(frozen=True)
class Section:
    index: int  # 0-based order in the report
    part: int  # index of the enclosing Part
    heading: str
    enumerator: str  # e.g. (一)
    start: int
    end: int
    heading_span: Span


@dataclass(frozen=True)
class Measure:
    """A lowest-level enumerated item (举措) in the achievements, duties or plans."""

    index: int  # 0-based order in the report
    part: int  # index of the enclosing Part
    section: int | None  # index of the enclosing Section, None if directly under the part
    section_heading: str  # the enclosing (一) heading, or the part heading
    enumerator: str  # 1. / 一是 / (一)
    heading: str
    status: str  # adopted (achievements/duties) or planned (plans)
    start: int
    end: int
    heading_span: Span


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class MechanismMention:
    """One occurrence of a mechanism in the text, linked to a vocabulary concept."""

    concept: str  # the concept's key (its preferred label)
    surface: Span
    sentence: Span
    part: int | None  # index of the enclosing Part (None: preamble or closing)
    part_kind: str | None  # one of PART_KINDS, OPENING, or None (title, closing)
    status: str | None  # status implied by the part (or the opening's wording), None elsewhere
    measure: int | None  # index of the enclosing Measure
    section: int | None
    inferred: bool = False  # True when implied by naming all the narrower concepts together
    listed: bool = True  # True for vocabulary concepts, False for candidates found by rules


@dataclass(frozen=True)
class Adoption:
    """A region's stance towards one mechanism in one report: the strongest status."""

    concept: str
    status: str
    mentions: tuple[int, ...]  # indices into Report.mentions that carry this status


@dataclass(frozen=True)
class Report:
    source: str  # file name, no directory
    sha256: str  # of the decoded text, UTF-8 encoded
    text: str  # the decoded text as a reader sees it
    title: str | None
    region: Region
    year: int
    issuer: str
    issuer_span: Span | None
    published: date | None
    parts: tuple[Part, ...] = ()
    sections: tuple[Section, ...] = ()
    measures: tuple[Measure, ...] = ()
    mentions: tuple[MechanismMention, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    bodies: tuple["BodyMention", ...] = ()
    roles: tuple["RoleMention", ...] = ()
    documents: tuple["CitedDocument", ...] = ()
    figures: tuple["Figure", ...] = ()
    source_format: str = "text"  # text | html | docx | pdf
    page_source: str | None = None  # 来源 on the web page the report came from
    complete: bool = True  # False when the text stops mid-sentence (a partial download)

    def measure_at(self, offset: int) -> "Measure | None":
        """The measure whose text holds ``offset``."""
        for measure in self.measures:
            if measure.start <= offset < measure.end:
                return measure
        return None


# --- what a careful analyst also reads (bodies, roles, documents, figures) -----------

BODY_TYPES = (
    "government_department",  # governments, their departments and offices, units under them (司法所)
    "party_body",  # party committees, their offices and commissions, party schools, 纪委监委
    "court",
    "procuratorate",
    "law_firm",
    "mediation_body",
    "service_center",  # 政务/便民/公共法律服务中心, 行政复议事务中心
    "committee_or_group",  # 领导小组, 协调小组, 理论学习中心组, 宣讲团
    "enterprise",
    "other_org",  # public institutions, 人大, 监察委, work stations
)


@dataclass(frozen=True)
class BodyMention:
    """A specific organisation named in the text (not a class noun such as 行政机关)."""

    surface: Span
    canonical: str  # region-scoped: 区司法局 in 顺城区's report → 顺城区司法局
    type: str  # one of BODY_TYPES
    sentence: Span | None = None  # the sentence that holds it (set by the linking stage)
    measure: int | None = None  # index of the Measure whose text holds it (linking stage)


@dataclass(frozen=True)
class RoleMention:
    """A functional position in the rule-of-law system (法律顾问, 人民调解员, …)."""

    surface: Span
    canonical: str
    sentence: Span | None = None  # the sentence that holds it (set by the linking stage)
    measure: int | None = None  # index of the Measure whose text holds it (linking stage)


@dataclass(frozen=True)
class CitedDocument:
    """A title cited in 《…》 (inner 〈〉 or <> kept as written)."""

    title: str  # without the outer brackets, exactly as written
    surface: Span  # including the outer brackets
    issuer_level: str | None = None  # national | province | city | county | town, where the title says
    issuer: str | None = None  # the issuing body or region named at the start of the title
    sentence: Span | None = None  # the sentence that holds it (set by the linking stage)
    measure: int | None = None  # index of the Measure whose text holds it (linking stage)
    measures: tuple[int, ...] = ()  # every Measure in which the title is cited (linking stage)


@dataclass(frozen=True)
class Figure:
    """A number with its unit, read as an observation of a normalised indicator."""

    surface: Span  # a short span holding the number and its unit (and the indicator words)
    number: Span  # the number as written (Arabic or Chinese numerals)
    value: float  # the number's value (万 stays in the unit: 135.9 万元 → 135.9, "万元")
    unit: str  # as written: 件, 人次, %, 万元, 场次 …
    indicator: str | None  # normalised name, e.g. 行政复议案件受理数; None when unknown
    approx: bool = False  # qualified by 余/多/约/近/超/以上/不少于
    sentence: Span | None = None  # the sentence that holds it (set by the linking stage)
    measure: int | None = None  # index of the Measure whose text holds it (linking stage)
