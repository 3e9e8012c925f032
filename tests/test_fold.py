"""Diacritic folding: the one rule that decides what search and matching treat as equal."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from mickb.text.fold import canon, fold, words

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
