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
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mickb.errors import BadInput, MickbError
from mickb.models import Document, Fact, Quote, SourceMeta
from mickb.paths import SOURCE_SUFFIXES

if TYPE_CHECKING:
    from mickb.store import KB


def extract(doc: Document) -> tuple[list[Fact], list[Quote]]:
    from mickb.extract.figures import extract_figures
    from mickb.extract.quotes import extract_quotes

    # Reported speech ("X cho biết, …") is kept as form "reported", so `mickb quote` can say
    # that the source carries those words only as reported speech.
    return extract_figures(doc), extract_quotes(doc, reported=True)


def process_path(
    path: Path, meta: SourceMeta | None = None
) -> tuple[Document, list[Fact], list[Quote]]:
    """read -> clean -> split -> extract, for one file."""
    from mickb.read import load_document

    doc = load_document(path, meta)
    facts, quotes = extract(doc)
    return doc, facts, quotes


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders recursed for the formats ingest reads, in sorted order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SOURCE_SUFFIXES:
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


def ingest(kb: KB, paths: Iterable[Path], meta: SourceMeta | None = None) -> IngestReport:
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
            doc, facts, quotes = process_path(path, meta)
            result = kb.add_document(doc, facts, quotes, path=str(path))
        except MickbError as exc:
            if exc.exit_code != BadInput.exit_code:
                raise
            report.outcomes.append(IngestOutcome(str(path), "failed", error=str(exc)))
            continue
        report.outcomes.append(
            IngestOutcome(str(path), result.status, result.source_id, result.facts, result.quotes)
        )
    return report


def build(sources: Path, output: Path) -> IngestReport:
    """Rebuild a KB from a folder of sources, deterministically, replacing `output` atomically.

    The same sources give a byte-identical file: documents are added in sorted path order
    and nothing time-dependent is stored.
    """
    from mickb.store import KB

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
                doc, facts, quotes = process_path(path)
                # Relative paths keep the file independent of where the checkout lives.
                result = kb.add_document(
                    doc, facts, quotes, path=path.relative_to(sources).as_posix()
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
