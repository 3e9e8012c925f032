"""`check_claim`: every verdict path, on a KB built in a temp dir from a report written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from kbfactory import doc, fact

from mickb.errors import BadInput
from mickb.kb.store import KB
from mickb.query.check import check_claim
from mickb.query.check.claim import read_claim
from mickb.query.check.period import parse_period, relation

REPORT = "\n\n".join(
    [
        "Tổng kết ngành thông tin và truyền thông năm 2023",
        "Lĩnh vực viễn thông: năm 2023, doanh thu dịch vụ viễn thông đạt 141.200 tỷ đồng, tăng "
        "2,3% so năm 2022; lợi nhuận sau thuế ước đạt 45.900 tỷ đồng.",
        "Lĩnh vực bưu chính: doanh thu dịch vụ bưu chính tăng 18%; sản lượng bưu gửi tăng 21% so "
        "với năm 2022.",
        "Doanh thu toàn ngành Thông tin và Truyền thông năm 2023 ước đạt 3.721.480 tỷ đồng. Tổng "
        "số lao động toàn ngành năm 2023 là 1.604.350 lao động.",
        "Doanh thu lĩnh vực công nghiệp ICT năm 2023 ước đạt 152 tỷ USD.",
        "Trong 9 tháng đầu năm 2023, đã ngăn chặn hơn 3.150 trang web lừa đảo trực tuyến.",
        "Số đầu xuất bản phẩm điện tử ước đạt 4.100, tăng 28% so với năm 2022.",
        "Năm 2023, Tập đoàn VNPT đạt doanh thu 58.300 tỷ đồng; Viettel đạt doanh thu 172.400 tỷ "
        "đồng. VNPT Media đạt doanh thu 1.250 tỷ đồng.",
        "Năm 2024, ngành phấn đấu đưa tỷ lệ người trưởng thành dùng điện thoại thông minh lên 85%.",
    ]
)


def _records(d: Any) -> list[Any]:
    return [
        fact(
            d,
            "141.200 tỷ đồng",
            141200,
            "tỷ đồng",
            "doanh thu dịch vụ viễn thông",
            metric_en="telecommunications service revenue",
            period="2023",
            sector="viễn thông",
            base_value=141200e9,
            base_unit="VND",
        ),
        fact(
            d,
            "2,3%",
            2.3,
            "%",
            "doanh thu dịch vụ viễn thông",
            measure="change",
            direction="up",
            compared_to="năm 2022",
            period="2023",
            sector="viễn thông",
            metric_en="telecommunications service revenue",
            base_value=2.3,
            base_unit="%",
        ),
        fact(
            d,
            "45.900 tỷ đồng",
            45900,
            "tỷ đồng",
            "lợi nhuận sau thuế",
            period="2023",
            sector="viễn thông",
            qualifier="estimate",
            base_value=45900e9,
            base_unit="VND",
            metric_en="profit after tax",
        ),
        fact(
            d,
            "18%",
            18,
            "%",
            "doanh thu dịch vụ bưu chính",
            measure="change",
            direction="up",
            compared_to="năm 2022",
            period="2023",
            sector="bưu chính",
            metric_en="postal service revenue",
            base_value=18,
            base_unit="%",
        ),
        fact(
            d,
            "21%",
            21,
            "%",
            "sản lượng bưu gửi",
            measure="change",
            direction="up",
            compared_to="năm 2022",
            period="2023",
            sector="bưu chính",
            metric_en="postal items volume",
            base_value=21,
            base_unit="%",
        ),
        fact(
            d,
            "3.721.480 tỷ đồng",
            3721480,
            "tỷ đồng",
            "doanh thu toàn ngành Thông tin và Truyền thông",
            period="2023",
            qualifier="estimate",
            base_value=3721480e9,
            base_unit="VND",
            metric_en="total revenue of the information and communications sector",
        ),
        fact(
            d,
            "1.604.350 lao động",
            1604350,
            "lao động",
            "tổng số lao động toàn ngành",
            measure="count",
            period="2023",
            base_value=1604350,
            base_unit="người",
            metric_en="total workforce of the sector",
        ),
        fact(
            d,
            "152 tỷ USD",
            152,
            "tỷ USD",
            "doanh thu lĩnh vực công nghiệp ICT",
            period="2023",
            sector="công nghiệp ICT",
            qualifier="estimate",
            base_value=152e9,
            base_unit="USD",
            metric_en="ICT industry revenue",
        ),
        fact(
            d,
            "3.150 trang web",
            3150,
            "trang web",
            "trang web lừa đảo trực tuyến bị ngăn chặn",
            measure="count",
            period="9 tháng đầu năm 2023",
            qualifier="more_than",
            sector="an toàn thông tin",
            base_value=3150,
            base_unit="trang web",
            metric_en="online scam websites blocked",
        ),
        fact(
            d,
            "4.100",
            4100,
            "",
            "số đầu xuất bản phẩm điện tử",
            measure="count",
            sector="xuất bản",
            qualifier="estimate",
            base_value=4100,
            metric_en="electronic publication titles",
        ),
        fact(
            d,
            "28%",
            28,
            "%",
            "số đầu xuất bản phẩm điện tử",
            measure="change",
            direction="up",
            compared_to="năm 2022",
            sector="xuất bản",
            base_value=28,
            base_unit="%",
        ),
        # Thin metrics, as an extractor gives them: the company is in the sentence only.
        fact(
            d,
            "58.300 tỷ đồng",
            58300,
            "tỷ đồng",
            "doanh thu",
            period="2023",
            base_value=58300e9,
            base_unit="VND",
        ),
        fact(
            d,
            "172.400 tỷ đồng",
            172400,
            "tỷ đồng",
            "doanh thu",
            period="2023",
            base_value=172400e9,
            base_unit="VND",
        ),
        fact(
            d,
            "1.250 tỷ đồng",
            1250,
            "tỷ đồng",
            "doanh thu",
            period="2023",
            base_value=1250e9,
            base_unit="VND",
        ),
        fact(
            d,
            "85%",
            85,
            "%",
            "tỷ lệ người trưởng thành dùng điện thoại thông minh",
            measure="target",
            period="2024",
            base_value=85,
            base_unit="%",
        ),
    ]


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("check") / "kb.sqlite"
    d = doc(
        REPORT,
        title="Tổng kết năm 2023",
        date="2023-12-20",
        outlet="Báo Thử",
        url="https://example.vn/tong-ket-2023",
    )
    with KB.open(path, create=True) as writer:
        writer.add_document(d, _records(d), [])
    opened = KB.open(path, readonly=True)
    yield opened
    opened.close()


def verdicts(result: dict[str, Any]) -> list[str]:
    return [f["verdict"] for f in result["figures"]]


# --- supported ------------------------------------------------------------------------------


def test_exact_level_is_supported_with_citation(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2023 đạt 141.200 tỷ đồng")
    assert r["verdict"] == "supported"
    fig = r["figures"][0]
    assert fig["text"] == "141.200 tỷ đồng"
    assert fig["value"] == 141200 and fig["unit"] == "tỷ đồng"
    assert fig["base_value"] == 141200 * 10**9 and fig["base_unit"] == "VND"
    assert fig["fact"]["value_text"] == "141.200 tỷ đồng"
    assert fig["fact"]["source"]["title"] == "Tổng kết năm 2023"
    assert "141.200 tỷ đồng" in fig["explanation"]
    assert "Tổng kết năm 2023" in fig["explanation"] and "2023-12-20" in fig["explanation"]


@pytest.mark.parametrize(
    "claim",
    [
        "Doanh thu dịch vụ viễn thông năm 2023 đạt 141 nghìn tỷ đồng",  # rounded, scale word
        "Doanh thu dịch vụ viễn thông năm 2023 đạt 141,2 nghìn tỷ đồng",
        "Doanh thu dich vu vien thong nam 2023 dat 141.200 ty dong",  # no diacritics
        "Năm 2023, doanh thu dịch vụ viễn thông đạt khoảng 140.000 tỷ đồng",  # about
        "Doanh thu dịch vụ viễn thông năm 2023 đạt hơn 140.000 tỷ đồng",  # more than
        "Doanh thu dịch vụ viễn thông năm 2023 tăng 2,3% so với năm 2022",  # growth
        "Doanh thu dịch vụ viễn thông đạt 141.200 tỷ đồng, tăng 2,3%",  # two figures
    ],
)
def test_rounded_and_hedged_vietnamese_claims_are_supported(kb: Any, claim: str) -> None:
    r = check_claim(kb, claim)
    assert r["verdict"] == "supported", r


@pytest.mark.parametrize(
    "claim",
    [
        "Doanh thu toàn ngành năm 2023 đạt gần 3,8 triệu tỷ đồng",
        "Doanh thu toàn ngành năm 2023 đạt khoảng 3,7 triệu tỷ đồng",
        "Doanh thu toàn ngành năm 2023 ước đạt 3,72 triệu tỷ đồng",
    ],
)
def test_scale_words_and_hedges_on_a_large_total(kb: Any, claim: str) -> None:
    r = check_claim(kb, claim)
    assert r["verdict"] == "supported", r
    assert r["figures"][0]["fact"]["value_text"] == "3.721.480 tỷ đồng"


def test_nearly_reads_its_hedge(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu toàn ngành năm 2023 đạt gần 3,8 triệu tỷ đồng")
    fig = r["figures"][0]
    assert fig["hedge"] == "nearly"
    assert fig["text"] == "gần 3,8 triệu tỷ đồng"
    assert fig["value"] == 3.8 and fig["unit"] == "triệu tỷ đồng"
    assert "nearly" in fig["explanation"]


@pytest.mark.parametrize(
    "claim",
    [
        "Telecom revenue grew 2.3% in 2023",
        "Telecommunications service revenue reached 141,200 billion dong in 2023",
        "Vietnam's telecom service revenue was about 141 trillion dong in 2023",
    ],
)
def test_english_claims_are_supported(kb: Any, claim: str) -> None:
    r = check_claim(kb, claim)
    assert r["verdict"] == "supported", r


def test_people_and_workers_count_the_same_thing(kb: Any) -> None:
    r = check_claim(kb, "Tổng số lao động toàn ngành năm 2023 khoảng 1,6 triệu người")
    assert r["verdict"] == "supported", r


def test_a_figure_of_part_of_the_year_matches_the_same_part(kb: Any) -> None:
    r = check_claim(
        kb, "Trong 9 tháng đầu năm 2023, hơn 3.000 trang web lừa đảo trực tuyến bị ngăn chặn"
    )
    assert r["verdict"] == "supported", r


# --- contradicted ---------------------------------------------------------------------------


def test_wrong_level_is_contradicted_with_the_source_figure(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2023 đạt 114.200 tỷ đồng")
    assert r["verdict"] == "contradicted"
    fig = r["figures"][0]
    assert fig["fact"]["value_text"] == "141.200 tỷ đồng"
    assert "141.200 tỷ đồng" in fig["explanation"] and "114.200 tỷ đồng" in fig["explanation"]


def test_another_metrics_growth_rate_contradicts(kb: Any) -> None:
    # 18% is postal revenue growth: it must not support a telecom growth claim.
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2023 tăng 18%")
    assert r["verdict"] == "contradicted"
    fig = r["figures"][0]
    assert fig["fact"]["value_text"] == "2,3%"
    assert "bưu chính" in fig["explanation"]  # says whose figure 18% is


def test_english_growth_of_another_metric_is_contradicted(kb: Any) -> None:
    r = check_claim(kb, "Telecom revenue grew 18% in 2023")
    assert r["verdict"] == "contradicted"


def test_growth_in_the_wrong_direction_is_contradicted(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2023 giảm 2,3%")
    assert r["verdict"] == "contradicted"


@pytest.mark.parametrize(
    "claim",
    [
        "Doanh thu toàn ngành năm 2023 đạt hơn 3,9 triệu tỷ đồng",  # more than: the source is below
        "Doanh thu toàn ngành năm 2023 đạt gần 3,6 triệu tỷ đồng",  # nearly: the source is above
        "Doanh thu toàn ngành năm 2023 đạt 3,8 triệu tỷ đồng",  # rounding does not reach 3,72
    ],
)
def test_hedges_mean_what_they_say(kb: Any, claim: str) -> None:
    assert check_claim(kb, claim)["verdict"] == "contradicted"


def test_one_wrong_figure_contradicts_the_claim(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2023 đạt 141.200 tỷ đồng, tăng 3,2%")
    assert verdicts(r) == ["supported", "contradicted"]
    assert r["verdict"] == "contradicted"


# --- not found ------------------------------------------------------------------------------


def test_level_of_a_metric_known_only_by_its_growth(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu bưu chính năm 2023 đạt 40.000 tỷ đồng")
    assert r["verdict"] == "not_found"
    fig = r["figures"][0]
    assert fig["fact"] is None
    assert "growth rate" in fig["explanation"]
    assert "doanh thu dịch vụ bưu chính" in fig["explanation"]
    assert "tăng 18%" in fig["explanation"]


def test_another_currency_is_not_comparable(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu công nghiệp ICT năm 2023 ước đạt 152 tỷ đồng")
    assert r["verdict"] == "not_found"
    assert "USD" in r["figures"][0]["explanation"]


def test_another_year_is_not_found_not_contradicted(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu dịch vụ viễn thông năm 2021 đạt 120.000 tỷ đồng")
    assert r["verdict"] == "not_found"
    assert "2023" in r["figures"][0]["explanation"]


def test_whole_year_claim_against_a_part_year_figure_is_not_contradicted(kb: Any) -> None:
    r = check_claim(kb, "Năm 2023 đã ngăn chặn 5.000 trang web lừa đảo trực tuyến")
    assert r["verdict"] == "not_found"


def test_unknown_metric(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu quảng cáo trực tuyến năm 2023 đạt 28.000 tỷ đồng")
    assert r["verdict"] == "not_found"
    assert "no figure" in r["figures"][0]["explanation"]


def test_other_subsector_of_the_same_field_does_not_match(kb: Any) -> None:
    # The KB counts electronic titles; printed titles are another metric.
    r = check_claim(kb, "Số đầu xuất bản phẩm in đạt 4.100")
    assert r["verdict"] == "not_found"


def test_claim_without_a_figure(kb: Any) -> None:
    r = check_claim(kb, "Năm 2023 ngành viễn thông phát triển mạnh")
    assert r == {
        "claim": "Năm 2023 ngành viễn thông phát triển mạnh",
        "verdict": "not_found",
        "figures": [],
    }


def test_supported_and_not_found_make_not_found(kb: Any) -> None:
    r = check_claim(
        kb,
        "Doanh thu dịch vụ viễn thông đạt 141.200 tỷ đồng; doanh thu bưu chính đạt 40.000 tỷ đồng",
    )
    assert verdicts(r) == ["supported", "not_found"]
    assert r["verdict"] == "not_found"


# --- companies, ranges, targets ------------------------------------------------------------


def test_a_companys_figure_is_its_own(kb: Any) -> None:
    assert check_claim(kb, "Doanh thu của Viettel năm 2023 đạt 172.400 tỷ đồng")["verdict"] == (
        "supported"
    )
    r = check_claim(kb, "Doanh thu của VNPT năm 2023 đạt 172.400 tỷ đồng")
    assert r["verdict"] == "contradicted"
    assert r["figures"][0]["fact"]["value_text"] == "58.300 tỷ đồng"


def test_a_company_the_kb_does_not_know(kb: Any) -> None:
    assert check_claim(kb, "Doanh thu của MobiFone năm 2023 đạt 58.300 tỷ đồng")["verdict"] == (
        "not_found"
    )


def test_a_unit_of_a_company_is_another_company(kb: Any) -> None:
    r = check_claim(kb, "Doanh thu của VNPT Media năm 2023 đạt 58.300 tỷ đồng")
    assert r["verdict"] == "contradicted"
    assert r["figures"][0]["fact"]["value_text"] == "1.250 tỷ đồng"


def test_a_range_is_one_figure(kb: Any) -> None:
    r = check_claim(kb, "Năm 2023 doanh thu dịch vụ viễn thông tăng 2-3%")
    assert [f["text"] for f in r["figures"]] == ["2-3%"]
    assert r["verdict"] == "supported"
    assert check_claim(kb, "Năm 2023 doanh thu dịch vụ viễn thông tăng 4-5%")["verdict"] == (
        "contradicted"
    )


def test_a_target_is_checked_against_targets(kb: Any) -> None:
    r = check_claim(
        kb, "Năm 2024 ngành sẽ đưa tỷ lệ người trưởng thành dùng điện thoại thông minh lên 85%"
    )
    assert r["verdict"] == "supported"
    r = check_claim(kb, "Năm 2024 tỷ lệ người trưởng thành dùng điện thoại thông minh đạt 85%")
    assert r["verdict"] == "not_found"
    assert "target" in r["figures"][0]["explanation"]


def test_english_words_after_the_number_name_the_metric(kb: Any) -> None:
    r = check_claim(
        kb, "Vietnam blocked more than 3,000 online scam websites in the first nine months of 2023"
    )
    assert r["verdict"] == "supported", r


@pytest.mark.parametrize("claim", ["", "   ", "\n"])
def test_empty_claim_is_bad_input(kb: Any, claim: str) -> None:
    with pytest.raises(BadInput):
        check_claim(kb, claim)


# --- reading claims -------------------------------------------------------------------------


def test_years_and_periods_are_context_not_figures() -> None:
    figures = read_claim(
        "Trong 11 tháng đầu năm 2023, doanh thu tăng 12,7% so với năm 2022"
    ).figures
    assert [f.text for f in figures] == ["12,7%"]
    assert figures[0].measure == "change" and figures[0].direction == "up"


def test_claim_period_ignores_the_year_compared_with() -> None:
    claim = read_claim("Trong 11 tháng đầu năm 2023, doanh thu tăng 12,7% so với năm 2022")
    p = claim.period
    assert p.years == {2023}
    assert p.sub == "m1-11"
    assert claim.figures[0].compared.years == {2022}
    assert relation(p, parse_period("11 tháng đầu năm 2023")) == "same"
    # the first eleven months are not the year: neither supports nor contradicts the other
    assert relation(p, parse_period("năm 2023")) == "different"
    assert relation(p, parse_period("2022")) == "different"
    assert relation(p, parse_period(None)) == "unknown"


def test_a_span_of_years_is_not_its_last_year() -> None:
    assert relation(parse_period("năm 2016"), parse_period("giai đoạn 2014-2016")) == "different"
    assert relation(parse_period("2014-2016"), parse_period("giai đoạn 2014 - 2016")) == "same"


def test_english_hedges_and_growth() -> None:
    figures = read_claim(
        "Revenue fell nearly 5% while profit reached more than 2 billion USD"
    ).figures
    assert [(f.hedge, f.measure, f.direction) for f in figures] == [
        ("nearly", "change", "down"),
        ("more_than", "state", None),
    ]


def test_fewer_than_and_just_over_are_bounds() -> None:
    figures = read_claim(
        "Fewer than 40,000 firms opened in the first half, just over 12,000 of them in Hanoi"
    ).figures
    assert [(f.hedge, f.metric.text) for f in figures][0] == ("at_most", "firms opened")
    assert figures[1].hedge == "more_than"


# --- the contract's examples, on a KB built from the seed by the real pipeline ----------------


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> Any:
    pytest.importorskip("mickb.ingest.extract.figures")  # until the figure extractor exists
    seed_kb: Path = request.getfixturevalue("seed_kb")
    opened = KB.open(seed_kb, readonly=True)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("claim", "expected", "source_figure"),
    [
        (
            "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng",
            "supported",
            "138.000 tỷ đồng",
        ),
        (
            "Doanh thu dịch vụ viễn thông năm 2022 đạt 183.000 tỷ đồng",
            "contradicted",
            "138.000 tỷ đồng",
        ),
        ("Publishing revenue reached 96,433 billion dong in 2022", "supported", "96.433 tỷ đồng"),
        ("Tỷ lệ thuê bao di động dùng smartphone năm 2022 đạt 57,8%", "contradicted", "75,80%"),
        (
            "Năm 2022, doanh thu toàn ngành Thông tin và Truyền thông đạt gần 3,9 triệu tỷ đồng",
            "supported",
            "3.893.595 tỷ đồng",
        ),
        ("Telecom revenue grew 1.6% in 2022", "supported", "1,6%"),
        ("Năm 2022, doanh thu dịch vụ viễn thông tăng 16%", "contradicted", "1,6%"),
    ],
)
def test_seed_contract_examples(seed: Any, claim: str, expected: str, source_figure: str) -> None:
    r = check_claim(seed, claim)
    assert r["verdict"] == expected, r
    fig = r["figures"][0]
    assert fig["fact"]["value_text"] == source_figure
    assert fig["fact"]["source"]["date"] == "2022-12-18"
    assert source_figure in fig["explanation"]


def test_seed_postal_revenue_level_is_not_found_and_says_what_is_known(seed: Any) -> None:
    r = check_claim(seed, "Doanh thu bưu chính năm 2022 đạt 50.000 tỷ đồng")
    assert r["verdict"] == "not_found"
    explanation = r["figures"][0]["explanation"]
    assert "growth rate" in explanation and "16%" in explanation


def test_pre_tax_and_after_tax_profit_are_two_metrics(kb: Any) -> None:
    # the report gives only the after-tax profit: the same number named as the pre-tax
    # profit is neither supported nor contradicted
    assert check_claim(kb, "Lợi nhuận sau thuế năm 2023 ước đạt 45.900 tỷ đồng")["verdict"] == (
        "supported"
    )
    for claim in (
        "Lợi nhuận trước thuế năm 2023 ước đạt 45.900 tỷ đồng",
        "Pre-tax profit reached VND45.9 trillion in 2023",
    ):
        assert check_claim(kb, claim)["verdict"] == "not_found", claim


@pytest.mark.parametrize(
    ("claim_period", "same_as", "not_as"),
    [
        ("in January-April 2023", "4 tháng đầu năm 2023", "năm 2023"),
        ("from Jan to Apr 2023", "4 tháng đầu năm 2023", "quý I/2023"),
        ("trong tháng 1-4/2023", "4 tháng đầu năm 2023", "năm 2023"),
        ("từ tháng 1 đến tháng 6 năm 2023", "6 tháng đầu năm 2023", "năm 2023"),
        ("the March-May 2023 period", "tháng 3-5/2023", "quý I/2023"),
        ("in May 2023", "tháng 5/2023", "tháng 6/2023"),
    ],
)
def test_month_ranges_and_english_months_are_parts_of_the_year(
    claim_period: str, same_as: str, not_as: str
) -> None:
    claim = parse_period(claim_period)
    assert relation(claim, parse_period(same_as)) == "same"
    assert relation(claim, parse_period(not_as)) == "different"


def test_may_the_verb_is_no_month() -> None:
    assert parse_period("revenue may rise in 2023").sub is None


def test_a_partial_metric_match_says_the_metric_is_what_is_unsure(seed: Any) -> None:
    # the seed gives the share of internet users protected from scams for the same months;
    # a claim naming scams but not the share matches only in part: not found, and the
    # explanation blames the metric, not the period that both sides state alike
    r = check_claim(
        seed,
        "Trong 11 tháng đầu năm 2022, số người được bảo vệ trước lừa đảo trực tuyến chiếm "
        "khoảng 5% người dùng internet",
    )
    fig = r["figures"][0]
    assert fig["verdict"] == "not_found"
    assert "rule: metric" in fig["explanation"]
    assert "rule: period" not in fig["explanation"]


def test_percentage_points_are_no_counted_noun_and_a_percent_change_does_not_confirm_them(
    seed: Any,
) -> None:
    # the seed gives the smartphone share's change as "tăng 1,4%": percent or points, it does
    # not say; the claim's "điểm phần trăm" is the unit, not a count of "điểm"
    for claim in (
        "Tỷ lệ thuê bao di động dùng smartphone năm 2022 đạt 75,8%, tăng 1,4 điểm phần trăm",
        "Smartphone subscribers rose 1.4 percentage points to 75.8% in 2022",
    ):
        figures = check_claim(seed, claim)["figures"]
        (points,) = [f for f in figures if "phần trăm" in f["text"] or "points" in f["text"]]
        assert points["verdict"] == "not_found", claim
        assert "percentage points" in points["explanation"]
        assert "lõm sóng" not in points["explanation"]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # the digital economy's parts are scopes of their own: the seed gives the whole
        # (14,26%) and the ICT sector's own part (7,18%), not that of the other sectors
        ("Năm 2022, kinh tế số ICT đóng góp khoảng 7,18% GDP", ["supported"]),
        ("The ICT digital economy made up about 7.18% of GDP in 2022", ["supported"]),
        ("Năm 2022, kinh tế số ngành đóng góp khoảng 7,08% GDP", ["not_found"]),
        # a share restated after "tức" / "or" is the same people as a share of the whole
        (
            "Trong 11 tháng đầu năm 2022, hơn 4,33 triệu người, tức 6,8% người dùng Internet, "
            "được bảo vệ khỏi lừa đảo trực tuyến",
            ["supported", "supported"],
        ),
        (
            "In the first 11 months of 2022, over 4.33 million people, or 8.6% of internet "
            "users, were shielded from online scams",
            ["supported", "contradicted"],
        ),
        # "cao hơn X% so với" is a growth of X%, its "hơn" no hedge
        ("Doanh thu dịch vụ bưu chính năm 2022 cao hơn 16% so với năm 2021", ["supported"]),
        ("Doanh thu dịch vụ bưu chính năm 2022 thấp hơn 16% so với năm 2021", ["contradicted"]),
        # "vượt mốc" is the hedge "more than", not words of the metric
        ("Năm 2022, doanh thu toàn ngành vượt mốc 4 triệu tỷ đồng", ["contradicted"]),
        ("Năm 2022, doanh thu toàn ngành vượt ngưỡng 3,5 triệu tỷ đồng", ["supported"]),
        # "registered" firms are registered (đăng ký), not founded (thành lập)
        ("Vietnam had about 70,000 registered digital technology firms in 2022", ["supported"]),
    ],
)
def test_outlet_phrasings_of_the_seed(seed: Any, claim: str, expected: list[str]) -> None:
    assert [f["verdict"] for f in check_claim(seed, claim)["figures"]] == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a headline's label scopes the figures that name no sector of their own
        ("Bưu chính 2022: doanh thu dịch vụ tăng 16% so với năm trước", ["supported"]),
        ("Bưu chính 2022: doanh thu dịch vụ tăng 1,6% so với năm trước", ["contradicted"]),
        # "sử dụng ... lao động": the verb of employing is no word of the metric
        ("Năm 2022, ngành thông tin và truyền thông sử dụng 15,1 triệu lao động", ["contradicted"]),
        # "lần đầu tiên" says when, not what
        (
            "Năm 2022, lần đầu tiên doanh thu ngành thông tin và truyền thông vượt 4 triệu tỷ đồng",
            ["contradicted"],
        ),
        # English words for the same things: print titles, postal firms, people who worked
        ("The number of postal firms rose 12% in 2022", ["supported"]),
    ],
)
def test_headlines_and_verbs_of_outlets(seed: Any, claim: str, expected: list[str]) -> None:
    assert [f["verdict"] for f in check_claim(seed, claim)["figures"]] == expected


# --- sentences of unrelated articles: nothing to support or contradict ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # a weather report, a family, a district, a company's year with no company the KB knows
        "Nhiệt độ cao nhất từ 31-34 độ C, có nơi trên 35 độ C.",
        "Cả nhà 35 con người sống chung trong ba căn nhà liền kề.",
        "Quận hiện có 520 cán bộ công an, trong khi dân số là 156.000 dân.",
        "Lợi nhuận sau thuế đạt 1.011 tỷ đồng.",
        "Riêng năm 2022, doanh thu Hoaphat Media đạt trên 2.000 tỷ đồng, lợi nhuận trên 70 tỷ "
        "đồng.",
        "Khảo sát cho thấy cứ 3 doanh nghiệp Nhật Bản thì có 1 doanh nghiệp muốn mở rộng đầu tư.",
        "Các doanh nghiệp nhỏ và vừa đóng góp trên 40% GDP và thu hút hơn 50% lao động.",
        # a subject named in an earlier sentence: whose revenue, the claim does not say
        "Năm 2022, doanh thu dịch vụ viễn thông của công ty này đạt 120.000 tỷ đồng.",
        "Năm 2022, nó có 70.000 doanh nghiệp công nghệ số đăng ký.",
    ],
)
def test_a_sentence_of_another_story_is_never_supported_or_contradicted(
    seed: Any, sentence: str
) -> None:
    # checking a whole article sends every sentence with a number: those that say too little
    # of what, whose and when must not be judged by the seed's figures
    figures = check_claim(seed, sentence)["figures"]
    assert figures and {f["verdict"] for f in figures} == {"not_found"}, figures


def test_a_claim_with_no_period_is_not_contradicted_by_a_figure_of_some_period(seed: Any) -> None:
    # the seed's figure is of 2022; a sentence with no period may be of any year
    r = check_claim(seed, "Doanh thu dịch vụ viễn thông đạt 120.000 tỷ đồng")
    assert r["figures"][0]["verdict"] == "not_found"
    # ... but a change measured against 2021 is of 2022
    r = check_claim(seed, "Doanh thu dịch vụ viễn thông tăng 7,8% so với năm 2021")
    assert r["figures"][0]["verdict"] == "contradicted"
    r = check_claim(seed, "Doanh thu dịch vụ viễn thông năm 2022 đạt 120.000 tỷ đồng")
    assert r["figures"][0]["verdict"] == "contradicted"


def test_piped_check_prints_plain_lines_with_the_source_to_cite(
    seed_kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mickb.cli.entry import main

    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "check",
                "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng",
                "--db",
                str(seed_kb),
            ]
        )
    assert exit_info.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert "│" not in "".join(lines)
    assert lines[0].startswith("SUPPORTED\t")
    assert lines[1].split("\t")[:2] == ["  138.000 tỷ đồng", "supported"]
    assert any(line.startswith("Cite: ") and "2022-12-18" in line for line in lines)


def test_english_metric_words_after_the_figure_run_past_from_but_not_past_a_base() -> None:
    # "withdrew from the market" is what the count counts; "from 2021" is what a change is
    # measured against
    (fig,) = read_claim("Some 4,100 businesses withdrew from the market by the end of 2023").figures
    assert {"business", "withdrew", "market"} <= set(fig.metric.en)
    assert "end" not in fig.metric.en
    assert "businesse" not in fig.metric.en
    up, _ = read_claim("Exports rose 12% from 2022 to VND90 trillion in 2023").figures
    assert "2022" not in " ".join(up.metric.en)


def test_english_months_and_growth_rate_words_are_no_metric_words() -> None:
    (fig,) = read_claim(
        "The growth rate of business withdrawals in January-April 2021 was 32.3% year-on-year"
    ).figures
    assert fig.measure == "change"
    assert not {"january", "april"} & set(fig.metric.en)
    assert not {"toc", "do"} & set(fig.metric.vi)


def test_a_count_of_the_claims_kind_speaks_when_a_share_reads_its_words_better(
    seed: Any,
) -> None:
    # the seed counts coverage gaps brought online and gives the share of villages with
    # signal; a claim counting villages in other words meets the count, which may support an
    # exact number but, read less well than the share, never contradicts one
    claim = (
        "In 2022 telecom carriers brought signal to {} of the 2,418 villages that had been "
        "coverage dead zones"
    )
    assert [f["verdict"] for f in check_claim(seed, claim.format("2,152"))["figures"]][0] == (
        "supported"
    )
    assert [f["verdict"] for f in check_claim(seed, claim.format("2,125"))["figures"]][0] == (
        "not_found"
    )


def test_people_counted_are_the_workforce_the_words_after_them_name(seed: Any) -> None:
    # "people" says only that they are persons; "employed in the sector" says what is counted
    claim = "{} million people were employed in the information and communications sector in 2022"
    assert [f["verdict"] for f in check_claim(seed, claim.format("About 1.5"))["figures"]] == [
        "supported"
    ]
    assert [f["verdict"] for f in check_claim(seed, claim.format("Fewer than 1.5"))["figures"]] == [
        "contradicted"
    ]


def test_an_open_bound_far_below_the_source_is_not_supported(seed: Any) -> None:
    # "ít nhất 9" is met by 1,5 triệu as numbers go, but no one writes that of the workforce
    near = check_claim(seed, "Năm 2022, tổng số lao động toàn ngành đạt ít nhất 1,4 triệu người")
    far = check_claim(seed, "Năm 2022, tổng số lao động toàn ngành đạt ít nhất 9 người")
    assert near["figures"][0]["verdict"] == "supported"
    assert far["figures"][0]["verdict"] == "not_found"
    assert "rule: bound" in far["figures"][0]["explanation"]
