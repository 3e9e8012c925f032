"""Hand-made documents and records for store/search tests, independent of the extractors.

`doc(text)` splits a text the test writes into passages (blank lines) and sentences; `fact()`
and `quote()` place a record on the sentence that contains its words, so tests state only
what a reader would see in the text.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from mickb.records import Document, Fact, Passage, Quote, Sentence, SourceMeta, Speaker
from mickb.text.fold import nfc

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def doc(text: str, **meta: Any) -> Document:
    text = nfc(text.strip())
    passages: list[Passage] = []
    sentences: list[Sentence] = []
    offset = 0
    for number, block in enumerate(re.split(r"\n\s*\n", text)):
        start = text.index(block, offset)
        offset = start + len(block)
        passages.append(Passage(number, "body", block, start, offset))
        inner = 0
        for piece in _SENTENCE_END.split(block):
            at = block.index(piece, inner)
            inner = at + len(piece)
            sentences.append(Sentence(number, len(sentences), piece, at, inner))
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(SourceMeta(**meta), text, passages, sentences, sha)


def _sentence_with(document: Document, needle: str) -> Sentence:
    for sentence in document.sentences:
        if needle in sentence.text:
            return sentence
    raise AssertionError(f"no sentence contains {needle!r}")


def fact(
    document: Document,
    value_text: str,
    value: float,
    unit: str,
    metric: str,
    *,
    after: str = "",
    measure: str = "level",
    **fields: Any,
) -> Fact:
    """The figure `value_text` in the sentence containing `after + ... + value_text`."""
    sentence = _sentence_with(document, value_text if not after else after)
    start = sentence.text.index(value_text, sentence.text.index(after) if after else 0)
    return Fact(
        metric=metric,
        measure=measure,  # type: ignore[arg-type]
        value=value,
        unit=unit,
        value_text=value_text,
        sentence=sentence.text,
        sentence_ordinal=sentence.ordinal,
        span=(start, start + len(value_text)),
        **fields,
    )


def quote(
    document: Document, text: str, name: str | None, role: str | None, form: str = "direct"
) -> Quote:
    sentence = _sentence_with(document, text)
    start = sentence.text.index(text)
    return Quote(
        text=text,
        speaker=Speaker(name, role),
        form=form,  # type: ignore[arg-type]
        sentence=sentence.text,
        sentence_ordinal=sentence.ordinal,
        span=(start, start + len(text)),
    )


# A report in the seed's style (the same kinds of figures, hedges and periods), in our own
# words: the contract's example queries find its figures.
TELECOM_TEXT = "\n\n".join(
    [
        ("Báo cáo tổng kết ngành thông tin và truyền thông năm 2022"),
        (
            "Lĩnh vực viễn thông: doanh thu dịch vụ viễn thông cả năm 2022 là 138.000 tỷ đồng, "
            "tăng 1,6% so với năm 2021; tỷ lệ thuê bao di động có dùng smartphone ở mức 75,80%, "
            "tăng 1,4% so năm 2021."
        ),
        (
            "Về kinh tế số, năm 2022 kinh tế số ước chiếm khoảng 14,26% GDP. Riêng "
            "công nghiệp ICT ước đóng góp 34.336 triệu USD vào GDP năm 2022."
        ),
        (
            "Lĩnh vực xuất bản: ước có 3.200 đầu xuất bản phẩm điện tử được phát hành trong "
            "năm, tăng 59% so với năm 2021."
        ),
        (
            "Bộ trưởng Nguyễn Mạnh Hùng khẳng định: “Chuyển đổi số phải đi vào từng hộ gia "
            "đình”. Thủ tướng Phạm Minh Chính nhấn mạnh “không để ai bị bỏ lại phía sau” "
            "trong quá trình này."
        ),
    ]
)


def telecom_records(document: Document) -> tuple[list[Fact], list[Quote]]:
    d = document
    facts = [
        fact(
            d,
            "138.000 tỷ đồng",
            138000,
            "tỷ đồng",
            "doanh thu dịch vụ viễn thông",
            metric_en="telecommunications service revenue",
            period="2022",
            sector="viễn thông",
            base_value=138e12,
            base_unit="VND",
        ),
        fact(
            d,
            "1,6%",
            1.6,
            "%",
            "doanh thu dịch vụ viễn thông",
            measure="change",
            direction="up",
            compared_to="năm 2021",
            sector="viễn thông",
            period="2022",
            metric_en="telecommunications service revenue",
        ),
        fact(
            d,
            "75,80%",
            75.8,
            "%",
            "tỷ lệ thuê bao di động dùng smartphone",
            measure="share",
            metric_en="mobile subscribers using smartphones",
            sector="viễn thông",
            period="2022",
        ),
        fact(
            d,
            "1,4%",
            1.4,
            "%",
            "tỷ lệ thuê bao di động dùng smartphone",
            measure="change",
            direction="up",
            compared_to="năm 2021",
            sector="viễn thông",
        ),
        fact(
            d,
            "14,26%",
            14.26,
            "%",
            "tỷ trọng kinh tế số trong GDP",
            measure="share",
            metric_en="digital economy share of GDP",
            period="2022",
            sector="kinh tế số",
            qualifier="about",
        ),
        fact(
            d,
            "34.336 triệu USD",
            34336,
            "triệu USD",
            "đóng góp của công nghiệp ICT vào GDP",
            metric_en="ICT industry contribution to GDP",
            period="2022",
            sector="công nghiệp ICT",
            base_value=34336e6,
            base_unit="USD",
            qualifier="estimate",
        ),
        fact(
            d,
            "3.200",
            3200,
            "",
            "số đầu xuất bản phẩm điện tử",
            measure="count",
            metric_en="electronic publication titles",
            sector="xuất bản",
            qualifier="estimate",
        ),
        fact(
            d,
            "59%",
            59,
            "%",
            "số đầu xuất bản phẩm điện tử",
            measure="change",
            direction="up",
            compared_to="năm 2021",
            sector="xuất bản",
        ),
    ]
    quotes = [
        quote(
            d,
            "Chuyển đổi số phải đi vào từng hộ gia đình",
            "Nguyễn Mạnh Hùng",
            "Bộ trưởng Thông tin và Truyền thông",
        ),
        quote(d, "không để ai bị bỏ lại phía sau", "Phạm Minh Chính", "Thủ tướng", form="embedded"),
    ]
    return facts, quotes


def telecom_doc(**meta: Any) -> Document:
    defaults = {
        "title": "Tổng kết năm 2022",
        "date": "2022-12-18",
        "url": "https://example.vn/tong-ket-2022",
        "outlet": "Báo Thử",
        "author": "Lan",
    }
    defaults.update(meta)
    return doc(TELECOM_TEXT, **defaults)
