"""Step 3 of the pipeline: passages -> sentences.

A sentence ends at . ! ? or … (closing quotes and brackets go with it) when white space and
then an upper-case letter, a digit or an opening quote or bracket follow. Not a boundary:
dots inside numbers and URLs (no space follows them), a dot after a known abbreviation
("TP.", "TS.", "ThS.", "PGS.", "v.v.") or after a single capital (initials, "Q. 1").

Quotations are split like any other text: a quoted speech of three sentences is three
sentences here. `extract/quotes.py` works on passage text with these offsets and joins the
sentences a quotation spans, so a quote never depends on the sentence boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mickb.records import Passage, Sentence

# Lower-cased abbreviations that end with a dot but do not end a sentence.
ABBREVIATIONS = frozenset(
    """tp tt ths ts pgs gs bs ks ncs ths.bs q p tx st no nr mr mrs ms dr prof tr vs etc v.v vv
    ltd co inc corp jsc đ/c đc""".split()
)
_OPENERS = "\"“‘'«([{"
_CLOSERS = "\"”’'»)]}"
# Any run of . ! ? … (an ellipsis "..." is a run of dots); a character class first lets the
# engine skip to the candidates instead of trying every position.
_END_RE = re.compile(r"[.!?…]+[\"”’'»)\]}]*(?=\s)")
_NEXT_RE = re.compile(r"\s+(\S)")
_URLISH_RE = re.compile(r"(?:https?://|www\.)\S*$|\S+\.(?:vn|com|net|org|gov|edu)\S*$", re.I)


def _last_word(text: str) -> str:
    """The word `text` ends with, as `(\\S+)$` finds it ("" when white space ends it), without
    trying a pattern at every position: str.split and \\S agree on what white space is
    (Py_UNICODE_ISSPACE), and $ also matches before a final newline."""
    if text[-1:] == "\n":
        text = text[:-1]
    return text.rsplit(None, 1)[-1] if text and not text[-1].isspace() else ""


def _next_start(text: str, match: re.Match[str]) -> int:
    """Where the next sentence starts when `match` ends one; -1 when it does not."""
    following = _NEXT_RE.match(text, match.end())
    if not following:
        return -1
    nxt = following.group(1)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return -1
    mark = match.group(0)
    if mark.startswith(".") and not mark.startswith("..."):
        # A bounded window: looking back over the whole passage is quadratic on big files.
        before = text[max(0, match.start() - 40) : match.start()]
        token = _last_word(before)
        bare = token.lstrip(_OPENERS).lower()
        if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
            return -1
        # An initial ("Nguyễn V. A.") or a one-letter abbreviation ("Q. 1").
        if len(bare) == 1 and bare.isalpha() and token[-1:].isupper():
            return -1
        if mark == "." and not nxt.isupper() and _URLISH_RE.search(token):
            return -1
        if "(" in before and _in_short_aside(text, before, match.end()):
            return -1  # "anh Lê Văn Hồng (37 tuổi. Công nhân xây dựng) chia sẻ": one sentence
    return following.start(1)


def _in_short_aside(text: str, before: str, end: int) -> bool:
    """Is the full stop inside a short parenthesis, opened in the 40 characters before it and
    closed in the 40 after it?"""
    opened = before.rfind("(")
    if before.rfind(")") > opened:
        return False
    after = text[end : end + 40]
    closed = after.find(")")
    return closed >= 0 and "(" not in after[:closed]


def split_text(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one passage's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END_RE.finditer(text):
        if match.end() <= start:
            continue
        following = _next_start(text, match)
        if following < 0:
            continue
        spans.append((start, match.end()))
        start = following
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    # No span is blank: each one ends with its match (and holds the match's first mark, as
    # only white space lies between a span's start and the next match) or, the last one,
    # runs to the text's last non-space character.
    return spans


def split_sentences(passages: Iterable[Passage], first_ordinal: int = 0) -> list[Sentence]:
    """Sentences of every passage, numbered across the whole document (from `first_ordinal`
    when the passages are a window of a longer document)."""
    sentences: list[Sentence] = []
    ordinal = first_ordinal
    for passage in passages:
        text = passage.text
        for start, end in split_text(text):
            sentences.append(Sentence(passage.ordinal, ordinal, text[start:end], start, end))
            ordinal += 1
    return sentences
