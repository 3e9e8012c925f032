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

from mickb.models import Passage, Sentence

# Lower-cased abbreviations that end with a dot but do not end a sentence.
ABBREVIATIONS = frozenset(
    """tp tt ths ts pgs gs bs ks ncs ths.bs q p tx st no nr mr mrs ms dr prof tr vs etc v.v vv
    ltd co inc corp jsc đ/c đc""".split()
)
_OPENERS = "\"“‘'«([{"
_CLOSERS = "\"”’'»)]}"
_END_RE = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’'»)\]}]*(?=\s)")
_NEXT_RE = re.compile(r"\s+(\S)")
_URLISH_RE = re.compile(r"(?:https?://|www\.)\S*$|\S+\.(?:vn|com|net|org|gov|edu)\S*$", re.I)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    following = _NEXT_RE.match(text, match.end())
    if not following:
        return False
    nxt = following.group(1)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    mark = match.group(0)
    if mark.startswith(".") and not mark.startswith("..."):
        # A bounded window: looking back over the whole passage is quadratic on big files.
        before = text[max(0, match.start() - 40) : match.start()]
        word = re.search(r"(\S+)$", before)
        token = word.group(1) if word else ""
        bare = token.lstrip(_OPENERS).lower()
        if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
            return False
        # An initial ("Nguyễn V. A.") or a one-letter abbreviation ("Q. 1").
        if len(bare) == 1 and bare.isalpha() and token[-1:].isupper():
            return False
        if _URLISH_RE.search(token) and mark == "." and not nxt.isupper():
            return False
    return True


def split_text(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one passage's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END_RE.finditer(text):
        if match.end() <= start or not _is_boundary(text, match):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(passages: list[Passage]) -> list[Sentence]:
    """Sentences of every passage, numbered across the whole document."""
    sentences: list[Sentence] = []
    for passage in passages:
        for start, end in split_text(passage.text):
            sentences.append(
                Sentence(
                    passage=passage.ordinal,
                    ordinal=len(sentences),
                    text=passage.text[start:end],
                    start=start,
                    end=end,
                )
            )
    return sentences
