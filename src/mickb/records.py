"""The records mickb stores and returns.

Field names are the public JSON of ../CONTRACT.md (docs/records.md): add fields, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

Measure = Literal["level", "change", "share", "count", "ratio", "target"]
Qualifier = Literal["estimate", "about", "nearly", "more_than", "at_least", "at_most"]
QuoteForm = Literal["direct", "embedded", "reported"]
PassageKind = Literal["title", "meta", "body", "caption"]


@dataclass
class SourceMeta:
    """What a document says about itself (or what `ingest` flags say)."""

    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    url: str | None = None
    outlet: str | None = None
    author: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Passage:
    """A paragraph of cleaned text with offsets back to the original document."""

    ordinal: int
    kind: PassageKind
    text: str  # cleaned, NFC, sentences repaired, no markdown emphasis
    start: int  # offset of the paragraph's first character in the original text
    end: int


@dataclass
class Sentence:
    passage: int  # Passage.ordinal
    ordinal: int  # index of the sentence in the whole document
    text: str
    start: int  # offsets inside Passage.text
    end: int


@dataclass
class Document:
    """A source after read -> clean -> split; the input of every extractor."""

    meta: SourceMeta
    raw_text: str
    passages: list[Passage]
    sentences: list[Sentence]
    sha256: str  # of the raw bytes' decoded NFC text: ingest is idempotent by content


@dataclass
class Fact:
    metric: str
    measure: Measure
    value: float
    unit: str
    value_text: str  # exact characters of the source
    sentence: str
    sentence_ordinal: int
    span: tuple[int, int]  # value_text's offsets inside sentence
    metric_en: str | None = None
    total: float | None = None
    qualifier: Qualifier | None = None
    base_value: float | None = None
    base_unit: str | None = None
    period: str | None = None
    compared_to: str | None = None
    direction: Literal["up", "down"] | None = None
    sector: str | None = None
    related: list[str] = field(default_factory=list)  # ids, filled by the store
    id: str = ""
    kind: Literal["fact"] = "fact"


@dataclass
class Speaker:
    name: str | None
    role: str | None


@dataclass
class Quote:
    text: str
    speaker: Speaker
    form: QuoteForm
    sentence: str
    sentence_ordinal: int
    span: tuple[int, int]  # text's offsets inside sentence (may run past it for long quotes)
    id: str = ""
    kind: Literal["quote"] = "quote"


def make_id(doc_sha256: str, kind: str, sentence_ordinal: int, start: int, text: str) -> str:
    """Stable across rebuilds of the same sources: derived only from the document's content
    and where in it the record stands. 'f' + 11 hex for facts, 'q' + 11 hex for quotes."""
    import hashlib  # here, not at module level: `find` never makes ids and hashlib costs ~4 ms

    digest = hashlib.sha1(
        f"{doc_sha256}|{kind}|{sentence_ordinal}|{start}|{text}".encode()
    ).hexdigest()
    return ("f" if kind == "fact" else "q") + digest[:11]


# --- what the library returns: the contract's JSON, as types a reader can see ----------------
# (TypedDicts: plain dicts at run time. The query path imports them only for type checking.)


class SourceRecord(TypedDict):
    id: str
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None
    author: str | None


class ConflictRecord(TypedDict):
    """Another source's other value for a figure's metric and period (`conflicts`)."""

    id: str
    value: float | None
    unit: str | None
    value_text: str | None
    source: SourceRecord


class FactRecord(TypedDict, total=False):
    kind: Literal["fact"]
    id: str
    metric: str
    metric_en: str | None
    measure: Measure
    value: float
    unit: str
    value_text: str
    total: float | None
    qualifier: Qualifier | None
    base_value: float | None
    base_unit: str | None
    period: str | None
    compared_to: str | None
    direction: Literal["up", "down"] | None
    sector: str | None
    related: list[str]
    sentence: str
    source: SourceRecord
    sources: list[SourceRecord]  # every source that states the figure (find, show)
    conflicts: list[ConflictRecord]  # other values for the same metric and period (find, show)


class SpeakerRecord(TypedDict):
    name: str | None
    role: str | None


class QuoteRecord(TypedDict, total=False):
    kind: Literal["quote"]
    id: str
    text: str
    speaker: SpeakerRecord
    form: QuoteForm
    sentence: str
    source: SourceRecord


Verdict = Literal["supported", "contradicted", "not_found"]


class FigureCheck(TypedDict):
    """One figure of a claim and what the KB says of it (`check --json` "figures")."""

    text: str
    value: float | None
    unit: str | None
    base_value: float | None
    base_unit: str | None
    hedge: str | None
    verdict: Verdict
    rule: str  # the rule that decided: "rounding", "more_than", "direction", "period", ...
    explanation: str
    fact: FactRecord | None


class CheckResult(TypedDict):
    """`check --json` for one claim."""

    claim: str
    verdict: Verdict
    figures: list[FigureCheck]


class QuoteCheck(TypedDict, total=False):
    """`quote --json`."""

    text: str
    by: str | None
    verdict: Literal["verified", "misattributed", "altered", "not_found"]
    similarity: float
    quote: QuoteRecord | None
    actual_speaker: SpeakerRecord | None
    differences: str | None
