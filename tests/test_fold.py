"""Diacritic folding: the one rule that decides what search and matching treat as equal."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mickb.text.fold import canon, fold, fold_keep_offsets, letter_mask, words

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
vietnamese_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.%0123456789", max_size=60)


def test_every_vietnamese_letter_folds_to_a_plain_latin_letter() -> None:
    for letter in VIETNAMESE + VIETNAMESE.upper():
        assert fold(letter) in "aeiouyd", letter


def test_d_with_stroke_folds_to_d() -> None:
    assert fold("Đổi mới đồng bộ") == "doi moi dong bo"


@given(vietnamese_text)
def test_fold_ignores_normalisation_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(st.text(max_size=80))
def test_fold_is_idempotent_and_leaves_no_marks(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", once))
    assert "đ" not in once and "Đ" not in once


@given(vietnamese_text)
def test_fold_keeps_one_character_per_character_for_nfc_vietnamese(text: str) -> None:
    # Search highlighting relies on folded offsets being the original's offsets.
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold(nfc)) == len(nfc)


def test_old_and_new_tone_placement_are_the_same_spelling() -> None:
    for old, new in [("hoà", "hòa"), ("thuý", "thúy"), ("khoẻ", "khỏe"), ("Hoà Bình", "hòa bình")]:
        assert canon(old) == canon(new)
    assert canon("hoà") != canon("hoa")  # but the tone itself still counts


def test_words_are_folded_and_split_on_punctuation() -> None:
    assert words("Doanh thu: 138.000 tỷ đồng!") == ["doanh", "thu", "138", "000", "ty", "dong"]


# --- the fast paths hold to the plain definitions, written here -------------------------------
# Vietnamese letters in both spellings (precomposed and with combining marks), đ and ð, a mark
# that does not combine (U+034F), Greek, ligatures, punctuation and other scripts.
_PIECES = list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdđĐðÐbcghkmnqtx ,.;:!?“”\"'()–-…0123456789") + [
    "ệ", "Ộ", "ữ", "Ẫ", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u031b",
    "\u034f", "\u0360", "Σ", "ς", "İ", "ﬁ", "①", "ø", "ß", "\u00a0", "\u2003", "\u3000", "中",
    "\u200b", "\t", "\n", "\x85", "Ⴀ", "가", "Ａ", "ſ", "K", "ı", "€", "ⱥ", "Ⱥ", "٣",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_VI_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def plain_fold(text: str) -> str:
    """What fold means: decompose, drop the combining marks, lower-case; đ and ð are d."""
    text = text.translate(str.maketrans("đĐðÐ", "dDdD"))
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    return unicodedata.normalize("NFC", stripped).lower()


def plain_fold_char(ch: str) -> str:
    """One character for one: the first of its decomposition, lower-cased."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


def plain_mask(text: str) -> str:
    return "".join(
        " " if not ch.isalnum() or ch.isdecimal() else "v" if ch in _VI_LETTERS else "a"
        for ch in text.lower()
    )


@given(_TEXTS)
def test_fold_is_the_plain_definition(text: str) -> None:
    assert fold(text) == plain_fold(text)


@settings(max_examples=300)
@given(st.text(max_size=40) | _TEXTS)
def test_fold_keep_offsets_folds_each_character_alone(text: str) -> None:
    assert fold_keep_offsets(text) == "".join(plain_fold_char(ch) for ch in text)


@settings(max_examples=300)
@given(st.text(max_size=40) | _TEXTS)
def test_letter_mask_marks_vietnamese_and_other_letters(text: str) -> None:
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        assert letter_mask(text) == plain_mask(text)
    else:  # İ lowers to two characters, Σ by context: no mask, the caller reads the text
        assert letter_mask(text) is None


def test_the_fast_paths_hold_for_every_character_of_the_blocks_reports_use() -> None:
    blocks = [range(0x80, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00), range(0x2000, 0x20D0)]
    for code in (c for block in blocks for c in block):
        for text in (chr(code), "A" + chr(code), "Đ" + chr(code) + "e\u0301"):
            assert fold(text) == plain_fold(text), hex(code)
            assert fold_keep_offsets(text) == "".join(map(plain_fold_char, text)), hex(code)


@pytest.mark.slow
def test_the_fast_paths_hold_for_every_character_of_unicode() -> None:
    for code in range(0x110000):
        ch = chr(code)
        assert fold(ch) == plain_fold(ch), hex(code)
        assert fold_keep_offsets(ch + "a") == plain_fold_char(ch) + "a", hex(code)
        if len(ch.lower()) == 1 and ch != "\u03a3":
            assert letter_mask(ch) == plain_mask(ch), hex(code)
