"""The whole pipeline in one place: read -> clean -> split -> extract -> (store).

Each step lives in its own module, named for the step:
  ingest/read.py            bytes (a file or a URL) -> decoded NFC text + metadata
  ingest/clean.py           text -> passages (body / caption / title), broken sentences
                            joined, image placeholders and markdown emphasis dropped
  ingest/split.py           passages -> sentences
  ingest/extract/figures.py sentences -> Fact records (text/numbers.py reads the numbers)
  ingest/extract/quotes.py  sentences -> Quote records with speakers
  kb/rows.py                records -> rows (ids, search text, index terms)
  kb/loader.py, kb/store.py rows -> SQLite, in batches, in order

Extraction is a pure function of a document: `document_parts` reads one document and yields
its rows part by part (`Begin`, `Meta`, `Rows`…, `End`), in bounded memory whatever its size.
With `jobs` > 1, worker processes run it and one writer (this process) stores what they send;
documents are numbered in input order and committed in that order, so the KB holds the same
records, with the same ids and rowids, whatever the number of workers.

A document streams: the file is checked and hashed first (an unchanged document costs no
extraction); a first pass cleans it into passages, kept in a spool (in memory, or a temporary
file past `SPOOL_CHARS`) while the quote extractor learns the people they name; a second pass
splits, extracts and turns into rows window by window.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mickb.errors import BadInput, ExitCode, MickbError
from mickb.ingest.document import (  # (re-exported: the pipeline's names for its callers)
    Begin,
    End,
    Failed,
    Meta,
    Part,
    Rows,
    Source,
    StageTimes,
    Unchanged,
    document_parts,
)
from mickb.records import SourceMeta

if TYPE_CHECKING:
    from mickb.kb.loader import AddResult, Loader
    from mickb.kb.store import KB

# Files smaller than this in all are extracted here unless --jobs is given.
SMALL_BYTES = 1_000_000

# --- what goes in ------------------------------------------------------------------------------


@dataclass
class Skipped:
    path: str
    reason: str


def expand_sources(paths: Iterable[Source]) -> tuple[list[Source], list[Skipped]]:
    """Files and URLs as given; folders recursed in sorted order for the files ingest reads
    (read.scan_folder), with the reason each other file is skipped."""
    from mickb.ingest.read import is_url, scan_folder

    found: list[Source] = []
    skipped: list[Skipped] = []
    for given in paths:
        if isinstance(given, str) and is_url(given):
            found.append(given)
            continue
        path = Path(given)
        if not path.is_dir():
            found.append(path)
            continue
        files, passed_over = scan_folder(path)
        found.extend(files)
        skipped.extend(Skipped(str(p), reason) for p, reason in passed_over)
    return found, skipped


def expand_paths(paths: Iterable[Source]) -> Iterator[Source]:
    """Files and URLs as given; folders recursed for the formats ingest reads, sorted."""
    yield from expand_sources(paths)[0]


# --- what comes out ----------------------------------------------------------------------------


@dataclass
class IngestOutcome:
    path: str
    status: str  # added | unchanged | replaced | updated | failed
    source_id: str | None = None
    facts: int = 0
    quotes: int = 0
    error: str | None = None
    bytes: int = 0


@dataclass
class IngestReport:
    kb_path: str
    outcomes: list[IngestOutcome] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


class Watcher:
    """What a caller hears while ingest runs (the CLI draws its progress bar from it)."""

    def start(self, documents: int, total_bytes: int) -> None:
        """Before the first document (total_bytes: of the files; URLs count as 0)."""

    def progress(self, done_bytes: int, facts: int, documents: int) -> None:
        """Now and then: bytes extracted so far, figures found so far, documents extracted
        so far (stored or not yet: storing goes in batches)."""

    def outcome(self, outcome: IngestOutcome) -> None:
        """Each document, in input order, once it is stored (or has failed)."""


class Writer:
    """The one process that stores: feeds the parts of numbered documents to a Loader."""

    def __init__(
        self,
        loader: Loader,
        report: IngestReport,
        names: list[str],
        watcher: Watcher,
        times: StageTimes,
    ) -> None:
        self.loader = loader
        self.report = report
        self.names = names
        self.watcher = watcher
        self.times = times
        self._meta: dict[int, SourceMeta] = {}
        self._size: dict[int, int] = {}
        self._done: dict[int, float] = {}
        self._errors: dict[int, str] = {}
        self._bytes_done = 0  # of finished documents
        self._facts = 0
        self._extracted = 0  # documents whose last part came
        self._last_progress = 0.0

    def part(self, seq: int, part: Part) -> None:
        start = time.perf_counter()
        committed: list[tuple[int, AddResult | None]]
        if isinstance(part, Rows):
            self.loader.add(seq, part.batch)
            self._facts += len(part.batch.facts)
            self._done[seq] = part.done
            self._progress()
            committed = []
        elif isinstance(part, Begin):
            self.loader.begin(seq, part.sha256, part.path)
            self._size[seq] = part.size
            committed = []
        elif isinstance(part, Meta):
            self._meta[seq] = part.meta
            committed = []
        elif isinstance(part, End):
            self._extracted += 1
            committed = self.loader.end(
                seq, self._meta.pop(seq), part.n_facts, part.n_quotes, part.terms
            )
        elif isinstance(part, Unchanged):
            self._extracted += 1
            self._size[seq] = part.size
            self._done[seq] = 1.0
            committed = self.loader.unchanged(seq, part.sha256, part.meta)
        else:
            self._extracted += 1
            self._errors[seq] = part.error
            self._meta.pop(seq, None)
            committed = self.loader.fail(seq)
        self.times.store += time.perf_counter() - start
        self._outcomes(committed)

    def finish(self) -> None:
        start = time.perf_counter()
        committed = self.loader.finish()
        self.times.store += time.perf_counter() - start
        self._outcomes(committed)

    def _outcomes(self, committed: list[tuple[int, AddResult | None]]) -> None:
        for seq, result in committed:
            size = self._size.pop(seq, 0)
            self._done.pop(seq, None)
            self._bytes_done += size
            if result is None:
                outcome = IngestOutcome(
                    self.names[seq], "failed", error=self._errors.pop(seq, "failed"), bytes=size
                )
            else:
                outcome = IngestOutcome(
                    self.names[seq],
                    result.status,
                    result.source_id,
                    result.facts,
                    result.quotes,
                    bytes=size,
                )
            self.report.outcomes.append(outcome)
            self.watcher.outcome(outcome)
        if committed:
            self._progress(force=True)

    def _progress(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_progress < 0.1:
            return
        self._last_progress = now
        partial = sum(self._size.get(seq, 0) * done for seq, done in self._done.items())
        self.watcher.progress(self._bytes_done + int(partial), self._facts, self._extracted)


def _bad_input(exc: MickbError) -> bool:
    return exc.exit_code == ExitCode.BAD_INPUT


def _run_here(
    items: list[tuple[int, Source, str]],
    flags: SourceMeta | None,
    known: Callable[[str], bool] | None,
    writer: Writer,
) -> None:
    """Extract and store in this process, one document after the other."""
    for seq, source, record_path in items:
        try:
            for part in document_parts(
                source, flags, record_path=record_path, known=known, times=writer.times
            ):
                writer.part(seq, part)
        except MickbError as exc:
            if not _bad_input(exc):
                raise
            writer.part(seq, Failed(str(exc)))


def _size_of(source: Source) -> int:
    try:
        return Path(source).stat().st_size if isinstance(source, Path) else 0
    except OSError:
        return 0


def _store(
    kb: KB,
    sources: list[Source],
    record_paths: list[str],
    flags: SourceMeta | None,
    *,
    check_known: bool,
    jobs: int | None,
    times: StageTimes,
    watcher: Watcher,
    report: IngestReport,
) -> None:
    items = [(seq, s, r) for seq, (s, r) in enumerate(zip(sources, record_paths, strict=True))]
    total = sum(_size_of(s) for s in sources)
    watcher.start(len(items), total)
    names = [str(s) for s in sources]
    workers = min(default_jobs() if jobs is None else max(1, jobs), len(items))
    if jobs is None and total < SMALL_BYTES and all(isinstance(s, Path) for s in sources):
        workers = 1  # starting worker processes would take longer than the work
    with kb.loader() as loader:
        writer = Writer(loader, report, names, watcher, times)
        if workers <= 1:
            _run_here(items, flags, kb.has_content if check_known else None, writer)
        else:
            from mickb.ingest.workers import run_parallel

            known_db = str(kb.path) if check_known else None
            run_parallel(items, flags, known_db, workers, writer.part, times)
        writer.finish()


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ingest(
    kb: KB,
    paths: Iterable[Source],
    meta: SourceMeta | None = None,
    *,
    jobs: int | None = 1,
    times: StageTimes | None = None,
    watcher: Watcher | None = None,
) -> IngestReport:
    """Add documents (files, folders, URLs); each lands whole or not at all, a failing one
    changes nothing and the others still land (its error is in the report).

    `meta` fills in what a document does not state about itself; for a document the KB
    holds already, it corrects the stored metadata ("updated"). `jobs`: worker processes
    for extraction (None: one per core); the KB holds the same records whatever it is.
    """
    start = time.perf_counter()
    report = IngestReport(kb_path=str(kb.path))
    sources, report.skipped = expand_sources(paths)
    if not sources:
        raise BadInput(
            "no documents found in the given paths"
            + (f" ({len(report.skipped)} files of other types skipped)" if report.skipped else "")
        )
    _store(
        kb,
        sources,
        [str(s) for s in sources],
        meta,
        check_known=True,
        jobs=jobs,
        times=times if times is not None else StageTimes(),
        watcher=watcher or Watcher(),
        report=report,
    )
    report.seconds = time.perf_counter() - start
    return report


def build(
    sources: Path,
    output: Path,
    *,
    jobs: int | None = 1,
    times: StageTimes | None = None,
    watcher: Watcher | None = None,
) -> IngestReport:
    """Rebuild a KB from a folder of sources, deterministically, replacing `output` atomically.

    The same sources give a byte-identical file, whatever `jobs`: documents are stored in
    sorted path order, in batches cut by size alone, and nothing time-dependent is stored.
    """
    from mickb.kb.store import KB

    start = time.perf_counter()
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
            found, report.skipped = expand_sources([sources])
            # Relative paths keep the file independent of where the checkout lives.
            relative = [Path(p).relative_to(sources).as_posix() for p in found]
            _store(
                kb,
                found,
                relative,
                None,
                check_known=False,
                jobs=jobs,
                times=times if times is not None else StageTimes(),
                watcher=watcher or Watcher(),
                report=report,
            )
            if report.failed:
                first = report.failed[0]
                raise BadInput(f"{first.error} (nothing was built)")
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
    report.seconds = time.perf_counter() - start
    return report
