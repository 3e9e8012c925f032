"""`find`: what a journalist remembers -> the facts and quotes that say it, best first.

How a query is answered, and why it stays fast at a million facts:

1. The query is text, never FTS syntax: it is cleaned, folded (no case, no diacritics, đ -> d)
   and cut into at most MAX_TOKENS words, each quoted as an FTS5 string.
2. Figures in it ("138.000", "138 nghìn tỷ", "75,8%") are read by mickb.text.numbers and looked up
   by value in the indexes on facts(value) and facts(base_value), allowing for rounding.
3. Words the index has never seen are corrected against the `terms` vocabulary (rapidfuzz,
   one or two edits: "vin" -> "vien"); a short last word is also completed ("doanh th").
   English queries add the glossary's Vietnamese terms.
4. Candidates come from a few full-text queries, strictest first (the whole phrase, then all
   words, then any informative word), each LIMITed. bm25 ranking reads the doclist of every
   query word and a phrase the positions of every row holding all its words, so both are used
   only when the vocabulary (`terms`) says the match set is small; otherwise rows are taken
   unranked in index order. So the work per query is bounded whatever the KB's size.
5. The bounded candidate set is re-ranked in Python: words covered, similarity of the query to
   the metric (rapidfuzz), the exact phrase, the figure's value, how close the words stand to
   the figure in its sentence, and, when the user typed diacritics, the exact accented forms.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from typing import Any

from mickb.errors import BadInput, RecordNotFound
from mickb.kb import schema as migrations
from mickb.kb.fts import fts_phrase
from mickb.kb.store import KB
from mickb.plain import PlainRecord
from mickb.text.fold import canon, fold

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

_TOKEN_RE = re.compile(r"[^\W_]+")
_ACCENTED = re.compile(r"[^\x00-\x7f]")
_RECORD_ID = re.compile(r"^[fq][0-9a-f]{11}$")


# Plain classes, not dataclasses: see mickb.plain.
class Hit(PlainRecord):
    """One record found, its score, and the folded words (and figure) it matched."""

    __slots__ = ("record", "score", "matched")

    def __init__(self, record: dict[str, Any], score: float, matched: list[str]) -> None:
        self.record = record
        self.score = score
        self.matched = matched  # folded words (and figure) found in the record, to highlight


class _Number:
    __slots__ = ("text", "value", "base_value", "unit", "value_tolerance", "base_tolerance")

    def __init__(
        self,
        text: str,
        value: float,
        base_value: float | None,
        unit: str,
        value_tolerance: float,  # half a unit of the last digit written: "14,3" covers 14,25..14,35
        base_tolerance: float,
    ) -> None:
        self.text, self.value, self.base_value, self.unit = text, value, base_value, unit
        self.value_tolerance, self.base_tolerance = value_tolerance, base_tolerance


class _Plan:
    __slots__ = (
        "text",
        "tokens",
        "groups",
        "numbers",
        "english",
        "english_text",
        "accented",
        "df",
        "total",
        "last_rowid",
    )

    def __init__(
        self,
        text: str,  # folded query words, space-joined
        tokens: list[str],  # folded words (figures taken out)
        groups: list[list[str]],  # per word: the word and its corrections/completions
        numbers: list[_Number],
        english: list[str],  # glossary terms (folded Vietnamese)
        english_text: str,  # the English words, folded, for metric_en similarity
        accented: list[str],  # canon() of words typed with diacritics
        df: dict[str, int],  # records per term (vocabulary)
        total: int,
        last_rowid: dict[str, int],  # per kind: rowids run 1..last
    ) -> None:
        self.text, self.tokens, self.groups, self.numbers = text, tokens, groups, numbers
        self.english, self.english_text, self.accented = english, english_text, accented
        self.df, self.total, self.last_rowid = df, total, last_rowid


class _Filters:
    __slots__ = ("sector", "period", "speaker", "source_ids")

    def __init__(
        self,
        sector: str | None,
        period: str | None,
        speaker: str | None,
        source_ids: list[str] | None,
    ) -> None:
        self.sector, self.period, self.speaker = sector, period, speaker
        self.source_ids = source_ids


# --- query preparation ---------------------------------------------------------------------


def _clean(query: str) -> str:
    query = query[: MAX_QUERY_CHARS * 4]
    query = unicodedata.normalize("NFC", query)[:MAX_QUERY_CHARS]
    # Control characters, lone surrogates (undecodable bytes) and format marks become spaces.
    return "".join(ch if ch.isprintable() else " " for ch in query)


def _parse_numbers(query: str) -> list[tuple[int, int, _Number]]:
    if not any(ch.isdigit() for ch in query):
        # find_numbers needs a \d, and every \d is isdigit(): words alone do not pay for
        # importing the number reader (~10 ms of start-up)
        return []
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
        step = 0.5 * 10 ** (-m.decimals) if m.decimals >= 0 else 0.5
        step = max(step, abs(m.value) * 1e-9)
        base = m.base_value if m.base_value is not None and math.isfinite(m.base_value) else None
        scale = m.scale if m.scale and math.isfinite(m.scale) else 1.0
        found.append(
            (
                m.start,
                m.end,
                _Number(
                    text=m.text,
                    value=m.value,
                    base_value=base,
                    unit=m.unit or "",
                    value_tolerance=step,
                    base_tolerance=max(step * scale, abs(base or 0) * 1e-9),
                ),
            )
        )
    return found


def _english_terms(query: str) -> tuple[list[str], str]:
    try:
        from mickb.text.glossary import english_to_vietnamese, is_english
    except ImportError:
        return [], ""
    try:
        if not is_english(query):
            return [], ""
        return english_to_vietnamese(query), fold(query)
    except Exception:  # the glossary is a help, never a reason to fail
        return [], ""


class _Vocabulary:
    """The KB's index terms and their record counts, read once per KB state."""

    def __init__(self, conn: sqlite3.Connection):
        rows = conn.execute("SELECT term, n FROM terms").fetchall()
        self.words = [t for t, _ in rows if not t.isdigit()]
        self.counts = {t: n for t, n in rows}

    def near(self, token: str, max_distance: int, limit: int = 3) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        found = process.extract(
            token,
            self.words,
            scorer=Levenshtein.distance,
            score_cutoff=max_distance,
            limit=20,
        )
        found.sort(key=lambda item: (item[1], -self.counts.get(item[0], 0), item[0]))
        return [word for word, _, _ in found if word != token][:limit]


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
    if len(token) <= 2 or token.isdigit():
        return 0
    return 1 if len(token) <= 4 else 2


def _completions(conn: sqlite3.Connection, prefix: str, limit: int = 4) -> list[str]:
    rows = conn.execute(
        "SELECT term FROM terms WHERE term > ? AND term < ? ORDER BY n DESC, term LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    ).fetchall()
    return [r[0] for r in rows]


def _plan(kb: KB, query: str) -> _Plan:
    conn = kb.connection
    numbers = _parse_numbers(query)
    # Words inside a figure ("138.000 tỷ đồng") are matched through the figure's value.
    masked = list(query)
    for start, end, _ in numbers:
        masked[start:end] = " " * (end - start)
    words_text = "".join(masked)
    tokens: list[str] = []
    for token in _TOKEN_RE.findall(fold(words_text)):
        if token not in tokens:
            tokens.append(token)
    tokens = tokens[:MAX_TOKENS]
    accented = [canon(w) for w in _TOKEN_RE.findall(words_text) if _ACCENTED.search(w)]
    english, english_text = _english_terms(query)

    lookup = set(tokens) | {w for term in english for w in term.split()}
    df: dict[str, int] = {}
    if lookup:
        marks = ",".join("?" * len(lookup))
        df = dict(conn.execute(f"SELECT term, n FROM terms WHERE term IN ({marks})", list(lookup)))
    last_rowid = {
        "fact": conn.execute("SELECT max(rowid) FROM facts").fetchone()[0] or 0,
        "quote": conn.execute("SELECT max(rowid) FROM quotes").fetchone()[0] or 0,
    }
    total = last_rowid["fact"] + last_rowid["quote"]

    groups: list[list[str]] = []
    vocabulary: _Vocabulary | None = None
    ends_open = bool(query) and not query[-1].isspace()
    for i, token in enumerate(tokens):
        group = [token]
        known = token in df or (token.isdigit() and len(token) > 4)
        if not known:
            if i == len(tokens) - 1 and ends_open and len(token) >= 2:
                group += _completions(conn, token)
            if _max_edits(token):
                vocabulary = vocabulary or _vocabulary(kb)
                group += [w for w in vocabulary.near(token, _max_edits(token)) if w not in group]
            for alternative in group[1:]:
                df.setdefault(alternative, 0)
            if len(group) > 1:
                df.update(
                    conn.execute(
                        f"SELECT term, n FROM terms WHERE term IN ({','.join('?' * len(group))})",
                        group,
                    ).fetchall()
                )
        groups.append(group)
    return _Plan(
        text=" ".join(tokens),
        tokens=tokens,
        groups=groups,
        numbers=[n for _, _, n in numbers],
        english=english,
        english_text=english_text,
        accented=accented,
        df=df,
        total=max(total, 1),
        last_rowid=last_rowid,
    )


# --- candidates ----------------------------------------------------------------------------


class _Stage:
    __slots__ = ("expression", "weight", "estimate", "cost")

    def __init__(self, expression: str, weight: float, estimate: int) -> None:
        self.expression = expression
        self.weight = weight
        self.estimate = estimate  # upper bound of the rows it matches, from the vocabulary
        self.cost = 0  # rows in the doclists of all its words: what bm25 reads to rank it


def _phrase_df(plan: _Plan, phrase: str) -> int:
    counts = [plan.df.get(w, 0) for w in phrase.split()]
    return min(counts) if counts else 0


def _group_df(plan: _Plan, group: list[str]) -> int:
    return sum(plan.df.get(a, 0) for a in group)


def _group_expression(group: list[str]) -> str:
    alternatives = [fts_phrase(g) for g in group]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _stages(plan: _Plan) -> list[_Stage]:
    stages: list[_Stage] = []
    groups = plan.groups
    # A phrase query reads the positions of every row holding all its words: cheap for rare
    # words, ~30 ms at a million facts for common ones (and "doanh thu ... năm 2022" rarely
    # stands as one phrase). Then the AND stage brings the rows and scoring rewards the phrase.
    if len(plan.tokens) >= 2 and all(plan.df.get(t) for t in plan.tokens):
        estimate = _phrase_df(plan, plan.text)
        if estimate <= PHRASE_BELOW:
            stages.append(_Stage(fts_phrase(plan.text), 1.0, estimate))
    if groups:
        required = groups
        if plan.total > LARGE_KB:
            # Words in most rows ("năm", "số", "tăng") add nothing to an AND but the cost of
            # walking their doclists; the re-ranking still counts them.
            required = [g for g in groups if _group_df(plan, g) <= plan.total // 2] or groups
        estimate = min(_group_df(plan, g) for g in required)
        stages.append(_Stage(" AND ".join(_group_expression(g) for g in required), 0.8, estimate))
    if plan.english:
        phrases = [fts_phrase(p) for p in plan.english]
        estimate = min(_phrase_df(plan, p) for p in plan.english)
        stages.append(_Stage(" AND ".join(phrases), 0.8, estimate))
        stages.append(
            _Stage(" OR ".join(phrases), 0.5, sum(_phrase_df(plan, p) for p in plan.english))
        )
    # Relaxed: any word that says something (not one that half the KB contains).
    common = max(plan.total // 10, min(plan.total, 1000))
    informative = [g for g in groups if sum(plan.df.get(a, 0) for a in g) <= common]
    if len(groups) > 1 and informative:
        informative.sort(key=lambda g: sum(plan.df.get(a, 0) for a in g))
        chosen = informative[:4]
        stages.append(
            _Stage(
                " OR ".join(_group_expression(g) for g in chosen),
                0.4,
                sum(plan.df.get(a, 0) for g in chosen for a in g),
            )
        )
    for stage in stages:
        words = set(_TOKEN_RE.findall(stage.expression))
        stage.cost = sum(plan.df.get(w, 0) for w in words)
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
    return "".join(f" AND {s}" for s in sql), params, [p for p in phrases if p]


def _candidates(
    kb: KB, kind: str, plan: _Plan, filters: _Filters
) -> dict[int, tuple[float, float]]:
    """rowid -> (best stage weight, number score) for a bounded set of rows."""
    conn = kb.connection
    table = "facts" if kind == "fact" else "quotes"
    fts = f"{table}_fts"
    where, params, phrases = _filter_sql(kind, filters)
    must = "".join(f" AND {fts_phrase(p)}" for p in phrases)
    found: dict[int, tuple[float, float]] = {}

    for stage in _stages(plan):
        if len(found) >= CANDIDATES:
            break
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
        queries = [(sql, [expression, *params])]
        rows: list[tuple[int]] = []
        for sql, arguments in queries:
            try:
                rows += conn.execute(sql, [*arguments, STAGE_LIMIT]).fetchall()
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc).lower():
                    break  # a query the index cannot parse finds nothing; it is not an error
                raise
        for (rowid,) in rows:
            if rowid not in found:
                found[rowid] = (stage.weight, 0.0)
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
                # In index order, no sort: a round number may match thousands of facts.
                sql = f"SELECT t.rowid FROM facts t WHERE t.{column} BETWEEN ? AND ?{where} LIMIT ?"
                matches = conn.execute(
                    sql, [target - tolerance, target + tolerance, *params, STAGE_LIMIT]
                )
                for (rowid,) in matches:
                    found.setdefault(rowid, (0.0, 0.0))
    return found


# --- scoring -------------------------------------------------------------------------------


def _number_score(plan: _Plan, value: float | None, base: float | None, unit: str | None) -> float:
    best = 0.0
    for n in plan.numbers:
        if value is not None and abs(value - n.value) <= n.value_tolerance:
            exact = abs(value - n.value) <= abs(n.value) * 1e-9 + 1e-12
            same_unit = (
                not n.unit
                or fold(n.unit) == fold(unit or "")
                or (
                    n.base_value is not None
                    and base is not None
                    and abs(base - n.base_value) <= n.base_tolerance
                )
            )
            best = max(best, (1.0 if exact else 0.6) * (1.0 if same_unit else 0.5))
        if n.base_value is not None and base is not None and n.base_value != n.value:
            if abs(base - n.base_value) <= n.base_tolerance:
                exact = abs(base - n.base_value) <= abs(n.base_value) * 1e-9 + 1e-12
                best = max(best, 1.0 if exact else 0.6)
    return best


def _coverage(plan: _Plan, terms: set[str]) -> tuple[float, list[str]]:
    if not plan.groups:
        return 0.0, []
    score = 0.0
    matched: list[str] = []
    for group in plan.groups:
        if group[0] in terms:
            score += 1.0
            matched.append(group[0])
            continue
        for alternative in group[1:]:
            if alternative in terms:
                score += 0.75
                matched.append(alternative)
                break
    return score / len(plan.groups), matched


def _folded_parts(search_text: str) -> tuple[str, str]:
    """The folded head (metric, or quote speaker) and sentence of a record, cut from its
    search_text (fold(metric | ... | sentence)): folding again per candidate would cost more
    than the whole full-text lookup."""
    head = search_text.split(" | ", 1)[0]
    sentence = search_text.rsplit(" | ", 1)[-1]
    return head, sentence


def _proximity(plan: _Plan, folded: str, start: int | None, end: int | None) -> float:
    """How close the query's words stand to the figure in its sentence (1 = next to it)."""
    if start is None or not plan.groups:
        return 0.0
    end = end if end is not None else start
    total = 0.0
    for group in plan.groups:
        best: float | None = None
        for word in group:
            at = folded.find(word)
            while at >= 0:
                after = at + len(word)
                whole = (at == 0 or not folded[at - 1].isalnum()) and (
                    after >= len(folded) or not folded[after].isalnum()
                )
                if whole:
                    # Words before the figure name it ("doanh thu ... đạt X"); after, less so.
                    distance = start - after if after <= start else 2 * max(0, at - end)
                    if best is None or distance < best:
                        best = distance
                at = folded.find(word, after)
        if best is not None:
            total += 1.0 / (1.0 + best / 25.0)
    return total / len(plan.groups)


def _accent_score(plan: _Plan, sentence: str, folded: str) -> float:
    """Share of the words typed with diacritics that the sentence writes the same way
    (tone placement aside: hoà = hòa)."""
    if not plan.accented:
        return 0.0
    original = unicodedata.normalize("NFC", sentence).lower()
    if len(original) != len(folded):  # a rare character folded to several: compare word sets
        words = set(_TOKEN_RE.findall(canon(sentence)))
        return sum(1 for w in plan.accented if w in words) / len(plan.accented)
    found = 0
    for wanted in plan.accented:
        plain = fold(wanted)
        at = folded.find(plain)
        while at >= 0:
            after = at + len(plain)
            whole = (at == 0 or not folded[at - 1].isalnum()) and (
                after >= len(folded) or not folded[after].isalnum()
            )
            written = original[at:after]
            if whole and (written == wanted or canon(written) == wanted):
                found += 1
                break
            at = folded.find(plain, after)
    return found / len(plan.accented)


def _score(
    kb: KB, kind: str, plan: _Plan, found: dict[int, tuple[float, float]]
) -> list[tuple[float, int, list[str]]]:
    from rapidfuzz import fuzz

    if not found:
        return []
    conn = kb.connection
    marks = ",".join("?" * len(found))
    if kind == "fact":
        sql = (
            "SELECT rowid, metric, metric_en, search_text, value, base_value, unit, value_text, "
            f"sentence, span_start, span_end, measure FROM facts WHERE rowid IN ({marks})"
        )
    else:
        sql = (
            "SELECT rowid, text, NULL, search_text, NULL, NULL, NULL, NULL, "
            f"sentence, span_start, span_end, NULL FROM quotes WHERE rowid IN ({marks})"
        )
    rows = conn.execute(sql, list(found)).fetchall()
    english_terms = [f" {term} " for term in plan.english]
    scored: list[tuple[float, int, list[str], tuple[Any, ...], str]] = []
    for row in rows:
        rowid, search_text = row[0], row[3] or ""
        head, folded_sentence = _folded_parts(search_text)
        if kind == "quote":
            head = fold(row[1] or "")
        terms = set(_TOKEN_RE.findall(search_text))
        coverage, matched = _coverage(plan, terms)
        similarity = 0.0
        if plan.text:
            similarity = fuzz.token_set_ratio(plan.text, head) / 100.0
        if plan.english_text and row[2]:
            english = fuzz.token_set_ratio(plan.english_text, fold(row[2])) / 100.0
            similarity = max(similarity, english)
        if english_terms:
            padded = f" {search_text} "
            present = [term for term in english_terms if term in padded]
            # The glossary's Vietnamese for the English words, each found as a phrase.
            coverage = max(coverage, len(present) / len(english_terms))
            for term in present:
                matched += [w for w in term.split() if w not in matched]
        phrase = 1.0 if len(plan.tokens) > 1 and plan.text in search_text else 0.0
        number = _number_score(plan, row[4], row[5], row[6]) if kind == "fact" else 0.0
        if number and row[7]:
            matched.append(row[7])
        if plan.groups or plan.english:
            score = 0.40 * coverage + 0.30 * similarity + 0.10 * phrase + 0.10 * found[rowid][0]
            score += 0.45 * number
        else:  # the query is only a figure
            score = 0.7 * number + (0.3 if number else 0.0)
        if kind == "fact" and row[11] != "change":
            score += 0.02  # a metric's level answers before its growth rate, all else equal
        scored.append((score, rowid, matched, row, folded_sentence))

    scored.sort(key=lambda item: (-item[0], item[1]))
    refined: list[tuple[float, int, list[str]]] = []
    for position, (score, rowid, matched, row, folded_sentence) in enumerate(scored):
        if position < REFINE:
            if kind == "fact":
                score += 0.10 * _proximity(plan, folded_sentence, row[9], row[10])
            score += 0.10 * _accent_score(plan, row[8] or "", folded_sentence)
        if score >= MIN_SCORE:
            refined.append((score, rowid, matched))
    refined.sort(key=lambda item: (-item[0], item[1]))
    return refined


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


def find(
    kb: KB,
    query: str,
    *,
    kind: str | None = None,
    sector: str | None = None,
    speaker: str | None = None,
    period: str | None = None,
    source: str | None = None,
    limit: int = 10,
) -> list[Hit]:
    """The facts and quotes that best answer `query`, best first (at most `limit`).

    Any text is a valid query (FTS operators, quotes and emoji are just characters); an empty
    one raises BadInput. Filters narrow by sector, speaker, period (folded substring) and
    source (its id, url, or part of its title or outlet).
    """
    if not isinstance(query, str) or not query.strip():
        raise BadInput("the query is empty: type the words or the figure you are looking for")
    if kind not in (None, "fact", "quote"):
        raise BadInput(f"--kind must be 'fact' or 'quote', not {kind!r}")
    if limit < 1:
        raise BadInput("--limit must be at least 1")
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
                return [Hit(record, 1.0, [])]
    with kb._reading():
        conn = kb.connection
        if not kb.cache.get("functions"):
            conn.create_function("mickb_fold", 1, _fold_or_none, deterministic=True)
            kb.cache["functions"] = True
        if migrations.schema_version(conn) < 2:
            return []  # an old KB opened read-only: nothing to search with
        source_ids = _resolve_sources(kb, source) if source else None
        if source_ids == []:
            return []
        filters = _Filters(sector, period, speaker, source_ids)
        plan = _plan(kb, cleaned)
        if not plan.tokens and not plan.numbers and not plan.english:
            return []
        ranked: list[tuple[float, str, int, list[str]]] = []
        for k in kinds:
            found = _candidates(kb, k, plan, filters)
            for score, rowid, matched in _score(kb, k, plan, found)[:limit]:
                ranked.append((score, k, rowid, matched))
        ranked.sort(key=lambda item: (-item[0], item[1], item[2]))
        ranked = ranked[:limit]
        records: dict[tuple[str, int], dict[str, Any]] = {}
        for k in kinds:
            rowids = [rowid for _, kk, rowid, _ in ranked if kk == k]
            for rowid, record in kb.records_by_rowid(k, rowids).items():
                records[(k, rowid)] = record
    return [
        Hit(records[(k, rowid)], round(score, 4), _unique(matched))
        for score, k, rowid, matched in ranked
        if (k, rowid) in records
    ]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
