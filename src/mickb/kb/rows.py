"""A document's records as the rows the KB stores: ids, search text, index terms.

Pure functions of the records, with no database: ingest workers build rows in their own
processes (the folding behind `search_text` is most of the store's CPU time), so the one
process that writes the KB only moves rows in. `mickb load` builds the same rows from the
JSON lines `mickb extract` prints, so both ways give the same KB.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from mickb.kb.schema import index_terms
from mickb.records import make_id
from mickb.text.fold import fold

if TYPE_CHECKING:
    from mickb.records import Fact, Passage, Quote, Sentence, SourceMeta

Row = tuple[Any, ...]

# Column lists, in the order of the row tuples below.
SOURCE_COLUMNS = "id, sha256, title, date, url, outlet, author, path, n_facts, n_quotes"
PASSAGE_COLUMNS = 'source_id, ordinal, kind, text, start, "end"'
FACT_COLUMNS = (
    "id, source_id, passage_ordinal, sentence_ordinal, span_start, span_end, metric, metric_en, "
    "measure, value, unit, value_text, total, qualifier, base_value, base_unit, period, "
    "compared_to, direction, sector, related, sentence, search_text"
)
QUOTE_COLUMNS = (
    "id, source_id, passage_ordinal, sentence_ordinal, span_start, span_end, text, speaker_id, "
    "speaker_name, speaker_role, form, sentence, search_text"
)
SPEAKER_COLUMNS = "id, name, role, source_id"

# Scale words for the spoken forms of a figure in search_text ("138 nghin ty", "34,3 billion"),
# so a query written with another scale word than the source still meets the figure.
_SCALES = (
    (1e15, "trieu ty", "quadrillion"),
    (1e12, "nghin ty", "trillion"),
    (1e9, "ty", "billion"),
    (1e6, "trieu", "million"),
    (1e3, "nghin", "thousand"),
)


class RowBatch(NamedTuple):
    """Rows of one part of a document (a window of passages and the records found in it)."""

    passages: list[Row]
    facts: list[Row]
    quotes: list[Row]


def source_id_of(sha256: str) -> str:
    return "s" + sha256[:11]


def speaker_id_of(doc_sha256: str, name: str | None, role: str | None) -> str:
    key = f"{doc_sha256}|{name or ''}|{role or ''}"
    return "p" + hashlib.sha1(key.encode()).hexdigest()[:11]


def source_row(sha256: str, meta: SourceMeta, path: str | None, n_facts: int, n_quotes: int) -> Row:
    return (
        source_id_of(sha256),
        sha256,
        meta.title,
        meta.date,
        meta.url,
        meta.outlet,
        meta.author,
        path,
        n_facts,
        n_quotes,
    )


# --- search text ---------------------------------------------------------------------------


def _plain(q: float) -> str:
    text = f"{q:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def value_forms(value: float | None, base_value: float | None, base_unit: str | None) -> list[str]:
    """Other ways to write a figure: plain digits (138000) and scale-word forms."""
    forms: list[str] = []
    if value is not None and math.isfinite(value) and float(value).is_integer():
        forms.append(str(int(value)))
    if base_value is not None and math.isfinite(base_value) and base_value >= 1000:
        english = (base_unit or "").upper() not in ("", "VND")
        for scale, vietnamese, english_word in _SCALES:
            q = base_value / scale
            if 1 <= q < 1000 and abs(round(q, 3) - q) < 1e-9 * max(q, 1):
                forms.append(f"{_plain(q)} {vietnamese}")
                if english:
                    forms.append(f"{_plain(q)} {english_word}")
                break
    return forms


def _fold_and_terms(part: str) -> tuple[str, frozenset[str]]:
    folded = fold(part)
    return folded, frozenset(index_terms(folded))


# Two caches: sentences are long and come back only for the next few facts (those of the
# same sentence); metrics, units and figures are short and come back all through a report.
_folded_sentence = lru_cache(maxsize=512)(_fold_and_terms)
_folded_short = lru_cache(maxsize=8192)(_fold_and_terms)


def _folded_part(part: str) -> tuple[str, frozenset[str]]:
    return _folded_sentence(part) if len(part) > 120 else _folded_short(part)


def _search_text(parts: list[str | None]) -> tuple[str, set[str]]:
    """fold(" | ".join(parts)) and its index terms, part by part (fold works per character)."""
    pairs = [_folded_part(part) for part in parts if part]
    return " | ".join([pair[0] for pair in pairs]), set().union(*[pair[1] for pair in pairs])


@lru_cache(maxsize=4096)
def _fact_head(
    metric: str | None, metric_en: str | None, sector: str | None, period: str | None
) -> tuple[str, frozenset[str]]:
    # A level and its growth rate, and many figures of a report, share all four.
    text, terms = _search_text([metric, metric_en, sector, period])
    return text, frozenset(terms)


@lru_cache(maxsize=8192)
def _fact_tail(
    value_text: str | None, value: float | None, base_value: float | None, base_unit: str | None
) -> tuple[str, frozenset[str]]:
    # The figure and its other forms, folded together in one go (folding and the index
    # terms work character by character, so " | " joins them the same before as after).
    # Cached: a report states the same figure many times ("10%", "2022").
    tail = " | ".join(
        part for part in (value_text, *value_forms(value, base_value, base_unit)) if part
    )
    if not tail:
        return "", frozenset()
    folded = fold(tail)
    return folded, frozenset(index_terms(folded))


def _fact_search(fact: Fact) -> tuple[str, frozenset[str]]:
    """What facts_fts indexes and its terms: the folded metric, its English, sector,
    period, the figure as written and in other forms, and the sentence."""
    head, head_terms = _fact_head(fact.metric, fact.metric_en, fact.sector, fact.period)
    tail, tail_terms = _fact_tail(fact.value_text, fact.value, fact.base_value, fact.base_unit)
    texts = [head] if head else []
    if tail:
        texts.append(tail)
    sentence = fact.sentence
    if sentence:
        folded, sentence_terms = _folded_part(sentence)
        texts.append(folded)
        return " | ".join(texts), sentence_terms.union(head_terms, tail_terms)
    return " | ".join(texts), head_terms.union(tail_terms)


def fact_search_text(fact: Fact) -> str:
    return _fact_search(fact)[0]


def quote_search_text(quote: Quote) -> str:
    name, role = quote.speaker.name, quote.speaker.role
    return _search_text([name, role, quote.text, quote.sentence])[0]


def _json_ids(ids: list[str]) -> str:
    # json.dumps, without its cost for the plain ids every fact has (f + 11 hex digits).
    if not ids:
        return "[]"
    if all(i.isalnum() and i.isascii() for i in ids):
        return "[" + ", ".join(f'"{i}"' for i in ids) + "]"
    return json.dumps(ids, ensure_ascii=False)


# --- one record, one row ---------------------------------------------------------------------


def fact_row(
    fact: Fact, fid: str, source_id: str, passage: int | None, related: list[str]
) -> tuple[Row, frozenset[str]]:
    search_text, terms = _fact_search(fact)
    row = (
        fid,
        source_id,
        passage,
        fact.sentence_ordinal,
        fact.span[0],
        fact.span[1],
        fact.metric,
        fact.metric_en,
        fact.measure,
        fact.value,
        fact.unit,
        fact.value_text,
        fact.total,
        fact.qualifier,
        fact.base_value,
        fact.base_unit,
        fact.period,
        fact.compared_to,
        fact.direction,
        fact.sector,
        _json_ids(related),
        fact.sentence,
        search_text,
    )
    return row, terms


def quote_row(
    quote: Quote, qid: str, source_id: str, passage: int | None, speaker_id: str | None
) -> tuple[Row, set[str]]:
    name, role = quote.speaker.name, quote.speaker.role
    search_text, terms = _search_text([name, role, quote.text, quote.sentence])
    row = (
        qid,
        source_id,
        passage,
        quote.sentence_ordinal,
        quote.span[0],
        quote.span[1],
        quote.text,
        speaker_id,
        name,
        role,
        quote.form,
        quote.sentence,
        search_text,
    )
    return row, terms


def passage_row(source_id: str, p: Passage) -> Row:
    return (source_id, p.ordinal, p.kind, p.text, p.start, p.end)


def _related_by_position(facts: list[tuple[str, Fact]]) -> dict[str, list[str]]:
    """A level and the growth rate stated right after it point at each other.

    Used only when the extractor left `related` empty: in one sentence, each change fact
    belongs to the nearest figure before it that is not itself a change.
    """
    related: dict[str, list[str]] = {fid: [] for fid, _ in facts}
    by_sentence: dict[int, list[tuple[str, Fact]]] = {}
    for fid, fact in facts:
        by_sentence.setdefault(fact.sentence_ordinal, []).append((fid, fact))
    for group in by_sentence.values():
        group.sort(key=lambda item: item[1].span[0])
        anchor: str | None = None
        for fid, fact in group:
            if fact.measure == "change":
                if anchor is not None:
                    related[fid].append(anchor)
                    related[anchor].append(fid)
            else:
                anchor = fid
    return related


class DocumentRows:
    """Turns one document's passages and records, window by window, into rows.

    Ids are made here when the extractor left them empty; duplicate records (an extractor
    may find a quote twice across windows) are dropped; each record learns the passage of
    its sentence; `terms` counts the document's index terms for the vocabulary table.
    """

    def __init__(self, sha256: str) -> None:
        self.sha256 = sha256
        self.source_id = source_id_of(sha256)
        self.terms: Counter[str] = Counter()
        self.n_facts = 0
        self.n_quotes = 0
        self._quote_ids: set[str] = set()
        self._speaker_ids: dict[tuple[str | None, str | None], str] = {}
        self._passage_of = array("i")  # sentence ordinal -> passage ordinal (-1: unknown)
        self._passage_of_far: dict[int, int] = {}  # ordinals far beyond the others

    def passages(self, passages: Iterable[Passage]) -> list[Row]:
        return [passage_row(self.source_id, p) for p in passages]

    def records(
        self, facts: Iterable[Fact], quotes: Iterable[Quote], sentences: Iterable[Sentence] = ()
    ) -> tuple[list[Row], list[Row]]:
        """Rows of records; `sentences` tells the passage of each sentence ordinal (give the
        sentences of every window: a quote may come a window after its sentence)."""
        self._note_sentences(sentences)
        return self._fact_rows(facts), self._quote_rows(quotes)

    def batch(
        self,
        passages: Iterable[Passage],
        facts: Iterable[Fact],
        quotes: Iterable[Quote],
        sentences: Iterable[Sentence] = (),
    ) -> RowBatch:
        fact_rows, quote_rows = self.records(facts, quotes, sentences)
        return RowBatch(self.passages(passages), fact_rows, quote_rows)

    def _note_sentences(self, sentences: Iterable[Sentence]) -> None:
        table = self._passage_of
        for s in sentences:
            n = len(table)
            if s.ordinal == n:
                table.append(s.passage)
            elif 0 <= s.ordinal < n:
                table[s.ordinal] = s.passage
            elif n < s.ordinal < n + 1024:
                table.extend([-1] * (s.ordinal - n))
                table.append(s.passage)
            else:
                self._passage_of_far[s.ordinal] = s.passage

    def _passage(self, sentence_ordinal: int) -> int | None:
        if 0 <= sentence_ordinal < len(self._passage_of):
            found = self._passage_of[sentence_ordinal]
            if found >= 0:
                return found
        return self._passage_of_far.get(sentence_ordinal)

    def _fact_rows(self, facts: Iterable[Fact]) -> list[Row]:
        # Ids are unique per sentence and position, and a window holds whole sentences: the
        # duplicates an extractor may give come in the same call.
        identified: list[tuple[str, Fact]] = []
        seen: set[str] = set()
        for fact in facts:
            fid = fact.id or make_id(
                self.sha256, "fact", fact.sentence_ordinal, fact.span[0], fact.value_text
            )
            if fid not in seen:
                seen.add(fid)
                identified.append((fid, fact))
        given = any(f.related for _, f in identified)
        by_position = {} if given else _related_by_position(identified)
        rows: list[Row] = []
        count_terms = self.terms.update
        for fid, f in identified:
            if given:
                related = [r for r in f.related if r in seen] if f.related else []
            else:
                related = by_position[fid]
            passage = self._passage(f.sentence_ordinal)
            row, terms = fact_row(f, fid, self.source_id, passage, related)
            count_terms(terms)
            rows.append(row)
        self.n_facts += len(rows)
        return rows

    def _quote_rows(self, quotes: Iterable[Quote]) -> list[Row]:
        rows: list[Row] = []
        for q in quotes:
            qid = q.id or make_id(self.sha256, "quote", q.sentence_ordinal, q.span[0], q.text)
            if qid in self._quote_ids:
                continue
            self._quote_ids.add(qid)
            row, terms = quote_row(
                q, qid, self.source_id, self._passage(q.sentence_ordinal), self.speaker_id(q)
            )
            self.terms.update(terms)
            rows.append(row)
        self.n_quotes += len(rows)
        return rows

    def speaker_id(self, quote: Quote) -> str | None:
        name, role = quote.speaker.name, quote.speaker.role
        if not (name or role):
            return None
        found = self._speaker_ids.get((name, role))
        if found is None:
            found = self._speaker_ids[(name, role)] = speaker_id_of(self.sha256, name, role)
        return found
