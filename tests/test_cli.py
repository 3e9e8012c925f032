"""The CLI as users and scripts run it: contract examples, output shapes, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mickb.cli.entry import main


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def find_json(seed_kb: Path, query: str, capsys: pytest.CaptureFixture[str]) -> dict:
    code, out, _ = run(["find", query, "--json", "--db", str(seed_kb)], capsys)
    data = json.loads(out)
    assert code == (0 if data["results"] else 1)
    return data


@pytest.mark.parametrize(
    ("query", "value_text"),
    [
        ("tỷ trọng kinh tế số", "14,26%"),
        ("thue bao smartphone", "75,80%"),
        ("so dau xuat ban pham dien tu", "3.200"),
        ("ICT contribution to GDP", "34.336 triệu USD"),
        ("138.000", "138.000 tỷ đồng"),
    ],
)
def test_contract_find_examples_come_first(
    seed_kb: Path, capsys, query: str, value_text: str
) -> None:
    data = find_json(seed_kb, query, capsys)
    assert data["query"] == query
    assert data["count"] == len(data["results"])
    assert data["results"][0]["value_text"] == value_text


def test_find_nothing_is_empty_list_and_exit_1(seed_kb: Path, capsys) -> None:
    code, out, _ = run(["find", "zzzqqq xxyyzz", "--json", "--db", str(seed_kb)], capsys)
    assert code == 1
    assert json.loads(out) == {"query": "zzzqqq xxyyzz", "count": 0, "results": []}


@pytest.mark.parametrize("query", ['"', "AND (", "NEAR(", "*", "😀", "138.000 OR", "a" * 100_000])
def test_find_never_fails_on_fts_syntax(seed_kb: Path, capsys, query: str) -> None:
    code, out, err = run(["find", query, "--json", "--db", str(seed_kb)], capsys)
    assert code in (0, 1)
    assert "Traceback" not in err
    assert json.loads(out)["count"] >= 0


def test_find_empty_query_is_bad_input(seed_kb: Path, capsys) -> None:
    code, out, err = run(["find", "  ", "--db", str(seed_kb)], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and err.count("\n") == 1


def test_find_jsonl_and_csv(seed_kb: Path, capsys) -> None:
    code, out, _ = run(
        ["find", "doanh thu", "--jsonl", "--limit", "3", "--db", str(seed_kb)], capsys
    )
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert all(json.loads(line)["kind"] in ("fact", "quote") for line in lines)
    code, out, _ = run(["find", "doanh thu", "--csv", "--limit", "3", "--db", str(seed_kb)], capsys)
    rows = out.splitlines()
    assert rows[0].startswith("kind,id,metric") and len(rows) == 4


def test_find_table_shows_figure(seed_kb: Path, capsys) -> None:
    code, out, _ = run(["find", "doanh thu viễn thông 2022", "--db", str(seed_kb)], capsys)
    assert code == 0
    assert "138.000 tỷ đồng" in out


@pytest.mark.parametrize(
    ("claim", "verdict", "code"),
    [
        ("Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng", "supported", 0),
        ("Doanh thu dịch vụ viễn thông năm 2022 đạt 183.000 tỷ đồng", "contradicted", 1),
        ("Publishing revenue reached 96,433 billion dong in 2022", "supported", 0),
        ("Tỷ lệ thuê bao di động dùng smartphone năm 2022 đạt 57,8%", "contradicted", 1),
        ("Doanh thu bưu chính năm 2022 đạt 50.000 tỷ đồng", "not_found", 1),
    ],
)
def test_contract_check_examples(
    seed_kb: Path, capsys, claim: str, verdict: str, code: int
) -> None:
    got, out, _ = run(["check", claim, "--json", "--db", str(seed_kb)], capsys)
    result = json.loads(out)
    assert (result["verdict"], got) == (verdict, code)
    assert result["claim"] == claim


def test_check_postal_not_found_names_what_the_kb_knows(seed_kb: Path, capsys) -> None:
    _, out, _ = run(
        [
            "check",
            "Doanh thu bưu chính năm 2022 đạt 50.000 tỷ đồng",
            "--json",
            "--db",
            str(seed_kb),
        ],
        capsys,
    )
    explanation = json.loads(out)["figures"][0]["explanation"]
    assert "16%" in explanation


def test_check_stdin_one_result_per_line(seed_kb: Path, capsys, monkeypatch) -> None:
    claims = (
        "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng\n\n"
        "Doanh thu dịch vụ viễn thông năm 2022 đạt 183.000 tỷ đồng\n"
    )
    code, out, _ = run(
        ["check", "-", "--json", "--db", str(seed_kb)],
        capsys,
        stdin=claims,
        monkeypatch=monkeypatch,
    )
    verdicts = [json.loads(line)["verdict"] for line in out.splitlines()]
    assert verdicts == ["supported", "contradicted"]
    assert code == 1


@pytest.mark.parametrize(
    ("text", "by", "verdict", "code"),
    [
        ("không để ai bị bỏ lại phía sau", "Phạm Minh Chính", "verified", 0),
        (
            "Với tinh thần chiến binh, chúng tôi xin nhận mọi nhiệm vụ được giao",
            "Lê Quốc Minh",
            "misattributed",
            1,
        ),
    ],
)
def test_contract_quote_examples(
    seed_kb: Path, capsys, text: str, by: str, verdict: str, code: int
) -> None:
    got, out, _ = run(["quote", text, "--by", by, "--json", "--db", str(seed_kb)], capsys)
    result = json.loads(out)
    assert (result["verdict"], got) == (verdict, code)
    if verdict == "misattributed":
        assert result["actual_speaker"]["name"] == "Nguyễn Mạnh Hùng"


def test_show_gives_sentence_paragraph_and_citations(seed_kb: Path, capsys) -> None:
    data = find_json(seed_kb, "138.000", capsys)
    fact_id = data["results"][0]["id"]
    code, out, _ = run(["show", fact_id, "--json", "--db", str(seed_kb)], capsys)
    shown = json.loads(out)
    assert code == 0
    assert shown["record"]["id"] == fact_id
    assert "doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng" in shown["record"]["sentence"]
    assert shown["record"]["sentence"] in shown["paragraph"]
    assert any(r["value_text"] == "1,6%" for r in shown["related"])
    assert "138.000 tỷ đồng" in shown["citation"]["vi"] and "Nhân Dân" in shown["citation"]["en"]


def test_show_unknown_id(seed_kb: Path, capsys) -> None:
    code, out, err = run(["show", "fnope", "--db", str(seed_kb)], capsys)
    assert code == 1 and out == "" and err.startswith("error: ")


def test_missing_kb_is_exit_3_and_not_created(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.sqlite"
    code, out, err = run(["find", "doanh thu", "--db", str(missing)], capsys)
    assert code == 3 and err.startswith("error: ") and not missing.exists()


def test_mickb_db_env_is_used(seed_kb: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MICKB_DB", str(seed_kb))
    code, out, _ = run(["sources", "--json"], capsys)
    sources = json.loads(out)
    assert code == 0 and len(sources) == 1
    assert sources[0]["date"] == "2022-12-18" and sources[0]["outlet"] == "Nhân Dân"


def test_bad_option_is_one_error_line(seed_kb: Path, capsys) -> None:
    code, out, err = run(["find", "x", "--frobnicate", "--db", str(seed_kb)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1


def test_export_lists_every_record(seed_kb: Path, capsys) -> None:
    code, out, _ = run(["export", "--db", str(seed_kb)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    kinds = {r["kind"] for r in records}
    assert code == 0 and kinds == {"fact", "quote"}
    code, out, _ = run(["export", "--kind", "quote", "--db", str(seed_kb)], capsys)
    assert {json.loads(line)["kind"] for line in out.splitlines()} == {"quote"}


def test_python_dash_m_runs(seed_kb: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mickb", "stats", "--json", "--db", str(seed_kb)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["facts"] > 30


def test_brackets_in_source_text_print_as_written(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Report titles and sentences carry brackets ("[Infographic]", "[1]", "[/]"); rich would read
    # them as its markup, dropping the words or failing on a closing tag with nothing to close.
    report = tmp_path / "r.md"
    report.write_text(
        "Doanh thu dịch vụ viễn thông [ước tính] năm 2023 đạt 140.000 tỷ đồng.\n", encoding="utf-8"
    )
    db = str(tmp_path / "kb.sqlite")
    title = "[Infographic] Viễn thông [/] 2023"
    code, _, _ = run(["ingest", str(report), "--db", db, "--title", title], capsys)
    assert code == 0
    monkeypatch.setenv("COLUMNS", "160")
    code, out, _ = run(["find", "doanh thu viễn thông", "--db", db], capsys)
    assert code == 0 and "140.000 tỷ đồng" in out and "[Infographic]" in out
    code, out, _ = run(["sources", "--db", db], capsys)
    assert code == 0 and "[Infographic]" in out and "[/]" in out


# --- output that pastes, contract gaps (issue 14) ---------------------------------------------


def test_show_empty_id_is_bad_input(seed_kb: Path, capsys) -> None:
    code, out, err = run(["show", "  ", "--db", str(seed_kb)], capsys)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1


@pytest.mark.parametrize("args", [["find", "doanh thu"], ["sources"], ["stats"], ["export"]])
def test_an_empty_db_path_is_bad_input(args: list[str], capsys) -> None:
    code, out, err = run([*args, "--db", ""], capsys)
    assert code == 2 and out == "" and err.startswith("error: --db is empty")
    code, _, err = run([*args, "--db="], capsys)
    assert code == 2 and err.startswith("error: --db is empty")


@pytest.mark.parametrize(
    "formats", [["--json", "--csv"], ["--jsonl", "--csv"], ["--json", "--jsonl"]]
)
def test_find_with_two_formats_is_bad_input(seed_kb: Path, capsys, formats: list[str]) -> None:
    code, out, err = run(["find", "doanh thu", *formats, "--db", str(seed_kb)], capsys)
    assert code == 2 and out == ""
    assert err == "error: choose one of --json, --jsonl, --csv\n"


def test_export_json_is_one_list_of_the_jsonl_records(seed_kb: Path, capsys) -> None:
    code, out, _ = run(["export", "--json", "--db", str(seed_kb)], capsys)
    as_list = json.loads(out)
    code_l, out_l, _ = run(["export", "--db", str(seed_kb)], capsys)
    assert code == code_l == 0
    assert as_list == [json.loads(line) for line in out_l.splitlines()]
    code, out, err = run(["export", "--json", "--csv", "--db", str(seed_kb)], capsys)
    assert code == 2 and out == "" and err.startswith("error: choose one of")


def test_find_piped_is_tab_separated_lines_without_padding(seed_kb: Path, capsys) -> None:
    code, out, _ = run(["find", "doanh thu", "-n", "4", "--db", str(seed_kb)], capsys)
    _, as_json, _ = run(["find", "doanh thu", "-n", "4", "--json", "--db", str(seed_kb)], capsys)
    results = json.loads(as_json)["results"]
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(results) == 4
    for line, record in zip(lines, results, strict=True):
        fields = line.split("\t")
        assert len(fields) == 10
        assert fields[0] == record["id"] and fields[5] == record["metric"]
        assert all(f == f.strip() for f in fields)  # no padding


def test_show_citation_is_whole_at_80_columns(
    seed_kb: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = find_json(seed_kb, "138.000", capsys)
    record_id = data["results"][0]["id"]
    _, as_json, _ = run(["show", record_id, "--json", "--db", str(seed_kb)], capsys)
    citation = json.loads(as_json)["citation"]
    url = json.loads(as_json)["record"]["source"]["url"]
    for terminal in (False, True):
        if terminal:
            monkeypatch.setenv("MICKB_FORCE_TTY", "1")
        monkeypatch.setenv("COLUMNS", "80")
        code, out, _ = run(["show", record_id, "--db", str(seed_kb)], capsys)
        lines = out.splitlines()
        assert code == 0
        assert f"[vi] {citation['vi']}" in lines and f"[en] {citation['en']}" in lines
        assert sum(url in line for line in lines) == 2  # the URL unbroken, once per language
        assert not any(ch in out for ch in "│╭╰")  # no box around anything


def test_sources_at_80_columns_keep_titles_readable(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "r.md"
    report.write_text("Doanh thu bưu chính năm 2023 đạt 52.000 tỷ đồng.\n", encoding="utf-8")
    title = "Báo cáo tổng kết hoạt động bưu chính và chuyển phát năm 2023 của Bộ"
    db = str(tmp_path / "kb.sqlite")
    run(["ingest", str(report), "--db", db, "--title", title, "--outlet", "Báo Thử"], capsys)
    monkeypatch.setenv("MICKB_FORCE_TTY", "1")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(["sources", "--db", db], capsys)
    assert code == 0
    assert any(title in line for line in out.splitlines())  # on one line, not in a column
    assert max(len(line) for line in out.splitlines()) <= 80
    monkeypatch.delenv("MICKB_FORCE_TTY")
    code, out, _ = run(["sources", "--db", db], capsys)
    (line,) = out.splitlines()
    assert line.split("\t")[3] == title and "  " not in line


def test_find_nothing_relevant_exits_1_and_all_shows_weak_matches(seed_kb: Path, capsys) -> None:
    query = "bóng đá ngoại hạng anh"
    assert find_json(seed_kb, query, capsys)["results"] == []
    code, out, err = run(["find", query, "--db", str(seed_kb)], capsys)
    assert code == 1 and out == "" and "--all" in err
    code, out, _ = run(["find", query, "--all", "--json", "--db", str(seed_kb)], capsys)
    assert code == 0 and json.loads(out)["count"] > 0


@pytest.mark.parametrize("query", ["96,433", "96.433", "publishing revenue"])
def test_find_publishing_revenue_in_either_number_format(seed_kb: Path, capsys, query: str) -> None:
    assert find_json(seed_kb, query, capsys)["results"][0]["value_text"] == "96.433 tỷ đồng"


@pytest.mark.parametrize("query", ["Nguyễn Mạnh Hùng", "Nguyen Manh Hung"])
def test_find_a_speaker_ranks_their_quotes_first(seed_kb: Path, capsys, query: str) -> None:
    first = find_json(seed_kb, query, capsys)["results"][0]
    assert first["kind"] == "quote" and first["speaker"]["name"] == "Nguyễn Mạnh Hùng"
