"""The shortcuts of numbers.find_numbers read numbers exactly as the plain rules they stand for.

find_numbers skips a check where the words it needs are absent (a sentence without "tuổi"
never asks for an age), tries a word list only where one of its words starts, and folds text
through a 256-slot byte code. Each test compares a shortcut with the plain rule on generated
text, so a word added to a list later that breaks a shortcut's assumption fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from mickb.text import numbers
from mickb.text.numbers import (
    _AGE_AFTER_RE,
    _ALL_CLUES,
    _CURRENCIES_BY_HEAD,
    _CURRENCY_PREFIXES,
    _DATE_WORDS,
    _DIGIT_RE,
    _DOC_CLUES,
    _DOC_WORDS,
    _EXACT_TOKEN_RE,
    _LABEL_WORDS,
    _MAY_HOLD_URL_RE,
    _NOUN_PREFIXES,
    _NOUNS_BY_HEAD,
    _NUM_RE,
    _PERCENT_START_RE,
    _PERCENT_WORDS,
    _PERIOD_WORDS,
    _RANK_WORDS,
    _SCALE_PREFIXES,
    _SCALES_BY_HEAD,
    _TET_RE,
    _VI_LETTERS,
    _WORD_CLUES,
    _clues,
    _decimals,
    _fold_char,
    _fold_same_length,
    _letter_mask,
    _may_end_with,
    _may_end_with_exact,
    _may_hold_url,
    _prev_words,
    _read_digits,
    _slots,
    _window_language,
    find_numbers,
    parse_number,
)

# Pieces of report text, with the words each shortcut is about, in several spellings.
_PIECES = (
    "Năm 2022",
    "năm 2021,",
    "NĂM 2020",
    "tháng 9/2023",
    "ngày 6.2.2017",
    "sáng 7-7",
    "quý III/2023",
    "quý 2",
    "thứ 3",
    "Thứ 2",
    "đứng thứ 5",
    "hạng 4",
    "top 10",
    "Top 5",
    "khóa 12",
    "khoá 9",
    "Quyết định số 505",
    "505/QĐ-TTg",
    "Luật 2013",
    "theo Nghị định 13/2023/NĐ-CP",
    "Điều 5",
    "giai đoạn 2",
    "vòng thi 3",
    "quận 1",
    "Binh đoàn 15, 16",
    "số nhà 12",
    "mức 2-3%",
    "18 tuổi",
    "độ tuổi 25",
    "25 years old",
    "aged 30 years old",
    "29 Tết",
    "mùng 7 Tết",
    "Tết 2023",
    "22:30",
    "8h30",
    "ASEAN 4",
    "Snapdragon 400 (tầm trung)",
    "phường Mỹ Đình 2 Lưu",
    "Mega 6/45",
    "cách mạng 4.0",
    "3 năm",
    "trong 9 tháng",
    "từ 8% trở lên",
    "138.000 tỷ đồng",
    "3.893.595 tỷ đồng",
    "12,7%",
    "2.152/2.418 điểm",
    "18-20%",
    "4 - 5 triệu người",
    "1.510.027 lao động",
    "70.000 doanh nghiệp",
    "350km",
    "$148 billion",
    "US$ 5 million",
    "5 USD",
    "3 đồng chí",
    "1,2 tỷ lệ",
    "hơn 500 thuê bao",
    "gần 3,9 triệu",
    "ước đạt khoảng 40%",
    "tăng 12 điểm phần trăm",
    "5 percentage points",
    "www.mic.gov.vn",
    "WWW.Example.com",
    "info@mic.gov.vn",
    "https://vnexpress.net/a-1.html",
    "ict.VN",
    "2022-12-18",
    "5G",
    "Covid-19",
    "IPv6",
    "(2022)",
    "đầu tư 500 tỷ",
    "từ 17-6",
    "14/15 chỉ tiêu",
    "18/12",
    "hôm qua 6/2 Cục",
    "Doanh thu",
    "đạt",
    "là",
    "và",
    "Việt Nam",
    "VNPT",
    "the revenue of",
    "more than 20",
    "İstanbul 3",
    "Σ 4",
    "ſ",
    "K",
)
_SEPARATORS = st.sampled_from((" ", " ", " ", ", ", ". ", "; ", ": ", "\n", " - ", "(", ") ", "/"))
report_text = st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=12).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)


@contextmanager
def _plain_rules() -> Iterator[None]:
    """find_numbers with every word test answering "maybe": each check runs, as the plain rules."""
    saved = {
        name: getattr(numbers, name)
        for name in ("_clues", "_may_end_with", "_may_end_with_exact", "_may_hold_url")
    }
    numbers._clues = lambda text, folded: _ALL_CLUES  # type: ignore[assignment]
    numbers._may_end_with = lambda folded, pos, clues: True  # type: ignore[assignment]
    numbers._may_end_with_exact = lambda head: True  # type: ignore[assignment]
    numbers._may_hold_url = lambda text: bool(_MAY_HOLD_URL_RE.search(text))  # type: ignore[assignment]
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(numbers, name, value)


@settings(max_examples=400)
@given(report_text)
def test_find_numbers_reads_as_with_every_check_run(text: str) -> None:
    fast = find_numbers(text, include_context=True)
    with _plain_rules():
        plain = find_numbers(text, include_context=True)
    assert fast == plain


@given(report_text)
def test_sentence_clues_hold_wherever_a_check_needs_their_word(text: str) -> None:
    folded = _fold_same_length(text)
    clues = _clues(text, folded)
    for s in range(len(text) + 1):
        exact = _EXACT_TOKEN_RE.findall(text[max(0, s - 16) : s].lower())
        if exact and exact[-1] in _RANK_WORDS:
            assert clues.rank
        words = _prev_words(folded, s, 4)
        if words and (words[-1] == "tuoi" or " ".join(words).endswith("do tuoi")):
            assert clues.age
        if _AGE_AFTER_RE.match(folded, s):
            assert clues.age
        if _TET_RE.match(text[s : s + 6]):
            assert clues.tet


@given(report_text)
def test_word_before_a_number_is_read_only_where_it_may_be_a_clue(text: str) -> None:
    folded = _fold_same_length(text)
    last_words = set(_PERIOD_WORDS + _DATE_WORDS + ("nam", "year", "fy", "tuoi"))
    for s in range(len(text) + 1):
        words = _prev_words(folded, s, 4)
        joined = " ".join(words)
        if joined.endswith(_DOC_WORDS):
            assert _may_end_with(folded, s, _DOC_CLUES)
        if words and (words[-1] in last_words or joined.endswith("do tuoi")):
            assert _may_end_with(folded, s, _WORD_CLUES)
        head = text[max(0, s - 16) : s].lower()
        exact = _EXACT_TOKEN_RE.findall(head)
        last_two = " ".join(exact[-2:])
        marked = {"thứ", "số", "no.", "#", "hạng", "top", "khóa", "khoá"}
        if exact and (
            exact[-1] in marked
            or exact[-1] in _LABEL_WORDS
            or last_two in _LABEL_WORDS
            or last_two in ("giai đoạn", "vòng thi")
        ):
            assert _may_end_with_exact(head)


@given(report_text, st.integers(0, 200))
def test_word_lists_are_tried_wherever_one_of_their_words_starts(text: str, q: int) -> None:
    folded = _fold_same_length(text)
    q = min(q, len(text))
    head = folded[q : q + 2]
    for by_head, prefixes in (
        (_NOUNS_BY_HEAD, _NOUN_PREFIXES),
        (_SCALES_BY_HEAD, _SCALE_PREFIXES),
        (_CURRENCIES_BY_HEAD, _CURRENCY_PREFIXES),
    ):
        starts = any(folded.startswith(w.key, q) for w in by_head.get(head, ()))
        assert starts == bool(head in prefixes and prefixes[head].match(folded, q))
    starts = any(folded.startswith(w, q) for w in _PERCENT_WORDS)
    assert starts == bool(_PERCENT_START_RE.match(folded, q))


@given(report_text | st.text(max_size=40))
def test_quick_tests_on_a_sentence_answer_as_the_patterns_do(text: str) -> None:
    assert _may_hold_url(text) == bool(_MAY_HOLD_URL_RE.search(text))
    assert bool(_DIGIT_RE.search(text)) == bool(_NUM_RE.search(text))


@given(st.lists(st.sampled_from("0123456789.,٣"), min_size=1, max_size=14).map("".join))
def test_digits_read_together_read_as_parse_number(s: str) -> None:
    m = _NUM_RE.match(s)
    if m:
        for lang in (None, "vi", "en"):
            digits = m.group(0)
            plain = (parse_number(digits, lang), _decimals(digits, lang))
            assert _read_digits(digits, lang) == plain


def test_folding_through_the_slots_folds_every_character_as_fold_char() -> None:
    # A character is folded as its lower-case form wherever that form has a slot (Σ lowers by
    # context, to letters without a slot)
    slots = set(_slots().chars)
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if len(low) == 1 and low in slots and ch != "\u03a3":
            assert _fold_char(ch) == _fold_char(low), hex(code)


_SLOT_EDGES = "AaĐđƯưẠạ“”–…\u00a0ſKİıΣσ€\u20ac가ＡⱥȺ٣"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SLOT_EDGES) | st.characters(), max_size=40))
def test_slot_code_folds_and_masks_as_the_plain_rules(text: str) -> None:
    assert _fold_same_length(text) == "".join(_fold_char(ch) for ch in text)
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        plain = "".join(
            " " if not ch.isalnum() or ch.isdecimal() else "v" if ch in _VI_LETTERS else "a"
            for ch in low
        )
        assert _letter_mask(text) == plain


@given(report_text, st.integers(0, 200), st.integers(0, 200))
def test_window_words_are_counted_as_split_counts_them(text: str, a: int, n: int) -> None:
    mask = _letter_mask(text)
    if mask is None:
        return
    a = min(a, len(text))
    part = mask[a : a + n]
    words = len(part.split())
    marked = len(part.replace("a", "").split())
    if marked and marked >= max(1, words // 5):
        assert _window_language(text, a, a + n) == (False, True)
    else:
        assert _window_language(text, a, a + n)[1] == (marked > 0)


def test_a_number_after_a_clue_word_is_still_context() -> None:
    # what the sentences say: a rank, an age, a holiday date, a law and a year are not figures
    text = "Đứng thứ 3 khu vực, người lao động 25 tuổi, nghỉ 29 Tết theo Luật 2013 năm 2022."
    found = {m.text: m.context for m in find_numbers(text, include_context=True)}
    assert found == {"3": "ordinal", "25": "age", "29": "date", "2013": "document", "2022": "year"}
