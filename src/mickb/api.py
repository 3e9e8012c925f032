"""The library's front door for scripts: the same operations as the CLI, returning data.

import mickb
with mickb.open_kb() as kb:            # the KB the CLI would read
    for hit in mickb.find(kb, "doanh thu viễn thông 2022"):
        print(hit.record["value_text"], hit.score)
    print(mickb.check(kb, "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng")["verdict"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from mickb.ingest.pipeline import IngestReport
    from mickb.kb.store import KB
    from mickb.query.search import Hit
    from mickb.records import CheckResult


def open_kb(path: str | Path | None = None, *, readonly: bool = True) -> KB:
    """Open a KB: `path`, else $MICKB_DB, else the user's KB, else the shipped one."""
    from mickb.kb.paths import kb_for_reading, kb_for_writing
    from mickb.kb.store import KB

    if readonly:
        return KB.open(kb_for_reading(path), readonly=True)
    target, _ = kb_for_writing(path)
    return KB.open(target, create=True)


def find(kb: KB, query: str, **filters: Any) -> list[Hit]:
    """Ranked facts and quotes for a query.

    Filters: kind, sector, speaker, period, source, limit (as `mickb find`).
    """
    from mickb.query.search import find as _find

    return _find(kb, query, **filters)


def check(kb: KB, claim: str) -> CheckResult:
    """The contract's `check --json` result for one claim."""
    from mickb.query.check import check_claim

    return check_claim(kb, claim)


def verify_quote(kb: KB, text: str, by: str | None = None) -> dict[str, Any]:
    """The contract's `quote --json` result."""
    from mickb.query.verify import verify_quote as _verify

    return _verify(kb, text, by=by)


def ingest(kb: KB, paths: list[str | Path], **meta: str | None) -> IngestReport:
    """Add documents: files, folders or http(s) URLs (title/date/url/outlet/author fill in
    what a document does not state)."""
    from mickb.ingest.pipeline import ingest as _ingest
    from mickb.records import SourceMeta

    return _ingest(kb, paths, SourceMeta(**meta))


def build(sources: str | Path, output: str | Path) -> IngestReport:
    """Rebuild `output` from a folder of sources, deterministically."""
    from pathlib import Path

    from mickb.ingest.pipeline import build as _build

    return _build(Path(sources), Path(output))
