"""Reading numbers in running text, Vietnamese or English, with their units and scale words.

Shared by the figure extractor (extract/figures.py) and the claim checker (check.py), so a
figure in a claim is read exactly as the same figure in a source.

- `parse_number("3.893.595")` -> 3893595.0, `parse_number("12,7")` -> 12.7
- `find_numbers(text)` -> every figure in `text` as a `NumberMatch` (value, unit, scale, base
  value and unit, hedge word). Numbers that identify rather than measure (years, dates, times,
  plates, roads, list numbering, law numbers, model names, scores, phone numbers, addresses,
  ages, durations: see identifiers.py) are *context*, not figures: they are skipped unless
  `include_context=True`, and then flagged `is_context` with the reason in `context`.

find_numbers reads a sentence in named steps, in this order: `_read_numbers` (the digits,
their unit and why a number is context), `_carry_labels` ("quận 1, 2, 3"),
`_read_counted_nouns` ("1.300 cây xanh"), `_join_compound_amounts` ("61 tỷ 807 triệu đồng"),
`_join_fractions` ("14/15 chỉ tiêu"), `_join_ranges` ("18-20%"), and `_matches` (the hedge
before each: "gần", "hơn", "at least").

Words are matched with their diacritics, or by their folded letters in a text typed without
them, so a claim typed without diacritics ("138.000 ty dong") reads like the source.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from mickb.text.fold import (
    VI_LETTERS,
    fold_keep_offsets,
    letter_mask,
    lower_and_fold_keep_offsets,
)
from mickb.text.identifiers import (
    NOUN_FIRST_WORDS,
    SentenceClues,
    Spot,
    code_label_before,
    context_of,
    context_of_amount,
    day_or_minute_in_a_list,
    graded,
    quick_context,
    service_number_or_brand,
)
from mickb.text.units import (
    COUNT_NOUNS,
    CURRENCY_CODES,
    PEOPLE_NOUNS,
    currency_before,
    read_counted_noun,
    read_unit,
)

__all__ = [
    "NumberMatch",
    "find_numbers",
    "parse_number",
    "unit_kind",
    "PEOPLE_NOUNS",
]

Qualifier = str  # estimate | about | nearly | more_than | at_least | at_most


class NumberMatch(NamedTuple):
    """A figure found in text (a NamedTuple: the number reader is on the start-up path of
    `find` and `check`, where importing dataclasses would cost more than the query)."""

    start: int  # span of `text` in the input
    end: int
    text: str  # exact characters: "3.893.595 tỷ đồng", "12,7%", "2.152/2.418 điểm"
    value: float  # as written: 3893595, 12.7, 2152, 3.9
    total: float | None  # B of "A/B"
    unit: str  # as written with its scale word: "tỷ đồng", "%", "triệu người", "" if none
    base_value: float | None  # value x scale: 3.893595e15
    base_unit: str | None  # "VND", "USD", "%", "người", a count noun, or None
    decimals: int  # digits written after the decimal separator
    scale: float  # multiplier of the scale words (tỷ 1e9, nghìn tỷ 1e12, billion 1e9)
    qualifier: Qualifier | None  # hedge written just before (gần -> nearly, hơn -> more_than)
    is_percent: bool
    is_context: bool = False  # a year, date, plate, score ... (see identifiers.py)
    context: str | None = None  # why: year|date|time|document|duration|age|plate|...
    qualifier_start: int | None = None  # where the hedge word starts ("gần 3,9" -> "gần")
    lang: str = "vi"  # the number format it was read in: "vi" or "en"
    qualifier_text: str | None = None  # the hedge words exactly: "gần", "more than"
    range_with: int | None = None  # index (in the returned list) of the other end of "18-20%"

    def hedged_text(self, source: str) -> str:
        """The figure with its hedge word, as a claim states it: "gần 3,9 triệu tỷ đồng"."""
        start = self.start if self.qualifier_start is None else self.qualifier_start
        return source[start : self.end]


# --------------------------------------------------------------------------------------------
# parse_number


_SEP_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")


def _decimal_sep(s: str, lang_hint: str | None) -> str | None:
    """Which separator of `s` is the decimal point ('.', ',' or None for an integer)."""
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        return "." if s.rfind(".") > s.rfind(",") else ","
    if not dots and not commas:
        return None
    sep = "." if dots else ","
    if dots + commas > 1:
        return None  # several of one separator: they group thousands (3.893.595, 3,893,595)
    tail = s.rsplit(sep, 1)[1]
    if len(tail) != 3:
        return sep  # 12.7, 12,7, 1,6
    # exactly three digits after a single separator: the one ambiguous case.
    if sep == ".":
        # Vietnamese groups thousands with '.', English marks decimals with it.
        return "." if lang_hint == "en" else None
    return None if lang_hint == "en" else ","


def parse_number(s: str, lang_hint: str | None = None) -> float:
    """The value of a number written in Vietnamese or English format.

    "3.893.595" -> 3893595, "98.982,3" -> 98982.3, "12,7" -> 12.7, "3,893,595.5" -> 3893595.5,
    "12.7" -> 12.7, "138.000" -> 138000. A dot followed by exactly three digits groups thousands
    unless `lang_hint` is "en"; a comma followed by exactly three digits is a decimal comma
    unless `lang_hint` is "en".
    """
    s = s.strip()
    if not _SEP_NUMBER_RE.match(s):
        raise ValueError(f"not a number: {s!r}")
    sep = _decimal_sep(s, lang_hint)
    if sep is None:
        return float(s.replace(".", "").replace(",", ""))
    whole, frac = s.rsplit(sep, 1)
    return float(whole.replace(".", "").replace(",", "") + "." + frac)


def _decimals(s: str, lang_hint: str | None) -> int:
    sep = _decimal_sep(s, lang_hint)
    return 0 if sep is None else len(s.rsplit(sep, 1)[1])


@lru_cache(maxsize=4096)
def _read_digits(digits: str, lang_hint: str | None) -> tuple[float, int]:
    """(parse_number, _decimals) of a match of _NUM_RE, worked out together; remembered, as
    the same few ("2022", "1", "10") come back all through a report.

    (A match of _NUM_RE is what _SEP_NUMBER_RE accepts, with no spaces to strip.)
    """
    sep = _decimal_sep(digits, lang_hint)
    if sep is None:
        return float(digits.replace(".", "").replace(",", "")), 0
    whole, frac = digits.rsplit(sep, 1)
    return float(whole.replace(".", "").replace(",", "") + "." + frac), len(frac)


# --------------------------------------------------------------------------------------------
# hedges before a number

_QUALIFIERS: list[tuple[str, str]] = [
    # (folded words just before the number, qualifier); longest first within the list below
    ("uoc dat khoang", "about"),
    ("uoc tinh khoang", "about"),
    ("uoc khoang", "about"),
    ("uoc chung", "about"),
    ("uoc dat", "estimate"),
    ("uoc tinh", "estimate"),
    ("du kien dat", "estimate"),
    ("du kien", "estimate"),
    ("uoc", "estimate"),
    ("estimated at", "estimate"),
    ("estimated", "estimate"),
    ("an estimated", "estimate"),
    ("tren duoi", "about"),
    ("khoang", "about"),
    ("xap xi", "about"),
    ("chung", "about"),
    ("co", "about"),
    ("around", "about"),
    ("about", "about"),
    ("approximately", "about"),
    ("approx.", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("gan nhu", "nearly"),
    ("gan", "nearly"),
    ("suyt soat", "nearly"),
    ("almost", "nearly"),
    ("nearly", "nearly"),
    ("close to", "nearly"),
    ("just under", "nearly"),
    ("hon", "more_than"),
    ("tren", "more_than"),
    ("vuot", "more_than"),
    ("more than", "more_than"),
    ("just over", "more_than"),
    ("well over", "more_than"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("exceeding", "more_than"),
    ("upwards of", "more_than"),
    ("in excess of", "more_than"),
    ("it nhat", "at_least"),
    ("toi thieu", "at_least"),
    ("khong duoi", "at_least"),
    ("khong it hon", "at_least"),
    ("at least", "at_least"),
    ("no less than", "at_least"),
    ("toi da", "at_most"),
    ("nhieu nhat", "at_most"),
    ("khong qua", "at_most"),
    ("khong vuot qua", "at_most"),
    ("chua den", "at_most"),
    ("chua toi", "at_most"),
    ("duoi", "at_most"),
    ("at most", "at_most"),
    ("up to", "at_most"),
    ("no more than", "at_most"),
    ("less than", "at_most"),
    ("fewer than", "at_most"),
    ("under", "at_most"),
    ("below", "at_most"),
]
# The hedges grouped by their last two characters, each group in list order: a phrase can only
# end the text before a number if it ends with the same two characters.
_QUALIFIERS_BY_TAIL: dict[str, tuple[tuple[str, str], ...]] = {
    tail: tuple(q for q in _QUALIFIERS if q[0][-2:] == tail)
    for tail in {q[0][-2:] for q in _QUALIFIERS}
}
# Only the exact (accented) spelling of these counts: folded they collide with common words
# ("cỡ" -> "co" = "có", "chừng" -> "chung" = "chung").
_QUALIFIER_EXACT = {"co": "cỡ", "chung": "chừng", "tren": "trên", "hon": "hơn", "duoi": "dưới"}
# Filler words allowed between a hedge and its number: "ước đạt khoảng", "lên tới gần".
_FILLERS = (
    "muc", "con so", "la", "dat", "len", "toi", "den", "o muc", "reached", "at", "of",
    # "gần chạm mốc 1,51 triệu", "vượt ngưỡng 50%", "hơn cán mốc"
    "moc", "nguong", "cham", "can",
)  # fmt: skip
_SPACED_FILLERS = tuple(" " + f for f in _FILLERS)
# Verbs whose "over" / "under" is a particle, not a hedge (folded text).
_PHRASAL_BEFORE_RE = re.compile(
    r"\b(?:turn|turns|turned|turning|hand|hands|handed|handing|take|takes|took|taken|taking|"
    r"carry|carries|carried|switch|switched)\s+$"
)


# --------------------------------------------------------------------------------------------
# the language a number is written in ("12.7" is 12.7 in English, 12700 in Vietnamese)


def _looks_english(window: str) -> bool:
    from mickb.text.glossary import is_english

    return is_english(window)


def _window_language(text: str, a: int, b: int) -> tuple[bool, bool]:
    """(is_english(text[a:b]), whether text[a:b] has Vietnamese letters).

    A window is not English when at least a fifth of its words have Vietnamese letters (the
    first test of `is_english`). The sentence's letter mask counts those words for each
    window without reading it again, which settles most windows of a Vietnamese report.
    """
    mask = letter_mask(text)
    if mask is None:
        window = text[a:b]
        return _looks_english(window), not VI_LETTERS.isdisjoint(window.lower())
    part = mask[a:b]
    # (the mask holds " ", "a" and "v" only: a word starts at the start of `part` or after a
    # space, and the words with a "v" are the runs of "v" once the "a"s are gone)
    words = part.count(" a") + part.count(" v") + (1 if part[:1] in ("a", "v") else 0)
    vs = part.replace("a", "")
    marked = vs.count(" v") + (1 if vs[:1] == "v" else 0)  # words with a "v" in them
    if marked and marked >= max(1, words // 5):
        return False, True
    return _looks_english(text[a:b]), marked > 0


# --------------------------------------------------------------------------------------------
# find_numbers

_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|[\w.-]+@[\w-]+\.[\w.]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|vn|net|org|gov|edu|io|info)\b(?:/[^\s<>\"')\]]*)?",
    re.I,
)
# What every match of _URL_RE holds: a cheap test that spares most sentences the full pattern.
_MAY_HOLD_URL_RE = re.compile(r"://|www\.|@|\.(?:com|vn|net|org|gov|edu|io|info)\b", re.I)
# The same test, faster: the pattern scanned for starts with the dot ("www." as a dot that
# "www" stands before), which the regex engine looks for as a plain character.
_URL_DOT_RE = re.compile(r"\.(?:(?<=www\.)|(?:com|vn|net|org|gov|edu|io|info)\b)", re.I)


def _may_hold_url(text: str) -> bool:
    """Whether _MAY_HOLD_URL_RE finds something in `text`."""
    return "://" in text or "@" in text or _URL_DOT_RE.search(text) is not None


_DIGIT_RE = re.compile(r"[\d]")  # (where _NUM_RE can match; as a set, found faster)
# ISO dates and times in metadata: 2022-12-18, 2022-12-18T08:00
_ISO_DATE_RE = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?\b")


class _WindowLanguages:
    """`_window_language` of the window around each number of one text (80 characters each
    side), read when first asked and remembered: numbers close together share a window."""

    __slots__ = ("text", "seen")

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[tuple[int, int], tuple[bool, bool]] = {}

    def of(self, start: int, end: int) -> tuple[bool, bool]:
        window = (max(0, start - 80), min(len(self.text), end + 80))  # (the same text past the end)
        found = self.seen.get(window)
        if found is None:
            found = self.seen[window] = _window_language(self.text, *window)
        return found


class _Raw:
    """A number as the reader goes along, before it becomes a NumberMatch."""

    __slots__ = (
        "start",
        "end",
        "digits",
        "value",
        "decimals",
        "lang",
        "unit_end",
        "unit",
        "scale",
        "base_unit",
        "is_percent",
        "currency_prefix_start",
        "context",
        "total_raw",
        "span_end",
    )

    def __init__(
        self, start: int, end: int, digits: str, value: float, decimals: int, lang: str
    ) -> None:
        self.start = start
        self.end = end  # end of the digits
        self.digits, self.value, self.decimals, self.lang = digits, value, decimals, lang
        self.unit_end = end
        self.unit = ""
        self.scale = 1.0
        self.base_unit: str | None = None
        self.is_percent = False
        self.currency_prefix_start: int | None = None
        self.context: str | None = None
        self.total_raw: _Raw | None = None
        self.span_end = 0  # an identifier that runs past the digits ("0912 345 678")


class _Sentence:
    """What every number of one text shares: its folded form, whether it is written with
    diacritics, the languages of its windows, the clue words of its rules, its URLs."""

    __slots__ = ("text", "folded", "marked", "languages", "clues", "urls", "may_prefix")

    def __init__(self, text: str) -> None:
        self.text = text
        low, folded = lower_and_fold_keep_offsets(text)
        self.folded = folded
        self.marked = folded != low
        self.languages = _WindowLanguages(text)
        self.clues = SentenceClues(text, folded)
        urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if _may_hold_url(text) else []
        if "-" in text:
            urls += [(m.start(), m.end()) for m in _ISO_DATE_RE.finditer(text)]
        self.urls = urls
        # a currency written before a number holds "$", "usd" or "vnd"
        self.may_prefix = "$" in text or "usd" in folded or "vnd" in folded


# "27,000 cặp đôi", "1,400 phòng": a comma before three digits ending in zeros is an English
# thousands separator when no scale word follows (Vietnamese writes "36,000 triệu" for 36 triệu)
_EN_THOUSANDS_RE = re.compile(r"\d{1,3},\d00")


_THREE_AFTER_COMMA_RE = re.compile(r"\d{1,3},\d{3}")


def _english_thousands(digits: str, base_unit: str | None) -> bool:
    """A comma before three digits groups thousands when it cannot be a decimal comma:
    "27,000 cặp đôi" (zeros), "22,760 đồng" (no one writes fractions of a đồng)."""
    if _EN_THOUSANDS_RE.fullmatch(digits):
        return True
    return base_unit == "VND" and _THREE_AFTER_COMMA_RE.fullmatch(digits) is not None


def _identifier_first(
    text: str, folded: str, s: int, digits: str, urls: bool
) -> tuple[str, int] | None:
    """An identifier settled before any unit is read, and where its span ends: a code after
    its label, a listed day or minute, a hotline or brand, a year or a date (see
    identifiers.quick_context)."""
    e = s + len(digits)
    if code_label_before(text, s):
        return "code", e
    whole = digits.isdigit()
    if whole and len(digits) <= 3 and not urls:
        listed = day_or_minute_in_a_list(text, s, digits)
        if listed is not None:
            return listed, 0
    if digits[:1] in "179":
        named = service_number_or_brand(text, s, digits)
        if named is not None:
            return named
    if whole and not urls:
        return quick_context(text, folded, s, e, digits)
    return None


def _read_numbers(sent: _Sentence) -> list[_Raw]:
    """Each number of the sentence: its value, its unit and, for context, why it is context."""
    text, folded, urls, marked = sent.text, sent.folded, sent.urls, sent.marked
    raws: list[_Raw] = []
    span_end = 0
    unit_end = -1  # of the number before
    for m in _NUM_RE.finditer(text):
        s, e = m.span()
        if s >= 2 and text[s - 1] in ".," and text[s - 2].isdigit():
            continue  # tail of "1,2,3"-like lists already consumed
        if s < unit_end:
            continue  # the digit of a unit ("km2", "m3")
        digits = m.group()
        whole = digits.isdigit()
        if whole:
            # digits alone read the same in either language: the language is read later, and
            # only if needed, as most such numbers are years and dates
            lang = ""
            value, decimals = _read_digits(digits, None)
        else:
            lang = "en" if sent.languages.of(s, e)[0] else "vi"
            value, decimals = _read_digits(digits, lang)
        raw = _Raw(s, e, digits, value, decimals, lang)
        raws.append(raw)
        if text.startswith("m", e) and len(digits) <= 2 and _METRES_CM_RE.match(text, e):
            _metres_and_centimetres(raw, text)  # "cao 1m72"
            unit_end = raw.unit_end
            continue
        unit_end = e
        if s >= span_end:
            quick = _identifier_first(text, folded, s, digits, bool(urls))
            if quick is not None:
                raw.context, span_end = quick[0], max(span_end, quick[1])
                continue
        code = None
        if sent.may_prefix:
            prefix = currency_before(text, s)
            if prefix is not None:
                code, raw.currency_prefix_start = prefix
        reading = read_unit(text, e, marked, code)
        if reading.end > e or reading.base_unit:
            raw.unit, raw.scale, raw.base_unit = reading.unit, reading.scale, reading.base_unit
            raw.is_percent, raw.unit_end = reading.is_percent, max(reading.end, e)
            unit_end = raw.unit_end
        if lang == "vi" and raw.scale == 1.0 and _english_thousands(digits, raw.base_unit):
            raw.value, raw.decimals = _read_digits(digits, "en")
            raw.lang = "en"
        if s < span_end:
            raw.context = raws[-2].context if len(raws) > 1 else "code"
        elif urls and any(a <= s < b for a, b in urls):
            raw.context = "url"
        elif reading.kind in ("percent", "money") and not _letters_around(text, s, e):
            # an amount with no letter against it: a figure (identifiers.context_of_amount),
            # unless a percentage grades a state ("hàng mới 100%")
            if reading.is_percent and graded(text, s):
                raw.context = "grade"
        else:
            spot = Spot(
                text,
                folded,
                sent.clues,
                s,
                e,
                digits,
                raw.unit,
                raw.is_percent,
                raw.unit_end,
                reading.glued,
                raw.currency_prefix_start is not None,
                raw.lang,
            )
            amount = reading.kind in ("percent", "money")
            raw.context = context_of_amount(spot) if amount else context_of(spot)
            if spot.span_end:
                span_end = raw.span_end = spot.span_end
    return raws


# "1m72" (a height), "3m50": metres and centimetres written around the "m"
_METRES_CM_RE = re.compile(r"m(\d\d)(?!\w|[.,]\d)")


def _metres_and_centimetres(raw: _Raw, text: str) -> None:
    cm = text[raw.end + 1 : raw.end + 3]
    raw.value, raw.decimals = float(f"{raw.digits}.{cm}"), 2
    raw.unit = raw.base_unit = "m"
    raw.unit_end = raw.end + 3


def _letters_around(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else " "
    return before.isalpha() or before == "-" or (e < len(text) and text[e].isalpha())


_CARRIED = frozenset(
    ("ordinal", "name", "document", "address", "road", "list", "century", "model", "code", "phone")
)


def _carry_labels(raws: list[_Raw], text: str) -> None:
    """A list after a label shares its reason: "quân khu 1, 2, 3", "Binh đoàn 15, 16", "quận
    1 và 3", "dịch vụ công mức 3, 4"."""
    for prev, cur in zip(raws, raws[1:], strict=False):
        if cur.context is not None or cur.unit or prev.context is None:
            continue
        if not _LIST_GAP_RE.fullmatch(text[prev.end : cur.start]):
            continue
        if prev.context in _CARRIED:
            cur.context = prev.context
        elif prev.context == "date" and cur.digits.isdigit() and int(cur.digits) <= 31:
            cur.context = "date"  # "tháng 3, 4, 7"


_PAREN_UNIT_RE = re.compile(r"[ \t]?\((mm|cm|m|km|kg|g|tấn|m2|m3|km2|ha|lít|inch)\)")


def _read_counted_nouns(raws: list[_Raw], text: str) -> None:
    """A figure with no unit counts the noun after it ("1.300 cây xanh" -> unit "cây xanh");
    scale words alone take it too ("22,5 triệu cổ phiếu" -> "triệu cổ phiếu")."""
    for r in raws:
        if r.context is not None or r.base_unit is not None or r.is_percent:
            continue
        paren = None if r.unit else _PAREN_UNIT_RE.match(text, r.end)
        if paren:
            # "chiều dài cơ sở 2.460 (mm)": a table's or a spec sheet's unit in parentheses
            r.unit, r.base_unit, r.unit_end = paren.group(1), paren.group(1).lower(), paren.end()
            continue
        found = read_counted_noun(text, r.unit_end if r.unit else r.end)
        if found is None:
            continue
        noun, end = found
        r.unit = text[r.unit_end - len(r.unit) : end] if r.unit else noun
        r.base_unit = noun.lower()
        r.unit_end = end


# A mark named before its number: "có điểm từ 18 trở lên", "ngưỡng điểm 15,5", "điểm sàn là 15"
_MARKS_BEFORE_RE = re.compile(
    r"(?<!\w)(?<!khởi )(?<!thời )(?<!địa )(?<!quan )(?<!đặc )(?<!ưu )(?<!trọng )(?<!tụ )"
    r"(?<!giao )(?<!cao )(?<!xuất )(?<!mốc )(?<!tiêu )điểm"
    r"(?:\s+(?:chuẩn|sàn|xét tuyển|trúng tuyển|thi))?"
    r"(?:\s+(?:từ|là|ở mức|bằng|đạt))?\s*$",
    re.IGNORECASE,
)


def _marks_named_before(raws: list[_Raw], text: str) -> None:
    """A bare figure right after "điểm" is so many marks, as "18 điểm" would be."""
    for r in raws:
        if r.context is not None or r.unit or r.base_unit is not None or r.is_percent:
            continue
        if _MARKS_BEFORE_RE.search(text, max(0, r.start - 30), r.start):
            r.unit = r.base_unit = "điểm"


# A match's statistics, as sports pages print them: "5(2) Sút khung thành 17(11) 13 Phạm lỗi
# 11 0 Phạt góc 1": the home side's figure, the statistic, the away side's figure
_STAT = (
    r"(Sút khung thành|Sút trúng đích|Dứt điểm|Phạm lỗi|Phạt góc|Việt vị|Thẻ vàng|Thẻ đỏ|"
    r"Cứu thua)"
)
_STAT_AFTER_RE = re.compile(r"(?:\(\d+\)|\))?[ \t]*" + _STAT + r"(?!\w)")
_STAT_BEFORE_RE = re.compile(
    r"(?<!\w)" + _STAT + r"(?:[ \t]*\([^()\d]{1,15}\))?[ \t]*(?:\d+\()?$"
)  # ("Sút khung thành (trúng đích) 5(2)")


def _match_statistics(raws: list[_Raw], text: str) -> None:
    """Each figure of a line of match statistics counts the statistic it stands beside."""
    if len(re.findall(_STAT, text)) < 2:
        return
    for r in raws:
        if r.unit or r.is_percent or not r.digits.isdigit() or r.context not in (None, "name"):
            continue
        m = _STAT_AFTER_RE.match(text, r.end)
        label = m.group(1) if m else None
        if label is None:
            b = _STAT_BEFORE_RE.search(text, max(0, r.start - 40), r.start)
            label = b.group(1) if b else None
        if label:
            r.unit, r.base_unit, r.context = label, label.lower(), None


def _join_compound_amounts(raws: list[_Raw], text: str) -> list[_Raw]:
    """An amount written in two scales is one figure: "61 tỷ 807 triệu đồng" -> 61,807 tỷ
    đồng, "2 triệu 500 nghìn" -> 2,5 triệu."""
    out: list[_Raw] = []
    for r in raws:
        a = out[-1] if out else None
        if (
            a is not None
            and a.context is None
            and r.context is None
            and a.base_unit is None
            and a.scale > r.scale > 1.0
            and r.total_raw is None
            and text[a.unit_end : r.start].isspace()
            and r.value < a.scale / r.scale
        ):
            ratio = a.scale / r.scale
            a.value += r.value / ratio
            a.decimals = max(a.decimals, round(math.log10(ratio)) + r.decimals)
            rest = r.unit.split(None, 1)[1] if " " in r.unit else ""
            a.unit = f"{a.unit} {rest}".strip()
            a.base_unit, a.unit_end = r.base_unit, r.unit_end
            continue
        out.append(r)
    return out


def _join_fractions(raws: list[_Raw], text: str) -> list[_Raw]:
    """A fraction "A/B" is one figure with a total: "2.152/2.418 điểm", "75 tỷ đồng/310 tỷ đồng"."""
    merged: list[_Raw] = []
    i = 0
    while i < len(raws):
        r = raws[i]
        if i + 1 < len(raws) and r.context is None and raws[i + 1].context is None:
            nxt = raws[i + 1]
            gap = text[r.unit_end : nxt.start]
            if gap.strip() == "/" and not r.is_percent:
                if not r.unit and nxt.unit:
                    r.unit, r.scale, r.base_unit = nxt.unit, nxt.scale, nxt.base_unit
                    r.is_percent = nxt.is_percent
                r.total_raw = nxt
                merged.append(r)
                i += 2
                continue
        merged.append(r)
        i += 1
    return merged


_SHARED_UNIT_GAP_RE = re.compile(r"\s+(?:va|and|hoac|or)\s+")
_DIMENSIONS_GAP_RE = re.compile(r"[ \t]?[x×][ \t]?")


def _join_ranges(raws: list[_Raw], text: str, folded: str) -> list[tuple[int, int]]:
    """Ranges ("18-20%", "4 - 5 triệu", "từ 3 đến 5 tháng lương"): the first end takes the
    unit of the second, and the two point at each other. "22.685 và 22.755 đồng/USD": the
    first of two figures joined by "và" takes the unit of the second (not a range)."""
    pairs: list[tuple[int, int]] = []
    for i in range(len(raws) - 1):
        a, b = raws[i], raws[i + 1]
        if _prefixed_range(a, b, folded):
            # "US$145-150 billion": the currency before the first end, the scale after the
            # last; both ends are billions of dollars
            b.unit, b.base_unit = f"{b.unit} {a.base_unit}", a.base_unit
            _share_unit(a, b)
            pairs.append((i, i + 1))
            continue
        if a.unit or a.total_raw is not None:
            continue
        gap = folded[a.end : b.start]
        if _RANGE_GAP_RE.fullmatch(gap):
            if a.context in _CARRIED and b.context is None and not b.unit:
                b.context = a.context  # "câu 31 đến 40", "gió cấp 2-3"
                continue
            if (
                gap.strip() in ("den", "toi")
                and not _TU_END_RE.search(folded[max(0, a.start - 5) : a.start])
                and b.context not in ("duration", "age", "year")
                and not (b.base_unit and not a.unit and a.context is None)
            ):
                continue  # ("khoảng 7 đến 9 tỷ đồng", "10 đến 15 m2" are ranges)
            if b.context in ("age", "year", "duration", "date", "time") or a.context == "age":
                a.context = a.context or b.context  # "10 đến 15 năm", "18 - 60 tuổi"
                b.context = b.context or a.context
                continue
            if a.context is None and b.context is None and (b.unit or b.is_percent):
                _share_unit(a, b)
                pairs.append((i, i + 1))
            elif a.context == "year" and b.context is None and not b.unit:
                b.context = "year"
        elif (
            a.context is None
            and b.context is None
            and b.unit
            and b.base_unit is not None
            and b.total_raw is None
            and _SHARED_UNIT_GAP_RE.fullmatch(gap)
            and a.decimals == b.decimals
        ):
            _share_unit(a, b)
        elif (
            b.context in ("duration", "age")
            and a.context is None
            and not a.unit
            and (_SHARED_UNIT_GAP_RE.fullmatch(gap) or gap == ", ")
        ):
            a.context = b.context  # "kỳ hạn 24 và 36 tháng", "chừng 14, 15 tuổi"
    return pairs


def _join_dimensions(raws: list[_Raw], folded: str) -> None:
    """Dimensions share the unit written after the last: "1.920x1.080 pixel", "143,6 x 70,9 x
    7,6 mm" (read from the right, so that the unit reaches the first)."""
    for i in range(len(raws) - 2, -1, -1):
        a, b = raws[i], raws[i + 1]
        if (
            not a.unit
            and a.context is None
            and b.context is None
            and b.unit
            and not b.is_percent
            and a.total_raw is None
            and _DIMENSIONS_GAP_RE.fullmatch(folded, a.end, b.start)
        ):
            _share_unit(a, b)


def _prefixed_range(a: _Raw, b: _Raw, folded: str) -> bool:
    """ "US$145-150 billion", "VND138-140 trillion": a currency written before the first end
    of a range whose scale word is written after the last."""
    return (
        a.currency_prefix_start is not None
        and a.scale == 1.0
        and a.context is None
        and b.context is None
        and b.base_unit is None
        and b.scale > 1.0
        and not b.is_percent
        and folded[a.end : b.start].strip() in ("-", "–", "to")
    )


def _share_unit(a: _Raw, b: _Raw) -> None:
    a.unit, a.scale, a.base_unit = b.unit, b.scale, b.base_unit
    a.is_percent = b.is_percent
    a.unit_end = a.end
    if a.lang != b.lang and _THREE_AFTER_COMMA_RE.fullmatch(a.digits) and "," in b.digits:
        # "36,200 – 36,400 triệu đồng/lượng", "22,760 - 22,800 đồng/USD": the first end, read
        # with no unit after it, is written as the last is, and read as it is
        a.value, a.decimals = _read_digits(a.digits, b.lang or "vi")
        a.lang = b.lang


def _matches(
    raws: list[_Raw], pairs: list[tuple[int, int]], sent: _Sentence, include_context: bool
) -> list[NumberMatch]:
    """The NumberMatch of each figure (and of context, if asked), with its hedge."""
    text, folded = sent.text, sent.folded
    out: list[NumberMatch] = []
    index_of: dict[int, int] = {}
    for i, r in enumerate(raws):
        if r.context is not None and not include_context:
            continue
        if not r.lang:
            r.lang = "en" if sent.languages.of(r.start, r.end)[0] else "vi"
        start = r.currency_prefix_start if r.currency_prefix_start is not None else r.start
        if r.total_raw is not None:
            end = max(r.total_raw.unit_end, r.total_raw.end)
        else:
            end = max(r.unit_end, r.end)
        qual, qstart, qend = _qualifier(text, folded, start)
        if _TRO_LEN_RE.match(folded, end) and _TU_END_RE.search(folded[max(0, start - 5) : start]):
            # "từ 8% trở lên"
            qstart = folded.rfind("tu", 0, start)
            qual, qend = "at_least", qstart + 2
        base_value = (
            r.value * r.scale if (r.base_unit or r.scale != 1.0 or r.is_percent) else r.value
        )
        index_of[i] = len(out)
        out.append(
            NumberMatch(  # (by position, in the order of its fields: a third of the cost)
                start,
                end,
                text[start:end],
                r.value,
                r.total_raw.value if r.total_raw else None,
                r.unit,
                base_value,
                r.base_unit,
                r.decimals,
                r.scale,
                qual,
                r.is_percent,
                r.context is not None,
                r.context,
                qstart,
                r.lang,
                text[qstart:qend] if qstart is not None else None,
            )
        )
    for lo, hi in pairs:
        if lo in index_of and hi in index_of:
            a, b = index_of[lo], index_of[hi]
            out[a] = out[a]._replace(range_with=b)
            out[b] = out[b]._replace(range_with=a)
    return out


def find_numbers(text: str, include_context: bool = False) -> list[NumberMatch]:
    """Every figure in running text, with its unit, scale, base value and hedge.

    Numbers that identify (years, dates, plates, scores, ... see identifiers.py) are context:
    left out, or (with `include_context`) returned with `is_context=True` and the reason in
    `context`. "A/B" ("2.152/2.418 điểm") is one match with `total`; a range ("18-20%") is two
    matches that share the unit and point at each other.
    """
    if not _DIGIT_RE.search(text):
        return []  # no digits, no figures (most sentences of a report)
    return find_numbers_with_digits(text, include_context)


def find_numbers_with_digits(text: str, include_context: bool = False) -> list[NumberMatch]:
    """`find_numbers` of a text the caller knows to hold a digit (the figure extractor, which
    looks for one in each sentence for its periods too)."""
    sent = _Sentence(text)
    raws = _read_numbers(sent)
    _carry_labels(raws, text)
    _read_counted_nouns(raws, text)
    if "điểm" in text:
        _marks_named_before(raws, text)
    if "Thẻ" in text or "Phạt góc" in text or "Phạm lỗi" in text:
        _match_statistics(raws, text)
    raws = _join_compound_amounts(raws, text)
    raws = _join_fractions(raws, text)
    if "x" in sent.folded or "×" in text:
        _join_dimensions(raws, sent.folded)
    pairs = _join_ranges(raws, text, sent.folded)
    return _matches(raws, pairs, sent, include_context)


_LIST_GAP_RE = re.compile(r"\s*,\s*|\s+(?:và|hoặc)\s+|/")
_RANGE_GAP_RE = re.compile(r"\s*[-–]\s*|\s+(?:den|toi|to)\s+")
_TU_END_RE = re.compile(r"\btu\s*$")
_TRO_LEN_RE = re.compile(r"\s*tro len\b")


def _qualifier(text: str, folded: str, start: int) -> tuple[str | None, int | None, int | None]:
    """The hedge written just before a number at `start`, and where it starts and ends."""
    head = folded[max(0, start - 40) : start]
    base = start - len(head)
    # try the words right before the number, then skip up to three filler words
    # ("ước đạt khoảng", "lên tới gần", "đạt mức")
    for _ in range(4):
        stripped = head.rstrip()
        for phrase, qual in _QUALIFIERS_BY_TAIL.get(stripped[-2:], ()):
            if not stripped.endswith(phrase):
                continue
            pos = len(stripped) - len(phrase)
            if pos > 0 and stripped[pos - 1].isalnum():
                continue
            abs_pos = base + pos
            if phrase in ("over", "under") and _PHRASAL_BEFORE_RE.search(stripped[:pos]):
                continue  # "turned over US$148 billion", "handed over": a verb's particle
            exact = _QUALIFIER_EXACT.get(phrase)
            # (whether the text around is Vietnamese, asked only of the few hedges it settles)
            if (
                exact
                and text[abs_pos : abs_pos + len(exact)].lower() != exact
                and not VI_LETTERS.isdisjoint(text[max(0, start - 80) : start + 40].lower())
            ):
                continue  # folded collision: "có 5" is not "cỡ 5"
            return qual, abs_pos, abs_pos + len(phrase)
        if not stripped.endswith(_SPACED_FILLERS):
            break
        for f in _FILLERS:
            if stripped.endswith(" " + f):
                head = stripped[: -len(f)]
                break
    return None, None, None


_PEOPLE = frozenset(fold_keep_offsets(w) for w in PEOPLE_NOUNS)
_PEOPLE_BASE = "người"
NOUN_FIRST_WORDS.update(fold_keep_offsets(w).split()[0] for w in PEOPLE_NOUNS + COUNT_NOUNS)


def unit_kind(base_unit: str | None) -> str:
    """The kind of quantity a base unit measures, for "units must be of one kind".

    Currencies differ from each other ("money:VND" vs "money:USD"); every people noun
    (người, lao động, nhân viên...) is "people"; "%" is "percent"; None is "number".
    """
    if base_unit is None or base_unit == "":
        return "number"
    if base_unit.split("/")[0] in CURRENCY_CODES:
        return f"money:{base_unit}"
    if base_unit == "%":
        return "percent"
    if base_unit == "điểm %":
        return "percentage_points"
    from mickb.text.fold import fold

    folded = fold(base_unit)
    if base_unit == _PEOPLE_BASE or folded in _PEOPLE:
        return "people"
    if folded in ("lan", "times"):
        return "times"
    return f"count:{folded}"
