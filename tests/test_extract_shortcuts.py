"""The speed shortcuts of extract/context.py and extract/metric.py give the answers of the code
they stand in for.

Each shortcut rests on a fact about Python's case tables or about the patterns it guards, which
its comment states; each test here checks one such fact (over every character where the comment
says so) or compares a shortcut's answers with the unguarded code's on sentences, and fails
when the fact stops holding: a pattern gains a letter, a guard loses a word, a new Python
changes its Unicode tables.
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from mickb.ingest.extract import context, metric
from mickb.ingest.split import split_text

# Every code point, surrogates included (str holds them, and so can a decoded document).
ALL = "".join(map(chr, range(sys.maxunicode + 1)))
ODD = frozenset(context._ODD_CASE)

# The seed article, read at test time: the first copy that exists.
_SEED_PATHS = (
    Path("/work/shared/seed/000_8e6147a0301236b6.txt"),
    Path(__file__).resolve().parent.parent / "data" / "sources" / "000_8e6147a0301236b6.txt",
)


def _letters(*texts: str) -> str:
    """The letters of patterns and words, each once (those of regex syntax too: harmless)."""
    return "".join(sorted({c for t in texts for c in t if c.isalpha()}))


@cache
def _mates(letter: str) -> frozenset[str]:
    """Every character IGNORECASE equates with `letter`, found by the regex engine itself."""
    return frozenset(re.findall(re.escape(letter), ALL, re.IGNORECASE))


def _mismatched_mates(letters: str) -> dict[str, list[str]]:
    """The characters, outside _ODD_CASE, that IGNORECASE equates with a letter but that
    lower-case to something else (a guard that looks for the letter in lower-cased text
    would miss a match of the pattern)."""
    bad = {}
    for letter in letters:
        wrong = sorted(c for c in _mates(letter) - ODD if c.lower() != letter.lower())
        if wrong:
            bad[letter] = wrong
    return bad


# The letters each shortcut relies on.
_PERIOD_GUARD_LETTERS = _letters(
    *(p.pattern for p, _ in context._PERIOD_PATTERNS),
    *(w for words, _ in context._PERIOD_GUARDS.values() for w in words),
    *(c.pattern for _, c in context._PERIOD_GUARDS.values() if c is not None),
    context._NO_DIGIT_PERIOD_RE.pattern,
    *context.NO_DIGIT_PERIOD_WORDS,
)
_COMPARISON_LETTERS = _letters(
    context._COMPARE_RE.pattern,
    context._TIMES_COMPARE_RE.pattern,
    context._COMPARE_EN_RE.pattern,
    *metric._COMPARISON_WORDS,
)
_RAISE_LETTERS = _letters(*metric._RAISE_VERBS)


def _twins() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """metric's lower-case twins by name, each with its IGNORECASE pattern: the same text
    without the flag. Found by looking, so that a twin added later is checked too."""
    found = {k: v for k, v in vars(metric).items() if isinstance(v, re.Pattern)}
    return {
        name: (p, t)
        for name, t in found.items()
        if not t.flags & re.IGNORECASE
        for p in found.values()
        if p is not t and p.flags & re.IGNORECASE and p.pattern == t.pattern
    }


TWINS = _twins()
_TWIN_LETTERS = _letters(*(p.pattern for p, _ in TWINS.values()))


def test_twins_are_found() -> None:
    # (the checks below over TWINS would pass vacuously on an empty list)
    names = {p.pattern for p, _ in TWINS.values()}
    for p in (metric._TRIGGER_RE, metric._INTRO_RE, metric._SUBORDINATE_RE, metric._RIGHT_STOP):
        assert p.pattern in names


# --- over every character ----------------------------------------------------------------------


@cache
def _lowered() -> dict[str, str]:
    """Every character that lower-casing changes, with what it becomes (the others are their
    own lower case, which changes neither their length nor their class)."""
    return {c: low for c in ALL if (low := c.lower()) != c}


def test_lower_casing_keeps_length_but_for_odd_case() -> None:
    # context.py: "İ (two characters lower-cased)"; metric.py: "lower-casing keeps the text's
    # length: every character lowers to one character"
    longer = [c for c, low in _lowered().items() if len(low) != 1 and c not in ODD]
    assert [f"U+{ord(c):04X}" for c in longer] == []


@pytest.mark.parametrize(
    "letters",
    [
        pytest.param(_PERIOD_GUARD_LETTERS, id="period-guards"),
        pytest.param(_COMPARISON_LETTERS, id="comparison-guards"),
        pytest.param(_RAISE_LETTERS, id="strip_raise"),
        pytest.param(_TWIN_LETTERS, id="lower-twins"),
    ],
)
def test_ignorecase_equates_a_letter_only_with_what_lowers_to_it(letters: str) -> None:
    # context.py: "Every character that IGNORECASE equates with a letter here lower-cases to
    # that one letter, except dotless ı, long ſ ... and İ"; metric.py strip_raise: "IGNORECASE
    # equates their letters with no character that lower-cases to another, but for
    # context._ODD_CASE's"
    assert len(letters) >= 10  # (the letters were found)
    assert _mismatched_mates(letters) == {}


def test_ignorecase_equates_a_twin_letter_with_all_that_lowers_to_it() -> None:
    # metric.py: IGNORECASE equates each character of the pattern with *exactly* the
    # characters that lower-case to it: a character that lowers to a letter of a twin but that
    # the original pattern does not equate with it would give the twin a match of its own.
    targets = {c.lower() for c in _TWIN_LETTERS}
    lowering_to: dict[str, set[str]] = {t: {t} for t in targets}
    for c, low in _lowered().items():
        if low in lowering_to:
            lowering_to[low].add(c)
    missed = {t: sorted(chars - _mates(t) - ODD) for t, chars in lowering_to.items()}
    assert {t: m for t, m in missed.items() if m} == {}


def test_lower_casing_keeps_word_space_and_digit_classes() -> None:
    # metric.py: "lower-casing changes no character's \w or \s"; context.py: "Whitespace,
    # digits and dashes are their own lower case" (its guards read \s, \d, [^\W\d] and dashes
    # in lower-cased text)
    for cls in (r"\w", r"\s", r"\d"):
        members = frozenset(re.findall(cls, ALL))
        changed = [
            f"U+{ord(c):04X}"
            for c, low in _lowered().items()
            if c not in ODD and (c in members) != (low in members)
        ]
        assert changed == [], cls
    for c in re.findall(r"[\s\d\-–]", ALL):
        assert c.lower() == c, f"U+{ord(c):04X}"


def test_rstrip_strips_exactly_what_backslash_s_matches() -> None:
    # metric.clean_np: _DASH_END_RE (\s*[-–]\s*$) is tried only when s.rstrip() ends with a
    # dash, "which rstrip() strips as \s matches it"
    assert frozenset(re.findall(r"\s", ALL)) == frozenset(c for c in ALL if not c.rstrip())


def test_dash_end_pattern_matches_when_rstrip_ends_with_a_dash() -> None:
    spaces = re.findall(r"\s", ALL)
    endings = ["", "x", ".", ",", "-", "–", "—", "- x", "-x", "–1"]
    endings += [s for c in spaces for s in (c, "-" + c, "– " + c + c, c + "-", "x" + c)]
    for end in endings:
        s = "tổng doanh thu dịch vụ " + end
        assert bool(metric._DASH_END_RE.search(s)) == s.rstrip().endswith(("-", "–")), repr(s)


def test_has_odd_case_looks_for_each_character_of_odd_case() -> None:
    # context.has_odd_case spells _ODD_CASE's characters out one by one
    for c in context._ODD_CASE:
        assert context.has_odd_case(f"Doanh thu quý {c} tăng")
    others = ALL
    for c in ODD:
        others = others.replace(c, "")
    assert len(others) == len(ALL) - len(ODD)
    assert not context.has_odd_case(others)


# --- shortcuts against the code they stand in for ----------------------------------------------

# Sentences in the style of sector reports, with and without digits, in every case.
SENTENCES = [
    "Nửa đầu năm nay, doanh thu dịch vụ bưu chính của tỉnh tăng khá so với cùng kỳ.",
    "NỬA CUỐI NĂM, các nhà mạng sẽ đẩy mạnh phủ sóng tới vùng sâu, vùng xa.",
    "Trong quý IV, Sở dự kiến cấp thêm giấy phép cho các cơ quan báo chí địa phương.",
    "Quý khách vui lòng kiểm tra lại địa chỉ người nhận trước khi gửi bưu phẩm.",
    "Quý II vừa qua ghi nhận số vụ lừa đảo trực tuyến giảm rõ rệt.",
    "QUÝ iii, lượng thuê bao chuyển mạng giữ số tăng nhẹ.",
    "Từ tháng Tư, trung tâm sẽ vận hành hệ thống giám sát an toàn thông tin mạng.",
    "Tháng Giêng hằng năm, lượng bưu gửi tăng mạnh dịp cận Tết.",
    "Tháng Mười một, chương trình đưa sóng về thôn bản được khởi động.",
    "Theo lãnh đạo Sở, trong tháng này các đơn vị phải hoàn thành báo cáo.",
    "Cả năm, ngành xuất bản phát hành hàng trăm triệu bản sách các loại.",
    "Trọn năm qua, lực lượng chức năng đã gỡ bỏ nhiều trang tin giả mạo.",
    "TRỌN NĂM, CÁC NHÀ MẠNG ĐÃ DỪNG HẲN CÔNG NGHỆ CŨ.",
    "Năm ngoái, tỷ lệ hộ gia đình có cáp quang còn thấp ở khu vực miền núi.",
    "Nhiều năm qua, doanh nghiệp công nghệ số trong nước không ngừng lớn mạnh.",
    "Năm tới, Bộ sẽ ưu tiên nguồn lực cho chuyển đổi số cấp xã.",
    "năm nay, năm qua và năm tới đều là những năm bản lề của kinh tế số.",
    "Chiếc mũ bảo hiểm nửa đầu không che được phần hàm của người đội.",
    "Nửa cuối năm ngoái, thị trường quảng cáo trực tuyến chững lại.",
    "Về lâu dài, kinh tế số phải chiếm tỷ trọng lớn hơn trong nền kinh tế của tỉnh.",
    "Doanh thu 9 tháng đầu năm 2023 ước đạt 2,5 triệu tỷ đồng, tăng 8% so với cùng kỳ năm 2022.",
    "Quý III/2023, lợi nhuận trước thuế của doanh nghiệp đạt 410 tỷ đồng.",
    "Giai đoạn 2021 - 2025, tỉnh phấn đấu đưa tỷ lệ người dùng điện thoại thông minh lên 85%.",
    "Từ năm 2019 đến năm 2022, số thuê bao băng rộng cố định tăng gấp đôi năm 2018.",
    "Theo Quyết định số 215/QĐ-UBND ngày 12/4/2021, trạm BTS phải được kiểm định định kỳ.",
    "Trong tháng 3/2024, cơ quan chức năng đã xử lý 1.240 trang tin vi phạm.",
    "Năm 2015 và 2016, sản lượng bưu gửi tăng trên 20% mỗi năm.",
    "Ông Trần Văn Bình (sinh năm 1971) cho biết 6 tháng qua đơn vị đã tuyển 120 kỹ sư.",
    "Nửa đầu 2023, chỉ số DESI 2021 của tỉnh được cải thiện đáng kể.",
    "Sau 2 năm qua, mạng 5G đã phủ sóng tại 63 tỉnh, thành phố.",
    "Tháng Tư năm 2017, Bộ ban hành thông tư mới về quản lý tần số vô tuyến điện.",
    "Lũy kế cả năm 2022, doanh thu toàn ngành đạt 138.000 tỷ đồng.",
    "Hết ngày 31/12/2016, cả nước có khoảng 120 triệu thuê bao di động.",
    "Quý 2 năm 2024, sản lượng sách in giảm 5% so với quý trước.",
    "6 tháng cuối năm, doanh nghiệp dự kiến thu về 1.200 tỷ đồng.",
    "Revenue rose 12% compared with 2021, reaching 3.2 billion USD in 2022.",
    "Dịch vụ dữ liệu di động tăng gấp 3 lần so với năm 2020.",
    # characters of _ODD_CASE, which take the unguarded path
    "Quý İV, doanh thu tăng ſo với quý trước.",
    "Nửa đầu năm, thuê bao ıPhone chiếm 30%.",
]

# Words that periods and comparisons are made of (and some that only look like them), in
# different cases, to put together at random: many of the combinations read no period.
_WORDS = (
    "nửa Nửa NỬA đầu Đầu cuối CUỐI năm Năm NĂM nay ngoái qua tới Tới quý Quý QUÝ I II III IV "
    "iv Iv tháng Tháng THÁNG Tư Giêng Chạp Mười một Hai cả Cả trọn TRỌN doanh thu tăng so với "
    "cùng kỳ nhiều hai mũ khách từ đến gấp đôi sinh ngày trước kế hoạch , . - / 2023 2022 "
    "1999 6 9 12/4/2021 3/2024 2021-2025 15% than from over the last year"
).split()


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(_WORDS, k=rng.randint(2, 9))) for _ in range(n)]


def _seed_sentences() -> list[str]:
    for path in _SEED_PATHS:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            return [text[a:b] for line in text.splitlines() for a, b in split_text(line)]
    return []


def _shortcut_answers(sentences: list[str]) -> list[tuple[object, ...]]:
    """For each sentence: the periods as the extractor reads them (the no-digit shortcut for
    a sentence without a digit), as the guards alone read them, and the comparisons."""
    context._comparisons.cache_clear()
    return [
        (
            context.sentence_periods(s, context._DIGIT_RE.search(s) is not None),
            context.sentence_periods(s, True),
            tuple(context.comparisons(s)),
        )
        for s in sentences
    ]


def test_sentences_include_every_period_kind_without_a_digit() -> None:
    # (the comparisons below test the no-digit shortcut only if these sentences need it)
    kinds = {
        m.kind
        for s in SENTENCES
        if not re.search(r"\d", s)
        for m in context.sentence_periods(s, True)
    }
    assert kinds >= {"half", "quarter", "month_name", "whole_year", "relative"}


def test_no_digit_shortcut_and_guards_read_the_periods_of_the_unguarded_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # context.py: _NO_DIGIT_PERIOD_RE and NO_DIGIT_PERIOD_WORDS agree with the guards (a
    # sentence without a digit, a period of none of "năm", "tháng", "quý", "nửa" ... none at
    # all), and the guards with the patterns they spare
    seed = _seed_sentences()
    assert seed or not any(p.exists() for p in _SEED_PATHS)
    sentences = SENTENCES + _generated(3000, seed=2024) + seed
    guarded = _shortcut_answers(sentences)
    context._comparisons.cache_clear()
    monkeypatch.setattr(context, "has_odd_case", lambda text: True)
    try:
        plain = [
            (context.sentence_periods(s, True), tuple(context.comparisons(s))) for s in sentences
        ]
    finally:
        monkeypatch.undo()
        context._comparisons.cache_clear()
    found = 0
    for s, (with_shortcut, guards_only, compared), (every, every_compared) in zip(
        sentences, guarded, plain, strict=True
    ):
        assert with_shortcut == every, s
        assert guards_only == every, s
        assert compared == every_compared, s
        found += bool(every)
    assert found > 100  # (the sentences do name periods)


def _unguarded_strip_raise(s: str) -> str:
    m = metric._RAISE_RE.match(s)
    return s[m.end() :].strip() if m else s


def test_strip_raise_guard_reads_as_the_pattern() -> None:
    # metric.strip_raise skips _RAISE_RE when no raising verb is in the lower-cased text
    sentences = SENTENCES + [
        "Tỉnh phấn đấu nâng tỷ lệ phủ sóng 4G lên 99% vào cuối năm.",
        "Bộ sẽ ĐẨY tốc độ băng rộng di động lên 100 Mbps.",
        "Doanh nghiệp cần Hạ giá cước xuống mức hợp lý.",
        "KÉO tỷ lệ hộ dùng cáp quang lên 80%",
        "đưa 80% dịch vụ công lên môi trường mạng",
        "Giá cước không đổi trong suốt năm qua.",
        "Bộ ſẽ nâng mức hỗ trợ lên 2 triệu đồng.",
    ]
    stripped = 0
    for s in sentences + _seed_sentences():
        assert metric.strip_raise(s) == _unguarded_strip_raise(s), s
        stripped += metric.strip_raise(s) != s
    assert stripped >= 5


@pytest.mark.parametrize("name", sorted(TWINS))
def test_lower_twins_find_what_their_patterns_find(name: str) -> None:
    # metric.search_ci / finditer_ci: a match's positions are the text's
    pattern, twin = TWINS[name]
    texts = SENTENCES + [s.upper() for s in SENTENCES] + _seed_sentences()
    texts += ["DOANH THU ĐẠT 5 TỶ ĐỒNG, TĂNG 3% ſO VỚI NĂM TRƯỚC", "İ Doanh thu đạt 7 tỷ đồng"]
    for s in texts:
        expected = [m.span() for m in pattern.finditer(s)]
        assert [m.span() for m in metric.finditer_ci(pattern, twin, s)] == expected, s
        first = metric.search_ci(pattern, twin, s)
        assert (first.span() if first else None) == (expected[0] if expected else None), s
