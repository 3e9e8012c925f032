"""The bilingual sector glossary (mickb.text.glossary)."""

from __future__ import annotations

import pytest

from mickb.text.glossary import english_to_vietnamese, is_english, metric_en, terms


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("doanh thu dịch vụ viễn thông", "telecommunications service revenue"),
        ("lợi nhuận sau thuế", "profit after tax"),
        ("nộp ngân sách nhà nước", "state budget contribution"),
        ("năng suất lao động", "labour productivity"),
        ("doanh thu dich vu vien thong", "telecommunications service revenue"),
        ("lợi nhuận trước thuế MobiFone", "MobiFone profit before tax"),
    ],
)
def test_metric_en(vi: str, en: str) -> None:
    assert metric_en(vi) == en


def test_metric_en_keeps_head_words_first_in_english() -> None:
    assert metric_en("tỷ trọng kinh tế số trong GDP") == "share of digital economy in GDP"
    assert metric_en("đóng góp vào GDP của lĩnh vực công nghiệp ICT") == (
        "contribution to GDP of ICT industry sector"
    )


def test_metric_en_tells_accented_homographs_apart() -> None:
    # "chỉ tiêu" (targets) and "chi tiêu" (spending) fold to the same letters
    assert metric_en("chỉ tiêu") != metric_en("chi tiêu")


def test_metric_en_unknown() -> None:
    assert metric_en("") is None
    assert metric_en("Zalo") is None


def test_english_to_vietnamese() -> None:
    assert sorted(english_to_vietnamese("ICT contribution to GDP")) == [
        "cong nghiep ict",
        "dong gop vao gdp",
    ]
    assert set(english_to_vietnamese("telecom revenue")) == {"vien thong", "doanh thu"}
    assert "thue bao" in english_to_vietnamese("smartphone subscribers")
    assert english_to_vietnamese("the of and") == []
    # "share of" is a proportion (tỷ trọng), not a company's shares (cổ phần)
    assert "ty trong" in english_to_vietnamese("the share of villages with mobile signal")
    assert "co phan" not in english_to_vietnamese("the share of villages with mobile signal")
    # "hurt" by the pandemic is affected (ảnh hưởng); revenue that "hit" a level is no harm
    assert "anh huong" in english_to_vietnamese("people hurt by the pandemic")
    assert "anh huong" not in english_to_vietnamese("revenue hit VND3.89 quadrillion")
    assert "tram 4g" in english_to_vietnamese("4G base stations")
    # places with no mobile signal, as English outlets say it
    assert "diem lom song" in english_to_vietnamese("villages lacking coverage")
    assert "diem lom song" in english_to_vietnamese("hamlets without mobile coverage")


def test_longest_english_phrase_wins() -> None:
    found = english_to_vietnamese("profit after tax of postal companies")
    assert found[0] == "loi nhuan sau thue"
    assert "loi nhuan" not in found


def test_is_english() -> None:
    assert is_english("Publishing revenue reached 96,433 billion dong in 2022")
    assert not is_english("Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng")
    assert not is_english("doanh thu vien thong nam 2022 dat 138.000 ty dong")
    assert not is_english("138.000")


def test_glossary_is_vocabulary_not_sentences() -> None:
    entries = terms()
    assert len(entries) > 200
    assert all(len(vi.split()) <= 8 for vi in entries)


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("số người dân được bảo vệ", "number of people protected"),
        ("số tài khoản được xử lý, ngăn chặn", "number of accounts handled and blocked"),
        ("tỷ lệ hồ sơ được xử lý trực tuyến", "rate of applications handled online"),
        (
            "số lượng tài khoản sử dụng các nền tảng số",
            "number of accounts using digital platforms",
        ),
        (
            "tỷ lệ thôn đã có sóng trên toàn quốc",
            "rate of villages with mobile coverage nationwide",
        ),
        ("thuê bao trong nước", "domestic subscribers"),
        ("số chỉ tiêu đã đề ra", "number of targets set"),
        ("số hình thái chủ yếu của công tác tư tưởng", "number of main forms of ideological work"),
        ("số trạm 5G", "number of 5G stations"),
        ("doanh thu Viettel", "Viettel revenue"),
    ],
)
def test_metric_en_reads_as_english(vi: str, en: str) -> None:
    assert metric_en(vi) == en


@pytest.mark.parametrize(
    "vi",
    ["số hợp tác xã giải thể", "doanh thu chưa tính thuế", "doanh thu chua tinh thue"],
)
def test_metric_en_never_leaves_vietnamese_words_untranslated(vi: str) -> None:
    # half a translation ("number of hợp tác xã dissolved") is worse than none
    assert metric_en(vi) is None


def test_glossary_markers_stay_out_of_the_terms() -> None:
    assert not any(en.startswith("~") or en.endswith(" ") for en in terms().values())


def test_the_unmarked_terms_are_the_glossarys_terms_written_without_marks() -> None:
    from mickb.text.glossary import unmarked_terms

    found = unmarked_terms()
    assert "doanh thu" in found and "cho gdp" in found
    assert all(term.isascii() for term in found)
    assert "vien thong" not in found  # written "viễn thông" in the glossary
