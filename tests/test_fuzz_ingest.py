"""Random text through the whole pipeline (read, clean, split, extract, store): no crash,
and every stored record points back at text that is really in the document."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mickb.ingest.document import extract
from mickb.ingest.read import load_text
from mickb.kb.store import KB

PIECES = st.sampled_from(
    [
        "Năm 2023, ",
        "doanh thu ",
        "dịch vụ viễn thông ",
        "ước đạt ",
        "khoảng ",
        "gần ",
        "hơn ",
        "12.345 tỷ đồng",
        "1,6%",
        "tăng ",
        "giảm ",
        "so với năm 2022",
        "; ",
        ". ",
        ", ",
        "\n\n",
        "“",
        "”",
        '"',
        "ông Trần Văn Nam, Giám đốc, cho biết",
        ": ",
        "3/4 chỉ tiêu",
        "**",
        "*",
        "Image not found or type unknown",
        "# ",
        "Theo Tin Thử",
        "gấp 1,5 lần",
        "18-20%",
        "4,33 triệu người",
        "ngày 9/11/2022",
        "Quyết định số 12/QĐ-TTg",
        "$3.5 billion",
        "🙂",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.one_of(PIECES, st.text(max_size=6)), min_size=1, max_size=80),
    st.sampled_from(["txt", "md", "html"]),
)
def test_random_documents_ingest_without_crashing(
    tmp_path: Path, parts: list[str], fmt: str
) -> None:
    text = "".join(parts)
    if not text.strip():
        return
    try:
        doc = load_text(text, fmt)
    except Exception as exc:  # only the named refusal is allowed
        from mickb.errors import UnreadableDocument

        assert isinstance(exc, UnreadableDocument)
        return
    facts, quotes = extract(doc)
    for fact in facts:
        assert fact.sentence[fact.span[0] : fact.span[1]] == fact.value_text
    kb = KB.open(tmp_path / f"kb-{abs(hash(text))}.sqlite", create=True)
    try:
        result = kb.add_document(doc, facts, quotes)
        assert result.status in ("added", "unchanged")
        records = list(kb.iter_records())
        assert len(records) == len({r["id"] for r in records})
    finally:
        kb.close()
