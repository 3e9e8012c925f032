"""Numbers that identify rather than measure: why a number in running text is not a figure.

A number is a figure only when it measures something. Dates and times, years, number plates,
roads and kilometre markers, list and step numbering, law and decision numbers, model and
product names, match minutes and scores, phone numbers, addresses, centuries, footnote markers,
ages and durations are context: `context_of` names the reason, or says None for a figure.

Each rule is a small function with the sentences it must read in its docstring; the examples
(and the ones it must not read) are tests in tests/test_numbers.py. The rules run in the order
of `_RULES`; the first that fires names the reason. Counts of people and things ("1 người khác
bị thương", "2.141 cơ sở") are figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mickb.text.lazy_re import lazy
from mickb.text.units import TIME_WORDS_MARKED, read_counted_noun, read_unit

__all__ = [
    "Spot",
    "context_of",
    "context_of_amount",
    "quick_context",
    "SentenceClues",
    "graded",
]


class SentenceClues:
    """Words of the whole sentence some rules need: a rule that needs a word cannot fire in a
    sentence without it, so it is skipped there (each looked for once per sentence, when a
    rule first asks)."""

    __slots__ = ("text", "folded", "age", "tet", "plate", "phone", "_sport", "_sim")

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded
        self.age = "tuoi" in folded or " old" in folded or "aged" in folded
        self.tet = "Tết" in text
        self.plate = "bks" in folded or "bien so" in folded or "bien kiem soat" in folded
        # (looked for at once: nearly every number asks)
        self.phone = False
        for w in _PHONE_WORDS:
            if w in folded:
                self.phone = True
                break
        self._sport: bool | None = None
        self._sim: bool | None = None

    @property
    def sim(self) -> bool:
        """Does the sentence speak of SIM cards or the endings of phone numbers ("đuôi")?"""
        if self._sim is None:
            self._sim = ("đuôi" in self.text or "sim" in self.folded) and (
                _SIM_RE.search(self.text) is not None
            )
        return self._sim

    @property
    def sport(self) -> bool:
        if self._sport is None:
            self._sport = _SPORT_RE.search(self.folded) is not None
        return self._sport


_SPORT_RE = lazy(
    r"\b(?:ty so|ti so|ban thang|ghi ban|hiep \d|tran dau|doi bong|the do|san van dong|"
    r"danh bai|cam hoa|chien thang|hoa \d|vong \d|giai dau|league|cup|sea games|v-league|"
    r"luan luu|doi tuyen|cau thu|thu mon|tien dao|hau ve|ban thua|hlv|tay vot|set \d|\d set)\b"
)
_SIM_RE = lazy(r"(?<!\w)(?:đuôi|[Ss][Ii][Mm])(?!\w)")
_PHONE_WORDS = ("dien thoai", "hotline", "duong day nong", "tong dai", "sdt", "fax", "so may")


class Spot:
    """One number in its sentence, as the rules read it."""

    __slots__ = (
        "text",
        "folded",
        "clues",
        "s",
        "e",
        "digits",
        "before",
        "after",
        "bare",
        "whole",
        "has_unit",
        "unit_end",
        "glued_unit",
        "is_percent",
        "currency_prefix",
        "lang",
        "_prev",
        "_words",
        "span_end",
    )

    def __init__(
        self,
        text: str,
        folded: str,
        clues: SentenceClues,
        start: int,
        end: int,
        digits: str,
        unit: str,
        is_percent: bool,
        unit_end: int,
        glued_unit: bool,
        currency_prefix: bool = False,
        lang: str = "",
    ) -> None:
        self.text, self.folded, self.clues = text, folded, clues
        self.s, self.e, self.digits = start, end, digits
        self.before = text[start - 1] if start else " "
        self.after = text[end] if end < len(text) else " "
        self.has_unit = bool(unit) or is_percent
        self.bare = not self.has_unit
        self.whole = digits.isdigit()
        self.unit_end = max(unit_end, end)
        self.glued_unit = glued_unit
        self.is_percent = is_percent
        self.currency_prefix = currency_prefix
        self.lang = lang  # "vi" or "en" when the digits have a separator, else ""
        self._prev: list[str] | None = None
        self._words: list[str] | None = None
        self.span_end = 0  # where an identifier that runs past the number ends ("0912 345 678")

    @property
    def prev(self) -> list[str]:
        """The words written right before the number, lower-cased, nearest last, with nothing
        but spaces between them and the number ("tại quận 1" -> [..., "tại", "quận"]; "quận,
        5" -> [])."""
        if self._prev is None:
            self._prev = _adjacent_words(self.text, self.s)
        return self._prev

    def last(self, n: int = 1) -> str:
        """The last n words before the number, joined ("" when there are fewer)."""
        prev = self.prev
        return " ".join(prev[-n:]) if len(prev) >= n else ""

    @property
    def words(self) -> list[str]:
        """Up to four folded words before the number, stopping at sentence punctuation."""
        if self._words is None:
            self._words = _prev_words(self.folded, self.s)
        return self._words

    def may_end_with(self, tails: tuple[str, ...]) -> bool:
        """False when the last of `words` cannot end with one of `tails`: that word is the
        tail of the last run of word characters before the number (a cheap test that spares
        most numbers reading the words)."""
        end, low, f = self.s, max(0, self.s - 60), self.folded
        while end > low and f[end - 1] not in _TOKEN_CHARS:
            end -= 1
        return f.endswith(tails, low, end)

    @property
    def value(self) -> int:
        return int(self.digits) if self.whole else -1


_OPENERS = "([{“\"'‘«"
_CLOSERS = ",.;:!?)]}”\"'’»…"


def _adjacent_words(text: str, s: int) -> list[str]:
    head = text[max(0, s - 32) : s]
    if head and not head[-1].isspace():
        return []  # glued to something ("Km99", "(3", "+160")
    out: list[str] = []
    for tok in reversed(head.split()[-4:]):
        word = tok.lstrip(_OPENERS)
        if not word or word[-1] in _CLOSERS:
            break
        out.append(word.lower())
        if word is not tok:
            break  # an opening bracket starts the phrase: "(quận 1)"
    out.reverse()
    return out


_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789$%.")  # of _FOLDED_TOKEN_RE
_DIGIT_DOT_END_RE = lazy(r"\d\.$")
_FOLDED_TOKEN_RE = lazy(r"[a-z0-9$%.]+")


def _prev_words(folded: str, pos: int, n: int = 4) -> list[str]:
    """The n folded words before `pos`, nearest last (stops at sentence punctuation)."""
    head = folded[max(0, pos - 60) : pos]
    rf = head.rfind
    cut = max(rf("."), rf(";"), rf(":"), rf("!"), rf("?"), rf("\n"), rf("("), rf(")"))
    if cut >= 0 and not _DIGIT_DOT_END_RE.search(head, max(0, cut - 2), cut + 1):
        head = head[cut + 1 :]
    return _FOLDED_TOKEN_RE.findall(head)[-n:]


Rule = Callable[[Spot], "str | None"]


# --- where the number sits: glued to letters, inside codes --------------------------------------

_ASCII_RUN_RE = lazy(r"[a-z0-9]+")


_SHORT_NAME_DOT_RE = lazy(r"(?<![^\W\d_])[A-ZĐ][^\W\d_]{0,2}\.$")


def glued_to_letters(p: Spot) -> str | None:
    """Letters against the digits make a name: "Covid-19", "IPv6", "G20", "5G", "Galaxy S8",
    "18k", "1Malaysia", "Km99", "U.15". Not: "350km", "100Mbps", "$148bn" (units), "VND138,000" (a
    currency), "ở mức17%" (a typo)."""
    before = p.before
    if before in "x×" and _DIMENSIONS_BEFORE_RE.search(p.text, max(0, p.s - 12), p.s + 1):
        before = " "  # "1.920x1.080 pixel", "60x40 cm": the second of two dimensions
    if before in "-." and p.s >= 2 and p.text[p.s - 2].isupper() and before == ".":
        return "name"  # "U.15 Việt Nam"
    if before == "." and _SHORT_NAME_DOT_RE.search(p.text, max(0, p.s - 5), p.s):
        return "name"  # "nhóm St.319"
    if before.isalpha() or (before == "-" and p.s >= 2 and p.text[p.s - 2].isalpha()):
        if not (p.currency_prefix or before.isalpha() and p.is_percent and before.islower()):
            return "name"
    if p.after.isalpha() and not p.glued_unit:
        if p.after in "x×" and len(p.digits) >= 2 and _DIMENSIONS_AFTER_RE.match(p.text, p.e):
            return None  # the first of two dimensions ("4x4" is a name)
        return "name"
    return None


# two numbers of two digits or more glued to an "x": a screen's resolution, a size
_DIMENSIONS_AFTER_RE = lazy(r"[x×]\d(?:[.,]?\d)+")
_DIMENSIONS_BEFORE_RE = lazy(r"(?<![\w.,])\d(?:[.,]?\d)+[x×]\d$")


_CLOCK_RE = lazy(r"[:h]\d\d(?!\d)")


_HOUR_BEFORE_RE = lazy(r"\d\s+giờ\s+$")


def clock_time(p: Spot) -> str | None:
    """Times of day: "22:26", "8h30", the "26" of "22:26", the "30" of "11 giờ 30"."""
    if p.after in ":h" and _CLOCK_RE.match(p.folded, p.e):
        return "time"
    if p.before == ":" and p.s >= 2 and p.text[p.s - 2].isdigit():
        return "time"
    if p.before == " ":
        # (the hour word first: nearly every number has a space before it)
        head = max(0, p.s - 12)
        if p.text.find("giờ", head, p.s) >= 0 and _HOUR_BEFORE_RE.search(p.text, head, p.s):
            return "time"
    return None


_DOC_CODE_RE = lazy(r"(?:/\d+)*[/-][A-ZĐ]{2,}")


def document_code(p: Spot) -> str | None:
    """Numbers of laws, decrees, letters: "505/QĐ-TTg", "22/TT-BTTTT", "13/2023/NĐ-CP",
    "52-NQ/TW", "số 211/BTC-TCDN"."""
    if p.after in "/-" and _DOC_CODE_RE.match(p.text, p.e, p.e + 24):
        return "document"
    return None


def footnote(p: Spot) -> str | None:
    """Footnote markers: "ngân sách[8]", "[12]"."""
    if p.before == "[" and p.after == "]":
        return "footnote"
    return None


_MARKER_TAIL_RE = lazy(r"\d\+$")


def marker_tail(p: Spot) -> str | None:
    """The metres after a kilometre marker: the "160" of "Km99+160"; and a calling code:
    "đầu số +224"."""
    if p.before == "+" and p.s >= 2 and p.text[p.s - 2].isdigit():
        return "road"
    if p.before == "+" and p.bare and p.whole:
        return "code"
    return None


_PLATE_RE = lazy(r"\d{2}[ \t]?[A-ZĐ]{1,2}\d{0,2}[ \t]?[-–.][ \t]?\d{3,5}(?:[.,]\d{2})?")
_LOOSE_PLATE_RE = lazy(r"\d{2}[ \t]?[A-ZĐ]{1,2}\d{0,2}[ \t]?[-–.]?[ \t]?\d{3,5}(?:[.,]\d{2})?")


def number_plate(p: Spot) -> str | None:
    """Number plates: "BKS 30A-123.45", "biển số 60C-147.35", "xe 29A-123.45", "BKS: 37 H2 -
    4521" (the letters make the first part a name; the plate covers the rest)."""
    if not (p.after == " " or p.after.isupper()) or not p.whole or len(p.digits) != 2:
        return None
    m = (_LOOSE_PLATE_RE if p.clues.plate else _PLATE_RE).match(p.text, p.s)
    if m:
        p.span_end = m.end()
        return "plate"
    return None


_PHONE_AT_RE = lazy(r"(?:0|\+84[ .]?)\d{2,3}(?:[ .-]?\d{2,4}){2,3}(?!\d)")
_HOTLINE_AT_RE = lazy(r"1[89]00[ .]?\d{3,4}(?:[ .]?\d{2,4})?(?!\d)")
# an area code in parentheses: "(024) 3825 1234", "(08) 3925 1234"
_AREA_CODE_PHONE_RE = lazy(r"0\d{1,3}\)[ .]?\d{3,4}[ .]?\d{3,4}(?!\d)")


def phone_number(p: Spot) -> str | None:
    """Phone numbers: "0912.345.678", "0912 345 678", "(028) 3823 4567", "hotline 1900 1234",
    and numbers written with a leading zero: "dãy số 03-11-17-24-36-42"."""
    d = p.digits
    if d[0] == "0" and len(d) > 1 and d[1].isdigit():
        m = _PHONE_AT_RE.match(p.text, p.s)
        if m is None and p.before == "(":
            m = _AREA_CODE_PHONE_RE.match(p.text, p.s)
        if m and sum(c.isdigit() for c in m.group(0)) >= 9:
            p.span_end = m.end()
            return "phone"
        m = _CODE_CHAIN_RE.match(p.text, p.s)
        if m:
            p.span_end = m.end()
            return "code"
    if p.clues.phone and (d.startswith(("1900", "1800")) or d[0] == "0"):
        m = _HOTLINE_AT_RE.match(p.text, p.s) or _PHONE_AT_RE.match(p.text, p.s)
        if m:
            p.span_end = m.end()
            return "phone"
    return None


def long_code(p: Spot) -> str | None:
    """Seven digits or more with no separator and no unit identify: "giấy phép đầu tư số:
    2175884281", "mã số thuế 0101234567" (news write amounts with dots: "2.175.884")."""
    if p.bare and p.whole and len(p.digits) >= 7:
        return "code"
    return None


_ROUND_THE_CLOCK_RE = lazy(r"/(?:24|7)(?![\d/])")


def round_the_clock(p: Spot) -> str | None:
    """ "24/24", "24/7": all day, every day; no fraction."""
    if p.digits == "24" and p.after == "/" and _ROUND_THE_CLOCK_RE.match(p.text, p.e):
        p.span_end = p.e + 3 if p.text.startswith("/24", p.e) else p.e + 2
        return "time"
    return None


def phone_ending(p: Spot) -> str | None:
    """The endings of phone numbers, in a sentence about SIM cards or "đuôi": "sim số đẹp
    đuôi 6688, 666", "các bộ số đuôi 'tứ quý' như 6688, 6666". Not: "thu giữ 300 sim" (a
    count with its noun), "giá 2 triệu đồng" (an amount)."""
    if p.bare and p.whole and 3 <= len(p.digits) <= 6 and p.clues.sim:
        if read_counted_noun(p.text, p.e) is None:
            return "phone"
    return None


# "03-11-17-24-36-42", and with spaces "03 – 11 – 17 – 24" (four or more: "84 - 61 - 91"
# are three measurements)
_CODE_CHAIN_RE = lazy(
    r"\d{1,2}(?:[-–]\d{1,2}){2,}(?!\d|[.,]\d)"
    r"|\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2}(?!\d|[.,]\d)){3,}"
)


def code_chain(p: Spot) -> str | None:
    """Several small numbers chained by dashes are a code: "03-11-17-24-36-42"."""
    if p.after in "-– \t" and p.whole and len(p.digits) <= 2:
        m = _CODE_CHAIN_RE.match(p.text, p.s)
        if m:
            p.span_end = m.end()
            return "code"
    return None


# --- what the words right before it make it ---------------------------------------------------

_LIST_OPENERS = '.!?:;)]”"…\n'


def list_number(p: Spot) -> str | None:
    """List and step numbering: "2. Giảm 50% tiền thuê đất", "...vật liệu nổ.3. Sản xuất",
    "1) Hồ sơ". Not: "Số lao động là 45. Doanh thu ..." (a figure ends the sentence)."""
    if not (p.whole and p.value <= 99 and p.after in ".)-–"):
        return None
    rest = p.text[p.e + 1 : p.e + 4].lstrip(" \t")
    if rest and not rest[0].isupper():
        return None  # (nothing after it: the sentence splitter cut after "2.")
    if (
        p.after == ")"
        and p.before == "("
        and rest
        and not p.text[max(0, p.s - 2) : p.s - 1].isalnum()
    ):
        return "list"  # "…; (2) Phê duyệt và giám sát …" (not "5(2) Sút khung thành")
    head = p.text[max(0, p.s - 6) : p.s].rstrip(" \t*•-–")
    if p.after in "-–":
        # "6- Ban Kinh tế Trung ương chủ trì": only where a sentence starts
        return "list" if rest and not p.text[: p.s].strip(" \t*•") else None
    if head and head[-1] in _LIST_OPENERS:
        return "list"
    if not head and not p.text[: p.s].strip(" \t*•-–"):
        return "list"
    return None


def ordinal_after_thu(p: Spot) -> str | None:
    """Ordinals: "lần thứ 4", "xếp thứ 7", "đứng thứ 8/116"."""
    if p.last() == "thứ":
        return "ordinal"
    return None


def number_after_so(p: Spot) -> str | None:
    """Numbers after "số": "Quyết định số 505", "Chỉ thị số 11", "kỳ quay số 76", "Biểu số
    03". Not: "tổng số 4,6 triệu hộ" (it has a unit), "tỷ số 1-2" (a score), "trong số 13 tàu"
    (among)."""
    if p.bare and p.last() in ("số", "no") and p.last(2) not in _COUNTING_SO:
        return "document"
    return None


# "tỷ số 1-2" is a score; "trong số 13 tàu", "tổng số 2.418 thôn", "con số 70.000" count
_COUNTING_SO = frozenset(("tỷ số", "tỉ số", "trong số", "tổng số", "con số", "trên số"))


_TET_RE = lazy(r"\s+Tết\b")


def day_of_tet(p: Spot) -> str | None:
    """Days of the lunar new year: "29 Tết", "mùng 7 Tết"."""
    if p.clues.tet and p.after.isspace() and _TET_RE.match(p.text, p.e, p.e + 6):
        return "date"
    return None


_SLASH_NUMBER_RE = lazy(r"/\d+")


def lottery_name(p: Spot) -> str | None:
    """Games named with a fraction: "Mega 6/45", "Power 6/55"."""
    if p.after == "/" and p.bare and _SLASH_NUMBER_RE.match(p.text, p.e):
        name = p.last()
        if name and name[0].isalpha() and p.prev and _capitalised(p.text, p.s, name):
            if len(p.prev) >= 2 or _mid_sentence(p.text, p.s, name):
                return "name"
    return None


def _capitalised(text: str, s: int, word_lower: str) -> bool:
    """Is the last word before `s` written with a capital ("Mega", "iPhone", "MRT")?"""
    head = text[max(0, s - 40) : s].rstrip()
    word = head[len(head) - len(word_lower) :]
    return any(c.isupper() for c in word)


def _mid_sentence(text: str, s: int, word_lower: str) -> bool:
    """Is there a word before the word before `s` in the same sentence?"""
    head = text[max(0, s - 60) : s].rstrip()
    head = head[: len(head) - len(word_lower)].rstrip()
    return bool(head) and head[-1] not in ".!?:;•"


_NAME_NOUN_AFTER_RE = lazy(r"\s+([^\W\d_]+)")
# one Vietnamese syllable, without its marks (folded): a capitalised word that is none is a
# brand's or a foreign name ("Nokia", "OnePlus", "Galaxy")
VI_SYLLABLE_RE = lazy(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def _foreign_word(word: str) -> bool:
    return word.isascii() and word.isalpha() and not VI_SYLLABLE_RE.fullmatch(word.lower())


_RANGE_OF_AMOUNTS_RE = lazy(
    r"[ \t]?[-–][ \t]?\d[\d.,]*[ \t]?(?:%|km2?|m[23]?|cm|mm|kg|tấn|ha|lít|USD|đồng|triệu|tỷ|nghìn)"
    r"(?![^\W\d_])"
)


def after_a_name(p: Spot) -> str | None:
    """A small number written after a name is part of it: "ASEAN 4", "MRT 23", "SEA Games 29",
    "Galaxy Note 7", "iPhone 7", "Snapdragon 835", "súng Colt 45", "Bệnh viện Nhi Đồng 1",
    "cầu Sài Gòn 2", "kênh Europe 1". Not: "Năm 2022" or "Có 5" (the sentence's first word),
    "Hà Nội 12 ca" (a count noun follows), "APEC 2017" (a year)."""
    if not (p.bare and p.whole) or not p.prev:
        return None
    if len(p.digits) > 4:
        raw = p.text[max(0, p.s - 12) : p.s].split()
        acronym = bool(raw) and raw[-1].isupper() and raw[-1].isalpha() and len(raw[-1]) >= 2
        return "name" if acronym else None  # "tín hiệu FRB 150215"
    head = p.text[max(0, p.s - 24) : p.s].rstrip()
    if head[-len(p.prev[-1]) :].islower() or p.text.isupper():
        return None  # (no capital in the word before: no name)
    if len(p.digits) == 4 and 1900 <= p.value <= 2100:
        return None
    name = p.last()
    if not name[0].isalpha() or not _capitalised(p.text, p.s, name):
        return None
    if len(p.prev) < 2 and not _mid_sentence(p.text, p.s, name) and not _foreign_word(name):
        return None  # ("Có 5", "Năm 2022" open a sentence; "OnePlus 5", "Nokia 6" name a phone)
    if _RANGE_OF_AMOUNTS_RE.match(p.text, p.e):
        return None  # "cách bề mặt Trái Đất 10-50 km": the first end of a range
    after = _NAME_NOUN_AFTER_RE.match(p.text, p.e)
    if after and after.group(1)[0].islower() and _counts_after(after.group(1).lower()):
        return None
    return "name"


# count nouns that may follow a number written after a place name ("Hà Nội 12 ca")
_COUNT_AFTER_NAME = frozenset(
    "ca người vụ trường hợp bệnh nhân học sinh hộ doanh nghiệp xã huyện tỉnh điểm chiếc".split()
)


def _counts_after(word: str) -> bool:
    return word in _COUNT_AFTER_NAME


_DOT_DATE_RE = lazy(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d")
_DOT_MONTH_YEAR_RE = lazy(r"(?:[1-9]|1[0-2])\.(?:19|20)\d\d")
_DOT_DAY_MONTH_RE = lazy(r"(?:[1-9]|[12]\d|3[01])\.(?:[1-9]|1[0-2])")
_X_POINT_0_RE = lazy(r"\d\.0")


def dotted_date(p: Spot) -> str | None:
    """Dates written with dots in Vietnamese news: "sáng nay (6.2)", "ngày 6.2.2017", "tháng
    5.2017" (a Vietnamese decimal is written with a comma, so d.m with no unit is a date);
    "cách mạng 4.0", a name; "12.26.05", a code (its dots group no thousands)."""
    d = p.digits
    if "." not in d:
        return None
    if _DOT_DATE_RE.fullmatch(d):
        return "date"
    if p.lang == "en":
        return None
    if _DOT_MONTH_YEAR_RE.fullmatch(d):
        return "date"
    if p.bare and _DOT_DAY_MONTH_RE.fullmatch(d):
        return "date"
    if p.bare and _X_POINT_0_RE.fullmatch(d):
        return "name"
    if d.count(".") >= 2 and any(len(g) != 3 for g in d.split(",")[0].split(".")[1:]):
        return "code"  # "tàu BP 12.26.05", "mục 2.3.1": dots that group no thousands
    return None


# Words after which a bare number is a label, with the reason; one word or two.
_LABELS: dict[str, str] = {}
for _reason, _words in (
    (
        "ordinal",
        "đợt phase stage lớp khối bài tiết kỳ khóa khoá hạng top hiệp vòng lượt giải mùa "
        "số_thứ_tự bậc quân_khu quân_đoàn sư_đoàn trung_đoàn binh_đoàn khóa_học kỳ_họp "
        "khóa_họp phiên_họp kỳ_quay cấp_độ mức_độ cấp loại nhóm mức trung_ương lần thế_hệ "
        "á_hậu á_quân",
    ),
    (
        "address",
        "khu tầng phòng quận phường tổ lô ấp phố thôn xóm khóm ngõ ngách hẻm kiệt "
        "số_nhà nhà_số căn_hộ ngã đội khu_vực cơ_sở chi_nhánh tiểu_khu khoảnh",
    ),
    ("road", "quốc_lộ tỉnh_lộ huyện_lộ đường_tỉnh ql đt tl vành_đai km cao_tốc tuyến"),
    ("score", "phút"),
    ("century", "thế_kỷ thế_kỉ"),
    (
        "list",
        "bước phần câu mục chương tập đoạn phương_án tiêu_chí điều khoản điểm phụ_lục "
        "vấn_đề chủ_đề "
        "volume vol version model",
    ),
    (
        "code",
        "quy_hoạch tỷ_lệ_bản_đồ mã_đề quy_chuẩn tiêu_chuẩn mã_vùng đầu_số",
    ),
    # (units of an army and its regions: "Lữ đoàn 28", "sư đoàn phòng không 361" is not)
    (
        "name",
        "phiên_bản kênh đa_khoa phím nút số_áo áo_số lữ_đoàn trung_đoàn sư_đoàn tiểu_đoàn "
        "quân_đoàn quân_khu hạm_đội",
    ),
):
    for _w in _words.split():
        _LABELS[_w.replace("_", " ")] = _reason
_DASH_NUMBER_RE = lazy(r"\s*[-–]\s*\d")
_RANGE_END_RE = lazy(r"\s*(?:[-–]|đến|tới)\s*(\d+(?:[.,]\d+)*)")
_SMALL_LABELS = frozenset(("mức", "cấp", "loại", "nhóm", "giải", "lượt", "đội", "điểm", "khu"))


def label_word(p: Spot) -> str | None:
    """A bare number right after a label word names one of a series: "đợt 2", "quận 1", "ấp
    4", "tổ dân phố 2", "quốc lộ 60", "vành đai 3", "Km 1488", "phút 57", "thế kỷ 18", "Bước
    3", "lớp 10", "vòng 37", "hiệp 1", "loại 1", "dịch vụ công mức 3, 4". Not: "mức 2-3%"
    (it has a unit), "ở mức 22.685" (not a small whole number after "mức"), "mức 2-3 triệu
    đồng" (a range of amounts). A range of labels is labels: "câu 31 đến 40", "cấp 2-3"."""
    if not p.bare or not p.prev:
        return None
    two, one = p.last(2), p.last()
    reason = _LABELS.get(two) if two else None
    word = two
    if reason is None:
        reason, word = _LABELS.get(one), one
    if reason is None:
        if one == "đoạn" and p.last(2) == "giai đoạn" and p.whole and len(p.digits) < 4:
            return "ordinal"  # "giai đoạn 1", not "giai đoạn 2021 - 2025" (years)
        return None
    if not p.whole:
        return None
    if word == "vòng" and p.last(2) in ("ba vòng", "3 vòng"):
        return None  # "số đo ba vòng 84 - 61 - 91": body measurements, not round 84
    if (word in _SMALL_LABELS or word == "điều") and len(p.digits) > 2:
        return None
    if word == "lượt" and p.last(2) == "lần lượt":
        return None  # "lần lượt 84, 61 và 91" (respectively)
    if word == "cấp" and p.last(2) in ("nâng cấp", "cung cấp", "phân cấp", "được cấp"):
        return None  # "nâng cấp 13 sân bay", "cung cấp 5 tấn": a verb and its count
    if reason in ("ordinal", "list", "address") and word != "phút":
        end = _RANGE_END_RE.match(p.text, p.e)
        if end and (
            read_unit(p.text, end.end(), True).end > end.end()
            or reason != "address"
            and read_counted_noun(p.text, end.end()) is not None
        ):
            return None  # "mức 2-3 triệu đồng", "điểm 1-2 môn": a range of amounts or counts
    return reason


_VEHICLE_RE = lazy(
    r"(?:^|\s)(?:xe|taxi|ô tô|ôtô|tàu|xe tải|xe ben|xe khách|xe buýt|xe con|xe đầu kéo)\s+$"
)
_VEHICLE_CLASS_RE = lazy(r"\s*(?:chỗ|tấn|bánh|ghế|tầng)(?!\w)")
_HOTEL_CLASS_RE = lazy(r"(?:khách sạn|resort|nhà hàng)\s+$")
_STARS_RE = lazy(r"\s*sao(?!\w)")


def vehicle_class(p: Spot) -> str | None:
    """The class of a vehicle or a hotel: "taxi 4 chỗ", "xe ben 15 tấn", "xe 16 chỗ", "khách
    sạn 5 sao". Not: "xe chở 15 tấn hàng" (what it carries)."""
    if not p.whole or len(p.digits) > 2:
        return None
    if _VEHICLE_CLASS_RE.match(p.text, p.e) and _VEHICLE_RE.search(
        p.text[max(0, p.s - 16) : p.s].lower()
    ):
        return "model"
    if p.value <= 7 and _STARS_RE.match(p.text, p.e):
        if _HOTEL_CLASS_RE.search(p.text[max(0, p.s - 16) : p.s].lower()):
            return "model"  # "khách sạn 5 sao": a class, not a count of stars
    return None


_DIGIT_COUNT_RE = lazy(r"[ \t]+(?:chữ số|ký tự|kí tự|số)(?!\w)")
_CODE_NOUNS = frozenset(("mã", "khẩu", "passcode", "pin", "otp"))


def code_length(p: Spot) -> str | None:
    """How a code is made, not a count: "mã 4 chữ số", "mật khẩu gồm 8 ký tự", "mã PIN 6
    số". Not: "bảng có 12 chữ số" (no code named before it)."""
    if p.whole and len(p.digits) <= 2 and _DIGIT_COUNT_RE.match(p.text, p.e):
        if any(w in _CODE_NOUNS for w in p.prev[-3:]):
            return "model"
    return None


def minute_mark(p: Spot) -> str | None:
    """Match minutes written with a prime: "40': KHÔNG VÀO!", "phút 90+2" (label)."""
    if p.after in "'’′" and p.whole and p.value <= 130:
        nxt = p.text[p.e + 1 : p.e + 2]
        if not nxt.isalpha():
            return "score"
    return None


_SCORE_AT_RE = lazy(r"\d{1,2}[ \t]?[-–][ \t]?\d{1,2}(?!\d|[.,]\d)")
_SCORE_VERB_RE = lazy(
    r"(?:ty so|ti so|thang|thua|hoa|dan truoc|go hoa|nang t[yi] so len|cach biet|danh bai|"
    r"de bep|vui dap|(?:that bai|tham bai)(?:\s+[a-z]+){0,2})\s*$"
)
_NOT_SCORE_TAIL_RE = lazy(
    r"\s*(?:%|phan tram|tuoi|nam|thang|ngay|gio|phut|lan|nguoi|ty|trieu|nghin|do|oc|°"
    # a currency or a measurement unit: "7-9 USD", "10-50 km" are ranges
    r"|usd|eur|vnd|dong|yen|km2?|m[23]|cm|mm|kg|tan|ha|lit|inch|gb|mw|kw)(?![a-z])"
)


def match_score(p: Spot) -> str | None:
    """Scores: "thua 1-2 trên sân", "tổng tỷ số 4-2", "dẫn trước 2-0", "(2-0, H1)". Not:
    "1-2%", "2-3 lần", "18-20 tuổi" (a range with a unit), "sáng 7-7" (a date)."""
    if not (p.whole and len(p.digits) <= 2 and p.after in "-– "):
        return None
    m = _SCORE_AT_RE.match(p.text, p.s)
    if not m or _NOT_SCORE_TAIL_RE.match(p.folded, m.end()):
        return None
    head = p.folded[max(0, p.s - 24) : p.s]
    between_names = (
        p.s >= 2 and p.text[p.s - 2].isalpha() and p.text[m.end() + 1 : m.end() + 2].isupper()
    )
    if (
        p.clues.sport
        or between_names
        or _SCORE_VERB_RE.search(head)
        or p.text.startswith(", H", m.end())
    ):
        p.span_end = m.end()
        return "score"
    return None


def rank_word(p: Spot) -> str | None:
    """Ranks: "hạng 2", "top 10", "khóa 12" (even with a unit after: "top 5 địa phương")."""
    if p.last() in ("hạng", "top", "khóa", "khoá"):
        return "ordinal"
    return None


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


def document_word(p: Spot) -> str | None:
    """Numbers of documents and their parts: "Luật 2013", "Nghị định 100", "Điều 5",
    "khoản 7"."""
    if p.bare and p.may_end_with(_DOC_WORDS) and " ".join(p.words).endswith(_DOC_WORDS):
        return "document"
    return None


# --- dates ---------------------------------------------------------------------------------------

_DMY_TAIL_RE = lazy(r"[/.-](\d{1,2})[/.-](\d{2,4})\b")
_SLASH_YEAR_RE = lazy(r"/(\d{4})\b")
_DATE_HEAD_RE = lazy(r"(\d{1,2})/(?:\d{1,2}/)?$")
_QUARTER_SLASH_RE = lazy(r"\b(?:quy|quý)\s+[IVX]+/$")
_DASH_MONTH_RE = lazy(r"-(\d{1,2})\b(?![.,]?\d|\s*%)")
_DASH_NUMBER_WORD_RE = lazy(r"-\d{1,2}\s*(\w+)")
_DAY_DASH_END_RE = lazy(r"(\d{1,2})-$")
_SLASH_MONTH_RE = lazy(r"/(\d{1,2})\b(?!\s*[.,]?\d)")
_DAY_MONTH_RE = lazy(r"\d{1,2}/(\d{1,2})")
_FRACTION_FOLLOWER_RE = lazy(r"\d{1,2}/\d{1,2}\s*([^\W\d_]*)")

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
_PAIR_DATE_WORDS = _DATE_WORDS + ("tu", "den", "toi", "vao", "truoc", "sau", "hoi", "thoi diem")
_FUNCTION_FOLLOWERS = frozenset(
    "tai hang vua nam va den toi cua la nay qua tu theo tren o ve cho thi".split()
)
# first words of the count nouns: "7-8 hộ" is a count, not the date "7-8" (set by numbers.py)
NOUN_FIRST_WORDS: set[str] = set()


_MONTH_SLASH_RE = lazy(r"(?<![\d/.,])(?:0?[1-9]|1[0-2])/$")
_SEASON_RE = lazy(r"(?<!\d)(?:19|20)\d\d/$")


def slash_or_dash_date(p: Spot) -> str | None:
    """Dates: "15/3/2023", "18/12", "ngày 10/10", "3/2024", "quý IV/2016", "sáng 7-7", "từ
    17-6", the "11" of "18/11". Not: "14/15 chỉ tiêu", "1/3 số doanh nghiệp" (fractions),
    "7-8 hộ"."""
    text, d, after, before, s, e = p.text, p.digits, p.after, p.before, p.s, p.e
    if not p.whole:
        return None
    if after in "/.-":
        m = _DMY_TAIL_RE.match(text, e)
        if m and int(d) <= 31 and 1 <= int(m.group(1)) <= 12:
            return "date"
    if after == "/":
        m = _SLASH_YEAR_RE.match(text, e)
        if m and 1 <= int(d) <= 12 and 1900 <= int(m.group(1)) <= 2100:
            return "date"
        m = _SLASH_MONTH_RE.match(text, e)
        if m and _is_date_pair(text, p.folded, s, int(d), int(m.group(1))):
            return "date"
    if (
        before == "/"
        and len(d) == 4
        and 1900 <= int(d) <= 2100
        and _MONTH_SLASH_RE.search(text, max(0, s - 4), s)
    ):
        return "date"  # the year of "tháng 9/2017 dự án …" (not a count of projects)
    if before == "/" and s >= 2 and text[s - 2].isdigit():
        # the second part of d/m or m/yyyy (the first part decided the date)
        m2 = _DATE_HEAD_RE.search(text[max(0, s - 8) : s])
        if m2 and _is_date_pair(text, p.folded, s - len(m2.group(0)), int(m2.group(1))):
            return "date"
    if before == "/" and len(d) == 2 and _SEASON_RE.search(text, max(0, s - 5), s):
        return "year"  # "mùa giải 2017/18"
    if before in "IVXivx" and s >= 2 and text[s - 1] == "/":
        return "date"
    if before in "/\n" and _QUARTER_SLASH_RE.search(p.folded[max(0, s - 10) : s]):
        return "date"
    if after == "-" and before == "(" and _paren_day_month(text, p.folded, s):
        return "date"  # "Hôm qua (6-2)"
    day = _PAREN_DAY_RE.search(text, max(0, s - 4), s) if before == "-" else None
    if day and _paren_day_month(text, p.folded, day.start() + 1):
        return "date"  # the month of "Hôm qua (6-2)"
    if after == "-" and p.bare:
        m = _DASH_MONTH_RE.match(text, e)
        if m and 1 <= int(m.group(1)) <= 12 and int(d) <= 31:
            unit_after = _DASH_NUMBER_WORD_RE.match(p.folded, e)
            noun_after = unit_after is not None and unit_after.group(1) in NOUN_FIRST_WORDS
            words = p.words
            if words and words[-1] in _DASH_DATE_WORDS and not noun_after:
                if read_unit(text, m.end(), True).end > m.end():
                    return None  # "từ 5-10 triệu đồng": a range of amounts
                return "date"  # "sáng 7-7", "từ 17-6"
    if before == "-" and s >= 2 and text[s - 2].isdigit() and p.bare and int(d) <= 12:
        m3 = _DAY_DASH_END_RE.search(text[max(0, s - 4) : s])
        w3 = _prev_words(p.folded, s - len(m3.group(0)), 2) if m3 else []
        if m3 and w3 and w3[-1] in _DASH_DATE_WORDS:
            return "date"
    return None


_PAREN_DAY_RE = lazy(r"\(\d{1,2}-$")
_PAREN_DAY_MONTH_RE = lazy(r"(?:[1-9]|[12]\d|3[01])-(?:[1-9]|1[0-2])\)")
# what names a day just before its date in parentheses: "hôm qua (6-2)", "sáng nay (7-7)"
_DAY_BEFORE_PAREN_RE = lazy(
    r"(?:\bhom (?:qua|nay|kia)|\b(?:sang|chieu|toi|trua|dem) (?:nay|qua)|\bngay mai)\s*\($"
)


def _paren_day_month(text: str, folded: str, start: int) -> bool:
    """Does "D-M)" stand at `start`, in a parenthesis after the words for a day?"""
    return (
        start > 0
        and _PAREN_DAY_MONTH_RE.match(text, start) is not None
        and _DAY_BEFORE_PAREN_RE.search(folded, max(0, start - 16), start) is not None
    )


def _is_date_pair(text: str, folded: str, start: int, day: int, month: int | None = None) -> bool:
    """Is the "d/m" starting at `start` a date ("18/12", "ngày 10/10") rather than "14/15"?"""
    if month is None:
        m = _DAY_MONTH_RE.match(text, start)
        if not m:
            return False
        month = int(m.group(1))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    if day > month and words_before_date(folded, start):
        return True  # "khoảng 20/7 người hâm mộ …": no count is 20 of 7
    words = _prev_words(folded, start, 2)
    if words and (words[-1] in _PAIR_DATE_WORDS or " ".join(words) in _PAIR_DATE_WORDS):
        return True
    m = _FRACTION_FOLLOWER_RE.match(folded, start)
    follower = m.group(1) if m else ""
    if m and follower and text[m.start(1)].isupper():
        return True  # "hôm qua 6/2 Cục đã họp": a fraction counts a (lower-case) noun
    # "14/15 chỉ tiêu", "1/3 số doanh nghiệp": a noun follows a fraction; a date is followed by
    # punctuation or a function word.
    return follower == "" or follower in _FUNCTION_FOLLOWERS


def words_before_date(folded: str, start: int) -> bool:
    """A d/m whose first number is larger than its second is no fraction of things; read it
    as a date after words that may stand before one (not after a verb of counting: "đạt
    20/7" reads as the scores of a test, whatever they are)."""
    words = _prev_words(folded, start, 1)
    return not words or words[-1] in _BEFORE_BIG_PAIR


_BEFORE_BIG_PAIR = frozenset(
    "khoang vao ngay toi sang chieu trua dem hom le dip tu den truoc sau cuoi dau giua".split()
)


# --- years, ages, durations ----------------------------------------------------------------

_YEAR_WORDS = frozenset(("nam", "year", "fy", "sn", "sinh"))
_YEAR_TAILS = tuple(_YEAR_WORDS)


def year(p: Spot) -> str | None:
    """Years: "năm 2022", "2016 Tập đoàn Viettel", "(SN 1985)", "Luật 2013" (document, before),
    "năm 16" (two digits after "năm"). Not: "hơn 2000 người" (a count with its noun)."""
    if not p.whole:
        return None
    n = len(p.digits)
    if n == 4 and 1900 <= p.value <= 2100 and not _TIMES_AFTER_RE.match(p.text, p.e):
        if p.bare:
            return "year"  # (not "1920 x 1080 pixel", a size)
        words = p.words if p.may_end_with(_YEAR_TAILS) else []
        if words and words[-1] in _YEAR_WORDS:
            return "year"
    if (
        n == 4
        and p.bare
        and 1000 <= p.value < 1900
        and _LIFESPAN_RE.search(p.text, max(0, p.s - 8), min(len(p.text), p.e + 8))
    ):
        return "year"  # "Hồ Xuân Hương (1772 – 1822)": a life's years
    if n <= 4 and p.bare and p.may_end_with(("nam", "year", "fy")):
        # "năm 1230", "năm 16", "sinh viên năm 3"
        words = p.words
        if words and words[-1] in ("nam", "year", "fy") and "," not in p.folded[p.s - 3 : p.s]:
            return "year"  # (not "4 năm, 2 đứa trẻ": a duration, then a count)
    return None


_TIMES_AFTER_RE = lazy(r"[ \t]*[x×][ \t]*\d")
_LIFESPAN_RE = lazy(r"\(\d{4}\s*[-–]\s*\d{4}\)")
_AGE_AFTER_RE = lazy(r"\s*(?:tuoi|years? old|thang tuoi)\b")


def age(p: Spot) -> str | None:
    """Ages: "32 tuổi", "(16 tuổi", "ở độ tuổi 18", "cháu bé 6 tháng tuổi", "aged 40", "lao
    động tuổi từ 18 đến 35"."""
    if not p.clues.age:
        return None
    if p.bare and _AGE_AFTER_RE.match(p.folded, p.e):
        return "age"
    words = p.words
    if words and (words[-1] in ("tuoi", "aged") or " ".join(words).endswith("do tuoi")):
        return "age"
    if words[-2:] in (["tuoi", "tu"], ["tuoi", "khoang"]):
        return "age"  # "nhân viên tuổi từ 24 đến 60" (the range shares it)
    return None


_TIME_UNIT_RE = lazy(
    r"[ \t\u00a0]*(?:thap ky|thap nien|the ky|nam|thang|tuan|ngay|gio|phut|giay|quy|tieng|"
    r"years?|months?|weeks?|days?|hours?|minutes?|decades?)(?![a-z0-9])"
)
# (and the longer spans and "tiếng" (hours) that only a duration reads)
_TIME_WORDS_MARKED = TIME_WORDS_MARKED | frozenset(
    "thập kỷ|thập kỉ|thập niên|thế kỷ|thế kỉ|tiếng".split("|")
)


def _marked_time_word(p: Spot, unit: re.Match[str]) -> bool:
    """Whether the word read as one of time (on the folded text) is one as written: "3.000
    giấy phép" are permits, "3 giỏ cam" baskets, not seconds or hours."""
    word = " ".join(p.text[unit.start() : unit.end()].split()).lower()
    return word.isascii() or word in _TIME_WORDS_MARKED


_NOT_DURATION_RE = lazy(r"[ \t\u00a0]*(?:tieng (?:no|sung|keu|chuong|dong(?! ho))|nam sinh)\b")
# ("64.000 năm 2021": a count in thousands, then the year it holds for; not 64.000 years, as
# "trong 3 năm 2021-2023" is three years)
_YEAR_AFTER_RE = lazy(r"[ \t\u00a0]*nam (?:19|20)\d\d(?!\d)")


_SESSIONS_RE = lazy(r"[ \t\u00a0]*phien(?![a-z0-9])")


def duration(p: Spot) -> str | None:
    """Durations and periods: "3 năm", "trong 9 năm qua", "6 tháng đầu năm", "hơn 2 tiếng",
    "20 năm tù", "10 years". Not: "4 năm sinh" (a count of birth years), "3 tiếng nổ"."""
    if not p.bare:
        return None
    unit = _TIME_UNIT_RE.match(p.folded, p.e)
    if unit and not _NOT_DURATION_RE.match(p.folded, p.e) and _marked_time_word(p, unit):
        if "." in p.digits and _YEAR_AFTER_RE.match(p.folded, p.e):
            return None
        return "duration"
    # (the word after first: reading the words before costs more, and few numbers ask)
    if _SESSIONS_RE.match(p.folded, p.e) and p.words and p.words[-1] in ("sau", "trong", "suot"):
        return "duration"  # "sau 5 phiên giao dịch": a span of trading sessions
    return None


_PERIOD_WORDS = ("thang", "quy", "tuan", "khoa", "nhiem ky", "phien", "ky hop")
_DAY_MONTH_TAILS = tuple({w.split()[-1] for w in _PERIOD_WORDS + _DATE_WORDS})


def day_or_month(p: Spot) -> str | None:
    """A day, month, quarter after its word: "ngày 10", "tháng 11", "quý 2", "hôm 5". Not:
    "đột phá qua 3 hậu vệ" (a noun follows a word that names a day only sometimes)."""
    if not (p.bare and p.whole and p.value <= 31 and p.may_end_with(_DAY_MONTH_TAILS)):
        return None
    words = p.words
    if words:
        last = words[-1]
        if last == "thang" and p.prev and p.prev[-1] not in ("tháng", "thang"):
            return None  # "thắng 3 set" (won), not "tháng 3"
        if last in _PERIOD_WORDS or last in _DATE_WORDS or " ".join(words[-2:]) in _PERIOD_WORDS:
            if last in _WEAK_DAY_WORDS and read_counted_noun(p.text, p.e) is not None:
                return None  # "đột phá qua 3 hậu vệ": a count of what the noun names
            if last in _WEAK_DAY_WORDS and _RANGE_OF_AMOUNTS_RE.match(p.text, p.e):
                return None  # "nay lên tới 11-13 USD": a range of amounts
            return "date"
    return None


# words that name a day only sometimes ("hôm qua", "sáng nay"; "vượt qua 3 hậu vệ")
_WEAK_DAY_WORDS = frozenset(("qua", "nay", "sang", "toi", "dem", "trua", "chieu"))


# --- places: house numbers and map positions ---------------------------------------------------

_STREET_AFTER_RE = lazy(r"[ \t]+([A-ZĐÂĂÊÔƠƯ][^\W\d_]*)[ \t]+[A-ZĐÂĂÊÔƠƯ][^\W\d_]*")
# ("địa chỉ", "trụ sở"; "đến 51 Hàng Bồ và 39 Trương Định", "dự án 148 Giảng Võ")
_AT_WORDS = frozenset(("tại", "ở", "số", "nhà", "chỉ", "sở", "đến", "tới", "và", "án"))
# capitalised nouns that a count may count: "tại 3 Bộ", "ở 2 Bệnh viện Bạch Mai"
_COUNTED_NAMES = frozenset(
    "bộ sở bệnh trường tỉnh huyện xã phường quận thành công tập ngân đại cục vụ ban viện "
    "trung hội khu nước quốc đội".split()
)


# "Address: 198 Tran Quang Khai", "Sở giao dịch … - 198 Trần Quang Khải": a label or a dash
_ADDRESS_BEFORE_RE = lazy(r"(?:address|địa chỉ|đ/c)\s*:\s*$|\s[-–]\s*$", re.IGNORECASE)


def _labelled_address(p: Spot) -> bool:
    return (
        p.s > 0
        and p.text[p.s - 2 : p.s].strip()[-1:] in (":", "-", "–")
        and bool(_ADDRESS_BEFORE_RE.search(p.text, max(0, p.s - 12), p.s))
    )


def house_number(p: Spot) -> str | None:
    """A house number before its street: "trụ sở tại 215 Lê Duẩn", "ở 47 Trần Hưng Đạo",
    "tòa nhà Sunrise,162 Hoàng Hoa Thám". Not: "tại 3 Bộ Tài chính, Công Thương" (a count of
    named bodies)."""
    if not (p.bare and p.whole) or len(p.digits) > 4:
        return None
    glued_comma = p.before == "," and p.s >= 2 and p.text[p.s - 2].isalpha()
    if not glued_comma and p.last() not in _AT_WORDS and not _labelled_address(p):
        return None
    m = _STREET_AFTER_RE.match(p.text, p.e)
    if m and m.group(1).lower() not in _COUNTED_NAMES:
        return "address"
    return None


_MAP_DEGREES_RE = lazy(r"[ \t]*(?:-[ \t]*\d+(?:,\d+)?[ \t]*)?độ[ \t]+(?:vĩ|kinh)(?!\w)", re.I)


def map_position(p: Spot) -> str | None:
    """Latitudes and longitudes: "khoảng 17-18 độ Vĩ Bắc", "112 độ Kinh Đông"."""
    if _MAP_DEGREES_RE.match(p.text, p.e):
        return "code"
    return None


# --- numbers that point at things already named -------------------------------------------------

_TWO_SIDES_RE = lazy(r"[ \t]+bên(?!\w)")
# words after which "2 đội" counts teams ("có 2 đội bị loại")
_COUNTING_WORDS = frozenset("có gồm thêm còn loại với và hơn khoảng gần trên".split())
# the last matches or rounds, a window of time: "6 trận gần nhất", "3 vòng đấu vừa qua"
_RECENT_RE = lazy(
    r"[ \t]+(?:trận|trận đấu|vòng|vòng đấu|phiên|mùa giải|mùa)[ \t]+(?:gần nhất|gần đây|vừa qua)"
)
_BETWEEN_NUMBERS_RE = lazy(r"\s*(?:[-–]|và|đến|tới)\s*\d")
_SPORT_SIDES_RE = lazy(r"\s+(?:đội|CLB|câu lạc bộ|đội bóng|tuyển)(?!\w)(?!\s+hình)", re.I)


def recent_window(p: Spot) -> str | None:
    """The last matches or rounds, a window of time: "6 trận gần nhất", "3 vòng đấu vừa qua"."""
    if p.bare and p.before != "/" and _RECENT_RE.match(p.text, p.e):
        return "duration"
    return None


def reference(p: Spot) -> str | None:
    """A number that points at things already named rather than counting them: "giữa 2 công
    ty" (between the two), "cả 2 trận" (both), "của 2 đội" in a match report, "2 bên" (the two
    sides).
    "cả 3 người bị thương" still counts the injured: only "cả 2" is "both"."""
    if p.digits == "2" and _TWO_SIDES_RE.match(p.text, p.e):
        return "reference"  # "nếu 2 bên đồng ý", "2 bên đường": the two sides
    if not (p.whole and p.prev):
        return None
    last = p.last()
    if last == "giữa" and p.value >= 2 and not _BETWEEN_NUMBERS_RE.match(p.text, p.e):
        return "reference"  # (not "giữa 150-250 kg", "giữa 2 và 3 giờ": a range)
    if last == "cả" and p.value == 2:
        return "reference"
    # (the words after first: whether the sentence is about sport is a long search)
    if p.value == 2 and _SPORT_SIDES_RE.match(p.text, p.e) and p.clues.sport:
        if last not in _COUNTING_WORDS:
            return "reference"  # "của 2 đội", "chiến thuật 2 đội": the two sides of the match
    return None


# Nouns of a list the text goes on to give ("13 điều cần biết", "5 lý do để", "3 cách chọn"):
# the number says how many items follow, it measures nothing. ("điều trị", "điều dưỡng" are
# other words; "luật gồm 9 chương, 75 điều" counts articles of a law.)
_LISTICLE_RE = lazy(
    r"[ \t]+(?:điều|lý do|lí do|cách|bí quyết|mẹo|sai lầm|dấu hiệu|thói quen|lưu ý|bài học|"
    r"tuyệt chiêu|con giáp)(?!\w)"
    r"(?![ \t]+(?:trị|dưỡng|tra|chỉnh|hành|khiển|phối|động|kiện|lệ|khoản|"
    r"luật|tiết|hòa|hoà|độ|chế|binh|nghiên|ước|tốt|kiện|đình|ly|xa|biệt|nhau)(?!\w))"
    r"[ \t]*[^\W\d_:]",
    re.I,
)
_LAW_WORDS_RE = lazy(r"(?:chương|khoản|luật|nghị định|thông tư|bộ luật)(?!\w)", re.I)


def listicle(p: Spot) -> str | None:
    """The count of a list that follows: "13 điều chắc chắn bạn cần biết", "5 lý do khiến",
    "3 cách đơn giản". Not: "Bệnh viện 103 điều trị", "luật có 9 chương, 75 điều"."""
    if not p.whole or p.after not in " \t":
        return None
    if _LISTICLE_RE.match(p.text, p.e) and not _LAW_WORDS_RE.search(p.text, 0, p.s):
        return "list"
    return None


_GRADE_WORDS = frozenset(("mới", "chắc chắn", "chắc"))


def condition_grade(p: Spot) -> str | None:
    """A percentage that grades a thing's state, not a part of anything: "hàng mới 100%"
    (brand new), "xe cũ còn mới 95%", "chắc chắn 100%"."""
    if p.is_percent and p.prev and (p.last() in _GRADE_WORDS or p.last(2) in _GRADE_WORDS):
        return "grade"
    return None


_GRADE_BEFORE_RE = lazy(r"(?<!\w)(?:mới|chắc chắn|chắc)[ \t]+$", re.I)


def graded(text: str, s: int) -> bool:
    """condition_grade for a percentage at `s`, asked of the text alone (a percentage with no
    letter against it is not read by the other rules)."""
    return _GRADE_BEFORE_RE.search(text, max(0, s - 14), s) is not None


_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ][^\W\d_]+"
# a person's name: an initial and a surname, or two capitalised words ("L. Sané", "Hà Đức Chinh")
_PLAYER_AFTER_RE = lazy(r"[ \t]+(?:[A-ZĐ]\.[ \t]*" + _CAP + r"|" + _CAP + r"[ \t]+" + _CAP + r")")
_LINE_UP_PAIR_RE = lazy(
    r"(?<![\d,.])\d{1,2}[ \t]+(?:[A-ZĐ]\.[ \t]*" + _CAP + r"|" + _CAP + r"[ \t]+" + _CAP + r")"
)
_NAME_BEFORE_PAREN_RE = lazy(_CAP + r"[ \t]*\($")


def player_number(p: Spot) -> str | None:
    """In a match report, the shirt numbers of a line-up ("Đội hình: 1 Đặng Văn Lâm 4 Bùi
    Tiến Dũng 6 L. Sané ...") and a number in brackets after a player ("Dani Ceballos (21)"):
    names, not counts. Not: "giành 5 FA Cup, 4 League Cup" (a count of titles)."""
    if not (p.bare and p.whole and len(p.digits) <= 2):
        return None
    # (the words around first: whether the sentence is about sport is a long search)
    in_brackets = p.before == "(" and p.after == ")"
    before_a_name = _PLAYER_AFTER_RE.match(p.text, p.e) is not None
    if not (in_brackets or before_a_name) or not p.clues.sport:
        return None
    if in_brackets and _NAME_BEFORE_PAREN_RE.search(p.text, 0, p.s):
        return "name"
    if before_a_name and len(_LINE_UP_PAIR_RE.findall(p.text)) >= 4:
        return "name"
    return None


def _what_it_points_at(p: Spot) -> str | None:
    """House numbers and map positions, windows of recent matches, references to things
    already named, players' numbers, counts of lists that follow (in the order of _RULES)."""
    if p.bare and (p.before == "," or p.prev and p.last() in _AT_WORDS or _labelled_address(p)):
        reason = house_number(p)
        if reason:
            return reason
    nxt = p.text[p.e : p.e + 14]
    if p.after in " \t-" and "độ" in nxt:
        reason = map_position(p)
        if reason:
            return reason
    if p.after in " \t" and nxt[1:2] in _WINDOW_INITIALS:
        reason = recent_window(p)
        if reason:
            return reason
    if p.prev and p.last() in ("giữa", "cả", "của") or p.digits == "2":
        reason = reference(p)
        if reason:
            return reason
    if len(p.digits) <= 2 and (p.after == ")" or nxt[1:2].isupper()):
        reason = player_number(p)
        if reason:
            return reason
    return listicle(p)


_WINDOW_INITIALS = frozenset("tvpm")  # (of the words _RECENT_RE looks for)


# The rules in the order they are asked, in three groups. Each group asks a rule only where it
# can fire (its guard: a character next to the number, a word before it): the same answers as
# asking every rule in turn, at a fraction of the cost for the years and dates that make up most
# of the numbers of news text.


def _ends_a_title(p: Spot) -> bool:
    """Does the number close a short quoted title that opens with a capital?"""
    head = p.text[max(0, p.s - 40) : p.s]
    opened = max(head.rfind('"'), head.rfind("“"))
    inside = head[opened + 1 :] if opened >= 0 else ""
    return bool(inside[:1].isupper()) and len(inside.split()) <= 6


_BENCHMARK_RE = lazy(r"(?<!\d)0\s*[-–]\s*100\s*(?:km/h|km/giờ|kph)")
_BIN_SIGNS = frozenset(("<=", ">=", "≤", "≥", "<", ">", "=<", "=>"))


def _where_it_sits(p: Spot) -> str | None:
    """Rules on the characters around the number: letters, ":", "/", brackets, "+", a leading
    zero, dashes, plates, list numbers, scores."""
    before, after = p.before, p.after
    if len(p.digits) == 2 and (after == " " or after.isupper()):
        reason = number_plate(p)  # (before glued_to_letters: "30A-123.45" is a plate)
        if reason:
            return reason
    if before.isalpha() or after.isalpha() or before in "-.":
        reason = glued_to_letters(p)
        if reason:
            return reason
    if after in ":h" or before in ": ":
        reason = clock_time(p)
        if reason:
            return reason
    if after in "/-":
        reason = document_code(p)
        if reason:
            return reason
    if before == "[":
        reason = footnote(p)
        if reason:
            return reason
    if after in '"”' and p.bare and p.whole and _ends_a_title(p):
        return "name"  # the film "Em chưa 18", the show "Gặp nhau cuối tuần 2"
    if p.value in (0, 100) and _BENCHMARK_RE.search(
        p.text, max(0, p.s - 6), min(len(p.text), p.e + 14)
    ):
        return "other"  # "tăng tốc từ 0 - 100 km/h trong 6,2 giây": a test's name, not speeds
    if before in "=<>≤≥" and p.bare and p.text[max(0, p.s - 2) : p.s].strip() in _BIN_SIGNS:
        return "list"  # "Điểm <=1 <=2 … <=30": the bins of a distribution, not counts
    if before == "+":
        reason = marker_tail(p)
        if reason:
            return reason
    if p.digits[0] == "0" or p.clues.phone:
        reason = phone_number(p)
        if reason:
            return reason
    if p.bare and len(p.digits) >= 3:
        reason = phone_ending(p) or (long_code(p) if len(p.digits) >= 7 else None)
        if reason:
            return reason
    if after == "/" and p.digits == "24":
        reason = round_the_clock(p)
        if reason:
            return reason
    if after in "-–" or after in " \t" and p.text[p.e + 1 : p.e + 2] in ("-", "–"):
        reason = code_chain(p)
        if reason:
            return reason
    if after in ".)-–":
        reason = list_number(p)
        if reason:
            return reason
    if after in "-– " and len(p.digits) <= 2:
        return match_score(p)
    return None


def _after_words(p: Spot) -> str | None:
    """Rules on the words written before the number."""
    prev = p.prev
    # (p.last() and p.last(2), read off the words at hand: "" is no two-word label)
    word_rules = bool(prev) and (
        prev[-1] in _ONE_WORDS or len(prev) >= 2 and f"{prev[-2]} {prev[-1]}" in _TWO_WORDS
    )
    if word_rules:
        for rule in (ordinal_after_thu, number_after_so):
            reason = rule(p)
            if reason:
                return reason
    if p.clues.tet:
        reason = day_of_tet(p)
        if reason:
            return reason
    if p.after == "/" and prev:
        reason = lottery_name(p)
        if reason:
            return reason
    if "." in p.digits:
        reason = dotted_date(p)
        if reason:
            return reason
    if word_rules:
        reason = label_word(p)
        if reason:
            return reason
    if prev and p.whole and len(p.digits) <= 2:  # (what vehicle_class asks first)
        reason = vehicle_class(p)
        if reason:
            return reason
    if prev and p.after == " " and p.whole and len(p.digits) <= 2:
        reason = code_length(p)
        if reason:
            return reason
    if p.after in "'’′":
        reason = minute_mark(p)
        if reason:
            return reason
    if word_rules:
        reason = rank_word(p)
        if reason:
            return reason
    if p.bare:
        reason = document_word(p)
        if reason:
            return reason
    if prev and p.bare and p.whole:  # (what after_a_name asks first)
        return after_a_name(p)
    return None


# the last word (or two) before a number that one of the word rules looks for
_ONE_WORDS = frozenset(
    [w for w in _LABELS if " " not in w]
    + ["thứ", "số", "no", "hạng", "top", "khóa", "khoá", "đoạn"]
)
_TWO_WORDS = frozenset([w for w in _LABELS if " " in w] + ["giai đoạn", "tỷ số", "tỉ số"])


def _calendar(p: Spot) -> str | None:
    """Dates, years, ages, durations (each rule in turn, the first that fires; a rule that
    needs a clue the sentence lacks, or a whole number, is not asked)."""
    return (
        (slash_or_dash_date(p) if p.whole else None)
        or (year(p) if p.whole else None)
        or (age(p) if p.clues.age else None)
        or (duration(p) if p.bare else None)
        or day_or_month(p)
    )


_RULES: tuple[Rule, ...] = (
    number_plate,
    glued_to_letters,
    clock_time,
    document_code,
    footnote,
    marker_tail,
    phone_number,
    phone_ending,
    long_code,
    round_the_clock,
    code_chain,
    list_number,
    match_score,
    ordinal_after_thu,
    number_after_so,
    day_of_tet,
    lottery_name,
    dotted_date,
    label_word,
    vehicle_class,
    code_length,
    minute_mark,
    rank_word,
    document_word,
    after_a_name,
    slash_or_dash_date,
    year,
    age,
    duration,
    day_or_month,
    house_number,
    map_position,
    recent_window,
    reference,
    player_number,
    listicle,
)


def context_of(p: Spot) -> str | None:
    """Why this number is context and not a figure (the first rule of _RULES that fires), or
    None for a figure."""
    return _where_it_sits(p) or _after_words(p) or _calendar(p) or _what_it_points_at(p)


def context_of_amount(p: Spot) -> str | None:
    """context_of for a number with a percent sign or a currency after it: of all the rules
    only the letters against it can make it a name ("COVID19%" is none; "mức17%" a figure),
    and a percentage can grade a state ("mới 100%")."""
    return glued_to_letters(p) or (condition_grade(p) if p.is_percent else None)


def context_of_plain(p: Spot) -> str | None:
    """context_of by asking every rule in turn: the definition the guarded groups follow (a
    test compares the two)."""
    for rule in _RULES:
        reason = rule(p)
        if reason is not None:
            return reason
    return None


# --- the commonest identifiers of news, read before the unit is -----------------------------------

_DATE_WORDS_BEFORE_RE = lazy(
    r"(?:ngay|sang|chieu|toi|trua|dem|hom|mung|tu|den|truoc|sau|vao|hoi)\s+\(?$"
)
_DATE_AT_RE = lazy(r"(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?(?![\d/])")


_CODE_LABEL_RE = lazy(r"(?:\bMS|\bMSHS|\b[Mm]ã (?:số|hồ sơ|đơn|vụ việc))\s*[:.]?\s*$")


_HOTLINE_RE = lazy(r"1[89]00(?:[ .]?\d{2,4}){1,2}(?![\d,])")
_BRAND_RE = lazy(r"\d{1,2}-[A-Z][a-z]")
_GOLD_PURITY = frozenset(("999,9", "9999", "99,99", "999.9"))


def service_number_or_brand(text: str, s: int, digits: str) -> tuple[str, int] | None:
    """A hotline ("gọi 1800.6955", "1900 6482": no year 1900), a brand that opens with a
    number ("7-Eleven"), a gold's purity ("vàng … 999,9"): (reason, where it ends)."""
    first = digits[:1]
    if first == "1" and (s == 0 or not text[s - 1].isdigit()):
        m = _HOTLINE_RE.match(text, s)
        if m:
            return "phone", m.end()
    if text.startswith("-", s + len(digits)) and _BRAND_RE.match(text, s):
        return "name", s + len(digits)
    if digits in _GOLD_PURITY and "vàng" in text[max(0, s - 40) : s].lower():
        return "model", s + len(digits)
    return None


_DAY_PAIR_RE = lazy(r"\s*(?:và|,)\s*\d{1,2}[/-]\d{1,2}(?![\d%/.,-])")
_MINUTES_BEFORE_RE = lazy(r"\bphút\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|và)\s*$", re.IGNORECASE)


def day_or_minute_in_a_list(text: str, s: int, digits: str) -> str | None:
    """The first day of a pair of dates ("(20 và 21/5)", "ngày 30 và 31-5") and the later
    minutes of a list ("phút 72 và 78")."""
    if len(digits) > 3 or not digits.isdigit():
        return None
    e = s + len(digits)
    if len(digits) <= 2 and 1 <= int(digits) <= 31 and _DAY_PAIR_RE.match(text, e):
        return "date"
    if _MINUTES_BEFORE_RE.search(text, max(0, s - 30), s):
        return "score"
    return None


def code_label_before(text: str, s: int) -> bool:
    """A donation's or a file's code after its label: "MS 2017.139", "mã hồ sơ 12.345" (dots
    that group no thousands)."""
    return "M" in text[max(0, s - 16) : s].upper() and bool(
        _CODE_LABEL_RE.search(text, max(0, s - 16), s)
    )


def quick_context(text: str, folded: str, s: int, e: int, digits: str) -> tuple[str, int] | None:
    """A year after "năm" ("năm 2016") or a date after a day word ("ngày 11/1/2017", "sáng
    18/12"): (reason, where it ends), settled without reading a unit or asking the rules
    (which answer the same for these)."""
    after = text[e : e + 1]
    if len(digits) == 4 and digits[:2] in ("19", "20") and folded.endswith("nam ", 0, s):
        if not (after.isalnum() or after == "%") and not _DATE_AT_RE.match(text, s):
            return "year", e
    if after == "/" and len(digits) <= 2 and _DATE_WORDS_BEFORE_RE.search(folded, max(0, s - 8), s):
        m = _DATE_AT_RE.match(text, s)
        if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            return "date", m.end()
    return None
