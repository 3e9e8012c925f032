"""What `ingest`, `build` and `load` print while they run, on stderr.

On a terminal: a progress bar (documents, MB, figures, rate, time left). On a pipe or a file:
nothing until one summary line. `--quiet`: nothing but errors. `-v`: a line per document.
A document that fails is always one `error: PATH: reason` line.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from mickb.ingest.pipeline import IngestOutcome, IngestReport, Watcher


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def error_line(o: IngestOutcome) -> str:
    reason = o.error or "failed"
    # Readers' messages name the file already ("PATH: this is a PDF …").
    return f"error: {reason}" if reason.startswith(o.path) else f"error: {o.path}: {reason}"


def outcome_line(o: IngestOutcome) -> str:
    if o.status == "failed":
        return error_line(o)
    found = f"{plural(o.facts, 'figure')}, {plural(o.quotes, 'quote')}"
    if o.status in ("unchanged", "updated"):
        found = "metadata corrected" if o.status == "updated" else "already in the KB"
    return f"{o.status:<10} {o.path}: {found} ({o.source_id})"


def summary_line(report: IngestReport, verb: str = "ingested") -> str:
    outcomes = report.outcomes
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    statuses = ", ".join(
        f"{counts[s]:,} {s}"
        for s in ("added", "replaced", "updated", "unchanged", "failed")
        if counts.get(s)
    )
    megabytes = sum(o.bytes for o in outcomes) / 1e6
    seconds = max(report.seconds, 1e-9)
    facts = sum(o.facts for o in outcomes)
    quotes = sum(o.quotes for o in outcomes)
    parts = [
        f"{verb} {plural(len(outcomes), 'document')} ({statuses or 'none'})",
        f"{megabytes:.{1 if megabytes >= 10 else 2}f} MB in {report.seconds:.1f} s "
        f"({megabytes / seconds:.2f} MB/s)",
        f"{plural(facts, 'figure')}, {plural(quotes, 'quote')} added",
    ]
    if report.skipped:
        parts.append(f"{plural(len(report.skipped), 'file')} skipped")
    return "; ".join(parts) + f" -> {report.kb_path}"


class LineWatcher(Watcher):
    """A pipe, a file or --quiet: error lines as they happen; per-document lines with -v."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose

    def outcome(self, outcome: IngestOutcome) -> None:
        if outcome.status == "failed" or self.verbose:
            sys.stderr.write(outcome_line(outcome) + "\n")
            sys.stderr.flush()

    def close(self) -> None:
        pass


class BarWatcher(LineWatcher):
    """A terminal: a rich progress bar on stderr, lines printed above it."""

    def __init__(self, verbose: bool = False) -> None:
        super().__init__(verbose)
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.console = Console(stderr=True, highlight=False, markup=False, emoji=False)
        self.bar = Progress(
            TextColumn("{task.fields[files]}"),
            BarColumn(bar_width=20),
            TextColumn("{task.fields[mb]}"),
            TextColumn("{task.fields[facts]}"),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=self.console,
            transient=True,
        )
        self.task: Any = None
        self.total_docs = 0
        self.total_bytes = 0
        self.docs_done = 0
        self.extracted = 0
        self.started = time.monotonic()

    def start(self, documents: int, total_bytes: int) -> None:
        self.total_docs, self.total_bytes = documents, total_bytes
        self.bar.start()
        self.task = self.bar.add_task(
            "ingest", total=total_bytes or None, files="", mb="", facts=""
        )
        self._fields(0, 0)

    def _fields(self, done_bytes: int, facts: int) -> None:
        self.docs_done = max(self.docs_done, self.extracted)
        total = f"/{self.total_docs:,}" if self.total_docs else ""
        mb = f"{done_bytes / 1e6:.1f}"
        if self.total_bytes:
            mb += f"/{self.total_bytes / 1e6:.1f}"
        self.bar.update(
            self.task,
            completed=done_bytes,
            files=f"{self.docs_done:,}{total} docs",
            mb=f"{mb} MB",
            facts=plural(facts, "figure"),
        )

    def progress(self, done_bytes: int, facts: int, documents: int) -> None:
        self.extracted = documents
        if self.task is not None:
            self._fields(done_bytes, facts)

    def outcome(self, outcome: IngestOutcome) -> None:
        if outcome.status == "failed" or self.verbose:
            self.console.print(outcome_line(outcome), soft_wrap=True)

    def close(self) -> None:
        self.bar.stop()


def watcher_for(quiet: bool, verbose: bool) -> LineWatcher:
    if not quiet and sys.stderr.isatty():
        return BarWatcher(verbose)
    return LineWatcher(verbose and not quiet)


def report_end(report: IngestReport, quiet: bool, verb: str = "ingested") -> None:
    """After the run: the files a folder held that were skipped, and the summary line."""
    if quiet:
        return
    for skipped in report.skipped:
        sys.stderr.write(f"skipped {skipped.path}: {skipped.reason}\n")
    sys.stderr.write(summary_line(report, verb) + "\n")
