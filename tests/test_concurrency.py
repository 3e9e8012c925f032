"""Several writers at once: every document lands, none fails on "database is locked"."""

from __future__ import annotations

import multiprocessing
import traceback
from pathlib import Path

from kbfactory import doc, fact

from mickb.kb.store import KB

WRITERS = 4
DOCS_EACH = 6


def _writer(path: str, number: int, start: object, results: object) -> None:
    try:
        start.wait(30)  # type: ignore[attr-defined]
        for i in range(DOCS_EACH):
            # Each writer opens the KB per document, as separate `mickb ingest` runs would.
            with KB.open(Path(path), create=True, timeout=30) as kb:
                text = (
                    f"Báo cáo số {number}-{i}: doanh thu của doanh nghiệp {number} "
                    f"quý {i + 1} đạt {100 + number * 10 + i} tỷ đồng."
                )
                document = doc(text, url=f"https://example.vn/{number}/{i}")
                value_text = f"{100 + number * 10 + i} tỷ đồng"
                figure = fact(document, value_text, 100 + number * 10 + i, "tỷ đồng", "doanh thu")
                result = kb.add_document(document, [figure], [])
                results.put((number, i, result.status))  # type: ignore[attr-defined]
    except Exception:  # report it to the parent, which fails the test with it
        results.put((number, -1, traceback.format_exc()))  # type: ignore[attr-defined]


def test_four_writers_at_once_all_land(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "kb.sqlite"
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    processes = [
        context.Process(target=_writer, args=(str(path), n, start, results)) for n in range(WRITERS)
    ]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in range(WRITERS * DOCS_EACH)]
    for process in processes:
        process.join(60)
    failures = [o for o in outcomes if o[1] == -1]
    assert failures == []
    assert sorted(o[2] for o in outcomes) == ["added"] * (WRITERS * DOCS_EACH)
    with KB.open(path, readonly=True) as kb:
        values = sorted(r["value"] for r in kb.iter_records())
        assert len(kb.sources()) == WRITERS * DOCS_EACH
    assert values == sorted(100 + n * 10 + i for n in range(WRITERS) for i in range(DOCS_EACH))


def test_a_reader_is_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    first = doc("Doanh thu bưu chính đạt 50 tỷ đồng.", url="https://example.vn/a")
    with KB.open(path, create=True) as kb:
        kb.add_document(first, [fact(first, "50 tỷ đồng", 50, "tỷ đồng", "doanh thu")], [])
    writer = KB.open(path)
    with writer._write():  # a long ingest holds the write lock
        writer.connection.execute("INSERT INTO sources (id, sha256) VALUES ('sb', 'bb')")
        with KB.open(path, readonly=True, timeout=0.2) as reader:
            assert [s["id"] for s in reader.sources()] == [f"s{first.sha256[:11]}"]
    writer.close()
