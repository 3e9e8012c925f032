"""Vietnamese text folding: the one place that decides when two spellings are "the same".

- `nfc`: what we store and show.
- `fold`: what search and matching compare: no case, no diacritics, `đ` -> `d`
  (Unicode does not decompose `đ`, so FTS5's remove_diacritics never folds it).
- `fold_keep_offsets`: the same idea, one character for one, so that a match in the folded
  text is a match at the same offsets in the original (the number reader works on it).
- `letter_mask`: each character of a lower-cased text as "v" (a Vietnamese letter), "a"
  (another letter) or " ", for telling Vietnamese from English windows of text.
- `canon`: keeps diacritics but not case nor tone placement, so old and new
  orthography (hoà / hòa, thuý / thúy) compare equal while "exact forms" still rank first.

Ingest folds every sentence and every number's surroundings, find folds every candidate: the
fast paths below are tables built from the plain definitions (`_fold_plain`, `_fold_char`,
`_mask_char`) on first use, and tests/test_fold.py checks them against those definitions.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

# The five tone marks; the other combining marks (circumflex, breve, horn) belong to the vowel.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# In NFD text the combining marks are not \w: a word must carry them along.
_NFD_WORD_RE = re.compile(r"[\w\u0300-\u036f]+", re.UNICODE)
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold_plain(text: str) -> str:
    """The definition of `fold`: NFD, drop the combining marks, NFC, lower-case."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


_FAST_TABLE: list[int | str] | None = None
_FAST_FOLD_BLOCKS = ((0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))
_OUTSIDE_FAST_FOLD = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")
_D_LETTERS = (("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"))  # as fold's _D_TABLE
_NOT_ASCII_OR_MARK = re.compile(r"[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


def fold(text: str) -> str:
    """Lower-case, strip every diacritic and fold đ to d: 'Đổi mới' -> 'doi moi'.

    The result of _fold_plain, at a few times its speed for the text of reports. _fold_plain
    decomposes and filters every character in Python; ingest folds every sentence and
    find folds every candidate. Vietnamese text decomposes (NFD) into ASCII letters and
    combining marks, once đ and ð (which Unicode does not decompose) are d: _fold_plain() of such a
    text is its ASCII part, lower-cased, which encode() keeps in one C loop. U+034F, the one
    mark of U+0300-U+036F with combining class 0, stays in _fold_plain()'s output, so a text
    holding it (or any other character) takes the general way: the characters below U+3000
    through one str.translate table built from _fold_plain() itself (Greek capital sigma is left
    to lower(), which alone knows the word-final form), anything else through _fold_plain().
    """
    if text.isascii():
        return text.lower()
    plain = text
    for letter, ascii_letter in _D_LETTERS:
        if letter in plain:
            plain = plain.replace(letter, ascii_letter)
    decomposed = unicodedata.normalize("NFD", plain)
    if not _NOT_ASCII_OR_MARK.search(decomposed):
        return decomposed.encode("ascii", "ignore").decode("ascii").lower()
    text = unicodedata.normalize("NFC", text)
    if _OUTSIDE_FAST_FOLD.search(text):
        return _fold_plain(text)
    return text.translate(_fast_table()).lower()


def _fast_table() -> list[int | str]:
    global _FAST_TABLE
    if _FAST_TABLE is None:
        # Only the blocks report text lives in (Latin, combining marks, Vietnamese, general
        # punctuation): building a table for all of U+0080-U+2FFF cost ~20 ms per process,
        # most of a `find`'s own run time.
        # A list indexed by code point, every entry present: str.translate raises and
        # catches a LookupError for every character a dict table lacks, which made folding
        # a sentence ten times slower.
        table: list[int | str] = list(range(_FAST_FOLD_BLOCKS[-1][1]))
        for start, end in _FAST_FOLD_BLOCKS:
            for code in range(start, end):
                folded = _fold_plain(chr(code))
                if folded != chr(code) and code != 0x3A3:
                    table[code] = folded
        _FAST_TABLE = table
    return _FAST_TABLE


# --------------------------------------------------------------------------------------------
# folding that keeps offsets


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


class _FoldTable(dict[int, str]):
    """`_fold_char` for str.translate, each character worked out once and remembered."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


# str.translate looks a character up in a dict table through a Python call to
# __getitem__, in a list table directly. Lists indexed by code point serve the blocks report
# text lives in (Latin, combining marks, Vietnamese, punctuation, currency signs), built on
# first use (about a thousand characters: a ms or two); a text holding any other character
# (or one that lower-cases to one) uses the dict tables.
_LIST_BLOCKS = (
    (0x0000, 0x0250),
    (0x0300, 0x0370),
    (0x1E00, 0x1F00),
    (0x2000, 0x2070),
    (0x20A0, 0x20D0),
)


class _ListTables:
    __slots__ = ("fold", "letter_mask", "beyond")

    def __init__(self, fold: list[str], letter_mask: list[str], beyond: re.Pattern[str]) -> None:
        self.fold = fold
        self.letter_mask = letter_mask  # for lower-cased text
        self.beyond = beyond  # a character the lists do not serve


_LIST_TABLES: _ListTables | None = None


def _list_tables() -> _ListTables:
    global _LIST_TABLES
    if _LIST_TABLES is None:
        served = [code for start, end in _LIST_BLOCKS for code in range(start, end)]
        in_blocks = frozenset(map(chr, served))
        fold = [""] * _LIST_BLOCKS[-1][1]  # the gaps between blocks are never looked up
        letter_mask = [""] * _LIST_BLOCKS[-1][1]
        for code in served:
            fold[code], letter_mask[code] = _FOLD_TABLE[code], _LETTER_MASK[code]
        # lower() takes a few characters out of the blocks (Ⱥ to U+2C65)
        lowers_out = "".join(ch for ch in sorted(in_blocks) if not in_blocks.issuperset(ch.lower()))
        blocks = "".join(f"\\u{start:04x}-\\u{end - 1:04x}" for start, end in _LIST_BLOCKS)
        beyond = f"[^{blocks}]" + (f"|[{re.escape(lowers_out)}]" if lowers_out else "")
        _LIST_TABLES = _ListTables(fold, letter_mask, re.compile(beyond))
    return _LIST_TABLES


@lru_cache(maxsize=64)
def fold_keep_offsets(text: str) -> str:
    """A fold that keeps every offset: one output character per input character (the first
    character of each one's decomposition, lower-cased; đ -> d). The number reader matches its
    patterns on it and reports offsets into the original text."""
    return _fold_keep_offsets(text, text.lower())


def lower_and_fold_keep_offsets(text: str) -> tuple[str, str]:
    """(text.lower(), fold_keep_offsets(text)), lower-casing the text once (the number reader
    wants both of every sentence it reads)."""
    low = text.lower()
    return low, _fold_keep_offsets(text, low)


def _fold_keep_offsets(text: str, low: str) -> str:
    if len(low) == len(text):
        data = _slot_bytes(low)
        if data is not None:
            # (folding a character and its lower-case form gives the same character wherever
            # the lower-case form has a slot: tests/test_fold.py checks every one)
            slots = _SLOTS or _slots()
            return codecs.charmap_decode(data.translate(slots.fold), "strict", slots.chars)[0]
    tables = _LIST_TABLES or _list_tables()
    if tables.beyond.search(text):
        return text.translate(_FOLD_TABLE)
    return text.translate(tables.fold)


VI_LETTERS = frozenset("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


class _LetterMask(dict[int, str]):
    """For str.translate over lower-cased text: "v" for a letter of Vietnamese (ă, đ, ế...),
    "a" for another letter (what the regex [^\\W\\d_] matches), " " for anything else."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kind = " " if not ch.isalnum() or ch.isdecimal() else "v" if ch in VI_LETTERS else "a"
        self[code] = kind
        return kind


_LETTER_MASK = _LetterMask()


# Faster still than the list tables: lower-case report text is written with a few hundred
# characters (ASCII, Vietnamese letters, some punctuation). Each gets one byte of a 256-slot
# code, so the codec machinery (a C loop) encodes a text, bytes.translate maps every byte to
# the byte of its folded character or of its mask letter, and the folded bytes decode back.
# A text with a character that has no slot takes the tables above.
_SLOT_PUNCTUATION = "\u00a0“”‘’–—…•·°±×²³½€«»≥≤→"


class _Slots:
    __slots__ = ("chars", "encoding", "fold", "mask")

    def __init__(self, chars: str, encoding: object, fold: bytes, mask: bytes) -> None:
        self.chars = chars  # the character of each byte value, 256 of them
        self.encoding = encoding  # codecs.charmap_build(chars)
        self.fold = fold  # byte of a character -> byte of its _fold_char
        self.mask = mask  # byte of a (lower-case) character -> its _LETTER_MASK letter, in ASCII


_SLOTS: _Slots | None = None


def _slots() -> _Slots:
    global _SLOTS
    if _SLOTS is None:
        chars = [chr(code) for code in range(128)] + sorted(VI_LETTERS)
        chars += [ch for ch in _SLOT_PUNCTUATION if ch not in chars]
        for code in range(0xA0, 0x250):  # the rest: other lower-case or uncased Latin
            if len(chars) == 256:
                break
            if chr(code) not in chars and chr(code).lower() == chr(code):
                chars.append(chr(code))
        table = "".join(chars)
        assert len(table) == 256 == len(set(table))
        fold = bytes(table.index(_FOLD_TABLE[ord(ch)]) for ch in table)  # (always a slot)
        mask = "".join(_LETTER_MASK[ord(ch)] for ch in table).encode("ascii")
        _SLOTS = _Slots(table, codecs.charmap_build(table), fold, mask)
    return _SLOTS


def _slot_bytes(low: str) -> bytes | None:
    """A lower-cased text in the slot code, or None if a character of it has no slot."""
    try:
        encoding = (_SLOTS or _slots()).encoding
        return codecs.charmap_encode(low, "strict", encoding)[0]  # type: ignore[attr-defined,arg-type]
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=64)
def letter_mask(text: str) -> str | None:
    """`text` lower-cased and read as a mask (see _LetterMask); None when lower() does not work
    character by character (then windows are read alone)."""
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:  # İ lowers to two characters; Σ by context
        return None
    data = _slot_bytes(low)
    if data is not None:
        return data.translate((_SLOTS or _slots()).mask).decode("ascii")
    tables = _LIST_TABLES or _list_tables()
    if tables.beyond.search(text):
        return low.translate(_LETTER_MASK)
    return low.translate(tables.letter_mask)


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
