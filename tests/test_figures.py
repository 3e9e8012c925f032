"""Figures out of sentences (mickb.ingest.extract.figures): the seed's figures, and general rules on
sentences written for these tests in the style of sector reports."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pytest

from mickb.ingest.extract.figures import extract_figures
from mickb.ingest.read import load_document, load_text
from mickb.records import Document, Fact, Passage, Sentence, SourceMeta

SEED = Path(__file__).resolve().parent.parent / "data" / "sources" / "000_8e6147a0301236b6.txt"


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    return extract_figures(load_document(SEED))


def _by_text(facts: list[Fact], value_text: str) -> list[Fact]:
    return [f for f in facts if f.value_text == value_text]


def _one(facts: list[Fact], value_text: str) -> Fact:
    found = _by_text(facts, value_text)
    assert len(found) == 1, [f.value_text for f in facts]
    return found[0]


def _facts(text: str, date: str | None = None) -> list[Fact]:
    front = f'---\ntitle: "Báo cáo"\ndate: "{date}"\n---\n' if date else ""
    return extract_figures(load_text(front + text))


# --- the seed article ------------------------------------------------------------------------


def test_seed_telecom_revenue_with_its_growth(seed_facts: list[Fact]) -> None:
    level = _one(seed_facts, "138.000 tỷ đồng")
    assert (level.value, level.unit, level.base_unit) == (138000, "tỷ đồng", "VND")
    assert level.base_value == 138e12
    assert level.metric == "doanh thu dịch vụ viễn thông"
    assert level.metric_en == "telecommunications service revenue"
    assert (level.measure, level.period, level.sector) == ("level", "2022", "viễn thông")
    growth = _one(seed_facts, "1,6%")
    assert (growth.measure, growth.value, growth.direction) == ("change", 1.6, "up")
    assert growth.compared_to == "năm 2021" and growth.period == "2022"
    assert growth.metric == level.metric
    assert growth.id in level.related and level.id in growth.related
    # the sentence the source broke across two lines is whole again
    assert "doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng" in level.sentence


def test_seed_postal_growth_rates_belong_to_their_own_metrics(seed_facts: list[Fact]) -> None:
    sixteen = _by_text(seed_facts, "16%")
    assert sorted(f.metric for f in sixteen) == [
        "doanh thu dịch vụ bưu chính",
        "đóng góp vào GDP của lĩnh vực bưu chính",
    ]
    assert all(f.measure == "change" and f.sector == "bưu chính" for f in sixteen)
    assert all(f.period == "2022" and f.compared_to == "năm 2021" for f in sixteen)
    # the article gives only the growth of postal revenue, never its level
    postal = [f for f in seed_facts if f.metric == "doanh thu dịch vụ bưu chính"]
    assert [f.measure for f in postal] == ["change"]


@pytest.mark.parametrize(
    ("value_text", "measure", "metric_words"),
    [
        ("14,26%", "share", "tỷ trọng"),
        ("75,80%", "share", "smartphone"),
        ("3.200", "count", "số đầu xuất bản phẩm điện tử"),
        ("34.336 triệu USD", "level", "đóng góp vào GDP của lĩnh vực công nghiệp ICT"),
        ("1.510.027 lao động", "count", "lao động"),
        ("98.982,3 tỷ đồng", "level", "nộp ngân sách"),
        ("648 triệu đồng", "level", "năng suất lao động"),
    ],
)
def test_seed_figures_and_what_they_measure(
    seed_facts: list[Fact], value_text: str, measure: str, metric_words: str
) -> None:
    fact = _one(seed_facts, value_text)
    assert fact.measure == measure
    assert metric_words in fact.metric
    assert fact.period == "2022"


def test_seed_digital_economy_share(seed_facts: list[Fact]) -> None:
    fact = _one(seed_facts, "14,26%")
    assert "kinh tế số" in fact.metric and fact.sector == "kinh tế số"
    assert fact.qualifier == "about"


def test_seed_ict_contribution_in_usd(seed_facts: list[Fact]) -> None:
    fact = _one(seed_facts, "34.336 triệu USD")
    assert (fact.base_value, fact.base_unit, fact.qualifier) == (34336e6, "USD", "estimate")
    assert fact.metric_en is not None and "contribution to GDP" in fact.metric_en
    assert fact.sector == "công nghiệp ICT"


def test_seed_fractions_hedges_targets_ratios(seed_facts: list[Fact]) -> None:
    points = _one(seed_facts, "2.152/2.418 điểm")
    assert (points.value, points.total, points.unit) == (2152, 2418, "điểm")
    targets = _one(seed_facts, "14/15 chỉ tiêu")
    assert (targets.value, targets.total) == (14, 15)
    plan = _one(seed_facts, "50%")
    assert (plan.measure, plan.qualifier) == ("target", "at_least")
    websites = _one(seed_facts, "2.328 trang web")
    assert websites.qualifier == "more_than" and websites.measure == "count"
    assert websites.period == "11 tháng đầu năm 2022"
    assert _one(seed_facts, "1,5 lần").measure == "ratio"
    assert _one(seed_facts, "3.893.595 tỷ đồng").qualifier == "estimate"


def test_seed_context_numbers_are_not_facts(seed_facts: list[Fact]) -> None:
    texts = {f.value_text for f in seed_facts}
    for context in ("2022", "2023", "18/12", "9/11/2022", "505", "10/10", "11", "4", "5G"):
        assert context not in texts


def test_seed_ids_are_stable_and_unique(seed_facts: list[Fact]) -> None:
    again = extract_figures(load_document(SEED))
    assert [f.id for f in again] == [f.id for f in seed_facts]
    assert len({f.id for f in seed_facts}) == len(seed_facts)
    for f in seed_facts:
        assert f.sentence[f.span[0] : f.span[1]] == f.value_text


# --- general rules on new sentences -----------------------------------------------------------


def test_growth_rate_is_a_fact_of_its_own_beside_its_level() -> None:
    facts = _facts(
        "Năm 2023, doanh thu dịch vụ truyền hình trả tiền đạt 9.850 tỷ đồng, tăng 4,2% so với "
        "năm 2022; lợi nhuận trước thuế giảm 3,1%."
    )
    level, growth, profit = facts
    assert level.metric == "doanh thu dịch vụ truyền hình trả tiền" and level.period == "2023"
    assert (growth.measure, growth.direction, growth.compared_to) == ("change", "up", "năm 2022")
    assert growth.metric == level.metric and growth.period == "2023"
    assert (profit.metric, profit.measure, profit.direction) == (
        "lợi nhuận trước thuế",
        "change",
        "down",
    )


def test_a_period_is_not_carried_into_the_next_sentence_of_undated_text() -> None:
    # "null is better than wrong": a later sentence may speak of another time
    facts = _facts(
        "Trong 9 tháng đầu năm 2023, tổng số thuê bao băng rộng cố định đạt 22,1 triệu thuê bao. "
        "Số trạm phát sóng 5G đạt 1.250 trạm.\n\n"
        "Doanh nghiệp cho biết đã lắp đặt 300 trạm mới."
    )
    subs, stations, later = facts
    assert subs.period == "9 tháng đầu năm 2023"
    assert subs.base_value == pytest.approx(22.1e6) and subs.base_unit == "thuê bao"
    assert stations.measure == "count"
    assert stations.period is None and later.period is None


def test_a_dated_report_carries_its_own_year_within_a_paragraph() -> None:
    facts = _facts(
        "Trong 9 tháng đầu năm 2023, tổng số thuê bao băng rộng cố định đạt 22,1 triệu thuê bao. "
        "Số trạm phát sóng 5G đạt 1.250 trạm.\n\n"
        "Doanh nghiệp cho biết đã lắp đặt 300 trạm mới.",
        date="2023-10-05",
    )
    subs, stations, later = facts
    assert subs.period == stations.period == "9 tháng đầu năm 2023"
    assert later.period == "2023"  # the report's own year, which it has just named


def test_an_elaboration_holds_for_the_period_of_the_sentence_before() -> None:
    facts = _facts(
        "Sở đã tổng hợp kết quả kinh doanh 6 tháng đầu năm 2021 của 120 doanh nghiệp. "
        "Cụ thể, tổng doanh thu là 5.400 tỷ đồng. Lợi nhuận thực hiện là 310 tỷ đồng."
    )
    assert [f.period for f in facts] == ["6 tháng đầu năm 2021"] * 3


def test_years_of_events_are_not_periods() -> None:
    facts = _facts(
        "Nguyễn Văn A (sinh năm 1975) trộm 12 chiếc điện thoại. "
        "Công ty được thành lập vào năm 1998, hiện có vốn điều lệ 300 tỷ đồng. "
        "Chỉ 8 đơn vị nộp báo cáo trước ngày 15/7/2019."
    )
    assert [f.period for f in facts] == [None, None, None]


def test_a_period_right_after_a_figure_is_its_own() -> None:
    facts = _facts(
        "Mảng phần mềm đạt doanh thu 820 tỷ đồng trong năm 2019, 905 tỷ đồng trong năm 2020 "
        "và 640 tỷ đồng trong 6 tháng 2021."
    )
    assert [f.period for f in facts] == ["2019", "2020", "6 tháng đầu năm 2021"]


def test_two_years_named_together_are_one_period() -> None:
    (fact,) = _facts("Cơ quan kiểm toán phát hiện chi sai trong năm 2018 và 2019 gần 12 tỷ đồng.")
    assert fact.period == "2018-2019"


def test_a_title_figure_takes_the_period_of_its_lead() -> None:
    doc = load_text(
        "Một tỉnh chi sai 3,5 tỷ đồng tiền hỗ trợ\n"
        "Thanh tra tỉnh phát hiện trong năm 2020, các huyện chi sai 3,5 tỷ đồng tiền hỗ trợ.\n"
    )
    title, body = extract_figures(doc)
    assert title.period == body.period == "2020"


def test_relative_periods_resolve_against_the_document_date() -> None:
    (undated,) = _facts("Trong năm nay, xuất khẩu rau quả đạt 3,2 tỷ USD.")
    assert undated.period == "năm nay"
    (dated,) = _facts("Trong năm nay, xuất khẩu rau quả đạt 3,2 tỷ USD.", date="2018-11-02")
    assert dated.period == "2018"


def test_period_without_year_takes_the_year_named_before() -> None:
    (fact,) = _facts(
        "Báo cáo sơ kết năm 2019 nêu rõ: 6 tháng đầu năm, doanh thu bưu chính đạt 9.400 tỷ đồng."
    )
    assert fact.period == "6 tháng đầu năm 2019"
    assert fact.sector == "bưu chính"


def test_heading_gives_the_sector() -> None:
    facts = _facts(
        "Lĩnh vực báo chí: cả nước có 127 cơ quan báo chí và 670 tạp chí, tăng 2% so với năm trước."
    )
    assert facts and all(f.sector == "báo chí" for f in facts)
    assert facts[-1].compared_to == "năm trước"


def test_ratio_share_and_plan() -> None:
    facts = _facts(
        "Năm 2021, lợi nhuận của Tổng công ty đạt 1.200 tỷ đồng, bằng 104% kế hoạch năm; "
        "doanh thu nội dung số chiếm 35,5% tổng doanh thu."
    )
    profit, plan, share = facts
    assert profit.measure == "level"
    assert plan.measure == "ratio" and plan.metric == profit.metric
    assert share.measure == "share" and "nội dung số" in share.metric


def test_future_plans_are_targets() -> None:
    facts = _facts(
        "Bộ đặt mục tiêu đến năm 2025 có 100.000 doanh nghiệp công nghệ số. "
        "Năm tới, tỷ lệ hộ gia đình có cáp quang sẽ đạt 80%.",
        date="2022-06-01",
    )
    assert [f.measure for f in facts] == ["target", "target"]


def test_counts_take_the_noun_after_them() -> None:
    facts = _facts(
        "Trong quý III/2022, 1.520 website giả mạo ngân hàng bị phát hiện; "
        "cơ quan chức năng đã xử phạt 45 tổ chức, cá nhân."
    )
    sites, orgs = facts
    assert sites.metric.startswith("số website giả mạo ngân hàng")
    assert sites.period == "quý III/2022"
    assert orgs.measure == "count" and "tổ chức" in orgs.metric


def test_range_gives_two_facts_with_one_unit() -> None:
    facts = _facts("Năm 2022, kinh tế số chiếm khoảng 12-14% GDP.")
    low, high = facts
    assert (low.value, high.value) == (12, 14)
    assert low.unit == high.unit == "%"
    assert low.measure == high.measure == "share"
    assert high.id in low.related


def test_english_number_format_in_a_vietnamese_report() -> None:
    (fact,) = _facts("Theo báo cáo, doanh thu xuất khẩu phần mềm đạt 5,6 tỷ USD trong năm 2022.")
    assert (fact.value, fact.base_value, fact.base_unit) == (5.6, 5.6e9, "USD")
    assert fact.period == "2022"


def test_dates_document_numbers_durations_ages_are_not_figures() -> None:
    facts = _facts(
        "Ngày 15/3/2023, theo Nghị định số 13/2023/NĐ-CP, sau 2 năm triển khai, người từ 18 tuổi "
        "trở lên được cấp chữ ký số; lần thứ 3 hội nghị diễn ra tại Hà Nội."
    )
    assert facts == []


def test_respectively_pairs_figures_with_their_metrics() -> None:
    facts = _facts(
        "Năm 2023, khối viễn thông ghi nhận doanh thu và lợi nhuận trước thuế đạt 8.120 tỷ "
        "đồng và 1.050 tỷ đồng, tăng tương ứng 12% và 9% so với năm 2022."
    )
    revenue, profit, rev_growth, profit_growth = facts
    assert revenue.metric == "doanh thu" and profit.metric == "lợi nhuận trước thuế"
    assert rev_growth.metric == "doanh thu" and rev_growth.measure == "change"
    assert profit_growth.metric == "lợi nhuận trước thuế" and profit_growth.measure == "change"
    assert profit_growth.compared_to == "năm 2022"


def test_metric_named_after_the_amount_or_before_a_parenthesis() -> None:
    facts = _facts(
        "Năm 2021, mảng phần mềm mang về 3.400 tỷ đồng doanh thu. "
        "Quỹ đầu tư mạo hiểm (1.200 tỷ đồng) đã giải ngân hết."
    )
    assert [f.metric for f in facts] == ["doanh thu", "quỹ đầu tư mạo hiểm"]


def test_a_bare_one_is_not_a_figure() -> None:
    facts = _facts("Cứ 1 trạm phát sóng phục vụ khoảng 800 thuê bao.")
    assert [f.value_text for f in facts] == ["800 thuê bao"]


# --- metrics that commas, verbs and participles used to cut ------------------------------------


def test_seed_enumerated_and_printed_metrics(seed_facts: list[Fact]) -> None:
    publishing = _one(seed_facts, "96.433 tỷ đồng")
    assert publishing.metric == "doanh thu lĩnh vực xuất bản, in, phát hành"
    assert (publishing.period, publishing.qualifier) == ("2022", "estimate")
    printed = _one(seed_facts, "39.700")
    assert printed.metric == "số đầu xuất bản phẩm in"  # "in" = printed, not a preposition
    assert printed.metric_en == "number of titles of printed publications"


def test_seed_metrics_read_wholly_in_english(seed_facts: list[Fact]) -> None:
    vietnamese = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    for f in seed_facts:
        assert f.metric_en, f.metric
        assert not vietnamese & set(f.metric_en.lower()), (f.metric, f.metric_en)
    assert _one(seed_facts, "4,33 triệu người").metric_en == "number of people protected"
    assert _one(seed_facts, "99,73%").metric_en == (
        "rate of villages with mobile coverage nationwide"
    )


def test_seed_contribution_action_rate_and_clause_sector(seed_facts: list[Fact]) -> None:
    assert _one(seed_facts, "7,18%").metric == "đóng góp của kinh tế số ICT"
    assert _one(seed_facts, "90%").metric == "tỷ lệ gỡ bỏ thông tin xấu độc"
    # "...; về chuyển đổi số sẽ nâng số lượng tài khoản ... lên ít nhất 50%"
    assert _one(seed_facts, "50%").sector == "chuyển đổi số"


def test_a_list_inside_the_noun_phrase_stays_in_the_metric() -> None:
    facts = _facts(
        "Doanh thu mảng quảng cáo, truyền hình, phát thanh ước đạt năm 2023 là 5.120 tỷ đồng "
        "tăng trưởng 4% so với năm 2022. Doanh thu bưu chính, chuyển phát năm 2023 ước đạt "
        "61.000 tỷ đồng."
    )
    ads, growth, postal = facts
    assert ads.metric == "doanh thu mảng quảng cáo, truyền hình, phát thanh"
    assert (ads.period, ads.qualifier, ads.measure) == ("2023", "estimate", "level")
    assert growth.metric == ads.metric and growth.measure == "change"
    assert postal.metric == "doanh thu bưu chính, chuyển phát"


def test_a_clause_before_the_metric_is_not_part_of_it() -> None:
    facts = _facts(
        "Theo báo cáo của Sở, lợi nhuận đạt 300 tỷ đồng. Tại Đà Nẵng, số trạm 5G là 1.200 trạm."
    )
    assert [f.metric for f in facts] == ["lợi nhuận", "số trạm 5G"]


def test_a_list_of_actions_before_a_count() -> None:
    (fact,) = _facts(
        "Trong quý II/2023, cơ quan chức năng đã ngăn chặn, gỡ bỏ hơn 1.800 trang web giả mạo."
    )
    assert fact.metric == "số trang web giả mạo được ngăn chặn, gỡ bỏ"
    assert (fact.measure, fact.qualifier, fact.period) == ("count", "more_than", "quý II/2023")
    assert fact.metric_en == "number of fake websites blocked and removed"


def test_printed_in_is_kept_before_a_year() -> None:
    (fact,) = _facts("Số đầu xuất bản phẩm in năm 2023 ước đạt 41.200, tăng nhẹ so với năm 2022.")
    assert fact.metric == "số đầu xuất bản phẩm in"
    assert (fact.measure, fact.period, fact.qualifier) == ("count", "2023", "estimate")


def test_contribution_and_rate_of_an_action() -> None:
    contribution, rate = _facts(
        "Năm 2023, kinh tế số ICT đóng góp khoảng 8,1% vào GDP. "
        "Các nền tảng xuyên biên giới đã gỡ bỏ thông tin xấu độc đạt hơn 92% yêu cầu."
    )
    assert contribution.metric == "đóng góp của kinh tế số ICT vào GDP"
    assert contribution.metric_en == "contribution of ICT digital economy to GDP"
    assert (contribution.measure, contribution.qualifier) == ("share", "about")
    assert rate.metric == "tỷ lệ gỡ bỏ thông tin xấu độc của các nền tảng xuyên biên giới"
    assert (rate.measure, rate.qualifier) == ("share", "more_than")


def test_sector_named_in_the_figures_own_clause() -> None:
    (fact,) = _facts(
        "Năm 2024, Bộ Thông tin và Truyền thông tập trung vào hai việc: về bưu chính, nâng chất "
        "lượng dịch vụ; về chuyển đổi số, nâng tỷ lệ hồ sơ được xử lý trực tuyến lên 80%.",
        date="2023-12-20",
    )
    assert fact.sector == "chuyển đổi số"
    assert fact.measure == "target"
    assert fact.metric_en == "rate of applications handled online"


def _document(paragraphs: list[str], date: str) -> Document:
    passages, sentences = [], []
    for i, para in enumerate(paragraphs):
        passages.append(Passage(i, "body", para, 0, len(para)))
        for m in re.finditer(r".+?\.(?=\s|$)", para):  # a sentence ends at ". "
            text = m.group(0).strip()
            start = para.index(text, m.start())
            sentences.append(Sentence(i, len(sentences), text, start, start + len(text)))
    meta = SourceMeta(title="t", date=date)
    return Document(meta, "\n\n".join(paragraphs), passages, sentences, "0" * 64)


def test_a_report_reads_the_same_whatever_was_read_before_it() -> None:
    a = _document(
        [
            "Năm 2019, doanh thu dịch vụ bưu chính của đơn vị ước đạt 3.450 tỷ đồng, tăng 12,3% "
            "so với năm 2018. Số lao động là 4.512 người.",
            "Trong 6 tháng đầu năm, lợi nhuận đạt 210 tỷ đồng.",
        ],
        "2019-07-01",
    )
    b = _document(
        [
            "Năm 2023, doanh thu dịch vụ bưu chính của đơn vị ước đạt 5.100 tỷ đồng, tăng 8% so "
            "với năm 2022. Số lao động là 4.512 người.",
        ],
        "2023-12-30",
    )
    alone = [asdict(f) for f in extract_figures(a)]
    extract_figures(b)
    assert [asdict(f) for f in extract_figures(a)] == alone
    # what the text says: three figures of 2019, then the first half of the same year
    assert [(f["value_text"], f["period"]) for f in alone] == [
        ("3.450 tỷ đồng", "2019"),
        ("12,3%", "2019"),
        ("4.512 người", "2019"),
        ("210 tỷ đồng", "6 tháng đầu năm 2019"),
    ]


def test_a_table_row_reads_its_label_and_its_header() -> None:
    # a Word or PDF table comes as rows whose cells are joined by " | "
    facts = _facts(
        "Kết quả năm của sở\n\n"
        "Chỉ tiêu | Năm 2023 | So với năm 2022\n\n"
        "Doanh thu dịch vụ bưu chính | 1.240 tỷ đồng | 112,5%\n\n"
        "Số điểm phục vụ | 310 điểm | tăng 4%\n\n"
        "Phần lớn doanh thu đến từ chuyển phát."
    )
    by_text = {f.value_text: f for f in facts}
    level, ratio = by_text["1.240 tỷ đồng"], by_text["112,5%"]
    assert level.metric == ratio.metric == "doanh thu dịch vụ bưu chính"
    assert (level.measure, level.period) == ("level", "2023")
    assert (ratio.measure, ratio.compared_to, ratio.period) == ("ratio", "năm 2022", "2023")
    count, growth = by_text["310 điểm"], by_text["4%"]
    assert count.metric == growth.metric == "số điểm phục vụ"
    assert (growth.measure, growth.direction, growth.compared_to) == ("change", "up", "năm 2022")
    assert all("|" not in f.metric for f in facts)


def test_a_figure_after_a_label_and_a_colon_measures_what_the_label_names() -> None:
    facts = _facts("Hồ sơ cầu thủ. Chiều cao: 1m82; cân nặng: 76 kg; vị trí: tiền vệ.")
    by_text = {f.value_text: f for f in facts}
    assert (by_text["1m82"].value, by_text["1m82"].unit) == (1.82, "m")
    assert by_text["1m82"].metric == "chiều cao"
    assert by_text["76 kg"].metric == "cân nặng"


def test_periods_of_comparison_bases_and_half_words_are_not_the_figures_periods() -> None:
    facts = _facts(
        "Trong 6 tháng đầu năm 2019, tỉnh xử lý 1.200 vụ, bằng 55% số vụ cả năm 2018, "
        "phạt 430 người vi phạm. Cửa hàng bán 20 mũ bảo hiểm nửa đầu mỗi ngày."
    )
    by_text = {f.value_text: f for f in facts}
    assert by_text["1.200 vụ"].period == "6 tháng đầu năm 2019"
    assert by_text["430 người"].period == "6 tháng đầu năm 2019"
    assert by_text["20 mũ"].period is None  # a half-face helmet is no half-year


def test_a_zero_in_match_statistics_is_a_figure() -> None:
    facts = _facts("Thông số trận đấu Đội A Thông số Đội B 3(1) Sút khung thành 7(2) 0 Thẻ đỏ 1")
    assert [(f.value, f.unit, f.measure) for f in facts if f.unit == "Thẻ đỏ"] == [
        (0, "Thẻ đỏ", "count"),
        (1, "Thẻ đỏ", "count"),
    ]


def test_a_count_named_again_to_pick_from_it_is_no_new_figure() -> None:
    facts = _facts(
        "Hội đồng quản trị mới có 40 thành viên. Trong 40 thành viên, có 12 người là nữ. "
        "Trong tổng số 40 thành viên có 9 người dưới 35 tuổi."
    )
    texts = [f.value_text for f in facts]
    assert texts.count("40 thành viên") == 2  # the first statement and the restated total
    assert "12 người" in texts and "9 người" in texts


@pytest.mark.parametrize(
    ("sentence", "value_text", "measure"),
    [
        ("Năm 2022, số ca mắc tăng 12% so với năm trước.", "12%", "change"),
        ("Tỷ lệ lấp đầy tăng lên 98% trong tháng 5/2022.", "98%", "share"),
        ("Chi phí không chính thức cao hơn 12% so với giai đoạn trước.", "12%", "change"),
        ("Số người mắc bệnh tim nhiều hơn 4 lần tổng số ca ung thư.", "4 lần", "ratio"),
        ("Ngân hàng dự kiến tăng lãi suất thêm 2-3 lần trong năm.", "2", "count"),
        ("Công ty có kế hoạch cắt giảm 10% nhân sự.", "10%", "target"),
        ("Mẫu điện thoại mới sẽ có giá 15 triệu đồng.", "15 triệu đồng", "level"),
        ("Doanh thu vượt 8% kế hoạch năm.", "8%", "change"),
        ("Công ty đạt 120 tỷ đồng, bằng 104% kế hoạch.", "104%", "ratio"),
        ("Tỉnh vượt 10 bậc trên bảng xếp hạng.", "10 bậc", "change"),
        # with money or a percentage "tới"/"đến" after the verb says "by as much as"; with a
        # temperature or a count it names the new level
        ("Một số mẫu xe giảm tới 45 triệu đồng trong tháng này.", "45 triệu đồng", "change"),
        ("Giá dầu thô tăng mạnh tới 6 USD mỗi thùng.", "6 USD mỗi thùng", "change"),
        ("Nhiệt độ ở vùng núi có lúc tăng tới 39 độ C.", "39 độ C", "level"),
        ("Dân số của xã tăng đến 9.000 người vào năm ngoái.", "9.000 người", "count"),
        # a price or a fortune that falls
        ("Tài sản của nhà đầu tư này bốc hơi gần 6.000 tỷ đồng.", "6.000 tỷ đồng", "change"),
        ("Chỉ số chính hạ 0,4% trong phiên chiều.", "0,4%", "change"),
        ("Cổ phiếu của hãng đã mất 12% so với đầu năm.", "12%", "change"),
        ("Trong tuần, giá cà phê mất thêm 300 đồng/kg.", "300 đồng/kg", "change"),
        ("Người dân phải mất 50.000 đồng để gửi xe cả ngày.", "50.000 đồng", "level"),
        ("Khách hàng mất 20 triệu đồng trong tài khoản.", "20 triệu đồng", "level"),
        # "tăng từ A-B" is a change of A to B; "tăng từ A lên B" names two levels
        ("Giá thép tăng từ 100.000-250.000 đồng/tấn.", "100.000", "change"),
        ("Giá thép tăng từ 100.000-250.000 đồng/tấn.", "250.000 đồng/tấn", "change"),
        ("Tỷ lệ nội địa hóa tăng từ 30% lên 45%.", "45%", "share"),
        # "A đến B" shares B's unit
        ("Mỗi căn hộ rộng chỉ 25 đến 30 m2.", "25", "level"),
        # an inspection's findings are levels, a plan to recover is a target
        ("Đoàn thanh tra kiến nghị thu hồi 12 tỷ đồng về ngân sách.", "12 tỷ đồng", "level"),
        ("Ngân hàng sẽ thu hồi 300 tỷ đồng nợ xấu trong năm.", "300 tỷ đồng", "target"),
        # a loss since a day, or "tỷ" with its "đồng" left out ("tỷ trong" is not "tỷ trọng")
        ("Tính từ đầu tháng, nhà đầu tư này đã mất 4.000 tỷ đồng.", "4.000 tỷ đồng", "change"),
        ("Ông chủ tập đoàn mất 9.000 tỷ trong một tuần.", "9.000 tỷ", "change"),
        # an index stands at a level of points; a team has a count of them
        ("Chỉ số VN-Index đóng cửa ở 812 điểm.", "812 điểm", "level"),
        ("Đội bóng có 38 điểm sau vòng đấu.", "38 điểm", "count"),
        # a range is one kind of figure at both ends
        ("Lương tối thiểu vùng tăng 6-7% so với năm trước.", "7%", "change"),
        ("Tay đua vươn lên tới 4 bậc sau vòng đua.", "4 bậc", "change"),
    ],
)
def test_what_kind_of_figure(sentence: str, value_text: str, measure: str) -> None:
    (fact,) = [f for f in _facts(sentence) if f.value_text == value_text]
    assert fact.measure == measure


# --- what a report says without repeating it --------------------------------------------------


def test_a_figure_in_parentheses_after_the_compared_base_is_the_bases() -> None:
    facts = _facts(
        "Kết quả sáu tháng\n"
        "Trong 6 tháng đầu năm 2019, doanh thu dịch vụ bưu chính ước đạt 12.400 tỷ đồng. "
        "Con số doanh thu này tăng 18% so với cùng kỳ năm 2018 (với 10.500 tỷ đồng). "
        "Lợi nhuận năm 2019 dự kiến tăng 5% so với năm 2018 (là 900 tỷ đồng).",
        date="2019-07-20",
    )
    base = _one(facts, "10.500 tỷ đồng")
    assert base.period == "6 tháng đầu năm 2018"
    assert base.measure == "level"
    assert _one(facts, "18%").period == "6 tháng đầu năm 2019"
    assert _one(facts, "900 tỷ đồng").period == "2018"
    # "con số doanh thu này" is the revenue the sentence before named in full
    assert _one(facts, "18%").metric == "doanh thu dịch vụ bưu chính"
    assert _one(facts, "10.500 tỷ đồng").metric == "doanh thu dịch vụ bưu chính"


def test_the_company_a_paragraph_is_about_owns_its_unnamed_figures() -> None:
    facts = _facts(
        "Kết quả của các nhà mạng\n"
        "Theo báo cáo, VNPT đạt lợi nhuận 1.200 tỷ đồng, doanh thu toàn tập đoàn đạt "
        "31.000 tỷ đồng. Theo ông Minh, dịch vụ truyền hình đạt 104% so với cùng kỳ. "
        "Với Viettel, ông Nam cho biết Viettel cũng đạt mức tăng trưởng cao. Theo đó, doanh "
        "thu toàn tập đoàn đạt 58.000 tỷ đồng, nộp ngân sách 9.100 tỷ đồng. "
        "Cả ngành có 125 triệu thuê bao, trong đó MobiFone chiếm 20%.\n"
        "Doanh thu toàn ngành đạt 150.000 tỷ đồng.",
        date="2018-07-14",
    )
    assert _one(facts, "31.000 tỷ đồng").metric == "doanh thu toàn tập đoàn VNPT"
    assert _one(facts, "104%").metric == "dịch vụ truyền hình của VNPT"
    assert _one(facts, "58.000 tỷ đồng").metric == "doanh thu toàn tập đoàn Viettel"
    assert _one(facts, "9.100 tỷ đồng").metric == "nộp ngân sách của Viettel"
    # a sentence naming another company, not as its subject, is not surely about Viettel
    assert "Viettel" not in _one(facts, "125 triệu thuê bao").metric
    # a new paragraph is about no company until one opens a clause
    assert _one(facts, "150.000 tỷ đồng").metric == "doanh thu toàn ngành"


def test_a_second_attribute_of_the_things_counted_stays_in_the_metric() -> None:
    facts = _facts(
        "An toàn thông tin\n"
        "Năm 2021, đã gỡ bỏ hơn 3.150 tài khoản mạo danh, tung tin giả (hơn 1.200 tài khoản "
        "mạo danh) trên mạng xã hội.",
        date="2022-01-10",
    )
    assert "tung tin giả" in _one(facts, "3.150 tài khoản").metric
    assert "tung tin giả" not in _one(facts, "1.200 tài khoản").metric


def test_a_breakdown_of_a_count_stated_before_holds_for_its_period() -> None:
    facts = _facts(
        "Lao động quý I\n"
        "Trong quý I/2020, cả nước có 4,2 triệu lao động bị ảnh hưởng bởi thiên tai.\n"
        "310.000 lao động trong tổng số 4,2 triệu lao động bị ảnh hưởng đã mất việc. "
        "1,6 triệu lao động phải nghỉ luân phiên.\n"
        "Doanh thu năm 2020 của ngành đạt 900 tỷ đồng.",
        date="2020-04-15",
    )
    assert _one(facts, "310.000 lao động").period == "quý I/2020"
    assert _one(facts, "1,6 triệu lao động").period == "quý I/2020"
    # the total named again inside the breakdown is no new figure
    assert [f.period for f in _by_text(facts, "4,2 triệu lao động")] == ["quý I/2020"]
    assert _one(facts, "900 tỷ đồng").period == "2020"


def test_a_subject_company_with_an_aside_or_its_year_owns_the_figures_after_it() -> None:
    facts = _facts(
        "Các đơn vị thành viên\n"
        "Điển hình là VNPT Technology - đơn vị sản xuất thiết bị của VNPT - năm 2018 đã đạt "
        "doanh thu 4.100 tỷ đồng, lợi nhuận 310 tỷ đồng. Tổng công ty Dịch vụ số có doanh thu "
        "900 tỷ đồng. Hay như VNPT Media năm 2018 đạt doanh thu 1.700 tỷ đồng, lợi nhuận "
        "150 tỷ đồng.",
        date="2019-03-01",
    )
    assert _one(facts, "310 tỷ đồng").metric == "lợi nhuận của VNPT Technology"
    # a company named in words is not the one named before
    assert "VNPT" not in _one(facts, "900 tỷ đồng").metric
    assert _one(facts, "150 tỷ đồng").metric == "lợi nhuận của VNPT Media"


def test_a_growth_rate_keeps_the_period_its_own_words_name_after_the_level() -> None:
    facts = _facts(
        "Lợi nhuận\n"
        "Giai đoạn 2010 - 2014, lợi nhuận đạt 8.100 tỷ đồng, tăng trưởng bình quân 3,2%/năm, "
        "riêng giai đoạn 2012 - 2014 tăng trưởng bình quân 11,4%/năm.",
        date="2015-05-01",
    )
    assert _one(facts, "3,2%/năm").period == "2010-2014"
    assert _one(facts, "11,4%/năm").period == "2012-2014"


def test_a_change_from_one_level_to_another_holds_for_the_later_period() -> None:
    facts = _facts(
        "Kết quả kinh doanh\n"
        "Doanh thu môi giới tăng 64% từ mức 120 tỷ đồng năm 2017 lên mức 197 tỷ đồng năm 2018.",
        date="2019-02-01",
    )
    assert _one(facts, "64%").period == "2018"
    assert _one(facts, "120 tỷ đồng").period == "2017"
    assert _one(facts, "197 tỷ đồng").period == "2018"


def test_a_count_that_details_the_sentence_before_counts_what_it_named() -> None:
    facts = _facts(
        "Đăng ký doanh nghiệp\n"
        "Trong quý I/2022, số hợp tác xã giải thể tiếp tục tăng mạnh. Con số cụ thể là "
        "1.230 hợp tác xã, tăng 8,1% so với cùng kỳ năm 2021. Trong khi đó, 640 hợp tác xã "
        "được thành lập mới.",
        date="2022-04-20",
    )
    assert _one(facts, "1.230 hợp tác xã").metric == "số hợp tác xã giải thể"
    assert _one(facts, "8,1%").metric == "số hợp tác xã giải thể"
    assert "giải thể" not in _one(facts, "640 hợp tác xã").metric


def test_the_number_of_those_that_did_something_names_the_things_counted() -> None:
    facts = _facts(
        "Đăng ký doanh nghiệp\n"
        "Trong tháng 3/2022, số thành lập mới là 12.400 doanh nghiệp, số giải thể là "
        "1.800 doanh nghiệp.",
        date="2022-04-20",
    )
    assert _one(facts, "12.400 doanh nghiệp").metric.startswith("số doanh nghiệp thành lập")
    assert _one(facts, "1.800 doanh nghiệp").metric == "số doanh nghiệp giải thể"


def test_a_company_that_carried_something_out_owns_the_figures_that_follow() -> None:
    facts = _facts(
        "Thoái vốn\n"
        "Tính đến cuối năm 2019, MobiFone đã thực hiện thoái vốn tại 9 doanh nghiệp. "
        "Tổng giá trị thu về là 870 tỷ đồng.",
        date="2020-02-01",
    )
    assert _one(facts, "870 tỷ đồng").metric == "tổng giá trị thu về của MobiFone"


def test_the_group_a_metric_ends_with_is_the_company_named_before_it() -> None:
    facts = _facts(
        "Kết quả giai đoạn\n"
        "Cụ thể, trong giai đoạn 2019 - 2021, tổng doanh thu hợp nhất toàn MobiFone đạt "
        "98.200 tỷ đồng; tổng lợi nhuận hợp nhất của Tập đoàn đạt 7.650 tỷ đồng, tăng bình "
        "quân 12%/năm.",
        date="2022-03-01",
    )
    assert _one(facts, "7.650 tỷ đồng").metric == "tổng lợi nhuận hợp nhất của Tập đoàn MobiFone"
    assert _one(facts, "12%/năm").metric == "tổng lợi nhuận hợp nhất của Tập đoàn MobiFone"
