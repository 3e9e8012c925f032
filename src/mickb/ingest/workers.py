"""Extraction on every core: worker processes run `document_parts`, this process stores.

Workers are started with "spawn" (safe with threads, the same on every platform) and take
tasks of a few documents each (a big document alone). A worker sends its parts through one
queue in messages of about `MESSAGE_CHARS` characters, so small documents cost one message
between them and a big one streams window by window: neither side holds a whole document.
Tasks are handed out at most `AHEAD` per worker beyond the oldest one still running, which
bounds what the writer stages out of order while a long document is being extracted.

Extraction is pure, so the records do not depend on which worker read what: the writer
numbers documents in input order and the loader commits them in that order.
"""

from __future__ import annotations

import multiprocessing
import queue as queues
import sqlite3
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from mickb.errors import ExitCode, MickbError
from mickb.ingest.document import (
    Failed,
    Part,
    Rows,
    Source,
    StageTimes,
    document_parts,
)
from mickb.records import SourceMeta

TASK_BYTES = 2_000_000  # bytes of files in one task (a bigger file is a task alone)
TASK_DOCS = 64
MESSAGE_CHARS = 1_000_000  # characters of rows in one message, about
AHEAD = 4  # tasks handed out per worker beyond the oldest unfinished one

Item = tuple[int, Source, str]  # (seq, what to read, path to record)


class _TaskDone(NamedTuple):
    task: int
    times: StageTimes


class _Crash(NamedTuple):
    error: BaseException | None
    text: str


_queue: Any = None  # the queue to the writer, in a worker


def _init(out: Any) -> None:
    global _queue
    _queue = out


class _Known:
    """Whether the KB holds a content already, from a read-only connection of this worker
    (the writer checks again when it commits, so a stale answer costs only time)."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self.conn: sqlite3.Connection | None = None

    def __call__(self, sha256: str) -> bool:
        if self.db is None:
            return False
        try:
            if self.conn is None:
                uri = Path(self.db).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=30)
            row = self.conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,))
            return row.fetchone() is not None
        except sqlite3.Error:
            return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _weight(part: Part) -> int:
    if isinstance(part, Rows):
        batch = part.batch
        return (
            sum(len(r[3]) for r in batch.passages)
            + 300 * len(batch.facts)
            + 300 * len(batch.quotes)
        )
    return 100


def _work(task: int, items: list[Item], flags: SourceMeta | None, db: str | None) -> None:
    """A worker's task: extract each document, send its parts, then say the task is done."""
    times = StageTimes()
    known = _Known(db)
    outbox: list[tuple[int, Any]] = []
    size = 0
    try:
        for seq, source, record_path in items:
            try:
                for part in document_parts(
                    source, flags, record_path=record_path, known=known, times=times
                ):
                    outbox.append((seq, part))
                    size += _weight(part)
                    if size >= MESSAGE_CHARS:
                        _queue.put(outbox)
                        outbox, size = [], 0
            except MickbError as exc:
                if exc.exit_code != ExitCode.BAD_INPUT:
                    raise
                outbox.append((seq, Failed(str(exc))))
        outbox.append((-1, _TaskDone(task, times)))
    except BaseException as exc:  # sent to the writer, which raises it there
        try:
            error: BaseException | None = exc
            __import__("pickle").dumps(exc)
        except Exception:  # noqa: BLE001 - an exception that cannot travel: send its text
            error = None
        outbox.append((-1, _Crash(error, traceback.format_exc())))
    finally:
        known.close()
        _queue.put(outbox)


def _tasks(items: list[Item]) -> list[list[Item]]:
    tasks: list[list[Item]] = []
    current: list[Item] = []
    size = 0
    for item in items:
        source = item[1]
        try:
            weight = Path(source).stat().st_size if isinstance(source, Path) else TASK_BYTES // 4
        except OSError:
            weight = 0
        if current and (size + weight > TASK_BYTES or len(current) >= TASK_DOCS):
            tasks.append(current)
            current, size = [], 0
        current.append(item)
        size += weight
    if current:
        tasks.append(current)
    return tasks


def run_parallel(
    items: list[Item],
    flags: SourceMeta | None,
    db: str | None,
    workers: int,
    consume: Callable[[int, Part], None],
    times: StageTimes,
) -> None:
    """Extract `items` in `workers` processes; `consume(seq, part)` each part here, in the
    order each document's parts were made (documents interleave)."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    tasks = _tasks(items)
    futures: dict[int, Future[None]] = {}
    running: set[int] = set()
    handed = 0
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=(out,)
    ) as pool:
        try:

            def hand_out() -> None:
                nonlocal handed
                oldest = min(running) if running else handed
                while handed < len(tasks) and handed - oldest < AHEAD * workers:
                    futures[handed] = pool.submit(_work, handed, tasks[handed], flags, db)
                    running.add(handed)
                    handed += 1

            hand_out()
            while running:
                try:
                    message = out.get(timeout=0.5)
                except queues.Empty:
                    _check(futures)
                    continue
                for seq, part in message:
                    if isinstance(part, _TaskDone):
                        running.discard(part.task)
                        futures.pop(part.task, None)
                        times.add(part.times)
                        hand_out()
                    elif isinstance(part, _Crash):
                        if part.error is not None:
                            raise part.error
                        raise RuntimeError(f"an ingest worker failed:\n{part.text}")
                    else:
                        consume(seq, part)
        except BaseException:
            for future in futures.values():
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            _drain(out, futures)
            raise
        finally:
            out.close()
            out.join_thread()


def _drain(out: Any, futures: dict[int, Future[None]], seconds: float = 60.0) -> None:
    """Read (and drop) what running workers still send: a worker whose last message is stuck
    in a full pipe would never exit, and the pool would wait for it for ever."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(f.done() for f in futures.values()):
        try:
            out.get(timeout=0.2)
        except (queues.Empty, OSError, EOFError, ValueError):
            continue


def _check(futures: dict[int, Future[None]]) -> None:
    """A worker that died (killed, out of memory) breaks the pool: say so."""
    for future in futures.values():
        if future.done() and future.exception() is not None:
            raise RuntimeError(f"an ingest worker stopped: {future.exception()}")
