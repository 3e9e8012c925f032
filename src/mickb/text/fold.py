"""Vietnamese text folding: the one place that decides when two spellings are "the same".

- `nfc`: what we store and show.
- `fold`: what search and matching compare: no case, no diacritics, `đ` -> `d`
  (Unicode does not decompose `đ`, so FTS5's remove_diacritics never folds it).
- `canon`: keeps diacritics but not case nor tone placement, so old and new
  orthography (hoà / hòa, thuý / thúy) compare equal while "exact forms" still rank first.
"""

from __future__ import annotations

import re
import unicodedata

# The five tone marks; the other combining marks (circumflex, breve, horn) belong to the vowel.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# In NFD text the combining marks are not \w: a word must carry them along.
_NFD_WORD_RE = re.compile(r"[\w\u0300-\u036f]+", re.UNICODE)
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip every diacritic and fold đ to d: 'Đổi mới' -> 'doi moi'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def _canon_word(match: re.Match[str]) -> str:
    word = match.group(0)
    tones = "".join(ch for ch in word if ch in _TONE_MARKS)
    if not tones:
        return word
    return "".join(ch for ch in word if ch not in _TONE_MARKS) + tones


def canon(text: str) -> str:
    """Case- and tone-placement-insensitive form that keeps the letters' marks."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _NFD_WORD_RE.sub(_canon_word, decomposed))


def words(text: str) -> list[str]:
    """Folded words of a text, in order: the unit of search and matching."""
    return _WORD_RE.findall(fold(text))
