"""`find`: what a journalist remembers -> the facts and quotes that say it, best first.

How a query is answered, and why it stays fast at a million facts:

1. The query is text, never FTS syntax: it is cleaned, folded (no case, no diacritics, đ -> d)
   and cut into at most MAX_TOKENS words, each quoted as an FTS5 string.
2. Figures in it ("138.000", "138 nghìn tỷ", "75,8%") are read by mickb.text.numbers and looked up
   by value in the indexes on facts(value) and facts(base_value), allowing for rounding; a
   figure that reads two ways ("96,433": Vietnamese 96.433 or English 96433) is looked up both.
3. Each word is a group of alternatives. A word the glossary knows in English ("exports",
   "minister") adds its Vietnamese terms and is never spelling-corrected: an English word is
   matched whole or through the glossary, never as a near spelling of another word ("exports"
   is not "sports"). Other words the index has never seen are corrected against the `terms`
   vocabulary (rapidfuzz, one or two edits: "vin" -> "vien"); a short last word is completed.
4. Candidates come from a few full-text queries, strictest first (the whole phrase, then all
   words, then any informative word), each LIMITed. bm25 ranking reads the doclist of every
   query word and a phrase the positions of every row holding all its words, so both are used
   only when the vocabulary (`terms`) says the match set is small; otherwise rows are taken
   unranked in index order. So the work per query is bounded whatever the KB's size.
5. The bounded candidate set is re-ranked in Python: words covered, similarity of the query to
   the metric (rapidfuzz), the exact phrase, the figure's value, a speaker's name, how close
   the words stand to the figure in its sentence, and the exact accented forms typed.
6. Relevant or nothing: a candidate is a real match when it covers the query's informative
   words (weighted by how rare each is; a word typed with diacritics counts fully only where
   the record writes it so) and, when the query holds a figure, that figure. Others are weak
   matches, returned only on request (`include_weak`, `find --all`).
7. One row per figure (mickb.query.group): a growth rate folds into its level's row, the same
   figure stated twice in a source shows once, and the same figure in several sources is one
   row listing them all (`sources`); other values for the same metric and period are listed
   in `conflicts`.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from mickb.errors import BadInput, RecordNotFound
from mickb.kb import schema as migrations
from mickb.kb.fts import fts_phrase
from mickb.kb.store import KB
from mickb.text.fold import canon, fold

if TYPE_CHECKING:
    from mickb.records import FactRecord, QuoteRecord

MAX_QUERY_CHARS = 1000  # what a person types; the rest of a pasted page is ignored
MAX_TOKENS = 12
MAX_NUMBERS = 4
STAGE_LIMIT = 100  # rows one full-text query may bring
CANDIDATES = 200  # rows re-ranked per kind
# bm25 first counts the rows of every query word's doclist (~1.6 µs each: "tăng" in 680k
# facts takes a second), so ranking is affordable only for queries of rare words.
RANK_COST = 6000
PHRASE_BELOW = 5000  # estimated rows holding every word under which a phrase query is cheap
LARGE_KB = 20000  # rows beyond which the AND of a query leaves out words most rows contain
MIN_SCORE = 0.3  # below it a record shares only a stray common word with the query
REFINE = 30  # best candidates that get the costlier proximity and accent scores
FALLBACK_BELOW = 10  # rows found under which the all-words-but-one stages run
# A real match covers this share of the query's words, and of its words weighted by rarity.
RELEVANT_COVERAGE = 0.75
# What a word counts that stands only elsewhere in the sentence, about another figure.
FAR = 0.25
# What a word typed with diacritics counts where the record writes it otherwise ("trọng"
# is not "trong"): in Vietnamese the marks make the word.
OTHER_MARKS = 0.25
# What a syllable counts when the record holds none of the syllables typed beside it: in
# Vietnamese a word is often two syllables ("doanh thu", "viễn thông").
ISOLATED = 0.5
COMPOUND_SEEN = 2  # candidates writing two query syllables side by side make them one word
SPLIT = 0.25  # what each half of such a word counts in a record that holds them apart
HEADLESS = 0.7  # the most a record without the query's first syllable can hold of it
# With a figure in the query, the figure must match and the words cover at least this share.
RELEVANT_WITH_FIGURE = 0.5
SORTS = ("relevance", "date", "value")
QUOTE_SIMILARITY = 0.6
# A fact's own words: its metric and its sentence from NEAR_BEFORE characters before the
# figure to NEAR_AFTER after it.
NEAR_BEFORE = 100
NEAR_AFTER = 40

_TOKEN_RE = re.compile(r"[^\W_]+")
_ACCENTED = re.compile(r"[^\x00-\x7f]")
_RECORD_ID = re.compile(r"^[fq][0-9a-f]{11}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# "96,433" or "1,234,567": English thousands (Vietnamese would read a decimal comma);
# "1.5" or "12.75": an English decimal point (Vietnamese would read thousands).
_EN_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_EN_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")
_FIGURE_ONLY = re.compile(r"^\s*(?P<num>(?P<digits>\d+)(?P<sep>[.,][\d.,]*\d)?)\s*(?P<pct>%)?\s*$")
# Words an English query holds that say nothing about a figure.
_EN_STOP = frozenset(
    """a an the of and or in on at to for from by with as is are was were be been that this
    these those it its what which who how much many per than into about""".split()
)
# A Vietnamese syllable typed without diacritics ("thong", "nghiep", "khuyen"): anything
# else of ASCII letters ("exports", "minister", "gdp") is a foreign word.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})(?:ng|nh|ch|[cmnpt])?$"
)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_BARE_FIGURE = re.compile(r"^\[?\d{1,3}\]?$")
_CLAUSE_END = re.compile(r"[;:]|[,.](?!\d)")
_CLAUSE_MARKS = (";", ":", ", ", ". ")


class Hit(NamedTuple):
    """One record found, its score, and the folded words (and figure) it matched.

    `weak` is True for a record that only shares some of the query's words (returned only
    when asked for, `find(..., include_weak=True)`).
    """

    record: FactRecord | QuoteRecord
    score: float
    matched: list[str]  # folded words (and figure) found in the record, to highlight
    weak: bool = False


class _Number(NamedTuple):
    text: str
    value: float
    base_value: float | None
    unit: str
    value_tolerance: float  # half a unit of the last digit written: "14,3" covers 14,25..14,35
    base_tolerance: float
    base_unit: str | None  # "VND", "USD", "%": 100 triệu USD is not 100 triệu đồng


class _Group:
    """One query word and what may stand for it in a record."""

    __slots__ = ("word", "alternatives", "english", "accented", "weight", "syllable")

    def __init__(self, word: str, accented: str | None) -> None:
        self.word = word  # folded
        # (folded word or phrase, credit): the word itself 1.0, a glossary term 1.0, a spelling
        # correction or completion 0.75
        self.alternatives: list[tuple[str, float]] = [(word, 1.0)]
        self.english = False  # an English word: matched whole or through the glossary only
        self.accented = accented  # canon() of the word when typed with diacritics
        self.weight = 1.0  # how informative the word is in this KB (rarer weighs more)
        # A Vietnamese syllable, which may be half of a word with the one typed beside it
        self.syllable = word.isalpha() and (not word.isascii() or not _foreign(word))

    @property
    def terms(self) -> list[str]:
        return [alternative for alternative, _ in self.alternatives]


class _Plan:
    __slots__ = (
        "text",
        "tokens",
        "groups",
        "numbers",
        "english_text",
        "df",
        "total",
        "respelt",
    )

    def __init__(
        self,
        text: str,  # folded query words, space-joined
        tokens: list[str],  # folded words (figures taken out)
        groups: list[_Group],
        numbers: list[_Number],
        english_text: str,  # the English words, folded, for metric_en similarity
        df: dict[str, int],  # records per term (vocabulary)
        total: int,
    ) -> None:
        self.text, self.tokens, self.groups, self.numbers = text, tokens, groups, numbers
        self.english_text, self.df, self.total = english_text, df, total
        self.respelt = False  # words the KB knows were given near spellings too


class _Filters(NamedTuple):
    sector: str | None
    period: str | None
    speaker: str | None
    source_ids: list[str] | None
    since: str | None  # ISO dates, inclusive
    until: str | None


class _Scored(NamedTuple):
    score: float
    kind: str
    rowid: int
    matched: list[str]
    strong: bool


# --- query preparation ---------------------------------------------------------------------


def _clean(query: str) -> str:
    query = query[: MAX_QUERY_CHARS * 4]
    query = unicodedata.normalize("NFC", query)[:MAX_QUERY_CHARS]
    # Control characters, lone surrogates (undecodable bytes) and format marks become spaces.
    return "".join(ch if ch.isprintable() else " " for ch in query)


def _tolerance(decimals: int, value: float) -> float:
    step = 0.5 * 10 ** (-decimals) if decimals >= 0 else 0.5
    return max(step, abs(value) * 1e-9)


def _english_readings(query: str) -> list[tuple[int, int, float, int]]:
    """Numbers written the English way: (start, end, value, decimals)."""
    found = []
    for match in _EN_THOUSANDS.finditer(query):
        text = match.group(0).replace(",", "")
        decimals = len(text.split(".")[1]) if "." in text else 0
        found.append((match.start(), match.end(), float(text), decimals))
    for match in _EN_DECIMAL.finditer(query):
        text = match.group(0)
        found.append((match.start(), match.end(), float(text), len(text.split(".")[1])))
    return found


def _bare_figure(query: str) -> list[tuple[int, int, _Number]] | None:
    """A query that is only a figure written with separators or a percent sign ("138.000",
    "75,80%", "96,433"), read here: the number reader costs ~20 ms of start-up to import.
    None for anything else (words, scale words, a bare year)."""
    match = _FIGURE_ONLY.match(query)
    if match is None or not (match["sep"] or match["pct"] or len(match["digits"]) > 4):
        return None
    text = match["num"]
    whole, _, decimal = text.partition(",")
    groups = whole.split(".")
    if "," in decimal or not all(len(g) == 3 for g in groups[1:]):
        return []  # not a Vietnamese number; the English reading may still read it
    value = float("".join(groups) + ("." + decimal if decimal else ""))
    step = _tolerance(len(decimal), value)
    unit = "%" if match["pct"] else ""
    number = _Number(text + unit, value, value, unit, step, step, "%" if unit else None)
    return [(match.start("num"), match.end("pct") if unit else match.end("num"), number)]


def _parse_numbers(query: str) -> list[tuple[int, int, _Number]]:
    if not any(ch.isdigit() for ch in query):
        # find_numbers needs a \d, and every \d is isdigit(): words alone do not pay for
        # importing the number reader (~20 ms of start-up)
        return []
    found = _bare_figure(query)
    if found is None:
        found = _read_numbers(query)
    return _with_english_readings(query, found)


def _read_numbers(query: str) -> list[tuple[int, int, _Number]]:
    try:
        from mickb.text.numbers import find_numbers
    except ImportError:  # the numbers module is optional to search: words still work
        return []
    found: list[tuple[int, int, _Number]] = []
    try:
        matches = find_numbers(query)
    except Exception:  # a figure we cannot read must not break the search for the words
        return []
    for m in matches[:MAX_NUMBERS]:
        if not math.isfinite(m.value):
            continue
        step = _tolerance(m.decimals, m.value)
        base = m.base_value if m.base_value is not None and math.isfinite(m.base_value) else None
        scale = m.scale if m.scale and math.isfinite(m.scale) else 1.0
        found.append(
            (
                m.start,
                m.end,
                _Number(
                    m.text,
                    m.value,
                    base,
                    m.unit or "",
                    step,
                    max(step * scale, abs(base or 0) * 1e-9),
                    m.base_unit,
                ),
            )
        )
    return found


def _with_english_readings(
    query: str, found: list[tuple[int, int, _Number]]
) -> list[tuple[int, int, _Number]]:
    """The same digits the other way too: "96,433" is 96433 to an English reader."""
    for start, end, value, decimals in _english_readings(query):
        read = [n for s, e, n in found if s <= start and end <= e]
        if any(abs(n.value - value) <= n.value_tolerance for n in read):
            continue
        like = read[0] if read else None
        factor = value / like.value if like is not None and like.value else 1.0
        base = like.base_value * factor if like is not None and like.base_value else None
        step = _tolerance(decimals, value)
        scale = (like.base_value / like.value) if like and like.base_value and like.value else 1.0
        found.append(
            (
                start,
                end,
                _Number(
                    query[start:end],
                    value,
                    base,
                    like.unit if like is not None else "",
                    step,
                    max(step * scale, abs(base or 0) * 1e-9),
                    like.base_unit if like is not None else None,
                ),
            )
        )
    return found[: MAX_NUMBERS * 2]


class _Glossary:
    """The bilingual glossary seen from search: English word or phrase -> folded Vietnamese."""

    def __init__(self) -> None:
        from mickb.text.glossary import english_to_vietnamese, terms

        self.translate = english_to_vietnamese
        # The preferred English of every Vietnamese term, backwards: "export" -> "xuat khau"
        # (english_to_vietnamese gives one term per English phrase, the glossary's first).
        self.by_english: dict[str, list[str]] = {}
        for vietnamese, english in terms().items():
            key = _singular_phrase(english.lower().removesuffix(" of"))
            self.by_english.setdefault(key, []).append(fold(vietnamese))

    def vietnamese(self, phrase: str) -> list[str]:
        found = list(self.translate(phrase))
        for term in self.by_english.get(_singular_phrase(phrase), []):
            if term not in found:
                found.append(term)
        return found


def _singular_phrase(phrase: str) -> str:
    words = []
    for w in phrase.split():
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def _glossary(kb: KB) -> _Glossary | None:
    if "glossary" not in kb.cache:
        try:
            kb.cache["glossary"] = _Glossary()
        except Exception:  # the glossary is a help, never a reason to fail
            kb.cache["glossary"] = None
    glossary: _Glossary | None = kb.cache["glossary"]
    return glossary


def _foreign(word: str) -> bool:
    return word.isascii() and word.isalpha() and not _SYLLABLE.match(word)


def _is_english(query: str) -> bool:
    words = query.split()
    marked = sum(1 for w in words if not w.isascii())
    if marked and marked >= max(1, len(words) // 5):
        return False  # Vietnamese written with its marks (the glossary's first test, sooner)
    try:
        from mickb.text.glossary import is_english
    except ImportError:
        return False
    try:
        return bool(is_english(query))
    except Exception:
        return False


def _english_groups(
    glossary: _Glossary, words: list[str], groups: dict[str, _Group], english_query: bool
) -> None:
    """Mark the English words and give them the glossary's Vietnamese terms: each word of a
    phrase the glossary knows as one ("contribution to GDP" -> "đóng góp vào GDP") gets the
    phrase's term, and a word on its own ("exports") its own terms."""
    english = [w.isascii() and w.isalpha() for w in words]
    single = {w: glossary.vietnamese(w) if english[i] else [] for i, w in enumerate(words)}
    found: dict[str, list[str]] = {w: list(t) for w, t in single.items()}
    if english_query:
        claimed = {t for terms in single.values() for t in terms}
        for size in (2, 3, 4):  # a term goes to the shortest phrase that names it
            for i in range(len(words) - size + 1):
                if not all(english[i : i + size]):
                    continue
                phrase = words[i : i + size]
                whole = [t for t in glossary.vietnamese(" ".join(phrase)) if t not in claimed]
                claimed.update(whole)
                for w in phrase:
                    found[w] += [t for t in whole if t not in found[w]]
    for word, terms in found.items():
        group = groups.get(word)
        if group is None:
            continue
        if terms or (english_query and word.isascii()):
            group.english = True
            group.syllable = False
        for term in terms:
            if term != word and all(term != a for a, _ in group.alternatives):
                group.alternatives.append((term, 1.0))


class _Vocabulary:
    """The KB's index terms and their record counts, read per initial letter as needed (a
    fresh process corrects one or two words: reading every term costs more than the query)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.counts: dict[str, int] = {}
        self.words: dict[str, list[str]] = {}  # initial letter ("" for all) -> terms

    def _terms(self, initial: str) -> list[str]:
        words = self.words.get(initial)
        if words is None:
            if initial:
                rows = self.conn.execute(
                    "SELECT term, n FROM terms WHERE term >= ? AND term < ?",
                    (initial, initial + "\U0010ffff"),
                ).fetchall()
            else:
                rows = self.conn.execute("SELECT term, n FROM terms").fetchall()
            self.counts.update(rows)
            words = self.words[initial] = [t for t, _ in rows if not t.isdigit()]
        return words

    def near(self, token: str, max_distance: int, limit: int = 3) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        # Most typos keep the first letter: look there first, then everywhere.
        for initial in (token[:1], ""):
            # OSA: two letters swapped ("vnag" -> "vang") is one edit, as people mistype.
            found = process.extract(
                token,
                self._terms(initial),
                scorer=OSA.distance,
                score_cutoff=max_distance,
                limit=20,
            )
            found = [item for item in found if item[0] != token]
            if found:
                break
        found.sort(key=lambda item: (item[1], -self.counts.get(item[0], 0), item[0]))
        return [word for word, _, _ in found][:limit]


def _vocabulary(kb: KB) -> _Vocabulary:
    conn = kb.connection
    key = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    cache = kb.cache.setdefault("vocabulary", {})
    if cache.get("key") != key:
        cache["key"] = key
        cache["value"] = _Vocabulary(conn)
    vocabulary: _Vocabulary = cache["value"]
    return vocabulary


def _max_edits(token: str) -> int:
    if len(token) <= 2 or any(ch.isdigit() for ch in token):
        return 0
    return 1 if len(token) <= 4 else 2


def _completions(conn: sqlite3.Connection, prefix: str, limit: int = 4) -> list[str]:
    rows = conn.execute(
        "SELECT term FROM terms WHERE term > ? AND term < ? ORDER BY n DESC, term LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    ).fetchall()
    return [r[0] for r in rows]


def _counts(conn: sqlite3.Connection, words: Iterable[str]) -> dict[str, int]:
    unique = sorted(set(words))
    if not unique:
        return {}
    marks = ",".join("?" * len(unique))
    return dict(conn.execute(f"SELECT term, n FROM terms WHERE term IN ({marks})", unique))


def _plan(kb: KB, query: str, respell: bool = False) -> _Plan:
    """The query read into word groups and figures. `respell`: also look for near spellings
    of words the KB knows (a typo that is itself a word: "kin tế", "xuất khẩ")."""
    conn = kb.connection
    numbers = _parse_numbers(query)
    # Words inside a figure ("138.000 tỷ đồng") are matched through the figure's value.
    masked = list(query)
    for start, end, _ in numbers:
        masked[start:end] = " " * (end - start)
    words_text = "".join(masked)
    english_query = _is_english(query)
    words: list[str] = []  # folded, in order, as typed (English phrases keep "to", "of")
    groups: list[_Group] = []
    seen: set[str] = set()
    for written in _TOKEN_RE.findall(words_text)[: MAX_TOKENS * 2]:
        for token in _TOKEN_RE.findall(fold(written)):
            words.append(token)
            if token in seen or (english_query and token in _EN_STOP):
                continue
            seen.add(token)
            accented = canon(written) if _ACCENTED.search(written) else None
            groups.append(_Group(token, accented if fold(written) == token else None))
    groups = groups[:MAX_TOKENS]
    # The glossary costs ~15 ms to load: only for English queries and foreign-looking words.
    if english_query or any(_foreign(g.word) for g in groups):
        glossary = _glossary(kb)
        if glossary is not None:
            by_word = {g.word: g for g in groups}
            _english_groups(glossary, words, by_word, english_query)

    df = _counts(conn, (w for g in groups for term in g.terms for w in term.split()))
    total = sum(
        conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
        for table in ("facts", "quotes")
    )
    vocabulary: _Vocabulary | None = None
    ends_open = bool(query) and not query[-1].isspace()
    for i, group in enumerate(groups):
        token = group.word
        if group.english or (token.isdigit() and len(token) > 4):
            continue
        if token in df and not (respell and group.syllable):
            continue
        extra: list[str] = []
        if i == len(groups) - 1 and ends_open and len(token) >= 2 and token not in df:
            extra += _completions(conn, token)
        # A word the KB knows is respelt by one edit only: the typo that made another word.
        edits = min(1, _max_edits(token)) if token in df else _max_edits(token)
        if edits:
            vocabulary = vocabulary or _vocabulary(kb)
            # Respelling a known word, more of its neighbours: the typed diacritics (or the
            # words around it) pick the one meant among "khi", "khác", "khẩu" for "khẩ".
            extra += vocabulary.near(token, edits, limit=8 if token in df else 3)
        for alternative in dict.fromkeys(extra):
            if alternative != token:
                group.alternatives.append((alternative, 0.75))
        df.update(_counts(conn, [t for t in extra if t not in df]))
    for group in groups:
        group.weight = _weight(group, df, total)
    tokens = [g.word for g in groups]
    english_words = [g.word for g in groups if g.english]
    plan = _Plan(
        text=" ".join(tokens),
        tokens=tokens,
        groups=groups,
        numbers=[n for _, _, n in numbers],
        english_text=" ".join(english_words) if english_query else "",
        df=df,
        total=max(total, 1),
    )
    plan.respelt = respell
    return plan


def _term_df(df: dict[str, int], term: str) -> int:
    if " " not in term:
        return df.get(term, 0)
    return min(df.get(w, 0) for w in term.split())


def _weight(group: _Group, df: dict[str, int], total: int) -> float:
    """Inverse document frequency of the word (or of its best stand-in the KB holds): words
    in most records ("năm", "của") weigh little, rare ones much."""
    n = _term_df(df, group.word)  # a word the KB lacks says much: corrections match less
    if group.english:
        n = max((_term_df(df, term) for term in group.terms), default=0)
    return max(0.2, math.log((total + 1) / (n + 0.5)))


# --- candidates ----------------------------------------------------------------------------


class _Stage(NamedTuple):
    expression: str
    weight: float
    estimate: int  # upper bound of the rows it matches, from the vocabulary
    cost: int  # rows in the doclists of all its words: what bm25 reads to rank it
    fallback: bool  # run only when the stricter stages found next to nothing


def _group_df(plan: _Plan, group: _Group) -> int:
    return sum(_term_df(plan.df, t) for t in group.terms)


def _group_expression(group: _Group) -> str:
    alternatives = [fts_phrase(t) for t in group.terms]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _stage(
    plan: _Plan, expression: str, weight: float, estimate: int, fallback: bool = False
) -> _Stage:
    words = set(_TOKEN_RE.findall(expression))
    cost = sum(plan.df.get(w, 0) for w in words)
    return _Stage(expression, weight, estimate, cost, fallback)


def _stages(plan: _Plan) -> list[_Stage]:
    stages: list[_Stage] = []
    groups = plan.groups
    # A phrase query reads the positions of every row holding all its words: cheap for rare
    # words, ~30 ms at a million facts for common ones (and "doanh thu ... năm 2022" rarely
    # stands as one phrase). Then the AND stage brings the rows and scoring rewards the phrase.
    if len(plan.tokens) >= 2 and all(plan.df.get(t) for t in plan.tokens):
        estimate = _term_df(plan.df, plan.text)
        if estimate <= PHRASE_BELOW:
            stages.append(_stage(plan, fts_phrase(plan.text), 1.0, estimate))
    if groups:
        required = groups
        if plan.total > LARGE_KB:
            # Words in most rows ("năm", "số", "tăng") add nothing to an AND but the cost of
            # walking their doclists; the re-ranking still counts them.
            required = [g for g in groups if _group_df(plan, g) <= plan.total // 2] or groups
        estimate = min(_group_df(plan, g) for g in required)
        expression = " AND ".join(_group_expression(g) for g in required)
        stages.append(_stage(plan, expression, 0.8, estimate))
        if 3 <= len(required) <= 6:
            # All the words but one, when hardly anything holds them all ("lương tối thiểu"
            # for "lương tối thiểu vùng"): a near miss ranks above a record of one word.
            for left_out in sorted(required, key=lambda g: -g.weight):
                kept = [g for g in required if g is not left_out]
                expression = " AND ".join(_group_expression(g) for g in kept)
                estimate = min(_group_df(plan, g) for g in kept)
                stages.append(_stage(plan, expression, 0.6, estimate, fallback=True))
    # Relaxed: any word that says something (not one that half the KB contains).
    common = max(plan.total // 10, min(plan.total, 1000))
    informative = [g for g in groups if 0 < _group_df(plan, g) <= common]
    if len(groups) > 1 and informative:
        informative.sort(key=lambda g: _group_df(plan, g))
        chosen = informative[:4]
        expression = " OR ".join(_group_expression(g) for g in chosen)
        stages.append(_stage(plan, expression, 0.4, sum(_group_df(plan, g) for g in chosen)))
    return stages


def _filter_sql(kind: str, filters: _Filters) -> tuple[str, list[Any], list[str]]:
    """SQL conditions on the record table `t`, their parameters, and phrases every match must
    contain (the filter's words are in search_text too, so FTS narrows before SQL checks)."""
    sql: list[str] = []
    params: list[Any] = []
    phrases: list[str] = []
    wanted = {"sector": filters.sector, "period": filters.period} if kind == "fact" else {}
    for column, value in wanted.items():
        if value:
            folded = " ".join(_TOKEN_RE.findall(fold(value)))
            sql.append(f"instr(mickb_fold(t.{column}), ?) > 0")
            params.append(folded)
            phrases.append(folded)
    if kind == "quote" and filters.speaker:
        folded = " ".join(_TOKEN_RE.findall(fold(filters.speaker)))
        sql.append(
            "(instr(mickb_fold(t.speaker_name), ?) > 0 OR instr(mickb_fold(t.speaker_role), ?) > 0)"
        )
        params += [folded, folded]
        phrases.append(folded)
    if filters.source_ids is not None:
        sql.append(f"t.source_id IN ({','.join('?' * len(filters.source_ids))})")
        params += filters.source_ids
    if filters.since or filters.until:
        sql.append("t.source_id IN (SELECT id FROM sources WHERE date >= ? AND date <= ?)")
        params += [filters.since or "0000", filters.until or "9999-99-99"]
    return "".join(f" AND {s}" for s in sql), params, [p for p in phrases if p]


def _candidates(kb: KB, kind: str, plan: _Plan, filters: _Filters) -> dict[int, float]:
    """rowid -> best stage weight, for a bounded set of rows."""
    conn = kb.connection
    table = "facts" if kind == "fact" else "quotes"
    fts = f"{table}_fts"
    where, params, phrases = _filter_sql(kind, filters)
    must = "".join(f" AND {fts_phrase(p)}" for p in phrases)
    found: dict[int, float] = {}

    for stage in _stages(plan):
        if len(found) >= CANDIDATES:
            break
        if stage.fallback and len(found) >= FALLBACK_BELOW:
            continue
        expression = f"({stage.expression}){must}" if must else stage.expression
        base = (
            f"SELECT {fts}.rowid FROM {fts} JOIN {table} t ON t.rowid = {fts}.rowid "
            f"WHERE {fts} MATCH ?{where}"
        )
        if stage.cost <= RANK_COST:
            sql = f"{base} ORDER BY {fts}.rank LIMIT ?"
        else:
            # Too costly to rank: take the rows in index order (rowid ascending; descending
            # costs twice as much on long doclists) and let the re-ranking sort them out.
            sql = f"{base} LIMIT ?"
        try:
            rows = conn.execute(sql, [expression, *params, STAGE_LIMIT]).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():
                continue  # a query the index cannot parse finds nothing; it is not an error
            raise
        for (rowid,) in rows:
            found.setdefault(rowid, stage.weight)
        if len(rows) >= STAGE_LIMIT:
            break  # a full page of stricter matches: looser stages would only rank below

    if kind == "fact":
        for number in plan.numbers:
            for column, target, tolerance in (
                ("value", number.value, number.value_tolerance),
                ("base_value", number.base_value, number.base_tolerance),
            ):
                if target is None or (column == "base_value" and target == number.value):
                    continue
                unit_sql, unit_params = "", []
                if column == "base_value" and number.base_unit:
                    unit_sql, unit_params = " AND t.base_unit = ?", [number.base_unit]
                # In index order, no sort: a round number may match thousands of facts.
                sql = (
                    f"SELECT t.rowid FROM facts t WHERE t.{column} BETWEEN ? AND ?"
                    f"{unit_sql}{where} LIMIT ?"
                )
                bounds = [target - tolerance, target + tolerance]
                matches = conn.execute(sql, [*bounds, *unit_params, *params, STAGE_LIMIT])
                for (rowid,) in matches:
                    found.setdefault(rowid, 0.0)
    return found


# --- scoring -------------------------------------------------------------------------------


def _number_score(
    plan: _Plan, value: float | None, base: float | None, unit: str | None, base_unit: str | None
) -> float:
    best = 0.0
    for n in plan.numbers:
        same_base_unit = not n.base_unit or not base_unit or n.base_unit == base_unit
        if value is not None and abs(value - n.value) <= n.value_tolerance:
            exact = abs(value - n.value) <= abs(n.value) * 1e-9 + 1e-12
            same_unit = (
                not n.unit
                or fold(n.unit) == fold(unit or "")
                or (
                    n.base_value is not None
                    and base is not None
                    and same_base_unit
                    and abs(base - n.base_value) <= n.base_tolerance
                )
            )
            best = max(best, (1.0 if exact else 0.6) * (1.0 if same_unit else 0.5))
        if n.base_value is not None and base is not None and n.base_value != n.value:
            if same_base_unit and abs(base - n.base_value) <= n.base_tolerance:
                exact = abs(base - n.base_value) <= abs(n.base_value) * 1e-9 + 1e-12
                best = max(best, 1.0 if exact else 0.6)
    return best


def _near_figure(row: tuple[Any, ...], folded_sentence: str) -> str:
    """The words of a fact's sentence around its figure: its clause, back to NEAR_BEFORE
    characters before it (a sentence of a report may list ten figures: its other clauses
    are about them)."""
    start, end, sentence = row[9], row[10], row[8] or ""
    if start is None or row[7] is None or len(sentence) != len(folded_sentence):
        return ""
    end = end if end is not None else start
    before = folded_sentence[max(0, start - NEAR_BEFORE) : start]
    before = before[max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1 :]
    after = _CLAUSE_END.split(folded_sentence[end : end + NEAR_AFTER], 1)[0]
    return before + folded_sentence[start:end] + after


def _holds(text: str, term: str) -> bool:
    """Whether folded `text` holds the folded word or phrase `term` as whole words."""
    at = text.find(term)
    size, end = len(term), len(text)
    while at >= 0:
        after = at + size
        if (at == 0 or not text[at - 1].isalnum()) and (after >= end or not text[after].isalnum()):
            return True
        at = text.find(term, after)
    return False


def _compounds(plan: _Plan, texts: list[str]) -> list[int]:
    """Query syllables i, i+1 that the candidates write side by side ("dân số", "doanh
    thu"): a two-syllable word, which a record holding its halves apart does not say. Pairs
    that overlap ("thu viễn" of "doanh thu viễn thông") yield to the one written more often."""
    groups = plan.groups
    seen: list[tuple[int, int]] = []
    for i in range(len(groups) - 1):
        if not (groups[i].syllable and groups[i + 1].syllable):
            continue
        pair = f"{groups[i].word} {groups[i + 1].word}"
        count = sum(1 for text in texts if _holds(text, pair))
        if count >= COMPOUND_SEEN:
            seen.append((count, i))
    chosen: list[int] = []
    for _, i in sorted(seen, key=lambda item: (-item[0], item[1])):
        if all(abs(i - j) > 1 for j in chosen):
            chosen.append(i)
    return sorted(chosen)


def _credits(
    plan: _Plan,
    near: str,
    anywhere: str,
    compounds: list[int] = (),  # type: ignore[assignment]
) -> tuple[list[float], list[str]]:
    """Per query word, how well the record holds it: 1 for the word or a glossary term, 0.75
    for a spelling correction or completion, times FAR when it stands only elsewhere in the
    sentence (not in the metric, the speaker, the quote or near the figure), times ISOLATED
    for a Vietnamese syllable whose neighbours in the query the record lacks ("doanh" of
    "doanh nghiệp" for "doanh thu"); and, per query word, what stood for it ("" none)."""
    credits: list[float] = []
    hits: list[str] = []
    for group in plan.groups:
        best, hit = 0.0, ""
        for alternative, credit in group.alternatives:
            if credit <= best:
                continue
            if _holds(near, alternative):
                best, hit = credit, alternative
            elif credit * FAR > best and _holds(anywhere, alternative):
                best, hit = credit * FAR, alternative
        credits.append(best)
        hits.append(hit)
    isolated: set[int] = set()
    split: set[int] = set()
    for i, group in enumerate(plan.groups):
        if not hits[i] or not group.syllable:
            continue
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(hits) and plan.groups[j].syllable]
        # Isolated: the syllables typed beside it are nowhere in the record ("thu" of
        # "doanh thu" when the record says "doanh nghiệp").
        if beside and not any(hits[j] for j in beside):
            isolated.add(i)
    for i in compounds:
        first, second = plan.groups[i].word, plan.groups[i + 1].word
        if hits[i] == first and hits[i + 1] == second:
            if not _holds(anywhere, f"{first} {second}"):
                split.update((i, i + 1))  # "dân" and "số" apart: "công dân ... số"
    for i in isolated - split:
        credits[i] *= ISOLATED
    for i in split:
        credits[i] *= SPLIT
    return credits, hits


def _whole_at(folded: str, word: str) -> Iterable[int]:
    at = folded.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not folded[at - 1].isalnum()) and (
            after >= len(folded) or not folded[after].isalnum()
        ):
            yield at
        at = folded.find(word, after)


def _proximity(plan: _Plan, folded: str, start: int | None, end: int | None) -> float:
    """How close the query's words stand to the figure in its sentence (1 = next to it)."""
    if start is None or not plan.groups:
        return 0.0
    end = end if end is not None else start
    total = 0.0
    for group in plan.groups:
        best: float | None = None
        for word in group.terms:
            for at in _whole_at(folded, word):
                after = at + len(word)
                # Words before the figure name it ("doanh thu ... đạt X"); after, less so.
                distance = start - after if after <= start else 2 * max(0, at - end)
                if best is None or distance < best:
                    best = distance
        if best is not None:
            total += 1.0 / (1.0 + best / 25.0)
    return total / len(plan.groups)


_fold_short = lru_cache(maxsize=4096)(fold)  # speakers' names and roles come back often


def _speaker_share(plan: _Plan, name: str | None, role: str | None) -> float:
    """The share of the query's words that name the quote's speaker (or, half as much, the
    speaker's role): "Nguyễn Mạnh Hùng" ranks his quotes above quotes that mention him, and
    "minister" (bộ trưởng) those of ministers."""
    best = 0.0
    for text, worth in ((name, 1.0), (role, 0.5)):
        if not text:
            continue
        folded = _fold_short(text)
        words = set(_TOKEN_RE.findall(folded))
        padded = f" {' '.join(_TOKEN_RE.findall(folded))} "
        credit = 0.0
        for group in plan.groups:
            if group.word in words:
                typed = not group.accented or _written_as(
                    group.accented, group.word, _aligned([(text, folded)])
                )
                credit += 1.0 if typed else OTHER_MARKS
            elif any(f" {term} " in padded for term in group.terms[1:] if " " in term):
                credit += 1.0  # a glossary term: "minister" -> "bộ trưởng"
        best = max(best, worth * credit / len(plan.groups))
    return best


def _select(kind: str, marks: str) -> str:
    if kind == "fact":
        return (
            "SELECT rowid, metric, metric_en, search_text, value, base_value, unit, value_text, "
            "sentence, span_start, span_end, measure, NULL, NULL, base_unit "
            f"FROM facts WHERE rowid IN ({marks})"
        )
    return (
        "SELECT rowid, text, NULL, search_text, NULL, NULL, NULL, NULL, "
        "sentence, span_start, span_end, NULL, speaker_name, speaker_role, NULL "
        f"FROM quotes WHERE rowid IN ({marks})"
    )


class _Candidate(NamedTuple):
    score: float
    rowid: int
    matched: list[str]
    row: tuple[Any, ...]
    head: str  # the folded metric (fact) or quote
    folded: str  # the folded sentence
    credits: list[float]
    hits: list[str]
    number: float


def token_set_similarity(query: str, text: str) -> float:
    """How alike two folded texts are as sets of words, 0..1: 1 when one's words hold the
    other's; else the better of the shared words against either side's words, as
    rapidfuzz's token_set_ratio computes it for strings that share a prefix (a lower bound
    of it in general). Plain Python: importing rapidfuzz would cost every `find` ~13 ms."""
    a, b = set(query.split()), set(text.split())
    shared = a & b
    if not shared:
        return 0.0
    if shared == a or shared == b:
        return 1.0

    def joined(words: set[str]) -> int:  # len(" ".join(sorted(words)))
        return sum(map(len, words)) + len(words) - 1

    common = joined(shared)
    with_a = common + 1 + joined(a - shared)
    with_b = common + 1 + joined(b - shared)
    return 2 * common / (common + min(with_a, with_b))


def _first_score(
    kind: str, plan: _Plan, row: tuple[Any, ...], stage: float, compounds: list[int]
) -> _Candidate:
    """Words covered, similarity to the metric, the phrase, the figure, the speaker."""
    search_text = row[3] or ""
    parts = search_text.split(" | ")
    head, folded = parts[0], parts[-1]
    if kind == "quote":
        # search_text is speaker name | role | quote | sentence (name and role if known)
        head = parts[-2] if len(parts) >= 2 else fold(row[1] or "")
    near = " | ".join(parts[:-1]) + " | " + _near_figure(row, folded)
    credits, hits = _credits(plan, near, search_text, compounds)
    matched = [w for h in hits if h for w in h.split()]
    coverage = sum(credits) / len(credits) if credits else 0.0
    similarity = 0.0
    if plan.text:
        similarity = token_set_similarity(plan.text, head)
        if kind == "quote":
            # A quote's words are many: holding the query's words says less than a metric
            # made of them does.
            similarity *= QUOTE_SIMILARITY
    english = [h for g, h in zip(plan.groups, hits, strict=True) if g.english]
    if english:
        # The English words through their Vietnamese terms: how many of them the metric holds.
        held = sum(1 for h in english if h and _holds(head, h))
        similarity = max(similarity, held / len(plan.groups))
    if plan.english_text and row[2]:
        similarity = max(similarity, token_set_similarity(plan.english_text, fold(row[2])))
    phrase = 1.0 if len(plan.tokens) > 1 and plan.text in search_text else 0.0
    number = _number_score(plan, row[4], row[5], row[6], row[14]) if kind == "fact" else 0.0
    if number and row[7]:
        matched.append(row[7])
    if plan.groups:
        score = 0.40 * coverage + 0.30 * similarity + 0.10 * phrase + 0.10 * stage
        score += 0.45 * number
    else:  # the query is only a figure
        score = 0.7 * number + (0.3 if number else 0.0)
    if kind == "fact":
        if row[11] != "change":
            score += 0.02  # a metric's level answers before its growth rate, all else equal
        if plan.groups and not row[6] and _BARE_FIGURE.match(row[7] or ""):
            # A number with no unit ("[8]", "3") is rarely the figure a word query wants.
            score -= 0.15
    else:
        score += 0.5 * _speaker_share(plan, row[12], row[13])
    return _Candidate(score, row[0], matched, row, parts[0], folded, credits, hits, number)


def _share(plan: _Plan, credits: list[float], accents: dict[str, bool]) -> float:
    """How much of the query the record holds: the lower of the share of its words and the
    share of their weight (rarer words weigh more). A respelt query must hold every word:
    near spellings of words that exist make near misses easily."""
    if not credits:
        return 0.0
    held = [
        c * (1.0 if not g.accented or accents.get(g.word, True) else OTHER_MARKS)
        for g, c in zip(plan.groups, credits, strict=True)
    ]
    if plan.respelt and min(held) < 0.75:
        return min(held)
    weighted = sum(g.weight * c for g, c in zip(plan.groups, held, strict=True))
    total_weight = sum(g.weight for g in plan.groups) or 1.0
    share = min(weighted / total_weight, sum(held) / len(held))
    if len(held) >= 3 and plan.groups[0].syllable and held[0] < 0.5:
        # Vietnamese names the thing first ("lương tối thiểu vùng"): a record without the
        # query's first word is about something else that shares its qualifiers.
        share = min(share, HEADLESS)
    return share


def _is_strong(plan: _Plan, share: float, number: float) -> bool:
    if plan.numbers:
        return number >= 0.6 and (not plan.groups or share >= RELEVANT_WITH_FIGURE)
    return share >= RELEVANT_COVERAGE


def _score(kb: KB, kind: str, plan: _Plan, found: dict[int, float]) -> list[_Scored]:
    if not found:
        return []
    select = _select(kind, ",".join("?" * len(found)))
    rows = kb.connection.execute(select, list(found)).fetchall()
    compounds = _compounds(plan, [row[3] or "" for row in rows])
    scored = [_first_score(kind, plan, row, found[row[0]], compounds) for row in rows]
    scored.sort(key=lambda c: (-c.score, c.rowid))
    accented = [g for g in plan.groups if g.accented]
    refined: list[_Scored] = []
    for position, c in enumerate(scored):
        score = c.score
        strong = _is_strong(plan, _share(plan, c.credits, {}), c.number)
        accents: dict[str, bool] = {}
        # The accents typed can only lower the share: read them where they may decide.
        if accented and (strong or position < REFINE):
            accents = _typed_accents(plan, kind, c.row, c.head, c.folded, c.hits)
            strong = strong and _is_strong(plan, _share(plan, c.credits, accents), c.number)
        if position < REFINE:
            if kind == "fact":
                score += 0.10 * _proximity(plan, c.folded, c.row[9], c.row[10])
            if accented:
                score += 0.10 * sum(1 for g in accented if accents.get(g.word)) / len(accented)
        if score >= MIN_SCORE or strong:
            refined.append(_Scored(score, kind, c.rowid, c.matched, strong))
    refined.sort(key=lambda item: (-item.score, item.rowid))
    return refined


def _typed_accents(
    plan: _Plan, kind: str, row: tuple[Any, ...], head: str, folded: str, hits: list[str]
) -> dict[str, bool]:
    """For each word typed with diacritics that the record holds, whether it writes it so
    (for a spelling correction: whether what it writes is within the word's edits of what was
    typed, diacritics counted: "thôg" is near "thông", "vàng" is not near "Văn")."""
    wanted = [
        (g, hit)
        for g, hit in zip(plan.groups, hits, strict=True)
        if g.accented and hit and " " not in hit
    ]
    if not wanted:
        return {}
    pairs = [(row[8] or "", folded)]
    if kind == "fact":
        pairs.append((row[1] or "", head))  # the metric, folded in search_text already
    else:
        pairs += [(extra, fold(extra)) for extra in (row[12], row[13]) if extra]
    texts = _aligned(pairs)
    found: dict[str, bool] = {}
    for group, hit in wanted:
        typed = group.accented or ""
        if hit == group.word:
            found[group.word] = _written_as(typed, hit, texts)
        else:
            edits = (
                min(1, _max_edits(group.word)) if group.word in plan.df else _max_edits(group.word)
            )
            found[group.word] = any(
                _near_spelling(typed, written, edits) for written in _written_forms(hit, texts)
            )
    return found


def _aligned(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(original lower-cased, folded) with one folded character per original character."""
    texts = []
    for original, folded in pairs:
        lower = original.lower()
        if len(lower) != len(original):
            continue
        if len(folded) != len(original):
            # A character that folds to several ("…"): fold again, one character for one.
            from mickb.text.fold import fold_keep_offsets

            folded = fold_keep_offsets(original)
        texts.append((lower, folded))
    return texts


def _written_as(wanted: str, plain: str, texts: list[tuple[str, str]]) -> bool:
    """Whether one of the texts (lower-cased, folded: `_aligned`) writes the word `plain`
    (folded) with the diacritics typed, `wanted` (canon; tone placement aside: hoà = hòa)."""
    for lower, folded in texts:
        for at in _whole_at(folded, plain):
            written = lower[at : at + len(plain)]
            if written == wanted or canon(written) == wanted:
                return True
    return False


def _written_forms(plain: str, texts: list[tuple[str, str]]) -> Iterable[str]:
    """How the texts (`_aligned`) write the folded word `plain` (canon)."""
    for lower, folded in texts:
        for at in _whole_at(folded, plain):
            yield canon(lower[at : at + len(plain)])


def _near_spelling(typed: str, written: str, edits: int) -> bool:
    """Whether two words are within `edits` of each other: letters by OSA on their
    decomposed form (every mark a letter: "khẩ" -> "khi" is three edits), plus one when
    their tones differ ("kín" is two edits from "kinh", not one)."""
    from rapidfuzz.distance import OSA

    (typed_base, typed_tone), (written_base, written_tone) = (
        _tone_apart(typed),
        _tone_apart(written),
    )
    tone = 0 if typed_tone == written_tone else 1
    if tone > edits:
        return False
    distance = OSA.distance(typed_base, written_base, score_cutoff=edits - tone)
    return bool(distance + tone <= edits)


def _tone_apart(word: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    return "".join(ch for ch in decomposed if ch not in _TONE_MARKS), tones


# --- the public function -------------------------------------------------------------------


def _resolve_sources(kb: KB, source: str) -> list[str]:
    wanted = source.strip()
    folded = fold(wanted)
    ids = []
    rows = kb.connection.execute("SELECT id, title, url, outlet FROM sources ORDER BY rowid")
    for source_id, title, url, outlet in rows:
        named = fold(f"{title or ''}\n{outlet or ''}")
        if wanted in (source_id, url) or (folded and folded in named):
            ids.append(source_id)
    return ids


def _fold_or_none(text: str | None) -> str:
    return fold(text) if text else ""


def parse_date(text: str | None, option: str, *, end: bool = False) -> str | None:
    """`--since`/`--until`: YYYY-MM-DD (or YYYY-MM, YYYY: the first or, for `end`, the last
    day of it) as an ISO date; anything else is BadInput."""
    if text is None:
        return None
    import datetime

    match = _DATE_RE.match(text.strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), match[2], match[3]
        if day is not None:
            return datetime.date(year, int(month), int(day)).isoformat()
        if month is not None:
            first = datetime.date(year, int(month), 1)
            if not end:
                return first.isoformat()
            following = datetime.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return (following - datetime.timedelta(days=1)).isoformat()
        return datetime.date(year, 12 if end else 1, 31 if end else 1).isoformat()
    except ValueError:
        raise BadInput(
            f"{option} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {text!r}"
        ) from None


def find(
    kb: KB,
    query: str,
    *,
    kind: str | None = None,
    sector: str | None = None,
    speaker: str | None = None,
    period: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str = "relevance",
    include_weak: bool = False,
    limit: int = 10,
) -> list[Hit]:
    """The facts and quotes that answer `query`, best first (at most `limit`), one per figure.

    Any text is a valid query (FTS operators, quotes and emoji are just characters); an empty
    one raises BadInput. Filters narrow by sector, speaker, period (folded substring), source
    (its id, url, or part of its title or outlet) and the source's date (`since`/`until`,
    inclusive, YYYY-MM-DD). Only real matches unless `include_weak` (then weak ones follow,
    `Hit.weak`). `sort`: "relevance", "date" (newest source first) or "value" (largest
    first). A fact record carries `sources` (every source stating that figure, its own first)
    and `conflicts` (other values for the same metric and period, with their sources).
    """
    if not isinstance(query, str) or not query.strip():
        raise BadInput("the query is empty: type the words or the figure you are looking for")
    if kind not in (None, "fact", "quote"):
        raise BadInput(f"--kind must be 'fact' or 'quote', not {kind!r}")
    if sort not in SORTS:
        raise BadInput(f"--sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 1:
        raise BadInput("--limit must be at least 1")
    first_day = parse_date(since, "--since")
    last_day = parse_date(until, "--until", end=True)
    if first_day and last_day and first_day > last_day:
        raise BadInput(f"--since {since} is after --until {until}: nothing can be in between")
    cleaned = _clean(query)
    kinds = [kind] if kind else ["fact", "quote"]
    if speaker and "fact" in kinds:
        kinds.remove("fact")  # facts have no speaker
    if (sector or period) and "quote" in kinds:
        kinds.remove("quote")  # quotes have no sector or period
    if not kinds:
        return []
    if _RECORD_ID.match(cleaned.strip()):
        # A pasted record id (from `find --json` or a citation) finds that record.
        try:
            record = kb.get(cleaned.strip())
        except RecordNotFound:
            pass
        else:
            if record["kind"] in kinds:
                from mickb.query.group import one_row_per_figure

                return [Hit(one_row_per_figure(kb, [record])[0][0], 1.0, [])]  # type: ignore[arg-type]
    with kb.reading():
        conn = kb.connection
        if not kb.cache.get("functions"):
            conn.create_function("mickb_fold", 1, _fold_or_none, deterministic=True)
            kb.cache["functions"] = True
        if migrations.schema_version(conn) < 2:
            return []  # an old KB opened read-only: nothing to search with
        source_ids = _resolve_sources(kb, source) if source else None
        if source_ids == []:
            return []
        filters = _Filters(sector, period, speaker, source_ids, first_day, last_day)
        plan = _plan(kb, cleaned)
        if not plan.groups and not plan.numbers:
            return []
        ranked = _ranked(kb, kinds, plan, filters)
        if not any(s.strong for s in ranked) and any(g.syllable for g in plan.groups):
            # Nothing holds the words as typed: maybe a typo that is itself a word.
            respelt = _ranked(kb, kinds, _plan(kb, cleaned, respell=True), filters)
            if any(s.strong for s in respelt):
                ranked = respelt
        ranked = [s for s in ranked if s.strong or include_weak]
        return _rows(kb, ranked, sort, limit, filters)


def _ranked(kb: KB, kinds: list[str], plan: _Plan, filters: _Filters) -> list[_Scored]:
    ranked: list[_Scored] = []
    for k in kinds:
        ranked += _score(kb, k, plan, _candidates(kb, k, plan, filters))
    ranked.sort(key=lambda s: (not s.strong, -s.score, s.kind, s.rowid))
    return ranked


def _rows(kb: KB, ranked: list[_Scored], sort: str, limit: int, filters: _Filters) -> list[Hit]:
    """The ranked candidates as one row per figure, in the order asked for, at most `limit`."""
    from mickb.query.group import Grouping

    # Grouping folds rows together: take enough to fill the page (or, to sort by date or
    # value, every real match: the bounded candidate set).
    pool = ranked if sort != "relevance" else ranked[: limit * 3 + 10]
    records: dict[tuple[str, int], dict[str, Any]] = {}
    for k in ("fact", "quote"):
        rowids = [s.rowid for s in pool if s.kind == k]
        for rowid, record in kb.records_by_rowid(k, rowids).items():
            records[(k, rowid)] = record
    found = [(records[(s.kind, s.rowid)], s) for s in pool if (s.kind, s.rowid) in records]
    rows = _with_levels(kb, [r for r, _ in found])
    grouping = Grouping(kb, rows, (filters.source_ids, filters.since, filters.until))
    if sort == "date":
        grouping.rows.sort(key=lambda row: _negated_date(row.record))
    elif sort == "value":
        grouping.rows.sort(key=lambda row: _negated_value(row.record))
    by_id = {r["id"]: s for r, s in found}
    hits: list[Hit] = []
    for record, members in grouping.first(limit + 2):
        scores = [by_id[m] for m in members if m in by_id]
        best = max(scores, key=lambda s: (s.strong, s.score))
        matched = _unique(w for s in scores for w in s.matched)
        hits.append(Hit(record, round(best.score, 4), matched, not best.strong))  # type: ignore[arg-type]
    if sort != "relevance":
        hits.sort(key=lambda h: h.weak)  # stable: real matches first, in the order asked for
    return hits[:limit]


def _with_levels(kb: KB, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records, each growth rate preceded by the level it was stated with when the
    search did not find that level: the rate shows in the level's row."""
    have = {r["id"] for r in records}
    wanted = [
        rid
        for r in records
        if r.get("kind") == "fact" and r.get("measure") == "change"
        for rid in r.get("related") or []
        if rid not in have
    ]
    if not wanted:
        return records
    levels: dict[str, dict[str, Any]] = {}
    for rid in dict.fromkeys(wanted):
        try:
            other = kb.get(rid)
        except RecordNotFound:
            continue
        if other.get("kind") == "fact" and other.get("measure") != "change":
            levels[rid] = other
    out: list[dict[str, Any]] = []
    for record in records:
        for rid in record.get("related") or [] if record.get("measure") == "change" else []:
            level = levels.pop(rid, None)
            if level is not None:
                out.append(level)
                break
        out.append(record)
    return out


def _negated_date(record: Any) -> tuple[int, str]:
    date = (record.get("source") or {}).get("date") or ""
    # Newest first, undated last: sort on the date's characters turned around.
    return (0 if date else 1, "".join(chr(0x10FFFF - ord(c)) for c in date))


def _negated_value(record: Any) -> tuple[int, float]:
    value = record.get("base_value")
    if value is None:
        value = record.get("value")
    return (1, 0.0) if not isinstance(value, (int, float)) else (0, -float(value))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
