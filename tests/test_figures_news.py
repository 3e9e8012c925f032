"""Figures of general news (not ministry reports): periods written as news write them,
"1" as an article rather than a count, identifiers that look like counts, units of devices
and counted nouns. Sentences written for these tests in the style of Vietnamese news."""

from __future__ import annotations

from mickb.ingest.extract.figures import extract_figures
from mickb.ingest.read import load_text
from mickb.records import Fact


def _facts(text: str) -> list[Fact]:
    return extract_figures(load_text(text))


def _one(facts: list[Fact], value_text: str) -> Fact:
    found = [f for f in facts if f.value_text == value_text]
    assert len(found) == 1, [f.value_text for f in facts]
    return found[0]


# --- periods ------------------------------------------------------------------------------------


def test_a_month_written_with_a_dot_is_the_figures_period() -> None:
    facts = _facts(
        "Thị trường ô tô đầu năm\n"
        "Hãng xe cho biết đã bán được nhiều xe hơn.\n"
        "Trong tháng 3.2018, hãng bán được 4.210 xe, còn đối thủ chỉ bán 3.905 chiếc. "
        "Doanh số tăng từ 2.100 chiếc (trong tháng 2.2018) lên 2.460 chiếc (trong tháng 3.2018)."
    )
    assert _one(facts, "4.210 xe").period == "tháng 3/2018"
    assert _one(facts, "3.905 chiếc").period == "tháng 3/2018"
    assert _one(facts, "2.100 chiếc").period == "tháng 2/2018"
    assert _one(facts, "2.460 chiếc").period == "tháng 3/2018"


def test_an_undated_leads_year_scopes_the_changes_of_a_paragraph_about_that_year() -> None:
    facts = _facts(
        "Hãng điện thoại Hàn Quốc thắng lớn đầu năm\n"
        "Hãng đã mở đầu năm 2019 rất thành công với doanh số bán máy tại châu Âu.\n"
        "Trong tháng 2.2019, hãng bán được 42.300 máy tại Đức. "
        "Tổng cộng hãng bán 96.800 máy, tăng 7,5% so với cùng kỳ năm ngoái. "
        "Đối thủ Nhật Bản giảm 12%, chỉ còn 30.150 máy. "
        "Hãng hiện có 14 cửa hàng tại Berlin, tăng 2 cửa hàng. "
        "Năm ngoái, hãng đứng đầu thị trường với 1,1 triệu máy bán ra trong năm 2018. "
        "Đối thủ Nhật Bản giảm 3%, chỉ đạt 0,9 triệu máy."
    )
    assert _one(facts, "42.300 máy").period == "tháng 2/2019"
    # a change in a paragraph about the lead's year holds for that year
    assert _one(facts, "96.800 máy").period == "2019"
    assert _one(facts, "7,5%").period == "2019"
    assert _one(facts, "12%").period == "2019"
    assert _one(facts, "30.150 máy").period == "2019"
    # what holds now is not a figure of the year
    assert _one(facts, "14 cửa hàng").period is None
    # the year named right after the figure says what "năm ngoái" cannot in an undated text
    assert _one(facts, "1,1 triệu máy").period == "2018"
    # after the article turns to another year, the lead no longer scopes: null, not a guess
    assert _one(facts, "3%").period is None
    assert _one(facts, "0,9 triệu máy").period is None


def test_an_undated_lead_without_changes_or_with_a_date_scopes_nothing() -> None:
    facts = _facts(
        "Kiểm toán công bố kết quả\n"
        "Kiểm toán vừa công bố kết quả kiểm toán năm 2018 tại tỉnh.\n"
        "Năm 2018, kiểm toán kiến nghị thu hồi 12,5 tỷ đồng. "
        "Quy định cho phép tối đa 15 trạm thu phí trên toàn tuyến.\n"
        "Xổ số trả thưởng\n"
    )
    assert _one(facts, "12,5 tỷ đồng").period == "2018"
    assert _one(facts, "15 trạm").period is None
    facts = _facts(
        "Giải thưởng chưa có người nhận\n"
        "Công ty cho biết vé trúng giải kỳ quay ngày 5/3/2019 vẫn chưa có người nhận.\n"
        "Kỳ quay ngày 5/3/2019 có 3 vé trúng giải nhì. Giải nhất trị giá 31,2 tỷ đồng, "
        "tăng 4% so với kỳ trước."
    )
    assert _one(facts, "31,2 tỷ đồng").period is None


def test_a_span_from_a_month_until_now_is_the_period_of_its_figures() -> None:
    facts = _facts(
        "Bắt đối tượng lừa bán vé máy bay\n"
        "Công an quận vừa bắt một đối tượng lừa bán vé máy bay giá rẻ.\n"
        "Chỉ tính từ tháng 3-2018 đến khi bị bắt, đối tượng đã lừa 40 người, "
        "chiếm đoạt gần 300 triệu đồng. Từ tháng 3/2018 đến tháng 5/2018, hắn mở 2 tài khoản."
    )
    assert _one(facts, "40 người").period == "từ tháng 3/2018"
    assert _one(facts, "300 triệu đồng").period == "từ tháng 3/2018"
    assert _one(facts, "2 tài khoản").period != "từ tháng 3/2018"


def test_growth_in_the_new_year_is_of_the_new_year() -> None:
    facts = _facts(
        "Bán lẻ khởi sắc\n"
        "Các chuỗi bán lẻ báo tin vui.\n"
        "Trong năm mới, chuỗi siêu thị có mức tăng trưởng 18% nhờ hàng Tết. "
        "Dịp năm mới, chuỗi tặng quà cho 500 khách hàng."
    )
    assert _one(facts, "18%").period == "năm mới"
    assert _one(facts, "500 khách hàng").period is None


# --- "1" as the article "a" -----------------------------------------------------------------


def test_one_after_cua_la_bi_is_the_article_a() -> None:
    facts = _facts(
        "Công an huyện làm rõ vụ lừa đảo\n"
        "Công an huyện nhận được đơn trình báo của 1 người dân về việc bị 1 đối tượng lạ "
        "gọi điện. Đây là 1 thủ đoạn mới, kẻ gian đi cùng với 1 chiếc xe máy không biển.\n"
        "Vụ va chạm khiến 1 người chết và 2 người bị thương; trong túi nạn nhân có 1 con dao, "
        "1 đôi giày. Chỉ 1 người trên xe thoát ra ngoài."
    )
    assert sorted(f.value_text for f in facts) == [
        "1 con dao",
        "1 người",
        "1 người",
        "1 đôi giày",
        "2 người",
    ]


# --- years that name a law -------------------------------------------------------------------


def test_the_year_in_a_laws_name_is_not_the_figures_period() -> None:
    facts = _facts(
        "Xử lý quảng cáo trực tuyến\n"
        "Căn cứ Luật Quảng cáo 2012, sở đã xử phạt 37 trang web vi phạm trong đợt kiểm tra."
    )
    assert _one(facts, "37 trang web").period is None


# --- counted nouns and scores -----------------------------------------------------------------


def test_a_verb_after_a_count_is_not_what_it_counts() -> None:
    facts = _facts(
        "Đoàn rước kiệu làng Đông\n"
        "Đoàn rước có 12 người, trong đó 1 người cầm cờ, 1 đánh trống, 1 thổi kèn.\n"
        "Công ty báo lỗ ròng 512 tỷ kéo tổng số lỗ lũy kế lên 1.930 tỷ đồng."
    )
    assert _one(facts, "1 người").unit == "người"
    # the noun left unsaid in a list: each "1" still counts one person, with no noun of its own
    ones = [f for f in facts if f.value == 1 and f.unit == ""]
    assert len(ones) == 2
    loss = _one(facts, "512 tỷ")
    assert (loss.unit, loss.measure) == ("tỷ", "level")


def test_an_exam_mark_is_a_level_but_league_points_are_a_count() -> None:
    facts = _facts(
        "Điểm chuẩn năm nay\n"
        "Trường lấy điểm chuẩn ngành dược là 19,5 điểm, các ngành còn lại nhận thí sinh "
        "từ 17 điểm trở lên.\n"
        "Sau vòng 20, đội bóng thủ đô có 41 điểm."
    )
    assert _one(facts, "19,5 điểm").measure == "level"
    assert _one(facts, "17 điểm").measure == "level"
    assert _one(facts, "41 điểm").measure == "count"
