"""The rules of `check`, each on claims written here the way outlets phrase them, checked
against a KB built by the real pipeline from the shipped seed report (docs/fact-checking.md
has the same rules as a table)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mickb.kb.store import KB
from mickb.query.check import article_sentences, check_claim
from mickb.query.check.intervals import claim_interval, compare, describe, point, source_interval


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> Any:
    seed_kb: Path = request.getfixturevalue("seed_kb")
    opened = KB.open(seed_kb, readonly=True)
    yield opened
    opened.close()


def _kb_of(factory: pytest.TempPathFactory, file_name: str, text: str) -> Iterator[KB]:
    """A KB built by the real pipeline from one report written here, open while in use."""
    from mickb.ingest.pipeline import build

    folder = factory.mktemp("sources")
    (folder / file_name).write_text(text, encoding="utf-8")
    out = factory.mktemp("kb") / "kb.sqlite"
    build(folder, out)
    opened = KB.open(out, readonly=True)
    yield opened
    opened.close()


def verdicts(kb: Any, claim: str) -> list[str]:
    return [f["verdict"] for f in check_claim(kb, claim)["figures"]]


# --- the intervals themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "digits", "hedge", "shown"),
    [
        (139000, 0, "139.000", None, "[138.500; 139.500)"),
        (45000, 0, "45.000", None, "[44.500; 45.500)"),
        (139, 0, "139", None, "[138,5; 139,5)"),
        (15, 0, "15", None, "[14,5; 15,5)"),
        (10, 0, "10", None, "[9,5; 10,5)"),
        (0.14, 2, "0,14", None, "[0,135; 0,145)"),
        (14, 0, "14", "about", "[13; 15]"),
        (140000, 0, "140.000", "about", "[130.000; 150.000]"),
        (100, 0, "100", "about", "[90; 110]"),  # one unit of 1 in the hundreds is 100: 10 % wins
        (4, 0, "4", "more_than", "above 4"),
        (30, 0, "30", "at_least", "at least 30"),
        (100, 0, "100", "nearly", "[90; 100)"),
    ],
)
def test_a_claims_number_covers_what_its_last_digit_and_hedge_allow(
    value: float, decimals: int, digits: str, hedge: str | None, shown: str
) -> None:
    assert describe(claim_interval(value, decimals, digits, hedge, None), "") == shown


def test_less_than_is_strict_and_at_most_is_not() -> None:
    below = claim_interval(2, 0, "2", "at_most", "dưới")
    at_most = claim_interval(2, 0, "2", "at_most", "tối đa")
    assert compare(below, point(2)) == "contradicted"
    assert compare(at_most, point(2)) == "supported"


def test_a_source_bound_supports_only_a_weaker_or_equal_bound() -> None:
    source = source_interval(90, "more_than")  # "hơn 90%"
    assert compare(claim_interval(90, 0, "90", "more_than", None), source) == "supported"
    assert compare(claim_interval(85, 0, "85", "more_than", None), source) == "supported"
    assert compare(claim_interval(92, 0, "92", None, None), source) == "unconfirmed"
    assert compare(claim_interval(95, 0, "95", "more_than", None), source) == "unconfirmed"
    assert compare(claim_interval(85, 0, "85", None, None), source) == "contradicted"


def test_a_source_hedge_never_widens_its_value() -> None:
    # "khoảng 14,26%" in the source is 14,26: a claim of 14,3% is outside [14,25; 14,35)? no:
    # it is inside; a claim of 14,2% is outside [14,15; 14,25)
    assert source_interval(14.26, "about") == point(14.26)
    assert compare(claim_interval(14.2, 1, "14,2", None, None), point(14.26)) == "contradicted"


# --- the false SUPPORTED, now right ----------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # more than 4 triệu tỷ, for about 3,89 triệu tỷ
        ("Toàn ngành TT&TT thu về hơn 4 triệu tỷ đồng doanh thu trong năm 2022", "contradicted"),
        # 139.000 covers [138.500; 139.500): 138.000 is outside
        ("Năm 2022 doanh thu dịch vụ viễn thông là 139.000 tỷ đồng", "contradicted"),
        ("In 2022 the digital economy made up 15% of GDP", "contradicted"),
        # a figure for 11 months says nothing of the whole year
        ("Cả năm 2022 đã có 2.328 trang web lừa đảo bị xử lý", "not_found"),
    ],
)
def test_claims_once_wrongly_supported(seed: Any, claim: str, expected: str) -> None:
    result = check_claim(seed, claim)
    assert result["verdict"] == expected, result
    assert result["figures"][0]["rule"]
    assert "rule:" in result["figures"][0]["explanation"]


def test_every_explanation_names_the_rule_and_both_intervals(seed: Any) -> None:
    claim = "Lợi nhuận sau thuế của các doanh nghiệp viễn thông năm 2022 khoảng 45 nghìn tỷ đồng"
    fig = check_claim(seed, claim)["figures"][0]
    # about 45: one unit of its last digit either side, [44; 46] nghìn tỷ; 44.500 tỷ is inside
    assert fig["verdict"] == "supported"
    assert fig["rule"] == "about"
    assert "[44; 46] nghìn tỷ đồng" in fig["explanation"]
    assert "44.500 tỷ đồng" in fig["explanation"]
    assert "rule: about" in fig["explanation"]


# --- real phrasing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # currency glued to the number, English scale words
        ("Telecom service revenue reached VND138,000 billion in 2022", ["supported"]),
        ("The ICT industry posted revenue of US$148 billion in 2022", ["supported"]),
        # a factor-1000 slip: about 98.982 tỷ is not "nearly 100 billion"
        ("The sector paid nearly VND100 billion into the state budget in 2022", ["contradicted"]),
        # abbreviations of the ministry and the sector
        ("Theo Bộ TT-TT, năm 2022 toàn ngành có 1.510.027 lao động", ["supported"]),
        # a preamble that is not part of the metric
        (
            "Tại hội nghị, ông Bộ trưởng cho biết doanh thu dịch vụ viễn thông năm 2022 đạt "
            "138 nghìn tỷ đồng",
            ["supported"],
        ),
        # a level and its growth without a comma
        (
            "Doanh thu xuất bản, in và phát hành năm 2022 đạt 96.433 tỷ đồng tăng trưởng 5%",
            ["supported", "supported"],
        ),
        # a growth rate named as a noun
        ("Năm 2022 tốc độ tăng năng suất lao động của ngành là 6,7%", ["supported"]),
        # several figures, each bound to its own metric
        (
            "Năm 2022 kinh tế số chiếm 14,26% GDP, trong đó kinh tế số ICT chiếm 7,18%",
            ["supported", "supported"],
        ),
        # English vocabulary and count nouns across languages
        ("The sector employed 1,510,027 workers in 2022", ["supported"]),
        ("Vietnam had 70,000 digital technology enterprises in 2022", ["supported"]),
        ("Labour productivity in the sector was about VND648 million in 2022", ["supported"]),
        ("Profit after tax of telecom firms was VND44.5 trillion in 2022", ["supported"]),
    ],
)
def test_real_newsroom_phrasing(seed: Any, claim: str, expected: list[str]) -> None:
    assert verdicts(seed, claim) == expected, check_claim(seed, claim)


def test_a_wrong_direction_is_what_the_explanation_blames(seed: Any) -> None:
    fig = check_claim(seed, "Telecom revenue fell 1.6% in 2022")["figures"][0]
    assert fig["verdict"] == "contradicted"
    assert fig["rule"] == "direction"
    assert "direction" in fig["explanation"]


def test_a_sub_sectors_figure_does_not_contradict_the_whole_sectors(seed: Any) -> None:
    # the KB has the whole sector's budget payment, not telecom's own
    fig = check_claim(seed, "Ngành viễn thông nộp ngân sách 48.000 tỉ đồng trong năm 2022")[
        "figures"
    ][0]
    assert fig["verdict"] == "not_found"
    assert fig["rule"] == "scope"
    assert "98.982,3 tỷ đồng" in fig["explanation"]  # says what the KB does have


def test_rising_from_last_year_is_the_earlier_level(seed: Any) -> None:
    result = check_claim(
        seed, "Tỷ lệ thuê bao di động dùng smartphone tăng từ 74,4% năm ngoái lên 75,8% năm 2022"
    )
    first, second = result["figures"]
    # 75,80% up 1,4: 74,4% if points, about 74,75% if percent; the source does not say
    assert first["verdict"] == "not_found"
    assert "percentage points" in first["explanation"]
    assert second["verdict"] == "supported"


def test_a_level_of_the_year_before_is_derived_from_a_level_and_its_growth(seed: Any) -> None:
    fig = check_claim(seed, "Năm 2021 doanh thu dịch vụ viễn thông vào khoảng 135.800 tỷ đồng")[
        "figures"
    ][0]
    assert fig["verdict"] == "supported"
    assert fig["rule"] == "derived"
    assert "implies" in fig["explanation"]


def test_a_growth_against_another_base_year_is_not_found(seed: Any) -> None:
    assert verdicts(seed, "Doanh thu dịch vụ viễn thông năm 2022 tăng 1,6% so với năm 2019") == [
        "not_found"
    ]


# --- whole articles ---------------------------------------------------------------------------


def test_an_article_joins_hard_wrapped_lines_and_ends_paragraphs_at_blank_lines() -> None:
    text = (
        "Doanh thu năm nay đạt\n1.200 tỷ đồng. Lợi nhuận tăng\n8%.\n\nĐoạn hai không có số\nnào cả"
    )
    assert list(article_sentences(text)) == [
        "Doanh thu năm nay đạt 1.200 tỷ đồng.",
        "Lợi nhuận tăng 8%.",
        "Đoạn hai không có số nào cả",
    ]


def test_a_growth_of_another_product_of_the_field_contradicts_nothing(seed: Any) -> None:
    # 59% is the growth of electronic titles; printed titles have only a level: a claim
    # about printed titles' growth is not contradicted by the e-books' figure
    fig = check_claim(seed, "Printed titles rose 12% in 2022")["figures"][0]
    assert fig["verdict"] == "not_found"


def test_a_possessive_is_read_as_the_noun(seed: Any) -> None:
    assert verdicts(seed, "The sector's workforce reached 1,510,027 people in 2022") == [
        "supported"
    ]


GROUP_REPORT = """---
title: "Tập đoàn Vinatel công bố kết quả kinh doanh năm 2023"
date: "2024-01-15"
---
Năm 2023, Tập đoàn Vinatel đạt lợi nhuận 6.100 tỷ đồng.

Lớn nhất là Vinatel Media, đơn vị chủ lực của Vinatel, năm 2023 đạt doanh thu 9.400 tỷ đồng.

Đáng chú ý, Tổng công ty cổ phần Thiết bị mạng năm 2023 có doanh thu 2.750 tỷ đồng.

Năm 2023, tổng số thuê bao di động trên toàn cầu của Vinatel đạt 70 triệu, trong đó thuê bao
trong nước hơn 40 triệu.
"""


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "sao_viet_2023.txt", GROUP_REPORT)


def test_a_units_figure_is_not_its_parents(group: Any) -> None:
    # the clause names the unit and, in passing, its parent: the figure is the unit's
    assert verdicts(group, "Doanh thu của Vinatel Media năm 2023 đạt 9.400 tỷ đồng") == [
        "supported"
    ]
    assert verdicts(group, "Doanh thu của Vinatel Media năm 2023 đạt 12.000 tỷ đồng") == [
        "contradicted"
    ]
    # the report gives no revenue of the group itself: the unit's is neither its proof nor
    # its refutation
    assert verdicts(group, "Doanh thu của Vinatel năm 2023 đạt 9.400 tỷ đồng") == ["not_found"]
    assert verdicts(group, "Doanh thu của Vinatel năm 2023 đạt 20.000 tỷ đồng") == ["not_found"]


def test_a_company_named_in_words_is_not_the_title_company(group: Any) -> None:
    # the title names Vinatel, but the sentence names another company in plain words: its
    # revenue is that company's, so it says nothing of Vinatel's
    assert verdicts(group, "Doanh thu của Vinatel năm 2023 đạt 1.900 tỷ đồng") == ["not_found"]
    assert verdicts(group, "Doanh thu của Vinatel năm 2023 đạt 2.750 tỷ đồng") == ["not_found"]


def test_subscribers_at_home_are_not_those_worldwide(group: Any) -> None:
    home = "Năm 2023, Vinatel có {} triệu thuê bao di động trong nước"
    world = "Năm 2023, Vinatel có {} triệu thuê bao di động trên toàn cầu"
    assert verdicts(group, world.format(70)) == ["supported"]
    assert verdicts(group, world.format(40)) == ["contradicted"]
    # the worldwide count is no count of those at home: it neither supports nor refutes
    assert verdicts(group, home.format(70)) == ["not_found"]
    assert verdicts(group, home.format(55)) == ["not_found"]


COVERAGE_REPORT = """---
title: "Hạ tầng viễn thông năm 2023"
date: "2024-01-10"
---
Năm 2023, các doanh nghiệp viễn thông đã hoàn thành phủ sóng cho 1.870 điểm lõm sóng là các
thôn, bản ở vùng sâu.
"""


@pytest.fixture(scope="module")
def coverage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "ha_tang_2023.txt", COVERAGE_REPORT)


def test_a_count_of_a_classifier_and_its_noun_is_one_metric(coverage: Any) -> None:
    # "điểm lõm sóng": the unit read is the classifier "điểm", the noun goes on after it; a
    # claim with another verb ("xóa") and subject still names the same count
    claim = "Các doanh nghiệp viễn thông đã xóa {} điểm lõm sóng trong năm 2023"
    assert verdicts(coverage, claim.format("1.870")) == ["supported"]
    assert verdicts(coverage, claim.format("1.780")) == ["contradicted"]


SCAMS_REPORT = """---
title: "An toàn thông tin năm 2023"
date: "2024-01-12"
---
Năm 2023, cơ quan chức năng đã ngăn chặn, xử lý hơn 3.100 trang web lừa đảo trực tuyến,
vi phạm pháp luật (hơn 1.900 trang lừa đảo trực tuyến).
"""


@pytest.fixture(scope="module")
def scams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "attt_2023.txt", SCAMS_REPORT)


def test_a_figure_of_several_kinds_is_not_a_figure_of_one(scams: Any) -> None:
    # 3.100 counts scam and unlawful sites together; of the scams alone the report says only
    # "hơn 1.900": "more than 2,500 scam sites" can be neither confirmed nor denied
    assert verdicts(scams, "More than 2,500 online scam websites were blocked in 2023") == [
        "not_found"
    ]
    for claim in (
        "Năm 2023, cơ quan chức năng ngăn chặn hơn 3.000 trang web lừa đảo trực tuyến, vi phạm "
        "pháp luật",
        "In 2023, more than 3,000 scam and illegal websites were blocked",
    ):
        assert verdicts(scams, claim) == ["supported"], claim


AVERAGE_REPORT = (
    '---\ntitle: "Vinatel sau ba năm tái cơ cấu"\ndate: "2024-03-02"\n---\n'
    "Giai đoạn 2021-2023, tổng lợi nhuận hợp nhất của Vinatel đạt 9.870 tỷ đồng, tăng bình quân "
    "18%/năm.\n"
)


@pytest.fixture(scope="module")
def average(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "vinatel_2021_2023.txt", AVERAGE_REPORT)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # an average yearly growth, however it is worded, is the growth the source gives
        (
            "Lợi nhuận hợp nhất của Vinatel giai đoạn 2021-2023 đạt 9.870 tỷ đồng, tăng bình "
            "quân 18% mỗi năm",
            ["supported", "supported"],
        ),
        (
            "Lợi nhuận hợp nhất của Vinatel giai đoạn 2021-2023 có tốc độ tăng trưởng bình quân "
            "21%/năm",
            ["contradicted"],
        ),
        (
            "Vinatel's consolidated profit for 2021-2023 totalled VND9.87 trillion, growing 18 "
            "percent a year on average",
            ["supported", "supported"],
        ),
    ],
)
def test_an_average_yearly_growth_is_a_growth(
    average: Any, claim: str, expected: list[str]
) -> None:
    assert verdicts(average, claim) == expected


POSTAL_REPORT = (
    '---\ntitle: "Bưu chính năm 2023"\ndate: "2024-01-08"\n---\n'
    "Năm 2023, doanh thu dịch vụ bưu chính đạt 61.500 tỷ đồng, tăng 18%.\n"
)


@pytest.fixture(scope="module")
def postal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "buu_chinh_2023.txt", POSTAL_REPORT)


def test_a_change_with_no_stated_base_is_against_the_year_before(postal: Any) -> None:
    # "tăng 18%" in a 2023 review is against 2022, not against 2021
    claim = "Doanh thu dịch vụ bưu chính năm 2023 tăng 18% so với năm {}"
    assert verdicts(postal, claim.format(2022)) == ["supported"]
    assert verdicts(postal, claim.format(2021)) == ["not_found"]


MONTHS_REPORT = """---
title: "Bưu chính 11 tháng năm 2023"
date: "2023-12-05"
---
Trong 11 tháng đầu năm 2023, doanh thu bưu chính đạt 52.400 tỷ đồng.
Tính đến hết tháng 10/2023, cả nước có 680 doanh nghiệp bưu chính.
"""


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "buuchinh_11thang_2023.txt", MONTHS_REPORT)


def test_a_figure_of_the_first_months_says_nothing_of_one_month(months: Any) -> None:
    # the eleven months' revenue is not November's alone, in either language
    for claim in (
        "Riêng tháng 11/2023, doanh thu bưu chính đạt 52.400 tỷ đồng",
        "Postal revenue reached VND52,400 billion in November 2023",
    ):
        assert verdicts(months, claim) == ["not_found"], claim
    for claim in (
        "Tính đến hết tháng 11/2023, doanh thu bưu chính đạt 52.400 tỷ đồng",
        "Postal revenue through November 2023 reached VND52.4 trillion",
        "Doanh thu bưu chính 11 tháng năm 2023 đạt 52.400 tỷ đồng",
    ):
        assert verdicts(months, claim) == ["supported"], claim
    # a count "up to the end of October" answers a claim about the first ten months
    assert verdicts(
        months, "Trong 10 tháng đầu năm 2023, cả nước có 680 doanh nghiệp bưu chính"
    ) == ["supported"]


WORKFORCE_REPORT = """---
title: "Lao động ngành bưu chính viễn thông 2023"
date: "2024-01-20"
---
Năm 2023, tổng số lao động toàn ngành bưu chính viễn thông là 412.300 lao động, tăng 4% so
năm 2022; năng suất lao động ngành bưu chính viễn thông ước đạt 590 triệu đồng.
Trong 10 tháng đầu năm 2023, cơ quan chức năng đã gỡ bỏ 3.150 trang web giả mạo.
"""


@pytest.fixture(scope="module")
def workforce(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "laodong_bcvt_2023.txt", WORKFORCE_REPORT)


def test_the_workforce_and_its_growth_as_outlets_write_them(workforce: Any) -> None:
    # "lực lượng lao động" is the number of workers, not their productivity
    assert verdicts(
        workforce, "Năm 2023, lực lượng lao động ngành bưu chính viễn thông vượt 412.000 người"
    ) == ["supported"]
    # "X% more than in 2022" is a growth, and "less than" one that goes down
    assert verdicts(
        workforce,
        "The postal and telecom workforce totalled 412,300 people in 2023, 4% more than in 2022",
    ) == ["supported", "supported"]
    assert verdicts(
        workforce, "The postal and telecom workforce in 2023 was 4% less than in 2022"
    ) == ["contradicted"]


def test_who_acted_and_an_opening_word_are_not_the_metric(workforce: Any) -> None:
    assert verdicts(
        workforce,
        "Trong 10 tháng đầu năm 2023, cơ quan chức năng gỡ bỏ gần 3.000 trang web giả mạo",
    ) == ["contradicted"]
    # "Between" opens the sentence: it names no company, and the months are January to October
    assert verdicts(
        workforce,
        "Between January and October 2023, the authorities took down 3,150 fake websites",
    ) == ["supported"]


def test_a_verb_that_raises_a_rate_is_not_part_of_its_metric(seed: Any) -> None:
    # "đưa tỷ lệ … lên 99,7%": the rate of villages with a signal, raised to it
    assert verdicts(seed, "Năm 2022, các nhà mạng đưa tỷ lệ thôn có sóng di động lên 99,7%") == [
        "supported"
    ]


# --- a whole article: its headline's year and sector scope the sentences --------------------

ARTICLE = """Ngành thông tin và truyền thông thu về gần 3,9 triệu tỷ đồng năm 2022

Theo báo cáo của Bộ TT&TT, doanh thu toàn ngành năm qua ước đạt khoảng 3,89 triệu tỷ
đồng, tăng 12,7% so với năm 2021. Ngành cũng nộp ngân sách gần 99.000 tỷ đồng.

Ngành cũng nộp ngân sách khoảng 150.000 tỷ đồng năm 2019.
"""


def test_an_articles_headline_scopes_its_sentences(seed: Any) -> None:
    from mickb.query.check import check_article

    results = list(check_article(seed, ARTICLE))
    got = [(r["claim"][:30], [f["verdict"] for f in r["figures"]]) for r in results]
    assert got == [
        # the headline: "thu về" an amount is what the sector took in, its revenue
        ("Ngành thông tin và truyền thôn", ["supported"]),
        # "toàn ngành năm qua": the whole sector of the headline, in its year
        ("Theo báo cáo của Bộ TT&TT, doa", ["supported", "supported"]),
        ("Ngành cũng nộp ngân sách gần 9", ["supported"]),
        # a sentence naming its own year keeps it: the KB has nothing for 2019
        ("Ngành cũng nộp ngân sách khoản", ["not_found"]),
    ]
    # the result quotes the sentence as the article wrote it
    assert results[1]["claim"].startswith("Theo báo cáo của Bộ TT&TT, doanh thu toàn ngành năm qua")


def test_a_sentence_alone_is_not_given_a_year() -> None:
    from mickb.query.check.article import article_context, with_context

    context = article_context(["Doanh thu viễn thông năm 2021 và 2022", "Một câu."])
    assert context.year is None  # two years in the headline: none scopes the article
    lone = article_context(["Bưu chính tăng tốc năm 2022"])
    assert with_context("Sản lượng tăng 38% so với năm 2021", lone, has_period=False) == (
        "Năm 2022, Sản lượng tăng 38% so với năm 2021"
    )
    assert with_context("Năm 2020, sản lượng tăng 5%", lone, has_period=True) == (
        "Năm 2020, sản lượng tăng 5%"
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a hedge before a milestone word: "gần chạm mốc" is still "gần"
        ("Lực lượng lao động toàn ngành năm 2022 gần chạm mốc 1,51 triệu người", ["contradicted"]),
        # the wire's "pc" and "y/y", and a post's "+38%"
        ("The ICT sector's revenue rose 12.7pc in 2022", ["supported"]),
        (
            "Vietnam's ICT sector, 2022: budget contributions VND98,982.3 billion (+24.7% y/y)",
            ["supported", "supported"],
        ),
        ("Bưu chính 2022: sản lượng bưu gửi +38% so với 2021", ["supported"]),
        # a figure of scam and unlawful sites together is not one of unlawful sites alone
        (
            "Trong 11 tháng đầu năm 2022, hơn 2.300 trang web vi phạm pháp luật đã bị xử lý",
            ["not_found"],
        ),
        # "up from X a year earlier" is the level of the year before
        (
            "Vietnam's ICT workforce grew 5% to 1,510,027 people in 2022, up from roughly "
            "1.44 million a year earlier",
            ["supported", "supported", "supported"],
        ),
    ],
)
def test_outlets_other_styles(seed: Any, claim: str, expected: list[str]) -> None:
    assert verdicts(seed, claim) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a bulletin's label is no metric, and "song" (but) no "sóng" (signal)
        (
            "Bản tin tài chính: năm 2022, lợi nhuận sau thuế của khối doanh nghiệp viễn thông "
            "ước 44.500 tỷ đồng, song giảm 3,8% so với năm 2021",
            ["supported", "contradicted"],
        ),
        # what was done to the things counted may be said in other words
        (
            "11 tháng đầu năm 2022, chỉ khoảng 1.000 trang lừa đảo trực tuyến bị ngăn chặn",
            ["contradicted"],
        ),
        # a share restated must be of the source's whole: the population is not internet users
        (
            "Trong 11 tháng đầu năm 2022, hơn 4,33 triệu người được bảo vệ trước lừa đảo trên "
            "mạng, tương đương 6,8% dân số",
            ["supported", "not_found"],
        ),
    ],
)
def test_bulletins_predicates_and_restated_shares(
    seed: Any, claim: str, expected: list[str]
) -> None:
    assert verdicts(seed, claim) == expected


def test_a_target_set_for_a_year_is_a_target(seed: Any) -> None:
    # "đặt chỉ tiêu năm 2023: … tối thiểu 50%": the ministry's goal, read as the goal it is
    assert verdicts(
        seed,
        "Bộ TT&TT đặt chỉ tiêu năm 2023: tỷ lệ tài khoản dùng các nền tảng số Việt Nam đạt "
        "tối thiểu 50%",
    ) == ["supported"]


def test_a_ratio_in_words_is_read_as_its_number(seed: Any) -> None:
    # "gấp rưỡi" is 1,5 lần, as the source writes it; "gấp ba" is 3 lần, which it is not
    assert verdicts(
        seed, "Năm 2022, doanh thu toàn ngành TT&TT tăng nhanh gấp rưỡi dự báo tăng trưởng GDP"
    ) == ["supported"]
    assert verdicts(
        seed, "Năm 2022, doanh thu toàn ngành TT&TT tăng nhanh gấp ba dự báo tăng trưởng GDP"
    ) == ["contradicted"]


def test_a_growth_claimed_of_a_metric_is_the_sources_growth_rate_of_it(seed: Any) -> None:
    # the source names the growth "tốc độ tăng năng suất lao động là 6,7%"; a claim says the
    # productivity rose 6,7% (or 7,6%)
    assert verdicts(
        seed,
        "Năm 2022, năng suất lao động ngành TT&TT đạt khoảng 648 triệu đồng, tăng 6,7% so với "
        "năm 2021",
    ) == ["supported", "supported"]
    assert verdicts(seed, "Năm 2022, năng suất lao động ngành TT&TT tăng 7,6% so với năm 2021") == [
        "contradicted"
    ]


def test_an_english_attribution_with_an_audience_is_no_metric(seed: Any) -> None:
    # "X told the conference that …": who spoke and to whom, not what was measured
    assert verdicts(
        seed,
        "The minister told the digital economy forum that telecom service revenue reached "
        "VND138 trillion in 2022",
    ) == ["supported"]


def test_who_reports_before_a_colon_and_the_forces_who_acted_are_no_metric(seed: Any) -> None:
    assert verdicts(
        seed,
        "Đài truyền hình tỉnh đưa tin: năm 2022, sản lượng bưu gửi tăng 38% so với năm 2021",
    ) == ["supported"]
    assert verdicts(
        seed, "Năm 2022, ngành TT&TT có lực lượng 1.510.027 lao động, tăng 5% so với năm 2021"
    ) == ["supported", "supported"]
    assert verdicts(
        seed, "Through November 2022, more than 2,300 scam and illegal websites were blocked"
    ) == ["supported"]


def test_a_figure_before_its_metric_and_a_posts_lead_in(seed: Any) -> None:
    # the figure first, what it measures after it
    assert verdicts(
        seed,
        "At 12.7%, the information and communications sector's revenue growth in 2022 topped "
        "forecasts",
    ) == ["supported"]
    # a post's lead-in before a colon is no metric; the words after the figure are
    assert verdicts(
        seed, "Proud of our tech scene: 70,000 registered digital technology firms in 2022"
    ) == ["supported"]
    # a Vietnamese label before the colon is the metric itself
    assert verdicts(seed, "Doanh nghiệp công nghệ số: khoảng 70 nghìn đơn vị đăng ký năm 2022") == [
        "supported"
    ]


def test_a_second_subject_after_and_gets_its_own_metric(seed: Any) -> None:
    # the 12% is the number of postal firms' growth, not the postal revenue's (16%): read as
    # the revenue's it was once called wrong
    assert verdicts(
        seed,
        "Năm 2022, sản lượng bưu gửi tăng 38% và số doanh nghiệp bưu chính tăng 12% so với năm "
        "2021",
    ) == ["supported", "supported"]
    assert verdicts(
        seed, "In 2022 postal parcel volume rose 38% and the number of postal firms grew 12%"
    ) == ["supported", "supported"]


def test_a_comparative_with_its_base_before_the_figure_states_a_direction(seed: Any) -> None:
    # "thấp hơn năm ngoái 3,8%": a fall of 3,8% on last year; the source says a rise
    claim = "Lợi nhuận sau thuế của doanh nghiệp viễn thông năm 2022 đạt 44.500 tỷ đồng, "
    assert verdicts(seed, claim + "thấp hơn năm ngoái 3,8%") == ["supported", "contradicted"]
    assert verdicts(seed, claim + "cao hơn năm ngoái 3,8%") == ["supported", "supported"]


def test_a_broadcasts_opening_words_and_a_cumulative_period_are_no_metric(seed: Any) -> None:
    assert verdicts(
        seed,
        "Kính thưa quý vị, năm 2022 nộp ngân sách nhà nước của ngành thông tin và truyền thông "
        "tăng 24,7%",
    ) == ["supported"]
    assert verdicts(
        seed,
        "In its year-end summary, the ministry put the sector's 2022 budget payments at "
        "VND98,982.3 billion and the workforce at 1,510,027",
    ) == ["supported", "supported"]
    # "lũy kế 11 tháng" is when (the first eleven months), not what
    assert verdicts(
        seed,
        "Lũy kế 11 tháng năm 2022, hơn 2.300 trang web lừa đảo trực tuyến, vi phạm pháp luật "
        "đã bị ngăn chặn, xử lý",
    ) == ["supported"]


def test_a_growth_to_a_level_holds_when_the_level_does(seed: Any) -> None:
    # "in 2021" names the earlier level's year, not the growth's
    assert verdicts(
        seed,
        "Budget payments from the information and communications sector climbed 24.7% to "
        "VND98.98 trillion in 2022, up from around VND79.4 trillion in 2021",
    )[:2] == ["supported", "supported"]


def test_english_later_figures_named_after_the_number_or_before_which(seed: Any) -> None:
    # each was once bound to the figure before and called wrong
    assert verdicts(
        seed,
        "In 2022 the ICT industry's contribution to GDP grew 8.7%, about half the 16% rise in "
        "the postal sector's contribution to GDP",
    ) == ["supported", "supported"]
    assert verdicts(
        seed,
        "Telecom service revenue grew 1.6% in 2022, far slower than postal service revenue, "
        "which jumped 16%",
    ) == ["supported", "supported"]
    # the forecast's own value is not in the source: no verdict, not the revenue's growth
    assert verdicts(
        seed,
        "Information and communications revenue grew 12.7% in 2022, 1.5 times the "
        "government's 6.5% GDP growth forecast",
    ) == ["supported", "supported", "not_found"]


def test_a_currency_before_a_range_and_a_scale_after_it(seed: Any) -> None:
    assert verdicts(seed, "ICT industry revenue reached US$145-150 billion in 2022") == [
        "supported"
    ]
    assert verdicts(seed, "ICT industry revenue reached US$150-155 billion in 2022") == [
        "contradicted"
    ]


def test_a_posts_items_between_emoji_and_a_quizs_label(seed: Any) -> None:
    assert verdicts(
        seed,
        "Vietnam's ICT industry in 2022 🧵👇 Revenue: US$148bn (+8.7%) 📈 Contribution to GDP: "
        "US$34.3bn 💡",
    ) == ["supported", "supported", "supported"]
    assert verdicts(
        seed, "Đúng hay sai: năm 2022, số đầu xuất bản phẩm điện tử tăng 95% so với năm 2021?"
    ) == ["contradicted"]


def test_a_new_subject_listing_its_kinds_between_commas(seed: Any) -> None:
    assert verdicts(
        seed,
        "Năm 2022 doanh thu công nghiệp ICT tăng 8,7%, còn doanh thu xuất bản, in, phát hành "
        "tăng nhẹ 5% so với năm 2021",
    ) == ["supported", "supported"]


UNITS_REPORT = """---
title: "Vinatel sau ba năm tái cấu trúc"
date: "2024-02-01"
---
Giai đoạn 2021 - 2023, tổng doanh thu hợp nhất toàn Vinatel đạt 98.640 tỷ đồng.

Tổng công ty Thiết bị mạng có doanh thu 4.120 tỷ đồng. Hay như Vinatel Media năm 2023 đạt
doanh thu 2.310 tỷ đồng, lợi nhuận 184 tỷ đồng.
"""


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "vinatel_units.txt", UNITS_REPORT)


def test_a_units_two_figures_joined_by_and_and_its_name_over_a_bare_metric(units: Any) -> None:
    # the profit after "và" is the profit, not a second revenue; the figure that names the
    # unit is its own, not the other company's bare "doanh thu"
    assert verdicts(
        units, "Năm 2023, Vinatel Media có doanh thu 2.310 tỷ đồng và lợi nhuận 148 tỷ đồng"
    ) == ["supported", "contradicted"]


def test_consolidated_revenue_over_a_span_of_years(units: Any) -> None:
    # "over 2021-2023" is the span, not a base year; "hợp nhất" is consolidated, not "most"
    assert verdicts(
        units, "Vinatel's consolidated revenue over 2021-2023 came to nearly VND99 trillion"
    ) == ["supported"]
    assert verdicts(
        units, "Vinatel's consolidated revenue over 2021-2023 came to nearly VND98 trillion"
    ) == ["contradicted"]


ONE_COMPANY_REPORT = """---
title: "Các đơn vị thành viên năm 2023"
date: "2024-01-20"
---
Năm 2023, Tổng công ty cổ phần Thiết bị mạng ghi dấu ấn với mảng xuất khẩu thiết bị, với
doanh thu 2.750 tỷ đồng.
"""


@pytest.fixture(scope="module")
def one_company(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "thanh_vien_2023.txt", ONE_COMPANY_REPORT)


def test_a_company_named_in_words_gives_no_verdict_on_a_market(one_company: Any) -> None:
    # the revenue is one company's (named in words): a claim about another industry's revenue
    # of the same year is neither proved nor refuted by it
    claim = (
        "Năm 2023, ngành du lịch đón 12 triệu lượt khách quốc tế và 80 triệu lượt khách nội "
        "địa, tổng doanh thu đạt {} tỷ đồng"
    )
    assert verdicts(one_company, claim.format("400.000"))[-1] == "not_found"
    assert verdicts(one_company, claim.format("2.750"))[-1] == "not_found"


def test_asides_dashes_and_pointers_back_in_long_english_sentences(seed: Any) -> None:
    # "a figure that marks" points back at the revenue
    assert verdicts(
        seed,
        "Vietnam's information and communications sector earned revenue of VND3.89 "
        "quadrillion in 2022, a figure that marks a 12.7% increase over the previous year",
    ) == ["supported", "supported"]
    # ", which …," is an aside: the workforce is what stood at the figure
    assert verdicts(
        seed,
        "The information and communications sector's workforce, which has kept growing as "
        "firms go digital, stood at well over 1.6 million people in 2022",
    ) == ["contradicted"]
    # a spaced dash ends the first clause: the 24.7% is read as the profit's, not the revenue's
    figures = check_claim(
        seed,
        "Telecom service revenue rose 1.6% to VND138 trillion — telecom operators also lifted "
        "after-tax profit by 24.7% in 2022",
    )["figures"]
    assert [f["verdict"] for f in figures[:2]] == ["supported", "supported"]
    assert figures[2]["verdict"] != "supported"
    assert "lợi nhuận" in figures[2]["explanation"]


def test_a_reporters_label_and_a_scale_word_are_no_metric(seed: Any) -> None:
    assert verdicts(
        seed,
        "Phóng viên ghi nhận tại hội nghị: năm 2022, doanh thu dịch vụ viễn thông đạt trên 140 "
        "nghìn tỷ đồng",
    ) == ["contradicted"]
    assert verdicts(
        seed, "Năm 2022, đóng góp vào GDP của công nghiệp ICT đạt quy mô 34,3 tỷ USD"
    ) == ["supported"]


JOBS_REPORT = """---
title: "Lao động quý I/2023"
date: "2023-04-20"
---
Trong quý I/2023, 310.000 người trong tổng số 1,2 triệu người bị ảnh hưởng bị mất việc.
"""


@pytest.fixture(scope="module")
def jobs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "lao_dong_q1_2023.txt", JOBS_REPORT)


def test_a_bare_count_of_people_may_agree_but_never_refutes(jobs: Any) -> None:
    # "còn 104.200 người trong quý I" says people, not which: no verdict against a count of
    # other people of the same quarter
    claim = (
        "Nhóm lao động có trình độ cao đẳng có số thất nghiệp giảm 20.600 người, còn {} người "
        "trong quý I/2023"
    )
    assert verdicts(jobs, claim.format("104.200"))[-1] == "not_found"


def test_one_citys_figure_is_not_the_countrys_and_a_chart_total_keeps_its_heading(
    seed: Any,
) -> None:
    # the seed gives national figures only: a city's revenue is neither proved nor refuted
    assert verdicts(
        seed,
        "Da Nang's information and communications sector earned VND9.5 trillion in 2022, a "
        "slice of the national sector's revenue of VND3.9 quadrillion",
    ) == ["not_found", "supported"]
    assert verdicts(
        seed, "Năm 2022, doanh thu ngành thông tin và truyền thông Đà Nẵng đạt 9.500 tỷ đồng"
    ) == ["not_found"]
    # the heading before the dash names the total; "of which" opens its part
    assert verdicts(
        seed,
        "Chart: Digital economy as a share of Vietnam's GDP, 2022 — total about 14.26%, of "
        "which the ICT digital economy about 7.18%",
    ) == ["supported", "supported"]


def test_a_table_row_a_verdict_line_a_hashtag_and_an_aside_with_von(seed: Any) -> None:
    # "|" parts a table row's cells; the row's head names the whole sector
    assert verdicts(
        seed,
        "Ngành TT&TT | Năm 2022 | Doanh thu: 3.893.595 tỷ đồng | Lao động: 1.510.027 người",
    ) == ["supported", "supported"]
    # a fact-check's labels are no metric
    assert verdicts(
        seed, "Nhận định: Doanh thu dịch vụ viễn thông năm 2022 tăng 16% so với năm 2021 — Sai"
    ) == ["contradicted"]
    assert verdicts(
        seed, "Claim: Vietnam's digital economy accounted for more than 15% of GDP in 2022."
    ) == ["contradicted"]
    assert verdicts(seed, "#Vietnam's ICT industry earned $148bn in revenue in 2022") == [
        "supported"
    ]
    # ", vốn chịu …," is an aside about the firms
    assert verdicts(
        seed,
        "Lợi nhuận sau thuế của các doanh nghiệp viễn thông, vốn chịu áp lực cạnh tranh, năm "
        "2022 ước đạt 44.500 tỷ đồng",
    ) == ["supported"]


def test_a_verbs_over_is_no_hedge_and_from_a_level_a_year_earlier(seed: Any) -> None:
    # "turned over" is what the industry did, not "more than"
    assert verdicts(
        seed, "Vietnam's ICT industry turned over US$148 billion in revenue in 2022"
    ) == ["supported"]
    # the level "from" which it rose, "a year earlier", is 2021's (derived from the growth)
    assert verdicts(
        seed,
        "Revenue in Vietnam's information and communications sector climbed to VND3.89 "
        "quadrillion in 2022 from about VND3.5 quadrillion a year earlier",
    ) == ["supported", "supported"]


def test_openers_a_dateline_a_pointer_back_and_a_base_level(seed: Any) -> None:
    # openers one after another, then the claim
    assert verdicts(
        seed,
        "Cũng theo báo cáo, đáng chú ý, năm 2022 năng suất lao động của ngành thông tin và "
        "truyền thông đạt khoảng 648 triệu đồng",
    ) == ["supported"]
    assert verdicts(
        seed,
        "HANOI — Vietnam's information and communications sector paid VND98.98 trillion to "
        "the state budget in 2022",
    ) == ["supported"]
    # "mức đóng góp này" is the contribution just named
    assert verdicts(
        seed,
        "Năm 2022, đóng góp vào GDP của lĩnh vực bưu chính tăng mạnh, mức đóng góp này tăng 16% "
        "so với năm 2021",
    ) == ["supported"]
    # "so với mức khoảng 136 nghìn tỷ đồng của năm 2021": the year before's level (derived)
    assert verdicts(
        seed,
        "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng, nhích nhẹ so với mức khoảng "
        "136 nghìn tỷ đồng của năm 2021",
    ) == ["supported", "supported"]


def test_a_level_of_the_year_before_from_a_growth_later_in_the_sentence(seed: Any) -> None:
    # the productivity's growth stands clauses after its level, tied to it by its metric:
    # 648 / 1,067 = about 607 million for 2021
    claim = "Năng suất lao động ngành thông tin và truyền thông năm 2021 đạt khoảng {} triệu đồng"
    assert verdicts(seed, claim.format(607)) == ["supported"]
    assert verdicts(seed, claim.format(640)) == ["contradicted"]
    # English names the sector's publishers, printers and distributors
    assert verdicts(
        seed,
        "Publishers, printers and distributors in Vietnam earned VND96,433 billion in 2022",
    ) == ["supported"]


def test_a_later_figure_keeps_the_part_of_the_sector_just_named(seed: Any) -> None:
    # the contribution to GDP named after the ICT industry's revenue is the ICT industry's
    # (34.336 triệu USD), not a figure too vague to judge
    claim = "Năm 2022, doanh thu công nghiệp ICT đạt khoảng 148 tỷ USD, đóng góp vào GDP {}"
    assert verdicts(seed, claim.format("hơn 34 tỷ USD")) == ["supported", "supported"]
    assert verdicts(seed, claim.format("36 tỷ USD")) == ["supported", "contradicted"]
    # English "added X to GDP" is a contribution; "the industry's" points back
    claim = "Vietnam's ICT industry earned US$148 billion in 2022 and added {} to GDP"
    assert verdicts(seed, claim.format("nearly $35 billion")) == ["supported", "supported"]
    assert verdicts(seed, claim.format("$40 billion")) == ["supported", "contradicted"]
    assert verdicts(
        seed,
        "ICT industry revenue rose to US$148 billion in 2022, while the industry's "
        "contribution to GDP came to US$34.3 billion",
    ) == ["supported", "supported"]
    # another subject after "còn": the whole sector's budget payments, not the industry's
    assert verdicts(
        seed,
        "Năm 2022, doanh thu công nghiệp ICT đạt 148 tỷ USD, còn toàn ngành nộp ngân sách "
        "98.982 tỷ đồng",
    ) == ["supported", "supported"]


def test_a_change_before_rising_is_the_same_metrics_and_holds_when_its_level_does(
    seed: Any,
) -> None:
    # 70.000 firms in 2022, up 9,5%: the rise is 2022's, of the firms just counted
    claim = (
        "The number of registered digital technology firms stood near 64,000 in 2021 before "
        "rising {} to 70,000 in 2022"
    )
    assert verdicts(seed, claim.format("12%")) == ["supported", "contradicted", "supported"]
    assert verdicts(seed, claim.format("9.5%")) == ["supported", "supported", "supported"]


def test_an_amount_for_each_worker_is_not_the_sectors_total(seed: Any) -> None:
    # revenue per worker is no figure of the report: not the sector's 3.893.595 tỷ đồng
    claim = (
        "Tính bình quân, mỗi lao động ngành TT&TT năm 2022 mang về khoảng 2,6 tỷ đồng doanh "
        "thu và tạo ra khoảng {} triệu đồng giá trị đóng góp vào GDP"
    )
    # ... and what each worker creates of GDP is the labour productivity (648 triệu đồng)
    assert verdicts(seed, claim.format(648)) == ["not_found", "supported"]
    assert verdicts(seed, claim.format(690)) == ["not_found", "contradicted"]
    # a productivity in đồng per person is the source's productivity in đồng
    assert verdicts(
        seed, "Năm 2022, năng suất lao động của ngành TT&TT đạt 650 triệu đồng/người"
    ) == ["contradicted"]
    assert verdicts(
        seed, "Năm 2022, năng suất lao động của ngành TT&TT đạt khoảng 648 triệu đồng/người"
    ) == ["supported"]


def test_a_share_of_another_figure_of_the_claim_is_the_claims_own_arithmetic(seed: Any) -> None:
    # 7,18 / 14,26 is about 50,4%, a ratio the report never states: neither true nor false
    result = check_claim(
        seed,
        "The ICT digital economy contributed 7.18% of GDP in 2022, or 55% of the digital "
        "economy's 14.26% share",
    )
    assert [f["verdict"] for f in result["figures"]] == ["supported", "not_found", "supported"]
    assert "a part or a share of another figure" in result["figures"][1]["explanation"]


def test_the_sectors_revenue_and_a_metric_named_past_a_currency_conversion(seed: Any) -> None:
    # "the sector" names no part of it: the ICT industry's 8,7% is no rival reading
    assert verdicts(seed, "The sector's revenue grew by about 12% in 2022") == ["supported"]
    assert verdicts(seed, "The sector's revenue grew by about 10% in 2022") == ["contradicted"]
    # what the figure is ("in revenue") stands after its conversion in parentheses
    claim = (
        "Vietnam's information and communications sector brought in {} (US$165 billion) in "
        "revenue in 2022"
    )
    assert verdicts(seed, claim.format("VND3.89 quadrillion"))[0] == "supported"
    assert verdicts(seed, claim.format("VND3.7 quadrillion"))[0] == "contradicted"


def test_a_part_of_a_whole_is_read_by_the_sources_part_of_a_whole(seed: Any) -> None:
    # the source: 2.152/2.418 điểm lõm sóng, which are villages; the claims say who covered
    # them in words the source does not use
    assert verdicts(
        seed,
        "Theo Bộ, năm 2022 các nhà mạng đã phủ sóng cho 2.152 trên tổng số 2.418 thôn, bản "
        "lõm sóng",
    ) == ["supported"]
    assert verdicts(
        seed, "Mobile operators covered 2,152 of the 2,418 black-spot villages in 2022"
    ) == ["supported"]
    # (a part read this loosely supports only: a wrong count is not called false by it)
    assert verdicts(
        seed, "Mobile operators covered 2,125 of the 2,418 black-spot villages in 2022"
    ) == ["not_found"]


def test_figures_given_respectively_each_take_their_own_subject(seed: Any) -> None:
    # 12,7% revenue, 24,7% budget, 5% workforce: the third is wrong
    assert verdicts(
        seed,
        "Năm 2022, doanh thu toàn ngành, số nộp ngân sách nhà nước và tổng số lao động của "
        "ngành TT&TT tăng lần lượt là 12,7%, 24,7% và 7% so với năm 2021",
    ) == ["supported", "supported", "contradicted"]
    # postal items up 38%, postal firms up 12%: given in the wrong order
    assert verdicts(
        seed,
        "Năm 2022, sản lượng bưu gửi và số doanh nghiệp bưu chính lần lượt tăng 12% và 38% so "
        "với năm trước",
    ) == ["contradicted", "contradicted"]
    assert verdicts(
        seed,
        "In 2022 the ICT industry's revenue and its contribution to GDP came to US$148 billion "
        "and US$36 billion respectively",
    ) == ["supported", "contradicted"]


def test_one_figure_said_of_both_subjects_holds_only_if_it_holds_of_each(seed: Any) -> None:
    # postal revenue and postal GDP contribution both rose 16%; postal firms rose 12%
    claim = "Năm 2022, doanh thu dịch vụ bưu chính và {} đều tăng 16% so với năm 2021"
    assert verdicts(seed, claim.format("đóng góp vào GDP của lĩnh vực bưu chính")) == ["supported"]
    assert verdicts(seed, claim.format("số lượng doanh nghiệp bưu chính")) == ["contradicted"]
    # "cả hai" after two figures: their two metrics (both grew 8,7%)
    assert verdicts(
        seed,
        "Năm 2022 doanh thu công nghiệp ICT đạt 148 tỷ USD, đóng góp vào GDP của lĩnh vực này "
        "khoảng 34 tỷ USD, cả hai đều tăng 9,5% so với năm 2021",
    ) == ["supported", "supported", "contradicted"]


def test_claims_typed_without_marks_aims_and_headline_verbs(seed: Any) -> None:
    # a post typed without diacritics: "ngan", "nang" are halves of "ngân sách", "năng suất"
    assert verdicts(
        seed,
        "Nganh TT&TT nam 2022: doanh thu nganh tang 12,7%, nop ngan sach tang 24,7%, nang "
        "suat lao dong tang 7,6%",
    ) == ["supported", "supported", "contradicted"]
    # the profit rose 3,8%: "lower than last year" is the wrong direction, marks or none
    assert verdicts(
        seed, "nam 2022 loi nhuan sau thue cua doanh nghiep vien thong thap hon nam ngoai 3,8%"
    ) == ["contradicted"]
    # aiming at a figure is a target, and says nothing of what it measures
    assert verdicts(
        seed,
        "Năm 2023, Bộ TT&TT đặt mục tiêu ít nhất 50% tài khoản dùng các nền tảng số Việt Nam",
    ) == ["supported"]
    assert verdicts(
        seed,
        "For 2023, the ministry is targeting at least 50% of accounts on Vietnamese digital "
        "platforms",
    ) == ["supported"]
    # a headline's present tense is a change
    assert verdicts(seed, "Vietnam's postal volumes jump 38% in 2022") == ["supported"]
    assert verdicts(seed, "Vietnam's postal volumes jump 28% in 2022") == ["contradicted"]


def test_a_list_head_a_rate_owned_after_it_and_the_countrys_gdp(seed: Any) -> None:
    # the head before "như sau:" scopes the items and is no metric of the first
    assert verdicts(
        seed,
        "Một số chỉ tiêu của lĩnh vực viễn thông năm 2022 như sau: doanh thu dịch vụ 138.000 "
        "tỷ đồng; lợi nhuận sau thuế khoảng 45 nghìn tỷ đồng",
    ) == ["supported", "supported"]
    # "mức tăng 1,6% của doanh thu dịch vụ viễn thông": the owner follows the rate
    assert verdicts(
        seed,
        "Năm 2022, nộp ngân sách nhà nước của ngành TT&TT tăng 24,7%, nhanh hơn nhiều mức "
        "tăng 1,6% của doanh thu dịch vụ viễn thông",
    ) == ["supported", "supported"]
    assert verdicts(
        seed,
        "Năm 2022, nộp ngân sách nhà nước của ngành TT&TT tăng 24,7%, nhanh hơn nhiều mức "
        "tăng 2,6% của doanh thu dịch vụ viễn thông",
    ) == ["supported", "contradicted"]
    # the country's GDP growth is no figure of the report, not the ICT industry's
    assert verdicts(
        seed,
        "Năm 2022 đóng góp vào GDP của lĩnh vực công nghiệp ICT tăng 8,7%, cao hơn mức tăng "
        "trưởng 8% của GDP cả nước",
    ) == ["supported", "not_found"]


def test_an_interview_question_digital_economy_before_a_year_and_a_leap_to_a_level(
    seed: Any,
) -> None:
    # "Q: Minister, …" says who is asked, not what is measured
    assert verdicts(
        seed,
        "Q: Minister, your ministry puts 2022 ICT industry revenue at US$148 billion, up 8.7%. "
        "Is that enough?",
    ) == ["supported", "supported"]
    # "kinh tế số năm 2022": "số" (digital) is no "so" (compared with) before the year
    assert verdicts(seed, "Kinh tế số năm 2022 chiếm tỷ trọng khoảng 14,3% GDP cả nước") == [
        "supported"
    ]
    # "vọt lên gần 3,9 triệu tỷ đồng": leapt to a level, not by an amount
    assert verdicts(seed, "Năm 2022, doanh thu toàn ngành TT&TT vọt lên gần 3,9 triệu tỷ đồng") == [
        "supported"
    ]
    # a share restating a count: its whole must be the source's, its count may be worded
    # otherwise
    claim = (
        "In the first 11 months of 2022, the ministry shielded more than 4.33 million people "
        "from online fraud, or {} of Vietnam's internet users"
    )
    assert verdicts(seed, claim.format("6.8%"))[1] == "supported"
    assert verdicts(seed, claim.format("8.6%"))[1] != "supported"


def test_a_ranking_of_growth_rates_and_a_share_that_grew(seed: Any) -> None:
    # under a head of growth rates, each percentage is a rise (e-books 59%, postal items 38%,
    # postal firms 12%, not 16%)
    assert verdicts(
        seed,
        "Tăng trưởng năm 2022: số đầu xuất bản phẩm điện tử 59%, sản lượng bưu gửi 38%, số "
        "doanh nghiệp bưu chính 16%",
    ) == ["supported", "supported", "contradicted"]
    # "a share that grew 1.4%": the share just given (smartphones, 75,8%, up 1,4%)
    assert verdicts(
        seed,
        "Smartphones made up about 76% of mobile subscriptions in 2022, a share that grew "
        "2.4% from 2021",
    ) == ["supported", "contradicted"]


def test_a_provinces_figure_a_rise_in_people_and_amounts_each_worker_paid(seed: Any) -> None:
    # a province named before the metric: the national telecom revenue does not judge it
    assert verdicts(
        seed,
        "Năm 2022 doanh thu toàn ngành đạt xấp xỉ 3,9 triệu tỷ đồng. Riêng trên địa bàn tỉnh "
        "Nam Định, doanh thu viễn thông năm qua ước khoảng 1.900 tỷ đồng",
    ) == ["supported", "not_found"]
    # "cao hơn năm 2021 khoảng 72 nghìn người": a rise in people, which the report gives only
    # as 5%; not the 2021 workforce
    assert verdicts(
        seed,
        "Năm 2022 lao động của ngành TT&TT đạt 1,51 triệu người, con số này cao hơn năm 2021 "
        "khoảng 72 nghìn người",
    ) == ["supported", "not_found"]
    # a budget payment per worker is no productivity, and no sector total
    assert verdicts(
        seed,
        "Năm 2022, bình quân mỗi người lao động ngành TT&TT đóng góp khoảng 65 triệu đồng vào "
        "ngân sách nhà nước",
    ) == ["not_found"]
    assert (
        verdicts(
            seed,
            "In 2022 every one of the sector's 1.51 million workers paid about VND65.6 million "
            "into the state budget",
        )[-1]
        == "not_found"
    )
    # "some US$120 billion of it": a part the claim divides itself
    assert verdicts(
        seed,
        "Vietnam's ICT industry earned US$148 billion in 2022, some US$120 billion of it from "
        "electronics hardware",
    ) == ["supported", "not_found"]


def test_columns_corrections_answers_and_spelled_out_numbers(seed: Any) -> None:
    # a correction's wrong figure is checked on its own; "số liệu đúng là" points back
    assert verdicts(
        seed,
        "Cải chính: Bài hôm qua viết rằng doanh thu dịch vụ bưu chính năm 2022 tăng 38%; số "
        "liệu đúng là tăng 16% so với năm 2021",
    ) == ["contradicted", "supported"]
    # a question and its answer's label
    assert verdicts(
        seed,
        "Hỏi: Năm 2022 tỷ lệ thôn có sóng di động là bao nhiêu? Đáp: Theo Bộ TT&TT, tỷ lệ thôn "
        "đã có sóng trên toàn quốc đạt 99,73%",
    ) == ["supported"]
    # a column's opener, and "trong khi … chỉ tăng"
    assert verdicts(
        seed,
        "Theo người viết, năm 2022 doanh thu toàn ngành tăng 12,7% trong khi tổng số lao động "
        "toàn ngành chỉ tăng 5%",
    ) == ["supported", "supported"]
    # "tăng trưởng ở mức 27,4%" is a growth, and a wrong one
    assert verdicts(
        seed,
        "Năm 2022 nộp ngân sách nhà nước của ngành TT&TT tăng trưởng ở mức 27,4% so với năm 2021",
    ) == ["contradicted"]
    # a number written out at a sentence's start names no company
    assert verdicts(
        seed,
        "Seventy thousand digital technology firms were registered in Vietnam in 2022, up "
        "9.5% from a year earlier",
    ) == ["supported"]
    # the same amount in another currency, then a growth of it
    assert verdicts(
        seed,
        "Năm 2022, đóng góp vào GDP của công nghiệp ICT đạt khoảng 34 tỷ USD, tức khoảng 800 "
        "nghìn tỷ đồng, tăng 8,7% so với năm 2021",
    )[::2] == ["supported", "supported"]


JOBLESS_REPORT = (
    "Thất nghiệp giảm trong quý đầu năm\n"
    "Theo báo cáo, số người thất nghiệp trong độ tuổi lao động quý I/2024 là gần 1,2 triệu "
    "người, giảm 120.000 người so với quý trước và tăng 14.300 người so với cùng kỳ năm "
    "trước.\n"
)


@pytest.fixture(scope="module")
def jobless(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KB]:
    yield from _kb_of(tmp_path_factory, "lao_dong_2024.txt", JOBLESS_REPORT)


def test_a_change_in_parentheses_is_the_change_of_the_figure_before(jobless: Any) -> None:
    # "(tăng 15.000 người)" is the rise of one group's jobless, not of all the jobless
    assert verdicts(
        jobless,
        "Nhóm trình độ trung cấp là nhóm duy nhất có số người thất nghiệp tăng trong quý I "
        "với 85.100 người thất nghiệp (tăng 15.000 người)",
    ) == ["not_found", "not_found"]


def test_a_figure_with_no_year_of_its_own_takes_the_year_named_last_before_it(
    seed: Any,
) -> None:
    # the growth of 2022 over 2021, not of 2021: "from … in 2021" is what it is compared with
    assert verdicts(
        seed,
        "Budget payments from the sector came to VND98.98 trillion in 2022, the figure up 24.7% "
        "from roughly VND79 trillion in 2021",
    )[:2] == ["supported", "supported"]
    # "In 2021, … expanded 12.7%": 2021's growth, which the report does not give
    assert verdicts(
        seed,
        "In 2021, the sector's revenue expanded 12.7%, before it reached VND3,893.6 trillion in "
        "2022",
    ) == ["not_found", "supported"]
    # headcount, a post's items, and two subjects that each grew
    assert verdicts(
        seed,
        "The sector's headcount rose 5% to about 1.51 million people in 2022",
    ) == ["supported", "supported"]
    assert verdicts(
        seed,
        "Vietnam's digital 2022 in numbers · 70,000 registered digital technology firms · 59% "
        "more e-publication titles",
    ) == ["supported", "supported"]
    assert verdicts(
        seed,
        "In 2022 postal service revenue and the postal sector's GDP contribution each grew 16%",
    ) == ["supported"]


def test_an_ict_based_part_and_a_part_after_including_keep_their_own_scope(seed: Any) -> None:
    # "ICT-based digital economy" is the ICT part (7,18%), not the whole (14,26%)
    assert verdicts(
        seed,
        "The digital economy made up about 14.3% of Vietnam's GDP in 2022, with the ICT-based "
        "digital economy accounting for 7.18%",
    ) == ["supported", "supported"]
    # the scam sites after "including" are not the 2.328 sites of all kinds named before
    assert (
        verdicts(
            seed,
            "In the first 11 months of 2022, authorities blocked or handled more than 2,328 "
            "fraudulent and illegal websites, including 1,300 scam sites",
        )[1]
        != "contradicted"
    )


def test_datelines_small_parts_of_a_whole_wants_and_the_sectors_firms(seed: Any) -> None:
    # an agency's dateline with its date is no metric
    assert verdicts(
        seed,
        "HANOI, Dec 18 (VNA) – Vietnam's digital economy made up about 14.26% of GDP in 2022",
    ) == ["supported"]
    assert verdicts(
        seed,
        "Hà Nội, 18/12 (TTXVN) - Năm 2022, tỷ trọng kinh tế số trong GDP ước khoảng 14,26%",
    ) == ["supported"]
    # 14 of 15 targets: a small part of the same whole ("chỉ tiêu" is no "chỉ", only)
    assert verdicts(
        seed,
        "Thủ tướng cho hay năm 2022 cả nước đã hoàn thành 14 trong tổng số 15 chỉ tiêu đề ra",
    ) == ["supported"]
    # "muốn" aims at a target; "số doanh nghiệp trong lĩnh vực này" is the postal sector's
    assert verdicts(
        seed, "Năm 2023, Bộ TT&TT muốn ít nhất 50% tài khoản dùng các nền tảng số Việt Nam"
    ) == ["supported"]
    assert verdicts(
        seed,
        "Năm 2022 doanh thu dịch vụ bưu chính tăng 16%, số doanh nghiệp trong lĩnh vực này "
        "tăng 21% so với năm 2021",
    ) == ["supported", "contradicted"]


def test_mobile_signal_budget_contributions_and_a_rise_to_a_level(seed: Any) -> None:
    # a village's "sóng điện thoại di động" is the coverage the report gives (99,73%)
    assert verdicts(
        seed, "Năm 2022, tỷ lệ thôn có sóng điện thoại di động trên toàn quốc đạt 99,73%"
    ) == ["supported"]
    # "đóng góp cho ngân sách" is the budget payment (98.982,3 tỷ đồng, not more than 99.000)
    assert verdicts(
        seed, "Ngành TT&TT năm 2022 đóng góp cho ngân sách nhà nước hơn 99.000 tỷ đồng"
    ) == ["contradicted"]
    # "tăng lên 14,3%": rose to that share, not by it
    assert verdicts(seed, "Năm 2022 tỷ trọng kinh tế số trong GDP tiếp tục tăng lên 14,3%") == [
        "supported"
    ]


def test_a_total_of_what_was_just_counted_and_payments_into_the_budget(seed: Any) -> None:
    # "tổng cộng là hơn 2.328 trang": the total of the sites just named
    assert (
        verdicts(
            seed,
            "Trong 11 tháng đầu năm 2022, mỗi tháng có gần 200 trang web lừa đảo, vi phạm pháp "
            "luật bị ngăn chặn, xử lý; tổng cộng là hơn 2.328 trang",
        )[-1]
        == "supported"
    )
    assert verdicts(
        seed, "Năm 2022, khoản ngành TT&TT nộp vào ngân sách nhà nước đạt 98.982 tỷ đồng"
    ) == ["supported"]


def test_firms_added_more_firms_a_years_amount_and_what_each_worker_paid(seed: Any) -> None:
    # "added 9,500 firms": how many more, which the report gives only as 9,5%
    assert verdicts(
        seed, "Vietnam added 9,500 digital technology firms in 2022, the ministry said"
    ) == ["not_found"]
    # "with 12% more postal businesses": the postal firms' growth, not the GDP share's
    assert verdicts(
        seed,
        "The postal sector's contribution to GDP grew 16% in 2022, with 12% more postal "
        "businesses than a year earlier",
    ) == ["supported", "supported"]
    # "compared to US$136 billion in 2021" is what 2022 is compared with: the contribution
    # after it is 2022's (34.336 triệu USD)
    assert verdicts(
        seed,
        "The ICT industry earned US$148 billion in 2022, compared to US$136 billion in 2021, "
        "and contributed US$34 billion to GDP",
    )[::2] == ["supported", "supported"]
    # a budget payment per worker is no productivity, even when it is a "contribution"
    assert verdicts(
        seed,
        "Năm 2022 ngành TT&TT nộp ngân sách 98.982 tỷ đồng; tính bình quân, mỗi lao động đóng "
        "góp khoảng 65,6 triệu đồng",
    ) == ["supported", "not_found"]


def test_a_headline_before_a_spaced_hyphen_and_trong_khi_open_new_clauses(seed: Any) -> None:
    # "Lượng bưu gửi năm 2022 tăng 38% - …": the headline's words are not the next figure's;
    # "trong khi" opens a new subject
    assert verdicts(
        seed,
        "Lượng bưu gửi năm 2022 tăng 38% - Bộ TT&TT cho biết doanh thu dịch vụ bưu chính tăng "
        "16% so với năm 2021, trong khi tổng số lao động toàn ngành tăng 5%",
    ) == ["supported", "supported", "supported"]
    # "cả ngành" is the whole sector
    assert verdicts(seed, "Năm 2022 doanh thu cả ngành TT&TT ước đạt gần 3,9 triệu tỷ đồng") == [
        "supported"
    ]


def test_a_heading_or_a_sources_name_before_a_colon_is_no_metric(seed: Any) -> None:
    assert verdicts(
        seed,
        "Tạp chí Kinh tế số tổng kết: năm 2022 kinh tế số chiếm khoảng 14,3% GDP cả nước",
    ) == ["supported"]
    # a label that is the metric stays one
    assert verdicts(seed, "Doanh thu toàn ngành TT&TT năm 2022: 3.893.595 tỷ đồng") == ["supported"]


def test_wire_and_post_english_millions_hashtags_and_another_whole(seed: Any) -> None:
    assert verdicts(
        seed,
        "HANOI (VNA) – Vietnam's information and communications sector saw its 2022 revenue "
        "estimated at VND3,893.6 trillion, an increase of 12.7% compared to 2021",
    ) == ["supported", "supported"]
    assert verdicts(
        seed, "Vietnam's ICT sector in 2022: productivity VND648m per worker #DigitalVietnam"
    ) == ["supported"]
    assert verdicts(seed, "The ICT industry brought in nearly US$150 billion in 2022") == [
        "supported"
    ]
    assert verdicts(
        seed,
        "Telecom operators posted after-tax profit of about VND44.5 trillion in 2022, a 3.8% "
        "y-o-y gain",
    ) == ["supported", "supported"]
    # 14 of 16 targets: the whole is not the source's 15
    result = check_claim(seed, "Vietnam met 14 of its 16 main targets in 2022")
    assert [f["rule"] for f in result["figures"]] == ["whole"]
    assert result["verdict"] == "contradicted"


def test_vietnamese_words_for_the_same_metric_and_linking_words(seed: Any) -> None:
    # "lực lượng lao động" is the workforce (up 5%, not 0,5%)
    assert verdicts(
        seed, "Năm 2022 lực lượng lao động của ngành TT&TT tăng 0,5% so với năm 2021"
    ) == ["contradicted"]
    # "thu từ dịch vụ bưu chính" is postal service revenue
    assert verdicts(seed, "Năm 2022, thu từ dịch vụ bưu chính tăng 16% so với năm 2021") == [
        "supported"
    ]
    # "nhờ vậy" names nothing: the share is the villages' coverage (99,73%)
    assert verdicts(
        seed,
        "Năm 2022 các nhà mạng đã phủ sóng thêm nhiều thôn, bản; nhờ vậy 99,8% số thôn cả nước "
        "đã có sóng",
    ) == ["contradicted"]


def test_an_apposed_gain_more_firms_and_the_ict_core(seed: Any) -> None:
    # "a modest 1.6% gain" restates the revenue's change, not the profit named after it
    assert verdicts(
        seed,
        "Telecom services brought in VND138 trillion in 2022, a modest 1.6% gain, while "
        "carriers' after-tax profit rose 3.8%",
    ) == ["supported", "supported", "supported"]
    # "có thêm 7.000 doanh nghiệp": how many more, which the report gives only as 9,5%
    assert verdicts(seed, "Năm 2022 cả nước có thêm 7.000 doanh nghiệp công nghệ số") == [
        "not_found"
    ]
    # "its ICT core" is the ICT digital economy (7,18%), not the whole (14,26%)
    assert verdicts(
        seed,
        "In 2022 the digital economy made up about 14.26% of GDP, roughly double the 7.18% "
        "contributed by its ICT core",
    ) == ["supported", "supported"]


def test_a_count_before_its_year_and_more_vietnamese_wordings(seed: Any) -> None:
    # "64.000 năm 2021": the firms of that year, not 64.000 years
    assert verdicts(
        seed,
        "Số doanh nghiệp công nghệ số đăng ký đã tăng từ gần 64.000 năm 2021 lên 70.000 năm 2022",
    ) == ["supported", "supported"]
    # "năng suất ấy" points back; "góp vào GDP"; "xuất bản - in - phát hành thu vượt"
    assert verdicts(
        seed,
        "Năm 2022 mỗi lao động của ngành làm ra khoảng 648 triệu đồng GDP; năng suất ấy đã "
        "tăng 5% so với năm 2021",
    ) == ["supported", "contradicted"]
    assert verdicts(seed, "Phần công nghiệp ICT góp vào GDP năm 2022 là 36 tỷ USD") == [
        "contradicted"
    ]
    assert verdicts(seed, "Năm 2022, mảng xuất bản - in - phát hành thu vượt 96 nghìn tỷ đồng") == [
        "supported"
    ]


def test_verbs_of_reaching_and_other_names_of_the_metric(seed: Any) -> None:
    # "cán đích", "nhiều thêm": verbs, no metric words; the revenue and the postal firms
    assert verdicts(seed, "Năm 2022 doanh thu ngành TT&TT cán đích gần 3,9 triệu tỷ đồng") == [
        "supported"
    ]
    assert verdicts(
        seed, "Năm 2022 lượng doanh nghiệp bưu chính nhiều thêm 21% so với năm trước"
    ) == ["contradicted"]
    # "người làm việc" in the sector are its workforce; "sách điện tử" its e-publications
    assert verdicts(
        seed, "Năm 2022 đội ngũ người làm việc trong toàn ngành là 1.510.027, tăng 5%"
    ) == ["supported", "supported"]
    assert verdicts(seed, "Năm 2022 sách điện tử có 3.200 đầu, tăng 95% so với năm 2021") == [
        "supported",
        "contradicted",
    ]
    # "hiện …", "điện thoại thông minh" (smartphones); English "items handled"
    assert verdicts(seed, "Năm 2022, hiện 99,37% số thôn trong cả nước đã có sóng") == [
        "contradicted"
    ]
    assert verdicts(seed, "Năm 2022 điện thoại thông minh chiếm gần 76% số thuê bao di động") == [
        "supported"
    ]
    assert verdicts(seed, "Postal items handled in 2022 soared 83% from 2021") == ["contradicted"]


def test_openers_a_person_who_judges_and_a_part_of_a_whole(seed: Any) -> None:
    # a bulletin's greeting and a circumstance set before the subject are no metric
    assert verdicts(
        seed,
        "Xin chào quý vị đang theo dõi chương trình, năm 2022 ngành TT&TT nộp ngân sách "
        "98.928,3 tỷ đồng",
    ) == ["contradicted"]
    assert verdicts(
        seed,
        "With the mobile market near saturation, telecom service revenue slipped 1.6% in 2022",
    ) == ["contradicted"]
    # "Thủ tướng … ghi nhận": whose judgement, not what is counted; "14 trên 15" is a part
    # of a whole ("trên" between two numbers is no "more than")
    assert verdicts(
        seed, "Thủ tướng Phạm Minh Chính ghi nhận 14 trên 15 chỉ tiêu của năm 2022 đã hoàn thành"
    ) == ["supported"]
    assert verdicts(seed, "Thủ tướng đánh giá năm 2022 cả nước hoàn thành 13 trên 15 chỉ tiêu") == [
        "contradicted"
    ]


def test_a_figure_back_then_and_a_province_it_points_back_to(seed: Any) -> None:
    # "so với năm 2021, khi mới có 74%": 2021's share, which the report does not give
    assert verdicts(
        seed,
        "Năm 2022 tỷ lệ thuê bao di động sử dụng smartphone tăng 1,4% so với năm 2021, khi "
        "mới có 70% thuê bao dùng điện thoại thông minh",
    ) == ["supported", "not_found"]
    # "of its 1,100 villages": the province's villages, not the country's dead zones
    assert verdicts(
        seed,
        "Quang Ninh province covered 100% of its 1,100 villages with mobile signal in 2022",
    ) == ["not_found", "not_found"]


def test_a_province_that_opens_a_later_sentence_and_a_level_compared_with(seed: Any) -> None:
    # "… . Tại Thanh Hóa, …": the second sentence's revenue is the province's, not the country's
    assert verdicts(
        seed,
        "Năm 2022 doanh thu toàn ngành TT&TT ước đạt 3,89 triệu tỷ đồng. Tại Thanh Hóa, doanh "
        "thu của ngành năm 2022 đạt khoảng 1.800 tỷ đồng",
    ) == ["supported", "not_found"]
    # "compared with 70% a year earlier": 2021's share, which the report does not give
    assert verdicts(
        seed,
        "In 2022 smartphones were used on 75.8% of mobile subscriptions, compared with 70% a "
        "year earlier",
    ) == ["supported", "not_found"]


def test_workers_where_they_work_a_payment_an_earning_verb_and_an_aim(seed: Any) -> None:
    # "lao động làm việc trong ngành": the workforce; "khoản nộp ngân sách": the payment
    assert verdicts(
        seed, "Năm 2022 có 1.510.027 lao động làm việc trong ngành TT&TT, tăng 5% so với năm trước"
    ) == ["supported", "supported"]
    assert verdicts(
        seed, "Năm 2022 khoản nộp ngân sách của toàn ngành TT&TT là 89 nghìn tỷ đồng"
    ) == ["contradicted"]
    # "ở VN" is Việt Nam; "bringing in" is revenue; "aiming to raise … to at least 50%" a target
    assert verdicts(seed, "Năm 2022 có 75,8% thuê bao di động ở VN đã dùng smartphone") == [
        "supported"
    ]
    assert verdicts(
        seed, "In 2022 the ICT industry was bringing in US$184bn, up 8.7% on the year before"
    ) == ["contradicted", "supported"]
    assert verdicts(
        seed,
        "The ministry is aiming to raise the share of accounts on Vietnamese digital platforms "
        "to at least 50% in 2023",
    ) == ["supported"]


def test_while_turns_to_another_metric_of_the_same_sector(seed: Any) -> None:
    # "trong khi doanh thu dịch vụ …": the carriers' service revenue, named before as telecom
    assert verdicts(
        seed,
        "Năm 2022 lợi nhuận sau thuế của các doanh nghiệp viễn thông tăng 3,8%, trong khi doanh "
        "thu dịch vụ chỉ nhích 6,1%",
    ) == ["supported", "contradicted"]
    # … but not a turn to the whole sector
    assert verdicts(
        seed,
        "Năm 2022 doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng, trong khi doanh thu toàn "
        "ngành TT&TT đạt 3,89 triệu tỷ đồng",
    ) == ["supported", "supported"]
