"""The extractor's shortcuts read text exactly as the plain rules they stand for.

Reading figures fast takes shortcuts: a word list tried only where its first letters stand, a
pattern tried only where the words it needs occur, answers remembered per sentence. Each test
below compares a shortcut with the plain rule (written out here) on generated text, so a word
or pattern added later that breaks a shortcut's assumption fails here, not silently in a KB.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from mickb.ingest.extract import context, figures
from mickb.ingest.extract.figures import extract_figures
from mickb.records import Document, Passage, Sentence, SourceMeta
from mickb.text.glossary import is_english
from mickb.text.numbers import (
    _CURRENCIES_BY_HEAD,
    _CURRENCY_WORDS,
    _MAY_HOLD_URL_RE,
    _NOUNS,
    _NOUNS_BY_HEAD,
    _SCALE_WORDS,
    _SCALES_BY_HEAD,
    _URL_RE,
    _VI_LETTERS,
    _fold_char,
    _fold_same_length,
    _letter_mask,
    _vocab_at,
    _window_language,
    _word,
)

# Pieces of report text, and of the words each shortcut is about, in several spellings.
_PIECES = (
    "Năm 2022",
    "năm 2021",
    "6 tháng đầu năm 2023",
    "9 tháng năm",
    "nửa đầu năm",
    "NỬA CUỐI 2023",
    "quý IV",
    "Quý 3 năm 2021",
    "quý III/2023",
    "tháng 9/2023",
    "THÁNG 12 NĂM 2020",
    "2016-2020",
    "2019 – 2020",
    "so với năm 2021",
    "so với cùng kỳ",
    "so sánh",
    "from 2021",
    "compared with last year",
    "than in 2019",
    "doanh thu",
    "dịch vụ viễn thông",
    "bưu chính",
    "Bưu Chính",
    "an toàn thông tin",
    "kinh tế số",
    "đạt",
    "ước tính",
    "tăng",
    "TĂNG",
    "giảm",
    "tăng trưởng bình quân",
    "lần lượt là",
    "khoảng",
    "(trên",
    "“có",
    "đã,",
    "138.000 tỷ đồng",
    "12,3%",
    "45.123 người",
    "trạm",
    "trăm",
    "lao động",
    "$148 billion",
    "revenue reached",
    "the",
    "of",
    "quy mô",
    "số",
    "www.mic.gov.vn",
    "a@b.vn",
    "http://x.com/1",
    "ſo",
    "ıv",
    "İ",
    "Σ",
    "x²",
    "\u00a0",
    "\n",
    ",",
    ";",
    ".",
)
_SEPARATORS = st.sampled_from([" ", " ", "", ", ", "  ", "\t", "\n", "\u00a0"])
report_text = st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=14).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def _plain_comparisons(text: str) -> list[context.Mention]:
    """comparisons() as the plain rule: both patterns tried on the whole text."""
    out = []
    for m in context._COMPARE_EN_RE.finditer(text):
        what = " ".join(m.group("what").split())
        year = re.search(context._YEAR, what)
        value = f"năm {year.group(0)}" if year else what
        out.append(context.Mention(m.start(), m.end(), m.group(0), value, bool(year)))
    for m in context._COMPARE_RE.finditer(text):
        what = " ".join(m.group("what").split())
        year = re.fullmatch(r"(?:năm\s+)?(" + context._YEAR + r")", what, context._F)
        value = f"năm {year.group(1)}" if year else what
        if value:
            has_year = bool(re.search(context._YEAR, what))
            out.append(context.Mention(m.start(), m.end(), m.group(0), value, has_year))
    return out


def _plain_periods(text: str) -> list[context.Mention]:
    """periods() as the plain rule: every pattern tried on the whole text."""
    taken = [(c.start, c.end) for c in _plain_comparisons(text)]
    out = []
    for pattern, kind in context._PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            if kind == "months" and not re.match(
                r"\d{1,2}\s+tháng\s+(?:đầu|cuối|năm)", m.group(0), context._F
            ):
                continue
            value, has_year = context._normalise(kind, m)
            out.append(context.Mention(m.start(), m.end(), m.group(0), value, has_year))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


@settings(max_examples=300)
@given(report_text)
def test_periods_and_comparisons_are_found_as_the_plain_rule_finds_them(text: str) -> None:
    assert context.comparisons(text) == _plain_comparisons(text)
    assert context.periods(text) == _plain_periods(text)


@given(report_text)
def test_sector_is_the_name_written_first(text: str) -> None:
    low = text.lower()
    found = [(low.find(words.lower()), i) for i, (words, _) in enumerate(context.SECTORS)]
    found = [f for f in found if f[0] >= 0]
    expected = context.SECTORS[min(found)[1]][1] if found else None
    assert context.sector_of(text) == expected


@given(report_text)
def test_trailing_and_change_words_are_read_as_the_patterns_read_them(text: str) -> None:
    assert figures._strip_trailing(text) == figures._TRAILING.sub("", text)
    fast = figures._search_at_end(figures._CHANGE_RE, figures._CHANGE_VOCABULARY, text)
    plain = figures._CHANGE_RE.search(text)
    assert (fast and fast.span()) == (plain and plain.span())


@given(report_text, st.integers(0, 200), st.integers(0, 200))
def test_language_of_a_window_is_read_as_is_english_reads_it(text: str, a: int, n: int) -> None:
    a = min(a, len(text))
    window = text[a : a + n]
    expected = (is_english(window), not _VI_LETTERS.isdisjoint(window.lower()))
    assert _window_language(text, a, a + n) == expected


@given(st.text(max_size=60))
def test_folding_keeps_one_character_for_one(text: str) -> None:
    assert _fold_same_length(text) == "".join(_fold_char(ch) for ch in text)


# Characters at the edges of the blocks the list tables serve, and past them: Georgian
# capitals and "Ⱥ" lower-case to letters outside them, Hangul and fullwidth letters decompose
# or lower-case, "İ" lower-cases to two characters.
_EDGE_CHARS = "AaĐđƔȺȾɐ\u0300\u0370ΣḀỹἀ\u2000“”–€\u20d0ႠⴀÅ가ＡｚİıſẞßŒ"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_EDGE_CHARS) | st.characters(), max_size=40))
def test_list_tables_read_every_character_as_the_plain_rules_do(text: str) -> None:
    assert _fold_same_length(text) == "".join(_fold_char(ch) for ch in text)
    mask = _letter_mask(text)
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        plain = "".join(
            " " if not ch.isalnum() or ch.isdecimal() else "v" if ch in _VI_LETTERS else "a"
            for ch in low
        )
        assert mask == plain
    else:
        assert mask is None


def test_list_tables_leave_characters_past_their_blocks_to_the_plain_rules() -> None:
    # "Ⴀ" (Georgian capital) lower-cases to "ⴀ", past the tables; "가" decomposes; "Ａ"
    # lower-cases to "ａ"
    assert _fold_same_length("Ⴀ가Ａ đồng") == "".join(_fold_char(ch) for ch in "Ⴀ가Ａ đồng")
    assert _letter_mask("Ⴀ đồng") == "a vvaa"  # a letter, then đ and ồ are Vietnamese


@given(report_text)
def test_sector_is_the_name_found_first_as_a_find_per_name_finds_it(text: str) -> None:
    low = text.lower()
    found = [(low.find(w.lower()), k) for k, (w, _) in enumerate(context.SECTORS)]
    at = [(i, k) for i, k in found if i >= 0]
    expected = context.SECTORS[min(at)[1]][1] if at else None
    assert context.sector_of.__wrapped__(text) == expected


@given(report_text)
def test_url_test_never_misses_a_url(text: str) -> None:
    if _URL_RE.search(text):
        assert _MAY_HOLD_URL_RE.search(text)


@given(report_text, st.integers(0, 200))
def test_unit_words_are_found_as_a_scan_of_the_whole_list_finds_them(text: str, q: int) -> None:
    folded = _fold_same_length(text)
    q = min(q, len(text))
    lists = (
        ([_word(k, w) for k, w in _NOUNS], _NOUNS_BY_HEAD),
        ([_word(k, w) for k, w in _SCALE_WORDS], _SCALES_BY_HEAD),
        ([_word(k, w, c) for k, w, c in _CURRENCY_WORDS], _CURRENCIES_BY_HEAD),
    )
    for marked in (False, True):
        for words, by_head in lists:
            every = [(w, _vocab_at(text, folded, q, w, marked)) for w in words]
            grouped = [
                (w, _vocab_at(text, folded, q, w, marked))
                for w in by_head.get(folded[q : q + 2], ())
            ]
            assert [x for x in every if x[1] > 0] == [x for x in grouped if x[1] > 0]


def test_answers_remembered_for_one_caller_are_not_changed_by_another() -> None:
    text = "Năm 2022, doanh thu đạt 138.000 tỷ đồng, tăng 12% so với năm 2021."
    first = context.periods(text)
    first.clear()  # a caller may change the list it is given
    assert [p.value for p in context.periods(text)] == ["2022"]
    assert [c.value for c in context.comparisons(text)] == ["năm 2021"]


def _document(paragraphs: list[str], date: str) -> Document:
    passages, sentences = [], []
    for i, para in enumerate(paragraphs):
        passages.append(Passage(i, "body", para, 0, len(para)))
        for m in re.finditer(r".+?\.(?=\s|$)", para):  # a sentence ends at ". "
            text = m.group(0).strip()
            start = para.index(text, m.start())
            sentences.append(Sentence(i, len(sentences), text, start, start + len(text)))
    meta = SourceMeta(title="t", date=date)
    return Document(meta, "\n\n".join(paragraphs), passages, sentences, "0" * 64)


def test_a_report_reads_the_same_whatever_was_read_before_it() -> None:
    a = _document(
        [
            "Năm 2019, doanh thu dịch vụ bưu chính của đơn vị ước đạt 3.450 tỷ đồng, tăng 12,3% "
            "so với năm 2018. Số lao động là 4.512 người.",
            "Trong 6 tháng đầu năm, lợi nhuận đạt 210 tỷ đồng.",
        ],
        "2019-07-01",
    )
    b = _document(
        [
            "Năm 2023, doanh thu dịch vụ bưu chính của đơn vị ước đạt 5.100 tỷ đồng, tăng 8% so "
            "với năm 2022. Số lao động là 4.512 người.",
        ],
        "2023-12-30",
    )
    alone = [asdict(f) for f in extract_figures(a)]
    extract_figures(b)
    assert [asdict(f) for f in extract_figures(a)] == alone
    # what the text says: three figures of 2019, then the first half of the same year
    assert [(f["value_text"], f["period"]) for f in alone] == [
        ("3.450 tỷ đồng", "2019"),
        ("12,3%", "2019"),
        ("4.512 người", "2019"),
        ("210 tỷ đồng", "6 tháng đầu năm 2019"),
    ]


# Every letter the lower-cased guards of periods(), comparisons() and _strip_raise look for:
# IGNORECASE equates it with no character that lower-cases to anything else, but for those
# in _ODD_CASE.
def test_lower_case_guards_see_every_spelling_the_patterns_match() -> None:
    guard_words = [w for needles, _ in context._PERIOD_GUARDS.values() for w in needles]
    guard_words += ["đầu", "cuối", "năm", "iv", "so", "from", "compared", "over", "than", "versus"]
    guard_words += list(figures._RAISE_VERBS)  # _strip_raise's guard
    letters = {ch for w in guard_words for ch in w if ch.isalpha()}
    for letter in letters:
        pattern = re.compile(re.escape(letter), re.IGNORECASE)
        for code in range(0x110000):
            ch = chr(code)
            if pattern.fullmatch(ch) and ch.lower() != letter:
                assert ch in context._ODD_CASE, (letter, ch)


_YEARS_TEXT = st.lists(
    st.sampled_from(
        [
            "2019",
            "2020",
            "1999",
            "20",
            "19",
            "2021-2025",
            "2016 – 2020",
            "x",
            "a2020",
            "/",
            ".",
            ",",
            "-",
            " ",
            "%",
            "tỷ",
            "Triệu",
            "\n",
            "_",
            "1",
            "năm",
            "(",
            "đ",
        ]
    ),
    max_size=12,
).map("".join)


@given(st.one_of(_YEARS_TEXT, report_text))
def test_year_patterns_match_as_their_plain_forms(text: str) -> None:
    y = context._YEAR
    plain = {
        "range": re.compile(r"\b(?P<y>" + y + r")\s*[-–]\s*(?P<y2>" + y + r")\b", context._F),
        "year": re.compile(
            r"(?<![\d/.,-])(?P<y>" + y + r")(?![\d%]|[.,/-]\d|\s*[-–]\s*\d|\s*(?:tỷ|triệu|nghìn))",
            context._F,
        ),
    }
    for pattern, kind in context._PERIOD_PATTERNS:
        if kind in plain:
            fast = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert fast == [(m.span(), m.groupdict()) for m in plain[kind].finditer(text)]


@given(report_text, st.sampled_from(["", " gấp", " bằng", " gấp đôi", "(gấp 2", " bằng x y"]))
def test_ratio_before_is_searched_from_the_last_words(text: str, end: str) -> None:
    s = (text + end).rstrip()
    fast = figures._RATIO_BEFORE.search(s, figures._before_last_words(s, 2))
    plain = figures._RATIO_BEFORE.search(s)
    assert (fast and fast.span()) == (plain and plain.span())


@given(report_text, st.integers(0, 300))
def test_right_phrase_without_age_ranges_reads_as_the_plain_rule(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    if figures._AGE_RANGE_RE.search(text) is None:
        assert figures._right_phrase(text, pos, ages=False) == figures._right_phrase(text, pos)


@given(report_text, st.sampled_from(["", "sẽ", "mục tiêu", "Phấn đấu", "will", "sẽx", "doanh thu"]))
def test_a_sentence_without_target_or_sector_words_has_none_in_its_clauses(
    text: str, word: str
) -> None:
    text = word + " " + text + word
    segs = figures._segments(text)
    for a, b in segs:
        for x in range(a, b + 1):
            if figures._TARGET_RE.search(text[a:x]):
                assert figures._TARGET_IN_SENTENCE_RE.search(text)
            if context.sector_of(text[a:x]):
                assert context.sector_of(text)


_GLOSSARY_WORDS = st.sampled_from(
    [
        "doanh",
        "thu",
        "dịch",
        "vụ",
        "viễn",
        "thông",
        "bưu",
        "chính",
        "số",
        "thuê",
        "bao",
        "di",
        "động",
        "tỷ",
        "trọng",
        "kinh",
        "tế",
        "của",
        "x",
        "GDP",
        "đóng",
        "góp",
        "vào",
        "trên",
        "toàn",
        "quốc",
        "lao",
        "người",
        "doanh nghiệp",
    ]
)


@given(st.lists(_GLOSSARY_WORDS, max_size=10))
def test_glossary_terms_are_matched_longest_first_as_a_try_of_every_length_matches(
    raw: list[str],
) -> None:
    from mickb.text import glossary
    from mickb.text.fold import canon

    words = [canon(w) for w in " ".join(raw).split()]
    g = glossary._load()
    plain: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):  # the plain rule: every length from the longest term's down
        for n in range(min(g.max_vi_words, len(words) - i), 0, -1):
            en = glossary._lookup(g, words[i : i + n], False)
            if en is not None:
                plain.append((en, True))
                i += n
                break
        else:
            if words[i] not in glossary._DROP:
                if plain and not plain[-1][1]:
                    plain[-1] = (f"{plain[-1][0]} {words[i]}", False)
                else:
                    plain.append((words[i], False))
            i += 1
    assert glossary._chunks(words, words, False) == plain
    for k in range(len(words)):
        for n in range(1, 5):
            run = words[k : k + n]
            assert glossary._is_term(g, run, False) == (glossary._lookup(g, run, False) is not None)


def test_odd_case_test_looks_for_every_odd_character() -> None:
    for ch in context._ODD_CASE:
        assert context._has_odd_case(f"a{ch}b")
    assert not context._has_odd_case("Năm 2022 QUÝ IV")


@given(
    report_text,
    st.sampled_from(
        ["", "năm ", "trong năm ", "tính đến hết năm  ", "in ", "giai đoạn ", "(năm\n"]
    ),
)
def test_period_intro_is_searched_from_the_last_words(text: str, end: str) -> None:
    s = text + end
    fast = figures._PERIOD_INTRO_RE.search(s, figures._before_last_words(s, 4))
    plain = figures._PERIOD_INTRO_RE.search(s)
    assert (fast and fast.span()) == (plain and plain.span())


@given(report_text, st.sampled_from(["", "sẽ nâng ", "đưa ", "Phấn đấu ĐẨY ", "hạ tầng ", "kéo"]))
def test_raise_verbs_are_stripped_as_the_plain_pattern_strips_them(text: str, verb: str) -> None:
    s = verb + text
    m = figures._RAISE_RE.match(s)
    assert figures._strip_raise(s) == (s[m.end() :].strip() if m else s)


# The lower-case twins of case-insensitive patterns (figures._lower_twin) read lower-cased
# text: every character of the patterns' text must be matched, with IGNORECASE, by exactly
# the characters that lower-case to it (but for context._ODD_CASE's, which send the text to
# the original pattern), and lowering must keep each character's \w, \s and \d.
_TWINS = (
    (figures._TRIGGER_RE, figures._TRIGGER_LOW_RE),
    (figures._INTRO_RE, figures._INTRO_LOW_RE),
    (figures._SUBORDINATE_RE, figures._SUBORDINATE_LOW_RE),
    (figures._RIGHT_STOP, figures._RIGHT_STOP_LOW),
)


def test_lower_case_twins_read_every_character_as_ignorecase_does() -> None:
    chars = sorted({ch for pattern, _ in _TWINS for ch in pattern.pattern})
    any_ci = re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]", re.IGNORECASE)
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            continue  # (text with it changes length when lowered: the original pattern reads it)
        # "Σ" lowers to "ς" at the end of a word, to "σ" elsewhere
        for lowered in {low, "ς"} if low == "σ" else {low}:
            for cls in classes:
                assert bool(cls.fullmatch(ch)) == bool(cls.fullmatch(lowered)), (ch, cls)
        if ch in context._ODD_CASE:
            continue
        if any_ci.fullmatch(ch) or low in chars:
            same = {c for c in chars if re.fullmatch(re.escape(c), ch, re.IGNORECASE)}
            assert same == ({low} if low in chars else set()), (ch, same)
    for pattern, twin in _TWINS:
        assert twin.pattern == pattern.pattern and not twin.flags & re.IGNORECASE


_TWIN_PIECES = (
    "đạt",
    "ĐẠT",
    "Đạt được",
    "ước TÍNH đạt",
    "là",
    "LÀ",
    "với",
    "so với",
    "Cùng với",
    "ghi nhận",
    "GHI NHẬN",
    "công bố",
    "khi",
    "KHI",
    "nếu",
    "Trong khi",
    "bởi vì",
    "thì",
    "tăng",
    "bị tăng",
    "TRONG",
    "và",
    "of",
    "OF",
    "Stood At",
    "reported",
    "compared",
    "versus",
    "İs",
    "ıs",
    "ſo",
    "Iſ",
    "K",
    "Ǆ",
    "Σ",
    "ΣΑ",
    "ﬀ",
    "ß",
    "ẞ",
    "x²",
    "Ⅳ",
    "Ⓐ",
    "_",
    "doanh thu",
    "12",
    "Kim ngạch xuất khẩu phần cứng",
    "điện tử của tỉnh",
    "chiếm",
    "đã ngăn chặn",
    "xử lý",
    "VNPT",
    "FPT công bố",
    "số tiền thu về",
    "tỷ lệ",
    ",",
    ", ",
)
_twin_text = st.lists(
    st.tuples(st.sampled_from(_TWIN_PIECES + _PIECES), _SEPARATORS), max_size=12
).map(lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=500)
@given(_twin_text)
def test_lower_case_twins_find_what_the_case_insensitive_patterns_find(text: str) -> None:
    for pattern, twin in _TWINS:
        fast = figures._finditer_ci(pattern, twin, text)
        plain = list(pattern.finditer(text))
        assert [m.span() for m in fast] == [m.span() for m in plain]
        assert [m.group(0).lower() for m in fast] == [m.group(0).lower() for m in plain]
        one = figures._search_ci(pattern, twin, text)
        assert (one and one.span()) == (plain[0].span() if plain else None)
    # _last_clause's split on subordinate words, as its suffix of the text
    low = figures._lower_for_twins(text)
    if low is not None:
        cut = len(figures._SUBORDINATE_LOW_RE.split(low)[-1])
        assert text[len(text) - cut :] == figures._SUBORDINATE_RE.split(text)[-1]


def _read_with(no_twins: bool, text: str, after: bool) -> tuple[object, ...]:
    """_metric_left and _right_phrase of `text`, through the twins or (`no_twins`) never."""
    lower_for_twins = figures._lower_for_twins
    if no_twins:
        figures._lower_for_twins = lambda s: None  # type: ignore[assignment]
    try:
        figures._metric_left.cache_clear()
        figures._last_clause.cache_clear()
        return (
            figures._metric_left(text, after),
            figures._right_phrase(text, 0),
            figures._right_phrase(text, 0, ages=False),
        )
    finally:
        figures._lower_for_twins = lower_for_twins
        figures._metric_left.cache_clear()
        figures._last_clause.cache_clear()


@settings(max_examples=300)
@given(_twin_text, st.booleans())
def test_metric_left_reads_as_with_the_case_insensitive_patterns(text: str, after: bool) -> None:
    assert _read_with(False, text, after) == _read_with(True, text, after)


def test_rstrip_strips_what_backslash_s_matches() -> None:
    # (_clean_np searches _DASH_END_RE only when the text ends with a dash, spaces stripped)
    space = re.compile(r"\s")
    for code in range(0x110000):
        ch = chr(code)
        assert (ch.rstrip() == "") == bool(space.fullmatch(ch)), hex(code)


@given(_twin_text, st.sampled_from(["", "-", " – ", "-\n", "–\u00a0 ", "- x", "--"]))
def test_dash_at_the_end_is_removed_as_the_pattern_removes_it(text: str, end: str) -> None:
    s = text + end
    plain = figures._DASH_END_RE.sub("", s)
    assert (plain != s) == s.rstrip().endswith(("-", "–"))
