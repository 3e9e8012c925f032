"""Figures of general news (not ministry reports): periods written as news write them,
"1" as an article rather than a count, identifiers that look like counts, units of devices
and counted nouns. Sentences written for these tests in the style of Vietnamese news."""

from __future__ import annotations

from mickb.ingest.extract.figures import extract_figures
from mickb.ingest.read import load_text
from mickb.records import Fact, SourceMeta


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


def test_a_period_right_after_a_figure_is_its_own_not_the_one_before_it() -> None:
    facts = _facts(
        "Tập đoàn điện tử tăng vốn\n"
        "Tập đoàn vừa được chấp thuận dự án mới.\n"
        "Với dự án này, tập đoàn nâng tổng vốn lên 7,2 tỷ USD, sau khi khởi công nhà máy "
        "1,5 tỷ USD đầu tiên vào năm 2013 và nâng lên thành 3 tỷ USD trong năm 2016."
    )
    assert _one(facts, "1,5 tỷ USD").period == "2013"
    assert _one(facts, "3 tỷ USD").period == "2016"
    # "sau khi ...": the years of what came before are not the new total's
    assert _one(facts, "7,2 tỷ USD").period is None


def test_a_parenthesis_about_another_year_is_no_part_of_the_plan() -> None:
    facts = _facts(
        "Doanh nghiệp thua lỗ\n"
        "Kết quả kinh doanh không như kỳ vọng.\n"
        "Công ty lỗ 210 tỷ đồng, trái với kế hoạch lãi 95 tỷ đồng (năm 2019 có lãi "
        "hơn 400 tỷ đồng)."
    )
    assert _one(facts, "95 tỷ đồng").measure == "target"
    last_year = _one(facts, "400 tỷ đồng")
    assert (last_year.measure, last_year.period) == ("level", "2019")
    assert _one(facts, "95 tỷ đồng").period != "2019"


def test_a_count_held_now_takes_no_year_named_later_in_the_sentence() -> None:
    facts = _facts(
        "Hợp tác Việt Nam - Hàn Quốc\n"
        "Quan hệ hai nước phát triển mạnh.\n"
        "Hiện có hơn 9.000 doanh nghiệp Hàn Quốc đang hoạt động tại Việt Nam và trong năm 2018, "
        "có 3,5 triệu khách du lịch Hàn Quốc đến Việt Nam."
    )
    assert _one(facts, "9.000 doanh nghiệp").period is None
    visitors = _one(facts, "3,5 triệu khách du lịch")
    assert (visitors.unit, visitors.period) == ("triệu khách du lịch", "2018")


def test_a_goal_striven_for_is_a_target() -> None:
    facts = _facts(
        "Ngành cà phê quyết mang về 6 tỷ USD\n"
        "Các địa phương bàn giải pháp cho ngành cà phê.\n"
        "Hội nghị đề xuất nhiều giải pháp để giá trị xuất khẩu cà phê của cả nước đạt 6 tỷ USD "
        "vào năm 2030. Năm ngoái, xuất khẩu cà phê đạt 3,1 tỷ USD."
    )
    title, body = [f for f in facts if f.value_text == "6 tỷ USD"]
    assert title.measure == "target"
    assert (body.measure, body.period) == ("target", "2030")
    assert _one(facts, "3,1 tỷ USD").measure == "level"


def test_a_mark_named_before_its_number_and_a_cut_of_an_amount() -> None:
    facts = _facts(
        "Tuyển sinh đại học\n"
        "Các trường công bố mức nhận hồ sơ.\n"
        "Trường nhận hồ sơ có điểm từ 17 trở lên, ngành sư phạm lấy ngưỡng điểm 19,5.\n"
        "Năm nay, cửa hàng giảm số lượng hàng nhập về khoảng 25% so với năm trước."
    )
    for text in ("17", "19,5"):
        mark = _one(facts, text)
        assert (mark.unit, mark.measure) == ("điểm", "level")
    assert _one(facts, "25%").measure == "change"


def test_a_date_in_parentheses_after_the_day_is_no_figure() -> None:
    facts = _facts(
        "Chợ hoa ngày Tết\n"
        "Sáng nay (9-2), hơn 300 tiểu thương đã dựng quầy. Tối qua (8-2), chợ đón 1.200 "
        "lượt khách."
    )
    assert sorted(f.value for f in facts) == [300, 1200]


def test_a_proposal_to_raise_a_level_is_a_target_and_subscribers_are_counted_as_such() -> None:
    facts = _facts(
        "Hỗ trợ hộ nghèo\n"
        "Xã đề nghị nâng mức hỗ trợ cho mỗi hộ lên 600.000 đồng/tháng. Kênh của xã đã có "
        "2.300 người đăng ký."
    )
    assert _one(facts, "600.000 đồng/tháng").measure == "target"
    assert _one(facts, "2.300 người đăng ký").measure == "count"


def test_a_count_after_a_duration_is_no_year_and_its_noun_ends_before_a_verb() -> None:
    facts = _facts(
        "3 năm, 4 đứa trẻ đau đớn mất cả cha lẫn mẹ\n"
        "Người bà đã ngoài 70 tuổi vẫn nuôi 4 đứa ăn học."
    )
    title, body = [f for f in facts if f.value == 4]
    assert (title.unit, title.measure) == ("đứa trẻ", "count")
    assert body.unit == "đứa"


def test_the_figures_after_a_date_in_parentheses_stay_and_a_starting_price_is_no_mark() -> None:
    facts = _facts(
        "Nắng nóng và giá xe\n"
        "Chiều nay (14-5), nhiệt độ cao nhất phổ biến 36-38 độ C. Mẫu xe mới có giá khởi "
        "điểm từ 15.990 USD và mất 6 giây để đạt 100 km/h."
    )
    assert sorted(f.value for f in facts if f.unit == "độ C") == [36, 38]
    assert _one(facts, "15.990 USD").unit == "USD"
    assert _one(facts, "100 km/h").measure == "level"


def test_a_group_named_again_with_nay_and_a_campus_number_are_no_new_figures() -> None:
    facts = _facts(
        "Lễ hội vùng ven đô\n"
        "Lễ hội có 7 thôn cùng tham gia. Trong 7 thôn này, có 2 thôn ở bên kia sông. "
        "Trường tiểu học Hòa Bình cơ sở 3 đón 450 học sinh."
    )
    assert sorted((f.value, f.unit) for f in facts) == [
        (2, "thôn"),
        (7, "thôn"),
        (450, "học sinh"),
    ]


# --- ranges with a currency or a unit, cubic metres, plans against what holds now -------------


def test_a_small_range_before_a_currency_or_after_a_name_is_two_figures_not_a_score() -> None:
    facts = _facts(
        "Giá linh kiện điện thoại\n"
        "Trước đây mỗi tấm kính chỉ tốn khoảng 4 – 6 USD/ một máy, nay lên tới 11-13 USD. "
        "Vệ tinh bay cách bề mặt Trái Đất 30-40 km."
    )
    assert sorted(f.value for f in facts if f.base_unit == "USD/máy") == [4, 6]
    assert sorted(f.value for f in facts if f.base_unit == "USD") == [11, 13]
    assert sorted(f.value for f in facts if f.unit == "km") == [30, 40]


def test_cubic_metres_with_a_lost_superscript_are_no_year_and_hecta_is_an_area() -> None:
    facts = _facts(
        "Nhà máy nước mới\n"
        "Nhà máy hiện đã xử lý 1900 m 3 một ngày đêm. Mỗi hộ tái định cư được cấp 2 hecta đất."
    )
    water = _one(facts, "1900 m 3")
    assert (water.base_unit, water.period, water.measure) == ("m3", None, "level")
    land = [f for f in facts if f.value == 2]
    assert [(f.unit, f.measure) for f in land] == [("hecta", "level")]


def test_a_proposed_rate_is_a_target_and_the_rate_it_replaces_a_level() -> None:
    facts = _facts(
        "Đề xuất tăng phí\n"
        "Phí qua trạm được đề xuất áp mức 35.000-40.000 đồng/lượt. "
        "Với xe tải, mức phí dự kiến áp dụng là 60.000 đồng/lượt thay vì 45.000 đồng như hiện nay. "
        "Giá vé tăng từ 10.000-20.000 đồng lên 15.000-30.000 đồng."
    )
    assert {f.measure for f in facts if f.value in (35000, 40000)} == {"target"}
    assert _one(facts, "60.000 đồng/lượt").measure == "target"
    assert _one(facts, "45.000 đồng").measure == "level"
    # "tăng từ A-B lên C-D": A and B are the old levels, not the size of the rise
    assert {f.measure for f in facts if f.value in (10000, 20000)} == {"level"}


def test_times_done_are_a_count_and_a_markets_move_is_a_change() -> None:
    facts = _facts(
        "Người hiến máu và thị trường\n"
        "Ông đã hiến máu hơn 40 lần. Sản lượng năm nay nhiều hơn 3 lần so với năm trước. "
        "Chỉ số Nikkei lùi 0,5%, còn chỉ số Hang Seng tiến 1,2%."
    )
    assert _one(facts, "40 lần").measure == "count"
    assert _one(facts, "3 lần").measure == "ratio"
    assert (_one(facts, "0,5%").measure, _one(facts, "0,5%").direction) == ("change", "down")
    assert (_one(facts, "1,2%").measure, _one(facts, "1,2%").direction) == ("change", "up")


def test_a_model_year_a_shared_unit_after_or_and_a_unit_in_parentheses() -> None:
    facts = _facts(
        "Chợ xe cũ cuối tuần\n"
        "Chiếc sedan đời 2012 có giá rao bán 450 triệu đồng. Mỗi khách được lái thử 1 hoặc 2 "
        "vòng quanh bãi. Xe có chiều dài cơ sở 2.700 (mm)."
    )
    # "đời 2012" is the car's model year, not when the price holds
    assert _one(facts, "450 triệu đồng").period is None
    laps = [f for f in facts if f.value in (1, 2)]
    assert sorted((f.value, f.unit) for f in laps) == [(1, "vòng"), (2, "vòng")]
    wheelbase = _one(facts, "2.700 (mm)")
    assert (wheelbase.unit, wheelbase.measure) == ("mm", "level")


def test_a_weather_forecast_is_no_plan() -> None:
    facts = _facts(
        "Thời tiết cuối tuần\n"
        "Từ đêm nay, nhiệt độ sẽ giảm 2-4 độ C. Thành phố sẽ nâng mức hỗ trợ lên 500.000 đồng."
    )
    assert {f.measure for f in facts if f.unit == "độ C"} != {"target"}
    assert _one(facts, "500.000 đồng").measure == "target"


def test_bins_titles_and_verbs_after_a_count_are_not_figures_or_units() -> None:
    facts = _facts(
        "Phổ điểm môn Toán\n"
        'Điểm <=1 <=2 <=3 <=4 Số lượng 310 25 40 71. Diễn viên trẻ nổi tiếng sau phim "Tuổi 17" '
        "năm ngoái. Tại hiện trường, 2 xe máy văng xa hơn 30 m. Kẻ gian lừa hơn 9 tỷ bật khóc "
        "tại tòa."
    )
    assert sorted(f.value for f in facts if f.unit == "") == [25, 40, 71, 310]
    assert not [f for f in facts if f.value == 17]
    assert _one(facts, "2 xe máy").unit == "xe máy"
    assert _one(facts, "9 tỷ").unit == "tỷ"


def test_a_bound_in_words_is_a_level_and_tren_duoi_is_about() -> None:
    facts = _facts(
        "Thị trường đất nền\n"
        "Máy bán vé không nhận tờ tiền lớn hơn 200 nghìn đồng. Giá đất đã tăng trên dưới 25%."
    )
    bill = _one(facts, "200 nghìn đồng")
    assert (bill.measure, bill.qualifier) == ("level", "more_than")
    rise = _one(facts, "25%")
    assert (rise.measure, rise.qualifier) == ("change", "about")


def test_a_shirt_number_is_a_name_and_thong_qua_ends_a_unit() -> None:
    facts = _facts(
        "Bóng đá và thương mại\n"
        "Cầu thủ mang áo số 9 đã ghi bàn. Công ty nhập 4.500 container thông qua cảng Hải Phòng."
    )
    assert not [f for f in facts if f.value == 9]
    assert _one(facts, "4.500 container").unit == "container"


def test_street_addresses_runner_ups_standards_and_a_heavy_defeat_are_not_figures() -> None:
    facts = _facts(
        "Tin vắn cuối tuần\n"
        "Bạn đọc có thể đến 12 Lý Thường Kiệt và 40 Hàng Bài để được tư vấn. Danh hiệu Á hậu 1 "
        "thuộc về thí sinh đến từ Huế. Khí thải được đo theo quy chuẩn 19 của Bộ. Đội khách "
        "thất bại nặng nề 0-4 trên sân nhà. Cả nước có 3 Bộ và 5 Sở tham gia."
    )
    assert sorted(f.value for f in facts) == [3, 5]


def test_a_sector_named_in_passing_is_no_figures_sector() -> None:
    facts = _facts(
        "Tin thế giới\n"
        "Yêu cầu đóng cửa kênh truyền hình của 3 nước vùng Vịnh gây tranh cãi. Ông trao đổi với "
        "báo chí về việc di dời 900 cây xanh. Doanh thu của các nhà mạng đạt 700 tỷ đồng."
    )
    assert _one(facts, "3 nước").sector is None
    assert _one(facts, "900 cây xanh").sector is None
    assert _one(facts, "700 tỷ đồng").sector == "viễn thông"


def test_lifespans_enumerators_and_lost_units_of_a_third_sample() -> None:
    facts = _facts(
        "Văn hóa và xã hội\n"
        "Tượng nhà thơ Nguyễn Du (1765 – 1820) vừa được dựng. Cơ quan này có nhiệm vụ: (1) Lập kế "
        "hoạch; (2) Phê duyệt dự án. Chiến sự làm 9 thường dân thiệt mạng. Hội trao hơn 300 phần "
        "quà miễn phí. Khu đô thị có 2,4 triệu m 2 sàn nhà ở."
    )
    assert sorted((f.value, f.unit) for f in facts) == [
        (2.4, "triệu m2"),
        (9, "thường dân"),
        (300, "phần quà"),
    ]


def test_an_aside_in_parentheses_does_not_end_the_sentence() -> None:
    from mickb.ingest.split import split_text

    text = "Anh Trần Văn Nam (41 tuổi. Thợ hàn) cho biết thêm. Câu tiếp theo."
    assert [text[a:b] for a, b in split_text(text)] == [
        "Anh Trần Văn Nam (41 tuổi. Thợ hàn) cho biết thêm.",
        "Câu tiếp theo.",
    ]


def test_a_year_written_once_for_two_halves_and_a_comparison_without_so() -> None:
    facts = _facts(
        "Ngân hàng báo lãi\n"
        "Tại hội nghị sơ kết 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2018, ngân "
        "hàng cho biết lợi nhuận cao hơn cùng kỳ năm 2017 khoảng 12%. Trong 6 tháng đầu năm, "
        "doanh thu đạt 5.400 tỷ đồng."
    )
    # the year written once serves both halves; "cùng kỳ năm 2017" is what it compares with
    assert _one(facts, "5.400 tỷ đồng").period == "6 tháng đầu năm 2018"
    assert _one(facts, "12%").period != "2017"


def test_a_phone_named_at_the_start_of_a_title_is_no_count() -> None:
    facts = _facts("Xperia 7 ra mắt với camera 48 MP\nMáy có giá 9 triệu đồng.")
    assert sorted(f.value for f in facts) == [9, 48]


def test_faster_cheaper_and_fewer_than_another_are_changes() -> None:
    facts = _facts(
        "Điện thoại mới\n"
        "Pin 4.000mAh, ít hơn 200mAh với bản trước. Bộ nhớ cho tốc độ nhanh hơn 30%. "
        "Máy bán vé không nhận tờ tiền lớn hơn 200 nghìn đồng."
    )
    assert (_one(facts, "200mAh").measure, _one(facts, "200mAh").direction) == ("change", "down")
    assert (_one(facts, "30%").measure, _one(facts, "30%").direction) == ("change", "up")
    assert _one(facts, "200 nghìn đồng").measure == "level"


def test_a_screen_size_is_no_year_and_a_dates_year_counts_nothing() -> None:
    facts = _facts(
        "Máy tính mới\n"
        "Màn hình 14 inch, độ phân giải 1920 x 1200 pixel, độ sáng 400 nit. Theo lộ trình, "
        "tháng 10/2018 dự án sẽ được trình Quốc hội."
    )
    assert {f.period for f in facts} == {None}  # 1920 is no year
    assert sorted(f.value for f in facts if f.unit == "pixel") == [1200, 1920]
    assert _one(facts, "400 nit").measure == "level"
    assert not [f for f in facts if f.unit == "dự án"]  # the year of "tháng 10/2018"


def test_a_dashed_dates_month_and_an_acceleration_test_are_read_as_a_reader_does() -> None:
    facts = _facts(
        "Dự án điện đạm\n"
        "Tính đến ngày 30-6-2018, dư nợ của dự án là 95,2 triệu USD. Mẫu xe tăng tốc từ 0 - 100 "
        "km/h trong 8,5 giây, tốc độ tối đa 210 km/h."
    )
    assert _one(facts, "95,2 triệu USD").period == "tháng 6/2018"
    assert sorted(f.value for f in facts if f.unit == "km/h") == [210]


# --- a part of a year named relatively ------------------------------------------------------


_THIS_YEARS_MONTHS = (
    "Sản lượng than đá của Mỹ tăng mạnh\n"
    "Năm 2015, các mỏ than ở bang Wyoming khai thác được 380 triệu tấn. "
    "Trong 5 tháng đầu năm nay, sản lượng than đá của Mỹ đã tăng 19% so với cùng kỳ. "
    "Quý I năm ngoái, ngành than lỗ 2 tỷ USD."
)


def test_months_of_this_year_are_never_given_a_year_another_sentence_named() -> None:
    # undated: "5 tháng đầu năm nay" stays as written, not "5 tháng đầu năm 2015"
    facts = _facts(_THIS_YEARS_MONTHS)
    assert _one(facts, "380 triệu tấn").period == "2015"
    assert _one(facts, "19%").period == "5 tháng đầu năm nay"
    assert _one(facts, "2 tỷ USD").period == "quý I năm ngoái"


def test_months_of_this_year_take_the_documents_year_when_it_is_dated() -> None:
    doc = load_text(_THIS_YEARS_MONTHS, meta=SourceMeta(title="t", date="2018-06-20"))
    facts = extract_figures(doc)
    assert _one(facts, "19%").period == "5 tháng đầu năm 2018"
    assert _one(facts, "2 tỷ USD").period == "quý I/2017"


# --- what a count counts ends before the verb or adjective after it ---------------------------


def test_a_count_unit_stops_before_the_verb_or_adjective_that_follows_it() -> None:
    facts = _facts(
        "Giá tôm và chuyện sân cỏ\n"
        "Trại nuôi thả mật độ 40 con/m2 tăng gấp đôi so với năm trước. "
        "Đội khách kém đội chủ nhà 1 điểm nhưng đã đá 2 trận nhiều hơn. "
        "Tàu ngầm có thể mang 16 đầu đạn siêu thanh. "
        "Ban giám khảo chọn ra 5 thí sinh xuất sắc nhất. "
        "Đội bóng giành 3 chức vô địch liên tiếp."
    )
    assert _one(facts, "40 con/m2").unit == "con/m2"
    assert _one(facts, "2 trận").unit == "trận"
    assert _one(facts, "16 đầu đạn").unit == "đầu đạn"
    assert _one(facts, "5 thí sinh").unit == "thí sinh"
    # ("vô" ends a count only as "vô cùng": a title won is "chức vô địch")
    assert _one(facts, "3 chức vô địch").unit == "chức vô địch"


def test_a_word_that_folds_to_a_time_word_is_no_duration() -> None:
    # "giấy" folds to "giay" as "giây" (seconds) does, "giỏ" to "gio" as "giờ": permits and
    # baskets were dropped as durations
    facts = _facts(
        "Cấp phép và thu hoạch\n"
        "Năm 2017, Sở đã cấp 3.000 giấy phép xây dựng. Nông dân thu được 3 giỏ cam mỗi cây. "
        "Sau 20 giây, xe đạt tốc độ 100 km/h."
    )
    assert _one(facts, "3.000 giấy phép").unit == "giấy phép"
    assert _one(facts, "3 giỏ cam").measure == "count"
    assert not [f for f in facts if f.value_text.startswith("20")]  # a duration stays context


def test_a_grade_of_school_is_a_label_and_a_screens_figures_are_levels() -> None:
    facts = _facts(
        "Lộ đề thi và màn hình mới\n"
        "Sở cho dừng kỳ thi của khối 10 và 11 sau khi đề bị lộ. "
        "Màn hình có độ phân giải 1920 x 1080 pixels và tần số quét 120Hz."
    )
    assert not [f for f in facts if f.value_text in ("10", "11")]
    assert _one(facts, "1080 pixels").measure == "level"
    refresh = _one(facts, "120Hz")
    # a screen's "tần số quét" is no telecoms frequency: no sector
    assert (refresh.unit, refresh.measure, refresh.sector) == ("Hz", "level", None)


def test_a_pair_whose_first_number_is_larger_is_a_date_not_a_part_of_a_whole() -> None:
    facts = _facts(
        "Trận đấu được chờ đợi\n"
        "Dự kiến vào khoảng 20/7 người hâm mộ sẽ được xem trận đấu. Tỉnh đạt 14/15 chỉ tiêu. "
        "Nền kinh tế tạo thêm 220 nghìn việc làm."
    )
    assert [f.value_text for f in facts] == ["14/15 chỉ tiêu", "220 nghìn việc làm"]
    assert _one(facts, "220 nghìn việc làm").unit == "nghìn việc làm"


def test_currency_codes_are_money_and_a_rate_is_a_level_not_a_share() -> None:
    facts = _facts(
        "Điện thoại mới và chuyện vay nợ\n"
        "Bản tiêu chuẩn có giá 4.088 CNY, bản cao cấp 25 EUR đắt hơn. "
        "Bị cáo vay hơn 10 tỉ đồng với lãi suất 3%/tháng. Độ ẩm không khí phổ biến 95%. "
        "Hộ nghèo chiếm 5% số hộ."
    )
    price = _one(facts, "4.088 CNY")
    assert (price.unit, price.measure) == ("CNY", "level")
    assert _one(facts, "3%/tháng").measure == "level"
    assert _one(facts, "95%").measure == "level"
    assert _one(facts, "5%").measure == "share"


def test_a_comparative_with_its_base_before_the_amount_is_a_change_of_no_period() -> None:
    facts = _facts(
        "Ngày vía Thần Tài\n"
        "Mỗi con cá lóc nướng được bán với giá từ 130.000 - 160.000 đồng/con, cao hơn mọi ngày "
        "30.000 đồng/con. Heo quay đắt hơn năm ngoái khoảng 100.000 đồng/kg. "
        "Có thể gom hàng từ 2 - 3 nhà cung cấp."
    )
    assert _one(facts, "160.000 đồng/con").unit == "đồng/con"
    rise = _one(facts, "30.000 đồng/con")
    assert (rise.measure, rise.period) == ("change", None)
    pork = _one(facts, "100.000 đồng/kg")
    # "năm ngoái" is what the price is compared with, not when it holds
    assert (pork.measure, pork.period, pork.metric) == ("change", None, "heo quay")
    assert _one(facts, "3 nhà cung cấp").unit == "nhà cung cấp"


def test_among_a_number_is_a_count_and_built_or_assigned_ends_the_noun() -> None:
    facts = _facts(
        "Tàu vỏ thép\n"
        "Trong số 13 tàu cá vỏ thép bị hỏng, nhiều chiếc đã rỉ sét. Tỉnh có 557 tàu cá đóng mới "
        "và 200.000 dân thường sống ven biển. Quyết định số 505 được ban hành."
    )
    assert _one(facts, "13 tàu cá vỏ thép").measure == "count"
    assert _one(facts, "557 tàu cá").unit == "tàu cá"
    assert _one(facts, "200.000 dân thường").unit == "dân thường"
    assert not [f for f in facts if f.value_text.startswith("505")]  # a decision's number


def test_a_percentage_restating_a_change_a_cut_rate_and_a_thinner_model_are_changes() -> None:
    facts = _facts(
        "Giá vàng và xe\n"
        "Trên sàn quốc tế, vàng giao ngay ở mức 1.240,5 USD/oz, giảm 2,1 USD, tương đương 0,17% "
        "so với phiên trước. Một mẫu xe nhập khẩu có tỷ lệ giảm giá khá cao là 7,2%. Chiếc máy "
        "mới dày 15,1 mm, mỏng hơn 12% so với đời trước. Năm 2015, tỉ lệ tăng huyết áp ở người "
        "cao tuổi là 41,3%. Cửa hàng bán được 8 tỷ đồng, tương đương 30% doanh số của cả chuỗi."
    )
    # "giảm 2,1 USD, tương đương 0,17%": the same fall, as a percentage
    assert (_one(facts, "0,17%").measure, _one(facts, "0,17%").direction) == ("change", "down")
    assert _one(facts, "7,2%").measure == "change"  # a rate of cut, not a part of a whole
    assert _one(facts, "12%").measure == "change"  # thinner than the model before
    assert _one(facts, "15,1 mm").measure == "level"
    # a disease's prevalence and a part of a whole stay shares
    assert _one(facts, "41,3%").measure == "share"
    assert _one(facts, "30%").measure == "share"


def test_weights_in_grams_and_lang_are_levels_and_a_village_is_counted() -> None:
    facts = _facts(
        "Chợ quê\n"
        "Mỗi con gà chỉ nặng 8 lạng/con. Chiếc điện thoại mới nặng 190 gram. Cả 6 làng trong "
        "xã đã có điện lưới. Ban quản lý sẽ bàn giao tiếp 12 ha đất cho địa phương."
    )
    assert _one(facts, "8 lạng/con").measure == "level"  # a weight
    assert _one(facts, "190 gram").measure == "level"
    assert _one(facts, "6 làng").measure == "count"  # "làng" is no "lạng"
    assert _one(facts, "12 ha").measure == "target"  # handed over later


def test_a_month_named_without_its_year_is_the_period_of_its_figures() -> None:
    facts = _facts(
        "Thị trường viễn thông\n"
        "Tính đến hết tháng 9, số thuê bao 4G đạt khoảng 71,5 triệu. Bé gái 6 tháng tuổi nặng "
        "7 kg."
    )
    assert _one(facts, "71,5 triệu").period == "tháng 9"
    assert _one(facts, "7 kg").period is None  # an age in months is no period


def test_a_house_number_after_an_address_label_or_a_dash_is_no_figure() -> None:
    facts = _facts(
        "Chung tay giúp bé\n"
        "Chuyển khoản tại Ngân hàng Công thương - 115 Lê Văn Lương, Hà Nội. Bank account - "
        "Address: 115 Le Van Luong, Hanoi. Gia đình đã nhận được 15 triệu đồng."
    )
    assert [f.value_text for f in facts] == ["15 triệu đồng"]


def test_a_year_in_a_clause_that_turns_away_is_not_the_figures_period() -> None:
    facts = _facts(
        "Đường sắt tốc độ cao\n"
        "Theo ước tính ban đầu của đơn vị tư vấn, dự án cần khoảng 58 tỷ USD, nhưng bộ sẽ trình "
        "phương án chi tiết lên Chính phủ vào năm 2019."
    )
    assert _one(facts, "58 tỷ USD").period is None


def test_an_upgrade_of_airports_is_a_count_not_a_grade() -> None:
    facts = _facts(
        "Hạ tầng hàng không\n"
        "Trong giai đoạn tới, ngành sẽ nâng cấp 9 sân bay và mở thêm 40 chuyến bay nội địa. "
        "Bão cấp 11 khiến nhiều chuyến bay bị hủy."
    )
    assert _one(facts, "9 sân bay").unit == "sân bay"
    assert _one(facts, "40 chuyến bay nội địa").unit == "chuyến bay nội địa"
    assert not [f for f in facts if f.value_text.startswith("11")]


def test_hotlines_brands_gold_purity_and_army_units_are_no_figures() -> None:
    facts = _facts(
        "Thông báo\n"
        "Khách hàng cần hỗ trợ xin gọi 1800.6120 (miễn phí) hoặc 1900 5588. Cửa hàng 7-Eleven "
        "thứ 12 khai trương hôm qua. Vàng nhẫn 999,9 tăng 30.000 đồng mỗi lượng. Trung đoàn 52 "
        "đã huy động 120 chiến sĩ, còn Sư đoàn 9 góp thêm 2 xe cứu thương."
    )
    assert sorted(f.value_text for f in facts) == [
        "120 chiến sĩ",
        "2 xe cứu thương",
        "30.000 đồng mỗi lượng",
    ]
    assert all(f.period is None for f in facts)


def test_the_first_of_two_days_and_later_minutes_of_a_list_are_no_figures() -> None:
    facts = _facts(
        "Hội nghị và trận đấu\n"
        "Hội nghị diễn ra trong hai ngày 14 và 15/9 với 300 đại biểu. Đội khách ghi bàn ở "
        "phút 12 và 67, còn 2 cầu thủ nhận thẻ vàng."
    )
    assert sorted(f.value_text for f in facts) == ["2 cầu thủ", "300 đại biểu"]
