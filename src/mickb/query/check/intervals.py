"""What a written number asserts, as an interval, and how two such intervals compare.

The rules (docs/fact-checking.md has them as a table with examples):

- A claim's number covers the interval its last written digit allows: "15%" is [14,5; 15,5),
  "3,9 triệu tỷ" is [3,85; 3,95) triệu tỷ. A trailing group of zeros after a thousands
  separator is rounding to that group: "139.000 tỷ" is [138.500; 139.500) tỷ.
- The claim's hedge narrows or widens it: more than X is (X, ∞), at least X is [X, ∞), less
  than X is (-∞, X), at most X is (-∞, X], nearly X is [0,9·X; X), about X is X plus or minus
  one unit of its last non-zero digit, and no more than 10 % of X either way.
- A source's number is the value it writes (its own hedge never widens anything), or, when the
  source only gives a bound ("hơn 90%"), that bound.
- Supported: everything the source allows lies inside the claim's interval. Contradicted:
  nothing the source allows does. In between (a bound that overlaps): not confirmed.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

_DIGITS_RE = re.compile(r"\d+(?:[.,\s]\d+)*")


class Interval(NamedTuple):
    lo: float
    hi: float
    lo_open: bool = False  # (lo ... rather than [lo ...
    hi_open: bool = True  # ... hi) rather than ... hi]

    def contains(self, x: float) -> bool:
        tol = 1e-9 * max(1.0, abs(x))
        above = x > self.lo + tol if self.lo_open else x >= self.lo - tol
        below = x < self.hi - tol if self.hi_open else x <= self.hi + tol
        return above and below

    def covers(self, other: Interval) -> bool:
        """Every value of `other` lies in this interval."""
        return _edge_ok(self.lo, self.lo_open, other.lo, other.lo_open, below=True) and _edge_ok(
            self.hi, self.hi_open, other.hi, other.hi_open, below=False
        )

    def meets(self, other: Interval) -> bool:
        """The two intervals share at least one value."""
        if other.lo == other.hi and not (other.lo_open or other.hi_open):
            return self.contains(other.lo)
        if self.lo == self.hi and not (self.lo_open or self.hi_open):
            return other.contains(self.lo)
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_open = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        hi_open = not hi_open
        if lo < hi:
            return True
        return lo == hi and not lo_open and not hi_open

    def scaled(self, factor: float) -> Interval:
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)


def _edge_ok(mine: float, mine_open: bool, theirs: float, theirs_open: bool, below: bool) -> bool:
    """Whether the other interval's lower (or upper) edge stays inside this one's."""
    if math.isinf(mine):
        return True  # nothing lies past an infinite edge
    if math.isinf(theirs):
        return False
    tol = 1e-9 * max(1.0, abs(mine), abs(theirs))
    gap = (theirs - mine) if below else (mine - theirs)  # > 0: well inside
    if gap > tol:
        return True
    if gap < -tol:
        return False
    return theirs_open or not mine_open  # the same edge: inside unless only mine leaves it out


def point(x: float) -> Interval:
    return Interval(x, x, False, False)


def rounding_radius(value: float, decimals: int, digits: str) -> float:
    """Half a unit of the last written digit, in the number's own unit ("3,9" -> 0,05);
    for a whole number whose last thousands groups are zeros ("139.000", "1.500.000"), half a
    unit of the last group that is not ("139.000" -> 500)."""
    if decimals:
        return 0.5 * 10 ** (-decimals)
    groups = re.split(r"[.,\s]", digits.strip())
    zeros = 0
    if len(groups) > 1:
        for group in reversed(groups[1:]):
            if group.strip("0"):
                break
            zeros += len(group)
    if zeros and not groups[0].strip("0") and all(not g.strip("0") for g in groups):
        zeros = 0  # "0.000": nothing to round
    return 0.5 * 10**zeros


def last_digit_unit(value: float, decimals: int) -> float:
    """One unit of the number's last non-zero digit: 14 -> 1, 140.000 -> 10.000, 3,9 -> 0,1."""
    if decimals:
        scaled = round(abs(value) * 10**decimals)
        unit = 10.0 ** (-decimals)
    else:
        scaled = round(abs(value))
        unit = 1.0
    if scaled == 0:
        return unit
    while scaled % 10 == 0:
        scaled //= 10
        unit *= 10
    return unit


# Hedges as the number reader names them, split where the rule differs.
STRICT_BELOW = ("dưới", "duoi", "chưa đến", "chua den", "chưa tới", "chua toi", "less than",
                "under", "below", "fewer than", "lower than", "just under")  # fmt: skip


def claim_interval(
    value: float, decimals: int, digits: str, hedge: str | None, hedge_text: str | None
) -> Interval:
    """The interval a claim's number asserts, in the number's own unit (scale applied later)."""
    v = abs(value)
    r = rounding_radius(v, decimals, digits)
    if hedge == "more_than":
        return Interval(v, math.inf, True, True)
    if hedge == "at_least":
        return Interval(v, math.inf, False, True)
    if hedge == "at_most":
        strict = (hedge_text or "").lower().strip() in STRICT_BELOW
        return Interval(-math.inf, v, True, strict)
    if hedge == "nearly":
        return Interval(0.9 * v, v, False, True)
    if hedge == "about":
        step = last_digit_unit(v, decimals)
        return Interval(max(v - step, 0.9 * v), min(v + step, 1.1 * v), False, False)
    return Interval(v - r, v + r, False, True)


def source_interval(value: float, qualifier: str | None) -> Interval:
    """What a source's figure allows: its value, or the bound its hedge gives."""
    v = abs(value)
    if qualifier == "more_than":
        return Interval(v, math.inf, True, True)
    if qualifier == "at_least":
        return Interval(v, math.inf, False, True)
    if qualifier == "at_most":
        return Interval(-math.inf, v, True, False)
    if qualifier == "nearly":
        return Interval(0.9 * v, v, False, True)
    return point(v)  # exact, about, estimate: the value as written, never wider


def is_bound(qualifier: str | None) -> bool:
    return qualifier in ("more_than", "at_least", "at_most", "nearly")


def compare(claim: Interval, source: Interval) -> str:
    """supported | contradicted | unconfirmed."""
    if claim.covers(source):
        return "supported"
    if not claim.meets(source):
        return "contradicted"
    return "unconfirmed"


_VI_SEPARATORS = str.maketrans(",.", ".,")


def format_number(x: float, english: bool = False) -> str:
    """x as a reader writes it: Vietnamese "138.500" / "3,85", English "138,500" / "3.85"."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if english:
        return text
    return text.translate(_VI_SEPARATORS)


def describe(interval: Interval, unit: str, english: bool = False) -> str:
    """ "[138.500; 139.500) tỷ đồng", "above 4 triệu tỷ đồng", "below 5%"."""
    u = f" {unit}" if unit and unit != "%" else unit or ""
    if math.isinf(interval.hi) and not math.isinf(interval.lo):
        word = "above" if interval.lo_open else "at least"
        return f"{word} {format_number(interval.lo, english)}{u}"
    if math.isinf(interval.lo) and not math.isinf(interval.hi):
        word = "below" if interval.hi_open else "at most"
        return f"{word} {format_number(interval.hi, english)}{u}"
    if interval.lo == interval.hi:
        return f"{format_number(interval.lo, english)}{u}"
    left = "(" if interval.lo_open else "["
    right = ")" if interval.hi_open else "]"
    sep = ", " if english else "; "
    lo, hi = format_number(interval.lo, english), format_number(interval.hi, english)
    return f"{left}{lo}{sep}{hi}{right}{u}"
