"""One document, read and extracted part by part: what ingest, `mickb extract` and the
worker processes all run (a pure function of the document).

`document_parts` reads one document and yields its rows part by part (`Begin`, `Meta`,
`Rows`…, `End`, or `Unchanged` / `Failed`), in bounded memory whatever its size: the file is
checked and hashed first (an unchanged document costs no extraction); a first pass cleans it
into passages, kept in a spool (in memory, or a temporary file past `SPOOL_CHARS`) while the
quote extractor learns the people they name; a second pass splits, extracts and turns into
rows window by window.
"""

from __future__ import annotations

import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from mickb.records import Document, Fact, Passage, Quote, SourceMeta

if TYPE_CHECKING:
    from mickb.kb.rows import RowBatch

# A window: the passages extracted at a time (their text, or their number, whichever first).
WINDOW_CHARS = 256 * 1024
WINDOW_PASSAGES = 2000
# Passages a worker holds in memory between its two passes; past this, a temporary file.
SPOOL_CHARS = 8_000_000

_T = TypeVar("_T")
Source = str | Path  # a file, or an http(s) URL


def extract(doc: Document) -> tuple[list[Fact], list[Quote]]:
    from mickb.ingest.extract.figures import extract_figures
    from mickb.ingest.extract.quotes import extract_quotes

    # Reported speech ("X cho biết, …") is kept as form "reported", so `mickb quote` can say
    # that the source carries those words only as reported speech.
    return extract_figures(doc), extract_quotes(doc, reported=True)


def process_path(
    path: Path, meta: SourceMeta | None = None
) -> tuple[Document, list[Fact], list[Quote]]:
    """read -> clean -> split -> extract, for one file, held whole in memory."""
    from mickb.ingest.read import load_document

    doc = load_document(path, meta)
    facts, quotes = extract(doc)
    return doc, facts, quotes


def fill_meta(found: SourceMeta, given: SourceMeta | None) -> SourceMeta:
    """What the document states about itself, with the user's flags filling what it does not."""
    if given is None:
        return found
    merged = SourceMeta(**found.to_dict())
    for f in fields(SourceMeta):
        if not _stated(getattr(merged, f.name)) and _stated(getattr(given, f.name)):
            setattr(merged, f.name, getattr(given, f.name))
    return merged


def _stated(value: object) -> bool:
    return value is not None and bool(str(value).strip())


# --- timing --------------------------------------------------------------------------------


@dataclass
class StageTimes:
    """Seconds spent in each stage of ingest, summed over documents and workers (pass one to
    `ingest` or `build` to have it filled; bench/ingest.py prints it as MB/s)."""

    read: float = 0.0  # decoding, checking, hashing
    clean_split: float = 0.0
    figures: float = 0.0
    quotes: float = 0.0  # the registry of people, quote marks, attribution
    rows: float = 0.0  # ids, folded search text, index terms (in the workers)
    store: float = 0.0  # staging, the transactions, the full-text index (the writer)
    bytes: int = 0
    documents: int = 0

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    def add(self, other: StageTimes) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


class _Clock:
    """Attributes the time between two laps to a stage; time spent inside a timed iterator
    goes to that iterator's stage instead."""

    def __init__(self, times: StageTimes) -> None:
        self.times = times
        self.last = time.perf_counter()
        self.inner = 0.0  # time of timed iterators since the last lap

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        spent = now - self.last - self.inner
        setattr(self.times, stage, getattr(self.times, stage) + spent)
        self.last, self.inner = now, 0.0

    def timed(self, items: Iterable[_T], stage: str) -> Iterator[_T]:
        iterator = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                spent = time.perf_counter() - start
                setattr(self.times, stage, getattr(self.times, stage) + spent)
                self.inner += spent
            yield item


# --- one document, part by part ----------------------------------------------------------------


class Begin(NamedTuple):
    sha256: str
    path: str  # stored with the source
    size: int  # bytes read


class Meta(NamedTuple):
    meta: SourceMeta  # complete once the first pass is done, before any rows


class Rows(NamedTuple):
    batch: RowBatch
    done: float  # share of the document extracted so far (for progress)


class End(NamedTuple):
    n_facts: int
    n_quotes: int
    terms: list[tuple[str, int]]


class Unchanged(NamedTuple):
    sha256: str
    path: str
    size: int
    meta: SourceMeta | None  # corrections from the flags (None: nothing to correct)


class Failed(NamedTuple):
    error: str


Part = Begin | Meta | Rows | End | Unchanged | Failed


class _Spool:
    """Windows of passages between the two passes: in memory, then in a temporary file."""

    def __init__(self) -> None:
        self.chars = 0
        self._windows: list[list[Passage]] = []
        self._file: Any = None
        self._count = 0
        self._window: list[Passage] = []
        self._window_chars = 0

    def add(self, passage: Passage) -> None:
        self._window.append(passage)
        self._window_chars += len(passage.text)
        self.chars += len(passage.text)
        if self._window_chars >= WINDOW_CHARS or len(self._window) >= WINDOW_PASSAGES:
            self._seal()

    def _seal(self) -> None:
        if not self._window:
            return
        if self._file is None and self.chars > SPOOL_CHARS:
            self._file = tempfile.TemporaryFile(prefix="mickb-spool-")
            for window in self._windows:
                pickle.dump(window, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._windows.clear()
        if self._file is not None:
            pickle.dump(self._window, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            self._windows.append(self._window)
        self._count += 1
        self._window, self._window_chars = [], 0

    def windows(self) -> Iterator[list[Passage]]:
        self._seal()
        if self._file is None:
            while self._windows:
                yield self._windows.pop(0)
            return
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._windows.clear()


def document_parts(
    source: Source,
    flags: SourceMeta | None = None,
    *,
    record_path: str | None = None,
    known: Callable[[str], bool] | None = None,
    times: StageTimes | None = None,
) -> Iterator[Part]:
    """read -> clean -> split -> extract -> rows, for one document, part by part.

    `flags` fill in metadata the document does not state; `known(sha256)` tells whether the
    KB holds this content already (then only `Unchanged` is yielded, with the corrected
    metadata when there are flags). Raises BadInput (UnreadableDocument) for a document that
    cannot be read, possibly after some parts: the receiver drops what it got.
    """
    from mickb.ingest.read import open_source

    times = times if times is not None else StageTimes()
    clock = _Clock(times)
    opened = open_source(source)
    times.bytes += opened.size
    times.documents += 1
    path = record_path if record_path is not None else str(source)
    clock.lap("read")
    if known is not None and known(opened.sha256):
        correction = None
        if flags is not None and any(_stated(v) for v in flags.to_dict().values()):
            correction = fill_meta(_own_meta(opened, clock), flags)
        clock.lap("clean_split")
        yield Unchanged(opened.sha256, path, opened.size, correction)
        return
    yield Begin(opened.sha256, path, opened.size)
    yield from _extract_parts(opened, flags, clock)


def _own_meta(opened: Any, clock: _Clock) -> SourceMeta:
    from mickb.ingest.clean import Cleaner

    cleaner = Cleaner(opened.fmt)
    for _ in cleaner.passages(lambda: clock.timed(opened.chunks(), "read")):
        pass
    return cleaner.meta


def _extract_parts(opened: Any, flags: SourceMeta | None, clock: _Clock) -> Iterator[Part]:
    from mickb.ingest.clean import Cleaner
    from mickb.ingest.extract.figures import extract_figures
    from mickb.ingest.extract.quotes import QuoteExtractor
    from mickb.ingest.split import split_sentences
    from mickb.kb.rows import DocumentRows

    sha256 = opened.sha256
    spool = _Spool()
    try:
        # Pass 1: passages, spooled; the people they name, for the quotes.
        quotes = QuoteExtractor(sha256, reported=True)
        cleaner = Cleaner(opened.fmt)
        for passage in cleaner.passages(lambda: clock.timed(opened.chunks(), "read")):
            clock.lap("clean_split")
            quotes.scan(passage)
            clock.lap("quotes")
            spool.add(passage)
        meta = fill_meta(cleaner.meta, flags)
        clock.lap("clean_split")
        yield Meta(meta)
        # Pass 2: window by window, sentences, records and rows.
        rows = DocumentRows(sha256)
        first_ordinal = 0
        done_chars = 0
        for window in clock.timed(spool.windows(), "clean_split"):
            sentences = split_sentences(window, first_ordinal)
            first_ordinal += len(sentences)
            clock.lap("clean_split")
            # The window stands for the document (with its metadata; raw_text is not kept).
            # extract_figures carries "the last period named" from paragraph to paragraph
            # and starts afresh with each call: at a window's start, a figure that names no
            # period of its own can miss the report's year.
            doc = Document(meta, "", window, sentences, sha256)
            facts = extract_figures(doc)
            clock.lap("figures")
            found = quotes.feed(window, sentences)
            clock.lap("quotes")
            batch = rows.batch(window, facts, found, sentences)
            done_chars += sum(len(p.text) for p in window)
            clock.lap("rows")
            yield Rows(batch, done_chars / max(1, spool.chars))
        found = quotes.finish()
        clock.lap("quotes")
        fact_rows, quote_rows = rows.records((), found)
        terms = sorted(rows.terms.items())
        clock.lap("rows")
        from mickb.kb.rows import RowBatch

        yield Rows(RowBatch([], fact_rows, quote_rows), 1.0)
        yield End(rows.n_facts, rows.n_quotes, terms)
    finally:
        spool.close()
