"""The JSON lines of `mickb extract` and `mickb load`: a document's records without a KB.

Extraction is a pure function of a document, so it can run anywhere (a Dask cluster, another
machine) and its output be stored later into one KB. `extract_records` turns the parts of
`document.document_parts` into JSON objects; `load_records` turns them back into the very
rows ingest stores (same ids, same passages, same search text), so `find` and `show` give
the same results either way. One document is, in order (docs/records.md):

  {"kind": "source", "id", "sha256", "path", "size", "title", "date", "url", "outlet", "author"}
  {"kind": "passages", "source_id", "passages": [{"ordinal", "kind", "text", "start", "end"}]}
  the contract's fact and quote records, each with "position": {"passage", "sentence",
      "start", "end"} (where its sentence stands; `show` needs it for the paragraph)
  … more passages and records, window by window …
  {"kind": "end", "source_id", "facts": N, "quotes": N}

The "end" line is the document's commit mark: `load` stores a document only once it has
read that line with the counts it announces, so a cut-off file never stores half a document.
A document that could not be read is one line {"kind": "error", "path", "error"}.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from mickb.errors import BadInput, ExitCode, MickbError
from mickb.ingest.document import (
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
from mickb.ingest.pipeline import IngestOutcome, IngestReport, Watcher, Writer
from mickb.records import Fact, Quote, SourceMeta, Speaker

if TYPE_CHECKING:
    from mickb.kb.rows import Row
    from mickb.kb.store import KB

_META = ("title", "date", "url", "outlet", "author")
ROWS_PER_PART = 2000  # rows `load` hands the store at a time


def _number(x: Any) -> Any:
    from mickb.kb.store import json_number

    return json_number(x)


# --- rows -> JSON ------------------------------------------------------------------------------


def _fact_json(row: Row, source: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "fact",
        "id": row[0],
        "metric": row[6],
        "metric_en": row[7],
        "measure": row[8],
        "value": _number(row[9]),
        "unit": row[10],
        "value_text": row[11],
        "total": _number(row[12]),
        "qualifier": row[13],
        "base_value": _number(row[14]),
        "base_unit": row[15],
        "period": row[16],
        "compared_to": row[17],
        "direction": row[18],
        "sector": row[19],
        "related": json.loads(row[20]),
        "sentence": row[21],
        "source": source,
        "position": {"passage": row[2], "sentence": row[3], "start": row[4], "end": row[5]},
    }


def _quote_json(row: Row, source: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "quote",
        "id": row[0],
        "text": row[6],
        "speaker": {"name": row[8], "role": row[9]},
        "form": row[10],
        "sentence": row[11],
        "source": source,
        "position": {"passage": row[2], "sentence": row[3], "start": row[4], "end": row[5]},
    }


def records_of_parts(parts: Iterable[Part]) -> Iterator[dict[str, Any]]:
    """One document's parts as JSON objects (see the module's docstring)."""
    begin: Begin | None = None
    source: dict[str, Any] = {}
    for part in parts:
        if isinstance(part, Begin):
            begin = part
        elif isinstance(part, Meta):
            assert begin is not None
            from mickb.kb.rows import source_id_of

            meta = part.meta
            source = {"id": source_id_of(begin.sha256), **{k: getattr(meta, k) for k in _META}}
            yield {
                "kind": "source",
                "id": source["id"],
                "sha256": begin.sha256,
                "path": begin.path,
                "size": begin.size,
                **{k: getattr(meta, k) for k in _META},
            }
        elif isinstance(part, Rows):
            batch = part.batch
            if batch.passages:
                yield {
                    "kind": "passages",
                    "source_id": source["id"],
                    "passages": [
                        {"ordinal": r[1], "kind": r[2], "text": r[3], "start": r[4], "end": r[5]}
                        for r in batch.passages
                    ],
                }
            for row in batch.facts:
                yield _fact_json(row, source)
            for row in batch.quotes:
                yield _quote_json(row, source)
        elif isinstance(part, End):
            yield {
                "kind": "end",
                "source_id": source["id"],
                "facts": part.n_facts,
                "quotes": part.n_quotes,
            }


def extract_records(
    source: Source, meta: SourceMeta | None = None, *, errors: str = "raise"
) -> Iterator[dict[str, Any]]:
    """The JSON objects of one document (`mickb extract`), without a KB.

    errors="raise": a document that cannot be read raises BadInput; errors="record": it
    yields one {"kind": "error"} object instead (what a distributed run wants: `load`
    reports it among the documents that failed).
    """
    try:
        yield from records_of_parts(document_parts(source, meta, record_path=str(source)))
    except MickbError as exc:
        if errors != "record" or exc.exit_code != ExitCode.BAD_INPUT:
            raise
        yield {"kind": "error", "path": str(source), "error": str(exc)}


def extract_jsonl(source: Source, meta: SourceMeta | None = None) -> list[str]:
    """extract_records(…, errors="record") as JSON lines: what a `dask.bag` maps over paths."""
    return [
        json.dumps(record, ensure_ascii=False)
        for record in extract_records(source, meta, errors="record")
    ]


# --- JSON -> rows ------------------------------------------------------------------------------


class _Incoming:
    """One document being read back from JSON lines."""

    def __init__(self, record: dict[str, Any]) -> None:
        from mickb.kb.rows import DocumentRows

        self.sha256 = str(record["sha256"])
        self.rows = DocumentRows(self.sha256)
        self.source_id = self.rows.source_id
        if record.get("id") not in (None, self.source_id):
            raise ValueError(f"source id {record.get('id')!r} does not match its sha256")
        self.path = str(record.get("path") or "")
        self.size = int(record.get("size") or 0)
        self.meta = SourceMeta(**{k: record.get(k) for k in _META})
        self.passages: list[Row] = []
        self.facts: list[Row] = []
        self.quotes: list[Row] = []
        self.terms: Counter[str] = Counter()
        self.n_facts = 0
        self.n_quotes = 0

    def held(self) -> int:
        return len(self.passages) + len(self.facts) + len(self.quotes)

    def take(self) -> Rows:
        from mickb.kb.rows import RowBatch

        batch = RowBatch(self.passages, self.facts, self.quotes)
        self.passages, self.facts, self.quotes = [], [], []
        return Rows(batch, 0.0)

    def add(self, record: dict[str, Any]) -> None:
        from mickb.kb.rows import fact_row, quote_row

        kind = record.get("kind")
        if kind == "passages":
            for p in record["passages"]:
                self.passages.append(
                    (self.source_id, p["ordinal"], p["kind"], p["text"], p["start"], p["end"])
                )
            return
        at = record["position"]
        span = (int(at["start"]), int(at["end"]))
        terms: frozenset[str] | set[str]
        if kind == "fact":
            fact = Fact(
                metric=record["metric"],
                measure=record["measure"],
                value=record["value"],
                unit=record["unit"],
                value_text=record["value_text"],
                sentence=record["sentence"],
                sentence_ordinal=int(at["sentence"]),
                span=span,
                metric_en=record.get("metric_en"),
                total=record.get("total"),
                qualifier=record.get("qualifier"),
                base_value=record.get("base_value"),
                base_unit=record.get("base_unit"),
                period=record.get("period"),
                compared_to=record.get("compared_to"),
                direction=record.get("direction"),
                sector=record.get("sector"),
                id=record["id"],
            )
            row, terms = fact_row(
                fact, fact.id, self.source_id, at.get("passage"), list(record.get("related") or [])
            )
            self.facts.append(row)
            self.n_facts += 1
        elif kind == "quote":
            speaker = record.get("speaker") or {}
            quote = Quote(
                text=record["text"],
                speaker=Speaker(speaker.get("name"), speaker.get("role")),
                form=record["form"],
                sentence=record["sentence"],
                sentence_ordinal=int(at["sentence"]),
                span=span,
                id=record["id"],
            )
            row, terms = quote_row(
                quote, quote.id, self.source_id, at.get("passage"), self.rows.speaker_id(quote)
            )
            self.quotes.append(row)
            self.n_quotes += 1
        else:
            raise ValueError(f"unknown kind {kind!r}")
        self.terms.update(terms)


def _load_error(name: str, line: int, what: str) -> str:
    return f"{name}: line {line}: {what}"


class _Reader:
    """Reads `extract`'s lines back into numbered documents' parts (see parts_of_records)."""

    def __init__(self, name: str, known: Any) -> None:
        self.name = name
        self.known = known
        self.seq = -1
        self.current: _Incoming | None = None
        self.skipping = False  # the current document is in the KB already
        self.dropping = False  # the current document failed: its lines are passed over

    def line(self, number: int, record: Any) -> Iterator[tuple[int, Part, str]]:
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
        kind = record.get("kind")
        if kind == "source":
            yield from self._cut_off(number)
            yield from self._source(record)
        elif kind == "error":
            yield from self._cut_off(number)
            self.seq += 1
            self.dropping = False
            path = str(record.get("path") or "?")
            yield self.seq, Failed(str(record.get("error") or "failed")), path
        elif self.dropping:
            return
        elif self.current is None:
            raise ValueError(f"a {kind!r} line before any source line")
        elif kind == "end":
            yield from self._end(record)
        elif not self.skipping:
            current = self.current
            current.add(record)
            if current.held() >= ROWS_PER_PART:
                yield self.seq, current.take(), current.path

    def _source(self, record: dict[str, Any]) -> Iterator[tuple[int, Part, str]]:
        self.seq += 1
        self.dropping = False
        current = self.current = _Incoming(record)
        self.skipping = bool(self.known and self.known(current.sha256))
        if self.skipping:
            yield (
                self.seq,
                Unchanged(current.sha256, current.path, current.size, None),
                current.path,
            )
        else:
            yield self.seq, Begin(current.sha256, current.path, current.size), current.path
            yield self.seq, Meta(current.meta), current.path

    def _end(self, record: dict[str, Any]) -> Iterator[tuple[int, Part, str]]:
        current = self.current
        assert current is not None
        self.current = None
        if self.skipping:
            return
        counts = (record.get("facts"), record.get("quotes"))
        if counts != (current.n_facts, current.n_quotes):
            self.current = current  # so that the failure is this document's
            raise ValueError(
                f"the end line counts {counts[0]} figures and {counts[1]} quotes, the lines "
                f"before hold {current.n_facts} and {current.n_quotes}"
            )
        yield self.seq, current.take(), current.path
        terms = sorted(current.terms.items())
        yield self.seq, End(current.n_facts, current.n_quotes, terms), current.path

    def _cut_off(self, number: int) -> Iterator[tuple[int, Part, str]]:
        if self.current is not None and not self.skipping:
            what = "a new document starts before this one's end line"
            message = _load_error(self.name, number, f"{what} (cut off?); nothing of it stored")
            yield self.seq, Failed(message), self.current.path
        self.current = None

    def failed(self, number: int, what: str) -> Iterator[tuple[int, Part, str]]:
        """A line that cannot be read fails its document; the rest of it is passed over."""
        message = _load_error(self.name, number, f"{what}; that document is not stored")
        if self.current is not None:
            yield self.seq, Failed(message), self.current.path
        elif not self.dropping:
            self.seq += 1
            yield self.seq, Failed(message), self.name
        self.current = None
        self.dropping = True

    def finish(self) -> Iterator[tuple[int, Part, str]]:
        if self.current is not None and not self.skipping:
            what = f"{self.name} ends before this document's end line (cut off?)"
            yield self.seq, Failed(f"{what}; nothing of it was stored"), self.current.path


def parts_of_records(
    lines: Iterable[str], name: str = "<stdin>", known: Any = None
) -> Iterator[tuple[int, Part, str]]:
    """(seq, part, document name) for JSON lines of `extract`: documents numbered in order;
    one that is cut off, malformed or inconsistent ends with a Failed part and the rest of
    its lines are passed over."""
    reader = _Reader(name, known)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield from reader.line(number, json.loads(line))
        except json.JSONDecodeError as exc:
            yield from reader.failed(number, f"not JSON ({exc.msg})")
        except (ValueError, KeyError, TypeError) as exc:
            what = exc.args[0] if isinstance(exc, ValueError) and exc.args else repr(exc)
            yield from reader.failed(number, str(what))
    yield from reader.finish()


def load_records(
    kb: KB,
    lines: Iterable[str],
    *,
    name: str = "<stdin>",
    times: StageTimes | None = None,
    watcher: Watcher | None = None,
) -> IngestReport:
    """Store the documents of `extract`'s JSON lines, each whole or not at all, committed in
    batches as ingest does. A document the KB holds already is "unchanged"."""
    import time

    start = time.perf_counter()
    report = IngestReport(kb_path=str(kb.path))
    watcher = watcher or Watcher()
    watcher.start(0, 0)
    names: list[str] = []
    with kb.loader() as loader:
        writer = Writer(loader, report, names, watcher, times or StageTimes())
        failed_seq: set[int] = set()
        for seq, part, doc_name in parts_of_records(lines, name, kb.has_content):
            if seq == len(names):
                names.append(doc_name)
            if seq in failed_seq:
                continue
            if isinstance(part, Failed):
                failed_seq.add(seq)
            writer.part(seq, part)
        writer.finish()
    if not names:
        raise BadInput(f"{name}: no documents (expected the JSON lines of 'mickb extract')")
    report.seconds = time.perf_counter() - start
    return report


__all__ = [
    "IngestOutcome",
    "extract_jsonl",
    "extract_records",
    "load_records",
    "parts_of_records",
    "records_of_parts",
]
