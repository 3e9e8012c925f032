"""Which company a sentence's figures are about, when their metric does not say.

Reports name a company once, as the subject of a sentence ("VNPT đạt lợi nhuận 2.390 tỷ
đồng, ..., doanh thu toàn tập đoàn đạt 68.000 tỷ đồng"), and go on about it in the next
sentences without naming it again ("Theo đó, doanh thu toàn tập đoàn ... đạt 117.714 tỷ
đồng"). `company_names` reads the names of a text (VNPT, MobiFone, Viettel, VNPT Media);
`subject_company` the one a clause opens with before a verb of figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mickb.text.fold import fold

__all__ = [
    "company_names",
    "may_open_with_company",
    "names_a_company",
    "names_another_company",
    "subject_company",
]

_WORD_RE = re.compile(r"[^\W_][\w&-]*")
# A folded Vietnamese syllable: a capitalised word that is one is a Vietnamese word, not a name
# ("Doanh", "Hùng", "Nội"); "Viettel", "Lexus" are not syllables.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# Acronyms that are vocabulary, not names.
_COMMON_ACRONYMS = frozenset(
    "gdp ict cntt tt tttt usd vnd eur bts fdi pci cpi grdp it ai iot 2g 3g 4g 5g covid sim "
    "tp ubnd hdnd qd nd cp ttg tt&tt mic bcvt nsnn lnst lntt dn us ceo kcn kcx bhxh bhyt "
    "ctcp tnhh sn atm gps tv hcm ii iii iv vi vii viii ix xi xii vat sms pc".split()
)
# Names of products, not companies: "dịch vụ MyTV", "gói cước MAX", "ứng dụng Zalo".
_PRODUCT_BEFORE_RE = re.compile(
    r"(?:dịch vụ|gói(?: cước)?|sản phẩm|ứng dụng|thương hiệu|dòng(?: xe)?|mẫu|phiên bản|"
    r"chương trình|nền tảng|hệ thống|ví|thẻ|mạng xã hội|công nghệ|chuẩn|giải)\s+$",
    re.IGNORECASE,
)
# Verbs a company's figures follow: "VNPT đạt lợi nhuận", "Viettel cũng đạt mức tăng trưởng",
# "MobiFone nộp ngân sách".
# Between them may stand an aside in dashes ("VNPT VinaPhone - đơn vị chủ lực của VNPT - năm
# 2016 đã đạt") and the period ("VNPT Media năm 2016 đạt").
_VERB = (
    r"\s+(?:(?:cũng|đã|vẫn|đều|vừa|hiện|tiếp tục|còn)\s+)*"
    r"(?:đạt|có|tăng|giảm|nộp|sở hữu|ghi nhận|thu về|thu|lãi|lỗ|bán|báo lãi|chiếm|sụt giảm|"
    r"thực hiện|hoàn thành)\b"
)
_ASIDE = r"\s+[-–]\s[^-–]{1,120}?\s[-–]"
_YEAR = r"\s+(?:trong\s+)?năm\s+(?:19|20)\d\d"
_SUBJECT_VERB_RE = re.compile(f"(?:{_ASIDE})?(?:{_YEAR})?,?{_VERB}", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(
    r"(?:^|[,;:.]\s*|\b(?:theo đó|như vậy|riêng|còn|với|cho biết|cho hay|nói|điển hình là|"
    r"hay như|chẳng hạn như|chẳng hạn|trong đó)\s+)$",
    re.I,
)


@lru_cache(maxsize=8192)
def _is_name_word(word: str) -> bool:
    if not word[:1].isupper() or word[:1].isdigit():
        return False
    f = fold(word).lower()
    if f in _COMMON_ACRONYMS:
        return False
    if sum(1 for ch in word if ch.isupper()) >= 2:
        return True  # VNPT, MobiFone, VinaPhone
    return not _SYLLABLE_RE.fullmatch(f)


# Runs of capitalised words (a name starts with a Latin capital: VNPT, Viettel, MobiFone);
# each run is read word by word only from its first name word on.
_RUN_RE = re.compile(r"(?<![\w&-])[A-Z][A-Za-z0-9&-]*(?![\w])(?:[ \t]+[A-ZĐ][\w&-]*)*")


@lru_cache(maxsize=4096)
def company_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """The company names of a text, as (start, end, name): a name word and the capitalised
    words right after it ("VNPT Media", "Viettel Post"); names of products left out."""
    out: list[tuple[int, int, str]] = []
    for run in _RUN_RE.finditer(text):
        for w in _WORD_RE.finditer(run.group(0)):
            if _is_name_word(w.group(0)):
                start, end = run.start() + w.start(), run.end()
                if not _PRODUCT_BEFORE_RE.search(text, max(0, start - 25), start):
                    out.append((start, end, text[start:end]))
                break
    return tuple(out)


# What a clause that opens with a company holds: a capitalised word right before a verb of
# figures (one search, for the sentences of paragraphs that are about no company yet).
# (what may follow the word, each without the others: one cheap search, a second one only
# when the first finds an aside or a year in a sentence without figures)
_NAME_END = "[A-Za-z0-9&-]*(?![\\w])"
_GUARD_RE = re.compile(f"[A-Z]{_NAME_END}(?:(?P<verb>{_VERB})|\\s+[-–]\\s|{_YEAR})")
_VERB_GUARD_RE = re.compile(f"[A-Z]{_NAME_END}{_VERB}")


def may_open_with_company(text: str, has_figures: bool = True) -> bool:
    """False when `subject_company(text)` is surely None. (A subject before an aside or its
    year is looked for only in a sentence with figures, where it matters most.)"""
    m = _GUARD_RE.search(text)
    if m is None or has_figures or m.group("verb"):
        return m is not None
    return _VERB_GUARD_RE.search(text, m.end()) is not None


# A company named in words ("Tổng công ty cổ phần Công nghệ ...", "Tập đoàn Viễn thông Quân
# đội"), which company_names does not read.
_IN_WORDS_RE = re.compile(
    r"\b(?:Tổng [Cc]ông ty|Công ty|Tập đoàn|Tổng ty)(?:\s+(?:[Cc]ổ phần|CP|TNHH))?\s+[A-ZĐ]"
)


def names_a_company(text: str) -> bool:
    return bool(company_names(text)) or _IN_WORDS_RE.search(text) is not None


def names_another_company(text: str, company: str | None) -> bool:
    """Does the text name a company other than `company`, by name or in words (a company in
    words followed by that name, "Tập đoàn ... (VNPT)", is that one)?"""
    if any(name != company for _, _, name in company_names(text)):
        return True
    for m in _IN_WORDS_RE.finditer(text) if "T" in text or "C" in text else ():
        if company is None or company not in text[m.start() : m.start() + 80]:
            return True
    return False


def subject_company(text: str) -> tuple[int, str] | None:
    """The company a clause of the text opens with, before a verb of figures ("..., VNPT đạt
    lợi nhuận ...", "Viettel cũng đạt mức tăng trưởng cao"), and where it stands; the last one
    when several do."""
    found = None
    for start, end, name in company_names(text):
        if _SUBJECT_VERB_RE.match(text, end) and _CLAUSE_START_RE.search(
            text, max(0, start - 20), start
        ):
            found = (start, name)
    return found
