"""When a figure holds: the period a claim names, the period a fact carries, how they relate.

A period is a set of years and, optionally, a part of the year: "m1-11" (the first eleven
months), "m7-12" (the second half), "q2", "mo6" (the month of June). "2014-2016" is the three
years together, not 2016. Claims are read once (text in, `Period` out); facts carry their
period as the extractor wrote it ("2022", "11 tháng đầu năm 2022") and are parsed the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mickb.text.fold import fold
from mickb.text.lazy_re import lazy

_YEAR_RE = lazy(r"\b(19\d\d|20\d\d)\b")
_YEAR_SPAN_RE = lazy(
    r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|đến|den|tới|toi)\s*((?:19|20)\d\d)\b", re.IGNORECASE
)
# "so với năm 2021", "compared with 2021", "than in 2021": the year compared with, not the
# period of the figure. Read on the lower-cased text, where "so" (compare) is not "số".
COMPARED_RE = lazy(
    r"(?<!\w)(?:so với|so voi|so|compared (?:with|to)|than(?: in)?|versus|vs\.?|against|"
    r"over|on|from)\s+"
    r"(?:(?:cùng kỳ|cung ky|the same (?:period|time|quarter|months?)(?: of)?|cả|ca)\s+)?"
    r"(?:năm\s+|nam\s+|the year\s+|(?:quý|quy)\s+\w+\s*/\s*)?((?:19|20)\d\d)\b"
    r"(?!\s*[-–]\s*(?:19|20)\d\d)"  # "over 2014-2016" is a span, not a base
)
# "năm ngoái", "năm trước", "last year", "a year earlier": the year before the claim's own.
PREVIOUS_YEAR_RE = lazy(
    r"\b(?:nam ngoai|nam truoc|cung ky nam truoc|cung ky nam ngoai|last year|"
    r"the previous year|the year before|a year earlier|a year ago|the prior year|"
    r"in the preceding year)\b"
)
# A change measured against the period just before ("so với quý trước", "month-on-month").
_PREVIOUS_PART_RE = lazy(
    r"\b(?:quy truoc|thang truoc|ky truoc|previous quarter|previous month|prior quarter|"
    r"quarter on quarter|month on month|quarter-on-quarter|month-on-month)\b"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_EN_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


class Period(NamedTuple):
    years: frozenset[int] = frozenset()
    sub: str | None = None  # "m1-11", "m7-12", "q2", "mo6"
    previous: bool = False  # "năm ngoái": the year before the claim's own (resolved later)
    part_before: bool = False  # "so với quý trước": the part of the year just before

    def __bool__(self) -> bool:
        return bool(self.years) or self.sub is not None or self.previous or self.part_before

    def describe(self) -> str:
        if len(self.years) > 2 and max(self.years) - min(self.years) == len(self.years) - 1:
            years = f"{min(self.years)}-{max(self.years)}"
        else:
            years = "/".join(str(y) for y in sorted(self.years))
        if self.previous and not years:
            years = "the year before"
        if self.part_before:
            return "the period just before"
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

    def year_before(self) -> Period:
        """The same part of the previous year(s)."""
        return Period(frozenset(y - 1 for y in self.years), self.sub)


def compared_years(text: str) -> frozenset[int]:
    return frozenset(int(m.group(1)) for m in COMPARED_RE.finditer(text.lower()))


# "so với năm trước", "than a year earlier": a comparison with the year before, not a period.
_COMPARED_BEFORE_RE = lazy(
    r"(?<!\w)(?:so với|so voi|so|compared (?:with|to)|than|from|over|on)\s+"
    r"(?:(?:cùng kỳ|cung ky|the same (?:period|time|quarter|months?)(?: of)?)\s+)?"
    r"(?:năm trước|nam truoc|năm ngoái|nam ngoai|last year|the previous year|the year before|"
    r"a year (?:earlier|ago)|the prior year|quý trước|quy truoc|tháng trước|thang truoc|"
    r"the previous (?:quarter|month))(?!\w)"
)


def without_compared(text: str) -> str:
    return _COMPARED_BEFORE_RE.sub(" ", COMPARED_RE.sub(" ", text.lower()))


@lru_cache(maxsize=4096)
def parse_period(text: str | None, *, drop_compared: bool = False) -> Period:
    """The period `text` names; with `drop_compared`, years it only compares with are left
    out ("tăng 12% so với năm 2021" is about 2022, or about no year it names)."""
    if not text:
        return Period()
    if drop_compared:
        text = without_compared(text)
    folded = fold(text)
    span = _YEAR_SPAN_RE.search(folded)
    years: set[int] = set()
    if span and int(span.group(1)) < int(span.group(2)) <= int(span.group(1)) + 30:
        years |= set(range(int(span.group(1)), int(span.group(2)) + 1))
        folded = folded[: span.start()] + " " + folded[span.end() :]
    years |= {int(y) for y in _YEAR_RE.findall(folded)}
    previous = bool(PREVIOUS_YEAR_RE.search(folded)) and not years
    part_before = bool(_PREVIOUS_PART_RE.search(folded))
    return Period(frozenset(years), _sub_period(folded), previous, part_before)


# English month names (folded, lower-case) and their numbers; "may" only next to a year or
# another month, where it cannot be the verb.
_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|" + (
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
# "January-April 2021", "from Jan to Apr", "tháng 1-4/2021", "từ tháng 1 đến tháng 4"
_EN_MONTH_RANGE_RE = lazy(rf"\b{_MONTH}\s*(?:-|–|to|through|until)\s*{_MONTH}(?!\w)")
_EN_BETWEEN_MONTHS_RE = lazy(rf"\bbetween\s+{_MONTH}\s+and\s+{_MONTH}(?!\w)")
_VI_MONTH_RANGE_RE = lazy(
    r"\bthang\s+(1[0-2]|0?[1-9])\s*(?:-|–|den|toi)\s*(?:thang\s+)?(1[0-2]|0?[1-9])(?![\d.,])"
)
# "June 2017", "end-June 2017", "June of 2017": one month
# the months up to one: "tính đến hết tháng 11/2022", "through November 2022"
_UP_TO_MONTH_RE = lazy(
    r"\b(?:(?:tinh\s+)?(?:den|toi)\s+(?:het\s+|cuoi\s+)?thang\s+(1[0-2]|0?[1-9])\s*(?:/|nam)"
    rf"|(?:through|by the end of|as of|up to|until)\s+{_MONTH}\s*(?:of\s+|,\s*)?(?=(?:19|20)\d\d))"
)
_EN_MONTH_RE = lazy(rf"\b{_MONTH}\s*(?:of\s+|,\s*)?(?:19|20)\d\d\b")


def _month_span(first: int, last: int) -> str | None:
    if not 1 <= first < last <= 12:
        return None
    return f"m{first}-{last}"


def _sub_period(folded: str) -> str | None:
    m = _VI_MONTH_RANGE_RE.search(folded)
    if m:
        return _month_span(int(m.group(1)), int(m.group(2)))
    m = _EN_MONTH_RANGE_RE.search(folded) or _EN_BETWEEN_MONTHS_RE.search(folded)
    if m:
        return _month_span(_MONTHS[m.group(1)], _MONTHS[m.group(2)])
    m = re.search(r"\b(\d{1,2})\s+thang\s+(dau|cuoi)?", folded)
    if m and 1 <= int(m.group(1)) < 12:
        n = int(m.group(1))
        return f"m{13 - n}-12" if m.group(2) == "cuoi" else f"m1-{n}"
    m = re.search(r"\b(?:first|past|last)\s+(\d{1,2}|\w+)\s+months?\b", folded)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _EN_NUMBERS.get(m.group(1), 0)
        if 1 <= n < 12:
            return f"m{13 - n}-12" if folded[m.start() :].startswith("last") else f"m1-{n}"
    if re.search(
        r"\b(?:nua dau nam|nua dau|first half|h1|giua nam|mid-year|mid year|mid)\b", folded
    ):
        return "m1-6"
    if re.search(r"\b(?:nua cuoi nam|nua cuoi|second half|h2)\b", folded):
        return "m7-12"
    m = _UP_TO_MONTH_RE.search(folded)
    if m:
        month = m.group(1) or m.group(2)
        return f"m1-{int(month) if month.isdigit() else _MONTHS[month]}"
    m = re.search(r"\bthang\s+(1[0-2]|0?[1-9])\s*(?:/|nam)\s*(?:19|20)\d\d\b", folded)
    if m:
        return f"mo{int(m.group(1))}"
    m = re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b", folded) or re.search(r"\bq([1-4])\b", folded)
    if m:
        return f"q{_ROMAN[m.group(1)]}"
    m = re.search(r"\b(first|second|third|fourth)\s+quarter\b", folded)
    if m:
        return f"q{_ORDINAL[m.group(1)]}"
    m = _EN_MONTH_RE.search(folded)
    if m:
        return f"mo{_MONTHS[m.group(1)]}"
    return None


def _same_part(claim: str | None, fact: str | None) -> bool:
    if claim == fact:
        return True
    # a source's "tính đến hết tháng 6/2017" is read as the month: a claim about the first six
    # months may take it. Not the other way: "Riêng tháng 11/2022" is one month, and a figure
    # of the first eleven months says nothing of it.
    return bool(fact and claim and fact.startswith("mo") and claim == fact.replace("mo", "m1-"))


def relation(claim: Period, fact: Period) -> str:
    """same | unknown (one side names no period) | different.

    A whole year and a part of it are different periods: a figure for the first eleven
    months neither supports nor contradicts a claim about the year; nor does a figure for
    2014-2016 a claim about 2016.
    """
    if not claim.years and not claim.sub:
        return "unknown"
    if not fact.years and not fact.sub:
        return "unknown"
    if claim.years and fact.years and claim.years != fact.years:
        return "different"
    if not _same_part(claim.sub, fact.sub):
        return "different"
    if claim.years and not fact.years:
        return "unknown"
    return "same"
