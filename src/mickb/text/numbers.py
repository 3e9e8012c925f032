"""Reading numbers in running text, Vietnamese or English, with their units and scale words.

Shared by the figure extractor (extract/figures.py) and the claim checker (check.py), so a
figure in a claim is read exactly as the same figure in a source.

- `parse_number("3.893.595")` -> 3893595.0, `parse_number("12,7")` -> 12.7
- `find_numbers(text)` -> every figure in `text` as a `NumberMatch` (value, unit, scale, base
  value and unit, hedge word). Years, dates, times, document numbers, durations, ages, ordinals,
  technology names (5G) and numbers inside URLs are *context*, not figures: they are skipped
  unless `include_context=True`, and then flagged `is_context` with the reason in `context`.

Everything is matched on a length-preserving fold of the text (no case, no diacritics, đ -> d)
so a claim typed without diacritics ("138.000 ty dong") reads like the source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mickb.plain import PlainRecord
from mickb.text.fold import VI_LETTERS, fold_keep_offsets, letter_mask

__all__ = [
    "NumberMatch",
    "find_numbers",
    "parse_number",
    "unit_kind",
    "PEOPLE_NOUNS",
]

Qualifier = str  # estimate | about | nearly | more_than | at_least | at_most


class NumberMatch(PlainRecord):
    """A figure found in text (a plain class, not a dataclass: see mickb.plain)."""

    __slots__ = (
        "start",
        "end",
        "text",
        "value",
        "total",
        "unit",
        "base_value",
        "base_unit",
        "decimals",
        "scale",
        "qualifier",
        "is_percent",
        "is_context",
        "context",
        "qualifier_start",
        "lang",
        "qualifier_text",
        "range_with",
    )

    def __init__(
        self,
        start: int,  # span of `text` in the input
        end: int,
        text: str,  # exact characters: "3.893.595 tỷ đồng", "12,7%", "2.152/2.418 điểm"
        value: float,  # as written: 3893595, 12.7, 2152, 3.9
        total: float | None,  # B of "A/B"
        unit: str,  # as written with its scale word: "tỷ đồng", "%", "triệu người", "" if none
        base_value: float | None,  # value x scale: 3.893595e15
        base_unit: str | None,  # "VND", "USD", "%", "người", a count noun, or None
        decimals: int,  # digits written after the decimal separator
        scale: float,  # multiplier of the scale words (tỷ 1e9, nghìn tỷ 1e12, billion 1e9)
        qualifier: Qualifier | None,  # hedge written just before (gần -> nearly, hơn -> more_than)
        is_percent: bool,
        is_context: bool = False,  # a year, date, time, document number, duration, age, ...
        context: str | None = None,  # why: year|date|time|document|duration|age|ordinal|name|url
        qualifier_start: int | None = None,  # where the hedge word starts ("gần 3,9" -> "gần")
        lang: str = "vi",  # the number format it was read in: "vi" or "en"
        qualifier_text: str | None = None,  # the hedge words exactly: "gần", "more than"
        range_with: int | None = None,  # index (in the returned list) of the other end of "18-20%"
    ) -> None:
        self.start, self.end, self.text, self.value, self.total = start, end, text, value, total
        self.unit, self.base_value, self.base_unit = unit, base_value, base_unit
        self.decimals, self.scale, self.qualifier = decimals, scale, qualifier
        self.is_percent, self.is_context, self.context = is_percent, is_context, context
        self.qualifier_start, self.lang, self.qualifier_text = qualifier_start, lang, qualifier_text
        self.range_with = range_with

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
# vocabulary, written with diacritics; matched on the folded text, then checked against the
# accented spelling when the text has diacritics ("trạm" is not "trăm", "đài" is not "đại").

_SCALES: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "trăm": 1e2,
    "vạn": 1e4,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
}
# Currency words after the number -> ISO-ish base unit.
_CURRENCIES: list[tuple[str, str]] = [
    ("đô la hồng kông", "HKD"),
    ("đô la singapore", "SGD"),
    ("đô la úc", "AUD"),
    ("đô la đài loan", "TWD"),
    ("đồng việt nam", "VND"),
    ("đôla mỹ", "USD"),
    ("đôla", "USD"),
    ("việt nam đồng", "VND"),
    ("đô la mỹ", "USD"),
    ("đô la", "USD"),
    ("đô-la", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("vnd", "VND"),
    ("vnđ", "VND"),
    ("đồng", "VND"),
    ("dong", "VND"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("yên", "JPY"),
    ("nhân dân tệ", "CNY"),
    ("won", "KRW"),
]
# "đồng" is also the first syllable of common words ("3 đồng chí"): not a currency then.
_CURRENCY_CODES = frozenset(code for _, code in _CURRENCIES)
_DONG_NOT_CURRENCY = frozenset(
    "chí bộ thời ý hành nghiệp bào tình đội loạt hồ phục minh đẳng thuận nát ruộng bằng lòng "
    "tâm hương cỏ dao".split()
)
_PREFIX_CURRENCY_RE = re.compile(r"(us\$|\$|usd|vnd)\s?$")

# Countable nouns that can follow a number as its unit ("1.510.027 lao động", "70.000 doanh
# nghiệp"). General vocabulary. People nouns share the base unit "người".
PEOPLE_NOUNS: tuple[str, ...] = (
    "người",
    "lao động",
    "nhân viên",
    "nhân sự",
    "cán bộ",
    "công chức",
    "viên chức",
    "khách hàng",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "bác sĩ",
    "chuyên gia",
    "kỹ sư",
    "lập trình viên",
    "phóng viên",
    "nhà báo",
    "đảng viên",
    "thành viên",
    "cư dân",
    "du khách",
    "lượt khách",
    "khách",
    "people",
    "persons",
    "users",
    "workers",
    "employees",
    "staff",
    "customers",
    "residents",
    "citizens",
)
_COUNT_NOUNS: tuple[str, ...] = (
    "doanh nghiệp",
    "công ty",
    "tổng công ty",
    "tập đoàn",
    "hợp tác xã",
    "cơ sở",
    "đơn vị",
    "cơ quan báo chí",
    "cơ quan",
    "tổ chức",
    "thuê bao",
    "trang web",
    "trang thông tin điện tử",
    "trang thông tin",
    "trang",
    "website",
    "tên miền",
    "ứng dụng",
    "nền tảng",
    "tài khoản",
    "hồ sơ",
    "thủ tục",
    "dịch vụ công",
    "dịch vụ",
    "sản phẩm",
    "chỉ tiêu",
    "điểm phục vụ",
    "điểm",
    "trạm bts",
    "trạm",
    "hộ gia đình",
    "hộ",
    "lượt truy cập",
    "lượt",
    "lần",
    "cuộc gọi",
    "tin nhắn",
    "bưu gửi",
    "bưu phẩm",
    "bưu cục",
    "vụ việc",
    "vụ tấn công",
    "cuộc tấn công",
    "vụ",
    "mã độc",
    "lỗ hổng",
    "thiết bị",
    "máy tính",
    "máy",
    "điện thoại",
    "smartphone",
    "chiếc",
    "cuốn",
    "đầu sách",
    "xuất bản phẩm",
    "bản in",
    "tờ báo",
    "tạp chí",
    "kênh",
    "đài",
    "tỉnh thành",
    "tỉnh",
    "thành phố",
    "huyện",
    "xã",
    "thôn",
    "làng",
    "trường",
    "bệnh viện",
    "danh mục",
    "dự án",
    "chương trình",
    "đề án",
    "văn bản",
    "sáng kiến",
    "bằng sáng chế",
    "startup",
    "quốc gia",
    "nước",
    "thị trường",
    "mạng",
    "đường trục",
    "tuyến cáp",
    "cột",
    "km",
    "kg",
    "tấn",
    "ha",
    "m2",
    "mhz",
    "ghz",
    "mbps",
    "gbps",
    "gb",
    "tb",
    "mw",
    "subscribers",
    "enterprises",
    "businesses",
    "companies",
    "firms",
    "websites",
    "sites",
    "points",
    "times",
    "accounts",
    "apps",
    "devices",
    "stations",
    "provinces",
    "titles",
)


def _by_fold(words: tuple[str, ...]) -> list[tuple[str, str]]:
    """(folded, accented) pairs, longest first so "trang web" wins over "trang"."""
    from mickb.text.fold import fold

    pairs = {(fold(w), w) for w in words}
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


_NOUNS: list[tuple[str, str]] = _by_fold(PEOPLE_NOUNS + _COUNT_NOUNS)
_PEOPLE = frozenset(f for f, _ in _by_fold(PEOPLE_NOUNS))
_SCALE_WORDS: list[tuple[str, str]] = _by_fold(tuple(_SCALES))
_CURRENCY_WORDS: list[tuple[str, str, str]] = sorted(
    ((f, w, code) for w, code in _CURRENCIES for f, _ in _by_fold((w,))),
    key=lambda t: -len(t[0]),
)


class _Word(NamedTuple):
    """A vocabulary entry as `_read_unit` tries it: folded key, spelling, and what it means."""

    key: str  # folded: what must stand in the folded text
    accented: str  # as spelled
    canon: str | None  # canon(accented) when the spelling must agree in marked text, else None
    code: str = ""  # currency code, for currency words


def _by_head(entries: list[_Word]) -> dict[str, tuple[_Word, ...]]:
    """Entries grouped by the first two characters of their key, each group in list order.

    A word can only stand at a position whose folded text starts with its first two characters,
    so trying that group in order finds exactly what trying the whole list in order finds.
    """
    assert all(len(w.key) >= 2 for w in entries)  # every key has a two-character head
    groups: dict[str, list[_Word]] = {}
    for w in entries:
        groups.setdefault(w.key[:2], []).append(w)
    return {head: tuple(ws) for head, ws in groups.items()}


def _word(key: str, accented: str, code: str = "") -> _Word:
    from mickb.text.fold import canon

    return _Word(key, accented, None if accented.isascii() else canon(accented), code)


_NOUNS_BY_HEAD = _by_head([_word(k, w) for k, w in _NOUNS])
_SCALES_BY_HEAD = _by_head([_word(k, w) for k, w in _SCALE_WORDS])
_CURRENCIES_BY_HEAD = _by_head([_word(k, w, code) for k, w, code in _CURRENCY_WORDS])


class _PrefixTests:
    """For each group of `_by_head`, a pattern that matches where one of its keys starts.

    Every entry stands at a position only if the folded text starts with its key there, so
    where the pattern does not match, trying the group in order finds nothing. A group's
    pattern is compiled the first time a text asks for it: compiling all ~90 at import was
    ~5 ms of the start-up of every `mickb find` with a figure in the query.
    """

    __slots__ = ("_by_head", "_compiled")

    def __init__(self, by_head: dict[str, tuple[_Word, ...]]) -> None:
        self._by_head = by_head
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, head: str) -> re.Pattern[str] | None:
        pattern = self._compiled.get(head)
        if pattern is None:
            words = self._by_head.get(head)
            if words is None:
                return None
            pattern = re.compile("|".join(re.escape(w.key) for w in words))
            self._compiled[head] = pattern
        return pattern

    def __contains__(self, head: object) -> bool:
        return head in self._by_head

    def __getitem__(self, head: str) -> re.Pattern[str]:
        pattern = self.get(head)
        if pattern is None:
            raise KeyError(head)
        return pattern


_NOUN_PREFIXES = _PrefixTests(_NOUNS_BY_HEAD)
_SCALE_PREFIXES = _PrefixTests(_SCALES_BY_HEAD)
_CURRENCY_PREFIXES = _PrefixTests(_CURRENCIES_BY_HEAD)
# first words of the count nouns: "7-8 hộ" is a count, not the date "7-8"
_NOUN_FIRST_WORDS = frozenset(k.split()[0] for k, _ in _NOUNS)
# Units that may be glued to the digits ("350km", "100Mbps"); other glued letters make a name
# ("5G", "3D", "4K").
_GLUED_UNITS = frozenset({"km", "kg", "m2", "mhz", "ghz", "mbps", "gbps", "gb", "tb", "mw", "ha"})

_TIME_UNITS = (
    "thap ky",
    "thap nien",
    "the ky",
    "nam",
    "thang",
    "tuan",
    "ngay",
    "gio",
    "phut",
    "giay",
    "quy",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "decades",
    "decade",
)
_TIME_UNITS_BY_HEAD: dict[str, tuple[str, ...]] = {
    head: tuple(w for w in _TIME_UNITS if w[:2] == head) for head in {w[:2] for w in _TIME_UNITS}
}
_DOC_WORDS = (
    "quyet dinh",
    "nghi dinh",
    "thong tu",
    "chi thi",
    "nghi quyet",
    "cong van",
    "luat",
    "dieu",
    "khoan",
    "chuong",
    "phu luc",
    "ket luan",
    "thong bao",
    "to trinh",
    "decree",
    "decision",
    "resolution",
    "circular",
    "article",
)
# Words before a number that make it a day, month, quarter or rank, not a figure.
_DATE_WORDS = (
    "ngay",
    "sang",
    "chieu",
    "toi",
    "trua",
    "dem",
    "hom",
    "rang sang",
    "dem qua",
    "mung",
    "mong",
    "qua",
    "nay",
)
_DASH_DATE_WORDS = _DATE_WORDS + ("tu", "den", "toi", "vao", "truoc", "sau", "cuoi", "dau")
_PAIR_DATE_WORDS = _DATE_WORDS + ("tu", "den", "toi", "vao", "truoc", "sau")
_PERIOD_WORDS = ("thang", "quy", "tuan", "khoa", "nhiem ky", "phien", "ky hop")
_ORDINAL_WORDS_EXACT = ("thứ", "hạng", "top", "no.", "số")

# Words after which a number is a label, not a quantity.
_LABEL_WORDS = frozenset(
    "đợt phase stage khu tầng phòng quận phường lớp tổ bài mục chương điều khoản tiết "
    "lô tuyến kênh mức cấp volume vol version model".split()
    + ["binh đoàn", "quân khu", "quân đoàn", "sư đoàn", "trung đoàn", "số nhà", "khóa học"]
    + ["cấp độ", "phiên bản", "kỳ quay", "kỳ họp", "mức độ"]
)
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
_FILLERS = ("muc", "con so", "la", "dat", "len", "toi", "den", "o muc", "reached", "at", "of")
_SPACED_FILLERS = tuple(" " + f for f in _FILLERS)


_DONG_NOT_CURRENCY_FOLDED = frozenset(fold_keep_offsets(x) for x in _DONG_NOT_CURRENCY)


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
    )

    def __init__(
        self, start: int, end: int, digits: str, value: float, decimals: int, lang: str
    ) -> None:
        self.start = start
        self.end = end  # end of the digits
        self.digits, self.value, self.decimals, self.lang = digits, value, decimals, lang
        self.unit_end = 0
        self.unit = ""
        self.scale = 1.0
        self.base_unit: str | None = None
        self.is_percent = False
        self.currency_prefix_start: int | None = None
        self.context: str | None = None
        self.total_raw: _Raw | None = None


def _starts_word(folded: str, pos: int, phrase: str) -> int:
    """End offset if `phrase` (folded words) starts at `pos` as whole words, else -1."""
    if not folded.startswith(phrase, pos):
        return -1
    end = pos + len(phrase)
    if end < len(folded) and (folded[end].isalnum() or folded[end] == "$" and phrase[-1] == "$"):
        return -1
    return end


_SPACES_RE = re.compile("[ \t\u00a0]*")


def _skip_spaces(text: str, pos: int) -> int:
    if pos < len(text) and text[pos] in " \t\u00a0":
        return _SPACES_RE.match(text, pos).end()  # type: ignore[union-attr]  # (matches always)
    return pos


# Patterns of _prev_words, _context_of and find_numbers, compiled once.
_DIGIT_DOT_END_RE = re.compile(r"\d\.$")
_FOLDED_TOKEN_RE = re.compile(r"[a-z0-9$%.]+")
_ASCII_RUN_RE = re.compile(r"[a-z0-9]+")
_CLOCK_RE = re.compile(r":\d\d\b")
_HOUR_RE = re.compile(r"h\d\d\b")
_DOC_CODE_RE = re.compile(r"(?:/\d+)*[/-][A-ZĐ]{2,}")
_EXACT_TOKEN_RE = re.compile(r"[\w#.]+")
_TET = "Tết"
_TET_RE = re.compile(r"\s+" + _TET + r"\b")
_SLASH_NUMBER_RE = re.compile(r"/\d+")
_LAST_WORD_RE = re.compile(r"(\w+)\s+$")
_PUNCT_OR_END_RE = re.compile(r"\s*(?:[(),;]|$)")
_NEXT_TOKEN_RE = re.compile(r"\s+(\w+)")
_DOT_DATE_RE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d")
_DOT_MONTH_YEAR_RE = re.compile(r"(?:[1-9]|1[0-2])\.(?:19|20)\d\d")
_DOT_DAY_MONTH_RE = re.compile(r"(?:[1-9]|[12]\d|3[01])\.(?:[1-9]|1[0-2])")
_DASH_NUMBER_RE = re.compile(r"\s*[-–]\s*\d")
_X_POINT_0_RE = re.compile(r"\d\.0")
_DMY_TAIL_RE = re.compile(r"[/.-](\d{1,2})[/.-](\d{2,4})\b")
_SLASH_YEAR_RE = re.compile(r"/(\d{4})\b")
_DATE_HEAD_RE = re.compile(r"(\d{1,2})/(?:\d{1,2}/)?$")
_QUARTER_SLASH_RE = re.compile(r"\b(?:quy|quý)\s+[IVX]+/$")
_DASH_MONTH_RE = re.compile(r"-(\d{1,2})\b(?![.,]?\d|\s*%)")
_DASH_NUMBER_WORD_RE = re.compile(r"-\d{1,2}\s*(\w+)")
_DAY_DASH_END_RE = re.compile(r"(\d{1,2})-$")
_SLASH_MONTH_RE = re.compile(r"/(\d{1,2})\b(?!\s*[.,]?\d)")
_AGE_AFTER_RE = re.compile(r"(tuoi|years? old)\b")
_DAY_MONTH_RE = re.compile(r"\d{1,2}/(\d{1,2})")
_FRACTION_FOLLOWER_RE = re.compile(r"\d{1,2}/\d{1,2}\s*([^\W\d_]*)")
_LIST_GAP_RE = re.compile(r"\s*,\s*|\s+(?:và|hoặc)\s+|/")
_RANGE_GAP_RE = re.compile(r"\s*[-–]\s*|\s+(?:den|toi|to)\s+")
_TU_END_RE = re.compile(r"\btu\s*$")
_TRO_LEN_RE = re.compile(r"\s*tro len\b")


def _prev_words(folded: str, pos: int, n: int = 4) -> list[str]:
    """The n folded words before `pos`, nearest last (stops at sentence punctuation)."""
    head = folded[max(0, pos - 60) : pos]
    rf = head.rfind
    cut = max(rf("."), rf(";"), rf(":"), rf("!"), rf("?"), rf("\n"), rf("("), rf(")"))
    # (a match of "\d\.$" in head[: cut + 1] starts at cut - 2 at the earliest: "3.\n")
    if cut >= 0 and not _DIGIT_DOT_END_RE.search(head, max(0, cut - 2), cut + 1):
        head = head[cut + 1 :]
    return _FOLDED_TOKEN_RE.findall(head)[-n:]


@lru_cache(maxsize=4096)
def _canon(text: str) -> str:
    from mickb.text.fold import canon

    return canon(text)


def _vocab_at(text: str, folded: str, pos: int, word: _Word, marked: bool) -> int:
    """End offset if the vocabulary word stands at `pos`, else -1.

    In text with diacritics the spelling must agree too (tone placement aside), so "trạm"
    (station) is not "trăm" (hundred) and "ngân" is not "ngàn".
    """
    end = _starts_word(folded, pos, word.key)
    if end < 0 or not marked or word.canon is None:
        return end
    return end if _canon(text[pos:end]) == word.canon else -1


_TY_WORD_RE = re.compile(r"(le|trong|gia|so)\b")
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")
_PER_RE = re.compile(
    r"/\s?(nam|thang|quy|ngay|gio|nguoi|thue bao|can|m2|kg|tan|lit|kwh|co phieu|"
    r"year|month|day|hour|person|share)\b"
)
_PERCENT_AFTER_RE = re.compile(r"/\s?(nam|year|thang|quy)\b")
# Percent and percentage-point words (folded).
_PERCENT_WORDS = (
    "diem phan tram",
    "diem %",
    "phan tram",
    "percentage points",
    "percent",
    "per cent",
)
# (each phrase can stand only where the folded text starts with it)
_PERCENT_START_RE = re.compile("|".join(re.escape(w) for w in _PERCENT_WORDS))


def _read_unit(
    text: str,
    folded: str,
    raw: _Raw,
    marked: bool | None,
    languages: _WindowLanguages | None = None,
) -> None:
    """Read %, scale words, currency and a count noun after the digits.

    `marked`: whether the text around has diacritics (the second of `_window_language`);
    None to have it read from `languages` only if a word's spelling must be checked.
    """
    pos = raw.end
    unit_start: int | None = None
    unit_end = pos
    p = pos  # (_skip_spaces, written out: most numbers have a space or nothing after them)
    if p < len(folded) and folded[p] in " \t\u00a0":
        p = _skip_spaces(folded, p)
    # percent
    if p < len(folded) and folded[p] == "%" and p - pos <= 1:
        raw.is_percent, raw.base_unit = True, "%"
        unit_start, unit_end = p, p + 1
        m = _PERCENT_AFTER_RE.match(folded, unit_end)
        if m:
            unit_end = m.end()
        raw.unit_end = unit_end
        raw.unit = text[unit_start:unit_end]
        return
    for phrase in _PERCENT_WORDS if _PERCENT_START_RE.match(folded, p) else ():
        e = (
            _starts_word(folded, p, phrase)
            if not phrase.endswith("%")
            else (p + len(phrase) if folded.startswith(phrase, p) else -1)
        )
        if e > 0:
            raw.is_percent = phrase.startswith(("phan", "percent", "per "))
            raw.base_unit = "%" if raw.is_percent else "điểm %"
            raw.unit_end, raw.unit = e, text[p:e]
            return
    scale = 1.0
    q = p
    while q < len(folded):
        head = folded[q : q + 2]
        starts = _SCALE_PREFIXES.get(head)
        if starts is None or not starts.match(folded, q):
            break  # (no scale word starts here: the loop below would find none)
        for sw in _SCALES_BY_HEAD[head]:
            if not folded.startswith(sw.key, q):
                continue  # (the first test of _vocab_at)
            if marked is None:
                marked = languages.of(raw.start, raw.end)[1]  # type: ignore[union-attr]
            e = _vocab_at(text, folded, q, sw, marked)
            if e > 0:
                break
        else:
            break
        # "tỷ lệ", "tỷ trọng", "tỷ giá" are words of their own, not scale words
        if sw.key in ("ty", "ti"):
            after = _skip_spaces(folded, e)
            if _TY_WORD_RE.match(folded[after : after + 6]):
                break
        scale *= _SCALES[sw.accented]
        if unit_start is None:
            unit_start = q
        unit_end = e
        q = _skip_spaces(folded, e)
    base_unit: str | None = None
    # currency
    head = folded[q : q + 2]
    starts = _CURRENCY_PREFIXES.get(head)
    for cw in _CURRENCIES_BY_HEAD[head] if starts and starts.match(folded, q) else ():
        if not folded.startswith(cw.key, q):
            continue  # (the first test of _vocab_at, and the only one of "us$")
        if marked is None:
            marked = languages.of(raw.start, raw.end)[1]  # type: ignore[union-attr]
        if cw.key.endswith("$"):
            e = q + len(cw.key)
        else:
            e = _vocab_at(text, folded, q, cw, marked)
        if e > 0:
            if cw.key == "dong":
                nxt_word = _NEXT_WORD_RE.match(text, e)
                if nxt_word:
                    w = nxt_word.group(1).lower()
                    if w in _DONG_NOT_CURRENCY or (not marked and w in _DONG_NOT_CURRENCY_FOLDED):
                        continue
            base_unit = cw.code
            if unit_start is None:
                unit_start = q
            unit_end = e
            q = _skip_spaces(folded, e)
            break
    if base_unit is None and raw.currency_prefix_start is not None:
        prefix = folded[raw.currency_prefix_start : raw.start].strip()
        base_unit = "VND" if prefix.startswith("vnd") else "USD"
    elif base_unit is None:
        # a count noun ("lao động", "thuê bao"), possibly glued to the digits ("350km")
        glued = q == raw.end
        head = folded[q : q + 2]
        starts = _NOUN_PREFIXES.get(head)
        for nw in _NOUNS_BY_HEAD[head] if starts and starts.match(folded, q) else ():
            if not folded.startswith(nw.key, q):
                continue  # (the first test of _vocab_at)
            if marked is None:
                marked = languages.of(raw.start, raw.end)[1]  # type: ignore[union-attr]
            e = _vocab_at(text, folded, q, nw, marked)
            if e > 0 and (not glued or (nw.key in _GLUED_UNITS and text[q:e].isascii())):
                base_unit = "người" if nw.key in _PEOPLE else text[q:e].lower()
                if unit_start is None:
                    unit_start = q
                unit_end = e
                break
    if unit_start is not None and base_unit:
        while per := _PER_RE.match(folded, unit_end):
            # a rate, not an amount: "30 triệu đồng/năm" is a different kind from "30 triệu đồng"
            base_unit = f"{base_unit}/{text[per.start(1) : per.end()].lower()}"
            unit_end = per.end()
    raw.scale = scale
    raw.base_unit = base_unit
    raw.unit_end = unit_end if unit_start is not None else raw.end
    if unit_start is not None:
        unit_text = text[unit_start:unit_end]
        if raw.currency_prefix_start is not None and base_unit and base_unit not in unit_text:
            unit_text = f"{unit_text} {base_unit}"  # "$148 billion" -> "billion USD"
        raw.unit = unit_text
    elif raw.currency_prefix_start is not None and base_unit:
        raw.unit = base_unit


class _Clues:
    """Which words some checks of `_context_of` need occur anywhere in the sentence.

    Worked out once per sentence by `_clues`. A check that needs a word cannot fire in a
    sentence without it, so skipping the check there is exact; `_ALL_CLUES` (every word
    possibly there) runs every check, as the plain rule does.
    """

    __slots__ = ("rank", "age", "tet")

    def __init__(self, rank: bool, age: bool, tet: bool) -> None:
        self.rank = rank  # text.lower() holds one of _RANK_WORDS
        self.age = age  # folded holds "tuoi" or " old"
        self.tet = tet  # text holds _TET


_RANK_WORDS = ("thứ", "hạng", "top", "khóa", "khoá")
_ALL_CLUES = _Clues(True, True, True)


def _clues(text: str, folded: str) -> _Clues:
    """The `_Clues` of a sentence (`folded` is its fold_keep_offsets)."""
    # The checks read the lower-cased 16 characters before a number; str.lower() maps each
    # character alone (Σ aside, in none of these words), so a word found there is found in
    # text.lower() too.
    low = text.lower()
    return _Clues(
        rank=any([w in low for w in _RANK_WORDS]),
        age="tuoi" in folded or " old" in folded,  # _AGE_AFTER_RE and words[-1] == "tuoi"
        tet=_TET in text,
    )


# The checks of _context_of after the year test compare the last folded word before a number
# (words[-1], or the end of " ".join(words)) with one of these.
_WORD_CLUES = tuple(
    sorted(
        {
            phrase.split()[-1]
            for phrase in _PERIOD_WORDS + _DATE_WORDS + ("nam", "year", "fy", "tuoi", "do tuoi")
        }
    )
)
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789$%.")  # of _FOLDED_TOKEN_RE


_DOC_CLUES = tuple(sorted({phrase.split()[-1] for phrase in _DOC_WORDS}))


def _may_end_with(folded: str, pos: int, clues: tuple[str, ...]) -> bool:
    """False when the last of `_prev_words(folded, pos)` cannot end with a word of `clues`.

    That word is the tail of the last run of token characters in folded[pos - 60 : pos] (the
    punctuation cut only drops what comes before it), so the run must end with a clue word.
    """
    low = max(0, pos - 60)
    end = pos
    while end > low and folded[end - 1] not in _TOKEN_CHARS:
        end -= 1
    return folded.endswith(clues, low, end)


# Every check of _context_of on the tokens written just before a number (prev_exact) compares
# the last of them, or the last two joined, with one of these words or phrases.
_EXACT_CLUES = tuple(
    sorted(
        {
            phrase.split()[-1]
            for phrase in _LABEL_WORDS
            | {"thứ", "số", "no.", "#", "giai đoạn", "vòng thi", "hạng", "top", "khóa", "khoá"}
        }
    )
)


def _may_end_with_exact(head: str) -> bool:
    """False when the last `_EXACT_TOKEN_RE` token of `head` cannot be one of _EXACT_CLUES."""
    end = len(head)
    while end and not (head[end - 1].isalnum() or head[end - 1] in "_#."):  # (not [\w#.])
        end -= 1
    return head.endswith(_EXACT_CLUES, 0, end)


def _context_of(
    text: str,
    folded: str,
    raw: _Raw,
    urls: list[tuple[int, int]],
    clues: _Clues = _ALL_CLUES,
) -> str | None:
    """Why this number is context and not a figure, or None for a figure.

    The checks run in a fixed order and the first that fires names the reason. A check is
    skipped only where it cannot fire: its trigger word is not in the sentence (`clues`), or
    the number has a unit, separators or more digits than the check allows.
    """
    s, e = raw.start, raw.end
    if urls and any(a <= s < b for a, b in urls):
        return "url"
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    # glued to letters: Covid-19, IPv6, G20, 5G, 3D (known glued units like 350km excepted)
    if before.isalpha() or (before == "-" and s >= 2 and text[s - 2].isalpha()):
        if not (before.isalpha() and raw.is_percent and before.islower()):
            return "name"  # (but "ở mức17%" is a typo for "mức 17%")
    if after.isalpha():
        m = _ASCII_RUN_RE.match(folded, e)
        if not (m and m.group(0) in _GLUED_UNITS and text[e : e + len(m.group(0))].isascii()):
            return "name"
    # times 22:26, 8h30
    if folded[e : e + 1] in (":", "h") and (
        _CLOCK_RE.match(folded, e) or _HOUR_RE.match(folded, e)
    ):
        return "time"
    if before == ":" and s >= 2 and text[s - 2].isdigit():
        return "time"
    # document numbers: 505/QĐ-TTg, 22/TT-BTTTT, 13/2023/NĐ-CP, 52-NQ/TW
    if (after == "/" or after == "-") and _DOC_CODE_RE.match(text, e, e + 20):
        return "document"
    unit, digits = raw.unit, raw.digits
    bare = not unit and not raw.is_percent  # no unit, no percent
    whole = digits.isdigit()  # no separator
    n_digits = len(digits)
    # the tokens just before the number as written: every check on them but the rank words
    # ("thứ 2", "hạng 3", "top 10") wants a bare number
    prev_exact: list[str] = []
    if bare or clues.rank:
        exact_head = text[max(0, s - 16) : s].lower()
        if _may_end_with_exact(exact_head):
            prev_exact = _EXACT_TOKEN_RE.findall(exact_head)
    if prev_exact and prev_exact[-1] == "thứ":
        return "ordinal"
    if bare and prev_exact and prev_exact[-1] in ("số", "no.", "#"):
        # "Quyết định số 505", "Chỉ thị số 11"; but "tổng số 4,6 triệu hộ" is a figure
        return "document"
    if clues.tet and after.isspace() and _TET_RE.match(text[e : e + 6]):
        return "date"  # "29 Tết", "mùng 7 Tết"
    if after == "/" and not unit and _SLASH_NUMBER_RE.match(text, e):
        prev_tok = _LAST_WORD_RE.search(text[max(0, s - 20) : s])
        if prev_tok and prev_tok.group(1)[0].isupper() and prev_tok.start() > 0:
            if text[max(0, s - 20) : s][: prev_tok.start()].rstrip()[-1:] not in ".!?:":
                return "name"  # "Mega 6/45", "Power 6/55"
    # "ASEAN 4", "Volume 21": a small number right after an acronym is part of a name (this
    # check and the two name checks below want a capital in the 20 or 30 characters before
    # the number; where str.islower() holds there is none)
    small = bare and whole and n_digits <= 2 and not text[max(0, s - 20) : s].islower()
    if small:
        last_word = _LAST_WORD_RE.search(text[max(0, s - 20) : s])
        acr = last_word
        if acr and len(acr.group(1)) >= 2 and acr.group(1).isupper() and acr.group(1).isalpha():
            return "name"
    # a model or edition after a name: "Snapdragon 400 (tầm trung)", "kỳ quay 83": a
    # Vietnamese count has its noun after it; a bare number after a capitalised word, with
    # only punctuation after it, is a label
    if bare and whole and n_digits <= 4 and not text[max(0, s - 30) : s].islower():
        cap = _LAST_WORD_RE.search(text[max(0, s - 30) : s])
        if cap and cap.group(1)[0].isupper() and not cap.group(1).isupper():
            head = text[max(0, s - 30) : s][: cap.start()].rstrip()
            mid_sentence = bool(head) and head[-1] not in ".!?:;"
            if (s - 30 < 0 and not head) or not mid_sentence:
                pass  # sentence-initial word: "Năm 2022", "Có 5"
            elif _PUNCT_OR_END_RE.match(text[e : e + 3]):
                return "name"
    # a label inside a name: "phường Mỹ Đình 2 Lưu Chí Dưỡng", "Quận 3 TP.HCM"
    if small:
        prev_tok = last_word  # (the same search as the acronym's)
        next_tok = _NEXT_TOKEN_RE.match(text[e : e + 20])
        if (
            prev_tok
            and next_tok
            and prev_tok.group(1)[0].isupper()
            and next_tok.group(1)[0].isupper()
        ):
            before_prev = text[max(0, s - 20) : s][: prev_tok.start()].rstrip()
            if before_prev and before_prev[-1] not in ".!?:":
                return "name"
    # dates written with dots in Vietnamese news: "sáng nay (6.2)", "ngày 6.2.2017" (a
    # Vietnamese decimal is written with a comma, so d.m with no unit is a date); each
    # pattern holds a dot
    dotted = "." in digits
    if dotted and _DOT_DATE_RE.fullmatch(digits):
        return "date"
    if dotted and raw.lang == "vi" and _DOT_MONTH_YEAR_RE.fullmatch(digits):
        return "date"  # "tháng 5.2017"
    if dotted and raw.lang == "vi" and bare and _DOT_DAY_MONTH_RE.fullmatch(digits):
        return "date"
    last_two = " ".join(prev_exact[-2:]) if bare and len(prev_exact) >= 2 else None
    if last_two in ("giai đoạn", "vòng thi") and whole and n_digits < 4:
        return "ordinal"  # "giai đoạn 1", not "giai đoạn 2021 - 2025" (years)
    if (
        bare
        and (prev_exact and prev_exact[-1] in _LABEL_WORDS or last_two in _LABEL_WORDS)
        and not _DASH_NUMBER_RE.match(text, e)
    ):
        return "ordinal"  # "đợt 2", "quận 1", "Binh đoàn 18", "Điều 5" (not "mức 2-3%")
    if dotted and raw.lang == "vi" and _X_POINT_0_RE.fullmatch(digits) and not unit:
        return "name"  # "cách mạng 4.0": a Vietnamese decimal would be written "4,0"
    if prev_exact and prev_exact[-1] in ("hạng", "top", "khóa", "khoá"):
        return "ordinal"
    # (the folded words before the number are read only where the last of them may end with
    # a word a check looks for: see _may_end_with)
    if (
        bare
        and _may_end_with(folded, s, _DOC_CLUES)
        and " ".join(_prev_words(folded, s, 4)).endswith(_DOC_WORDS)
    ):
        return "document"
    # dates: d/m/yyyy, d/m, m/yyyy
    m = _DMY_TAIL_RE.match(text, e) if after in "/.-" else None
    if m and whole and int(digits) <= 31 and 1 <= int(m.group(1)) <= 12:
        return "date"
    m = _SLASH_YEAR_RE.match(text, e) if after == "/" else None
    if m and whole and 1 <= int(digits) <= 12 and 1900 <= int(m.group(1)) <= 2100:
        return "date"
    if before == "/" and s >= 2 and text[s - 2].isdigit():
        # the second part of d/m or m/yyyy (the first part decided the date)
        m2 = _DATE_HEAD_RE.search(text[max(0, s - 8) : s])
        if m2 and _is_date_pair(text, folded, s - len(m2.group(0)), int(m2.group(1))):
            return "date"
    if before in "IVXivx" and s >= 2 and text[s - 1] == "/":
        return "date"
    if before in "/\n" and _QUARTER_SLASH_RE.search(folded[max(0, s - 10) : s]):
        return "date"
    m = _DASH_MONTH_RE.match(text, e) if after == "-" else None
    if m and whole and not unit and 1 <= int(m.group(1)) <= 12:
        unit_after = _DASH_NUMBER_WORD_RE.match(folded, e)
        noun_after = unit_after is not None and unit_after.group(1) in _NOUN_FIRST_WORDS
        words = _prev_words(folded, s, 4)
        if words and words[-1] in _DASH_DATE_WORDS and int(digits) <= 31 and not noun_after:
            return "date"  # "sáng 7-7", "từ 17-6"
    if before == "-" and s >= 2 and text[s - 2].isdigit():
        m3 = _DAY_DASH_END_RE.search(text[max(0, s - 4) : s])
        w3 = _prev_words(folded, s - len(m3.group(0)), 2) if m3 else []
        if m3 and w3 and w3[-1] in _DASH_DATE_WORDS and not unit and whole and int(digits) <= 12:
            return "date"
    m = _SLASH_MONTH_RE.match(text, e) if after == "/" else None
    if m and whole and _is_date_pair(text, folded, s, int(digits), int(m.group(1))):
        return "date"
    # years: 1900-2100 written without separators, no unit
    if whole and n_digits == 4 and 1900 <= int(digits) <= 2100 and bare:
        return "year"
    # the checks below read the folded words before the number only for a bare number, a whole
    # number without unit or a sentence with "tuoi"
    words = (
        _prev_words(folded, s, 4)
        if (bare or (whole and not unit) or clues.age) and _may_end_with(folded, s, _WORD_CLUES)
        else []
    )
    joined = " ".join(words)
    if words and words[-1] in ("nam", "year", "fy") and whole and not unit:
        if 1900 <= int(digits) <= 2100 or n_digits == 2:
            return "year"
    # ages
    if clues.age and _AGE_AFTER_RE.match(folded, _skip_spaces(folded, raw.unit_end or e)):
        return "age"
    if words and (words[-1] == "tuoi" or joined.endswith("do tuoi")):
        return "age"
    # durations and periods: "3 năm", "6 tháng đầu năm", "trong 9 năm"
    if bare:
        p = _skip_spaces(folded, e)
        for w in _TIME_UNITS_BY_HEAD.get(folded[p : p + 2], ()):
            if _starts_word(folded, p, w) > 0:
                return "duration"
    # a day, month, quarter after its word: "ngày 10", "tháng 11", "quý 2"
    if words and bare:
        last = words[-1]
        if last in _PERIOD_WORDS or last in _DATE_WORDS:
            if whole and int(digits) <= 31:
                return "date"
    return None


def _is_date_pair(text: str, folded: str, start: int, day: int, month: int | None = None) -> bool:
    """Is the "d/m" starting at `start` a date ("18/12", "ngày 10/10") rather than "14/15"?"""
    if month is None:
        m = _DAY_MONTH_RE.match(text[start:])
        if not m:
            return False
        month = int(m.group(1))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    words = _prev_words(folded, start, 2)
    if words and words[-1] in _PAIR_DATE_WORDS:
        return True
    m = _FRACTION_FOLLOWER_RE.match(folded[start:])
    follower = m.group(1) if m else ""
    if m and m.group(1) and text[start + m.start(1)].isupper():
        return True  # "hôm qua 6/2 Cục đã họp": a fraction counts a (lower-case) noun
    # "14/15 chỉ tiêu", "1/3 số doanh nghiệp": a noun follows a fraction; a date is followed by
    # punctuation or a function word.
    return follower == "" or follower in (
        "tai",
        "hang",
        "vua",
        "nam",
        "va",
        "den",
        "toi",
        "cua",
        "la",
        "nay",
        "qua",
        "toi",
        "tu",
        "theo",
        "tren",
        "o",
        "ve",
        "cho",
        "thi",
    )


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


def find_numbers(text: str, include_context: bool = False) -> list[NumberMatch]:
    """Every figure in running text, with its unit, scale, base value and hedge.

    Years, dates, times, document numbers, durations, ages, ordinals, names such as "5G" and
    numbers inside URLs are context: left out, or (with `include_context`) returned with
    `is_context=True` and the reason in `context`. "A/B" ("2.152/2.418 điểm") is one match with
    `total`; a range ("18-20%") is two matches that share the unit and point at each other.
    """
    if not _DIGIT_RE.search(text):
        return []  # no digits, no figures (most sentences of a report)
    folded = fold_keep_offsets(text)
    urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if _may_hold_url(text) else []
    if "-" in text:
        urls += [(m.start(), m.end()) for m in _ISO_DATE_RE.finditer(text)]
    raws: list[_Raw] = []
    clues = _clues(text, folded)
    # every match of _PREFIX_CURRENCY_RE holds "$", "usd" or "vnd"
    may_prefix = "$" in folded or "usd" in folded or "vnd" in folded
    languages = _WindowLanguages(text)
    for m in _NUM_RE.finditer(text):
        digits = m.group(0)
        s, e = m.start(), m.end()
        if (
            s
            and (text[s - 1].isdigit() or text[s - 1] in ".,")
            and s >= 2
            and text[s - 2].isdigit()
        ):
            continue  # tail of "1,2,3"-like lists already consumed
        if digits.isdigit():
            # digits alone read the same in either language: the language is read later, and
            # only if needed (a unit word's spelling, a figure returned), as most such numbers
            # are years and dates
            lang, marked = "", None
            read = _read_digits(digits, None)
        else:
            english, marked = languages.of(s, e)
            lang = "en" if english else "vi"
            read = _read_digits(digits, lang)
        raw = _Raw(s, e, digits, read[0], read[1], lang)
        if may_prefix:
            pm = _PREFIX_CURRENCY_RE.search(folded[max(0, s - 6) : s])
            if pm:
                raw.currency_prefix_start = s - (len(folded[max(0, s - 6) : s]) - pm.start())
        _read_unit(text, folded, raw, marked, languages)
        raw.context = _context_of(text, folded, raw, urls, clues)
        raws.append(raw)

    # lists after a label: "quân khu 1, 2, 3, 4, 5", "Binh đoàn 15, 16"
    for prev, cur in zip(raws, raws[1:], strict=False):
        if (
            prev.context in ("ordinal", "name", "document")
            and cur.context is None
            and not cur.unit
            and _LIST_GAP_RE.fullmatch(text[prev.end : cur.start])
        ):
            cur.context = prev.context
    # "A/B" fractions: "2.152/2.418 điểm", "75 tỷ đồng/310 tỷ đồng"
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

    # ranges: "18-20%", "4 - 5 triệu": the first end takes the unit of the second
    range_pairs: list[tuple[int, int]] = []
    for i in range(len(merged) - 1):
        a, b = merged[i], merged[i + 1]
        if a.unit or a.total_raw is not None:
            continue
        gap = folded[a.end : b.start]
        if _RANGE_GAP_RE.fullmatch(gap):
            if (
                gap.strip() in ("den", "toi")
                and not _TU_END_RE.search(folded[max(0, a.start - 5) : a.start])
                and b.context not in ("duration", "age", "year")
            ):
                continue
            if b.context in ("age", "year", "duration", "date", "time") or a.context == "age":
                a.context = a.context or b.context  # "10 đến 15 năm", "18 - 60 tuổi"
                b.context = b.context or a.context
                continue
            if a.context is None and b.context is None and (b.unit or b.is_percent):
                a.unit, a.scale, a.base_unit = b.unit, b.scale, b.base_unit
                a.is_percent = b.is_percent
                a.unit_end = a.end
                range_pairs.append((i, i + 1))
            elif a.context == "year" and b.context is None and not b.unit:
                b.context = "year"

    out: list[NumberMatch] = []
    index_of: dict[int, int] = {}
    for i, r in enumerate(merged):
        if r.context is not None and not include_context:
            continue
        if not r.lang:
            r.lang = "en" if languages.of(r.start, r.end)[0] else "vi"
        start = r.currency_prefix_start if r.currency_prefix_start is not None else r.start
        if r.total_raw is not None:
            end = max(r.total_raw.unit_end, r.total_raw.end)
        else:
            end = max(r.unit_end, r.end)
        qual, qstart, qend = _qualifier(text, folded, start)
        after = folded[end : end + 12]
        if _TRO_LEN_RE.match(after) and _TU_END_RE.search(folded[max(0, start - 5) : start]):
            # "từ 8% trở lên"
            qstart = folded.rfind("tu", 0, start)
            qual, qend = "at_least", qstart + 2
        scale = r.scale
        base_value = r.value * scale if (r.base_unit or scale != 1.0 or r.is_percent) else r.value
        index_of[i] = len(out)
        out.append(
            NumberMatch(
                start=start,
                end=end,
                text=text[start:end],
                value=r.value,
                total=r.total_raw.value if r.total_raw else None,
                unit=r.unit,
                base_value=base_value,
                base_unit=r.base_unit,
                decimals=r.decimals,
                scale=scale,
                qualifier=qual,
                is_percent=r.is_percent,
                is_context=r.context is not None,
                context=r.context,
                qualifier_start=qstart,
                qualifier_text=text[qstart:qend] if qstart is not None else None,
                lang=r.lang,
            )
        )
    for lo, hi in range_pairs:
        if lo in index_of and hi in index_of:
            out[index_of[lo]].range_with = index_of[hi]
            out[index_of[hi]].range_with = index_of[lo]
    return out


_PEOPLE_BASE = "người"


def unit_kind(base_unit: str | None) -> str:
    """The kind of quantity a base unit measures, for "units must be of one kind".

    Currencies differ from each other ("money:VND" vs "money:USD"); every people noun
    (người, lao động, nhân viên...) is "people"; "%" is "percent"; None is "number".
    """
    if base_unit is None or base_unit == "":
        return "number"
    if base_unit.split("/")[0] in _CURRENCY_CODES:
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
