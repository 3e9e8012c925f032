"""`verify_quote`: verified, misattributed, altered and not_found, on a KB written here."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kbfactory import doc, quote

from mickb.errors import BadInput
from mickb.kb.store import KB
from mickb.query.verify import speaker_matches, verify_quote, word_differences

SPEECH = "\n\n".join(
    [
        "Hội nghị tổng kết năm 2023 của ngành thông tin và truyền thông",
        "Phát biểu tại hội nghị, Thủ tướng Phạm Minh Chính nhấn mạnh: “Hạ tầng số phải đi trước "
        "một bước, để người dân ở vùng sâu, vùng xa cũng được hưởng dịch vụ như ở thành phố”.",
        "“Với tinh thần người lính trên mặt trận mới, chúng tôi sẵn sàng nhận mọi nhiệm vụ khó "
        "khăn”, ông Nguyễn Mạnh Hùng, Bộ trưởng Thông tin và Truyền thông, khẳng định.",
        "Đồng chí Lê Quốc Minh cho biết các cơ quan báo chí sẽ tiếp tục đổi mới cách làm báo để "
        "giữ chân bạn đọc trẻ.",
        "Một đại biểu nói: “Dữ liệu là tài nguyên mới của nền kinh tế số”.",
        "Bộ trưởng cũng cho biết ngành sẽ ưu tiên phát triển các nền tảng số dùng chung "
        "trong năm tới.",
    ]
)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("verify") / "kb.sqlite"
    d = doc(SPEECH, title="Hội nghị tổng kết 2023", date="2023-12-21")
    quotes = [
        quote(
            d,
            "Hạ tầng số phải đi trước một bước, để người dân ở vùng sâu, vùng xa cũng được "
            "hưởng dịch vụ như ở thành phố",
            "Phạm Minh Chính",
            "Thủ tướng",
        ),
        quote(
            d,
            "Với tinh thần người lính trên mặt trận mới, chúng tôi sẵn sàng nhận mọi nhiệm "
            "vụ khó khăn",
            "Nguyễn Mạnh Hùng",
            "Bộ trưởng Thông tin và Truyền thông",
        ),
        quote(
            d,
            "các cơ quan báo chí sẽ tiếp tục đổi mới cách làm báo để giữ chân bạn đọc trẻ",
            "Lê Quốc Minh",
            None,
            form="reported",
        ),
        quote(d, "Dữ liệu là tài nguyên mới của nền kinh tế số", None, None),
    ]
    with KB.open(path, create=True) as writer:
        writer.add_document(d, [], quotes)
    opened = KB.open(path, readonly=True)
    yield opened
    opened.close()


LINH = "Với tinh thần người lính trên mặt trận mới, chúng tôi sẵn sàng nhận mọi nhiệm vụ khó khăn"


@pytest.mark.parametrize(
    "by",
    [
        "Nguyễn Mạnh Hùng",
        "Nguyen Manh Hung",  # without diacritics
        "Bộ trưởng",  # role alone
        "Bộ trưởng Nguyễn Mạnh Hùng",  # role and name
        "Bộ trưởng Bộ Thông tin và Truyền thông",  # the office, written out
        "ông Nguyễn Mạnh Hùng",
        None,  # no attribution asked: the words decide
    ],
)
def test_exact_words_and_right_speaker_verify(kb: Any, by: str | None) -> None:
    r = verify_quote(kb, LINH, by=by)
    assert r["verdict"] == "verified"
    assert r["similarity"] == 1.0
    assert r["quote"]["speaker"]["name"] == "Nguyễn Mạnh Hùng"
    assert r["quote"]["source"]["title"] == "Hội nghị tổng kết 2023"
    assert r["differences"] is None


def test_case_punctuation_diacritics_and_nfd_do_not_matter(kb: Any) -> None:
    typed = (
        "voi tinh than nguoi linh tren mat tran moi chung toi san sang nhan moi nhiem vu kho khan"
    )
    assert verify_quote(kb, typed, by="Nguyễn Mạnh Hùng")["verdict"] == "verified"
    nfd = unicodedata.normalize("NFD", LINH.upper())
    assert verify_quote(kb, nfd, by="Bộ trưởng")["verdict"] == "verified"


def test_part_of_a_longer_quote_verifies(kb: Any) -> None:
    r = verify_quote(
        kb, "người dân ở vùng sâu, vùng xa cũng được hưởng dịch vụ", by="Thủ tướng Phạm Minh Chính"
    )
    assert r["verdict"] == "verified"
    assert r["actual_speaker"] == {"name": "Phạm Minh Chính", "role": "Thủ tướng"}


def test_words_of_another_speaker_are_misattributed(kb: Any) -> None:
    r = verify_quote(kb, LINH, by="Lê Quốc Minh")
    assert r["verdict"] == "misattributed"
    assert r["actual_speaker"] == {
        "name": "Nguyễn Mạnh Hùng",
        "role": "Bộ trưởng Thông tin và Truyền thông",
    }
    assert "Nguyễn Mạnh Hùng" in r["note"]


def test_right_role_but_another_persons_name_is_misattributed(kb: Any) -> None:
    r = verify_quote(kb, LINH, by="Bộ trưởng Nguyễn Văn Hòa")
    assert r["verdict"] == "misattributed"


def test_wrong_role_is_misattributed(kb: Any) -> None:
    assert verify_quote(kb, LINH, by="Thủ tướng")["verdict"] == "misattributed"


def test_changed_words_are_altered_and_shown(kb: Any) -> None:
    changed = LINH.replace("người lính", "chiến sĩ")
    r = verify_quote(kb, changed, by="Nguyễn Mạnh Hùng")
    assert r["verdict"] == "altered"
    assert 0.7 < r["similarity"] < 1.0
    assert r["differences"] == "'chiến sĩ' instead of 'người lính'"
    assert r["quote"]["speaker"]["name"] == "Nguyễn Mạnh Hùng"


def test_dropped_and_added_words_are_shown(kb: Any) -> None:
    r = verify_quote(
        kb,
        "Hạ tầng số phải đi trước, để người dân ở vùng sâu, vùng xa cũng "
        "được hưởng mọi dịch vụ như ở thành phố",
    )
    assert r["verdict"] == "altered"
    assert r["differences"] == "'một bước' left out; 'mọi' added"


# --- reported speech: the rule of docs/fact-checking.md ---------------------------------------
# Recorded reported speech ("X cho biết, …") is what the source says X said, in the
# journalist's words: the same words verify with a note, a paraphrase close to them is
# altered, anything further is not found; words the source has outside any attributed
# statement are not found, and the note shows where they are.


def test_reported_speech_is_said_so(kb: Any) -> None:
    r = verify_quote(kb, "các cơ quan báo chí sẽ tiếp tục đổi mới cách làm báo", by="Lê Quốc Minh")
    assert r["verdict"] == "verified"
    assert "reported speech" in r["note"]


def test_a_close_paraphrase_of_reported_speech_is_altered(kb: Any) -> None:
    r = verify_quote(
        kb, "các cơ quan báo chí sẽ đổi mới cách làm báo để giữ chân bạn đọc", by="Minh"
    )
    assert r["verdict"] == "altered"
    assert r["differences"] == "'tiếp tục' left out"
    assert "reported speech" in r["note"]
    # The same paraphrase given to someone else is still only altered, and says whose it is.
    other = verify_quote(
        kb, "các cơ quan báo chí sẽ đổi mới cách làm báo để giữ chân bạn đọc", by="Bộ trưởng"
    )
    assert other["verdict"] == "altered"
    assert "Lê Quốc Minh" in other["note"]


def test_a_loose_paraphrase_of_reported_speech_is_not_found(kb: Any) -> None:
    r = verify_quote(kb, "báo chí phải làm mới mình để không mất độc giả trẻ", by="Lê Quốc Minh")
    assert r["verdict"] == "not_found"
    assert r["quote"] is None


def test_words_without_a_known_speaker_cannot_confirm_attribution(kb: Any) -> None:
    r = verify_quote(kb, "Dữ liệu là tài nguyên mới của nền kinh tế số", by="Nguyễn Mạnh Hùng")
    assert r["verdict"] == "misattributed"
    assert "does not say who" in r["note"]
    assert verify_quote(kb, "Dữ liệu là tài nguyên mới của nền kinh tế số")["verdict"] == "verified"


def test_nothing_close_is_not_found(kb: Any) -> None:
    r = verify_quote(kb, "Chúng ta phải xây dựng nền công nghiệp bán dẫn tự chủ")
    assert r["verdict"] == "not_found"
    assert r["quote"] is None and r["actual_speaker"] is None
    assert 0.0 <= r["similarity"] < 0.72


def test_words_found_only_outside_quotation_marks_say_where(kb: Any) -> None:
    r = verify_quote(
        kb, "ngành sẽ ưu tiên phát triển các nền tảng số dùng chung", by="Nguyễn Mạnh Hùng"
    )
    assert r["verdict"] == "not_found"
    assert "reported speech" in r["note"]
    assert "Bộ trưởng cũng cho biết ngành sẽ ưu tiên" in r["note"]
    assert "Hội nghị tổng kết 2023" in r["note"]


def test_two_words_are_too_few_to_verify(kb: Any) -> None:
    assert verify_quote(kb, "vùng xa")["verdict"] == "not_found"


def test_result_has_the_contract_keys(kb: Any) -> None:
    r = verify_quote(kb, LINH, by="Nguyễn Mạnh Hùng")
    assert {"text", "by", "verdict", "similarity", "quote", "actual_speaker", "differences"} <= set(
        r
    )
    assert r["text"] == LINH and r["by"] == "Nguyễn Mạnh Hùng"


@pytest.mark.parametrize("text", ["", "  ", "…", "“”"])
def test_empty_quote_is_bad_input(kb: Any, text: str) -> None:
    with pytest.raises(BadInput):
        verify_quote(kb, text)


@pytest.mark.parametrize(
    ("by", "name", "role", "expected"),
    [
        ("Phạm Minh Chính", "Phạm Minh Chính", "Thủ tướng", True),
        ("Thủ tướng", "Phạm Minh Chính", "Thủ tướng Chính phủ", True),
        ("Thủ tướng Chính phủ", "Phạm Minh Chính", "Thủ tướng", True),
        ("Thủ tướng Phạm Minh Chính", None, "Thủ tướng", True),
        ("Minh Chính", "Phạm Minh Chính", "Thủ tướng", True),
        ("Chính", "Phạm Minh Chính", "Thủ tướng", True),  # the given name alone
        ("Minh", "Phạm Minh Chính", "Thủ tướng", False),  # a middle name is no one
        ("Phạm", "Phạm Minh Chính", "Thủ tướng", False),  # nor a family name
        ("ông Hùng", "Nguyễn Mạnh Hùng", "Bộ trưởng Thông tin và Truyền thông", True),
        ("Mạnh Hùng", "Nguyễn Mạnh Hùng", "Bộ trưởng Thông tin và Truyền thông", True),
        ("Bộ trưởng Hùng", "Nguyễn Mạnh Hùng", "Bộ trưởng Thông tin và Truyền thông", True),
        ("Thứ trưởng Hùng", "Nguyễn Mạnh Hùng", "Bộ trưởng Thông tin và Truyền thông", False),
        ("Bộ trưởng Hùng", "Nguyễn Mạnh Hùng", None, True),  # no role to contradict it
        ("Cục trưởng", "Trần Minh Đức", "Cục trưởng Cục An toàn thông tin", True),
        ("Cục trưởng Đức", "Trần Minh Đức", "Cục trưởng Cục An toàn thông tin", True),
        ("Cục trưởng", "Trần Minh Đức", "Phó Cục trưởng Cục An toàn thông tin", False),
        ("Thủ tướng May", "Theresa May", "Thủ tướng Anh", True),
        ("cán bộ điều tra", None, "cán bộ điều tra", True),
        ("Thủ tướng Nguyễn Xuân Phúc", "Phạm Minh Chính", "Thủ tướng", False),
        ("Bộ trưởng", "Phạm Minh Chính", "Thủ tướng", False),
        ("Lê Quốc Minh", None, None, False),
        ("Tổng Biên tập", "Trần Văn An", "Ủy viên Ban Chấp hành, Tổng Biên tập Báo Thử", True),
        ("Trưởng Ban Tuyên giáo", "Trần Văn An", "Phó Trưởng Ban Tuyên giáo Trung ương", False),
        ("Phó Thủ tướng", "Phạm Minh Chính", "Thủ tướng", False),
    ],
)
def test_speaker_matching(by: str, name: str | None, role: str | None, expected: bool) -> None:
    assert speaker_matches(by, name, role) is expected


def test_word_differences_reads_like_an_editor() -> None:
    assert word_differences(
        "chúng tôi nhận mọi việc khó", ["chúng", "tôi", "nhận", "mọi", "nhiệm", "vụ", "khó"]
    ) == ("'việc' instead of 'nhiệm vụ'")


# --- the contract's examples, on a KB built from the seed by the real pipeline ----------------


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> Any:
    pytest.importorskip("mickb.ingest.extract.figures")  # until the figure extractor exists
    seed_kb: Path = request.getfixturevalue("seed_kb")
    opened = KB.open(seed_kb, readonly=True)
    yield opened
    opened.close()


def test_seed_embedded_quote_of_the_prime_minister_verifies(seed: Any) -> None:
    r = verify_quote(seed, "không để ai bị bỏ lại phía sau", by="Phạm Minh Chính")
    assert r["verdict"] == "verified"
    assert r["quote"]["speaker"]["role"] == "Thủ tướng"


def test_seed_ministers_words_given_to_an_editor_are_misattributed(seed: Any) -> None:
    r = verify_quote(
        seed,
        "Với tinh thần chiến binh, chúng tôi xin nhận mọi nhiệm vụ được giao",
        by="Lê Quốc Minh",
    )
    assert r["verdict"] == "misattributed"
    assert r["actual_speaker"]["name"] == "Nguyễn Mạnh Hùng"
    assert "Bộ trưởng" in r["actual_speaker"]["role"]


def test_seed_altered_quote_shows_the_changed_word(seed: Any) -> None:
    r = verify_quote(
        seed,
        "Với tinh thần chiến sĩ, chúng tôi xin nhận mọi nhiệm vụ được giao",
        by="Nguyễn Mạnh Hùng",
    )
    assert r["verdict"] == "altered"
    assert "'chiến sĩ' instead of 'chiến binh'" in r["differences"]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_contiguous_part_of_a_quote_verifies(kb: Any, data: st.DataObject) -> None:
    words = LINH.split()
    start = data.draw(st.integers(0, len(words) - 3))
    end = data.draw(st.integers(start + 3, len(words)))
    part = " ".join(words[start:end])
    typed = data.draw(st.sampled_from([part, part.upper(), unicodedata.normalize("NFD", part)]))
    assert verify_quote(kb, typed, by="Nguyễn Mạnh Hùng")["verdict"] == "verified"


# --- the real pipeline: reported speech is recorded whatever the punctuation -------------------


@pytest.fixture(scope="module")
def ingested_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mickb.api import ingest

    folder = tmp_path_factory.mktemp("reported")
    source = folder / "hoi-nghi.txt"
    source.write_text(
        "---\ntitle: Hội nghị ngành tài chính tỉnh\ndate: 2024-03-05\n---\n"
        "Hội nghị ngành tài chính tỉnh\n\n"
        "Ông Tạ Văn Hưng, Giám đốc Sở Tài chính, cho biết, nguồn vốn đầu tư công sẽ được "
        "giải ngân hết trong quý ba năm nay.\n\n"
        "Ông Lò Minh Sơn, Phó Giám đốc Kho bạc tỉnh, cho biết các dự án chậm tiến độ sẽ bị "
        "điều chuyển vốn sang dự án khác.\n\n"
        "Cục trưởng Cục Quản lý công sản Trần Văn Khải khẳng định: "
        "“Chúng tôi sẽ rà soát toàn bộ tài sản công dôi dư trong năm nay”.\n\n"
        "Phát biểu bế mạc, ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Hà Thị Nga "
        "nói: “Mặt trận sẽ giám sát đến cùng việc sử dụng tài sản công”.\n",
        encoding="utf-8",
    )
    path = folder / "kb.sqlite"
    with KB.open(path, create=True) as writer:
        ingest(writer, [source])
    return path


@pytest.fixture(scope="module")
def ingested(ingested_path: Path) -> Any:
    opened = KB.open(ingested_path, readonly=True)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("text", "by"),
    [
        # with a comma after "cho biết"
        ("nguồn vốn đầu tư công sẽ được giải ngân hết trong quý ba", "Giám đốc Sở Tài chính"),
        # without one: the same kind of sentence, the same verdict
        ("các dự án chậm tiến độ sẽ bị điều chuyển vốn sang dự án khác", "ông Sơn"),
    ],
)
def test_reported_speech_verifies_the_same_way_with_or_without_a_comma(
    ingested: Any, text: str, by: str
) -> None:
    r = verify_quote(ingested, text, by=by)
    assert r["verdict"] == "verified"
    assert "reported speech" in r["note"]


def test_a_paraphrase_of_reported_speech_without_a_comma_is_altered(ingested: Any) -> None:
    r = verify_quote(
        ingested, "các dự án chậm tiến độ sẽ bị điều chuyển vốn sang nơi khác", by="Lò Minh Sơn"
    )
    assert r["verdict"] == "altered"
    assert "reported speech" in r["note"]


def test_by_may_name_the_role_in_english() -> None:
    # English-language outlets name offices in English: "Prime Minister" is "Thủ tướng"
    from mickb.query.verify import speaker_matches

    assert speaker_matches("Prime Minister", "Phạm Minh Chính", "Thủ tướng")
    assert speaker_matches("PM Pham Minh Chinh", "Phạm Minh Chính", "Thủ tướng")
    assert speaker_matches("Minister Nguyen Manh Hung", "Nguyễn Mạnh Hùng", "Bộ trưởng")
    assert not speaker_matches("Deputy Prime Minister", "Phạm Minh Chính", "Thủ tướng")
    assert not speaker_matches("Prime Minister", "Nguyễn Mạnh Hùng", "Bộ trưởng")


def test_by_may_name_the_role_or_part_of_the_name(ingested: Any) -> None:
    text = "Chúng tôi sẽ rà soát toàn bộ tài sản công dôi dư trong năm nay"
    for by in ("Cục trưởng", "Khải", "Văn Khải", "Cục trưởng Khải", "Trần Văn Khải"):
        assert verify_quote(ingested, text, by=by)["verdict"] == "verified", by
    for by in ("Phó Cục trưởng", "Hưng", "Giám đốc Sở Tài chính"):
        assert verify_quote(ingested, text, by=by)["verdict"] == "misattributed", by


def test_the_verified_panel_says_where_to_cite_it_from(
    ingested: Any, ingested_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mickb.cli.entry import main

    text = "Chúng tôi sẽ rà soát toàn bộ tài sản công dôi dư trong năm nay"
    record = verify_quote(ingested, text)["quote"]
    with pytest.raises(SystemExit) as exit_info:
        main(["quote", text, "--by", "Cục trưởng Khải", "--db", str(ingested_path)])
    out = " ".join(capsys.readouterr().out.split())
    assert exit_info.value.code == 0
    assert "VERIFIED" in out
    assert "said by Trần Văn Khải, Cục trưởng Cục Quản lý công sản" in out
    assert "Hội nghị ngành tài chính tỉnh" in out and "2024-03-05" in out
    assert record["id"] in out


def test_a_speaker_after_a_long_office_is_verified_by_name_not_misattributed(
    ingested: Any,
) -> None:
    # "Đoàn Chủ tịch" (the presidium) once gave a speaker named "Đoàn Chủ", and --by with the
    # real speaker's name then said misattributed.
    text = "Mặt trận sẽ giám sát đến cùng việc sử dụng tài sản công"
    r = verify_quote(ingested, text, by="Hà Thị Nga")
    assert r["verdict"] == "verified"
    assert r["actual_speaker"] == {
        "name": "Hà Thị Nga",
        "role": "ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam",
    }
    assert verify_quote(ingested, text, by="ủy viên Đoàn Chủ tịch")["verdict"] == "verified"


def test_a_long_quotations_panel_shows_the_part_looked_up() -> None:
    from mickb.cli.render import QUOTE_WINDOW, quote_window

    filler = "các địa phương cần rà soát hạ tầng, đào tạo nhân lực và chia sẻ dữ liệu, "
    sentence = filler * 12 + "trên tinh thần “không để ai đứng ngoài cuộc”, " + filler * 6
    shown, (start, end) = quote_window(sentence, "không để ai đứng ngoài cuộc")
    assert len(shown) <= QUOTE_WINDOW + 4
    assert shown.startswith("… ") and shown.endswith(" …")
    assert shown[start:end] == "không để ai đứng ngoài cuộc"
    # a short sentence shows whole
    short = "Ông nói: “không để ai đứng ngoài cuộc”."
    assert quote_window(short, "không để ai đứng ngoài cuộc")[0] == short


def test_piped_check_and_quote_print_plain_lines_that_paste(
    ingested: Any, ingested_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # captured output is no terminal: no box, no wrapping, a Cite line whole on one line
    from mickb.cli.entry import main

    text = "Chúng tôi sẽ rà soát toàn bộ tài sản công dôi dư trong năm nay"
    record = verify_quote(ingested, text)["quote"]
    with pytest.raises(SystemExit):
        main(["quote", text, "--db", str(ingested_path)])
    out = capsys.readouterr().out
    assert "│" not in out and "╭" not in out
    assert out.splitlines()[0].startswith("VERIFIED\t")
    cite = [line for line in out.splitlines() if line.startswith("Cite: ")]
    assert len(cite) == 1 and cite[0].endswith(record["id"])
