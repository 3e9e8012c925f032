"""Reading numbers in Vietnamese and English running text (mickb.text.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mickb.text.numbers import find_numbers, parse_number, unit_kind


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("3.893.595", None, 3893595),
        ("98.982,3", None, 98982.3),
        ("12,7", None, 12.7),
        ("3,893,595.5", None, 3893595.5),
        ("12.7", None, 12.7),
        ("138.000", None, 138000),
        ("1,6", None, 1.6),
        ("96,433", "en", 96433),
        ("96,433", "vi", 96.433),
        ("1.500", "en", 1.5),
        ("2022", None, 2022),
    ],
)
def test_parse_number(text: str, hint: str | None, expected: float) -> None:
    assert parse_number(text, hint) == pytest.approx(expected)


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        parse_number("mười hai")


def _one(text: str):  # type: ignore[no-untyped-def]
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


def test_money_with_scale_words() -> None:
    m = _one("Doanh thu năm 2022 ước đạt 3.893.595 tỷ đồng.")
    assert m.text == "3.893.595 tỷ đồng"
    assert (m.value, m.unit, m.base_unit) == (3893595, "tỷ đồng", "VND")
    assert m.base_value == pytest.approx(3.893595e15)
    assert m.qualifier == "estimate"


def test_hedged_claim_keeps_its_rounding() -> None:
    text = "Doanh thu toàn ngành đạt gần 3,9 triệu tỷ đồng"
    m = _one(text)
    assert (m.value, m.unit, m.decimals) == (3.9, "triệu tỷ đồng", 1)
    assert m.scale == 1e15 and m.base_value == pytest.approx(3.9e15)
    assert m.qualifier == "nearly" and m.qualifier_text == "gần"
    assert m.hedged_text(text) == "gần 3,9 triệu tỷ đồng"


def test_usd_and_english_formats() -> None:
    m = _one("ICT revenue reached $148 billion in 2022")
    assert (m.value, m.base_unit, m.base_value) == (148, "USD", 148e9)
    m = _one("Publishing revenue reached 96,433 billion dong in 2022")
    assert m.value == 96433 and m.base_unit == "VND"
    assert m.base_value == pytest.approx(96433e9)
    m = _one("Doanh thu ước đạt 34.336 triệu USD")
    assert (m.unit, m.base_unit, m.base_value) == ("triệu USD", "USD", 34336e6)


def test_fraction_is_one_figure_with_a_total() -> None:
    m = _one("đã phủ sóng cho 2.152/2.418 điểm lõm sóng")
    assert (m.text, m.value, m.total, m.unit) == ("2.152/2.418 điểm", 2152, 2418, "điểm")
    m = _one("đạt 14/15 chỉ tiêu đã đề ra")
    assert (m.value, m.total, m.unit) == (14, 15, "chỉ tiêu")


def test_range_is_two_figures_sharing_the_unit() -> None:
    low, high = find_numbers("Chi phí logistics tương đương 16-17% GDP")
    assert (low.value, high.value) == (16, 17)
    assert low.is_percent and high.is_percent
    assert low.range_with == 1 and high.range_with == 0


def test_both_ends_of_a_range_are_read_in_one_format() -> None:
    # a gold price: "36,200" has no scale word of its own, but shares "triệu" with the last end
    low, high = find_numbers("Giá vàng miếng ở mức 36,200 – 36,400 triệu đồng/lượng")
    assert (low.value, high.value) == (36.2, 36.4)
    assert low.unit == high.unit == "triệu đồng/lượng"
    # an exchange rate in đồng: both ends are thousands, as no one writes fractions of a đồng
    low, high = find_numbers("tỷ giá niêm yết 22,760 - 22,800 đồng/USD")
    assert (low.value, high.value) == (22760, 22800)


def test_a_counted_noun_stops_before_the_next_figures_hedge() -> None:
    lanes = find_numbers("đường 6 làn xe khoảng 200 tỷ đồng mỗi km")[0]
    assert (lanes.value, lanes.unit) == (6, "làn xe")


def test_people_counts() -> None:
    m = _one("bảo vệ hơn 4,33 triệu người trước lừa đảo")
    assert (m.value, m.unit, m.base_unit, m.qualifier) == (
        4.33,
        "triệu người",
        "người",
        "more_than",
    )
    m = _one("tổng số lao động là 1.510.027 lao động")
    assert m.base_unit == "người"
    assert unit_kind("người") == unit_kind(m.base_unit) == "people"


def test_unit_kinds_keep_currencies_apart() -> None:
    assert unit_kind("VND") != unit_kind("USD")
    assert unit_kind("%") == "percent"
    assert unit_kind(None) == "number"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("đạt khoảng 648 triệu đồng", "about"),
        ("xử lý hơn 2.328 trang web", "more_than"),
        ("đạt trên 90% yêu cầu", "more_than"),
        ("lên ít nhất 50%", "at_least"),
        ("tối đa 5%", "at_most"),
        ("xấp xỉ 27%", "about"),
        ("nearly 3.9 million users", "nearly"),
        ("more than 2,000 websites", "more_than"),
        ("at least 50% of accounts", "at_least"),
        ("duy trì mức tăng từ 15%/năm trở lên", "at_least"),
        ("có 5 doanh nghiệp", None),
    ],
)
def test_hedges(text: str, qualifier: str | None) -> None:
    assert _one(text).qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị tổng kết công tác năm 2022",
        "Sáng 18/12, tại Hà Nội",
        "ngày 9/11/2022, Quốc hội đã thông qua",
        "22:26 18/12/2022",
        "Quyết định số 505/QĐ-TTg",
        "Tiếp tục thực hiện Chỉ thị số 11 của Bộ Chính trị",
        "áp dụng theo Thông tư 22/TT-BTTTT",
        "trong 9 năm qua",
        "sau 5 năm chuyển đổi số",
        "học sinh từ 12 tuổi trở lên",
        "nhóm tuổi 18 - 60",
        "cách mạng công nghiệp lần thứ 4",
        "thương mại hóa mạng 5G và 4G",
        "trong 11 tháng đầu năm 2022",
        "quý III/2023",
        "tháng 11 vừa qua",
        "giai đoạn 2021 - 2025",
        "đại dịch Covid-19",
        "tại địa chỉ https://example.gov.vn/2022/bai-123",
    ],
)
def test_context_numbers_are_not_figures(text: str) -> None:
    assert find_numbers(text) == []
    assert all(m.is_context and m.context for m in find_numbers(text, include_context=True))


def test_context_is_flagged_when_asked() -> None:
    found = find_numbers("Năm 2022, doanh thu đạt 138.000 tỷ đồng", include_context=True)
    assert [(m.text, m.context) for m in found] == [("2022", "year"), ("138.000 tỷ đồng", None)]


def test_no_diacritics_claim_reads_like_the_source() -> None:
    m = _one("doanh thu vien thong nam 2022 dat 138.000 ty dong")
    assert (m.value, m.base_unit, m.base_value) == (138000, "VND", 138e12)


def test_homographs_of_units_are_not_units() -> None:
    # "trạm" (station) is not "trăm" (hundred); "ngân hàng" is not "ngàn"
    assert _one("có 18.500 trạm BTS").base_value == 18500
    assert _one("có 5 ngân hàng").base_value == 5
    # "tỷ lệ" is a word, not the scale word "tỷ"
    assert _one("đạt 5 tỷ lệ").scale == 1.0


# --- round trips: a number written in either style reads back as itself

_scales = st.sampled_from(
    [
        ("", "", 1.0),
        ("tỷ đồng", "billion dong", 1e9),
        ("triệu USD", "million USD", 1e6),
        ("nghìn tỷ đồng", "trillion dong", 1e12),
        ("%", "%", 1.0),
    ]
)


def _group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    frac=st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
    scale=_scales,
)
def test_round_trip_vietnamese(whole: int, frac: int | None, scale: tuple[str, str, float]) -> None:
    written = _group(whole, ".") + ("" if frac is None else f",{frac:02d}")
    expected = whole + (0 if frac is None else frac / 100)
    assert parse_number(written, "vi") == pytest.approx(expected)
    vi_unit, _, mult = scale
    text = f"Chỉ tiêu của ngành ước đạt {written} {vi_unit} trong kỳ".replace(" %", "%")
    found = [m for m in find_numbers(text) if not m.is_context]
    if len(written) == 4 and written.isdigit() and 1900 <= whole <= 2100 and not vi_unit:
        return  # a bare 4-digit number in 1900-2100 reads as a year
    assert len(found) == 1
    assert found[0].value == pytest.approx(expected)
    if vi_unit and vi_unit != "%":
        assert found[0].base_value == pytest.approx(expected * mult)


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    frac=st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
    scale=_scales,
)
def test_round_trip_english(whole: int, frac: int | None, scale: tuple[str, str, float]) -> None:
    written = _group(whole, ",") + ("" if frac is None else f".{frac:02d}")
    expected = whole + (0 if frac is None else frac / 100)
    assert parse_number(written, "en") == pytest.approx(expected)
    _, en_unit, mult = scale
    text = f"The revenue of the sector reached {written} {en_unit} in the period".replace(" %", "%")
    found = [m for m in find_numbers(text) if not m.is_context]
    if written.isdigit() and 1900 <= whole <= 2100 and not en_unit:
        return
    assert len(found) == 1
    assert found[0].value == pytest.approx(expected)
    if en_unit and en_unit != "%":
        assert found[0].base_value == pytest.approx(expected * mult)


@pytest.mark.parametrize(
    "text",
    [
        "Tại cuộc họp sáng nay (6.2), lãnh đạo thành phố cho biết",
        "chính thức áp dụng từ ngày 6.2.2017",
        "dự kiến hoàn thành vào cuối tháng 5.2017",
        "làm việc với tập đoàn sáng 7-7",
        "giai đoạn 3 bắt đầu từ 17-6",
        "dịp 29 Tết vừa qua",
        "các quân khu 1, 2, 3 và Binh đoàn 15",
        "dịch vụ công trực tuyến mức 3, 4",
        "cuộc cách mạng công nghiệp 4.0",
        "thị trường chip Snapdragon 400 (tầm trung)",
        "số 1 Phùng Chí Kiên",
    ],
)
def test_more_context_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_rates_are_not_amounts() -> None:
    m = _one("giá cước phổ biến khoảng 250.000 đồng/thuê bao/tháng")
    assert m.unit == "đồng/thuê bao/tháng" and m.base_unit == "VND/thuê bao/tháng"
    assert unit_kind(m.base_unit) != unit_kind("VND")


def test_more_scale_and_currency_words() -> None:
    assert _one("có 8 vạn cán bộ").base_value == 80000
    m = _one("trị giá 5,4 tỷ đôla")
    assert (m.base_unit, m.base_value) == ("USD", 5.4e9)
    # "đồng hồ" (clock) is not the currency
    assert _one("có 4.259 chiếc đồng hồ").base_unit != "VND"


def test_a_percent_typed_against_its_word_is_read() -> None:
    assert _one("tăng trưởng ở mức17% so với năm trước").value == 17


def test_a_decimal_after_a_day_dash_is_a_figure_not_a_crash() -> None:
    # "sáng 9-3" reads as a date (9 March); "9-3,17" cannot be one, and used to stop the reader
    # with a ValueError (`mickb check` answered "unexpected ValueError", exit 2).
    found = find_numbers("Sáng 9-3,17 triệu lượt truy cập được ghi nhận.")
    assert any(m.value == 3.17 and m.scale == 1e6 for m in found)


def test_a_number_after_a_clue_word_is_still_context() -> None:
    # what the sentences say: a rank, an age, a holiday date, a law and a year are not figures
    text = "Đứng thứ 3 khu vực, người lao động 25 tuổi, nghỉ 29 Tết theo Luật 2013 năm 2022."
    found = {m.text: m.context for m in find_numbers(text, include_context=True)}
    assert found == {"3": "ordinal", "25": "age", "29": "date", "2013": "document", "2022": "year"}


# --- identifiers: numbers that name rather than measure (text/identifiers.py) -----------------
# Each sentence is written for these tests in the style of Vietnamese news; the reason is what
# a reader would say the number is.


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        # number plates
        ("Xe tải BKS 29C-456.78 lưu thông trên quốc lộ 5 thì gặp nạn.", None),
        ("Chiếc xe mang biển kiểm soát 51 F1 - 2345 bị giữ lại.", {"51": "plate"}),
        # roads and kilometre markers
        ("Vụ va chạm xảy ra tại Km 15+300 trên cao tốc.", {"15": "road", "300": "road"}),
        ("Đoạn quốc lộ 1A qua tỉnh và vành đai 3 đều ùn tắc.", {"3": "road"}),
        ("Xe đi trên đường ĐT 741 về phía thị xã.", {"741": "road"}),
        # list and step numbering
        ("1. Miễn tiền thuê đất cho dự án xã hội hóa", {"1": "list"}),
        ("các trường hợp theo quy định.3. Giảm thuế cho hộ kinh doanh", {"3": "list"}),
        ("Bước 3: nộp hồ sơ trực tuyến.", {"3": "list"}),
        # model and product names
        ("Mẫu Galaxy Note 9 ra mắt tuần trước", {"9": "name"}),
        ("chiếc iPhone 8 Plus của anh bị mất", {"8": "name"}),
        ("nghi phạm dùng súng Colt 45 bắn vào cửa", {"45": "name"}),
        ("Anh gọi một chiếc taxi 7 chỗ để về quê", {"7": "model"}),
        ("một xe ben 20 tấn chở cát lật nghiêng", {"20 tấn": "model"}),
        ("bệnh nhân được chuyển lên Bệnh viện Nhi Đồng 2 điều trị", {"2": "name"}),
        # match minutes and scores
        ("Phút 63, tiền đạo đánh đầu cận thành", {"63": "score"}),
        ("đội khách thắng 3-1 trên sân nhà", {"3": "score", "1": "score"}),
        ("Hai đội hòa với tỷ số 2-2.", {"2": "score"}),
        ("80': Vào! Hậu vệ băng lên ghi bàn", {"80": "score"}),
        # phone numbers and codes
        ("Liên hệ đường dây nóng 0988.123.456 để được hỗ trợ", {"0988.123.456": "phone"}),
        ("Người dân có thể gọi 0912 345 678", {"0912": "phone", "345": "phone"}),
        ("Vé trúng có bộ số 05-12-19-27-33-40", {"05": "code", "40": "code"}),
        # addresses
        ("anh trú tại tổ dân phố 5, phường 3, quận 10", {"5": "address", "10": "address"}),
        ("ngụ ấp 2, xã Tân Phú", {"2": "address"}),
        # centuries, footnotes, ages, ranks
        ("ngôi chùa được dựng từ thế kỷ 15", {"15": "century"}),
        ("theo số liệu của ngân hàng[3], tín dụng tăng", {"3": "footnote"}),
        ("Nguyễn Văn A (28 tuổi) bị bắt", {"28": "age"}),
        ("Trần Văn B (SN 1990) khai nhận", {"1990": "year"}),
        ("tỉnh xếp thứ 5, đội bóng ở vòng 12 đá hiệp 2", None),
        # found on real text: a time, a score between two teams, an old year, a map scale
        ("Buổi làm việc bắt đầu lúc 9 giờ 45 sáng nay", {"45": "time"}),
        ("Kết quả: Argentina 2-0 Peru, một chiến thắng dễ dàng", {"2": "score", "0": "score"}),
        ("Ngôi đình được dựng từ năm 1350 dưới thời Trần", {"1350": "year"}),
        ("chưa có căn cứ lập quy hoạch 1/500 cho khu đất", {"1": "code", "500": "code"}),
        ("chiếc taxi mang BKS 29A – 81234 bỏ chạy", {"29": "plate", "81234": "plate"}),
        ("tín hiệu FRB 180916 lặp lại theo chu kỳ", {"180916": "name"}),
        ("U.19 Việt Nam thắng đậm trận ra quân", {"19": "name"}),
        ("thí sinh cần chứng chỉ ngoại ngữ bậc 3 trở lên", {"3": "ordinal"}),
        # numbers that point at things already named: "between the two", "both"
        ("Tranh chấp giữa 2 công ty kéo dài từ đầu năm.", {"2 công ty": "reference"}),
        ("Đội chủ nhà đã thắng cả 2 trận gặp đối thủ này.", {"2": "reference"}),
        ("Đội hình ra sân của 2 đội trong trận đấu tối qua.", {"2": "reference"}),
        # the count of a list the article goes on to give
        ("Dưới đây là 7 điều bạn nên biết khi thuê nhà.", {"7": "list"}),
        ("Có 4 lý do khiến người mua chần chừ.", {"4": "list"}),
        ("Chuyên gia gợi ý 3 cách đơn giản để tiết kiệm điện.", {"3": "list"}),
        # a percentage that grades a state: brand new
        ("Lô hàng được khai là máy móc mới 100% khi nhập khẩu.", {"100%": "grade"}),
        # house numbers, phone numbers with an area code, map positions, dotted codes
        ("Cửa hàng có địa chỉ tại 215 Lê Duẩn, quận 1.", {"215": "address"}),
        ("Văn phòng ở tòa nhà Sunrise,162 Hoàng Hoa Thám.", {"162": "address"}),
        ("Đặt lịch qua số (024) 3825 1234 trong giờ hành chính.", {"3825": "phone"}),
        ("Áp thấp có trục đi qua khoảng 17-18 độ Vĩ Bắc.", {"17": "code", "18 độ": "code"}),
        ("Tàu kiểm ngư KN 12.26.05 đã có mặt tại hiện trường.", {"12.26.05": "code"}),
        ("Điện thoại chạy phiên bản 8.1.2 của hệ điều hành.", {"8.1.2": "code"}),
        # a range of labels is labels
        ("Các câu 31 đến 40 thuộc phần đọc hiểu.", {"31": "list", "40": "list"}),
        ("Ven biển có gió đông bắc cấp 2-3.", {"2": "ordinal", "3": "ordinal"}),
        ("Tại Hội nghị Trung ương 6 khóa XII, nhiều vấn đề được bàn.", {"6": "ordinal"}),
        # calling codes, names written with a dot, lottery draws, vehicle classes, ordinals
        ("Nhiều cuộc gọi lạ từ đầu số +225 và +231 bị chặn.", {"225": "code", "231": "code"}),
        ("Thành viên nhóm St.319 vừa ra đĩa đơn mới.", {"319": "name"}),
        ("Bộ số trúng thưởng là 05 – 12 – 19 – 27 – 33 – 41.", {"05": "code", "41": "code"}),
        ("Thành phố thử nghiệm tuyến xe buýt 2 tầng cho khách du lịch.", {"2": "model"}),
        ("Ông được bầu lại lần 2 với số phiếu cao.", {"2": "ordinal"}),
        ("Hai bên thống nhất rằng nếu 2 bên đồng ý thì ký ngay.", {"2": "reference"}),
        ("Tay vợt Nga dẫn 4-1 ở set cuối.", {"4": "score"}),
        # durations and ages
        ("Ca mổ kéo dài gần 5 tiếng đồng hồ.", {"5": "duration"}),
        ("Chỉ sau 4 phiên giao dịch, cổ phiếu mất gần nửa giá trị.", {"4": "duration"}),
        ("Anh gia nhập đội bóng ở mùa giải 2018/19.", {"19": "year"}),
        ("Gửi tiết kiệm với kỳ hạn 12 và 24 tháng.", {"12": "duration", "24": "duration"}),
        # a line-up's shirt numbers, players' numbers in brackets, labels of places and series
        (
            "Đội hình xuất phát trận đấu: 1 Trần Minh 4 Lê Văn Hùng 7 K. Tanaka 9 Đỗ Hoàng Sơn",
            {"1": "name", "9": "name"},
        ),
        ("Thẻ vàng trong trận đấu: Lê Văn Hùng (4), Đỗ Hoàng Sơn (9).", {"4": "name"}),
        ("Nhà cô ở tổ 12, khu vực 4, phường Hương Long.", {"4": "address"}),
        ("Nga đang thử nghiệm tiêm kích thế hệ 6.", {"6": "ordinal"}),
        ("Đáp án môn Toán mã đề 108 đã được công bố.", {"108": "code"}),
        ("Chiến thuật 2 đội trong trận đấu tối qua rất khác nhau.", {"2": "reference"}),
        ("Đội khách bất bại trong 6 trận gần nhất.", {"6": "duration"}),
        ("Xem tử vi 12 con giáp trong tuần.", {"12": "list"}),
        ("Khảo sát nhân viên văn phòng tuổi từ 25 đến 55.", {"25": "age", "55": "age"}),
        # endings of phone numbers, keys and buttons, how a code is made
        (
            "Nhóm này rao bán sim đuôi 8899, 999 trên mạng xã hội.",
            {"8899": "phone", "999": "phone"},
        ),
        ("Các sim có đuôi “lộc phát” như 6868, 8686… được chào giá cao.", {"6868": "phone"}),
        ("Muốn gõ ký hiệu, hãy bấm phím 123 ở góc trái.", {"123": "name"}),
        ("Máy cho phép đặt mã 6 chữ số hoặc mật khẩu gồm 10 ký tự.", {"6": "model", "10": "model"}),
        # long codes with no separator, all day every day, the class of a hotel
        ("Công ty được cấp giấy chứng nhận đầu tư số 4123987650.", {"4123987650": "code"}),
        ("Tổng đài trực 24/24 để tiếp nhận phản ánh.", {"24": "time"}),
        ("Đoàn khách nghỉ tại một khách sạn 4 sao ven biển.", {"4": "model"}),
    ],
)
def test_identifiers_are_not_figures(text: str, reasons: dict[str, str] | None) -> None:
    assert find_numbers(text) == []
    found = {m.text: m.context for m in find_numbers(text, include_context=True)}
    for written, reason in (reasons or {}).items():
        assert found[written] == reason, found


@pytest.mark.parametrize(
    ("text", "value_text"),
    [
        # "tháng 3" is a month, "thắng 3" (won) is not
        ("Đội khách không thắng 4/5 trận gần nhất.", "4/5 trận"),
        ("Vùng này có 3 đô thị lớn.", "3 đô thị"),
        ("Số đo ba vòng của cô lần lượt là 86 - 60 - 90.", "86"),
        # a range of counts after a label word is a range of counts
        ("Thí sinh chỉ cần lấy điểm 1-2 môn để xét tuyển.", "1"),
        ("Ca sĩ có số đo ba vòng lần lượt 86 - 60 - 90.", "86"),
        ("Sau vòng bảng, có 2 đội bị loại khỏi giải đấu.", "2 đội"),
        # a count of titles is no line-up
        ("Ông giành 5 FA Cup, 4 League Cup và 2 Champions League.", "5 FA"),
        ("Cầu thủ này có 12 bàn thắng và 3 kiến tạo trong mùa giải.", "3 kiến tạo"),
        # "cả 3" still counts: only "cả 2" is "both"
        ("Cú va chạm làm cả 3 người trên xe bị thương.", "3 người"),
        # "giữa" before a range is "between A and B"
        ("Con trưởng thành nặng trong khoảng giữa 120-180 kg.", "120"),
        # "điều trị" is a word of its own; a law's articles are counted
        ("Bệnh viện đã tiếp nhận 12 bệnh nhân điều trị nội trú.", "12 bệnh nhân"),
        ("Doanh nghiệp được giảm 30% tiền thuê đất trong năm đầu.", "30%"),
        # a sentence about SIM cards still counts them
        ("Công an thu giữ 450 sim rác cùng 12 điện thoại.", "450 sim rác"),
    ],
)
def test_counts_that_look_like_references_stay_figures(text: str, value_text: str) -> None:
    assert value_text in [m.text for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("vụ tai nạn làm 1 người khác bị thương", 1, "người"),
        ("công an bắt giữ 02 đối tượng", 2, "đối tượng"),
        ("tiền đạo đi bóng qua 3 hậu vệ rồi sút", 3, "hậu vệ"),
        ("Hà Nội ghi nhận 12 ca mắc mới", 12, "ca"),
        ("thành phố chặt hạ 1.300 cây xanh trên tuyến phố", 1300, "cây xanh"),
        ("hợp đồng với 2.141 cơ sở khám chữa bệnh", 2141, "cơ sở"),
        ("thu giữ 51 chiếc điện thoại di động", 51, "chiếc"),
        ("đón 2,7 triệu lượt du khách quốc tế", 2.7, "triệu lượt"),
        ("có 12 tỉnh, thành phố tham gia", 12, "tỉnh, thành phố"),
        ("phát hành 22,5 triệu cổ phiếu ra công chúng", 22.5, "triệu cổ phiếu"),
        ("ghi nhận 10 trường hợp nhiễm bệnh", 10, "trường hợp"),
        ("khu vực có 5 cụm công nghiệp đang hoạt động", 5, "cụm công nghiệp"),
        # a container counts as a classifier; what is said of the things counted is no unit
        ("lực lượng chức năng tịch thu 2.400 chai nước hoa nhái", 2400, "chai"),
        ("máy có 4 chế độ tắt màn hình", 4, "chế độ"),
        ("ứng dụng cho lưu 5 đoạn văn bản dài", 5, "đoạn văn bản"),
        ("luật cấm 6 ngành nghề kinh doanh", 6, "ngành nghề"),
        ("cuốn sách của 3 nhóm tác giả", 3, "nhóm tác giả"),
        ("gần 27,000 cặp đôi đăng ký", 27000, "cặp đôi"),
        ("hợp tác xã có 908 HTX hoạt động tốt", 908, "HTX"),
        # what a count counts ends before the verb that follows it
        ("có 4 trẻ nhập viện vì ngộ độc", 4, "trẻ"),
        ("có 3 thanh niên đuổi theo tài xế", 3, "thanh niên"),
        ("đội chủ nhà tung ra 7 cú sút so với đối thủ", 7, "cú sút"),
        ("phát hiện 2 tầng đầu tiên bị nứt", 2, "tầng"),
        # but not inside a two-syllable word
        ("kết quả của 330 phòng xét nghiệm", 330, "phòng xét nghiệm"),
        ("tổng cộng 115 công trình nghiên cứu", 115, "công trình nghiên cứu"),
        ("đơn vị nhận 8 xe chuyên dùng", 8, "xe chuyên dùng"),
        ("phiên tòa xét xử 14 bị cáo trong vụ án", 14, "bị cáo"),
        ("thu giữ 2 bao tải đựng hàng lậu", 2, "bao tải"),
        ("hội nghị bàn 5 vấn đề lớn", 5, "vấn đề"),
        ("công ty ký 3 hợp đồng mua bán", 3, "hợp đồng"),
        ("ngân hàng mở thêm 12 chi nhánh ở miền Trung", 12, "chi nhánh"),
    ],
)
def test_counts_take_the_noun_they_count_as_unit(text: str, value: float, unit: str) -> None:
    (m,) = find_numbers(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("diện tích tự nhiên 8.010 km2", 8010, "km2"),
        ("máy ảnh phía sau có độ phân giải 16 MP", 16, "MP"),
        ("mật độ điểm ảnh của màn hình là 326 ppi", 326, "ppi"),
        ("nhiệt độ ngoài trời lên tới 40 độ C", 40, "độ C"),
        ("nước trong hồ đạt 100 °C", 100, "°C"),
        ("vết thương dài 1,5cm", 1.5, "cm"),
        ("cây cầu dài 50m", 50, "m"),
        ("màn hình 6,2 inch", 6.2, "inch"),
        ("xe chạy 100km/h", 100, "km/h"),
        ("nhà máy công suất 600 MW", 600, "MW"),
        ("giá vàng 36,43 triệu đồng/lượng", 36.43, "triệu đồng/lượng"),
        ("tỷ giá ở mức 22.755 đồng/USD", 22755, "đồng/USD"),
        ("giá vàng thế giới 1.264,5 USD/ounce", 1264.5, "USD/ounce"),
        ("thưởng từ 3 tháng lương", 3, "tháng lương"),
        ("động cơ có mô-men xoắn 320 Nm", 320, "Nm"),
        ("tiền đạo mới của đội cao 1m84", 1.84, "m"),
        ("nhiệt độ ban đêm xuống 12 độ", 12, "độ"),
        ("bà gửi tiết kiệm 30 lượng vàng", 30, "lượng vàng"),
        ("giá vàng giảm 150.000 đồng mỗi lượng", 150000, "đồng mỗi lượng"),
        ("nhiệt độ cao nhất ở vùng núi 31oC", 31, "oC"),
        ("mẫu xe có giá 890 ngàn baht tại Thái Lan", 890, "ngàn baht"),
        ("giá tiêu giao ngay ở 52.300 rupee/tạ", 52300, "rupee/tạ"),
        ("cầu thủ được định giá 40 triệu đô", 40, "triệu đô"),
        ("ngân hàng bán ra đô la ở mức 23,150 đồng", 23150, "đồng"),
        ("trời nắng nóng, cao nhất 35oC", 35, "oC"),
        # a square or cubic metre whose superscript the page lost
        ("nhà máy cấp 120.000 m 3 /ngày đêm", 120000, "m3 /ngày"),
        ("mảnh đất rộng 450m 2 .", 450, "m2"),
        ("xe máy dung tích 110 cm3", 110, "cm3"),
        ("đồng USD giao dịch ở mức 109,7 yen/USD", 109.7, "yen/USD"),
    ],
)
def test_measurement_units(text: str, value: float, unit: str) -> None:
    (m,) = find_numbers(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "base_value", "base_unit"),
    [
        ("Revenue hit VND138,000 billion in 2022", 138000, "billion VND", 138e12, "VND"),
        ("a total of VNĐ3.9 quadrillion", 3.9, "quadrillion VND", 3.9e15, "VND"),
        ("exports reached US$148 billion", 148, "billion USD", 148e9, "USD"),
        ("sales reached $148bn last year", 148, "bn USD", 148e9, "USD"),
        ("revenue reached 138 trillion dong", 138, "trillion dong", 138e12, "VND"),
        ("the app added 5.2 mn users", 5.2, "mn users", 5.2e6, "người"),
        ("the sector grew 12.7 percent", 12.7, "percent", 12.7, "%"),
    ],
)
def test_english_scale_words_and_glued_currencies(
    text: str, value: float, unit: str, base_value: float, base_unit: str
) -> None:
    (m,) = find_numbers(text)
    assert (m.value, m.unit, m.base_unit) == (pytest.approx(value), unit, base_unit)
    assert m.base_value == pytest.approx(base_value)


def test_a_resolution_is_two_figures_of_one_unit() -> None:
    found = find_numbers("Màn hình có độ phân giải 2.560x1.440 pixel, rộng 6,2 inch.")
    assert [(m.value, m.unit) for m in found] == [(2560, "pixel"), (1440, "pixel"), (6.2, "inch")]
    assert find_numbers("Mẫu xe 4x4 được bán từ tháng trước.") == []


def test_sizes_written_with_spaces_share_the_unit_written_last() -> None:
    found = find_numbers("Chiếc máy có kích thước 150,2 x 71,4 x 8,1 mm, nặng 190 gam.")
    assert [(m.value, m.unit) for m in found] == [
        (150.2, "mm"),
        (71.4, "mm"),
        (8.1, "mm"),
        (190, "gam"),
    ]


def test_a_count_of_stars_is_still_a_count() -> None:
    (m,) = find_numbers("Bộ phim nhận được 5 sao từ các nhà phê bình.")
    assert m.value == 5


def test_ages_listed_with_a_comma_are_ages() -> None:
    text = "Nhóm học sinh chừng 13, 14 tuổi đứng chờ trước cổng."
    assert find_numbers(text) == []
    found = find_numbers(text, include_context=True)
    assert {m.text: m.context for m in found} == {"13": "age", "14": "age"}


def test_a_range_of_amounts_after_tu_is_no_date() -> None:
    found = find_numbers("Mỗi chiếc được bán từ 7-9 triệu đồng, có chiếc lên tới 20 triệu đồng.")
    assert [(m.value, m.unit) for m in found] == [
        (7, "triệu đồng"),
        (9, "triệu đồng"),
        (20, "triệu đồng"),
    ]
    assert find_numbers("Lễ hội kéo dài từ 17-6 đến hết tháng.") == []


def test_a_decimal_comma_before_a_scale_word_stays_vietnamese() -> None:
    # "36,000 triệu" is 36 million written with three decimals, not 36 thousand million
    (m,) = find_numbers("giá niêm yết 36,000 triệu đồng/lượng")
    assert m.value == 36 and m.base_value == pytest.approx(36e6)


def test_two_figures_joined_by_va_share_the_unit_written_once() -> None:
    low, high = find_numbers("giá mua và bán lần lượt 22.685 và 22.755 đồng/USD")
    assert low.unit == high.unit == "đồng/USD"
    assert low.range_with is None


def test_the_guarded_rules_answer_as_every_rule_asked_in_turn() -> None:
    # identifiers.context_of asks each rule only where it can fire; context_of_plain asks them
    # all: on every number of these sentences the two must agree
    import re

    from mickb.text.fold import fold_keep_offsets
    from mickb.text.identifiers import SentenceClues, Spot, context_of, context_of_plain
    from mickb.text.units import read_unit

    sentences = [
        "Xe tải BKS 29C-456.78 lưu thông trên quốc lộ 5, tại Km 15+300 thì gặp nạn lúc 8h30.",
        "1. Miễn thuế; các trường hợp theo quy định.3. Giảm 30% tiền thuê đất",
        "Phút 63, đội khách thắng 3-1 nhờ cú sút của tiền vệ 28 tuổi (SN 1995).",
        "Gọi 0912 345 678 hoặc hotline 1900 1234; bộ số 05-12-19-27 trúng 30 tỷ đồng.",
        "Theo Nghị định 15/2022/NĐ-CP ngày 3/2/2022, Điều 5 quy định mức 3, 4 cho 1.200 hộ.",
        "ngôi chùa thế kỷ 15 ở tổ dân phố 5, phường 3 đón 2,7 triệu lượt khách năm 2019.",
        "Galaxy Note 9 có màn hình 6,4 inch, giá 23 triệu đồng, bán ra từ 17-8 tại 120 cửa hàng.",
        "Rao bán sim đuôi 8899, 999 giá 5 triệu đồng; bấm phím 123, nhập mã 4 chữ số.",
        "Màn hình 1.920x1.080 pixel, xe 4x4, giá từ 5-10 triệu đồng, ảnh 13 MP, từ 17-6.",
        "Giấy phép số 4123987650, trực 24/24 và 24/7, khách sạn 4 sao, máy 150 x 71 x 8 mm.",
    ]
    for text in sentences:
        folded = fold_keep_offsets(text)
        clues = SentenceClues(text, folded)
        for m in re.finditer(r"\d+(?:[.,]\d+)*", text):
            r = read_unit(text, m.end(), True)
            spot = dict(
                text=text,
                folded=folded,
                clues=clues,
                start=m.start(),
                end=m.end(),
                digits=m.group(0),
                unit=r.unit,
                is_percent=r.is_percent,
                unit_end=max(r.end, m.end()),
                glued_unit=r.glued,
            )
            assert context_of(Spot(**spot)) == context_of_plain(Spot(**spot)), m.group(0)


def test_a_line_of_match_statistics_counts_each_statistic() -> None:
    # the home side's figure, the statistic, the away side's figure; shots on target in brackets
    text = "Thông số Đội A Thông số Đội B 9(4) Sút khung thành 6(1) 12 Phạm lỗi 15 0 Thẻ đỏ 1"
    found = [(m.text, m.unit) for m in find_numbers(text)]
    assert found == [
        ("9", "Sút khung thành"),
        ("4", "Sút khung thành"),
        ("6", "Sút khung thành"),
        ("1", "Sút khung thành"),
        ("12", "Phạm lỗi"),
        ("15", "Phạm lỗi"),
        ("0", "Thẻ đỏ"),
        ("1", "Thẻ đỏ"),
    ]


def test_an_amount_in_two_scales_is_one_figure() -> None:
    (m,) = find_numbers("Tổng số tiền thu hồi là 61 tỷ 807 triệu đồng.")
    assert (m.value, m.unit, m.base_unit) == (pytest.approx(61.807), "tỷ đồng", "VND")
    assert m.base_value == pytest.approx(61.807e9) and m.text == "61 tỷ 807 triệu đồng"


@pytest.mark.parametrize(
    ("text", "unit", "base"),
    [
        ("Phiên bản đắt nhất được bán ở mức trên 900$.", "$", "USD"),
        ("Giá khởi điểm có thể lên 1,000$ (ít nhất là bản cao cấp).", "$", "USD"),
        ("Vé vào cửa có giá 50 € một người.", "€", "EUR"),
        ("Gói cước chỉ 5$/tháng.", "$/tháng", "USD/tháng"),
    ],
)
def test_a_currencys_sign_after_the_number_is_its_unit(text: str, unit: str, base: str) -> None:
    (n,) = [x for x in find_numbers(text) if not x.is_context]
    assert (n.unit, n.base_unit) == (unit, base)


def test_a_code_after_its_label_is_no_figure() -> None:
    # a donation list's code and a file number: dots that group no thousands
    (amount,) = find_numbers("Một bạn đọc gửi ủng hộ MS 2016.245 số tiền 300.000 đồng")
    assert (amount.value, amount.unit) == (300000, "đồng")
    assert find_numbers("Hồ sơ được ghi mã hồ sơ 15.220 tại bộ phận một cửa") == []
