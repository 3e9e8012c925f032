"""The shortcuts that make cleaning, splitting, quotes and the store fast give the results of
the plain rules they stand for (issue 5): each is checked against that rule."""

from __future__ import annotations

import random
import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from mickb.ingest.clean import _OTHER_SPACES, collapse
from mickb.ingest.extract.quotes import _tail_word
from mickb.ingest.split import _last_word, split_text
from mickb.kb.store import _fact_parts, _search_text, fact_search_text, fast_fold
from mickb.records import Fact
from mickb.text.fold import fold

# Vietnamese letters in both spellings (precomposed and with combining marks), đ and ð, a
# mark that does not combine (U+034F), Greek, ligatures, punctuation and other scripts.
_PIECES = list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdđĐðÐbcghkmnqtx ,.;:!?“”\"'()–-…0123456789") + [
    "ệ", "Ộ", "ữ", "Ẫ", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u031b",
    "\u034f", "\u0360", "Σ", "ς", "İ", "ﬁ", "①", "ø", "ß", "\u00a0", "\u2003", "\u3000", "中",
    "\u200b", "\t", "\n", "\x85",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(_TEXTS)
def test_fast_fold_is_fold(text: str) -> None:
    assert fast_fold(text) == fold(text)


def test_fast_fold_is_fold_for_every_character_of_the_blocks_reports_use() -> None:
    for code in list(range(0x80, 0x250)) + list(range(0x300, 0x370)) + list(range(0x1E00, 0x1F00)):
        for text in (chr(code), "A" + chr(code), "Đ" + chr(code) + "e\u0301"):
            assert fast_fold(text) == fold(text), hex(code)


def test_the_listed_white_space_is_what_python_calls_white_space() -> None:
    listed = set(re.findall(f"[{_OTHER_SPACES}]", "".join(map(chr, range(sys.maxunicode + 1)))))
    assert listed == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    # collapse() looks for them only in a text that is not printable.
    special = re.compile(f"[{_OTHER_SPACES}\u200b\u200c\u200d\u2060\ufeff]")
    every = map(chr, range(sys.maxunicode + 1))
    assert not [ch for ch in every if special.match(ch) and ch.isprintable()]


@given(_TEXTS)
def test_collapse_leaves_single_spaces_and_no_invisible_ones(text: str) -> None:
    out = collapse(text)
    assert out == " ".join(out.split())
    assert not set(out) & set("\u200b\u200c\u200d\u2060\ufeff")
    assert out.split() == collapse(" ".join(text.split())).split()


def test_the_last_word_is_the_one_the_pattern_finds() -> None:
    rng = random.Random(5)
    pieces = ["a", "B", ".", "ế", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        match = re.search(r"(\S+)$", text)
        assert _last_word(text) == (match.group(1) if match else ""), repr(text)


@given(_TEXTS)
def test_no_sentence_span_is_blank(text: str) -> None:
    for start, end in split_text(text):
        assert text[start:end].strip()


def _tail_word_of_window(window: str) -> str:
    """The rule _tail_word reads in place: the word a copied window ends with."""
    match = re.search(r"(\w+)\.? \n?\Z", window)
    return match.group(1) if match else ""


@given(st.text(alphabet="ab .ôngĐ\nTS,“", max_size=24), st.integers(min_value=0, max_value=24))
def test_the_tail_word_is_read_in_place(text: str, end: int) -> None:
    end = min(end, len(text))
    window = text[max(0, end - 16) : end]
    assert _tail_word(text, end) == _tail_word_of_window(window)


def _fact(**changes: object) -> Fact:
    fields: dict[str, object] = dict(
        metric="doanh thu dịch vụ viễn thông",
        measure="level",
        value=138000.0,
        unit="tỷ đồng",
        value_text="138.000 tỷ đồng",
        sentence="Năm 2022, doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng, tăng 1,4%.",
        sentence_ordinal=0,
        span=(43, 58),
        metric_en="telecommunications service revenue",
        base_value=138e12,
        base_unit="VND",
        period="2022",
        sector="viễn thông",
    )
    fields.update(changes)
    return Fact(**fields)  # type: ignore[arg-type]


def test_a_facts_search_text_is_its_parts_folded_and_joined() -> None:
    facts = [
        _fact(),
        _fact(value=138000, base_value=138 * 10**12),  # int and float: the same forms
        _fact(value=1.4, value_text="1,4%", unit="%", base_value=None, base_unit=None),
        _fact(metric_en=None, sector=None, period=None),
        _fact(sentence=""),
        _fact(value_text="", value=0.5, base_value=None),
        _fact(sentence="Ông Nguyễn Mạnh Hùng cho biết" + " thêm" * 40 + " 34,3 tỷ USD."),
    ]
    for fact in facts * 2:  # the second time from the caches
        assert fact_search_text(fact) == _search_text(_fact_parts(fact))[0]
