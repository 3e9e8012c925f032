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
