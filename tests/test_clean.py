"""Cleaning: metadata lines, captions, markdown, broken sentences joined, offsets kept."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mickb.ingest.clean import clean, collapse, parse_date, strip_markdown
from mickb.ingest.read import load_document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_8e6147a0301236b6.txt"

# Report text with the characters that trip text handling: both spellings of Vietnamese
# letters, marks, invisible and odd spaces, other scripts.
_PIECES = list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdđĐðÐbcghkmnqtx ,.;:!?“”\"'()–-…0123456789") + [
    "ệ", "Ộ", "ữ", "\u0300", "\u0301", "\u034f", "Σ", "İ", "ﬁ", "\u00a0", "\u2003", "\u3000",
    "中", "\u200b", "\t", "\n", "\x85",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def body(text: str, fmt: str = "txt") -> list[str]:
    return [p.text for p in clean(text, fmt)[1] if p.kind == "body"]


def test_seed_sentences_broken_across_paragraphs_are_joined() -> None:
    doc = load_document(SEED)
    texts = [p.text for p in doc.passages]
    # A few words on each side of four breaks of the shipped article, in one passage.
    for words in (
        "dịch vụ viễn thông đạt 138.000",
        "trưởng Thông tin và Truyền thông cho",
        "truyền thông, chuyển đổi số, liên quan",
        "chuyển đổi phương thức quản trị",
    ):
        assert any(words in t for t in texts), words
    # No passage starts mid-sentence with a lower-case word.
    assert not [t for t in texts if t[0].islower()]


def test_seed_offsets_point_back_to_the_original_text() -> None:
    doc = load_document(SEED)
    for passage in doc.passages:
        original = doc.raw_text[passage.start : passage.end]
        first_word = passage.text.split()[0].strip('“"*')
        assert first_word in original
    joined = next(p for p in doc.passages if "viễn thông đạt 138.000" in p.text)
    # A joined passage runs from its first part to the end of its last part.
    assert doc.raw_text[joined.start :].startswith("Một nhiệm vụ lớn ngành viễn thông")
    assert doc.raw_text[: joined.end].endswith("tăng 1,4% so năm 2021.")


def test_seed_image_placeholders_go_and_captions_stand_apart() -> None:
    doc = load_document(SEED)
    everything = " ".join(p.text for p in doc.passages)
    assert "Image not found" not in everything
    assert "**" not in everything and "\\_" not in everything and "*" not in everything
    captions = [p.text for p in doc.passages if p.kind == "caption"]
    assert len(captions) == 5
    assert captions[1] == "Quang cảnh Hội nghị (Ảnh: nhandan.vn)"
    bodies = [p.text for p in doc.passages if p.kind == "body"]
    assert not any("Ảnh: nhandan.vn" in b for b in bodies)
    # The bold lead paragraph is body text, without its emphasis.
    assert bodies[0].startswith("Sáng 18/12. tại Hà Nội,")
    assert all(unicodedata.is_normalized("NFC", p.text) for p in doc.passages)


def test_seed_title_and_meta_lines_are_not_body() -> None:
    doc = load_document(SEED)
    kinds = {p.text: p.kind for p in doc.passages}
    assert kinds["22:26 18/12/2022"] == "meta"
    assert kinds["Tác giả: Đức Thịnh"] == "meta"
    assert kinds["Theo Nhân Dân"] == "meta"
    assert doc.passages[0].kind == "title"
    assert doc.passages[-1].kind == "meta" and "Link bài viết" in doc.passages[-1].text
    # "Theo Bộ …, năm 2022, …" at the start of a paragraph is body text, not an outlet.
    assert any(p.kind == "body" and p.text.startswith("Theo Bộ Thông tin") for p in doc.passages)


def test_front_matter_gives_metadata_and_is_not_text() -> None:
    text = (
        '---\ntitle: "Bưu chính năm 2023: \\"bứt tốc\\""\ndate: "2023-12-20"\n'
        "url: https://example.vn/a\nauthor: 'Lan Anh'\noutlet: Tin Thử\n---\n"
        'Bưu chính năm 2023: "bứt tốc"\n\nSản lượng bưu gửi tăng 20%.\n'
    )
    meta, passages = clean(text, "md")
    assert meta.title == 'Bưu chính năm 2023: "bứt tốc"'
    assert meta.date == "2023-12-20"
    assert meta.url == "https://example.vn/a"
    assert meta.author == "Lan Anh"
    assert meta.outlet == "Tin Thử"
    assert [p.kind for p in passages] == ["title", "body"]
    assert passages[1].text == "Sản lượng bưu gửi tăng 20%."
    assert text[passages[1].start : passages[1].end] == "Sản lượng bưu gửi tăng 20%."


def test_markdown_syntax_is_stripped() -> None:
    assert strip_markdown("**Đậm** và *nghiêng* và _gạch_") == "Đậm và nghiêng và gạch"
    assert strip_markdown("xem <https://mic.gov.vn/a_b>") == "xem https://mic.gov.vn/a_b"
    assert strip_markdown("[Bộ TT&TT](https://mic.gov.vn) công bố") == "Bộ TT&TT công bố"
    assert strip_markdown("ten\\_bien và 3 \\* 4") == "ten_bien và 3 * 4"
    assert strip_markdown("ten_bien_so giữ nguyên") == "ten_bien_so giữ nguyên"
    assert strip_markdown("![ảnh](a.jpg)Chữ") == "Chữ"


def test_markdown_paragraphs_wrap_lines_and_headings_stand_alone() -> None:
    text = (
        "# Tiêu đề bài\n\nDoanh thu toàn ngành năm 2023 ước đạt\n4 triệu tỷ đồng, tăng 8%.\n\n"
        "## Lĩnh vực bưu chính\n\nSản lượng tăng 20%.\n"
    )
    meta, passages = clean(text, "md")
    assert meta.title == "Tiêu đề bài"
    assert [(p.kind, p.text) for p in passages] == [
        ("title", "Tiêu đề bài"),
        ("body", "Doanh thu toàn ngành năm 2023 ước đạt 4 triệu tỷ đồng, tăng 8%."),
        ("body", "Lĩnh vực bưu chính"),
        ("body", "Sản lượng tăng 20%."),
    ]


def test_a_short_heading_line_is_not_glued_to_the_next_paragraph() -> None:
    text = "Tiêu đề\nĐoạn một kết thúc ở đây.\nThị trường lao động\nTỷ lệ thất nghiệp tăng.\n"
    assert body(text) == [
        "Đoạn một kết thúc ở đây.",
        "Thị trường lao động",
        "Tỷ lệ thất nghiệp tăng.",
    ]


def test_a_broken_word_and_a_broken_clause_are_joined_but_sentences_are_not() -> None:
    text = (
        "Doanh thu dịch vụ viễn\n\nthông đạt 100 tỷ đồng.\n\n"
        "Kết quả được công bố,\n\n\n\nsau khi kiểm toán.\n\nCâu mới bắt đầu.\n"
    )
    assert body(text) == [
        "Doanh thu dịch vụ viễn thông đạt 100 tỷ đồng.",
        "Kết quả được công bố, sau khi kiểm toán.",
        "Câu mới bắt đầu.",
    ]


def test_bylines_dates_and_sources_are_metadata() -> None:
    text = (
        "Tiêu đề thử\n\nThứ Hai, 05/06/2023 08:15 (GMT+7)\n\nTác giả: Ngọc Mai\n\n"
        "Năm 2023, doanh thu tăng 5%.\n\nTheo VnExpress\n\nNguồn: https://vnexpress.net/a\n"
    )
    meta, passages = clean(text, "txt")
    assert (meta.date, meta.author, meta.outlet, meta.url) == (
        "2023-06-05",
        "Ngọc Mai",
        "VnExpress",
        "https://vnexpress.net/a",
    )
    assert [p.kind for p in passages] == ["title", "meta", "meta", "body", "meta", "meta"]


def test_parse_date_reads_the_common_forms() -> None:
    assert parse_date("22:26 18/12/2022") == "2022-12-18"
    assert parse_date("2023-01-02T10:00:00+07:00") == "2023-01-02"
    assert parse_date("ngày 5 tháng 6 năm 2023") == "2023-06-05"
    assert parse_date("31/02/20") is None


@given(_TEXTS)
def test_collapse_leaves_single_spaces_and_no_invisible_ones(text: str) -> None:
    out = collapse(text)
    assert out == " ".join(out.split())
    assert not set(out) & set("\u200b\u200c\u200d\u2060\ufeff")
    assert out.split() == collapse(" ".join(text.split())).split()


# --- issue 12: a plain-text article's first short line is its title --------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Vì sao giá cước 5G chưa giảm?",
        "Bưu chính bứt tốc trong quý cuối năm!",
        "Chuyển đổi số cấp xã: bắt đầu từ đâu.",
        "Ba bài học từ mạng lưới bưu điện văn hóa xã:",
        "Thuê bao băng rộng tăng mạnh",
    ],
)
def test_first_short_line_is_the_title_whatever_ends_it(first: str) -> None:
    text = f"{first}\n\nNăm 2024, số thuê bao băng rộng cố định đạt 23,8 triệu thuê bao.\n"
    meta, passages = clean(text, "txt")
    assert meta.title == first
    assert [p.kind for p in passages] == ["title", "body"]


def test_a_long_first_paragraph_is_not_a_title() -> None:
    lead = (
        "Theo báo cáo của Sở Thông tin và Truyền thông, trong 6 tháng đầu năm nay toàn tỉnh đã "
        "lắp đặt thêm 180 trạm phát sóng 5G, nâng tổng số trạm lên hơn 1.200 trạm, phủ sóng tới "
        "hầu hết các khu công nghiệp và trung tâm huyện."
    )
    meta, passages = clean(f"{lead}\n\nCác doanh nghiệp cam kết tiếp tục đầu tư.\n", "txt")
    assert meta.title is None and passages[0].kind == "body"


def test_a_lone_line_is_not_a_title() -> None:
    meta, passages = clean("Năm 2024, doanh thu bưu chính đạt 276 tỷ đồng.\n", "txt")
    assert meta.title is None and [p.kind for p in passages] == ["body"]


# --- table rows and the file's own date ------------------------------------------------------


def test_table_rows_stay_whole_and_apart() -> None:
    text = (
        "Các chỉ tiêu chính của ngành trong năm\n\n"
        "| Chỉ tiêu | Năm 2024 |\n|---|---:|\n| doanh thu bưu chính | 276 tỷ đồng |\n"
        "| thuê bao băng rộng | 23,8 triệu thuê bao |\n\nSở sẽ tiếp tục theo dõi.\n"
    )
    _, passages = clean(text, "md")
    assert [p.text for p in passages if p.kind == "body"] == [
        "Chỉ tiêu | Năm 2024",
        "doanh thu bưu chính | 276 tỷ đồng",
        "thuê bao băng rộng | 23,8 triệu thuê bao",
        "Sở sẽ tiếp tục theo dõi.",
    ]


def test_created_date_fills_in_only_when_the_text_states_none() -> None:
    head = '---\ntitle: "Báo cáo quý II"\ncreated: "2024-07-02"\n---\n\n'
    meta, _ = clean(head + "Doanh thu đạt 95 tỷ đồng.\n", "txt")
    assert meta.date == "2024-07-02"
    meta, _ = clean(head + "Hà Nội, ngày 28 tháng 6 năm 2024\n\nDoanh thu đạt 95 tỷ đồng.\n", "txt")
    assert meta.date == "2024-06-28"


def test_a_number_on_the_next_line_goes_on_a_sentence_left_open() -> None:
    # a plain-text file broke "tăng bình quân 18%/năm" across two lines; a heading followed by a
    # paragraph that opens with a number stays apart
    from mickb.ingest.clean import clean

    text = (
        "Kết quả kinh doanh\n\n"
        "Giai đoạn 2021-2023, lợi nhuận của Vinatel đạt 9.870 tỷ đồng, tăng bình quân\n\n"
        "18%/năm.\n\n"
        "Hạ tầng mạng lưới\n\n"
        "2.150 trạm phát sóng mới được lắp đặt trong năm.\n"
    )
    _, passages = clean(text, "txt")
    texts = [p.text for p in passages]
    assert any(t.endswith("tăng bình quân 18%/năm.") for t in texts), texts
    assert "Hạ tầng mạng lưới" not in " ".join(t for t in texts if "2.150" in t)
