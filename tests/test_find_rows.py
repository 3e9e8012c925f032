"""`find` across sources: one row per figure, the sources that state it, those that disagree,
date ranges and orders. Three short reports written for these tests, as three outlets would
word the same year-end figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kbfactory import doc, fact

from mickb.cli.entry import main
from mickb.errors import BadInput
from mickb.kb.store import KB
from mickb.query.search import find

FIRST = (
    "Doanh thu viễn thông năm 2022 đạt 138.000 tỷ đồng\n\n"
    "Theo Bộ, doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng, tăng 1,6% so với năm "
    "2021. Số trạm phát sóng mới lắp đặt trong năm là 8."
)
SECOND = (
    "Viễn thông giữ nhịp tăng trưởng\n\n"
    "Năm qua, doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng theo số liệu tổng hợp "
    "của các doanh nghiệp."
)
THIRD = (
    "Số liệu mới về thị trường viễn thông\n\n"
    "Một hiệp hội cho rằng doanh thu dịch vụ viễn thông năm 2022 đạt 139.500 tỷ đồng, cao hơn "
    "con số Bộ công bố."
)


def _revenue(d, text: str, value: float, **fields) -> object:  # type: ignore[no-untyped-def]
    return fact(
        d,
        text,
        value,
        "tỷ đồng",
        "doanh thu dịch vụ viễn thông",
        period="2022",
        sector="viễn thông",
        base_value=value * 1e9,
        base_unit="VND",
        **fields,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rows") / "kb.sqlite"
    with KB.open(path, create=True) as writer:
        first = doc(
            FIRST,
            title="Viễn thông 2022",
            date="2023-01-10",
            outlet="Báo Một",
            url="https://a.example/1",
        )
        title_fact = fact(
            first,
            "138.000 tỷ đồng",
            138000,
            "tỷ đồng",
            "doanh thu viễn thông",
            period="2022",
            sector="viễn thông",
            base_value=138e12,
            base_unit="VND",
        )
        body = _revenue(first, "138.000 tỷ đồng", 138000, after="Theo Bộ")
        growth = fact(
            first,
            "1,6%",
            1.6,
            "%",
            "doanh thu dịch vụ viễn thông",
            measure="change",
            direction="up",
            compared_to="năm 2021",
            period="2022",
            sector="viễn thông",
        )
        stations = fact(first, "8", 8, "", "số trạm phát sóng mới", measure="count", period="2022")
        writer.add_document(first, [title_fact, body, growth, stations], [])
        second = doc(
            SECOND,
            title="Nhịp tăng trưởng",
            date="2023-02-01",
            outlet="Báo Hai",
            url="https://b.example/2",
        )
        writer.add_document(second, [_revenue(second, "138.000 tỷ đồng", 138000)], [])
        third = doc(
            THIRD, title="Thị trường", date="2023-03-05", outlet="Báo Ba", url="https://c.example/3"
        )
        writer.add_document(third, [_revenue(third, "139.500 tỷ đồng", 139500)], [])
    return path


@pytest.fixture(scope="module")
def kb(db: Path) -> KB:
    reader = KB.open(db, readonly=True)
    yield reader
    reader.close()


def outlets(sources: list[dict]) -> list[str]:
    return [s["outlet"] for s in sources]


def test_one_row_for_the_figure_with_every_source_and_the_disagreement(kb: KB) -> None:
    hits = find(kb, "doanh thu dịch vụ viễn thông 2022")
    first = hits[0].record
    assert first["value_text"] == "138.000 tỷ đồng"
    assert first["source"]["outlet"] == "Báo Một"
    assert outlets(first["sources"]) == ["Báo Một", "Báo Hai"]
    assert [(c["value_text"], c["source"]["outlet"]) for c in first["conflicts"]] == [
        ("139.500 tỷ đồng", "Báo Ba")
    ]
    # Title and body of the first report, its growth rate, the second report and the third's
    # other value: all in that one row.
    shown = [h.record.get("value_text") for h in hits]
    assert shown.count("138.000 tỷ đồng") == 1
    assert "1,6%" not in shown and "139.500 tỷ đồng" not in shown


def test_the_growth_rate_shows_in_its_levels_row(kb: KB) -> None:
    hits = find(kb, "doanh thu viễn thông tăng")
    growth = next(f for f in kb.iter_records("fact") if f["value_text"] == "1,6%")
    assert [h.record["value_text"] for h in hits][:1] == ["138.000 tỷ đồng"]
    assert growth["id"] in hits[0].record["related"]
    assert all(h.record["id"] != growth["id"] for h in hits)


def test_since_and_until_keep_sources_dated_in_the_range(kb: KB) -> None:
    hits = find(kb, "doanh thu dịch vụ viễn thông 2022", since="2023-02-01")
    first = hits[0].record
    assert first["source"]["outlet"] == "Báo Hai"
    assert outlets(first["sources"]) == ["Báo Hai"]
    assert find(kb, "doanh thu dịch vụ viễn thông", until="2022-12-31") == []
    january = find(kb, "doanh thu dịch vụ viễn thông", since="2023-01", until="2023-01")
    assert {h.record["source"]["outlet"] for h in january} == {"Báo Một"}


@pytest.mark.parametrize("bad", ["2023-13-01", "yesterday", "01/02/2023", "2023-02-30"])
def test_a_bad_date_is_bad_input(kb: KB, bad: str) -> None:
    with pytest.raises(BadInput):
        find(kb, "doanh thu", since=bad)


def test_since_after_until_is_bad_input(kb: KB) -> None:
    with pytest.raises(BadInput):
        find(kb, "doanh thu", since="2023-03-01", until="2023-01-01")


def test_sort_by_date_puts_the_newest_source_first(kb: KB) -> None:
    hits = find(kb, "doanh thu dịch vụ viễn thông", sort="date", since="2023-02-01")
    # Two rows (the conflict is folded into the first row found), newest source first.
    dates = [h.record["source"]["date"] for h in hits]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_value_puts_the_largest_first(kb: KB) -> None:
    hits = find(kb, "viễn thông", sort="value", include_weak=True)
    values = [h.record.get("base_value") or h.record.get("value") for h in hits]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers, reverse=True)


def test_an_unknown_sort_is_bad_input(kb: KB) -> None:
    with pytest.raises(BadInput):
        find(kb, "doanh thu", sort="newest")


def test_a_bare_number_does_not_come_first_for_words(kb: KB) -> None:
    # "8" stations, no unit, stands in a sentence about revenue: the revenue answers first.
    hits = find(kb, "doanh thu viễn thông năm 2022", include_weak=True)
    assert hits[0].record["value_text"] != "8"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_json_lists_sources_and_conflicts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["find", "doanh thu dịch vụ viễn thông 2022", "--json", "--db", str(db)], capsys
    )
    first = json.loads(out)["results"][0]
    assert code == 0
    assert outlets(first["sources"]) == ["Báo Một", "Báo Hai"]
    assert first["conflicts"][0]["value"] == 139500
    assert first["conflicts"][0]["source"]["url"] == "https://c.example/3"


def test_csv_adds_sources_and_conflicts_columns(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    code, out, _ = run(
        ["find", "doanh thu dịch vụ viễn thông 2022", "--csv", "--db", str(db)], capsys
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows[0]["sources"].split()) == 2
    assert rows[0]["conflicts"].startswith("139.500 tỷ đồng (")


def test_piped_table_says_how_many_sources_and_who_disagrees(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["find", "doanh thu dịch vụ viễn thông 2022", "--db", str(db)], capsys)
    fields = out.splitlines()[0].split("\t")
    assert code == 0
    assert fields[1:3] == ["fact", "138.000 tỷ đồng"]
    assert fields[3] == "+1,6%"
    assert fields[8] == "2"
    assert fields[9] == "139.500 tỷ đồng (Báo Ba 2023-03-05)"


def test_cards_at_80_columns_say_how_many_sources(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICKB_FORCE_TTY", "1")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(["find", "doanh thu dịch vụ viễn thông 2022", "--db", str(db)], capsys)
    assert code == 0
    assert "2 sources: Báo Một 2023-01-10, Báo Hai 2023-02-01" in out
    assert "sources disagree: 139.500 tỷ đồng (Báo Ba 2023-03-05)" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_lists_the_sources_and_the_disagreement(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(
        ["find", "doanh thu dịch vụ viễn thông 2022", "--json", "--db", str(db)], capsys
    )
    record_id = json.loads(out)["results"][0]["id"]
    code, out, _ = run(["show", record_id, "--json", "--db", str(db)], capsys)
    shown = json.loads(out)["record"]
    assert code == 0
    assert outlets(shown["sources"]) == ["Báo Một", "Báo Hai"]
    assert [c["value_text"] for c in shown["conflicts"]] == ["139.500 tỷ đồng"]
    code, out, _ = run(["show", record_id, "--db", str(db)], capsys)
    assert "Stated by 2 sources" in out and "Sources that disagree" in out


def test_the_same_metric_of_two_companies_is_no_disagreement(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    texts = {
        "an": "Kết quả kinh doanh\n\nNăm 2023, Công ty An Phát ghi nhận lợi nhuận sau thuế "
        "đạt 120 tỷ đồng.",
        "long": "Báo cáo thường niên\n\nTập đoàn Minh Long công bố lợi nhuận sau thuế năm "
        "2023 đạt 450 tỷ đồng.",
    }
    with KB.open(path, create=True) as writer:
        for key, text in texts.items():
            d = doc(text, url=f"https://example.vn/{key}", date="2024-02-01")
            value_text = "120 tỷ đồng" if key == "an" else "450 tỷ đồng"
            value = 120 if key == "an" else 450
            profit = fact(
                d,
                value_text,
                value,
                "tỷ đồng",
                "lợi nhuận sau thuế",
                period="2023",
                base_value=value * 1e9,
                base_unit="VND",
            )
            writer.add_document(d, [profit], [])
    with KB.open(path, readonly=True) as kb:
        hits = find(kb, "lợi nhuận sau thuế 2023")
    assert sorted(h.record["value_text"] for h in hits) == ["120 tỷ đồng", "450 tỷ đồng"]
    assert all(h.record["conflicts"] == [] for h in hits)
