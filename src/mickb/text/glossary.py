"""A bilingual glossary of ICT-sector vocabulary (data/glossary.tsv), used both ways.

- `metric_en("doanh thu dịch vụ viễn thông")` -> "telecommunications service revenue"
- `english_to_vietnamese("ICT contribution to GDP")` -> ["dong gop vao gdp", "cong nghiep ict"]
- `is_english(text)`: does a query or claim read as English?

The TSV has two columns, `vi<TAB>en`; the English column may list alternatives separated by
";" (the first is the translation used for `metric_en`). An English translation ending in
" of" is a head that goes first in English ("tỷ trọng" -> "share of"); one starting with "~"
follows the noun it qualifies ("trên toàn quốc" -> "~nationwide": "villages nationwide").
Stdlib only; the file is read lazily, once.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from mickb.text.fold import canon, fold, nfc

__all__ = ["metric_en", "english_to_vietnamese", "is_english", "terms", "marked"]

# Vietnamese words that join two noun phrases; English puts them between the phrases too.
_LINKERS: dict[str, str] = {
    "của": "of",
    "sử dụng": "using",
    "trong": "in",
    "tại": "in",
    "cho": "for",
    "đối với": "for",
    "so với": "compared with",
    "về": "on",
    "trên": "on",
    "từ": "from",
    "đến": "to",
    "và": "and",
    "với": "with",
    "theo": "by",
    "thuộc": "in",
    "vào": "to",
    # a passive participle follows its noun in English: "người dân được bảo vệ" -> "people
    # protected"; the empty linker marks a segment read in order
    "được": "",
}
_EN_WORD_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


class _Glossary:
    """The loaded glossary (a class with __slots__: no dataclasses on the start-up path)."""

    __slots__ = (
        "vi_to_en",
        "folded_to_en",
        "folded_to_marked",
        "en_to_vi",
        "max_vi_words",
        "max_en_words",
        "max_words_from",
        "term_words",
    )

    def __init__(self) -> None:
        self.vi_to_en: dict[str, str] = {}  # canon vi term -> English
        self.folded_to_en: dict[str, str] = {}  # for text typed without marks
        self.folded_to_marked: dict[str, str] = {}  # folded vi term -> as the glossary writes it
        self.en_to_vi: dict[str, list[str]] = {}  # normalised en -> folded vi
        self.max_vi_words = 1
        self.max_en_words = 1
        # canon first word -> most words of a vi_to_en term it starts (a marked run of words
        # can only be a term when it is no longer than this: longest-match tries no longer runs)
        self.max_words_from: dict[str, int] = {}
        self.term_words: set[str] = set()  # every canon word of a vi_to_en term


def _norm_en_word(word: str) -> str:
    """Singular, lower-case English word, so "subscribers" finds "subscriber"."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _norm_en(phrase: str) -> str:
    return " ".join(_norm_en_word(w) for w in _EN_WORD_RE.findall(phrase.lower()))


@lru_cache(maxsize=1)
def _load() -> _Glossary:
    g = _Glossary()
    # A plain path, not importlib.resources (~4 ms of start-up): the file ships in the package.
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(package, "data", "glossary.tsv")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
            continue
        vi, en = (part.strip() for part in line.split("\t", 1))
        # tokenise before canon(): canon moves tone marks, which \w does not match
        vi_c = " ".join(canon(w) for w in re.findall(r"[\w%]+", vi))
        vi_f = fold(vi_c)
        alternatives = [a.strip() for a in en.split(";") if a.strip()]
        if not vi_f or not alternatives:
            continue
        g.vi_to_en.setdefault(vi_c, alternatives[0])
        g.term_words.update(vi_c.split(" "))
        first, n_words = vi_c.split(" ")[0], vi_c.count(" ") + 1
        g.max_words_from[first] = max(g.max_words_from.get(first, 0), n_words)
        g.folded_to_en.setdefault(vi_f, alternatives[0])
        g.folded_to_marked.setdefault(vi_f, " ".join(re.findall(r"[\w%]+", nfc(vi).lower())))
        g.max_vi_words = max(g.max_vi_words, len(vi_f.split()))
        for alt in alternatives:
            key = _norm_en(alt.removesuffix(" of"))
            if not key:
                continue
            # the first line that names an English phrase decides its Vietnamese term
            g.en_to_vi.setdefault(key, [vi_f])
            g.max_en_words = max(g.max_en_words, len(key.split()))
    return g


@lru_cache(maxsize=1)
def unmarked_terms() -> frozenset[str]:
    """The glossary's Vietnamese terms written without diacritics ("doanh thu", "cho gdp"),
    lower-cased, read from its first column alone: a few milliseconds less than loading the
    whole glossary, for callers that only need these."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(package, "data", "glossary.tsv")
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    found = set()
    for line in lines:
        if "\t" not in line or line.lstrip().startswith("#"):
            continue
        vi = " ".join(re.findall(r"[\w%]+", line.split("\t", 1)[0].lower()))
        if vi and vi.isascii():
            found.add(vi)
    return frozenset(found)


def marked(folded_term: str) -> str:
    """A folded Vietnamese term of the glossary as it is written, with its marks ("nguoi dung
    internet" -> "người dùng internet"); the folded term itself when it is no glossary term."""
    return _load().folded_to_marked.get(folded_term, folded_term)


def terms() -> dict[str, str]:
    """Every folded Vietnamese term and its preferred English translation."""
    return {vi: en.removeprefix("~") for vi, en in _load().vi_to_en.items()}


# Vietnamese function words that carry nothing into an English metric name.
_DROP = frozenset(canon(w) for w in "các những đã được có sẽ đang này đó cả".split())
_LINKERS_CANON = {canon(k): v for k, v in _LINKERS.items()}
_LINKERS_FOLDED = {fold(k): v for k, v in _LINKERS.items()}
_LINKER_WORDS = frozenset(w for k in _LINKERS_CANON for w in k.split(" "))


def _lookup(g: _Glossary, words: list[str], unmarked: bool = False) -> str | None:
    """English for a run of words (canon form); `unmarked` text (typed without diacritics)
    compares folded, so "doanh thu vien thong" still reads as "doanh thu viễn thông"."""
    key = " ".join(words)
    if key in g.vi_to_en:
        return g.vi_to_en[key]
    if unmarked:
        return g.folded_to_en.get(_fold_cached(key))
    return None


def _is_term(g: _Glossary, words: list[str], unmarked: bool) -> bool:
    """`_lookup(g, words, unmarked) is not None`, without joining a marked run of words that is
    longer than every term its first word starts (such a run is not a key of vi_to_en)."""
    if not unmarked and len(words) > g.max_words_from.get(words[0], 0):
        return False
    return _lookup(g, words, unmarked) is not None


def _chunks(words: list[str], originals: list[str], unmarked: bool) -> list[tuple[str, bool]]:
    """Longest-match words (canon form) against the glossary: (English, True) for terms,
    (original words, False) for runs the glossary does not know, kept in their order."""
    g = _load()
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        # (text with marks is looked up in vi_to_en alone: no longer run than the longest term
        # its first word starts can match; unmarked text is also folded, so it tries them all)
        most = g.max_vi_words if unmarked else g.max_words_from.get(words[i], 0)
        for n in range(min(most, len(words) - i), 0, -1):
            en = _lookup(g, words[i : i + n], unmarked)
            if en is not None:
                out.append((en, True))
                i += n
                break
        else:
            if words[i] not in _DROP:
                if out and not out[-1][1]:
                    out[-1] = (f"{out[-1][0]} {originals[i]}", False)
                else:
                    out.append((originals[i], False))
            i += 1
    return out


@lru_cache(maxsize=4096)
def _chunks_of(
    words: tuple[str, ...], originals: tuple[str, ...], unmarked: bool
) -> tuple[tuple[str, bool], ...]:
    """`_chunks`, remembered: metrics share their noun phrases ("doanh thu dịch vụ viễn thông"
    of one company and of another)."""
    return tuple(_chunks(list(words), list(originals), unmarked))


def _english_noun_phrase(chunks: list[tuple[str, bool]]) -> str:
    """Vietnamese puts the head first ("doanh thu | dịch vụ | viễn thông"), English last."""
    heads = [c for c, _ in chunks]
    # a head that reads "X of" goes first and takes the rest as its object
    if len(heads) > 1 and heads[0].endswith(" of"):
        return f"{heads[0]} {_english_noun_phrase(chunks[1:])}"
    # "~" marks words English puts after the noun ("villages | ~nationwide")
    before = [h for h in heads if not h.startswith("~")]
    after = [h[1:] for h in heads if h.startswith("~")]
    return " ".join([*reversed(before), *after])


def _in_order(groups: list[list[tuple[str, bool]]]) -> str:
    """Participles after "được" keep their order, and a comma-separated list of them reads as
    one: "ngăn chặn, xử lý" -> "blocked and handled"; "xử lý trực tuyến" -> "handled online"."""
    phrases = [" ".join(c.removeprefix("~") for c, _ in chunks) for chunks in groups]
    if len(phrases) > 1:
        return f"{', '.join(phrases[:-1])} and {phrases[-1]}"
    return phrases[0] if phrases else ""


def _untranslated(chunks: list[tuple[str, bool]]) -> bool:
    """Does a run the glossary does not know hold a Vietnamese word (lower-case letters)?
    Names ("Viettel", "VNPT Media") and codes ("5G") may stay as they are written."""
    return any(
        not known and any(w[:1].isalpha() and w[:1].islower() for w in text.split())
        for text, known in chunks
    )


_TOKEN_RE = re.compile(r"[\w%]+")
_canon_word = lru_cache(maxsize=8192)(canon)  # metrics share their words
_fold_cached = lru_cache(maxsize=8192)(fold)


@lru_cache(maxsize=4096)
def metric_en(metric_vi: str) -> str | None:
    """Translate a Vietnamese metric phrase by longest match of glossary terms.

    None when no glossary term occurs in it, or when a Vietnamese word the glossary does not
    know would be left in the English. Names (Viettel, VNPT) and codes (5G) are kept as written.
    The phrase is split at its linking words (`_segments`), each noun phrase is translated
    head-last, and the pieces are joined with the English linkers (`_render`).
    """
    if not metric_vi or not metric_vi.strip():
        return None
    original = _TOKEN_RE.findall(metric_vi)
    if not original:
        return None
    unmarked = fold(metric_vi) == metric_vi.lower()  # typed without diacritics
    if not unmarked and _unknown_word(_load(), original):
        return None  # (what _render would say, without splitting and chunking the words)
    tokens = list(_TOKEN_RE.finditer(metric_vi))
    folded = [_canon_word(w) for w in original]
    segments = _segments(folded, unmarked)
    return _render(metric_vi, tokens, original, folded, segments, unmarked)


def _unknown_word(g: _Glossary, original: list[str]) -> bool:
    """Does the metric (written with marks) hold a lower-case word that no glossary term, no
    linker and no dropped word has (in canon form)? Longest match leaves such a word in a run
    the glossary does not know, which `_untranslated` finds: no English."""
    words = g.term_words
    for o in original:
        if o[:1].isalpha() and o[:1].islower():
            w = _canon_word(o)
            if w not in words and w not in _LINKER_WORDS and w not in _DROP:
                return True
    return False


def _segments(folded: list[str], unmarked: bool) -> list[tuple[str | None, list[int]]]:
    """The words split at linking words ("của", "trong", "được"...): (the English linker
    before the segment, the indices of its words). A linker inside a glossary term ("đóng góp
    vào GDP") stays in the term, and so does one that starts a longer term ("trong nước")."""
    segments: list[tuple[str | None, list[int]]] = []
    current_at: list[int] = []  # indices of the current segment's words
    linker: str | None = None
    g = _load()
    i = 0
    linkers = _LINKERS_FOLDED if unmarked else _LINKERS_CANON  # one word or two, space-joined
    while i < len(folded):
        two = linkers.get(f"{folded[i]} {folded[i + 1]}") if i + 1 < len(folded) else None
        one = linkers.get(folded[i])
        if (two is not None or one is not None) and current_at:
            if not _inside_term(g, folded, i, len(current_at), two is not None, unmarked):
                segments.append((linker, current_at))
                current_at, linker = [], two if two is not None else one
                i += 2 if two is not None else 1
                continue
        current_at.append(i)
        i += 1
    if current_at:
        segments.append((linker, current_at))
    return segments


def _inside_term(
    g: _Glossary, folded: list[str], i: int, n_before: int, two: bool, unmarked: bool
) -> bool:
    """Does the linker at `i` belong to a glossary term around it?"""
    return any(
        _is_term(g, folded[i - k : i + n], unmarked)
        for n in range(1, 4)
        for k in range(1, min(n_before, 3) + 1)
    ) or any(
        _is_term(g, folded[i : i + n], unmarked)
        for n in range(3 if two else 2, min(g.max_vi_words, len(folded) - i) + 1)
    )


def _render(
    metric_vi: str,
    tokens: list[re.Match[str]],
    original: list[str],
    folded: list[str],
    segments: list[tuple[str | None, list[int]]],
    unmarked: bool,
) -> str | None:
    """The English of the segments, or None when nothing is known or a word is left over."""
    # which words a comma follows: the list "ngăn chặn, xử lý" is two participles (asked only
    # of a participle segment: worked out at the first)
    comma_after: list[bool] | None = None
    known = False
    parts: list[str] = []
    for link, at in segments:
        # a participle segment ("được ...") is read piece by piece between its commas
        groups: list[list[int]] = [[]]
        if link == "" and comma_after is None:
            comma_after = [
                "," in metric_vi[t.end() : tokens[k + 1].start() if k + 1 < len(tokens) else None]
                for k, t in enumerate(tokens)
            ]
        for j in at:
            groups[-1].append(j)
            if link == "" and comma_after is not None and comma_after[j]:
                groups.append([])
        chunked = [
            list(
                _chunks_of(tuple(folded[j] for j in grp), tuple(original[j] for j in grp), unmarked)
            )
            for grp in groups
            if grp
        ]
        if any(_untranslated(chunks) for chunks in chunked):
            return None  # half-translated metrics read worse than none
        known = known or any(is_known for chunks in chunked for _, is_known in chunks)
        phrase = _in_order(chunked) if link == "" else _english_noun_phrase(chunked[0])
        parts.append(f"{link} {phrase}" if link else phrase)
    return " ".join(parts) if known else None


def english_to_vietnamese(query: str) -> list[str]:
    """The folded Vietnamese terms for the English words and phrases of a query.

    Longest match first: "ICT contribution to GDP" -> ["dong gop vao gdp", "cong nghiep ict"].
    Words the glossary does not know are left out.
    """
    g = _load()
    words = [_norm_en_word(w) for w in _EN_WORD_RE.findall(query.lower())]
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(g.max_en_words, len(words) - i), 0, -1):
            key = " ".join(words[i : i + n])
            if key in g.en_to_vi:
                found.extend((n, vi) for vi in g.en_to_vi[key])
                i += n
                break
        else:
            i += 1
    out: list[str] = []
    for _, vi in sorted(found, key=lambda t: -t[0]):
        if vi not in out:
            out.append(vi)
    return out


_VI_LETTERS = frozenset("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_EN_COMMON = frozenset(
    """the of and in to a an is was were are be been by for with on at from as that this it its
    reached reach rose rise fell fall grew grow increased decreased up down than more less over
    about nearly almost around least billion million thousand trillion percent revenue revenues
    profit profits year years month months quarter total number share growth contribution
    subscribers users people companies enterprises businesses workers employees industry sector
    economy digital telecom telecommunications postal publishing services service mobile
    smartphone smartphones internet gdp vietnam vietnamese ministry according said says report
    dong usd vnd per cent first half which who has have had will would should not no only also
    estimated approximately some under below above roughly just close what how much many
    prime minister president chairman director deputy vice chief head spokesman government
    exports imports workers labour labor productivity budget villages coverage""".split()
)
# Vietnamese written without diacritics still reads as Vietnamese.
_VI_ASCII_COMMON = frozenset(
    """doanh thu nam dat ty trieu nghin ngan dong cua va la cac nhung voi trong tang giam nganh
    linh vuc vien thong buu chinh so nguoi lao dong nghiep kinh te loi nhuan thue bao khoang gan
    hon tren it nhat uoc tinh ve cho nay duoc da se co khong mot hai ba bon tren toan quoc
    chiem ty trong le phan tram thang quy dau cuoi so voi cung ky truoc xuat ban bao chi dien
    tu di dong cong nghiep nop ngach sach nha nuoc""".split()
)


_LETTERS_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def is_english(text: str) -> bool:
    """A heuristic: English when it has English words and no Vietnamese letters to speak of."""
    words = _LETTERS_RE.findall(text.lower())
    if not words:
        return False
    vi_marked = sum(1 for w in words if not _VI_LETTERS.isdisjoint(w))
    # (numbers._window_language repeats this first test: keep the two alike)
    if vi_marked and vi_marked >= max(1, len(words) // 5):
        return False
    en = sum(1 for w in words if w in _EN_COMMON)
    vi = sum(1 for w in words if w in _VI_ASCII_COMMON and w not in _EN_COMMON)
    return en > 0 and en >= vi
