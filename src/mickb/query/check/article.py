"""What an article says once and its sentences take for granted: the year its headline (or
lead) is about, and the sector it is about.

A fact-checker reads "Doanh thu toàn ngành năm qua ước đạt 3,89 triệu tỷ đồng" under the
headline "Ngành thông tin và truyền thông thu về gần 3,9 triệu tỷ đồng năm 2022" as the
revenue of the information and communications sector in 2022; `with_context` writes that
reading out, so that `check` judges the sentence as the reader does. Only what the sentence
leaves unsaid is filled in: a sentence naming its own year or sector keeps it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mickb.query.check.words import expand_abbreviations

__all__ = ["ArticleContext", "article_context", "with_context"]


class ArticleContext(NamedTuple):
    year: int | None  # the one year the headline (else the lead) names
    sector: str | None  # the sector the headline names, as written ("viễn thông")


_YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,%/]\d|\d)")
# Sectors a headline may name, the longest first (written forms, lower case).
_SECTORS = (
    "thông tin và truyền thông",
    "công nghiệp công nghệ số",
    "công nghệ thông tin",
    "công nghiệp ict",
    "kinh tế số",
    "viễn thông",
    "bưu chính",
    "báo chí",
    "xuất bản",
)
_SECTOR_RE = re.compile("|".join(re.escape(s) for s in _SECTORS))
# "năm qua", "năm nay", "trong năm" (not "trong năm 2022"): the year the article is about
_THIS_YEAR_RE = re.compile(r"\b(?:năm qua|năm nay|trong năm)\b(?!\s*(?:19|20)\d\d)", re.I)
_EN_THIS_YEAR_RE = re.compile(r"\b(?:last year|this year|the past year)\b", re.I)
# a sentence that speaks of "the sector" without naming it
_WHOLE_SECTOR_RE = re.compile(r"\btoàn ngành\b(?!\s+(?:thông tin|viễn thông|bưu chính))", re.I)
_SECTOR_SUBJECT_RE = re.compile(r"^(Ngành)(?=\s+(?:cũng|đã|còn|tiếp tục|đạt|có|vẫn)\b)")
_BASE_YEAR_RE = re.compile(
    r"\b(?:so\s+(?:với\s+)?(?:cùng kỳ\s+)?(?:năm\s+)?|(?:compared\s+(?:with|to)|than|from)"
    r"\s+(?:in\s+)?)(?:19|20)\d\d\b",
    re.I,
)
# the ministry is who reports, not the sector a sentence is about
_MINISTRY_RE = re.compile(r"\bBộ\s+Thông tin và Truyền thông\b", re.I)
_RELATIVE_RE = re.compile(
    r"\b(?:năm ngoái|năm trước|cùng kỳ|last year|a year earlier|previous year)\b", re.I
)


def article_context(sentences: list[str]) -> ArticleContext:
    """The year and sector of an article from its first sentence (the headline), the year
    from the second (the lead) when the headline names none; None when either names more
    than one year (a comparison: no single year scopes the article)."""
    if not sentences:
        return ArticleContext(None, None)
    year = _one_year(sentences[0])
    if year is None and len(sentences) > 1 and not _YEAR_RE.search(sentences[0]):
        year = _one_year(sentences[1])
    found = _SECTOR_RE.search(expand_abbreviations(sentences[0]).lower())
    return ArticleContext(year, found.group(0) if found else None)


def _one_year(text: str) -> int | None:
    years = {int(y) for y in _YEAR_RE.findall(text)}
    return years.pop() if len(years) == 1 else None


def with_context(sentence: str, context: ArticleContext, *, has_period: bool) -> str:
    """The sentence as the article's reader takes it: its year and sector written out when it
    leaves them to the headline. `has_period`: the sentence's figures name a period of their
    own."""
    text = sentence
    own = _BASE_YEAR_RE.sub(" ", text)  # "so với năm 2021" is a base, not the sentence's year
    if context.year is not None and not _YEAR_RE.search(own):
        text = _THIS_YEAR_RE.sub(f"năm {context.year}", text)
        text = _EN_THIS_YEAR_RE.sub(f"in {context.year}", text)
        if not has_period and not _RELATIVE_RE.search(text) and not _YEAR_RE.search(own):
            from mickb.text.glossary import is_english

            text = (
                f"In {context.year}, {text}" if is_english(text) else f"Năm {context.year}, {text}"
            )
    named = _MINISTRY_RE.sub(" ", expand_abbreviations(text)).lower()
    if context.sector and not _SECTOR_RE.search(named):
        text = _WHOLE_SECTOR_RE.sub(f"toàn ngành {context.sector}", text)
        text = _SECTOR_SUBJECT_RE.sub(f"Ngành {context.sector}", text)
    return text
