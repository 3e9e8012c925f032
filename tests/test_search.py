"""`find`: what a journalist types -> the right figure or quote in the first rows."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kbfactory import doc, fact, quote, telecom_doc, telecom_records

from mickb.errors import BadInput
from mickb.kb.store import KB
from mickb.query.search import CANDIDATES, Hit, find


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KB:
    path = tmp_path_factory.mktemp("search") / "kb.sqlite"
    with KB.open(path, create=True) as writer:
        document = telecom_doc()
        writer.add_document(document, *telecom_records(document))
        # A second report, so that filters and ranking have something to choose between.
        other = doc(
            "Báo cáo ngành nông nghiệp quý III\n\n"
            "Sản lượng cá tra xuất khẩu đạt 12 nghìn tấn. Sản lượng cà phê xuất khẩu đạt 15 "
            "nghìn tấn. Doanh thu bưu chính năm 2023 đạt 41.000 tỷ đồng, tăng 12% so năm 2022."
            "\n\nBà Trần Thị Hoà, Giám đốc Sở, cho biết: “Mùa vụ năm nay thuận lợi hơn”.",
            title="Nông nghiệp quý III",
            date="2023-10-01",
            url="https://example.vn/nn-q3",
            outlet="Báo Đồng Ruộng",
        )
        facts = [
            fact(
                other,
                "12 nghìn tấn",
                12,
                "nghìn tấn",
                "sản lượng cá tra xuất khẩu",
                base_value=12000,
                base_unit="tấn",
                sector="nông nghiệp",
            ),
            fact(
                other,
                "15 nghìn tấn",
                15,
                "nghìn tấn",
                "sản lượng cà phê xuất khẩu",
                base_value=15000,
                base_unit="tấn",
                sector="nông nghiệp",
            ),
            fact(
                other,
                "41.000 tỷ đồng",
                41000,
                "tỷ đồng",
                "doanh thu bưu chính",
                base_value=41e12,
                base_unit="VND",
                period="2023",
                sector="bưu chính",
            ),
            fact(
                other,
                "12%",
                12,
                "%",
                "doanh thu bưu chính",
                measure="change",
                direction="up",
                compared_to="năm 2022",
                period="2023",
                sector="bưu chính",
            ),
        ]
        quotes = [quote(other, "Mùa vụ năm nay thuận lợi hơn", "Trần Thị Hoà", "Giám đốc Sở")]
        writer.add_document(other, facts, quotes)
    reader = KB.open(path, readonly=True)
    yield reader
    reader.close()


def top(hits: list[Hit], n: int = 1) -> list[str]:
    return [h.record.get("value_text") or h.record["text"] for h in hits[:n]]


# --- the contract's examples -------------------------------------------------------------


def test_share_of_the_digital_economy(kb: KB) -> None:
    assert top(find(kb, "tỷ trọng kinh tế số")) == ["14,26%"]


def test_without_diacritics(kb: KB) -> None:
    assert top(find(kb, "thue bao smartphone")) == ["75,80%"]
    assert top(find(kb, "so dau xuat ban pham dien tu")) == ["3.200"]


def test_english_query(kb: KB) -> None:
    assert top(find(kb, "ICT contribution to GDP")) == ["34.336 triệu USD"]
    assert "138.000 tỷ đồng" in top(find(kb, "telecom revenue"), 3)


@pytest.mark.parametrize("query", ["138.000", "138000", "138 nghìn tỷ", "138.000 tỷ đồng"])
def test_a_figure_finds_its_fact_by_value(kb: KB, query: str) -> None:
    assert top(find(kb, query)) == ["138.000 tỷ đồng"]


def test_a_rounded_figure_finds_the_precise_one(kb: KB) -> None:
    # 34.336 triệu USD is 34,3 tỷ USD to one decimal.
    assert "34.336 triệu USD" in top(find(kb, "34,3 tỷ USD"), 3)
    assert top(find(kb, "75,8%")) == ["75,80%"]


def test_words_and_figure_together(kb: KB) -> None:
    assert top(find(kb, "doanh thu bưu chính 41.000 tỷ")) == ["41.000 tỷ đồng"]


# --- spelling ------------------------------------------------------------------------------


def test_nfc_and_nfd_input_are_the_same(kb: KB) -> None:
    composed = find(kb, "doanh thu dịch vụ viễn thông")
    decomposed = find(kb, unicodedata.normalize("NFD", "doanh thu dịch vụ viễn thông"))
    assert top(composed) == ["138.000 tỷ đồng"]
    assert [h.record["id"] for h in composed] == [h.record["id"] for h in decomposed]


def test_d_with_stroke_folds_to_d(kb: KB) -> None:
    assert top(find(kb, "DONG GOP VAO GDP CONG NGHIEP ICT")) == ["34.336 triệu USD"]
    assert top(find(kb, "đóng góp vào GDP công nghiệp ICT")) == ["34.336 triệu USD"]


def test_old_and_new_tone_placement_match(kb: KB) -> None:
    # The source writes "Hoà" (old style); the user types "Hòa" (new style).
    assert top(find(kb, "Trần Thị Hòa", kind="quote")) == ["Mùa vụ năm nay thuận lợi hơn"]


def test_exact_accents_rank_first_when_typed(kb: KB) -> None:
    # "cá" (fish) and "cà" (coffee) fold to the same letters.
    assert top(find(kb, "sản lượng cá xuất khẩu")) == ["12 nghìn tấn"]
    assert top(find(kb, "sản lượng cà xuất khẩu")) == ["15 nghìn tấn"]
    assert set(top(find(kb, "san luong ca xuat khau"), 2)) == {"12 nghìn tấn", "15 nghìn tấn"}


@pytest.mark.parametrize(
    "query", ["vin thông", "doanh thu dich vu vien thog", "dianh thu viễn thông"]
)
def test_typos_are_forgiven(kb: KB, query: str) -> None:
    assert "138.000 tỷ đồng" in top(find(kb, query), 3)


def test_an_unfinished_last_word_is_completed(kb: KB) -> None:
    assert "75,80%" in top(find(kb, "thuê bao smartph"), 3)


def test_matched_words_are_reported_for_highlighting(kb: KB) -> None:
    hit = find(kb, "vin thông")[0]
    assert "vien" in hit.matched and "thong" in hit.matched


# --- filters -------------------------------------------------------------------------------


def test_kind_filter(kb: KB) -> None:
    assert {h.record["kind"] for h in find(kb, "năm", kind="quote", limit=50)} == {"quote"}
    assert {h.record["kind"] for h in find(kb, "năm", kind="fact", limit=50)} == {"fact"}


def test_sector_filter(kb: KB) -> None:
    # The postal revenue and its growth rate: one row, the level's (the rate is related).
    hits = find(kb, "doanh thu", sector="buu chinh", limit=50)
    assert top(hits, 50) == ["41.000 tỷ đồng"]
    assert len(hits[0].record["related"]) == 1


def test_period_filter(kb: KB) -> None:
    hits = find(kb, "doanh thu", period="2023", limit=50)
    assert top(hits, 50) == ["41.000 tỷ đồng"]


def test_speaker_filter_by_name_or_role(kb: KB) -> None:
    assert top(find(kb, "để", speaker="Phạm Minh Chính")) == ["không để ai bị bỏ lại phía sau"]
    assert top(find(kb, "chuyển đổi số", speaker="bộ trưởng")) == [
        "Chuyển đổi số phải đi vào từng hộ gia đình"
    ]
    assert find(kb, "chuyển đổi số", speaker="Trần Thị Hoà") == []


def test_source_filter_by_id_or_title(kb: KB) -> None:
    farm = next(s for s in kb.sources() if s["title"] == "Nông nghiệp quý III")
    for wanted in (farm["id"], "nong nghiep", "Nông nghiệp", "bao dong ruong"):
        hits = find(kb, "doanh thu", source=wanted, limit=50)
        assert hits and {h.record["source"]["id"] for h in hits} == {farm["id"]}
    assert find(kb, "doanh thu", source="no such report") == []


def test_limit(kb: KB) -> None:
    assert len(find(kb, "năm", limit=2)) == 2


# --- anything a user types -----------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_an_empty_query_is_bad_input(kb: KB, query: str) -> None:
    with pytest.raises(BadInput):
        find(kb, query)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"doanh',
        "AND (",
        "NEAR(",
        "*",
        "th*",
        "doanh OR",
        "-",
        "^",
        "a:b",
        "{x}",
        "🙂🙂",
        "\x00\x07",
        "\udcff\udcfe",
        "doanh\u200bthu",
        "NOT viễn thông",
        "'; DROP TABLE facts",
    ],
)
def test_fts_syntax_is_just_text(kb: KB, query: str) -> None:
    hits = find(kb, query)
    assert isinstance(hits, list)


def test_a_hundred_kilobytes_of_query(kb: KB) -> None:
    page = "doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng, " * 2100
    assert len(page) > 100_000
    hits = find(kb, page)
    assert "138.000 tỷ đồng" in top(hits, 3)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=60))
def test_no_query_raises(kb: KB, query: str) -> None:
    try:
        hits = find(kb, query)
    except BadInput:
        assert not query.strip()
    else:
        assert all(isinstance(h.record, dict) for h in hits)


# --- staying bounded -----------------------------------------------------------------------


def test_candidates_come_from_indexes_never_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite"
    with KB.open(path, create=True) as writer:
        for i in range(40):
            lines = [
                f"Doanh thu của đơn vị {i}-{j} năm 2022 đạt {i * 100 + j + 1} tỷ đồng, "
                "tăng 5% so năm 2021."
                for j in range(25)
            ]
            if i == 17:
                lines.append("Doanh thu dịch vụ vệ tinh năm 2022 đạt 777 tỷ đồng.")
            document = doc(" ".join(lines), url=f"https://example.vn/dv/{i}")
            facts = [
                fact(
                    document,
                    f"{i * 100 + j + 1} tỷ đồng",
                    i * 100 + j + 1,
                    "tỷ đồng",
                    f"doanh thu của đơn vị {i}-{j}",
                    period="2022",
                )
                for j in range(25)
            ]
            if i == 17:
                facts.append(
                    fact(
                        document,
                        "777 tỷ đồng",
                        777,
                        "tỷ đồng",
                        "doanh thu dịch vụ vệ tinh",
                        period="2022",
                    )
                )
            writer.add_document(document, facts, [])
    statements: list[str] = []
    with KB.open(path, readonly=True) as reader:
        reader.connection.set_trace_callback(statements.append)
        hits = find(reader, "doanh thu vệ tinh năm 2022")
        common = find(reader, "doanh thu năm 2022")
        reader.connection.set_trace_callback(None)
        assert top(hits) == ["777 tỷ đồng"]
        assert len(common) == 10
        plans = []
        for sql in statements:
            if sql.lstrip().upper().startswith("SELECT"):
                plans += [r[3] for r in reader.connection.execute("EXPLAIN QUERY PLAN " + sql)]
    # Facts and quotes are reached through the full-text index or an index, never scanned.
    scans = [p for p in plans if re.match(r"SCAN (facts|quotes|t)\b", p)]
    assert scans == []
    assert CANDIDATES < 1001  # the re-ranked set is bounded (1001 facts here)


# --- the contract's examples on the seed, through the real pipeline --------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("tỷ trọng kinh tế số", "14,26%"),
        ("thue bao smartphone", "75,80%"),
        ("so dau xuat ban pham dien tu", "3.200"),
        ("ICT contribution to GDP", "34.336 triệu USD"),
        ("138.000", "138.000 tỷ đồng"),
        ("138000", "138.000 tỷ đồng"),
        ("138 nghìn tỷ", "138.000 tỷ đồng"),
    ],
)
def test_contract_examples_on_the_seed(seed_kb: Path, query: str, first: str) -> None:
    with KB.open(seed_kb, readonly=True) as kb:
        assert top(find(kb, query)) == [first]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("vin thông doanh thu", "138.000 tỷ đồng"),
        ("telecom revenue", "138.000 tỷ đồng"),
        ("lợi nhuận sau thuế", "44.500 tỷ đồng"),
        ("profit after tax", "44.500 tỷ đồng"),
        ("Publishing revenue 2022", "96.433 tỷ đồng"),
    ],
)
def test_the_seed_figure_is_in_the_top_three(seed_kb: Path, query: str, wanted: str) -> None:
    with KB.open(seed_kb, readonly=True) as kb:
        assert wanted in top(find(kb, query), 3)


def test_a_pasted_record_id_finds_that_record(kb: KB) -> None:
    some = next(kb.iter_records("fact"))
    (hit,) = find(kb, f" {some['id']} ")
    assert {k: v for k, v in hit.record.items() if k not in ("sources", "conflicts")} == some
    assert hit.record["sources"] == [some["source"]]


def test_filters_that_no_record_kind_can_meet_find_nothing(kb: KB) -> None:
    assert find(kb, "doanh thu", kind="fact", speaker="Phạm Minh Chính") == []
    assert find(kb, "chuyển đổi số", kind="quote", sector="viễn thông") == []


# --- relevant or nothing ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> KB:
    """A sports brief beside a trade report and a budget note, in the style of a news site."""
    path = tmp_path_factory.mktemp("mixed") / "kb.sqlite"
    with KB.open(path, create=True) as writer:
        sports = doc(
            "Lịch phát sóng cuối tuần\n\nKênh Fox Sports phát trực tiếp 12 trận đấu trong tuần "
            "này, nhiều hơn tuần trước.",
            url="https://example.vn/the-thao",
        )
        writer.add_document(
            sports,
            [fact(sports, "12 trận", 12, "trận", "số trận đấu phát trực tiếp", measure="count")],
            [],
        )
        trade = doc(
            "Xuất khẩu tháng 5\n\nKim ngạch xuất khẩu gạo tháng 5 đạt 350 triệu USD. Ông Lê "
            "Văn Bình cho rằng ông Trần Quốc Toản đã nói đúng về giá gạo.\n\nÔng Trần Quốc Toản, "
            "Cục trưởng, cho biết: “Giá gạo sẽ còn tăng trong quý tới”.",
            url="https://example.vn/xuat-khau",
        )
        writer.add_document(
            trade,
            [
                fact(
                    trade,
                    "350 triệu USD",
                    350,
                    "triệu USD",
                    "kim ngạch xuất khẩu gạo",
                    period="tháng 5",
                    base_value=350e6,
                    base_unit="USD",
                )
            ],
            [
                quote(trade, "Giá gạo sẽ còn tăng trong quý tới", "Trần Quốc Toản", "Cục trưởng"),
                quote(
                    trade,
                    "ông Trần Quốc Toản đã nói đúng về giá gạo",
                    "Lê Văn Bình",
                    None,
                    form="reported",
                ),
            ],
        )
        budget = doc(
            "Ngân sách tỉnh\n\nTheo ghi chú [8], tỉnh nộp ngân sách 8 lần trong năm và tổng số "
            "nộp ngân sách năm 2022 đạt 2.450 tỷ đồng.",
            url="https://example.vn/ngan-sach",
        )
        writer.add_document(
            budget,
            [
                fact(budget, "8", 8, "", "ngân sách", measure="count"),
                fact(
                    budget,
                    "2.450 tỷ đồng",
                    2450,
                    "tỷ đồng",
                    "tổng số nộp ngân sách",
                    period="2022",
                    base_value=2450e9,
                    base_unit="VND",
                ),
            ],
            [],
        )
    reader = KB.open(path, readonly=True)
    yield reader
    reader.close()


def test_an_english_word_never_matches_inside_another(mixed: KB) -> None:
    # "exports" is one spelling edit from nothing here but two from "sports": only the
    # glossary's Vietnamese (xuất khẩu) may stand for it.
    assert top(find(mixed, "exports"), 5) == ["350 triệu USD"]
    assert top(find(mixed, "rice exports", include_weak=True), 5) == ["350 triệu USD"]


def test_nothing_relevant_finds_nothing_unless_weak_matches_are_asked_for(mixed: KB) -> None:
    assert find(mixed, "bóng đá ngoại hạng anh") == []
    weak = find(mixed, "trận đấu ngoại hạng anh", include_weak=True)
    assert weak and all(h.weak for h in weak)
    assert not any(h.weak for h in find(mixed, "trận đấu phát trực tiếp"))


def test_a_syllable_apart_from_its_neighbour_is_a_weak_match(mixed: KB) -> None:
    # "giá" and "vàng": the record has "giá gạo", never "vàng".
    assert find(mixed, "giá vàng") == []


def test_a_bare_number_never_ranks_first_for_words(mixed: KB) -> None:
    assert top(find(mixed, "ngân sách")) == ["2.450 tỷ đồng"]


@pytest.mark.parametrize("query", ["Trần Quốc Toản", "Tran Quoc Toan", "tran quoc toan"])
def test_a_speakers_name_ranks_their_quotes_first(mixed: KB, query: str) -> None:
    hits = find(mixed, query, kind="quote")
    assert [h.record["speaker"]["name"] for h in hits][:1] == ["Trần Quốc Toản"]


@pytest.mark.parametrize("query", ["41,000", "41.000", "41000"])
def test_numbers_in_english_or_vietnamese_format(kb: KB, query: str) -> None:
    assert top(find(kb, query)) == ["41.000 tỷ đồng"]


def test_an_english_decimal_point(kb: KB) -> None:
    assert top(find(kb, "75.8%")) == ["75,80%"]


def test_results_are_plain_typed_tuples(kb: KB) -> None:
    hit = find(kb, "doanh thu bưu chính")[0]
    record, score, matched, weak = hit
    assert (record, score, matched) == (hit.record, hit.score, hit.matched)
    assert isinstance(score, float) and not weak and "buu" in matched


def test_a_typo_that_is_itself_a_word_is_respelt(tmp_path: Path) -> None:
    # "kin" is a word here ("họp kín"), so the first pass takes "kin tế" as typed and finds
    # nothing that holds it; the second tries near spellings of the known words.
    path = tmp_path / "kb.sqlite"
    with KB.open(path, create=True) as writer:
        growth = doc(
            "Kinh tế quý I\n\nTốc độ tăng trưởng kinh tế quý I đạt 5,7%. Hội đồng đã họp kín "
            "để bàn kế hoạch quý sau.",
            url="https://example.vn/quy-1",
        )
        rate = fact(growth, "5,7%", 5.7, "%", "tốc độ tăng trưởng kinh tế", measure="change")
        writer.add_document(growth, [rate], [])
    with KB.open(path, readonly=True) as kb:
        assert top(find(kb, "tăng trưởng kin tế")) == ["5,7%"]
        assert top(find(kb, "tang truong kin te")) == ["5,7%"]
        # A near spelling must make every word of the query hold, marks included.
        assert find(kb, "tăng trưởng kín tế") == []


def test_an_english_title_finds_that_officials_quotes(seed_kb: Path) -> None:
    # "prime minister" is English (it was read as unmarked Vietnamese and found nothing)
    with KB.open(seed_kb, readonly=True) as kb:
        hits = find(kb, "prime minister")
    assert hits and all(h.record["kind"] == "quote" for h in hits[:3])
    assert {h.record["speaker"]["name"] for h in hits[:3]} == {"Phạm Minh Chính"}
