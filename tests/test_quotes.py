"""Quotes and speakers, as a reader of the article would attribute them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mickb.ingest.extract.quotes import extract_quotes, people
from mickb.ingest.read import load_document, load_text
from mickb.records import Quote

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_8e6147a0301236b6.txt"


@pytest.fixture(scope="module")
def seed_quotes() -> list[Quote]:
    return extract_quotes(load_document(SEED))


def quote_starting(quotes: list[Quote], words: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(words)]
    assert len(matches) == 1, [q.text[:40] for q in quotes]
    return matches[0]


def only(text: str, fmt: str = "txt") -> list[tuple[str, str | None, str | None, str]]:
    return [
        (q.text, q.speaker.name, q.speaker.role, q.form)
        for q in extract_quotes(load_text(text, fmt))
    ]


# --- the seed ---------------------------------------------------------------------------
# Run on the shipped article; the same attributions are tested word for word on the report
# written below, so these only pin a few words at each quote's edges.


def test_seed_prime_minister_quotes_resolve_to_his_name(seed_quotes: list[Quote]) -> None:
    for first, last, words in (
        ("kiểm đếm được,", "cụ thể", 8),
        ("điện đi đến đâu,", "đi đến đó", 9),
        ("không để ai", "phía sau", 8),
    ):
        q = quote_starting(seed_quotes, first)
        assert q.text.endswith(last) and len(q.text.split()) == words
        assert (q.speaker.name, q.speaker.role, q.form) == (
            "Phạm Minh Chính",
            "Thủ tướng",
            "embedded",
        )


def test_seed_minister_quote_runs_across_two_paragraphs(seed_quotes: list[Quote]) -> None:
    q = quote_starting(seed_quotes, "10 năm tới sẽ là")
    assert q.speaker.name == "Nguyễn Mạnh Hùng"
    assert q.speaker.role == "Bộ trưởng Thông tin và Truyền thông"
    assert q.form == "direct"
    assert q.sentence.endswith("”, Bộ trưởng Nguyễn Mạnh Hùng khẳng định.")
    assert "sang “Make in Việt Nam”." in q.text  # nested quote kept
    assert q.text.endswith("Với tinh thần chiến binh, chúng tôi xin nhận mọi nhiệm vụ được giao")


def test_seed_four_quotes_of_le_quoc_minh(seed_quotes: list[Quote]) -> None:
    minh = [q for q in seed_quotes if q.speaker.name == "Lê Quốc Minh"]
    assert [q.text[:30] for q in minh] == [
        "Đặc biệt, trong thời gian diễn",
        "Đầu tháng 11 vừa qua, chúng tô",
        "Chúng tôi đã tổ chức lần đầu t",
        "Vậy các cơ quan báo Đảng phải ",
    ]
    assert all(q.form == "direct" for q in minh)
    roles = (minh[0].speaker.role or "").split(", ")
    assert len(roles) == 4 and roles[0] == "Ủy viên Trung ương Đảng"
    assert roles[-1] == "Chủ tịch Hội Nhà báo Việt Nam"
    assert '"Nâng cao chất lượng' in minh[1].text  # nested quotes stay inside
    assert minh[1].text.endswith("lãnh đạo Đảng, Nhà nước")
    # A quoted paragraph, then a paragraph that closes the quote without re-opening it.
    assert "thu,... Chúng tôi cũng" in minh[2].text
    assert minh[2].text.endswith("nền tảng của cơ quan báo Đảng")
    # After "đặt vấn đề:", a quote whose paragraph break was repaired.
    assert "địa phương những ứng dụng công nghệ" in minh[3].text
    assert minh[3].text.endswith("báo Đảng, báo của nhân dân")


def test_seed_scare_quotes_are_not_quotes(seed_quotes: list[Quote]) -> None:
    texts = {q.text for q in seed_quotes}
    for term in ("báo hóa", "tư nhân hóa", "mở cõi", "Make in Việt Nam", "giật cục"):
        assert term not in texts
    assert "nằm trong ngăn kéo" not in texts
    # Names of events, in straight quotes inside a quote.
    assert not any(q.text.startswith("Nâng cao chất lượng báo") for q in seed_quotes)
    assert not any(q.text.startswith("vừa tập trung phòng, chống") for q in seed_quotes)


def test_seed_quote_ids_are_stable_and_unique(seed_quotes: list[Quote]) -> None:
    again = extract_quotes(load_document(SEED))
    assert [q.id for q in again] == [q.id for q in seed_quotes]
    assert len({q.id for q in seed_quotes}) == len(seed_quotes)
    assert all(q.id.startswith("q") and len(q.id) == 12 for q in seed_quotes)


def test_seed_people_and_their_roles() -> None:
    registry = people(load_document(SEED))
    assert registry["Nguyễn Mạnh Hùng"] == [
        "Bộ trưởng Thông tin và Truyền thông",
        "Ủy viên Trung ương Đảng",
    ]
    assert registry["Võ Văn Thường"] == ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]
    assert registry["Nguyễn Phú Trọng"] == ["Tổng Bí thư"]


# --- a whole report in the seed's style, written for these tests ---------------------------
# A leader named once and then called by his title, a minister's quote that runs over two
# paragraphs with a quote nested in it, a speaker with four roles, straight quotes nested in
# straight quotes, a quoted paragraph closed in the next one, a sentence broken by a blank
# line inside a quote, and scare quotes around terms and names of events.

REPORT = "\n\n".join(
    [
        "Giao thông vận tải năm 2024: hạ tầng đi trước, dịch vụ theo sau",
        "Sáng 20/12, tại Đà Nẵng, Bộ Giao thông vận tải tổ chức hội nghị tổng kết năm "
        "2024. Bộ trưởng Giao thông vận tải Đoàn Hữu Phong chủ trì hội nghị; Phó Thủ tướng "
        "Trần Quang Vinh dự và phát biểu chỉ đạo.",
        "Phó Thủ tướng yêu cầu các công trình trọng điểm của ngành phải “đo đếm được, có sản "
        "phẩm cụ thể”; đề nghị Bộ phối hợp với các địa phương mở đường tới vùng sâu, vùng xa, "
        "“đường đến đâu, xe buýt đến đó”, để người dân ở đâu cũng đi lại thuận tiện.",
        "Năm 2025, ngành sẽ khởi công thêm ba tuyến cao tốc và đưa vận tải đường sắt “lên "
        "đời”. “Năm năm tới sẽ là giai đoạn chuyển mạnh từ xây mới sang khai thác, từ làm "
        "đường sang làm dịch vụ và nhất là từ vận tải truyền thống sang “vận tải xanh”.",
        "Ngành giao thông luôn tự đặt cho mình những mục tiêu cao hơn để vượt lên. Việc càng "
        "khó càng phải làm. Chúng tôi sẵn sàng nhận những công trình khó nhất”, Bộ trưởng "
        "Đoàn Hữu Phong khẳng định.",
        "Tại hội nghị, đồng chí Phan Đức Long, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở "
        "Giao thông vận tải, Phó Trưởng ban An toàn giao thông tỉnh, Chủ tịch Hội Vận tải "
        "tỉnh Quảng Nam, trình bày tham luận về vận tải công cộng.",
        '"Từ đầu năm, một nhóm trực tuyến nối lãnh đạo tất cả các sở giao thông trong khu vực '
        "đã được chúng tôi lập ra. Nhờ vậy, sự cố trên các quốc lộ được xử lý nhanh hơn hẳn. "
        'Đến nay nhóm vẫn hoạt động đều đặn", đồng chí Phan Đức Long nói.',
        '"Hồi tháng 10, chúng tôi đã mở diễn đàn "Vận tải công cộng cho đô thị loại '
        'hai" tại Hội An, thu hút đông đảo doanh nghiệp. Cũng trong tháng 10, sở đã phát động '
        'phong trào "Mỗi tuyến xe buýt một địa chỉ tin cậy", được nhiều huyện trong tỉnh '
        'hưởng ứng", đồng chí Phan Đức Long cho biết.',
        '"Lần đầu tiên, chúng tôi đã khảo sát toàn bộ các tuyến xe buýt trong tỉnh, từ tần '
        'suất chạy xe, giá vé, chất lượng phương tiện đến mức độ hài lòng của hành khách,..."',
        "Chúng tôi cũng đã hỏi hành khách cần gì ở xe buýt; những trở ngại khi đi bằng phương "
        "tiện công cộng; các đề xuất cải tiến; những bất tiện khi chuyển tuyến của người dân "
        'vùng ven", đồng chí Phan Đức Long chia sẻ.',
        'Đồng chí đặt vấn đề: "Vậy ngành vận tải cần làm gì? Chúng tôi thống nhất rằng xe '
        "buýt phải đúng giờ, sạch sẽ và an toàn. Sở luôn sẵn lòng chuyển giao cho các huyện những",
        "phần mềm điều hành mới. Vận tải công cộng phải thực sự là lựa chọn đầu tiên của người "
        'dân".',
    ]
)


@pytest.fixture(scope="module")
def report_quotes() -> list[Quote]:
    return extract_quotes(load_text(REPORT))


def test_a_leader_called_by_his_title_speaks_the_fragments(report_quotes: list[Quote]) -> None:
    embedded = [(q.text, q.speaker.name, q.speaker.role) for q in report_quotes[:2]]
    assert embedded == [
        ("đo đếm được, có sản phẩm cụ thể", "Trần Quang Vinh", "Phó Thủ tướng"),
        ("đường đến đâu, xe buýt đến đó", "Trần Quang Vinh", "Phó Thủ tướng"),
    ]
    assert all(q.form == "embedded" for q in report_quotes[:2])


def test_a_quote_left_open_runs_into_the_next_paragraph(report_quotes: list[Quote]) -> None:
    q = quote_starting(report_quotes, "Năm năm tới")
    assert (q.speaker.name, q.speaker.role, q.form) == (
        "Đoàn Hữu Phong",
        "Bộ trưởng Giao thông vận tải",
        "direct",
    )
    # The nested quote stays in, the paragraphs join with one space, the attribution is out.
    assert "sang “vận tải xanh”. Ngành giao thông luôn" in q.text
    assert q.text.endswith("Chúng tôi sẵn sàng nhận những công trình khó nhất")
    assert q.sentence.endswith("khó nhất”, Bộ trưởng Đoàn Hữu Phong khẳng định.")


def test_four_quotes_of_a_speaker_with_four_roles(report_quotes: list[Quote]) -> None:
    long = [q for q in report_quotes if q.speaker.name == "Phan Đức Long"]
    assert [q.text[:24] for q in long] == [
        "Từ đầu năm, một nhóm trự",
        "Hồi tháng 10, chúng tôi ",
        "Lần đầu tiên, chúng tôi ",
        "Vậy ngành vận tải cần là",
    ]
    assert all(q.form == "direct" for q in long)
    assert long[0].speaker.role == (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Giao thông vận tải, Phó Trưởng ban An toàn "
        "giao thông tỉnh, Chủ tịch Hội Vận tải tỉnh Quảng Nam"
    )
    # Straight quotes inside straight quotes stay inside the outer quote.
    assert '"Mỗi tuyến xe buýt một địa chỉ tin cậy"' in long[1].text
    assert long[1].text.endswith("được nhiều huyện trong tỉnh hưởng ứng")
    # A wholly quoted paragraph, then a paragraph that closes it without re-opening it.
    assert "của hành khách,... Chúng tôi cũng đã hỏi" in long[2].text
    assert long[2].text.endswith("những bất tiện khi chuyển tuyến của người dân vùng ven")
    # "Đồng chí đặt vấn đề:" before the quote; the blank line inside it was repaired.
    assert "chuyển giao cho các huyện những phần mềm điều hành mới." in long[3].text
    assert long[3].text.endswith("lựa chọn đầu tiên của người dân")


def test_report_terms_and_event_names_in_quote_marks_are_not_quotes(
    report_quotes: list[Quote],
) -> None:
    texts = {q.text for q in report_quotes}
    assert len(report_quotes) == 7
    for term in (
        "lên đời",
        "vận tải xanh",
        "Vận tải công cộng cho đô thị loại hai",
        "Mỗi tuyến xe buýt một địa chỉ tin cậy",
    ):
        assert term not in texts


def test_report_people_and_their_roles() -> None:
    registry = people(load_text(REPORT))
    assert registry["Đoàn Hữu Phong"] == ["Bộ trưởng Giao thông vận tải"]
    assert registry["Trần Quang Vinh"] == ["Phó Thủ tướng"]
    assert registry["Phan Đức Long"][1] == "Giám đốc Sở Giao thông vận tải"


# --- attribution patterns, in sentences written for these tests ---------------------------


def test_attribution_after_with_name_and_appositive_role() -> None:
    assert only(
        "“Chúng tôi sẽ không dừng lại ở con số này”, bà Trần Thị Bích, Tổng giám đốc "
        "Công ty Viễn thông Sao Mai, nói với phóng viên."
    ) == [
        (
            "Chúng tôi sẽ không dừng lại ở con số này",
            "Trần Thị Bích",
            "Tổng giám đốc Công ty Viễn thông Sao Mai",
            "direct",
        )
    ]


def test_attribution_before_with_a_colon() -> None:
    assert only(
        "Tại hội thảo, ông Nguyễn Văn An, Giám đốc Sở Thông tin và Truyền thông Hà Nội "
        'cho biết: "Năm nay, thành phố sẽ phủ sóng 5G tại tất cả các quận."'
    ) == [
        (
            "Năm nay, thành phố sẽ phủ sóng 5G tại tất cả các quận.",
            "Nguyễn Văn An",
            "Giám đốc Sở Thông tin và Truyền thông Hà Nội",
            "direct",
        )
    ]


def test_pronouns_short_names_and_roles_resolve_to_people_named_earlier() -> None:
    text = (
        "Chuyên gia viễn thông Hoàng Minh Tuấn đánh giá cao kế hoạch này.\n"
        '"Giá cước phải đi cùng chất lượng dịch vụ", ông nói.\n'
        '"Các nhà mạng cần đầu tư thêm trạm phát sóng", ông Tuấn nói.\n'
        'Chuyên gia này cho rằng: "Thương mại hóa 5G cần thêm thời gian."\n'
        "Thứ trưởng Phan Tâm dự hội thảo.\n"
        '"Chúng tôi sẽ sửa quy định về tần số", Thứ trưởng khẳng định.\n'
    )
    assert [(q[0][:20], q[1]) for q in only(text)] == [
        ("Giá cước phải đi cùn", "Hoàng Minh Tuấn"),
        ("Các nhà mạng cần đầu", "Hoàng Minh Tuấn"),
        ("Thương mại hóa 5G cầ", "Hoàng Minh Tuấn"),
        ("Chúng tôi sẽ sửa quy", "Phan Tâm"),
    ]


def test_a_speaker_known_only_by_role_has_no_name() -> None:
    assert only(
        '"Số liệu quý này phản ánh đúng khó khăn của thị trường lao động", đại diện '
        "Tổng cục Thống kê nhận định."
    ) == [
        (
            "Số liệu quý này phản ánh đúng khó khăn của thị trường lao động",
            None,
            "đại diện Tổng cục Thống kê",
            "direct",
        )
    ]


def test_a_quote_interrupted_by_its_attribution_gives_two_parts() -> None:
    result = only('"Năm nay khó khăn", ông Vũ Văn Hải nói, "nhưng chúng tôi vẫn tăng trưởng".')
    assert [(t, n) for t, n, _, _ in result] == [
        ("Năm nay khó khăn", "Vũ Văn Hải"),
        ("nhưng chúng tôi vẫn tăng trưởng", "Vũ Văn Hải"),
    ]


def test_a_quote_reopened_on_each_paragraph_is_one_quote() -> None:
    text = (
        "Ông Đỗ Minh Khoa, Viện trưởng Viện Kinh tế số, nhận định về thị trường.\n\n"
        '"Doanh thu quảng cáo số năm nay sẽ tăng mạnh.\n\n'
        '"Tuy vậy, khoảng cách với các nền tảng ngoại vẫn còn lớn", ông Khoa nói.\n'
    )
    assert only(text) == [
        (
            "Doanh thu quảng cáo số năm nay sẽ tăng mạnh. Tuy vậy, khoảng cách với các nền tảng "
            "ngoại vẫn còn lớn",
            "Đỗ Minh Khoa",
            "Viện trưởng Viện Kinh tế số",
            "direct",
        )
    ]


def test_scare_quotes_titles_and_names_are_not_quotes() -> None:
    text = (
        'Các nhà mạng đang chạy đua "phủ sóng" 5G. Hội thảo "Chuyển đổi số trong doanh nghiệp '
        'nhỏ và vừa" diễn ra tại Hà Nội. Doanh nghiệp này được ví là “ông lớn” của ngành. '
        "Theo ông Lê Văn Tám, thị trường có “lên” có “xuống”."
    )
    assert only(text) == []


def test_embedded_fragment_needs_a_person_and_a_speech_verb() -> None:
    result = only(
        "Bộ trưởng Nguyễn Thanh Lâm yêu cầu các doanh nghiệp phải xử lý "
        "“dứt điểm, không để tồn đọng” tình trạng sim rác."
    )
    assert result == [("dứt điểm, không để tồn đọng", "Nguyễn Thanh Lâm", "Bộ trưởng", "embedded")]


def test_reported_speech_only_when_asked() -> None:
    text = (
        "Tại hội nghị, ông Lý Văn Phúc, Giám đốc Bưu điện tỉnh, cho biết, năm nay đơn vị sẽ "
        "mở thêm mười điểm giao dịch ở vùng cao."
    )
    assert only(text) == []
    quotes = extract_quotes(load_text(text), reported=True)
    assert [(q.text, q.speaker.name, q.form) for q in quotes] == [
        ("năm nay đơn vị sẽ mở thêm mười điểm giao dịch ở vùng cao", "Lý Văn Phúc", "reported")
    ]


def test_quote_span_points_into_its_sentence() -> None:
    (q,) = extract_quotes(
        load_text('Ông Ngô Bảo Châu nói: "Toán học cần sự kiên nhẫn." Sau đó ông rời hội trường.')
    )
    assert q.sentence == 'Ông Ngô Bảo Châu nói: "Toán học cần sự kiên nhẫn."'
    assert q.sentence[q.span[0] : q.span[1]] == q.text


_PIECES = st.sampled_from(
    [
        "ông ",
        "Ông ",
        "bà Lan",
        "Nguyễn Văn An",
        "Thủ tướng",
        "cho biết",
        "nói",
        ": ",
        ", ",
        ". ",
        '"',
        "“",
        "”",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "Ảnh: X",
        "Image not found or type unknown",
        "# ",
        "Theo ",
        "tăng 5%",
        "(",
        ")",
        "…",
        "đồng chí",
        "Tác giả: ",
        "---\n",
        "<p>",
        "</p>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60),
    st.sampled_from(["txt", "md", "html"]),
)
def test_any_text_gives_quotes_without_crashing(pieces: list[str], fmt: str) -> None:
    text = "".join(pieces)
    doc = load_text(text, fmt)
    for q in extract_quotes(doc, reported=True):
        assert q.text and q.id.startswith("q")
    for s in doc.sentences:
        assert doc.passages[s.passage].text[s.start : s.end] == s.text


# --- speakers: a name is a person's, the role words stay apart ----------------------------


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(name, role) for _, name, role, _ in only(text)]


def test_an_office_written_before_the_name_is_the_role_not_the_name() -> None:
    assert speakers(
        'Tại buổi làm việc, Giám đốc Sở Lâm Văn Tài nói: "Chúng tôi sẽ cấp phép xong '
        'cho các hộ dân trong tháng tới".'
    ) == [("Lâm Văn Tài", "Giám đốc Sở")]


def test_a_role_whose_office_has_lower_case_words_is_kept_whole() -> None:
    assert speakers(
        "Cục trưởng Cục An toàn thông tin Trần Minh Đức khẳng định: "
        '"Số vụ tấn công mạng đã giảm rõ rệt trong năm nay".'
    ) == [("Trần Minh Đức", "Cục trưởng Cục An toàn thông tin")]


def test_role_words_that_start_like_a_family_name_are_never_a_name() -> None:
    # "Đoàn" is a family name, but "Đoàn Chủ tịch" is the presidium, "Đoàn Thanh niên" the
    # youth union: neither is a person.
    assert speakers(
        "Phát biểu tại hội nghị, ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam "
        'Nguyễn Thị Lan cho biết: "Mặt trận sẽ tiếp tục giám sát việc thực hiện chính sách".'
    ) == [("Nguyễn Thị Lan", "ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam")]
    assert speakers(
        'Bí thư Đoàn Thanh niên xã cho biết: "Các đoàn viên sẽ ra quân dọn vệ sinh '
        'vào sáng chủ nhật".'
    ) == [(None, "Bí thư Đoàn Thanh niên xã")]


def test_a_foreign_name_after_a_title_and_a_country_is_a_name() -> None:
    text = (
        "Thủ tướng Anh Theresa May đã tới Brussels hôm qua. Tại đây, Thủ tướng May nói: "
        '"Chúng tôi sẽ không lùi bước trong đàm phán".'
    )
    assert speakers(text) == [("Theresa May", "Thủ tướng Anh")]


def test_a_single_word_after_a_capitalised_title_is_an_office_unless_it_stands_alone() -> None:
    assert people(load_text("Giám đốc Kinh doanh của hãng cho biết doanh số tăng.")) == {}


def test_an_unnamed_speaker_before_a_colon_without_a_speech_verb() -> None:
    assert only(
        'Nước sông dâng cao từ đêm qua. Một người dân lo lắng: "Nếu mưa thêm một ngày nữa '
        'thì cả xóm sẽ phải đi sơ tán".'
    ) == [
        (
            "Nếu mưa thêm một ngày nữa thì cả xóm sẽ phải đi sơ tán",
            None,
            "người dân",
            "direct",
        )
    ]


def test_someone_introduced_with_mot_is_never_a_person_named_before() -> None:
    text = (
        "Cán bộ điều tra Phạm Văn Sơn đã lấy lời khai của tài xế. "
        '"Nghi phạm khai rằng chỉ muốn quỵt tiền cước, nhưng chúng tôi còn phải xác minh '
        'thêm", một cán bộ điều tra cho hay.'
    )
    assert speakers(text) == [(None, "cán bộ điều tra")]


def test_a_paper_citing_someone_gives_the_person_as_speaker() -> None:
    assert speakers(
        "Trả lời báo chí, tờ Tuổi Trẻ dẫn lời một kỹ sư của dự án cho biết: "
        '"Cây cầu sẽ thông xe trước mùa mưa năm sau".'
    ) == [(None, "kỹ sư của dự án")]


def test_an_attribution_after_a_dash_may_run_on_into_reported_words() -> None:
    text = (
        "Theo bác sĩ Lê Văn Hạnh – Trưởng khoa Ngoại Bệnh viện tỉnh, ca mổ kéo dài ba giờ. "
        '"Rất may là mảnh kính không cắt vào động mạch của bệnh nhân" – BS Hạnh nói và cho '
        "biết bệnh nhân đã qua cơn nguy kịch sau hai ngày theo dõi tại khoa."
    )
    assert speakers(text) == [("Lê Văn Hạnh", "bác sĩ, Trưởng khoa Ngoại Bệnh viện tỉnh")]


def test_an_attribution_right_after_the_closing_mark_without_a_comma() -> None:
    text = (
        "Ông Hồ Văn Tư đã sửa đồng hồ cổ suốt bốn mươi năm. "
        "“Có chiếc đồng hồ tôi phải mất cả tháng mới tìm được linh kiện thay thế” ông Tư kể."
    )
    assert speakers(text) == [("Hồ Văn Tư", None)]


def test_a_foreign_coach_named_by_one_word_and_his_club() -> None:
    assert speakers(
        "“Đối thủ rất mạnh, chúng tôi phải chơi tập trung trong cả trận”, huấn luyện viên "
        "Rossi của Juventus chia sẻ."
    ) == [("Rossi", "huấn luyện viên của Juventus")]


def test_a_description_then_the_name() -> None:
    assert speakers(
        "“Chị ấy luôn muốn đi khắp thế giới trước tuổi ba mươi”, em gái của nạn nhân là Sarah, nói."
    ) == [("Sarah", "em gái của nạn nhân")]


def test_a_quoted_sentence_right_after_an_attributed_one_has_the_same_speaker() -> None:
    text = (
        "“Đây là mùa vụ tốt nhất trong mười năm qua”, ông Đinh Văn Lộc, chủ trang trại, nói. "
        "“Giá cam năm nay cao hơn năm ngoái nhiều”. Sau đó, ông dẫn khách đi thăm vườn."
    )
    assert [(t[:20], n) for t, n, _, _ in only(text)] == [
        ("Đây là mùa vụ tốt nh", "Đinh Văn Lộc"),
        ("Giá cam năm nay cao ", "Đinh Văn Lộc"),
    ]


def test_after_a_colon_the_subject_of_the_sentence_speaks() -> None:
    text = (
        "Thủ môn Trần Quốc Bảo cho biết anh rất tiếc vì không giữ được tỷ số và chia sẻ: "
        '"Tôi sẽ tập luyện chăm chỉ hơn để lấy lại vị trí". '
        "HLV Mai Đức Toàn nhận xét về hàng phòng ngự của đội nhà khá cứng rắn: "
        '"Các cầu thủ trẻ đã chơi đúng những gì được dặn dò".'
    )
    assert [(t[:20], n) for t, n, _, _ in only(text)] == [
        ("Tôi sẽ tập luyện chă", "Trần Quốc Bảo"),
        ("Các cầu thủ trẻ đã c", "Mai Đức Toàn"),
    ]


def test_a_full_stop_inside_an_abbreviation_does_not_end_the_attribution() -> None:
    assert speakers(
        '"Thủ tục mới làm tôi mất cả buổi sáng", Lê Thị Nga, một khách hàng ở TP.HCM nói.'
    ) == [("Lê Thị Nga", "một khách hàng ở TP.HCM")]


def test_this_user_is_the_person_just_named() -> None:
    text = (
        '"Tôi thấy ứng dụng chạy chậm hơn trước", Vũ Minh Trí, một người dùng ở Đà Nẵng, nói. '
        "Tương tự, Đỗ Thu Hằng, sinh viên ở Huế, cũng không hài lòng. "
        '"Tôi phải cài lại ứng dụng hai lần", người dùng này chia sẻ.'
    )
    assert [n for _, n, _, _ in only(text)] == ["Vũ Minh Trí", "Đỗ Thu Hằng"]


def test_a_long_office_as_the_only_speaker() -> None:
    role = (
        "lãnh đạo Ban quản lý dự án các công trình trọng điểm ngành giao thông và hạ tầng "
        "đô thị tỉnh Quảng Nam"
    )
    assert speakers(f"“Tuyến đường sẽ hoàn thành vào cuối năm”, {role} khẳng định.") == [
        (None, role)
    ]


def test_a_title_that_gives_a_speaker_and_the_gist_is_reported_speech() -> None:
    text = (
        "Bộ trưởng Y tế: Không để thiếu thuốc trong mùa dịch\n\n"
        "Chiều qua, Bộ trưởng Y tế Hồ Thị Mai đã làm việc với các bệnh viện tuyến tỉnh.\n"
    )
    quotes = extract_quotes(load_text(text), reported=True)
    assert [(q.text, q.speaker.name, q.form) for q in quotes] == [
        ("Không để thiếu thuốc trong mùa dịch", "Hồ Thị Mai", "reported")
    ]
    # A company's results in a title are nobody's words.
    assert extract_quotes(load_text("Công ty ABC: Lãi ròng năm nay tăng mạnh\n\nThân bài.\n")) == []


def test_named_bodies_speak_with_no_name() -> None:
    assert speakers(
        "Nhà Trắng cũng từ chối thông tin trên và nói với báo chí rằng: "
        '"Lịch trình chuyến thăm không thay đổi".'
    ) == [(None, "Nhà Trắng")]
    assert speakers(
        "Việc giao đất cho doanh nghiệp tư nhân, theo Thanh tra Chính phủ là "
        "“không đúng thẩm quyền”."
    ) == [(None, "Thanh tra Chính phủ")]


def test_a_source_named_with_nhu_loi_speaks_the_fragment() -> None:
    assert speakers(
        "Các nhà đầu tư đánh giá cao môi trường kinh doanh như lời ông Peter Lang, giám đốc "
        "quỹ Blue Ocean, tập đoàn đã rót vốn vào nhiều khu nghỉ dưỡng, thì “thị trường này "
        "còn nhiều dư địa”."
    ) == [("Peter Lang", "giám đốc quỹ Blue Ocean")]


def test_the_press_of_a_country_as_a_speaker() -> None:
    assert speakers(
        "Tuy nhiên, báo chí Đức cho rằng đảng cầm quyền đang “mất dần lợi thế” trước vòng hai."
    ) == [(None, "báo chí Đức")]


def test_a_spokesperson_of_a_named_leader_is_not_the_leader() -> None:
    text = (
        "Tổng thống Pháp Jean Martin đã điện đàm với Thủ tướng Đức. "
        "“Chúng tôi không bình luận gì thêm về cuộc điện đàm này”, người phát ngôn của Tổng thống "
        "Jean Martin cho hay."
    )
    assert speakers(text) == [(None, "người phát ngôn của Tổng thống Jean Martin")]


def test_terms_and_comparisons_in_quote_marks_are_not_quotes() -> None:
    text = (
        "Bộ Tư pháp đề nghị làm rõ quy định “trên phạm vi toàn quốc” trong dự thảo. "
        "Nhóm nghiên cứu cho rằng doanh nghiệp coi khoản chi này như một “phí bảo hiểm rủi ro”."
    )
    assert only(text) == []


def test_one_foreign_word_after_an_office_title_is_where_they_work() -> None:
    text = (
        "Theo ông Lê Hữu Phước – Chánh văn phòng Vietrax - cho biết, đơn hàng quý này tăng "
        "gần gấp đôi so với cùng kỳ."
    )
    assert people(load_text(text)) == {"Lê Hữu Phước": ["Chánh văn phòng Vietrax"]}


def test_a_heading_in_single_quotes_then_its_speaker() -> None:
    text = (
        "Trận đấu diễn ra tối qua. • 20:45 ‘Juventus đang là đội mạnh nhất châu Âu’ Huấn "
        "luyện viên Rossi đánh giá đối thủ rất cao, nên thừa nhận đội nhà sẽ gặp khó khăn. "
        "Trong khi đó, fan của đội bóng gọi anh là ‘ông thầy’."
    )
    assert speakers(text) == [("Rossi", "Huấn luyện viên")]
    # An apostrophe is no quote mark.
    assert only("Cửa hàng McDonald’s mới mở ở quận 1 đông khách, anh Tùng nói.") == []


def test_people_named_in_the_title_are_people_of_the_document() -> None:
    text = (
        "Ông Trương Văn Đức, Giám đốc Sở Du lịch, trả lời phỏng vấn\n\n"
        '"Lượng khách quốc tế đã vượt mức trước dịch", ông Đức nói.\n'
    )
    assert speakers(text) == [("Trương Văn Đức", "Giám đốc Sở Du lịch")]


def test_a_verb_of_saying_right_before_the_words_without_a_colon() -> None:
    text = (
        "Buổi tối hôm ấy cả nhà ngồi uống trà. Bố anh ấy lớn giọng "
        '"Chuyện cưới xin phải tính cho kỹ". Tôi chỉ biết im lặng.'
    )
    assert speakers(text) == [(None, "Bố anh")]
    # A title after "giới thiệu" is no one's words.
    assert only('Bộ trưởng giới thiệu "Sổ tay chuyển đổi số cho doanh nghiệp nhỏ".') == []


def test_a_relative_of_a_named_person_is_not_that_person() -> None:
    text = (
        "Ông Hà Văn Tịnh bị thương nặng sau vụ cháy. "
        '"Lúc đó cả nhà đang ngủ, tôi chỉ kịp bế con chạy ra", vợ ông Tịnh kể.'
    )
    assert speakers(text) == [(None, "vợ ông Tịnh")]
    # …and a relation is never anyone's title.
    assert people(load_text("Vợ chồng ông Đặng Văn Tú mở quán phở từ năm 1990.")) == {
        "Đặng Văn Tú": []
    }


def test_after_an_office_title_capitalised_words_are_the_workplace() -> None:
    text = (
        "Ông Lê Minh Đạt, Tổng giám đốc Hyundai Thành Công, cho biết: "
        '"Doanh số tháng này tăng mạnh nhờ mẫu xe mới". '
        '"Chúng tôi sẽ mở thêm đại lý", Bí thư Thành ủy Đà Nẵng nói thêm.'
    )
    names = [n for _, n, _, _ in only(text)]
    assert names[0] == "Lê Minh Đạt"
    assert "Đà Nẵng" not in names and "Hyundai Thành Công" not in names


def test_a_given_name_after_a_person_title_and_a_leader_after_a_country() -> None:
    text = (
        '"Tôi sẽ tiếp tục đi diễn", nghệ sĩ Trung Dân chia sẻ. '
        'Tổng thống Nga Putin tuyên bố: "Chúng tôi sẽ đáp trả tương xứng".'
    )
    assert speakers(text) == [("Trung Dân", "nghệ sĩ"), ("Putin", "Tổng thống Nga")]


def test_a_title_never_holds_another_persons_name() -> None:
    text = (
        "Sau cuộc gặp giữa Tổng thống Pháp Macron và Tổng thống Nga Vladimir Putin, "
        '"Đó là một ngày quan trọng", ông Putin nói.'
    )
    assert speakers(text) == [("Vladimir Putin", "Tổng thống Nga")]


def test_a_foreign_name_followed_by_its_role() -> None:
    assert speakers(
        '"Chúng tôi đã nói rõ lập trường", hãng tin Tass dẫn lời Dmitry Ivanov, người phát '
        "ngôn của bộ, hôm nay cho biết."
    ) == [("Dmitry Ivanov", "người phát ngôn của bộ")]


def test_reported_speech_after_cho_biet_without_a_comma() -> None:
    text = (
        "Ông Tạ Văn Hưng, Giám đốc Sở Tài chính, cho biết dự án sẽ được giải ngân hết "
        "trong quý ba năm nay."
    )
    quotes = extract_quotes(load_text(text), reported=True)
    assert [(q.text, q.speaker.name, q.form) for q in quotes] == [
        ("dự án sẽ được giải ngân hết trong quý ba năm nay", "Tạ Văn Hưng", "reported")
    ]
    # "cho biết" must be followed by the reported clause: a name after it is no clause.
    assert extract_quotes(load_text("Ông Tạ Văn Hưng cho biết Nguyễn Văn An."), reported=True) == []


def test_a_spokespersons_title_is_not_the_leaders_role() -> None:
    text = (
        "Cuộc điện đàm giữa Tổng thống Mỹ Frank Miller và Thủ tướng Anh Mary Stone kéo dài "
        "một giờ. Người phát ngôn của Thủ tướng Anh Mary Stone cho biết, hai bên đã bàn "
        "về thương mại."
    )
    registry = people(load_text(text))
    assert registry["Mary Stone"] == ["Thủ tướng Anh"]
    assert registry["Frank Miller"] == ["Tổng thống Mỹ"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviated title written like a word
        ('Bs Hoàng Minh Khang cho biết: "Bệnh nhân đã tỉnh lại sau ca mổ".', "Hoàng Minh Khang"),
        # a capitalised form of address in mid-sentence
        (
            'Trong buổi họp, Ông Vi Văn Thạch nói: "Xã sẽ làm xong đường trước Tết".',
            "Vi Văn Thạch",
        ),
        # abbreviated titles of newsrooms and assemblies
        ('BTV Minh Châu chia sẻ: "Tôi vẫn yêu nghề dẫn chương trình".', "Minh Châu"),
        ('"Luật phải rõ ràng để dân dễ thực hiện", ĐB Lê Thị Hoa nói.', "Lê Thị Hoa"),
        # a country, then a Chinese or Japanese name
        (
            "Người phát ngôn Bộ Ngoại giao Trung Quốc Lục Minh nói: "
            '"Chúng tôi phản đối mọi biện pháp trừng phạt đơn phương".',
            "Lục Minh",
        ),
        (
            "Chánh Văn phòng Nội các Nhật Bản Kenji Sato cho biết: "
            '"Chính phủ sẽ công bố gói hỗ trợ vào tuần tới".',
            "Kenji Sato",
        ),
    ],
)
def test_names_after_titles_places_and_forms_of_address(text: str, name: str) -> None:
    assert [n for _, n, _, _ in only(text)] == [name]


def test_who_speaks_in_a_sentence_with_several_sources() -> None:
    # A paper named first, the speaker after it: the speaker's words.
    assert speakers(
        "Theo báo Tuổi Trẻ, phát biểu tại hội nghị, Bộ trưởng Đặng Quốc Bảo nói rằng ngành "
        "sẽ “không để thiếu điện trong mùa khô”."
    ) == [("Đặng Quốc Bảo", "Bộ trưởng")]
    # An office passing on a leader's instruction: the leader's words, not the office's.
    assert speakers(
        "Văn phòng Chính phủ thông báo ý kiến của Phó Thủ tướng Lưu Văn Quý, yêu cầu các bộ "
        "“khẩn trương hoàn thành trước ngày 30/6”."
    ) == [("Lưu Văn Quý", "Phó Thủ tướng")]


def test_a_foreign_minister_by_surname_and_a_foreigner_by_first_name() -> None:
    text = (
        "Hãng tin Tass dẫn lời Bộ trưởng Năng lượng Nga Pavel Orlov cho biết sản lượng dầu "
        'sẽ giảm. "Chúng tôi giữ cam kết với các đối tác", Bộ trưởng Orlov nói. '
        "Ông Daniel Brooks, giám đốc quỹ đầu tư Harbor, đến Hà Nội hôm qua. "
        'Ông Daniel nói: "Thị trường Việt Nam còn nhiều dư địa".'
    )
    assert [n for _, n, _, _ in only(text)] == ["Pavel Orlov", "Daniel Brooks"]


def test_reported_speech_is_neither_a_question_nor_a_clause_hung_on_the_subject() -> None:
    text = (
        "Tòa bác đề nghị của chính quyền Tổng thống Mỹ Frank Miller, cho rằng chính phủ "
        "không chứng minh được thiệt hại nào. "
        "Phóng viên hỏi: Bà Lê Thu Trang cho biết số tiền này dùng vào việc gì?"
    )
    assert extract_quotes(load_text(text), reported=True) == []
    # An appositive before the comma is the speaker's own role.
    text = "Ông Lò Minh Sơn, Phó Giám đốc Kho bạc tỉnh, cho biết các dự án chậm sẽ bị thu hồi vốn."
    assert [q.speaker.name for q in extract_quotes(load_text(text), reported=True)] == [
        "Lò Minh Sơn"
    ]


def test_an_adviser_of_a_named_leader_is_not_the_leader() -> None:
    assert speakers(
        '"Câu chuyện đó hoàn toàn sai sự thật", cố vấn an ninh của Tổng thống Frank Miller '
        "khẳng định."
    ) == [(None, "cố vấn an ninh của Tổng thống Frank Miller")]


def test_a_one_word_country_before_a_foreign_name_is_no_part_of_it() -> None:
    assert speakers(
        'Ngoại trưởng Qatar Khalid Nasser nói: "Chúng tôi sẵn sàng đối thoại với mọi bên".'
    ) == [("Khalid Nasser", "Ngoại trưởng Qatar")]
    assert speakers(
        'Ngoại trưởng Qatar Khalid Bin Nasser nói: "Chúng tôi sẵn sàng đối thoại với mọi bên".'
    ) == [("Khalid Bin Nasser", "Ngoại trưởng Qatar")]


# --- ROLE (office words + an organisation's name) + NAME, for any organisation ---------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a ministry whose name has lower-case words, with the name right after it
        (
            '"Mọi dự án khai thác cát sẽ được rà soát lại", Bộ trưởng Tài nguyên và Môi trường '
            "Vương Đức Tâm cho biết.",
            "Vương Đức Tâm",
            "Bộ trưởng Tài nguyên và Môi trường",
        ),
        (
            "Bộ trưởng Lao động - Thương binh và Xã hội Hứa Minh Quang nhấn mạnh: "
            '"Không để người lao động nào bị nợ lương dịp Tết".',
            "Hứa Minh Quang",
            "Bộ trưởng Lao động - Thương binh và Xã hội",
        ),
        (
            '"Hồ sơ sẽ được cấp qua mạng từ tháng sau", Thứ trưởng Bộ Nông nghiệp và Phát triển '
            "nông thôn Kiều Văn Lợi nói.",
            "Kiều Văn Lợi",
            "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        (
            '"Ngân sách đã cân đối đủ cho chương trình", Tổng cục trưởng Tổng cục Thuế '
            "Đỗ Hữu Lâm nói.",
            "Đỗ Hữu Lâm",
            "Tổng cục trưởng Tổng cục Thuế",
        ),
        # a company known by one word, and a long company name, before the name
        (
            '"Lãi suất cho vay sẽ giảm thêm", Tổng giám đốc Sacombank Tôn Thất Hòa cho hay.',
            "Tôn Thất Hòa",
            "Tổng giám đốc Sacombank",
        ),
        (
            '"Đơn hàng xuất khẩu đã kín đến cuối năm", Chủ tịch HĐQT Công ty cổ phần Dệt may '
            "Thành Công Mai Thị Hồng nói.",
            "Mai Thị Hồng",
            "Chủ tịch HĐQT Công ty cổ phần Dệt may Thành Công",
        ),
        # an office of a city written with a full stop inside
        (
            '"Không có chuyện thiếu giường bệnh", Giám đốc Sở Y tế TP.HCM Phạm Văn Lộc khẳng định.',
            "Phạm Văn Lộc",
            "Giám đốc Sở Y tế TP.HCM",
        ),
        # a long title whose first role word is far from the name
        (
            '"Đàn bò sữa đã được tiêm phòng đủ", Giám đốc Sở Nông nghiệp và Phát triển nông '
            "thôn tỉnh Lai Châu Hà Đức Thịnh cho biết.",
            "Hà Đức Thịnh",
            "Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Lai Châu",
        ),
    ],
)
def test_a_name_after_any_ministry_body_or_company(text: str, name: str, role: str) -> None:
    assert speakers(text) == [(name, role)]


def test_a_minister_named_once_is_the_minister_of_his_later_quotes() -> None:
    text = (
        "Bộ trưởng Tài nguyên và Môi trường Vương Đức Tâm cho biết, ngành sẽ kiểm tra lại "
        "toàn bộ các mỏ cát trên sông Hồng. Bộ trưởng nhấn mạnh: "
        '"Chúng tôi sẽ xử lý nghiêm, không có vùng cấm".'
    )
    quotes = extract_quotes(load_text(text), reported=True)
    assert [(q.speaker.name, q.speaker.role, q.form) for q in quotes] == [
        ("Vương Đức Tâm", "Bộ trưởng Tài nguyên và Môi trường", "reported"),
        ("Vương Đức Tâm", "Bộ trưởng Tài nguyên và Môi trường", "direct"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a district of two syllables, then a name of three
        (
            '"Nước giếng đã cạn từ đầu mùa khô", Chủ tịch UBND huyện Thạch Thành Lê Đình Khải '
            "cho biết.",
            "Lê Đình Khải",
            "Chủ tịch UBND huyện Thạch Thành",
        ),
        # a province whose last syllable is also a family name, then a name of two
        (
            '"Cảng sẽ hoạt động lại từ thứ hai", Chủ tịch UBND tỉnh Bắc Ninh Lê Hùng nói.',
            "Lê Hùng",
            "Chủ tịch UBND tỉnh Bắc Ninh",
        ),
        # a police force, a court and a hospital named after their place
        (
            '"Đối tượng đã bị bắt giữ", Giám đốc Công an tỉnh Hòa Bình Đinh Công Sơn nói.',
            "Đinh Công Sơn",
            "Giám đốc Công an tỉnh Hòa Bình",
        ),
        (
            '"Bản án được tuyên đúng luật", Chánh án Tòa án nhân dân tỉnh Gia Lai Trần Quang '
            "Vinh khẳng định.",
            "Trần Quang Vinh",
            "Chánh án Tòa án nhân dân tỉnh Gia Lai",
        ),
        (
            '"Bệnh nhân đã qua cơn nguy kịch", Giám đốc Bệnh viện Bạch Mai Lương Thế Nam cho biết.',
            "Lương Thế Nam",
            "Giám đốc Bệnh viện Bạch Mai",
        ),
    ],
)
def test_a_name_after_a_place_or_an_institution_named_in_the_same_words(
    text: str, name: str, role: str
) -> None:
    assert speakers(text) == [(name, role)]


def test_a_place_or_a_street_alone_is_nobodys_name() -> None:
    text = (
        "Đoàn công tác đã đến tỉnh Lâm Đồng, thăm bệnh viện Bạch Mai và đi qua đường Trần Hưng Đạo."
    )
    assert people(load_text(text)) == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # any country written as one word, before a foreign name
        (
            '"Chúng tôi sẽ mở cửa biên giới vào mùa hè", Thủ tướng Australia Peter Hollis nói.',
            "Peter Hollis",
            "Thủ tướng Australia",
        ),
        # a country of three words before a name of three
        (
            '"Hai nước sẽ tăng gấp đôi thương mại", Tổng thống Thổ Nhĩ Kỳ Ahmet Cemal Demir nói.',
            "Ahmet Cemal Demir",
            "Tổng thống Thổ Nhĩ Kỳ",
        ),
        # a state or a city between the title and the name
        (
            '"Ông ta đang hành xử thiếu thận trọng", Thượng nghị sĩ bang Ohio Tim Kaine nói.',
            "Tim Kaine",
            None,
        ),
        (
            '"Lệnh cấm phải được hoãn lại", Thẩm phán liên bang ở Seattle James Fuller nói.',
            "James Fuller",
            None,
        ),
    ],
)
def test_a_foreign_name_after_a_country_a_state_or_a_city(
    text: str, name: str, role: str | None
) -> None:
    [(got_name, got_role)] = speakers(text)
    assert got_name == name
    if role is not None:
        assert got_role == role


def test_a_school_after_a_name_and_its_role_is_not_a_second_name() -> None:
    assert speakers(
        '"Chạy bộ quá sức có thể làm rối loạn nội tiết", Amara Jayasuriya, giảng viên cao '
        "cấp tại trường Imperial College London cho biết."
    ) == [("Amara Jayasuriya", "giảng viên cao cấp")]


def test_a_title_is_not_taken_from_someone_else_in_a_list() -> None:
    registry = people(
        load_text(
            "Mâu thuẫn giữa lãnh đạo Trường Đại học Kỹ thuật Cần Thơ và ông Lạc Minh Đông "
            "kéo dài nhiều tháng."
        )
    )
    assert registry == {"Lạc Minh Đông": []}
    # "- Bà" before the name is a form of address, no part of the title
    assert speakers(
        '"Các khoản thu đầu năm sẽ được công khai", Trưởng phòng Giáo dục quận Ba Đình - Bà '
        "Trịnh Thu Hằng cho biết."
    ) == [("Trịnh Thu Hằng", "Trưởng phòng Giáo dục quận Ba Đình")]


def test_degrees_joined_by_a_full_stop_add_nothing_to_a_role() -> None:
    text = (
        "ThS.BS Quách Văn Lợi, Trưởng khoa Khám bệnh, cho biết số ca sốt tăng. "
        '"Người dân không nên tự mua kháng sinh", BS Lợi nói.'
    )
    assert speakers(text) == [("Quách Văn Lợi", "ThS.BS, Trưởng khoa Khám bệnh")]


def test_a_long_role_is_kept_but_a_clause_or_a_caption_is_not_a_role() -> None:
    text = (
        "Ông Lã Văn Khiêm, Giám đốc Trung tâm Điều hành giao thông đô thị và chiếu sáng công "
        "cộng thành phố Cần Thơ, cho biết: “Đèn tín hiệu sẽ được thay hết trong tháng này”."
    )
    assert speakers(text) == [
        (
            "Lã Văn Khiêm",
            "Giám đốc Trung tâm Điều hành giao thông đô thị và chiếu sáng công cộng thành phố "
            "Cần Thơ",
        )
    ]
    # a role word, then what the person did, is no role
    text = (
        "Ông Kha Văn Tiến - Trưởng ban quản lý di tích đình làng Đông phải liên tục dùng loa "
        "nhắc “bà con giữ trật tự, không chen lấn”."
    )
    assert people(load_text(text)) == {"Kha Văn Tiến": []}


def test_an_aside_in_brackets_before_the_name_is_no_part_of_the_title() -> None:
    assert speakers(
        "Trao đổi với phóng viên, nguyên Cục trưởng cục Thủy lợi & Đê điều (bộ NN&PTNT) Đàm "
        "Quang Hiếu bày tỏ lo ngại về đề xuất này. “Đê này không thể hạ thấp thêm”, ông Hiếu nói."
    ) == [("Đàm Quang Hiếu", "Cục trưởng cục Thủy lợi & Đê điều")]


def test_the_end_of_a_quote_before_a_form_of_address_is_no_role() -> None:
    assert speakers(
        "“Lỗ hổng không do người dân gây ra mà do cơ chế, quản lý yếu kém”, ông Kiều Minh "
        "Trí nhấn mạnh."
    ) == [("Kiều Minh Trí", None)]


def test_a_name_after_a_comma_is_the_one_who_speaks_but_an_address_is_not() -> None:
    assert speakers(
        "Trong bài đăng nhắc tới Hoàng Yến, Minh Thư viết: “Ai cũng có quyền chọn cách sống”."
    ) == [("Minh Thư", None)]
    assert speakers(
        "Bà Lương Thị Nhàn, trú phường Bắc Sơn, quận Kiến An, Hải Phòng, cho biết: "
        "“Công ty đó bán nồi cơm điện với giá gấp ba ngoài chợ”."
    ) == [("Lương Thị Nhàn", None)]


def test_a_quoted_policy_principle_or_song_title_is_a_term() -> None:
    text = (
        "Ông Trần Văn Dũng khẳng định thành phố theo đuổi chính sách “mở cửa đón nhà đầu tư” "
        "và nguyên tắc “ai làm sai thì người đó chịu”."
    )
    assert only(text) == []


def test_a_former_partner_or_a_friend_speaks_not_the_person_named() -> None:
    assert speakers(
        "“Chúng tôi chia tay trong êm đẹp”, tình cũ Lâm Chí Dĩnh cho biết. "
        "“Cô ấy rất thương con”, bạn thân của chị Hồng kể."
    ) == [(None, "tình cũ Lâm Chí Dĩnh"), (None, "bạn thân của chị Hồng")]


def test_a_persons_title_then_a_name_without_a_family_name() -> None:
    assert speakers(
        "Facebooker Ngọc Lan Hương bình luận: “Giám khảo chấm như vậy là không công bằng”."
    ) == [("Ngọc Lan Hương", "Facebooker")]
    # …but "phía" + an organisation is that organisation's side, nobody's name
    assert speakers("Phía Google cho biết: “Chúng tôi đang xem xét lại quy trình”.") == [
        (None, "Phía Google")
    ]


def test_foreign_names_with_particles_initials_and_mc() -> None:
    assert speakers(
        "“Lệnh ngừng bắn đã bị vi phạm nhiều lần”, Ahmad al Hassan, phát ngôn viên của lực "
        "lượng đối lập, nói với báo giới."
    ) == [("Ahmad al Hassan", "phát ngôn viên của lực lượng đối lập")]
    text = (
        "Trước đó, trong một cuộc họp báo ở Washington, J.T. McKinley, cố vấn kinh tế của nhà "
        "trắng, trả lời các phóng viên. “Chúng tôi không thay đổi chính sách thuế”, ông nói."
    )
    assert speakers(text) == [("J.T. McKinley", "cố vấn kinh tế của nhà trắng")]
    # a single capital before a full stop ends a Vietnamese name, it is no initial
    assert people(load_text("Người ký là ông Nguyễn Văn A. Trong khi đó, hồ sơ vẫn nằm đó.")) == {
        "Nguyễn Văn A": []
    }


def test_someone_described_but_not_named_speaks() -> None:
    text = (
        "Ông Tư Lành đang vá lưới bên bến. Một người già đang phơi cá gần đó chia sẻ: "
        "“Chúng tôi làm nghề này quanh năm mà không đủ ăn”."
    )
    assert speakers(text) == [(None, "người già")]


def test_a_document_of_a_body_speaks_for_it() -> None:
    assert speakers(
        "“Phương án này giúp mở rộng mặt đường thêm một làn xe”, công văn của UBND "
        "TP.Hà Nội đề cập."
    ) == [(None, "công văn của UBND TP.Hà Nội")]


def test_more_words_for_a_persons_occupation() -> None:
    text = (
        "“Tôi tập võ từ năm lên sáu tuổi”, võ sư Lạc Thành Công nhớ lại. "
        "“Đôi bên nên cho nhau thêm một cơ hội”, chủ tọa gợi ý."
    )
    assert speakers(text) == [("Lạc Thành Công", "võ sư"), (None, "chủ tọa")]


def test_an_initial_for_an_anonymous_name_ends_no_sentence() -> None:
    assert speakers(
        "“Tôi dọa sẽ chụp ảnh biển số xe lại để báo cho hãng” - chị K. chia sẻ thêm với phóng viên."
    ) == [("K", None)]


def test_a_photo_credit_is_nobody_in_the_story() -> None:
    text = (
        "Anh Quách Văn Toàn mang cá khoai ra Hà Nội bán. Ảnh: Lý Thu Hà. "
        "“Loại cá này phải đặt trước mới có”, anh cho biết."
    )
    assert speakers(text) == [("Quách Văn Toàn", None)]


def test_a_quote_that_follows_an_embedded_threat_is_the_same_speakers() -> None:
    text = (
        "Ông Karimi còn đe dọa sẽ “san phẳng” căn cứ đối phương “nếu họ mắc sai lầm”. "
        "“Chỉ cần bảy phút là tên lửa của chúng tôi tới nơi”."
    )
    assert [(n, form) for _, n, _, form in only(text)] == [
        ("Karimi", "embedded"),
        ("Karimi", "direct"),
    ]


def test_a_role_ends_after_a_city_written_with_a_full_stop() -> None:
    registry = people(
        load_text(
            "Ông Lưu Quang Hòa, Giám đốc Sở Xây dựng TP.Đà Nẵng đọc báo cáo tại hội nghị. "
            "Ông Mạc Văn Tư, Chủ tịch UBND P.4 (Q.Gò Vấp cho biết thêm."
        )
    )
    assert registry["Lưu Quang Hòa"] == ["Giám đốc Sở Xây dựng TP.Đà Nẵng"]
    assert registry["Mạc Văn Tư"] == ["Chủ tịch UBND P.4"]


def test_a_title_run_into_another_or_holding_a_clause_is_cut() -> None:
    # a caption run into the text: the last title is the person's
    assert speakers(
        "Nhóm hài đến từ nhiều tỉnh, trong đó có nghệ sĩ Lê Trung Danh hài Hoàng Yến "
        "chia sẻ: “Tôi rất vui được diễn ở quê nhà”."
    ) == [("Hoàng Yến", "Danh hài")]
    # "Phó Tổng thống" is one title, and a spokesperson's title stays hers
    assert people(load_text("Phó Tổng thống Mỹ Paul Reed đến Hà Nội.")) == {
        "Paul Reed": ["Phó Tổng thống Mỹ"]
    }
    # a role word inside a clause is no title of the name after it
    assert speakers(
        "Sau phiên tòa, bị cáo chỉ tin tưởng để luật sư Tạ Minh Đức nói: "
        "“Thân chủ tôi sẽ kháng cáo”."
    ) == [("Tạ Minh Đức", "luật sư")]


def test_the_object_of_a_preposition_is_not_who_speaks() -> None:
    text = (
        "Nhân chứng Lê Thị Mận được triệu tập tới tòa. Chủ tọa hỏi bà có quan hệ thế nào "
        "với bị cáo Đoàn Thị Hoa, nhân chứng nói chỉ là “bạn bè bình thường, không thân”."
    )
    assert speakers(text) == [("Lê Thị Mận", "Nhân chứng")]
    # a spokesperson named after her leader's title, with a form of address between
    assert people(
        load_text("Người phát ngôn của Thủ tướng Đức bà Anna Vogel cho biết thêm chi tiết.")
    ) == {"Anna Vogel": ["Người phát ngôn của Thủ tướng Đức"]}


def test_a_form_of_address_points_back_to_a_man_or_a_woman() -> None:
    text = (
        "Ông Peter Walsh lập quỹ từ thiện năm 2005. Bà Mary Walsh, vợ ông, lo việc sổ sách. "
        '"Chúng tôi không bao giờ nghĩ sẽ bỏ cuộc", ông nói. '
        '"Tôi chỉ giữ cho mọi khoản chi được minh bạch", bà kể.'
    )
    assert [n for _, n, _, _ in only(text)] == ["Peter Walsh", "Mary Walsh"]


def test_a_time_or_a_place_after_a_role_keeps_the_subject() -> None:
    assert speakers(
        "Ông Daniel Hoyt, cố vấn chính trị của ông Frank Miller trong giai đoạn 2012-2015, "
        "cho biết: “Ông ấy không bao giờ bỏ qua một chi tiết nào”."
    ) == [("Daniel Hoyt", "cố vấn chính trị của ông Frank Miller")]


def test_names_whose_syllables_are_joined_by_hyphens_or_full_stops() -> None:
    assert speakers(
        "Đại sứ Han Sung-min nêu rõ: “Chúng tôi sẵn sàng đối thoại nếu các bên giữ cam kết”."
    ) == [("Han Sung-min", "Đại sứ")]
    assert [
        n for _, n, _, _ in only("“Con tôi mới 13 tuổi nên tôi lo lắm” – chị T.H chia sẻ.")
    ] == ["T.H"]


def test_a_kind_of_goods_or_the_subject_of_a_document_is_a_term() -> None:
    text = (
        "Bà Lê Thị Vân cho biết các loại “đặc sản Đà Lạt” bán ở chợ phần lớn là hàng nhập. "
        "Ông Hồ Văn Lâm nói tỉnh đã có văn bản về việc “tăng cường kiểm tra rừng phòng hộ”."
    )
    assert only(text) == []


def test_schools_villages_and_cities_named_after_people_are_no_speakers() -> None:
    assert speakers(
        "Ông Bạc Văn Khôi, Hiệu trưởng Trường Tiểu học Lê Văn Tám cho biết: "
        "“Nhà trường đã mời phụ huynh lên làm việc”."
    ) == [("Bạc Văn Khôi", "Hiệu trưởng Trường Tiểu học Lê Văn Tám")]
    assert speakers(
        "Ông Phí Văn Kha, Trưởng thôn Lê Lợi cho biết: “Cả thôn đã góp tiền sửa đường”."
    ) == [("Phí Văn Kha", "Trưởng thôn Lê Lợi")]
    assert people(load_text("Một giáo viên đang dạy tại TP.Hồ Chí Minh kể lại chuyện cũ.")) == {}


def test_a_foreign_name_after_a_country_or_an_office_keeps_all_its_words() -> None:
    assert speakers(
        "Thứ trưởng Giao thông Malaysia Abdul Karim Rahman cho biết: "
        "“Mọi hành khách trên chuyến bay đều an toàn”."
    ) == [("Abdul Karim Rahman", "Thứ trưởng Giao thông Malaysia")]
    assert speakers(
        "“Chúng tôi sẽ trả lời vào tuần tới”, người phát ngôn hải quân Mary-Jo Keller cho biết."
    ) == [("Mary-Jo Keller", "người phát ngôn hải quân")]


def test_a_title_of_two_role_words_after_a_caption() -> None:
    assert speakers(
        "Bộ trưởng cũ rời nhiệm sở khi làm giám đốc NASA Phó thư ký báo chí Nhà Trắng Laura "
        "Dean Fisher nói với phóng viên rằng “quyết định đã được cân nhắc kỹ”."
    ) == [("Laura Dean Fisher", "Phó thư ký báo chí Nhà Trắng")]


def test_one_capitalised_word_before_the_verb_is_a_foreigner_or_someone_named_before() -> None:
    text = (
        "Tổng thống Mỹ Frank Miller đến Hà Nội hôm qua. "
        '"Chúng tôi sẽ hợp tác chặt chẽ hơn", Miller nói. '
        '"Cá mập nhả chân cậu ấy ra ngay", Dwight cho hay.'
    )
    assert speakers(text) == [("Frank Miller", "Tổng thống Mỹ"), ("Dwight", None)]
    # a Vietnamese noun that starts a sentence names no one
    assert only("Dòng chia sẻ trên mạng viết: “Ai thấy chiếc xe màu đỏ xin báo giúp”.") == []


def test_where_someone_lives_between_the_name_and_the_verb() -> None:
    assert speakers(
        "“Mới mưa mười phút mà đường đã ngập tới bánh xe”, bà Lan sống ở đây bức xúc."
    ) == [("Lan", None)]


def test_a_journalist_a_middle_initial_and_someone_called_by_name() -> None:
    assert speakers(
        '"Tôi chưa bao giờ có tài khoản mạng xã hội", nhà báo Lạc Văn Tùng từng nói.'
    ) == [("Lạc Văn Tùng", "nhà báo")]
    text = (
        "Sean P. Hollis, một thuyền trưởng lâu năm, cho hay ông luôn dặn thủy thủ đánh thức "
        '"mình khi có tàu lạ". "Đừng để tôi ngủ khi tàu khác tới gần", ông nói.'
    )
    assert [n for _, n, _, _ in only(text)][-1] == "Sean P. Hollis"
    assert speakers(
        "Nhân chứng có tên Daniel nói với phóng viên: “Không ai thoát được ngọn lửa đó”."
    ) == [("Daniel", "Nhân chứng")]


def test_a_description_after_a_name_may_hold_a_noun_like_nguoi_dung() -> None:
    assert speakers(
        '"Chụp ảnh chân dung lần nữa là không cần thiết", Lưu Thanh Hải, một người dùng ở '
        "quận 5, nói."
    ) == [("Lưu Thanh Hải", "một người dùng ở quận 5")]


def test_a_quoted_sentence_after_a_sentence_where_someone_speaks() -> None:
    text = (
        "Ông Lý Văn Sang, Giám đốc Sở Xây dựng, cho biết công trình sẽ hoàn thành trong "
        "tháng tới. “Chúng tôi đã thêm ca làm đêm để kịp tiến độ”."
    )
    assert [(n, form) for _, n, _, form in only(text)] == [("Lý Văn Sang", "direct")]
    # …but not after a sentence where nobody speaks
    text = "Tiền đạo Lê Văn Sơn bị thẻ đỏ ở phút cuối. “Tôi đã xếp cậu ấy đá tiền vệ và thất vọng”."
    assert only(text) == []


def test_verbs_of_blame_praise_and_denial_but_not_their_passive() -> None:
    text = (
        "Nghệ sĩ Lê Văn Dũng đứng bật dậy chỉ trích: “Cô đừng nói như vậy, quá đáng lắm”. "
        "Bởi ông cho rằng khán giả bị xem thường. “Tôi sẽ không quay lại chương trình này nữa”."
    )
    assert speakers(text) == [("Lê Văn Dũng", "Nghệ sĩ"), ("Lê Văn Dũng", "Nghệ sĩ")]
    # "bị tố cáo rằng …": who is accused says nothing
    text = "Chủ tịch xã Hồ Văn Tâm bị tố cáo rằng “cả họ làm quan” trong nhiều năm liền."
    assert only(text) == []


def test_abbreviated_company_kinds_are_part_of_the_company() -> None:
    # "TNHH TM XNK Hoàng Gia Phú" is a company's name, not a person's after a role
    text = (
        "Ông Vũ Hoàng Nam, Giám đốc công ty TNHH TM XNK Hoàng Gia Phú thừa nhận "
        '"hàng về chậm hai tuần vì cảng quá tải".'
    )
    assert speakers(text) == [("Vũ Hoàng Nam", "Giám đốc công ty TNHH TM XNK Hoàng Gia Phú")]


def test_the_object_of_a_causative_verb_speaks_not_the_name_before_it() -> None:
    # "khiến khán giả khen ngợi": the audience praises, not the singer
    text = "“Một giọng ca trong trẻo hiếm có” phong cách của Đào Thu Hằng khiến khán giả khen ngợi."
    assert only(text) == []


def test_a_name_after_an_office_of_a_city_or_province_is_a_person() -> None:
    # "UBND TP Lê Văn Khoa": no city is named so, a person is (not "TP Hồ Chí Minh")
    text = "Phó Chủ tịch UBND TP Đỗ Minh Khang khẳng định: “Phí trông xe sẽ không tăng”."
    assert speakers(text) == [("Đỗ Minh Khang", "Phó Chủ tịch UBND TP")]
    text = "Phó Giám đốc Công an tỉnh Vũ Đình Nam cho biết: “Đã bắt được hai nghi phạm”."
    assert speakers(text) == [("Vũ Đình Nam", "Phó Giám đốc Công an tỉnh")]
    text = "Chủ tịch UBND TP Hồ Chí Minh khẳng định: “Phí trông xe sẽ không tăng”."
    assert speakers(text) == [(None, "Chủ tịch UBND TP Hồ Chí Minh")]


def test_thu_ky_is_a_title_not_the_verb_to_sign() -> None:
    text = "Ông Peter Lang, Phó Tổng thư ký Ban thư ký APEC cho biết: “Thương mại đang chậm lại”."
    assert speakers(text) == [("Peter Lang", "Phó Tổng thư ký Ban thư ký APEC")]


def test_an_organisation_named_like_a_person_inside_a_role() -> None:
    # "Trung tâm Dịch vụ Kim Long": the centre's name; ", TP Huế,": where it is
    text = (
        "Ông Hà Quốc Bảo, Giám đốc Trung tâm Dịch vụ Kim Long, TP Huế, nói: "
        "“Giá thuê mặt bằng tăng gấp đôi”."
    )
    assert speakers(text) == [("Hà Quốc Bảo", "Giám đốc Trung tâm Dịch vụ Kim Long")]


def test_an_initial_shared_by_a_woman_and_a_man() -> None:
    # "bà H." and "anh H." are two people: "anh nói" is the man, whatever the woman is
    text = (
        "Nhóm người đòi bà H. giao nhà. Ông Lê Văn Tuấn cũng bị đe dọa. Sau đó công an mời "
        "anh H. đến lấy lời khai. “Không ai hỏi gì về căn nhà bị đập phá cả” - anh nói."
    )
    assert speakers(text) == [("H", None)]


def test_a_verb_before_a_colon_introduces_the_next_quote_not_the_last() -> None:
    text = (
        "Trên đường về, Lê Văn Hòa gắt lên: “Mày đi đâu cả tối nay”, Trần Văn Bình đáp: "
        "“Em ở nhà bạn thôi”."
    )
    # (the first words are his who snapped them out before the first colon)
    assert [(q, n) for q, n, _, _ in only(text)] == [
        ("Mày đi đâu cả tối nay", "Lê Văn Hòa"),
        ("Em ở nhà bạn thôi", "Trần Văn Bình"),
    ]


def test_a_short_capitalised_nickname_after_la_is_nobody_s_words() -> None:
    text = "Người hâm mộ gọi tiền đạo Lê Văn Phát là “Ronaldo Việt” từ nhiều năm nay."
    assert only(text) == []


def test_a_city_abbreviated_further_is_the_same_role() -> None:
    text = (
        "Ông Đào Văn Lâm – Giám đốc Sở GTVT TP.HCM cho biết: “Cầu sẽ thông xe vào tháng 9”. "
        "Sau đó, Giám đốc Sở GTVT TP Đào Văn Lâm nói thêm: “Chi phí không vượt dự toán”."
    )
    role = "Giám đốc Sở GTVT TP.HCM"
    assert speakers(text) == [("Đào Văn Lâm", role), ("Đào Văn Lâm", role)]


def test_a_district_and_province_after_a_role_say_where_not_who() -> None:
    text = (
        "Ông Lò Văn Sính, Chủ tịch UBND xã Mường Pồn, Điện Biên, cho biết: "
        "“Đường vào bản bị sạt lở nhiều đoạn”."
    )
    assert speakers(text) == [("Lò Văn Sính", "Chủ tịch UBND xã Mường Pồn")]
    # a province is no one's name, even right before the verb
    text = "Ông Lò Văn Sính Chủ tịch xã Mường Pồn, Điện Biên, cho biết: “Đường bị sạt lở”."
    assert [n for n, _ in speakers(text)] != ["Điện Biên"]


# --- held-out news: speakers a reader names at once -----------------------------------------


def test_a_quote_left_open_gives_up_the_quotes_inside_it() -> None:
    # The first quotation's closing mark is missing; the two quotes after it are whole
    # sentences with speakers of their own (one closed with a straight mark).
    text = (
        "Bài đăng được chị Lê Thu Hà chia sẻ lại như sau: “Chiều qua tôi đón con muộn, "
        "thấy cháu đứng một mình ở cổng trường. Tôi thương con quá. "
        "Cuối bài, chị Hà cho biết, “Từ nay tôi sẽ sắp xếp để đón con đúng giờ”. "
        'Tài khoản Đỗ Minh Khoa bình luận rằng: “Cha mẹ nào cũng có lúc bận, đừng tự trách mình". '
        "Nhiều người đồng tình."
    )
    got = [(q[0][:24], q[1]) for q in only(text)]
    assert ("Từ nay tôi sẽ sắp xếp để", "Lê Thu Hà") in got
    assert ("Cha mẹ nào cũng có lúc b", "Đỗ Minh Khoa") in got


def test_a_customer_and_an_official_of_an_acronym_keep_their_foreign_names() -> None:
    text = (
        "Khách hàng Linda Porter nói: “Tôi chưa từng thấy chuyện như vậy”. "
        "Trả lời báo chí, quan chức NSB Erik Johan Larsen cho hay: “Hai máy chủ đã bị xâm nhập "
        "trong đêm”."
    )
    assert speakers(text) == [
        ("Linda Porter", "Khách hàng"),
        ("Erik Johan Larsen", "quan chức NSB"),
    ]
    # an acronym that is a title does not join the name: "CEO Apple Tim Cook"
    assert speakers("CEO Apple Tim Cook nói: “Chúng tôi sẽ mở thêm cửa hàng”.")[0][0] == "Tim Cook"


def test_a_short_form_stands_for_a_foreign_name_written_with_no_title() -> None:
    text = (
        "Sáng qua, Walter Brinks phát hiện một con rắn trong kho hàng. "
        '"Tôi đã quen với chúng," Brinks nói.'
    )
    assert speakers(text) == [("Walter Brinks", None)]
    text = (
        "Trong chương trình, Megan Holt kể lại buổi thử vai. Holt còn chia sẻ thêm: “Tôi run "
        "đến mức quên cả lời thoại”."
    )
    assert speakers(text) == [("Megan Holt", None)]


def test_initials_after_a_family_name_are_part_of_the_name() -> None:
    text = "Tại điểm thi, thí sinh Trần K.L cho hay: “Đề năm nay dài hơn đề minh họa”."
    assert speakers(text) == [("Trần K.L", "thí sinh")]


def test_this_student_is_the_one_just_quoted() -> None:
    text = (
        "Thí sinh Phạm Gia Huy cho hay: “Em làm xong bài trước giờ khoảng mười phút, phần "
        "cuối khá dài nên em phải đọc kỹ từng câu, rồi soát lại đáp án hai lần cho chắc chắn, "
        "sau đó mới dám nộp bài cho giám thị, vì năm nay đề có nhiều câu đánh đố hơn năm trước "
        "và nhiều bạn trong phòng cũng than như vậy khi ra khỏi phòng thi”. "
        "Nói về môn Hóa, học sinh này cho hay: “Phần lý thuyết vừa sức, phần bài tập thì khó”."
    )
    assert [n for n, _ in speakers(text)] == ["Phạm Gia Huy", "Phạm Gia Huy"]


def test_a_state_that_speaks_is_a_named_body_not_the_news_agency() -> None:
    text = (
        "Theo AFP, hôm qua Triều Tiên tuyên bố sẽ “đáp trả không khoan nhượng” mọi cuộc tập "
        "trận gần biên giới."
    )
    assert only(text) == [
        ("đáp trả không khoan nhượng", None, "Triều Tiên", "embedded"),
    ]


def test_a_quote_after_reported_words_is_the_reporter_s_even_after_a_caption() -> None:
    # a photo caption ("… được X chia sẻ") runs into the next sentence without a full stop
    text = (
        "Bức ảnh được tài khoản Hoàng Gia Bảo chia sẻ Còn tài khoản Ngọc Lan thì cho biết, "
        "chị không đồng tình với cách dạy con như vậy. "
        '"Trẻ con cần được động viên nhiều hơn là bị la mắng".'
    )
    assert [n for n, _ in speakers(text)] == ["Ngọc Lan"]


def test_words_after_a_colon_without_quote_marks_are_the_speaker_s() -> None:
    text = (
        "Trả lời báo chí, đại biểu Quốc hội Lê Thị Hoa nói: Cử tri đánh giá cao cách làm việc "
        "công khai của ngành giao thông.\n"
        "Theo chị Vũ Thị Nga (sinh năm 1990), công nhân xưởng may: Cả tổ ăn trưa xong thì "
        "nhiều người bắt đầu đau bụng.\n"
        "Theo quy định: Người lao động được nghỉ ba ngày khi kết hôn."
    )
    got = [(q.speaker.name, q.text[:20]) for q in extract_quotes(load_text(text), reported=True)]
    assert got == [("Lê Thị Hoa", "Cử tri đánh giá cao "), ("Vũ Thị Nga", "Cả tổ ăn trưa xong t")]


def test_a_first_person_quote_after_a_sentence_a_named_person_opens_is_theirs() -> None:
    text = (
        "Trong chương trình, Megan Holt kể lại buổi thử vai. "
        "Holt bật cười khi người dẫn chương trình đưa ra tấm ảnh cũ. "
        "“Hôm đó tôi đã quá liều lĩnh, giờ nghĩ lại vẫn thấy ngượng.”"
    )
    assert speakers(text) == [("Megan Holt", None)]
    # not in the third person, not after a colon that names someone else
    text = "Megan Holt bật cười. “Cô ấy đã quá liều lĩnh trong buổi thử vai năm đó.”"
    assert speakers(text) == []
    text = "Megan Holt nhận được nhiều thư. Người này viết: “Tôi đã xem phim của chị ba lần.”"
    assert [n for n, _ in speakers(text)] != ["Megan Holt"]


def test_checks_found_on_random_news_for_the_rules_above() -> None:
    # the comma inside the marks, then a long attribution
    text = (
        '"Tôi chưa thể nói gì thêm về chuyện này," Marco Bellini nói với đài truyền hình địa '
        "phương khi được hỏi về tương lai."
    )
    assert speakers(text) == [("Marco Bellini", None)]
    # "Nga" is also a Vietnamese given name: no state speaks here
    text = "“Tôi không biết gì về số tiền đó”, Nga nói tại phiên tòa."
    assert speakers(text) != [(None, "Nga")]
    # the one a colon introduces, not someone unnamed in the next sentence
    text = (
        "Chị Lê Thị Hoa, khách hàng, cho biết: “Giá bánh đã giảm nhiều so với trước Tết”. "
        "Một chủ cửa hàng ở chợ cũng xác nhận giá giảm mạnh."
    )
    assert speakers(text) == [("Lê Thị Hoa", "khách hàng")]
    # "Theo <relation> của X …:" is not X's, nor "Theo X, <a long clause> gồm:"
    text = (
        "Bốn trẻ ngộ độc quả rừng\n"
        "Theo bố của cháu Lý Văn Tám kể lại: Sáng hôm đó bốn đứa trẻ rủ nhau đi hái quả rừng.\n"
        "Theo Thượng tá Trần Văn Mạnh, mẫu máu của tài xế xe tải không có các chất ma túy "
        "thường gặp gồm: Morphin, Heroin và Ketamin trong kết quả giám định."
    )
    assert [q.speaker.name for q in extract_quotes(load_text(text), reported=True)] == []


def test_the_next_sentence_says_whose_words_they_were() -> None:
    text = (
        "Ngư dân miền Trung vào vụ cá\n"
        "“Mùa này cá về ít lắm, mỗi chuyến chỉ đủ tiền dầu”. Đó là chia sẻ của anh Nguyễn Văn "
        "Tư, một ngư dân ở xã Bình Châu.\n"
        "“Nông dân phải được hưởng phần lớn giá trị của hạt gạo” - Đó là khẳng định của Bộ "
        "trưởng Lê Minh Hoan tại hội nghị."
    )
    assert [n for n, _ in speakers(text)] == ["Nguyễn Văn Tư", "Lê Minh Hoan"]


def test_a_title_that_quotes_someone_gives_their_words() -> None:
    text = (
        "Bộ trưởng Lê Minh Hoan: “Không để nông dân bán lúa dưới giá thành”\n"
        "Sáng nay, Bộ trưởng Bộ NN-PTNT Lê Minh Hoan làm việc với tỉnh về vụ lúa hè thu."
    )
    assert only(text) == [
        (
            "Không để nông dân bán lúa dưới giá thành",
            "Lê Minh Hoan",
            "Bộ trưởng Bộ NN-PTNT",
            "direct",
        )
    ]
    # without quote marks a title gives the gist: reported speech, not listed here
    assert only(text.replace("“", "").replace("”", "")) == []


def test_office_words_and_sentence_openers_are_never_part_of_a_name() -> None:
    # a photo caption runs into the next sentence: "… Nguyễn Văn Sơn Tại buổi làm việc"
    text = (
        "Bộ trưởng Nguyễn Văn Sơn Tại buổi làm việc, Bộ trưởng nhấn mạnh: “Không để công "
        "trình nào chậm tiến độ”."
    )
    assert speakers(text) == [("Nguyễn Văn Sơn", "Bộ trưởng")]
    text = "Theo Laura Benson, nhà thiết kế của hãng, “mẫu áo này được may hoàn toàn bằng tay”."
    assert [n for n, _ in speakers(text)] == ["Laura Benson"]
    # "Bộ Quốc phòng" is where a deputy minister works, not his given name
    text = (
        "Thượng tướng Lê Văn Chiến, Thứ trưởng Bộ Quốc phòng cho biết các công trình sai phép "
        "đã bị đình chỉ từ tháng trước."
    )
    got = [q.speaker.name for q in extract_quotes(load_text(text), reported=True)]
    assert got == ["Lê Văn Chiến"]
    # a news agency is no person; "Từ" is a family name, not the word "từ"
    assert speakers("“Nguyên nhân đang được làm rõ”, Tân Hoa Xã cho biết.") != [
        ("Tân Hoa Xã", None)
    ]
    text = "Ông Từ Minh Khang, Chủ tịch UBND huyện, nói: “Huyện đã cử cán bộ xuống ngay”."
    assert speakers(text) == [("Từ Minh Khang", "Chủ tịch UBND huyện")]


def test_a_child_the_text_does_not_name_and_a_colon_left_out() -> None:
    text = "Sau buổi họp, cậu bé cho biết “Bố mẹ nói nếu con học kém thì không đi họp”."
    assert only(text) == [
        ("Bố mẹ nói nếu con học kém thì không đi họp", None, "cậu bé", "direct"),
    ]
    text = "Ông Nguyễn Văn Hải khẳng định “Dự án sẽ hoàn thành trong năm nay”."
    assert speakers(text) == [("Nguyễn Văn Hải", None)]
    # a capitalised name in quote marks, the sentence going on: no quote
    text = "Ông Hải tuyên bố “Cầu Vàng Sông Hậu Mới” sẽ khởi công vào tháng tới."
    assert only(text) == []


def test_straight_single_marks_quote_a_lead_but_not_a_term() -> None:
    text = (
        "Chủ tịch xã: 'Chúng tôi đã xin lỗi người dân'\n"
        "'Xã đã sai khi thu thêm tiền của các hộ nghèo, chúng tôi sẽ trả lại ngay trong tuần', "
        "ông Lê Văn Bình, Chủ tịch UBND xã, nói.\n"
        "Người dân gọi khoản thu ấy là 'phí vô hình'. Bà O'Neill, một du khách, cũng biết chuyện."
    )
    got = only(text)
    assert (
        "Xã đã sai khi thu thêm tiền của các hộ nghèo, chúng tôi sẽ trả lại ngay trong tuần",
        "Lê Văn Bình",
        "Chủ tịch UBND xã",
        "direct",
    ) in got
    assert not any("phí vô hình" in q[0] or "Neill" in q[0] for q in got)


def test_a_foreign_name_with_no_title_speaks_with_its_description() -> None:
    text = (
        "Năm ngoái, một con gấu đen đi lạc vào khu nghỉ dưỡng. Peter Walsh, người quay lại "
        "cảnh đó, nói: “Tôi đứng yên không dám thở”."
    )
    assert speakers(text) == [("Peter Walsh", None)]
    text = (
        "Trước trận chung kết, Sir Robert Hale, một cựu đội trưởng của đội tuyển, đã lên tiếng "
        "động viên các đàn em: “Hãy chơi bằng cả trái tim”."
    )
    assert speakers(text) == [("Robert Hale", "một cựu đội trưởng của đội tuyển")]
    # a publication, and a name after another speech verb, are no subject
    text = "The Guardian, tờ báo lớn của Anh, viết: “Thành phố chưa từng thấy cảnh này”."
    assert [n for n, _ in speakers(text)] != ["The Guardian"]


def test_the_police_and_the_one_a_paper_quotes_speak_after_the_words() -> None:
    text = (
        "Một xe tải lao vào đám đông ở trung tâm thành phố. “Hai người đã bị bắt. Cuộc điều tra "
        "vẫn đang tiếp tục”, cảnh sát Lyon viết trong một thông cáo."
    )
    assert speakers(text) == [(None, "cảnh sát Lyon")]
    text = (
        "“Mỗi ngày đoàn chỉ quay được hai cảnh vì trời mưa suốt tuần”, tờ báo địa phương dẫn "
        "lời ông Trần Văn Lộc, trưởng đoàn làm phim."
    )
    assert speakers(text) == [("Trần Văn Lộc", "trưởng đoàn làm phim")]
    text = (
        "“Cả đoàn chỉ được trả vài chục tệ mỗi tập”, truyền thông địa phương dẫn lời người "
        "trong đoàn làm phim."
    )
    assert speakers(text) == [(None, "người trong đoàn làm phim")]


def test_a_club_after_a_player_title_is_no_name() -> None:
    text = (
        "Tiền vệ của Real Sociedad lại tuyên bố “Chúng tôi sẽ thắng cả hai lượt trận của mùa "
        "giải này”."
    )
    assert all(name != "Real Sociedad" for name, _ in speakers(text))


def test_a_short_name_after_the_words_is_the_full_name_given_before() -> None:
    text = (
        "Cô gái bán hoa ở chợ nổi được dân mạng chú ý. Cô là Lương Ngọc Hân, sinh năm 1998, "
        "sống ở huyện Cái Răng. “Mình bán hoa từ năm mười bốn tuổi, sáng nào cũng dậy từ ba "
        "giờ”, Ngọc Hân chia sẻ."
    )
    assert speakers(text) == [("Lương Ngọc Hân", None)]


def test_a_film_star_called_by_his_title_goes_on_speaking() -> None:
    text = (
        "Vai diễn được trả cao nhất thuộc về tài tử Lâm Chấn Hưng. Ông chỉ xuất hiện trong hai "
        'tập phim. Nhiều năm sau, tài tử này tâm sự đó là điều ông hối tiếc nhất. "Khi ấy tôi '
        'còn trẻ nên mới đòi mức cát-xê cao như vậy".'
    )
    assert speakers(text) == [("Lâm Chấn Hưng", "tài tử")]


def test_how_the_words_were_said_may_stand_between_the_verb_and_the_words() -> None:
    text = (
        "Được hỏi về trận đấu sắp tới, thủ môn Đặng Văn Toàn trả lời đầy tự tin “Chúng tôi đã "
        "sẵn sàng cho mọi kịch bản”."
    )
    assert speakers(text) == [("Đặng Văn Toàn", "thủ môn")]


def test_words_after_a_reported_sentence_with_a_quoted_term_are_its_speakers() -> None:
    text = (
        "Một nguồn tin thân cận với ca sĩ Minh Thư tiết lộ rằng, cô chia tay vì bạn trai quá "
        "“gia trưởng”. “Cô ấy nói với anh ta rằng cô cần được tự do làm điều mình thích”."
    )
    got = speakers(text)
    assert len(got) == 1 and got[0][0] is None and "nguồn tin" in (got[0][1] or "")
    # a line of dialogue after one that quoted someone else is not theirs
    text = (
        "Hai người gặp nhau ở một quán cà phê. - “Đồng ý”, anh Hải đáp. - “Vậy thì ngày mai "
        "anh phải nộp đủ giấy tờ cho tôi”."
    )
    assert ("Vậy thì ngày mai anh phải nộp đủ giấy tờ cho tôi", "Hải") not in [
        (q, n) for q, n, _, _ in only(text)
    ]


def test_a_pronoun_right_after_an_unnamed_child_is_that_child() -> None:
    text = (
        "Cuối buổi lễ khai giảng, một cậu bé đứng một mình ở cổng trường. Cậu cho biết “Bố "
        "con đi làm xa nên hôm nay không ai đưa con đi học”."
    )
    assert speakers(text) == [(None, "cậu bé")]
    # with someone named between, the pronoun is not the child
    text = (
        "Cuối buổi lễ, một cậu bé đứng một mình ở cổng trường. Thầy hiệu trưởng Lê Văn An "
        "đến hỏi chuyện. Cậu cho biết “Bố con đi làm xa nên hôm nay không ai đưa con đi học”."
    )
    assert (None, "cậu bé") not in speakers(text)


def test_quotes_attributed_after_by_theo_and_a_speaker_with_a_second_description() -> None:
    text = (
        "Va chạm trên biển\n"
        "Ông Sivkov, chuyên gia hàng hải, cho biết yếu tố con người là nguyên nhân chính. "
        '"Tàu chở hàng đã phát tín hiệu nhưng tàu chiến không đổi hướng kịp thời", theo chuyên gia '
        "Sivkov.\n\n"
        "Cuộc đua được chị Lan Hicks, biên tập viên một tờ tạp chí và là người giữ kỷ lục nữ "
        "của giải, chia sẻ: “Tôi muốn chạy nhanh hơn cả những con lạc đà”."
    )
    found = {q.text[:20]: q for q in extract_quotes(load_text(text))}
    assert found["Tàu chở hàng đã phát"].speaker.name == "Sivkov"
    hicks = found["Tôi muốn chạy nhanh "].speaker
    assert (hicks.name, hicks.role) == ("Lan Hicks", "biên tập viên một tờ tạp chí")


def _said(quotes: list[Quote], opening: str) -> str | None:
    """The speaker's name of the one quote that opens with `opening`."""
    (name,) = [q.speaker.name for q in quotes if q.text.startswith(opening)]
    return name


def test_a_caption_a_role_named_later_and_a_role_with_where_someone_comes_from() -> None:
    text = (
        "Bộ trưởng Xây dựng: 'Nhà ở xã hội phải đến tay người thu nhập thấp'\n"
        "Theo Bộ trưởng Xây dựng: “Nhà ở xã hội phải đến đúng tay người có thu nhập thấp”.\n\n"
        "Chiều qua, Bộ trưởng Xây dựng Phạm Hồng Sơn trả lời chất vấn. Ông Phạm Hồng Sơn: "
        '"Chúng tôi sẽ rà soát lại toàn bộ các dự án chậm tiến độ". Ảnh: Q.H\n\n'
        "Theo huấn luyện viên Lê Văn Tâm, đội bóng đã chơi hết sức. Huấn luyện viên người "
        "Quảng Nam nhấn mạnh: “Các cầu thủ trẻ đã trưởng thành rất nhiều sau giải này”."
    )
    quotes = extract_quotes(load_text(text))

    # the lead's role before anyone is named: the one the article names with it
    assert _said(quotes, "Nhà ở xã hội phải đến đúng") == "Phạm Hồng Sơn"
    # "Ông X: “…”", a caption's form
    assert _said(quotes, "Chúng tôi sẽ rà soát") == "Phạm Hồng Sơn"
    # "Huấn luyện viên người Quảng Nam": the coach named before, and where he comes from
    assert _said(quotes, "Các cầu thủ trẻ") == "Lê Văn Tâm"


def test_a_photo_credit_run_into_the_sentence_is_no_part_of_the_speaker() -> None:
    text = (
        "Hội nghị thượng đỉnh\n"
        "Hai nhà lãnh đạo bắt tay trước cuộc gặp. Ảnh: AFP/TTXVN Ông Peter Hollander, chuyên "
        'gia chính sách đối ngoại, nói: "Cuộc gặp này sẽ không thay đổi được nhiều điều".'
    )
    (quote,) = extract_quotes(load_text(text))
    assert quote.speaker.name == "Peter Hollander"


def test_a_surname_with_a_manner_before_the_verb_and_according_to_a_named_person() -> None:
    text = (
        "Trở lại sân cũ\n"
        "Tiền đạo Mark Dowley ghi bàn ngay trận đầu. Sau trận, Dowley phấn khích cho biết: "
        '"Được ghi bàn trở lại cho đội bóng cũ là cảm giác tuyệt vời".\n\n'
        "Ông Lê Quang Vinh cho rằng đây là lúc thích hợp. Theo ông Vinh việc mở rộng giải sẽ "
        "có nhiều lợi ích: “Các đội trẻ sẽ có thêm trận đấu để cọ xát và trưởng thành”."
    )
    quotes = extract_quotes(load_text(text))

    assert _said(quotes, "Được ghi bàn trở lại") == "Mark Dowley"
    assert _said(quotes, "Các đội trẻ sẽ có thêm") == "Lê Quang Vinh"


def test_an_occasion_before_a_role_and_name_and_according_to_someones_view() -> None:
    text = (
        "Sau trận đấu\n"
        "Phát biểu sau trận đấu, trợ lý HLV của đội khách, Erwin Maas cho biết: "
        '"Đó là một trận đấu mà chúng tôi nhập cuộc rất khó khăn".\n\n'
        "Ông Nguyễn Sỹ Hoàn ủng hộ đề xuất. Theo quan điểm của ông Hoàn, việc không triệu tập là "
        "một thiệt thòi: “Cũng khá vô lý bởi về mặt pháp lý, họ đã là công dân Việt Nam”."
    )
    quotes = extract_quotes(load_text(text))
    assert _said(quotes, "Đó là một trận đấu") == "Erwin Maas"
    assert _said(quotes, "Cũng khá vô lý") == "Nguyễn Sỹ Hoàn"


def test_a_name_then_age_place_and_a_long_description_before_the_verb() -> None:
    text = (
        "Bệnh nhân chạy thận lo lắng\n"
        "Bà Lò Thị Xuân, 63 tuổi, ở Mai Châu, Hòa Bình, bệnh nhân lâu năm của khoa thận nhân "
        "tạo bệnh viện tỉnh chia sẻ rằng: “Nghe tin đó tôi mất ngủ mấy đêm liền”."
    )
    (quote,) = extract_quotes(load_text(text))
    assert quote.speaker.name == "Lò Thị Xuân"
