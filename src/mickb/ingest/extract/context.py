"""What surrounds a figure: its period, the period it is compared with, its sector.

Used by extract/figures.py on source sentences and available to the claim checker for claims
("Doanh thu ... năm 2022 đạt ...": `periods(claim)` gives "2022").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Mention",
    "periods",
    "period_mentions",
    "sentence_periods",
    "comparisons",
    "sector_of",
    "heading_sector",
    "SECTORS",
]

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_YEAR = r"(?:19|20)\d\d"
_F = re.IGNORECASE | re.UNICODE


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the words as written
    value: str  # normalised: "2022", "11 tháng đầu năm 2022", "quý III/2023", "2021-2025"
    has_year: bool
    # what it is: months | half | quarter | range | years | month | year | date | whole_year |
    # relative | month_alone; a "date" ("ngày 31/12/2016") gives its month and ranks below the
    # others; "relative" ("năm nay") and the yearless kinds are resolved by the extractor
    kind: str = "year"
    event: bool = False  # the year of an event, not a period: "sinh năm 1971", "từ năm 2008"
    # the year named relatively after a yearless part of it: "nay" in "5 tháng đầu năm nay",
    # "ngoái" in "quý I năm ngoái" (resolved against the document's date, else kept as written)
    relative_year: str | None = None


# Most specific first; each pattern's named group `y` (and `y2`) holds the year(s).
_MONTH_WORDS = {
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_MONTH_NAME = r"(?P<mn>Giêng|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười một|Mười hai|Mười|Chạp)"
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 11 tháng đầu năm 2022, 6 tháng cuối năm, 9 tháng năm 2022, 9 tháng 2016
    (
        re.compile(
            r"\b(?P<n>\d{1,2})\s+tháng\s+(?P<pos>đầu|cuối)?\s*(?:năm\s*)?(?P<y>" + _YEAR + r")?\b",
            _F,
        ),
        "months",
    ),
    # nửa đầu năm 2023, nửa cuối 2023
    # (a half needs its year or "năm": "mũ bảo hiểm nửa đầu" is a half-face helmet)
    (
        re.compile(
            r"\bnửa\s+(?P<pos>đầu|cuối)\s+(?:năm(?:\s+(?P<y>"
            + _YEAR
            + r"))?(?!\w)|(?P<y2>"
            + _YEAR
            + r"))",
            _F,
        ),
        "half",
    ),
    # quý III/2023, quý 3 năm 2023, quý IV
    (
        re.compile(
            r"\bquý\s+(?P<q>IV|III|II|I|[1-4])\b(?:\s*(?:/|năm)\s*(?P<y>" + _YEAR + r"))?", _F
        ),
        "quarter",
    ),
    # giai đoạn 2021 - 2025, (2021 - 2025), 2016-2020
    # (a year's test of what precedes it comes after its first two digits, "(?<!\w..)" for
    # "\b" before them: the same matches, and a search that starts at each "19" and "20"
    # rather than trying the test at every character)
    (
        re.compile(r"(?P<y>(?:19|20)(?<!\w..)\d\d)\s*[-–]\s*(?P<y2>" + _YEAR + r")\b", _F),
        "range",
    ),
    # từ năm 2002 đến năm 2007, từ 2014 tới 2016
    (
        re.compile(
            r"\btừ\s+(?:năm\s+)?(?P<y>"
            + _YEAR
            + r")\s+(?:đến|tới)\s+(?:năm\s+)?(?P<y2>"
            + _YEAR
            + r")\b",
            _F,
        ),
        "from_to",
    ),
    # năm 2015 và 2016, năm 2015, 2016: two years together
    (
        re.compile(
            r"\bnăm\s+(?P<y>" + _YEAR + r")\s*(?:,|và)\s*(?:năm\s+)?(?P<y2>" + _YEAR + r")\b"
            r"(?![.,/-]\d|\s*(?:tỷ|triệu|nghìn))",
            _F,
        ),
        "years",
    ),
    # (tính) từ tháng 4-2017 đến khi/nay: a span that opens that month and runs on, not the
    # start of something ("từ tháng 3/2019 đến tháng 6/2019" is left to the months it names)
    (
        re.compile(
            r"\btừ\s+tháng\s+(?P<m>1[0-2]|0?[1-9])\s*(?:/|-|năm|\.(?=\d))\s*(?P<y>"
            + _YEAR
            + r")\b(?=\s*,?\s*(?:đến|tới)\s+(?!(?:ngày|tháng|năm|hết)?\s*\d))",
            _F,
        ),
        "since",
    ),
    # tháng 9 năm 2023, tháng 3/2024, tháng 9-2016, tháng 1.2017 (news write a month's year
    # after a dot, as they write dates: "ngày 6.2.2017")
    (
        re.compile(
            r"\btháng\s+(?P<m>1[0-2]|0?[1-9])\s*(?:/|-|năm|\.(?=\d))\s*(?P<y>" + _YEAR + r")\b", _F
        ),
        "month",
    ),
    # tháng 6 with no year ("Tính đến hết tháng 6, …"): the month, its year left open (not
    # "tháng 6 tuổi", nor the start of "tháng 6/2017", read above)
    (
        re.compile(r"\btháng\s+(?P<m>1[0-2]|0?[1-9])\b(?!\s*(?:[/.-]\s*\d|năm\s+\d|tuổi))", _F),
        "month",
    ),
    # tháng Tư, tháng Tư năm 2017
    (
        re.compile(r"\btháng\s+" + _MONTH_NAME + r"\b(?:\s+(?:năm\s+)?(?P<y>" + _YEAR + r"))?"),
        "month_name",
    ),
    # ngày 31/12/2016, 30/09/2016, 31-3-2017: a day gives its month
    (
        re.compile(
            r"(?<![\d/.-])(?:[0-2]?\d|3[01])(?P<sep>[/-])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<y>"
            + _YEAR
            + r")(?![\d/-])"
        ),
        "date",
    ),
    # cả năm, lũy kế cả năm: the whole year of the figures around it
    (re.compile(r"\b(?:cả|trọn)\s+năm\b(?!\s*(?:19|20)\d\d)", _F), "whole_year"),
    # năm nay, năm ngoái, năm qua, năm tới; "trong năm mới" (the year just begun; "dịp năm
    # mới", "chúc mừng năm mới" are the holiday)
    (
        re.compile(
            r"(?:\bnăm\s+(?P<rel>nay|ngoái|qua|tới)|(?<=trong )năm\s+mới)\b"
            r"(?!\s*(?:19|20)\d\d)",
            _F,
        ),
        "relative",
    ),
    # năm 2022, cuối năm 2019, Nửa đầu 2023, chỉ số DESI 2021: any year on its own
    (
        re.compile(
            r"(?P<y>(?:19|20)(?<![\d/.,-]..)\d\d)"
            r"(?![\d%]|[.,/-]\d|\s*[-–]\s*\d|\s*(?:tỷ|triệu|nghìn))"
            # an amount, not a year: "1900 m 3 một ngày", "1950 km", "2000 USD"
            r"(?!\s?(?:m|km|m2|m3|km2|kg|tấn|ha|lít|USD|đồng)(?:\s?[23])?(?![^\W\d_]))"
            r"(?!\s*[x×]\s*\d)",  # "1920 x 1080 pixel": a size
            _F,
        ),
        "year",
    ),
]


# What every match of a pattern holds, as it reads in the lower-cased text: a sentence
# without it is spared the pattern. Every character that IGNORECASE equates with a letter
# here lower-cases to that one letter, except dotless ı, long ſ (equated with i and s) and
# İ (two characters lower-cased): text holding them skips no pattern
# (tests/test_extract_shortcuts.py checks every character). Whitespace, digits and dashes are
# their own lower case. Each guard is a word to look for and a pattern to confirm it with;
# "months" asks for what _periods keeps of its matches. (Lower-casing costs a tenth of
# numbers' one-for-one folding of a sentence.)
_PERIOD_GUARDS: dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]] = {
    "months": (("tháng",), re.compile(r"\d\s+tháng\s+(?:đầu|cuối|năm|(?:19|20)\d\d)")),
    "half": (("nửa",), re.compile(r"nửa\s+(?:đầu|cuối)")),
    "quarter": (("quý",), re.compile(r"quý\s+[iv1-4]")),
    "range": (("19", "20"), re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")),
    "from_to": (("từ",), re.compile(r"từ\s+(?:năm\s+)?(?:19|20)\d\d\s+(?:đến|tới)")),
    "years": (("năm",), re.compile(r"năm\s+(?:19|20)\d\d\s*(?:,|và)")),
    "since": (("từ",), re.compile(r"từ\s+tháng\s+\d")),
    "month": (("tháng",), re.compile(r"tháng\s+\d")),
    "month_name": (("tháng",), re.compile(r"tháng\s+[^\W\d]")),
    "date": (("/19", "/20", "-19", "-20"), None),
    "whole_year": (("năm",), re.compile(r"(?:cả|trọn)\s+năm")),
    "relative": (("năm",), re.compile(r"năm\s+(?:nay|ngoái|qua|tới)|trong năm\s+mới")),
    "year": (("19", "20"), None),
}
_DIGIT_RE = re.compile(r"\d")
# What every kind that needs no digit holds (lower-cased): "nửa đầu năm", "quý IV", "tháng
# Tư", "cả năm", "năm nay". (tests/test_extract_shortcuts.py checks that it agrees with the
# guards.)
_NO_DIGIT_PERIOD_RE = re.compile(
    r"nửa\s+(?:đầu|cuối)|quý\s+[iv1-4]|tháng\s+[^\W\d]|(?:cả|trọn)\s+năm|"
    r"năm\s+(?:nay|ngoái|qua|tới)|trong năm\s+mới"
)
_ODD_CASE = "ıſİ"
# Every guard word of every kind, for sentences that can be passed over at once.
_GUARD_WORDS = tuple(dict.fromkeys(w for needles, _ in _PERIOD_GUARDS.values() for w in needles))


def has_odd_case(text: str) -> bool:
    # (str's own search, one character after another, as _ODD_CASE lists them;
    # tests/test_extract_shortcuts.py checks the list: frozenset.isdisjoint hashes every
    # character of the text, a generator costs more than the searches)
    return "ı" in text or "ſ" in text or "İ" in text


# The patterns with their guards, in the order of _PERIOD_PATTERNS.
_GUARDED_PATTERNS = tuple(
    (pattern, kind, *_PERIOD_GUARDS[kind]) for pattern, kind in _PERIOD_PATTERNS
)
# The words the no-digit kinds need (each alternative of _NO_DIGIT_PERIOD_RE holds one):
# a sentence without them is passed over without the pattern's search.
NO_DIGIT_PERIOD_WORDS = _NO_DIGIT_WORDS = ("năm", "tháng", "quý", "nửa")


def _kinds_in(low: str) -> list[tuple[re.Pattern[str], str]]:
    """The patterns whose guard holds in the lower-cased text: one of its words, and its
    confirming pattern. (Each word is looked for once, not once per kind that needs it.)"""
    present = {w for w in _GUARD_WORDS if w in low}
    if not present:
        return []
    return [
        (pattern, kind)
        for pattern, kind, needles, confirm in _GUARDED_PATTERNS
        if not present.isdisjoint(needles) and (confirm is None or confirm.search(low))
    ]


_PART_KINDS = frozenset(("months", "half", "quarter"))
_RELATIVE_AFTER_RE = re.compile(
    r"\s*(?P<year>(?:của\s+)?năm\s+)?(?P<rel>nay|ngoái|qua|trước|tới)(?!\w)", _F
)


def _normalise(kind: str, m: re.Match[str]) -> tuple[str, bool]:
    """A mention's value in the extractor's words, and whether it names its year."""
    y = m.groupdict().get("y")
    if kind == "months":
        pos = m.group("pos").lower() if m.group("pos") else "đầu"
        base = f"{m.group('n')} tháng {pos} năm"  # "9 tháng năm 2016" is its first nine months
        return (f"{base} {y}" if y else base), bool(y)
    if kind == "half":
        y = y or m.group("y2")
        pos = "đầu" if m.group("pos").lower() == "đầu" else "cuối"
        base = f"6 tháng {pos} năm"
        return (f"{base} {y}" if y else base), bool(y)
    if kind == "quarter":
        q = _ROMAN.get(m.group("q"), m.group("q").upper())
        return (f"quý {q}/{y}" if y else f"quý {q}"), bool(y)
    if kind in ("range", "years", "from_to"):
        return f"{y}-{m.group('y2')}", True
    if kind in ("month", "date"):
        if not y:
            return f"tháng {int(m.group('m'))}", False
        return f"tháng {int(m.group('m'))}/{y}", True
    if kind == "since":
        return f"từ tháng {int(m.group('m'))}/{y}", True
    if kind == "month_name":
        if y:
            return f"tháng {_MONTH_WORDS[m.group('mn').lower()]}/{y}", True
        return " ".join(m.group(0).split()), False
    if kind in ("whole_year", "relative"):
        return " ".join(m.group(0).lower().split()), False
    return str(y), True


_COUNTED_BEFORE_RE = re.compile(
    r"(?:\d|\b(?:nhiều|những|các|mấy|vài|mọi|hai|ba|bốn|năm|mười))\s+$", _F
)
# Years of events, not periods: "sinh năm 1971", "(SN 1992)", "thành lập năm 1994", "từ năm
# 2008" (since), "Luật Quảng cáo 2012". A period of figures is never one of them.
_EVENT_BEFORE_RE = re.compile(
    # a vehicle's or a device's model year: "Mercedes GLK 300 đời 2009", "bản 2017"
    r"(?:\bđời|\bsinh(?:\s+năm)?|\bSN|\btừ(?:\s+năm)?|(?:thành lập|sản xuất|phê duyệt|ban hành|"
    r"khởi công|khánh thành|ra mắt|ra đời|cổ phần hóa|cổ phần hoá|xây dựng)"
    r"(?:\s+(?:lần đầu|chỉnh sửa|từ|vào))*(?:\s+năm)?"
    # the year in a law's name: "Luật Quảng cáo 2012", "Bộ luật Dân sự năm 2015"
    r"|\b(?:luật|hiến pháp)(?:\s+[^\W\d_]+){0,4}(?:\s+năm)?)\s*$",
    _F,
)
# Days that are not when a figure holds: deadlines and starts ("trước ngày 15/10/2018", "từ
# ngày 5/3/2004"), the dates of documents ("Quyết định số 215/QĐ-UBND ngày 12/4/2018"), and
# the months of futures contracts ("dầu thô giao tháng 3/2019").
_DATE_EVENT_BEFORE_RE = re.compile(
    r"(?:\btrước|\bsau|\btừ|kể từ|[A-ZĐ]{2,}(?:-[A-Za-zĐ]+)*|\bgiao)(?:\s+(?:ngày|tháng))?\s*$"
)
_EVENT_KINDS = {
    "year": _EVENT_BEFORE_RE,
    "date": _DATE_EVENT_BEFORE_RE,
    "month": _DATE_EVENT_BEFORE_RE,
}


# "so (với) (cùng kỳ) năm 2021", "so với cùng kỳ năm trước", "so với quý trước", "so kế hoạch"
_COMPARE_RE = re.compile(
    # ("cao hơn cùng kỳ năm 2016 từ 10-20%": a comparison without "so")
    # ("đắt hơn năm ngoái 100.000 đồng", "cao hơn tháng trước": the base before the figure)
    r"(?:\bso\s+(?!sánh)(?:với\s+)?|\bhơn\s+(?=cùng\s+kỳ|năm\s+(?:trước|ngoái)|(?:quý|tháng)\s+"
    r"trước))(?P<what>"
    r"cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|" + _YEAR + r")|\s+" + _YEAR + r")?"
    r"|(?:năm|quý|tháng|kỳ)\s+(?:trước|ngoái)"
    r"|kế\s+hoạch(?:\s+năm)?(?:\s+" + _YEAR + r")?"
    r"|(?:năm|quý\s+(?:IV|III|II|I|[1-4])/?)\s*" + _YEAR + r""
    r"|" + _YEAR + r""
    r"|(?:(?:[^,;.()]|[.,](?=\d)){1,60}?)(?=[,;.)](?!\d)|$)"
    r")",
    _F,
)


# "gấp đôi năm 2006": twice what it was that year
_TIMES_COMPARE_RE = re.compile(
    r"\bgấp\s+(?:đôi|ba|rưỡi|\d+(?:[.,]\d+)?\s*lần)\s+(?:so\s+với\s+)?(?P<what>(?:năm\s+)?"
    + _YEAR
    + r")\b",
    _F,
)

_COMPARE_EN_RE = re.compile(
    r"\b(?:from|compared (?:with|to)|over|than|versus|vs\.?)\s+(?:the\s+)?(?P<what>"
    r"same period(?: (?:of )?last year)?|last year|previous year|a year earlier|"
    r"(?:in\s+)?" + _YEAR + r")",
    _F,
)


_YEAR_RE = re.compile(_YEAR)
_YEAR_ONLY_RE = re.compile(r"(?:năm\s+)?(" + _YEAR + r")", _F)
_MONTHS_PERIOD_RE = re.compile(r"\d{1,2}\s+tháng\s+(?:đầu|cuối|năm|(?:19|20)\d\d)", _F)


def comparisons(text: str) -> list[Mention]:
    """Every "so (với) X" in the text, X normalised: "năm 2021", "cùng kỳ", "quý trước"."""
    return list(_comparisons(text))


# The extractor asks about the same sentence and clause many times; answers are remembered
# as tuples (callers get a fresh list; Mentions are never changed after they are made).
@lru_cache(maxsize=2048)
def _comparisons(text: str) -> tuple[Mention, ...]:
    low, odd = text.lower(), has_odd_case(text)
    out = []
    # guarded as the periods are (see _PERIOD_GUARDS): by the words each pattern starts with
    en = (
        odd
        or "from" in low
        or "compared" in low
        or "over" in low
        or "than" in low
        or "versus" in low
        or "vs" in low
    )
    for m in _COMPARE_EN_RE.finditer(text) if en else ():
        what = " ".join(m.group("what").split())
        year = _YEAR_RE.search(what)
        value = f"năm {year.group(0)}" if year else what
        out.append(Mention(m.start(), m.end(), m.group(0), value, bool(year)))
    for m in _TIMES_COMPARE_RE.finditer(text) if odd or "gấp" in low else ():
        year = _YEAR_RE.search(m.group("what"))
        out.append(Mention(m.start(), m.end(), m.group(0), f"năm {year.group(0)}", True))  # type: ignore[union-attr]
    for m in _COMPARE_RE.finditer(text) if odd or "so" in low or "hơn " in low else ():
        what = " ".join(m.group("what").split())
        year = _YEAR_ONLY_RE.fullmatch(what)
        value = f"năm {year.group(1)}" if year else what
        if not value:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), value, bool(_YEAR_RE.search(what))))
    return tuple(out)


def periods(text: str) -> list[Mention]:
    """The periods named in a text, in order, leaving out those inside "so với ..." phrases."""
    return list(_periods(text))


def period_mentions(text: str) -> tuple[Mention, ...]:
    """`periods`, as the tuple remembered for the text (for the extractor, which asks about
    every sentence and only reads the answer: no list to copy)."""
    return _periods(text)


@lru_cache(maxsize=8192)
def _periods(text: str) -> tuple[Mention, ...]:
    return sentence_periods(text, _DIGIT_RE.search(text) is not None)


def sentence_periods(text: str, has_digit: bool) -> tuple[Mention, ...]:
    """`period_mentions` of a text the caller knows to hold a digit or not, not remembered
    (the extractor reads each sentence once, and passes the answer on)."""
    low = text.lower()
    if has_odd_case(text):
        kinds = _PERIOD_PATTERNS
    elif not has_digit:
        # without a digit only these kinds can stand: one search says whether any does
        for w in _NO_DIGIT_WORDS:
            if w in low:
                break
        else:
            return ()
        if not _NO_DIGIT_PERIOD_RE.search(low):
            return ()
        kinds = _kinds_in(low)
    else:
        kinds = _kinds_in(low)
        if not kinds:
            return ()  # no pattern's guard, no period
    taken: list[tuple[int, int]] | None = None  # (the comparisons: asked at the first match)
    out: list[Mention] = []
    for pattern, kind in kinds:
        for m in pattern.finditer(text):
            if taken is None:
                taken = [(c.start, c.end) for c in _comparisons(text)]
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            if kind == "months" and not _MONTHS_PERIOD_RE.match(m.group(0)):
                continue  # "6 tháng" alone is a duration, "6 tháng đầu năm" a period
            if kind == "relative" and _COUNTED_BEFORE_RE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue  # "2 năm qua", "nhiều năm qua": a duration, not the past year
            value, has_year = _normalise(kind, m)
            before = _EVENT_KINDS.get(kind)
            event = before is not None and bool(
                before.search(text, max(0, m.start() - 40), m.start())
            )
            end, relative = m.end(), None
            if not has_year and kind in _PART_KINDS:
                # ("5 tháng đầu năm nay": the match already holds its "năm")
                said_year = m.group(0).rstrip()[-3:].lower() == "năm"
                rel = _RELATIVE_AFTER_RE.match(text, end)
                if rel and (said_year or rel.group("year")):
                    # "5 tháng đầu năm nay": this year's first five months, not a bare "5
                    # tháng đầu năm" to be given the year some other sentence named
                    end, relative = rel.end(), rel.group("rel").lower()
                    value = f"{value.removesuffix(' năm')} năm {relative}"
            written = text[m.start() : end]
            out.append(Mention(m.start(), end, written, value, has_year, kind, event, relative))
            taken.append((m.start(), end))
    out.sort(key=lambda p: p.start)
    return tuple(out)


# The sectors of the ICT field as reports name them; the first match in a text wins, so the
# more specific names come first.
SECTORS: tuple[tuple[str, str], ...] = (
    ("an toàn thông tin mạng", "an toàn thông tin mạng"),
    ("an toàn thông tin", "an toàn thông tin mạng"),
    ("an ninh mạng", "an toàn thông tin mạng"),
    ("lừa đảo trực tuyến", "an toàn thông tin mạng"),
    ("công nghiệp ICT", "công nghiệp ICT"),
    ("công nghiệp công nghệ thông tin", "công nghiệp ICT"),
    ("công nghiệp công nghệ số", "công nghiệp ICT"),
    ("doanh nghiệp công nghệ số", "công nghiệp ICT"),
    ("kinh tế số", "kinh tế số"),
    ("chuyển đổi số", "chuyển đổi số"),
    ("chính phủ số", "chuyển đổi số"),
    ("chính phủ điện tử", "chuyển đổi số"),
    ("bưu chính viễn thông", "viễn thông"),
    ("bưu chính - viễn thông", "viễn thông"),
    ("bưu chính, viễn thông", "viễn thông"),
    ("bưu chính", "bưu chính"),
    ("bưu gửi", "bưu chính"),
    ("bưu điện", "bưu chính"),
    ("chuyển phát", "bưu chính"),
    ("viễn thông", "viễn thông"),
    ("thuê bao", "viễn thông"),
    ("nhà mạng", "viễn thông"),
    ("băng rộng", "viễn thông"),
    ("phủ sóng", "viễn thông"),
    ("lõm sóng", "viễn thông"),
    ("có sóng", "viễn thông"),
    ("trạm BTS", "viễn thông"),
    ("tần số vô tuyến", "viễn thông"),  # (a screen's "tần số quét" is no telecoms)
    ("băng tần", "viễn thông"),
    ("xuất bản", "xuất bản"),
    ("phát hành sách", "xuất bản"),
    ("phát hành xuất bản phẩm", "xuất bản"),
    ("báo chí", "báo chí"),
    ("phát thanh", "báo chí"),
    ("truyền hình", "báo chí"),
    ("mạng xã hội", "báo chí"),
    ("công nghệ thông tin", "công nghệ thông tin"),
    ("thông tin và truyền thông", "thông tin và truyền thông"),
    ("thương mại điện tử", "thương mại điện tử"),
)
_HEADING_RE = re.compile(r"^\s*(?:Lĩnh vực|Về|Ngành|Mảng|Khối)\s+([^:.;]{2,80}):", _F)


# One search for all the names (lower-cased, no flags): the leftmost name wins, and at one
# position the alternative listed first, as "the first match in a text" means. (Measured on
# a 5 MB report, it takes a third of the time of a str.find per name.)
_SECTORS_LOWER = tuple((words.lower(), sector) for words, sector in SECTORS)
_SECTOR_RE = re.compile("|".join(re.escape(words) for words, _ in _SECTORS_LOWER))
_SECTOR_OF_NAME = dict(reversed(_SECTORS_LOWER))  # a name listed twice: the first wins


@lru_cache(maxsize=4096)
def sector_of(text: str) -> str | None:
    """The first sector the text names ("doanh thu dịch vụ bưu chính" -> "bưu chính"); a name
    given as a source ("Theo báo chí Anh") names no sector."""
    low = text.lower()
    for m in _SECTOR_RE.finditer(low):
        if not _SOURCE_BEFORE_RE.search(low, max(0, m.start() - 8), m.start()):
            return _SECTOR_OF_NAME[m.group(0)]
    return None


_SOURCE_BEFORE_RE = re.compile(r"(?:theo|nguồn|trích)\s+$")


def heading_sector(sentence: str) -> tuple[str, int] | None:
    """The sector a "Lĩnh vực bưu chính: ..." heading opens, and where its text ends (None
    when the heading names no sector of the field: "Về chiếc xe mới: ...")."""
    m = _HEADING_RE.match(sentence) if ":" in sentence else None  # (it ends with one)
    if not m:
        return None
    sector = sector_of(m.group(1).strip())
    return (sector, m.end()) if sector else None
