"""docs/scale.md's recipe on a 2-worker local Dask cluster: extract in parallel, load into one
KB, and the KB is the one `mickb ingest` makes. Skipped without the `[dask]` extra."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from test_jobs import write_folder  # noqa: E402

from mickb.ingest.jsonl import extract_jsonl, load_records  # noqa: E402
from mickb.ingest.pipeline import expand_sources, ingest  # noqa: E402
from mickb.kb.store import KB  # noqa: E402


@pytest.mark.slow
def test_a_dask_bag_extracts_and_one_kb_loads(tmp_path: Path) -> None:
    import dask.bag
    from distributed import Client, LocalCluster

    folder = write_folder(tmp_path / "archive", 8)
    (folder / "hong.txt").write_bytes(b"\x00\x01\x02 not text" * 10)
    found, _ = expand_sources([folder])
    paths = [str(p) for p in found]
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        bag = dask.bag.from_sequence(paths, npartitions=4).map(extract_jsonl).flatten()
        bag.to_textfiles(str(tmp_path / "records" / "*.jsonl"), name_function=lambda i: f"{i:05d}")
    parts = sorted((tmp_path / "records").glob("*.jsonl"))
    assert len(parts) > 1  # each partition extracted by a worker, written in order

    def lines():
        for part in parts:
            with part.open(encoding="utf-8") as stream:
                yield from stream

    with KB.open(tmp_path / "loaded.sqlite", create=True) as kb:
        report = load_records(kb, lines())
    assert [o.status for o in report.outcomes].count("added") == 8
    [failed] = report.failed
    assert failed.path.endswith("hong.txt") and "binary" in (failed.error or "")

    with KB.open(tmp_path / "ingested.sqlite", create=True) as kb:
        ingest(kb, [folder])
    for table in ("passages", "facts", "quotes", "speakers", "terms"):
        a, b = (
            sqlite3.connect(tmp_path / name).execute(f"SELECT * FROM {table}").fetchall()
            for name in ("ingested.sqlite", "loaded.sqlite")
        )
        assert a == b, table
