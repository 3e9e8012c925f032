"""Sentence splitting for Vietnamese news text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mickb.ingest.read import load_document, load_text
from mickb.ingest.split import split_sentences, split_text
from mickb.records import Passage

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_8e6147a0301236b6.txt"

# Report text with the characters that trip text handling: both spellings of Vietnamese
# letters, marks, invisible and odd spaces, other scripts.
_PIECES = list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdđĐðÐbcghkmnqtx ,.;:!?“”\"'()–-…0123456789") + [
    "ệ", "Ộ", "ữ", "\u0300", "\u0301", "\u034f", "Σ", "İ", "ﬁ", "\u00a0", "\u2003", "\u3000",
    "中", "\u200b", "\t", "\n", "\x85",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_text(text)]


def test_numbers_abbreviations_and_urls_do_not_end_sentences() -> None:
    text = (
        "Doanh thu đạt 3.893.595 tỷ đồng, tăng 12,7%. TS. Nguyễn Văn An tại TP. Hồ Chí Minh "
        "cho biết mạng 5G phủ Q. 1, Q. 3 v.v. trong năm nay. Xem tại https://mic.gov.vn/a.b "
        "để biết thêm. Hết."
    )
    assert sentences(text) == [
        "Doanh thu đạt 3.893.595 tỷ đồng, tăng 12,7%.",
        "TS. Nguyễn Văn An tại TP. Hồ Chí Minh cho biết mạng 5G phủ Q. 1, Q. 3 v.v. trong năm nay.",
        "Xem tại https://mic.gov.vn/a.b để biết thêm.",
        "Hết.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = '"Chúng tôi sẽ làm." Ông nói thêm. “Năm tới khó hơn!” Bà hỏi: "Vì sao?" rồi đi.'
    assert sentences(text) == [
        '"Chúng tôi sẽ làm."',
        "Ông nói thêm.",
        "“Năm tới khó hơn!”",
        'Bà hỏi: "Vì sao?" rồi đi.',
    ]


def test_ellipsis_ends_a_sentence_only_before_a_new_one() -> None:
    assert sentences("Kinh tế ổn định... Có được thành tựu đó là nhờ nỗ lực.") == [
        "Kinh tế ổn định...",
        "Có được thành tựu đó là nhờ nỗ lực.",
    ]
    assert sentences("cách nghĩ, cách làm..., do đó, phải đổi mới.") == [
        "cách nghĩ, cách làm..., do đó, phải đổi mới."
    ]
    assert sentences("Chiều 5/3. tại Đà Nẵng, hội nghị khai mạc.") == [
        "Chiều 5/3. tại Đà Nẵng, hội nghị khai mạc."
    ]


def test_ordinals_are_global_and_offsets_are_inside_the_passage() -> None:
    passages = [
        Passage(0, "body", "Câu một. Câu hai.", 0, 17),
        Passage(1, "body", "Câu ba tăng 5%", 19, 33),
    ]
    result = split_sentences(passages)
    assert [(s.passage, s.ordinal, s.text) for s in result] == [
        (0, 0, "Câu một."),
        (0, 1, "Câu hai."),
        (1, 2, "Câu ba tăng 5%"),
    ]
    for s in result:
        assert passages[s.passage].text[s.start : s.end] == s.text


def test_a_subheading_glued_to_the_end_of_a_paragraph_is_a_sentence_of_its_own() -> None:
    doc = load_text(
        "Sáng 12/9, tại Cần Thơ, Tổng công ty Bưu điện tổ chức lễ kỷ niệm 30 năm thành lập.\n\n"
        "Tại buổi lễ, Thứ trưởng trao bằng khen cho 20 tập thể. Năm 2023, doanh thu bưu chính "
        "của tổng công ty tăng 18%\n\n"
        "Theo báo cáo của tổng công ty, năm 2023 thị trường bưu chính phục hồi rõ rệt.\n"
    )
    assert [s.text for s in doc.sentences][1:] == [
        "Tại buổi lễ, Thứ trưởng trao bằng khen cho 20 tập thể.",
        "Năm 2023, doanh thu bưu chính của tổng công ty tăng 18%",
        "Theo báo cáo của tổng công ty, năm 2023 thị trường bưu chính phục hồi rõ rệt.",
    ]


def test_seed_glued_subheading_is_a_sentence_of_its_own() -> None:
    texts = [s.text for s in load_document(SEED).sentences]
    glued = [t for t in texts if t.startswith("Năm 2022, doanh thu ngành")]
    assert len(glued) == 1 and glued[0].endswith("Truyền thông tăng 12,7%")
    # A sentence broken across two paragraphs is one sentence.
    assert any(t.startswith("Năm 2022, doanh thu dịch vụ") and "đạt 138.000" in t for t in texts)


@given(_TEXTS)
def test_no_sentence_span_is_blank(text: str) -> None:
    for start, end in split_text(text):
        assert text[start:end].strip()
