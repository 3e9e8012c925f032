"""The whole pipeline in one place: read -> clean -> split -> extract -> (store).

Each step lives in its own module, named for the step:
  read.py            bytes on disk -> decoded NFC text + front-matter metadata
  clean.py           text -> passages (body / caption / title), broken sentences joined,
                     image placeholders and markdown emphasis dropped, offsets kept
  split.py           passages -> sentences
  extract/figures.py sentences -> Fact records (numbers.py parses the numbers)
  extract/quotes.py  sentences -> Quote records with speakers
  store.py           records -> SQLite (migrations.py), full-text index
  search.py          query -> ranked records        check.py / verify.py: claims, quotes
  render.py          records -> table / JSON / JSONL / CSV

`ingest` and `build` stream each file (`add_file`), so that memory stays bounded whatever a
document's size: the file is checked and hashed first (an unchanged document costs no
extraction); then one pass cleans it into passages, which the store stages, while the quote
extractor learns the people it names; a second pass splits, extracts and stores the
passages window by window. Everything lands in one transaction at the end, or nothing does.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mickb.errors import BadInput, MickbError
from mickb.ingest.read import SUPPORTED_SUFFIXES
from mickb.records import Document, Fact, Passage, Quote, SourceMeta

if TYPE_CHECKING:
    from mickb.kb.store import KB, AddResult

# A window: the passages extracted at a time (their text, or their number, whichever first).
WINDOW_CHARS = 256 * 1024
WINDOW_PASSAGES = 2000

_T = TypeVar("_T")


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


@dataclass
class StageTimes:
    """Seconds spent in each stage of ingest, summed over documents (pass one to `ingest`,
    `build` or `add_file` to have it filled; bench/ingest.py prints it as MB/s)."""

    read: float = 0.0  # decoding, checking, hashing
    clean_split: float = 0.0
    figures: float = 0.0
    quotes: float = 0.0  # the registry of people, quote marks, attribution
    store: float = 0.0  # staging, the transaction, the full-text index
    bytes: int = 0
    documents: int = 0

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


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


def _windows(passages: Iterable[Passage]) -> Iterator[list[Passage]]:
    window: list[Passage] = []
    size = 0
    for passage in passages:
        window.append(passage)
        size += len(passage.text)
        if size >= WINDOW_CHARS or len(window) >= WINDOW_PASSAGES:
            yield window
            window, size = [], 0
    if window:
        yield window


def add_file(
    kb: KB,
    path: Path,
    meta: SourceMeta | None = None,
    *,
    record_path: str | None = None,
    times: StageTimes | None = None,
) -> AddResult:
    """read -> clean -> split -> extract -> store, for one file, in bounded memory.

    The document lands whole in one transaction, or not at all (KB unchanged on any error).
    `meta` holds fields given by the user (they win over the document's own); `record_path`
    is the path stored with the source (default: `path`).
    """
    from mickb.ingest.clean import Cleaner
    from mickb.ingest.extract.figures import extract_figures
    from mickb.ingest.extract.quotes import QuoteExtractor
    from mickb.ingest.read import merge_meta, open_source
    from mickb.ingest.split import split_sentences
    from mickb.kb.store import AddResult

    times = times if times is not None else StageTimes()
    clock = _Clock(times)
    source = open_source(path)
    times.bytes += source.size
    times.documents += 1
    clock.lap("read")
    if kb.has_content(source.sha256):
        clock.lap("store")
        return AddResult("s" + source.sha256[:11], "unchanged", 0, 0, [])
    writer = kb.begin_document(
        source.sha256, path=record_path if record_path is not None else str(path)
    )
    try:
        # Pass 1: passages, staged by the store; the people they name, for the quotes.
        quotes = QuoteExtractor(source.sha256, reported=True)
        cleaner = Cleaner(source.fmt)
        for passage in cleaner.passages(lambda: clock.timed(source.chunks(), "read")):
            clock.lap("clean_split")
            quotes.scan(passage)
            clock.lap("quotes")
            writer.add_passages((passage,))
            clock.lap("store")
        doc_meta = merge_meta(cleaner.meta, meta)
        clock.lap("clean_split")
        # Pass 2: window by window, sentences and records.
        first_ordinal = 0
        for window in clock.timed(_windows(writer.passages()), "store"):
            sentences = split_sentences(window, first_ordinal)
            first_ordinal += len(sentences)
            clock.lap("clean_split")
            # The window stands for the document (with its metadata; raw_text is not kept).
            # extract_figures carries "the last period named" from paragraph to paragraph
            # and starts afresh with each call: at a window's start, a figure that names no
            # period of its own can miss the report's year (figures.py needs a way to carry
            # that state across calls; see extract_figures).
            doc = Document(doc_meta, "", window, sentences, source.sha256)
            facts = extract_figures(doc)
            clock.lap("figures")
            found = quotes.feed(window, sentences)
            clock.lap("quotes")
            writer.add(facts, found, sentences)
            clock.lap("store")
        found = quotes.finish()
        clock.lap("quotes")
        writer.add((), found)
        result = writer.commit(doc_meta)
        clock.lap("store")
        return result
    finally:
        writer.close()


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders recursed for the formats ingest reads, in sorted order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


@dataclass
class IngestOutcome:
    path: str
    status: str  # added | unchanged | replaced | failed
    source_id: str | None = None
    facts: int = 0
    quotes: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    kb_path: str
    outcomes: list[IngestOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def ingest(
    kb: KB,
    paths: Iterable[Path],
    meta: SourceMeta | None = None,
    *,
    times: StageTimes | None = None,
) -> IngestReport:
    """Add each document in its own transaction; a failing one changes nothing and the
    others still land (its error is in the report)."""
    report = IngestReport(kb_path=str(kb.path))
    files = list(expand_paths(paths))
    if not files:
        raise BadInput("no .txt, .md or .html files found in the given paths")
    for path in files:
        try:
            if not path.exists():
                raise BadInput(f"{path}: no such file")
            result = add_file(kb, path, meta, times=times)
        except MickbError as exc:
            if exc.exit_code != BadInput.exit_code:
                raise
            report.outcomes.append(IngestOutcome(str(path), "failed", error=str(exc)))
            continue
        report.outcomes.append(
            IngestOutcome(str(path), result.status, result.source_id, result.facts, result.quotes)
        )
    return report


def build(sources: Path, output: Path, *, times: StageTimes | None = None) -> IngestReport:
    """Rebuild a KB from a folder of sources, deterministically, replacing `output` atomically.

    The same sources give a byte-identical file: documents are added in sorted path order
    and nothing time-dependent is stored.
    """
    from mickb.kb.store import KB

    if not sources.is_dir():
        raise BadInput(f"{sources}: not a folder of sources (give one, e.g. data/sources)")
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".kb-build-", suffix=".sqlite", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        kb = KB.open(tmp, create=True)
        try:
            report = IngestReport(kb_path=str(output))
            for path in expand_paths([sources]):
                # Relative paths keep the file independent of where the checkout lives.
                result = add_file(
                    kb, path, record_path=path.relative_to(sources).as_posix(), times=times
                )
                report.outcomes.append(
                    IngestOutcome(
                        str(path), result.status, result.source_id, result.facts, result.quotes
                    )
                )
            kb.compact()
        finally:
            kb.close()
        os.replace(tmp, output)
    finally:
        for leftover in (
            tmp,
            Path(str(tmp) + "-wal"),
            Path(str(tmp) + "-shm"),
            Path(str(tmp) + "-journal"),
        ):
            if leftover.exists():
                leftover.unlink()
    return report
