"""Fact-check the figures of a claim against the facts in the KB.

A claim is read figure by figure (numbers.find_numbers, the same reader as the extractor's):
each figure gets its hedge (gần, khoảng, hơn, ít nhất / nearly, about, more than, at least),
its measure (a growth rate, a target, or a level/share/count), the metric words written before
it (English mapped to Vietnamese through the glossary) and the claim's period. It is then
matched to KB facts of the same metric, measure, unit kind and period, and the numbers are
compared as intervals: what the claim asserts (its rounding and hedge) against what the source
asserts (its rounding and qualifier). Overlap supports, no overlap contradicts.

The verdicts never guess in the user's favour: a number that belongs to another metric, another
period or another currency supports nothing, and a metric the claim leaves ambiguous ("doanh
thu" alone, with several revenues in the KB) gets no contradiction either.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mickb.errors import BadInput
from mickb.text.fold import fold, nfc

if TYPE_CHECKING:
    from mickb.kb.store import KB
    from mickb.text.numbers import NumberMatch

# --- tuning -------------------------------------------------------------------------------
# A fact is "the same metric" as the claim's from this score on (0..1, see metric_score).
SAME_METRIC = 0.7
# Two metrics this close in score are equally good readings of an ambiguous claim.
AMBIGUOUS_GAP = 0.05
# A fact whose metric scores this much lower than the best one cannot support the claim.
BETTER_METRIC = 0.1
# A fact whose sentence or document title, not its own clause, names the claim's company.
NAMED_NEARBY = 0.85
# How far the words before a fact's figure in its sentence are trusted as its metric.
CLAUSE_TRUST = 0.9
# The score of a fact whose metric names a sector (sub-sector) the claim does not.
NARROWER = 0.9
# What the hedges allow, relative to the figure (plus the figure's own rounding).
ABOUT = 0.05  # khoảng / about: either side
NEARLY = 0.10  # gần / nearly: at or a little below
SOURCE_MORE_THAN = 0.05  # a source's "hơn X" is taken as X to X·1.05
CANDIDATES = 300  # facts pulled from the full-text index per figure
STAGE_LIMIT = 100  # rows one full-text query may bring
RANK_BELOW = 3000  # estimated matches under which bm25 ordering is affordable

# --- vocabulary (folded) ------------------------------------------------------------------
# Words that carry no metric: verbs of reporting, linkers, hedges, time words. Written with
# their diacritics, because folded they collide with metric words ("về"/"vệ" in "bảo vệ",
# "từ"/"tử" in "điện tử", "tăng"/"tầng" in "hạ tầng", "đồng"/"động" in "lao động").
_VI_STOP_WORDS = frozenset(
    """đạt ước tính là có được với năm tháng quý cuối trong của và các những một mức ở lên
    đến tới tăng giảm khoảng gần hơn trên ít nhất tối thiểu tối đa xấp xỉ chừng chiếm bằng
    tương đương ứng về cho vào tại thì này đó như đã sẽ vẫn còn cũng lại bị đang tiếp tục từ
    khi mà nếu thế theo riêng sau trước con vừa qua ngày phần trăm nghìn ngàn triệu tỷ tỉ usd
    vnd trở thêm đồng so""".split()
)
# Typed without diacritics, only the words that cannot be metric words are dropped.
_VI_STOP_ASCII = frozenset(fold(w) for w in _VI_STOP_WORDS) - frozenset(
    "ve tu dong so the trong ty ti con".split()
)
# Generic words: they count, but little ("dịch vụ", "lĩnh vực", "tỷ lệ").
_VI_GENERIC = frozenset(
    "dich vu linh vuc nganh toan tong so luong ty le trong su hoat viet nam ca nuoc gia tri "
    "chi tieu muc".split()
)
# "số lượng", "tổng số", "tỷ lệ": wrappers that say almost nothing of what is measured.
_VI_WRAPPERS = frozenset("so luong tong ty le".split())
_EN_STOP = frozenset(
    """the of and in to a an is was were are be been by for with on at from as that this it its
    reached reach reaches hit totaled totalled total stood amounted amount came grew grow grown
    rose rise risen fell fall fallen up down increased increase decreased decrease than more
    less over about nearly almost around least estimated approximately some roughly just close
    under below above year years percent per cent billion million thousand trillion dong usd
    vnd vietnam vietnamese country s rate growth gained jumped climbed dropped declined
    expanded achieved achieve hit while compared against versus vs last first half quarter
    month months only also which who has have had will would""".split()
)


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


# Sector and sub-sector terms: a claim naming one sector is never about a fact of another
# ("doanh thu dịch vụ viễn thông" is not "doanh thu dịch vụ bưu chính"). Longest first.
_SECTOR_TERMS: tuple[str, ...] = tuple(
    sorted(
        _phrases(
            "thong tin va truyen thong|cong nghe thong tin|cong nghiep cong nghe so|"
            "cong nghiep ict|cong nghe so|an toan thong tin|kinh te so|chinh phu so|"
            "chinh phu dien tu|xa hoi so|chuyen doi so|thuong mai dien tu|phat thanh|"
            "truyen hinh|bao chi|xuat ban|phat hanh|in|buu chinh|vien thong|internet|bang rong|"
            "di dong|co dinh|phan mem|phan cung|dien tu|noi dung so|cntt|ict|truyen thong|"
            "quang cao|tan so|ban dan|vi mach|du lieu|tri tue nhan tao|dien toan dam may|ve tinh"
        ),
        key=lambda t: (-len(t.split()), t),
    )
)
# Spellings that mean the same in a metric.
_VI_SYNONYMS = {
    "dung": "su dung",
    "dn": "doanh nghiep",
    "tt&tt": "thong tin va truyen thong",
    "ngan": "nghin",
    "ti": "ty",
}

# Reporting words trimmed from the ends of the metric as shown ("… viễn thông đạt").
_TRIM_WORDS = frozenset(
    "dat uoc tinh la co duoc nam tang giam khoang gan hon tren chiem bang o muc len toi den "
    "thi con so va cua trong cho vao tai da se van cung voi so".split()
)
# Growth words, before the figure ("tăng 12,7%", "grew 5%").
_CHANGE_UP = _phrases(
    "tang truong|tang them|tang|grew|grown|grow|growth|rose|risen|rise|increased|increase|"
    "up|gained|climbed|jumped|expanded|higher"
)
_CHANGE_DOWN = _phrases(
    "giam di|giam|fell|fallen|fall|dropped|drop|declined|decline|decreased|decrease|down|"
    "shrank|contracted|lower"
)
# ... and after it ("a 1.6% increase").
_CHANGE_AFTER = _phrases(
    "increase|growth|rise|gain|jump|higher|more|drop|decline|decrease|fall|lower|less|"
    "year on year|yoy|tang truong"
)
_CHANGE_FILLERS = _phrases("by|them|o muc|muc|la|dat|a|an|of|khoang")
# Plans and targets, with their diacritics ("sẽ", not "chia sẻ").
_TARGET_WORDS = _phrases(
    "phấn đấu|mục tiêu|sẽ|phan dau|muc tieu|target|targets|aim|aims|goal|will|plans to|"
    "plan to|expected to"
)
_HEDGE_WORDS = {
    "about": "about",
    "nearly": "nearly",
    "more_than": "more than",
    "at_least": "at least",
    "at_most": "at most",
}
_QUALIFIER_LABEL = {
    "estimate": "estimated",
    "about": "about",
    "nearly": "nearly",
    "more_than": "more than",
    "at_least": "at least",
    "at_most": "at most",
}

_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_COMPARED_RE = re.compile(
    r"\b(?:so voi|so|compared (?:with|to)|than|from|versus|vs|against|over)\s+"
    r"(?:(?:cung ky|the same period(?: of)?|the same time)\s+)?(?:nam\s+|the year\s+)?"
    r"((?:19|20)\d\d)\b"
)
_WORD_RE = re.compile(r"[^\W_]+(?:&[^\W_]+)?", re.UNICODE)


# --- the claim's figures --------------------------------------------------------------------


@dataclass
class Period:
    years: frozenset[int] = frozenset()
    sub: str | None = None  # "m1-11" (11 tháng đầu năm), "q2", "m7-12" ...

    def __bool__(self) -> bool:
        return bool(self.years) or self.sub is not None

    def describe(self) -> str:
        years = "/".join(str(y) for y in sorted(self.years))
        if not self.sub:
            return years
        if self.sub.startswith("q"):
            part = f"Q{self.sub[1:]}"
        elif self.sub.startswith("mo"):
            part = f"month {self.sub[2:]}"
        elif self.sub == "m7-12":
            part = "the second half"
        elif self.sub.startswith("m1-"):
            part = f"the first {self.sub[3:]} months"
        else:
            part = f"the last {13 - int(self.sub[1:].split('-')[0])} months"
        return f"{part} of {years}" if years else part


@dataclass
class Figure:
    number: NumberMatch
    text: str  # as written, with its hedge
    hedge: str | None
    measure: str  # change | target | state
    direction: str | None  # up | down for a change
    metric_text: str  # the claim's words for the metric, as written
    vi_words: list[str]  # folded Vietnamese metric words
    en_words: list[str]  # English metric words (English claims)
    context_words: set[str] = field(default_factory=set)  # every folded word of the claim
    sector_terms: set[str] = field(default_factory=set)  # sector terms of the metric words
    optional_words: list[str] = field(default_factory=list)  # after the figure: count if found
    optional_en: list[str] = field(default_factory=list)
    range_end: NumberMatch | None = None  # the upper end of "18-20%"
    entities: frozenset[tuple[str, ...]] = frozenset()  # names: ("vnpt",), ("viettel",)


@dataclass
class _Fact:
    id: str
    source_id: str
    metric: str
    metric_en: str
    measure: str
    value: float
    unit: str
    value_text: str
    total: float | None
    qualifier: str | None
    base_value: float | None
    base_unit: str | None
    period: str | None
    compared_to: str | None
    direction: str | None
    sector: str | None
    sentence: str
    title: str | None = None  # of its source document
    score: float = 0.0
    named_here: bool = True  # its own clause names the claim's companies (if the claim has any)


_FACT_COLUMNS = (
    "id, source_id, metric, metric_en, measure, value, unit, value_text, total, "
    "qualifier, base_value, base_unit, period, compared_to, direction, sector, "
    "sentence"
)


def check_claim(kb: KB, claim: str) -> dict[str, Any]:
    """The contract's `check --json` result for one claim."""
    if claim is None or not claim.strip():
        raise BadInput("empty claim: give a sentence with a figure to check")
    claim = nfc(claim.strip())
    figures = read_claim(claim)
    period = claim_period(claim)
    results = [_check_figure(kb, claim, fig, period) for fig in figures]
    verdicts = [r["verdict"] for r in results]
    if "contradicted" in verdicts:
        verdict = "contradicted"
    elif verdicts and all(v == "supported" for v in verdicts):
        verdict = "supported"
    else:
        verdict = "not_found"
    return {"claim": claim, "verdict": verdict, "figures": results}


def read_claim(claim: str) -> list[Figure]:
    """Every figure of a claim with its hedge, measure and metric words (years, dates and
    other context numbers left out)."""
    from mickb.text.glossary import is_english
    from mickb.text.numbers import find_numbers

    found = find_numbers(claim)
    # A range ("18-20%", "từ 4 đến 5 triệu") is one figure: its first end, reaching the second.
    range_end: dict[int, NumberMatch] = {}
    numbers: list[NumberMatch] = []
    for i, n in enumerate(found):
        if n.is_context:
            continue
        if n.range_with is not None and n.range_with < i:
            continue
        if n.range_with is not None and n.range_with > i:
            range_end[len(numbers)] = found[n.range_with]
        numbers.append(n)
    english = is_english(claim)
    context = set(_folded_words(claim))
    figures: list[Figure] = []
    prev_end = 0
    for i, n in enumerate(numbers):
        start = _hedged_start(n)
        before = claim[prev_end:start]
        nxt = _hedged_start(numbers[i + 1]) if i + 1 < len(numbers) else len(claim)
        upper = range_end.get(i)
        end = upper.end if upper is not None else n.end
        after = claim[end:nxt]
        measure, direction = _measure(claim[:start], after)
        vi, en, shown, terms = _metric_words(_clause_tail(before), english)
        # What is counted ("1,5 triệu lao động", "2.300 trang web") and the words after the
        # figure ("… lừa đảo trực tuyến", "… of GDP") also say what it measures.
        unit_vi, unit_en, unit_shown, unit_terms = _metric_words(_unit_noun(n), english)
        after_vi, after_en, after_shown, after_terms = _metric_words(_clause_head(after), english)
        optional: list[str] = []
        optional_en: list[str] = []
        if _has_content(vi, en):
            optional, optional_en = unit_vi + after_vi, unit_en + after_en
            if _is_count(n):
                shown = " … ".join(x for x in (shown, after_shown) if x)
                terms |= after_terms
        elif _has_content(unit_vi, unit_en) or not figures:
            # "70.000 doanh nghiệp đăng ký", "138.000 tỷ đồng là doanh thu ...",
            # "had 70,000 registered digital technology enterprises".
            vi = list(dict.fromkeys(vi + unit_vi + after_vi))
            en = list(dict.fromkeys(en + unit_en + after_en))
            shown = " ".join(x for x in (shown, unit_shown, after_shown) if x)
            terms |= unit_terms | after_terms
        else:
            # "đạt 138.000 tỷ đồng, tăng 1,6%": the growth rate of the same metric.
            prev = figures[-1]
            vi, en, shown, terms = (
                prev.vi_words,
                prev.en_words,
                prev.metric_text,
                prev.sector_terms,
            )
            optional, optional_en = prev.optional_words, prev.optional_en
        optional = [w for w in dict.fromkeys(optional) if w not in vi]
        optional_en = [w for w in dict.fromkeys(optional_en) if w not in en]
        hedge = n.qualifier if n.qualifier in _HEDGE_WORDS else None
        text = claim[start if hedge else n.start : end]
        entities = claim_entities(claim, shown)
        named = {w for e in entities for w in e}
        vi = [w for w in vi if w not in named]
        optional = [w for w in optional if w not in named]
        figures.append(
            Figure(
                n,
                text,
                hedge,
                measure,
                direction,
                shown,
                vi,
                en,
                context,
                terms,
                optional,
                optional_en,
                upper,
                entities,
            )
        )
        prev_end = end
    return figures


# A Vietnamese syllable (folded): onset, vowels, coda. Capitalised words that are not one
# ("Viettel", "MobiFone", "Samsung") are names.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# Acronyms that are vocabulary, not names.
_COMMON_ACRONYMS = frozenset(
    "gdp ict cntt tt tttt usd vnd eur bts fdi pci cpi grdp it ai iot 2g 3g 4g 5g covid sim "
    "tp ubnd hdnd qd nd cp ttg tt&tt".split()
)


def _is_name_token(word: str, acronyms_only: bool = False) -> bool:
    f = fold(word)
    if f in _COMMON_ACRONYMS or not word[:1].isupper() or word.isdigit():
        return False
    if sum(1 for ch in word if ch.isupper()) >= 2:
        return True  # VNPT, MobiFone, VinaPhone
    return not acronyms_only and word == f.capitalize() and not _SYLLABLE_RE.fullmatch(f)


def claim_entities(
    claim: str, metric_text: str, first_word_too: bool = False
) -> frozenset[tuple[str, ...]]:
    """Company and organisation names among the metric words of a claim ("VNPT",
    "Viettel", "VNPT VinaPhone"), as folded word tuples: a fact about another company (or
    another unit of it) is never about this one."""
    first = _WORD_RE.match(claim.strip())
    found: set[tuple[str, ...]] = set()
    run: list[str] = []
    for m in [*_WORD_RE.finditer(metric_text), None]:
        w = m.group(0) if m is not None else ""
        at_start = (
            not first_word_too
            and first is not None
            and m is not None
            and m.start() == 0
            and claim.strip().startswith(metric_text.strip())
        )
        if w and _is_name_token(w, acronyms_only=at_start):
            run.append(fold(w))
            continue
        if run:
            found.add(tuple(run))
        run = []
    return frozenset(found)


def _names(text: str, entity: tuple[str, ...]) -> bool:
    """Whether `text` names `entity` itself, not a longer name that starts or ends with it
    ("VNPT" is named in "VNPT đạt …" and "VNPT, MobiFone", not in "VNPT Media đạt …")."""
    matches = list(_WORD_RE.finditer(text))
    folded = [fold(m.group(0)) for m in matches]
    n = len(entity)

    def joined(a: int, b: int) -> bool:  # two tokens of one name: only spaces between them
        return (
            0 <= a and b < len(matches) and not text[matches[a].end() : matches[b].start()].strip()
        )

    for i in range(len(matches) - n + 1):
        if tuple(folded[i : i + n]) != entity:
            continue
        j = i + n
        longer_after = joined(j - 1, j) and _is_name_token(matches[j].group(0))
        longer_before = joined(i - 1, i) and _is_name_token(matches[i - 1].group(0))
        if not longer_after and not longer_before:
            return True
    return False


def _entities_in(text: str) -> frozenset[tuple[str, ...]]:
    return claim_entities(text, text, first_word_too=True)


def _names_only(text: str, entity: tuple[str, ...]) -> bool:
    """`text` names `entity` and no other company."""
    return _entities_in(text) <= {entity}


def _hedged_start(n: NumberMatch) -> int:
    return n.start if n.qualifier_start is None else n.qualifier_start


def _has_content(vi: list[str], en: list[str]) -> bool:
    return bool(en) or any(w not in _VI_GENERIC for w in vi)


# Scale and currency words of a unit: what is left is the noun that is counted.
_UNIT_SCALE_RE = re.compile(
    r"\b(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|đồng|usd|vnd|us\$|đô la|thousand|million|billion|"
    r"trillion|dollars?|dong|percent|per cent|phần trăm|bn|mn)\b|%|\$",
    re.IGNORECASE,
)


def _unit_noun(n: NumberMatch) -> str:
    return _UNIT_SCALE_RE.sub(" ", n.unit or "").strip()


def _is_count(n: NumberMatch) -> bool:
    from mickb.text.numbers import unit_kind

    kind = unit_kind(n.base_unit)
    return kind in ("number", "people") or kind.startswith("count:")


def claim_period(claim: str) -> Period:
    """The period a claim is about: its years (not those it compares with) and any part of a
    year ("11 tháng đầu năm", "quý II", "first half")."""
    return parse_period(claim, drop_compared=True)


def parse_period(text: str | None, *, drop_compared: bool = False) -> Period:
    if not text:
        return Period()
    folded = fold(text)
    if drop_compared:
        folded = _COMPARED_RE.sub(" ", folded)
    years = frozenset(int(y) for y in _YEAR_RE.findall(folded))
    return Period(years, _sub_period(folded))


_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}
_EN_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _sub_period(folded: str) -> str | None:
    m = re.search(r"\b(\d{1,2})\s+thang\s+(dau|cuoi)?", folded)
    if m and 1 <= int(m.group(1)) < 12:
        n = int(m.group(1))
        return f"m{13 - n}-12" if m.group(2) == "cuoi" else f"m1-{n}"
    m = re.search(r"\b(?:first|past|last)\s+(\d{1,2}|\w+)\s+months?\b", folded)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _EN_NUMBERS.get(m.group(1), 0)
        if 1 <= n < 12:
            return f"m13-{n}" if folded[m.start() :].startswith("last") else f"m1-{n}"
    if re.search(r"\b(nua dau nam|first half|h1)\b", folded):
        return "m1-6"
    if re.search(r"\b(nua cuoi nam|second half|h2)\b", folded):
        return "m7-12"
    m = re.search(r"\bthang\s+(1[0-2]|0?[1-9])\s*(?:/|nam)\s*(?:19|20)\d\d\b", folded)
    if m:
        return f"mo{int(m.group(1))}"
    m = (
        re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b", folded)
        or re.search(r"\bq([1-4])\b", folded)
        or re.search(r"\b(first|second|third|fourth)\s+quarter\b", folded)
    )
    if m:
        return f"q{_ROMAN[m.group(1)]}"
    return None


def _measure(before: str, after: str) -> tuple[str, str | None]:
    """change (with its direction), target, or state (a level, share, count or ratio)."""
    head = fold(before)
    cut = max(head.rfind(";"), head.rfind(". "))
    head = head[cut + 1 :]
    ws = _WORD_RE.findall(head)
    # drop filler words between a change verb and its number ("tăng thêm", "grew by")
    trail = list(ws)
    for _ in range(2):
        if trail and trail[-1] in _CHANGE_FILLERS:
            trail.pop()
    tail = " ".join(trail[-2:])
    for words_, direction in ((_CHANGE_DOWN, "down"), (_CHANGE_UP, "up")):
        for w in words_:
            if tail == w or tail.endswith(" " + w):
                if w == "tang" and tail.endswith("gia tang") and trail[-3:-2] == ["tri"]:
                    continue  # "giá trị gia tăng": value added, not a growth
                return "change", direction
    nxt = " ".join(_WORD_RE.findall(fold(after))[:3])
    for w in _CHANGE_AFTER:
        if nxt.startswith(w):
            down = w in ("drop", "decline", "decrease", "fall", "lower", "less")
            return "change", "down" if down else "up"
    lowered = nfc(before).lower()
    cut = max(lowered.rfind(";"), lowered.rfind(". "))
    near = " " + " ".join(_WORD_RE.findall(lowered[cut + 1 :])[-20:]) + " "
    if any(f" {w} " in near for w in _TARGET_WORDS):
        return "target", None
    return "state", None


def _clause_tail(text: str) -> str:
    """The part of `text` after its last clause break (;) or sentence end."""
    ends = [m.end() - 1 for m in re.finditer(r"[.!?]\s", text)]
    cut = max([text.rfind(";"), *ends])
    return text[cut + 1 :] if cut >= 0 else text


def _clause_head(text: str) -> str:
    """The words right after a figure, up to a clause break or a comparison."""
    m = re.search(r"[;,:.!?()](?:\s|$)|\b(?:so với|so|compared|than|tăng|giảm|up|down)\b", text)
    return text[: m.start()] if m else text


def _folded_words(text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD_RE.findall(fold(text)):
        out.extend(_VI_SYNONYMS.get(w, w).split())
    return out


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(every folded word, the folded words that are not stop words) of Vietnamese text;
    stop words are recognised with their diacritics when the text has them."""
    raw: list[str] = []
    content: list[str] = []
    for w in _WORD_RE.findall(nfc(text).lower()):
        f = fold(w)
        stop = w in _VI_STOP_WORDS or (w == f and f in _VI_STOP_ASCII)
        for part in _VI_SYNONYMS.get(f, f).split():
            raw.append(part)
            if not stop:
                content.append(part)
    return raw, content


def _without_time(text: str) -> str:
    """`text` with its period and comparison phrases blanked out (diacritics kept)."""
    folded = fold(text)
    if len(folded) != len(text):
        return _strip_time(folded)
    keep = [True] * len(text)
    for pattern in _TIME_RES:
        for m in pattern.finditer(folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
    return "".join(ch if k else " " for ch, k in zip(text, keep, strict=True))


# Time and comparison phrases: the period is matched on its own, never as metric words.
_TIME_RES = (
    _COMPARED_RE,
    re.compile(r"\b(?:cung ky|year on year|yoy)\b"),
    re.compile(r"\btang truong\b"),
    re.compile(r"\b\d{1,2}\s+thang(?:\s+(?:dau|cuoi))?(?:\s+nam)?\b"),
    re.compile(r"\b(?:nua dau|nua cuoi)(?:\s+nam)?\b"),
    re.compile(r"\bquy\s+(?:iv|iii|ii|i|[1-4])\b"),
    re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of)?\b"),
    re.compile(r"\b(?:the\s+)?(?:first|past|last)\s+\w+\s+months?(?:\s+of)?\b"),
    re.compile(r"\b(?:nam|in|during|for|of)\s+(?:19|20)\d\d\b"),
    re.compile(r"(?<!\w)\d+(?:[.,/]\d+)*(?!\w)"),  # numbers, not "4G" or "Covid-19"
)


def _strip_time(folded: str) -> str:
    for pattern in _TIME_RES:
        folded = pattern.sub(" ", folded)
    return folded


def shown_metric(segment: str, english: bool = False) -> str:
    """The claim's metric words as written, without period, comparison and reporting verbs:
    "Năm 2022, doanh thu dịch vụ viễn thông đạt" -> "doanh thu dịch vụ viễn thông"."""
    folded = fold(segment)
    if len(folded) != len(segment):
        return " ".join(segment.split())
    keep = [True] * len(segment)
    for pattern in _TIME_RES:
        for m in pattern.finditer(folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
    text = "".join(ch if k else " " for ch, k in zip(segment, keep, strict=True))
    tokens = text.replace(",", " ").replace(":", " : ").split()
    stop = _EN_STOP if english else _TRIM_WORDS
    while tokens and (fold(tokens[-1]) in stop or not any(c.isalnum() for c in tokens[-1])):
        tokens.pop()
    while tokens and (fold(tokens[0]) in stop or not any(c.isalnum() for c in tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


def _metric_words(segment: str, english: bool) -> tuple[list[str], list[str], str, set[str]]:
    """(folded Vietnamese words, English words, shown text, sector terms) of a claim's
    metric segment."""
    shown = shown_metric(segment, english)
    en: list[str] = []
    raw: list[str] = []
    content: list[str] = []
    if english:
        from mickb.text.glossary import english_to_vietnamese

        stripped = _strip_time(fold(segment))
        en = [_en_norm(w) for w in _WORD_RE.findall(stripped)]
        en = [w for w in en if w not in _EN_STOP and not w.isdigit()]
        for term in english_to_vietnamese(stripped):
            r, c = _tokens(term)
            raw += r
            content += c
    else:
        raw, content = _tokens(_without_time(segment))
    return list(dict.fromkeys(content)), en, shown, sector_terms(raw)


def _en_norm(word: str) -> str:
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# --- metric matching -----------------------------------------------------------------------


def _weight(word: str) -> float:
    if word in _VI_WRAPPERS:
        return 0.2
    return 0.4 if word in _VI_GENERIC else 1.0


_SECTOR_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _term in _SECTOR_TERMS:
    _SECTOR_BY_FIRST.setdefault(_term.split()[0], []).append(tuple(_term.split()))


def sector_terms(ws: list[str] | tuple[str, ...]) -> set[str]:
    """The sector terms in a list of folded words, longest match first."""
    found: set[str] = set()
    i = 0
    while i < len(ws):
        for parts in _SECTOR_BY_FIRST.get(ws[i], ()):
            if tuple(ws[i : i + len(parts)]) == parts:
                found.add(" ".join(parts))
                i += len(parts)
                break
        else:
            i += 1
    return found


def metric_score(fig: Figure, fact: _Fact) -> float:
    """How surely `fact` is about the claim's metric, 0..1: mostly how much of the claim's
    metric the fact's metric (or sector) covers, a little how much of the fact's metric the
    claim mentions. 0 when they name different sectors.

    The fact's own words before its figure in the source sentence are a second reading of its
    metric, a little less trusted, for when the extractor cut the metric short."""
    # The claim names a company (VNPT, Viettel): a fact is about it when its sentence names
    # it, perhaps when only its document's title does, never otherwise.
    named = 1.0
    clause_text = _fact_clause_cached(fact.sentence or "", fact.value_text or "")[2]
    fact.named_here = True
    if fig.entities:
        own = _entities_in(f"{fact.metric} | {clause_text}")
        if own and not (own & fig.entities):
            return 0.0  # "doanh thu MobiFone" is not Viettel's revenue
    for entity in fig.entities:
        if _names(f"{fact.metric} | {clause_text}", entity):
            continue
        # Named elsewhere in the sentence ("VNPT đạt …; Viettel đạt …") or only in the title:
        # perhaps about it, less surely than a fact whose own clause names it.
        sentence = fact.sentence or ""
        at = sentence.find(fact.value_text) if fact.value_text else -1
        before = sentence[:at] if at >= 0 else sentence  # the subject comes before its figure
        in_sentence = _names(before, entity)
        if in_sentence or _names(fact.title or "", entity):
            named = min(named, NAMED_NEARBY)
            # Sure enough to contradict only when no other company is named there.
            if in_sentence:
                fact.named_here = fact.named_here and _names_only(before, entity)
            else:
                fact.named_here = (
                    fact.named_here
                    and _names_only(fact.title or "", entity)
                    and not _entities_in(fact.sentence or "")
                )
            continue
        return 0.0
    # Words that say what the figure measures without being its metric: the sector, the
    # counted noun ("doanh nghiệp"), the words right after it ("50,4% kế hoạch năm").
    sector = (
        _folded_words(fact.sector or "")
        + _folded_words(_UNIT_SCALE_RE.sub(" ", fact.unit or ""))
        + list(_fact_after(fact.sentence or "", fact.value_text or ""))
    )
    best = 0.0
    if fig.vi_words:
        best = _vi_score(fig, _cached_tokens(fact.metric or ""), sector)
        if best < 1.0 and _clause_may_beat(fig, fact.sentence or "", sector, best):
            clause = _fact_clause(fact.sentence or "", fact.value_text or "")
            if clause[1]:
                best = max(best, CLAUSE_TRUST * _vi_score(fig, clause, sector))
    if fig.en_words and fact.metric_en:
        fact_en = [_en_norm(w) for w in _WORD_RE.findall(fact.metric_en.lower())]
        fact_en = [w for w in fact_en if w not in _EN_STOP]
        if fact_en:
            found = sum(1 for w in fig.optional_en if _en_in(w, fact_en))
            recall = (sum(1 for w in fig.en_words if _en_in(w, fact_en)) + found) / (
                len(fig.en_words) + found
            )
            precision = sum(1 for w in fact_en if _en_in(w, fig.en_words)) / len(fact_en)
            best = max(best, 0.75 * recall + 0.25 * precision)
    return best * named


@lru_cache(maxsize=8192)
def _cached_tokens(text: str) -> tuple[list[str], list[str]]:
    return _tokens(text)


@lru_cache(maxsize=8192)
def _sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(_folded_words(sentence))


def _clause_may_beat(fig: Figure, sentence: str, sector: list[str], best: float) -> bool:
    """Whether the words before the figure could score above `best`: not when the whole
    sentence lacks too many of the claim's words (reading the clause costs a number parse)."""
    have = _sentence_words(sentence) | set(sector)
    total = sum(_weight(w) for w in fig.vi_words) or 1.0
    recall = sum(_weight(w) for w in fig.vi_words if w in have) / total
    return CLAUSE_TRUST * (0.75 * recall + 0.25) > max(best, SAME_METRIC)


def _vi_score(fig: Figure, metric: tuple[list[str], list[str]], sector: list[str]) -> float:
    """The Vietnamese-words score of one reading of a fact's metric (all words, content
    words), `sector` holding words that may cover the claim's but are not the metric."""
    raw_metric, fact_metric = metric
    metric_terms = sector_terms(raw_metric)
    fact_terms = metric_terms | sector_terms(sector)
    claim_terms = fig.sector_terms
    if (claim_terms - fact_terms) and (metric_terms - claim_terms):
        return 0.0
    # A fact narrower than the claim ("kinh tế số ICT" for "kinh tế số") ranks below one
    # of exactly the claim's sector.
    narrower = NARROWER if claim_terms and (metric_terms - claim_terms) else 1.0
    have = set(fact_metric) | set(sector)
    found_optional = sum(_weight(w) for w in fig.optional_words if w in have)
    total = sum(_weight(w) for w in fig.vi_words) + found_optional
    recall = (sum(_weight(w) for w in fig.vi_words if w in have) + found_optional) / total
    if not fact_metric:
        return 0.6 * recall * narrower
    mentioned = set(fig.vi_words) | fig.context_words
    ftotal = sum(_weight(w) for w in fact_metric)
    precision = sum(_weight(w) for w in fact_metric if w in mentioned) / ftotal
    return (0.75 * recall + 0.25 * precision) * narrower


@lru_cache(maxsize=4096)
def _fact_clause_cached(
    sentence: str, value_text: str
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(every folded word, content words, text) of the clause a fact's figure closes."""
    from mickb.text.numbers import find_numbers

    at = sentence.find(value_text) if value_text else -1
    if at < 0:
        return (), (), ""
    spans = [(n.start, n.end) for n in find_numbers(sentence) if n.end <= at]
    end = at
    raw: list[str] = []
    content: list[str] = []
    # The words since the figure before; when there are none ("… 138.000 tỷ đồng, tăng 1,6%")
    # the growth rate belongs to that figure's metric: read the words before it instead.
    for _ in range(3):
        start = spans[-1][1] if spans else 0
        head = sentence[start:end]
        cut = head.rfind(";")
        head = head[cut + 1 :] if cut >= 0 else head
        clause_start = start + cut + 1
        raw, content = _tokens(_without_time(head))
        if _has_content(content, []) or not spans or cut >= 0:
            break
        end = spans.pop()[0]
    # The sector heading of the sentence ("Lĩnh vực bưu chính: ...") stays with it.
    if ":" in sentence[:at]:
        lead = sentence.split(":", 1)[0]
        if len(lead) < 60:
            r, c = _tokens(lead)
            raw, content = r + raw, c + content
    return tuple(raw), tuple(content), sentence[clause_start : at + len(value_text)]


@lru_cache(maxsize=4096)
def _fact_after(sentence: str, value_text: str) -> tuple[str, ...]:
    at = sentence.find(value_text) if value_text else -1
    if at < 0:
        return ()
    tail = sentence[at + len(value_text) :]
    m = re.search(r"[;,:.!?()\d]", tail)
    words_ = _tokens(_without_time(tail[: m.start()] if m else tail))[1]
    return tuple(words_[:8])


def _fact_clause(sentence: str, value_text: str) -> tuple[list[str], list[str]]:
    raw, content, _ = _fact_clause_cached(sentence, value_text)
    return list(raw), list(content)


def _en_in(word: str, others: list[str]) -> bool:
    for o in others:
        if word == o:
            return True
        short, long_ = sorted((word, o), key=len)
        if len(short) >= 4 and long_.startswith(short):
            return True  # telecom / telecommunications
        common = len(os.path.commonprefix([word, o]))
        if common >= 6 and common >= 0.7 * len(short):
            return True  # contributed / contribution
    return False


# --- comparing numbers ---------------------------------------------------------------------


def _radius(value: float, decimals: int, scale: float, digits: str | None) -> float:
    """Half a unit of the last written digit, in base units: "3,9 triệu tỷ" stands for
    3,85-3,95 triệu tỷ. A round integer ("138.000", "50.000") is rounded to its last
    non-zero digit, but never by more than half a percent."""
    r = 0.5 * 10 ** (-decimals)
    if decimals == 0 and digits:
        plain = re.sub(r"\D", "", digits)
        zeros = len(plain) - len(plain.rstrip("0"))
        if zeros >= 2 and plain.strip("0"):
            r = max(r, min(0.5 * 10**zeros, 0.005 * abs(value)))
    return r * scale


def claim_interval(fig: Figure) -> tuple[float, float]:
    n = fig.number
    v = n.base_value if n.base_value is not None else n.value
    r = _radius(n.value, n.decimals, (v / n.value) if n.value else n.scale, n.text)
    lo, hi = _interval(v, r, fig.hedge, source=False)
    if fig.range_end is not None:
        m = fig.range_end
        w = m.base_value if m.base_value is not None else m.value
        hi = max(
            hi,
            _interval(
                w,
                _radius(m.value, m.decimals, (w / m.value) if m.value else m.scale, m.text),
                None,
                source=False,
            )[1],
        )
    return lo, hi


def fact_interval(fact: _Fact) -> tuple[float, float]:
    v = fact.base_value if fact.base_value is not None else fact.value
    decimals, scale_, digits = _written(fact)
    scale = (v / fact.value) if fact.value else scale_
    r = _radius(fact.value, decimals, scale, digits)
    return _interval(v, r, fact.qualifier, source=True)


def _interval(v: float, r: float, hedge: str | None, *, source: bool) -> tuple[float, float]:
    v = abs(v)
    if hedge == "about":
        return min(v * (1 - ABOUT), v - r), max(v * (1 + ABOUT), v + r)
    if hedge == "nearly":
        return min(v * (1 - NEARLY), v - r), v + r
    if hedge in ("more_than", "at_least"):
        return v - r, (v * (1 + SOURCE_MORE_THAN) + r) if source else math.inf
    if hedge == "at_most":
        return ((v * (1 - NEARLY) - r) if source else -math.inf), v + r
    return v - r, v + r


def _written(fact: _Fact) -> tuple[int, float, str | None]:
    """Decimals, scale and digits of the fact's value as the source writes it."""
    from mickb.text.numbers import find_numbers

    for n in find_numbers(fact.value_text or ""):
        return n.decimals, n.scale, n.text
    text = f"{fact.value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0, 1.0, None


def units_compatible(fig: Figure, fact: _Fact) -> bool:
    from mickb.text.numbers import unit_kind

    a = unit_kind(fig.number.base_unit)
    b = unit_kind(fact.base_unit if fact.base_unit else _fact_base_unit(fact))
    if a == b:
        return True
    if a == "number" and fig.number.scale > 1 and b.startswith("money:"):
        return True  # "46 nghìn tỷ": the currency goes without saying
    # A bare number ("39.700") is a count of whatever the metric counts.
    countish = ("number", "people", "times")
    return (a == "number" and (b in countish or b.startswith("count:"))) or (
        b == "number" and (a in countish or a.startswith("count:"))
    )


def _fact_base_unit(fact: _Fact) -> str | None:
    from mickb.text.numbers import find_numbers

    for n in find_numbers(fact.value_text or ""):
        return n.base_unit
    return "%" if (fact.unit or "").strip() == "%" else None


def numbers_agree(fig: Figure, fact: _Fact) -> bool:
    if (
        fact.total is not None
        and fig.number.total is None
        and ({"tong", "total"} & fig.context_words)
    ):
        # "602/2.002 tỷ đồng" and a claim about the total ("tổng … 2.002 tỷ đồng").
        scale = (fact.base_value / fact.value) if fact.base_value and fact.value else 1.0
        fact = replace(
            fact,
            value=fact.total,
            base_value=fact.total * scale,
            total=None,
            value_text="",
            qualifier=None,
        )
    lo, hi = claim_interval(fig)
    flo, fhi = fact_interval(fact)
    if not (lo <= fhi + 1e-9 * max(1.0, abs(fhi)) and flo <= hi + 1e-9 * max(1.0, abs(hi))):
        return False
    if fig.number.total is not None and fact.total is not None:
        return abs(fig.number.total - fact.total) < 1e-9 * max(1.0, abs(fact.total))
    return True


# --- the KB side ---------------------------------------------------------------------------


def candidate_facts(
    kb: KB, fig: Figure, period: Period | None = None, limit: int = CANDIDATES
) -> list[_Fact]:
    """Facts that may be about the figure's metric, a bounded set whatever the KB's size:
    full-text matches of its metric words (with the claim's year, then without, then any of
    its rarest words), plus facts holding a value near the figure's.

    As in search.py, bm25 ordering is used only when the vocabulary says the match set is
    small; a large one gives its newest rows."""
    from mickb.query.verify import kb_connection

    conn = kb_connection(kb)
    df = _term_counts(conn, fig.vi_words + fig.en_words)
    select = (
        f"SELECT {', '.join('f.' + c.strip() for c in _FACT_COLUMNS.split(','))}, "
        "(SELECT s.title FROM sources s WHERE s.id = f.source_id) "
    )
    rows: dict[str, tuple[Any, ...]] = {}
    stages: list[tuple[str, int]] = []
    years = [str(y) for y in sorted(period.years)] if period else []
    for words_ in (fig.vi_words, fig.en_words):
        known = [w for w in words_ if df is None or df.get(w, 0) > 0]
        informative = [w for w in known if w not in _VI_GENERIC] or known
        if not informative:
            continue
        count = (lambda w: df.get(w, 0)) if df is not None else (lambda w: 0)
        estimate = min(count(w) for w in informative)
        if years:
            stages.append((_fts_and(informative + years), estimate))
        stages.append((_fts_and(informative), estimate))
        rarest = sorted(informative, key=lambda w: (count(w), w))[:4]
        if len(rarest) > 1:
            stages.append(
                (" OR ".join(_fts_string(w) for w in rarest), sum(count(w) for w in rarest))
            )
    for expression, estimate in stages:
        if len(rows) >= limit:
            break
        order = "facts_fts.rank" if estimate <= RANK_BELOW else "facts_fts.rowid DESC"
        try:
            found = conn.execute(
                select + "FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
                f"WHERE facts_fts MATCH ? ORDER BY {order} LIMIT ?",
                (expression, STAGE_LIMIT),
            ).fetchall()
        except sqlite3.Error:
            continue
        for row in found:
            rows.setdefault(row[0], row)
    lo, hi = claim_interval(fig)
    if math.isfinite(lo) and math.isfinite(hi):
        # In index order, no sort: a round number may be held by thousands of facts.
        for row in conn.execute(
            select + "FROM facts f WHERE f.base_value BETWEEN ? AND ? LIMIT ?",
            (lo, hi, STAGE_LIMIT),
        ):
            rows.setdefault(row[0], row)
    return [_Fact(*row) for row in rows.values()]


def _fts_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts_and(words_: list[str]) -> str:
    return " AND ".join(_fts_string(w) for w in dict.fromkeys(words_))


def _term_counts(conn: sqlite3.Connection, words_: list[str]) -> dict[str, int] | None:
    """Records per index term, from the KB's vocabulary; None when the KB has none."""
    unique = sorted(set(words_))
    if not unique:
        return {}
    try:
        found = conn.execute(
            f"SELECT term, n FROM terms WHERE term IN ({','.join('?' * len(unique))})", unique
        ).fetchall()
    except sqlite3.Error:
        return None
    return {term: int(n) for term, n in found}


def _record(kb: KB, fact: _Fact) -> dict[str, Any] | None:
    try:
        return kb.get(fact.id)
    except Exception:  # noqa: BLE001 - a fact we just read; a vanished one is simply not shown
        return None


def _source_label(record: dict[str, Any] | None) -> str:
    src = (record or {}).get("source") or {}
    parts = [f"«{src['title']}»" if src.get("title") else None, src.get("date")]
    text = ", ".join(p for p in parts if p)
    return f" — {text}" if text else ""


# --- verdicts ------------------------------------------------------------------------------


def _check_figure(kb: KB, claim: str, fig: Figure, period: Period) -> dict[str, Any]:
    n = fig.number
    result: dict[str, Any] = {
        "text": fig.text,
        "value": _num(n.value),
        "unit": n.unit,
        "base_value": _num(n.base_value),
        "base_unit": n.base_unit,
        "hedge": fig.hedge,
        "verdict": "not_found",
        "explanation": None,
        "fact": None,
    }
    metric_label = fig.metric_text or "this figure"
    if not fig.vi_words and not fig.en_words:
        result["explanation"] = (
            f"the claim does not say what {fig.text} measures, so there is nothing to match it with"
        )
        return result
    cands = candidate_facts(kb, fig, period)
    for c in cands:
        c.score = metric_score(fig, c)
    same_metric = sorted(
        (c for c in cands if c.score >= SAME_METRIC), key=lambda c: (-c.score, c.id)
    )
    if not same_metric:
        result["explanation"] = f"the KB has no figure for «{metric_label}»"
        return result

    same_measure = [c for c in same_metric if _measure_class(c) == fig.measure]
    same_unit = [c for c in same_measure if units_compatible(fig, c)]
    if not same_measure:
        other = same_metric[0]
        rec = _record(kb, other)
        result["explanation"] = (
            f"the KB has only {_measure_name(_measure_class(other))} of {_metric_label(other)} "
            f"({_fact_phrase(other)}), not {_measure_name(fig.measure, own=True)}"
            + _source_label(rec)
        )
        return result
    if not same_unit:
        other = same_measure[0]
        rec = _record(kb, other)
        result["explanation"] = (
            f"the KB gives {_metric_label(other)} in {_unit_name(other)} ({_fact_phrase(other)}), "
            f"which cannot be compared with {fig.text}" + _source_label(rec)
        )
        return result

    scored = [(c, period_relation(period, parse_period(c.period))) for c in same_unit]
    usable = [(c, rel) for c, rel in scored if rel != "different"]
    if not usable:
        other = scored[0][0]
        rec = _record(kb, other)
        result["explanation"] = (
            f"the KB has {_metric_label(other)} for {other.period} ({_fact_phrase(other)}), "
            f"not for {period.describe()}" + _source_label(rec)
        )
        return result

    # A fact of a clearly better-matching metric speaks for the claim: "số đầu xuất bản phẩm
    # điện tử" is judged by the electronic titles, not by the all-titles count it contains.
    top_score = max(c.score for c, _ in usable)
    agreeing = [
        (c, rel)
        for c, rel in usable
        if c.score >= top_score - BETTER_METRIC and numbers_agree(fig, c) and _direction_ok(fig, c)
    ]
    if agreeing:
        # The best metric first; among equals a fact of the very same period.
        best, _ = min(agreeing, key=lambda t: (-round(t[0].score, 2), t[1] != "same", t[0].id))
        rec = _record(kb, best)
        result["verdict"] = "supported"
        result["fact"] = rec
        result["explanation"] = (
            f"the source says {_fact_phrase(best, with_qualifier=True)} for {_metric_label(best)}"
            f"{_period_suffix(best)}, which {_relation(fig, best)} "
            f"{fig.text if fig.range_end is not None or not fig.hedge else fig.number.text}"
            + _source_label(rec)
        )
        return result

    # A contradiction needs the very metric, period and company: a fact that names the
    # claim's company only elsewhere in its sentence or title may support, not contradict.
    firm = [(c, rel) for c, rel in usable if rel in ("same", "unknown") and c.named_here]
    if not firm:
        other = usable[0][0]
        rec = _record(kb, other)
        claim_part = period.describe()
        result["explanation"] = (
            f"the KB has {_metric_label(other)} only for {other.period} ({_fact_phrase(other)}), "
            f"which is not the same period as the claim's"
            + (f" ({claim_part})" if claim_part else "")
            + _source_label(rec)
        )
        return result
    top = firm[0][0]
    rivals = [
        c
        for c, _ in firm
        if c.score >= top.score - AMBIGUOUS_GAP and _metric_key(c) != _metric_key(top)
    ]
    if rivals:
        shown = "; ".join(f"{_metric_label(c)}: {_fact_phrase(c)}" for c in [top, *rivals][:4])
        result["explanation"] = (
            f"«{metric_label}» could be several figures in the KB, none "
            f"of them {fig.text} ({shown}); name the metric more exactly"
        )
        return result
    rec = _record(kb, top)
    result["verdict"] = "contradicted"
    result["fact"] = rec
    explanation = (
        f"the source says {_fact_phrase(top, with_qualifier=True)} for {_metric_label(top)}"
        f"{_period_suffix(top)}, not {fig.text}"
    )
    owner = _owner_of_number(fig, cands, top)
    if owner is not None:
        explanation += (
            f" ({fig.number.text} is the figure of {_metric_label(owner)}: {_fact_phrase(owner)})"
        )
    result["explanation"] = explanation + _source_label(rec)
    return result


def period_relation(claim: Period, fact: Period) -> str:
    """same | unknown (one side does not say) | soft (same year, only one side names a
    part of it) | different."""
    if not claim or not fact:
        return "unknown"
    if claim.years and fact.years and not (claim.years & fact.years):
        return "different"
    if claim.sub and fact.sub and claim.sub != fact.sub:
        # "tháng 6/2017" is often "by the end of June": the months up to it, not the month.
        month = {claim.sub, fact.sub}
        if (
            any(p.startswith("mo") for p in month)
            and {p.replace("mo", "m1-") for p in month if p.startswith("mo")} & month
        ):
            return "soft"
        return "different"
    if not claim.years or not fact.years:
        return "unknown" if not (claim.sub or fact.sub) or claim.sub == fact.sub else "soft"
    if claim.sub != fact.sub:
        return "soft"
    return "same"


def _measure_class(fact: _Fact) -> str:
    if fact.measure == "change":
        return "change"
    if fact.measure == "target":
        return "target"
    return "state"


def _measure_name(measure: str, own: bool = False) -> str:
    name = {"change": "the growth rate", "target": "a target", "state": "the level"}[measure]
    if own:
        name = {"change": "its growth rate", "target": "a target for it", "state": "its level"}[
            measure
        ]
    return name


def _direction_ok(fig: Figure, fact: _Fact) -> bool:
    if fig.measure != "change" or not fig.direction or not fact.direction:
        return True
    return fig.direction == fact.direction


def _fact_phrase(fact: _Fact, with_qualifier: bool = False) -> str:
    """The source's figure as a reader would quote it: "tăng 16% so với năm 2021"."""
    text = fact.value_text or f"{fact.value} {fact.unit}".strip()
    if fact.measure == "change" and fact.direction in ("up", "down"):
        word = "tăng" if fact.direction == "up" else "giảm"
        text = f"{word} {text}"
        if fact.compared_to:
            cmp_ = fact.compared_to
            if re.fullmatch(r"(?:19|20)\d\d", cmp_.strip()):
                cmp_ = f"năm {cmp_.strip()}"
            text += f" {cmp_}" if fold(cmp_).startswith("so") else f" so với {cmp_}"
    if with_qualifier and fact.qualifier in _QUALIFIER_LABEL:
        text += f" ({_qualifier_words(fact) or _QUALIFIER_LABEL[fact.qualifier]})"
    return text


def _qualifier_words(fact: _Fact) -> str | None:
    """The source's own hedge words ("ước đạt", "khoảng") before its figure."""
    from mickb.text.numbers import find_numbers

    sentence = fact.sentence or ""
    at = sentence.find(fact.value_text or "\0")
    if at < 0:
        return None
    for n in find_numbers(sentence):
        if n.start <= at < n.end or n.end > at >= n.start - 1:
            return n.qualifier_text
    return None


def _period_suffix(fact: _Fact) -> str:
    # The source's own words for its period ("11 tháng đầu năm 2022") read best.
    return f" ({fact.period})" if fact.period else ""


def _relation(fig: Figure, fact: _Fact) -> str:
    if fig.range_end is not None:
        return "is within"
    if fig.hedge:
        return "is " + _HEDGE_WORDS[fig.hedge]
    v = fact.base_value if fact.base_value is not None else fact.value
    w = fig.number.base_value if fig.number.base_value is not None else fig.number.value
    if math.isclose(abs(v), abs(w), rel_tol=1e-9):
        return "matches"
    return "rounds to"


def _metric_label(fact: _Fact) -> str:
    """The fact's metric as a reader should see it; when the extractor left none, the
    source's own words before the figure."""
    if fact.metric and fact.metric.strip():
        return fact.metric
    clause = _fact_clause_cached(fact.sentence or "", fact.value_text or "")[2]
    shown = shown_metric(clause.replace(fact.value_text or "\0", " "))
    return f"«{shown}»" if shown else "this figure"


def _unit_name(fact: _Fact) -> str:
    return fact.base_unit or _fact_base_unit(fact) or fact.unit or "another unit"


def _metric_key(fact: _Fact) -> str:
    return " ".join(_tokens(fact.metric or "")[1])


def _owner_of_number(fig: Figure, cands: list[_Fact], top: _Fact) -> _Fact | None:
    """A fact of a kindred metric that holds the claim's number (16% is postal revenue
    growth, not telecom revenue growth): the likely source of the mix-up."""
    best: tuple[float, str] | None = None
    owner: _Fact | None = None
    total = sum(_weight(w) for w in fig.vi_words) or 1.0
    for c in cands:
        if _metric_key(c) == _metric_key(top) or _measure_class(c) != fig.measure:
            continue
        if not (units_compatible(fig, c) and numbers_agree(fig, c) and _direction_ok(fig, c)):
            continue
        have = set(_tokens(c.metric or "")[1])
        overlap = sum(_weight(w) for w in fig.vi_words if w in have) / total
        key = (overlap, c.id)
        if overlap >= 0.5 and (best is None or key > best):
            best, owner = key, c
    return owner


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x
