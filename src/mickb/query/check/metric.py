"""Is a fact about the claim's metric, for the claim's scope? A score, and a scope relation.

The score (0..1) is mostly how much of the claim's metric the fact's metric (or its sector,
its counted noun, the words after its figure) covers, a little how much of the fact's metric
the claim mentions. The fact's own words before its figure in its sentence are a second
reading of its metric, a little less trusted, for when the extractor cut the metric short.

The scope compares the sector terms and company names on both sides: "same", "broader" (the
fact is about the whole of which the claim names a part: the sector's budget payment for a
claim about telecom's), "narrower" (the fact is about a part: "kinh tế số ICT" for "kinh tế
số"), or "other" (another sector or company). Only the same scope can support or contradict.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mickb.query.check.words import (
    EN_STOP,
    WHOLE_SECTOR,
    WORD_RE,
    cached_terms,
    cached_tokens,
    compounds,
    en_in,
    en_norm,
    entities,
    folded_words,
    has_content,
    place_of,
    scopes,
    sector_terms,
    tokens,
    weight,
    without_time,
)
from mickb.text.fold import fold
from mickb.text.places import province_in

if TYPE_CHECKING:
    from mickb.kb.candidates import FactRow
    from mickb.query.check.claim import ClaimFigure

# A fact is "the same metric" as the claim's from this score on.
SAME_METRIC = 0.7
# How far the words before a fact's figure in its sentence are trusted as its metric.
CLAUSE_TRUST = 0.9
# The score of a fact whose metric names a sector term the claim does not.
NARROWER = 0.9
# A fact whose sentence or document title, not its own clause, names the claim's company.
NAMED_NEARBY = 0.85

_UNIT_SCALE_RE = re.compile(
    r"\b(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|đồng|usd|vnd|us\$|đô la|thousand|million|billion|"
    r"trillion|dollars?|dong|percent|per cent|phần trăm)\b|%|\$",
    re.IGNORECASE,
)


class Match(NamedTuple):
    score: float  # 0..1: how surely the fact is about the claim's metric
    scope: str  # same | broader | narrower | other
    firm: bool  # the fact's own clause names the claim's company (sure enough to contradict)
    unscoped: float = 0.0  # the score with the claim's sector words left out
    specific: bool = True  # the claim says enough of what it measures to be judged at all


class Scored(NamedTuple):
    """A candidate fact, how it reads the claim's metric, and how its period relates."""

    fact: FactRow
    match: Match
    period: str  # same | unknown | different (see period.relation)


def measure_class(fact: FactRow) -> str:
    """change, target, or state (a level, share, count or ratio: what a claim calls a figure)."""
    if fact.measure == "change":
        return "change"
    if fact.measure == "target":
        return "target"
    return "state"


def match(fig: ClaimFigure, fact: FactRow) -> Match:
    clause = fact_clause(fact.sentence or "", fact.value_text or "")
    companies, how = fact_companies(fact, clause[2])
    wanted = fig.metric.entities
    if wanted and companies and not (wanted & companies):
        return Match(0.0, "other", False)  # "doanh thu MobiFone" is not Viettel's revenue
    if fig.metric.place and place_of(fold(f"{fact.metric} {clause[2]}")) not in (
        None,
        fig.metric.place,
    ):
        return Match(0.0, "other", False)  # subscribers at home are not those worldwide
    if fig.metric.province and province_in(f"{fact.metric} {fact.sentence}") != (
        fig.metric.province
    ):
        return Match(0.0, "other", False)  # one city's revenue is not the country's
    if fig.metric.per_unit and not _PER_UNIT_FACT_RE.search(fold(f"{fact.metric} {fact.unit}")):
        return Match(0.0, "other", False)  # revenue per worker is not the sector's revenue
    scope = _scope(fig, fact, clause[0])
    if wanted and not companies:
        scope = "broader"  # a figure of the market, for a claim about one company
    elif companies and not wanted:
        scope = "narrower"  # one company's figure, for a claim about the market
    firm = how in ("own", "", "previous") or (how != "many" and len(companies) == 1)
    # "VNPT VinaPhone, … của VNPT, đạt doanh thu …": a clause naming several companies does
    # not say surely whose figure it is
    several = how == "own" and len(companies) > 1
    if scope == "same" and _lists_more(fig, fact.metric or ""):
        scope = "broader"  # "trang web lừa đảo, vi phạm pháp luật": more than the scams
    specific = _specific(fig, fact, scope)
    # ("còn 104.200 người trong quý I": people, but which? A bare count may agree with a
    # source's, never refute it)
    firm = firm and not several and specific and not _bare_count(fig)
    extra = _context_words(fact)
    best = 0.0
    if fig.metric.vi:
        best = _vi_score(fig, cached_terms(_as_read(fig, fact)), extra)
        # (a part of a whole: "hoàn thành 14 trên 15 chỉ tiêu" counts the whole's noun, however
        # generic; the verb before it says what the part did)
        counted = fig.metric.counted
        whole = fig.total is not None and not fig.metric.en  # (English: see _en_score)
        if sum(weight(w) for w in counted) >= 2 or (whole and counted):
            # "Các doanh nghiệp viễn thông đã xóa 2.512 điểm lõm sóng": what a count counts is
            # its metric; the subject and verb before it say less
            counting = fig._replace(
                metric=fig.metric._replace(
                    vi=counted,
                    optional=tuple(
                        w
                        for w in fig.metric.vi
                        if w not in counted and (not whole or weight(w) == 1.0)
                    ),
                )
            )
            best = max(best, _vi_score(counting, cached_terms(_as_read(fig, fact)), extra))
        if best < 1.0 and clause[1] and _clause_may_beat(fig, fact.sentence or "", extra, best):
            reading = (list(clause[0]), list(clause[1]))
            best = max(best, CLAUSE_TRUST * _vi_score(fig, reading, extra))
    if fig.metric.en and fact.metric_en:
        best = max(best, _en_score(fig, fact.metric_en))
    factor = 1.0 if how in ("own", "", "many") and not several else NAMED_NEARBY
    unscoped = best
    if scope != "same" and fig.metric.vi:
        terms = cached_terms(_as_read(fig, fact))
        unscoped = max(best, _vi_score(fig, terms, extra, without_scope=True))
    return Match(best * factor, scope, firm, unscoped * factor, specific)


# A fact that is an amount for each worker or person (folded).
_PER_UNIT_FACT_RE = re.compile(
    r"\b(?:nang suat|binh quan|moi (?:lao dong|nguoi)|dau nguoi|thu nhap|luong|per capita)\b"
    r"|/\s*(?:nguoi|lao dong)\b"
)


def _lists_more(fig: ClaimFigure, metric: str) -> bool:
    """Whether a fact's metric lists several kinds ("trang web lừa đảo trực tuyến, vi phạm
    pháp luật"; "doanh thu xuất bản, in, phát hành") of which the claim names only some: the
    fact counts them all, more than the claim's kind."""
    if "," not in metric:
        return False
    mine = {p for w in (*fig.metric.vi, *fig.metric.optional) for p in w.split()}
    mine |= fig.metric.said
    first, *rest = metric.split(",")
    if rest:
        # "trang web vi phạm pháp luật" for "trang web lừa đảo trực tuyến, vi phạm pháp luật":
        # the claim names a later kind and not the first one's own words
        item = _PREDICATE_RE.split(rest[0], maxsplit=1)[0]
        later = [p for w in cached_terms(item)[1] for p in w.split()]
        # the first kind's own words: those after its head noun ("trang web | lừa đảo")
        terms = [t for t in cached_terms(first)[1] if t not in _WRAPPER_TERMS]
        kind = [p for t in terms[1:] for p in t.split() if weight(p) >= 1.0]
        if later and set(later) <= mine and kind and not set(kind) & mine:
            return True
    for listed in rest:
        # the kinds end where what is said of them begins ("…, vi phạm pháp luật được ngăn
        # chặn, xử lý": "ngăn chặn, xử lý" are what was done, not kinds)
        item, said_of = _PREDICATE_RE.split(listed, maxsplit=1)[0], _PREDICATE_RE.search(listed)
        words = [p for w in cached_terms(item)[1] for p in w.split()]
        if scopes(sector_terms(words)):
            continue  # "xuất bản, in, phát hành": one field, named by its first part
        if words and not set(words) & mine:
            return True
        if said_of:
            break
    return False


_WRAPPER_TERMS = frozenset(("so", "tong", "so luong", "tong so"))
_PREDICATE_RE = re.compile(r"\b(?:được|bị|đã|đang|sẽ|đạt|là)\b")


# A claim's metric says enough to be judged when its words, company, sector and period weigh
# this much: "doanh thu viễn thông năm 2022" does; "dân", "người", "cao" or "lợi nhuận sau thuế"
# with no period, company or sector (a sentence of any article) do not.
SPECIFIC_WEIGHT = 3.0


# Words that say only that persons or things are counted, not which.
_BARE_COUNTS = frozenset(("nguoi", "so", "so luong", "tong so", "con", "chiec", "cai", "luot"))


def _claim_words(fig: ClaimFigure) -> set[str]:
    """Every word a claim's figure says of what it measures."""
    return set(fig.metric.vi) | set(fig.metric.counted) | set(fig.metric.optional)


def _bare_count(fig: ClaimFigure) -> bool:
    """Whether a claim's figure says only that persons or things are counted."""
    words = _claim_words(fig)
    return not (words - _BARE_COUNTS) and not fig.metric.en and not fig.metric.entities


def _specific(fig: ClaimFigure, fact: FactRow, scope: str) -> bool:
    """Whether a claim says enough to be judged by this fact: its metric, company, sector
    and period weigh enough, its subject is not one named before it ("hai nước"), and a
    claim that names no sector is not held against a figure whose metric names one ("đóng
    góp trên 40% GDP" of small firms is not the postal sector's 16%)."""
    words = _claim_words(fig)
    heavy = (
        sum(weight(w) for w in words)
        + len(set(fig.metric.en) | set(fig.metric.optional_en))
        + len(fig.metric.entities)
        + bool(fig.metric.sectors)
        + bool(fig.total)  # ("14 trên 15 chỉ tiêu": the whole says how many there are)
        + 2 * bool(fig.period.years or fig.period.sub)
    )
    if heavy < SPECIFIC_WEIGHT or fig.metric.refers_back:
        return False
    if scope == "same" and not fig.metric.sectors and not fig.metric.entities:
        # (the sector its metric names, not the section or lead it stands in)
        mine = {p for w in words for p in w.split()}
        for term in sector_terms(folded_words(fact.metric or "")):
            if scopes({term}) - {WHOLE_SECTOR} and not set(term.split()) <= mine:
                return False
    return True


# --- companies -------------------------------------------------------------------------------


def fact_companies(fact: FactRow, clause_text: str) -> tuple[frozenset[tuple[str, ...]], str]:
    """The companies a fact is about, and where that was read: "own" (its metric or its own
    clause), "sentence" (the subject before it, when the sentence names one company),
    "previous" (a sentence that goes on from the one before, "Theo đó, ...", which names one
    company), "title" (its document's title, when that names one company), or "" (none)."""
    own = _most_specific(entities(fact.metric or "") | entities(clause_text))
    if own:
        return own, "own"
    earlier = previous_sentence(fact)
    if earlier and not entities(_before(fact), first_word_is_sentence_start=True):
        named = entities(earlier, first_word_is_sentence_start=True)
        if len(named) == 1:
            return named, "previous"
    if _GROUP_RE.search(fold(f"{fact.metric} {_before(fact)}")):
        return frozenset({("?",)}), "many"  # "doanh thu toàn tập đoàn": some company's
    sentence = fact.sentence or ""
    before = entities(_before(fact), first_word_is_sentence_start=True)
    if len(before) == 1:
        return before, "sentence"
    if before:
        return frozenset(), "many"  # several companies before it: whose is unsure
    title = entities(fact.title or "", first_word_is_sentence_start=True)
    in_words = _names_a_company_in_words(_before(fact))
    if len(title) == 1 and not entities(sentence, first_word_is_sentence_start=True):
        if not in_words and not _names_a_company_in_words(sentence):
            return title, "title"
    if in_words:
        # "Tổng công ty cổ phần Công nghệ … với doanh thu 3.218 tỷ đồng": one company's
        # figure, whose name the name reader does not take (never a market's or a sector's)
        return frozenset({("?",)}), "words"
    return frozenset(), ""


def _most_specific(names: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Names without those that only begin another: a clause naming "VNPT VinaPhone" and
    "VNPT" (its parent, "… của VNPT") gives the unit's figure."""
    if len(names) < 2:
        return names
    return frozenset(
        n for n in names if not any(len(o) > len(n) and o[: len(n)] == n for o in names)
    )


# A company's own figure that does not name the company in its clause.
# A company named in words the name reader does not take ("Tổng công ty cổ phần Công nghệ …",
# "Công ty Cổ phần Dịch vụ …"): the sentence is about that company, not the one of the title.
_COMPANY_NAMED_RE = re.compile(
    r"\b(?:Tổng [Cc]ông ty|Công ty|Tập đoàn|Tổng ty)(?:\s+(?:[Cc]ổ phần|CP|TNHH))?\s+(\w)"
)


def _names_a_company_in_words(sentence: str) -> bool:
    return any(m.group(1).isupper() for m in _COMPANY_NAMED_RE.finditer(sentence))


_GROUP_RE = re.compile(
    r"\b(?:toan tap doan|toan tong cong ty|toan cong ty|tap doan nay|tong cong ty nay|"
    r"cong ty me)\b"
)


@lru_cache(maxsize=1024)
def _figure_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence's figures stand (read once per sentence: candidate facts share them)."""
    from mickb.text.numbers import find_numbers

    return tuple((n.start, n.end) for n in find_numbers(sentence))


# A sentence that goes on from the one before: its subject is that one's.
_GOES_ON_RE = re.compile(
    r"^\s*(?:theo đó|cụ thể|con số cụ thể|trong đó|như vậy|đồng thời|ngoài ra|bên cạnh đó|"
    r"accordingly|specifically|of which|in which)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _previous_sentence(sentence: str, passage: str) -> str:
    at = passage.find(sentence[:40]) if sentence else -1
    if at <= 0:
        return ""
    head = passage[:at].rstrip()
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("! "), head.rfind("? "))
    return head[cut + 1 :].strip()


def previous_sentence(fact: FactRow) -> str:
    """The sentence before a fact's, when the fact's goes on from it ("Theo đó, ...")."""
    sentence = fact.sentence or ""
    if not fact.passage or not _GOES_ON_RE.match(sentence):
        return ""
    return _previous_sentence(sentence, fact.passage)


def _before(fact: FactRow) -> str:
    """The words of a fact's sentence before its figure: where its subject stands."""
    sentence = fact.sentence or ""
    at = sentence.find(fact.value_text) if fact.value_text else -1
    return sentence[:at] if at >= 0 else sentence


# --- scope -----------------------------------------------------------------------------------


def fact_scope(fact: FactRow, clause_raw: tuple[str, ...] = ()) -> set[str]:
    """The sectors a fact is about: its metric's, else its clause's, else its sector's."""
    found = scopes(sector_terms(folded_words(fact.metric or "")))
    if not found and clause_raw:
        found = scopes(sector_terms(list(clause_raw)))
    if not found and fact.sector:
        found = scopes(sector_terms(folded_words(fact.sector)))
    return found


def _scope(fig: ClaimFigure, fact: FactRow, clause_raw: tuple[str, ...]) -> str:
    claim = scopes(fig.metric.sectors)
    mine = fact_scope(fact, clause_raw)
    if not claim or claim == mine:
        return "same"
    if mine == {WHOLE_SECTOR}:
        return "broader"  # the whole sector's figure, for a claim about one part of it
    if claim == {WHOLE_SECTOR} and mine:
        return "narrower"  # one part's figure, for a claim about the whole sector
    if claim < mine:
        return "narrower"
    if mine < claim:
        return "broader"
    return "other" if mine else "same"


# --- words -----------------------------------------------------------------------------------


def _as_read(fig: ClaimFigure, fact: FactRow) -> str:
    """A fact's metric as a claim of its measure reads it: for a growth, "tốc độ tăng năng
    suất lao động" is the growth of "năng suất lao động"."""
    metric = fact.metric or ""
    if fig.measure == "change" and GROWTH_HEAD_RE.match(metric):
        return GROWTH_HEAD_RE.sub("", metric, count=1)
    return metric


GROWTH_HEAD_RE = re.compile(
    r"^\s*(?:tốc độ tăng(?: trưởng)?|mức tăng(?: trưởng)?|tỷ lệ tăng)\s+", re.I
)


def _context_words(fact: FactRow) -> list[str]:
    """Words that say what the figure measures without being its metric: the sector, the
    counted noun ("doanh nghiệp"), the words right after it ("50,4% kế hoạch năm")."""
    words = (
        compounds(folded_words(fact.sector or ""))
        + compounds(folded_words(_UNIT_SCALE_RE.sub(" ", fact.unit or "")))
        + list(_fact_after(fact.sentence or "", fact.value_text or ""))
    )
    earlier = previous_sentence(fact)
    if earlier:
        # "... doanh nghiệp rút lui khỏi thị trường. Con số cụ thể là 51.496 doanh nghiệp"
        words += list(cached_terms(earlier)[1])
    return words


# Words that head a measure of something else: "năng suất lao động", "tốc độ tăng doanh thu".
_OF_HEADS = frozenset(("nang suat", "toc do", "muc tang", "chi phi", "thu nhap"))
OF_HEAD_FACTOR = 0.85


def _vi_score(
    fig: ClaimFigure,
    metric: tuple[list[str], list[str]],
    extra: list[str],
    *,
    without_scope: bool = False,
) -> float:
    """The score of one reading of a fact's metric (all words, content words); `extra`
    holds words that may cover the claim's but are not the metric."""
    raw_metric, fact_metric = metric
    # Two products of one sector are two metrics: printed titles are not electronic ones.
    mine, theirs = set(fig.metric.sectors), sector_terms(raw_metric)
    if (mine - theirs - sector_terms(extra)) and (theirs - mine):
        return 0.0
    # A fact narrower than the claim ("kinh tế số ICT" for "kinh tế số") reads it less well.
    narrower = NARROWER if mine and (theirs - mine - set(fig.metric.optional)) else 1.0
    have = set(fact_metric) | set(extra)
    # `without_scope`: the sector a claim names left out, to find the same metric of another
    # scope ("ngành viễn thông nộp ngân sách" is the budget payment, of another scope).
    core = list(fig.metric.vi)
    if without_scope:
        scope_words = {p for term in mine for p in term.split()}
        core = [w for w in core if not set(w.split()) <= scope_words] or core
    # Words after the figure (what a count counts, "… of GDP") count half: a fact that has
    # them reads the claim better than one that does not.
    optional = [w for w in fig.metric.optional if w not in fig.metric.vi]
    found_optional = 0.5 * sum(weight(w) for w in optional if w in have)
    total = sum(weight(w) for w in core) + 0.5 * sum(weight(w) for w in optional)
    recall = (sum(weight(w) for w in core if w in have) + found_optional) / total
    if not fact_metric:
        return 0.6 * recall * narrower
    mentioned = set(fig.metric.vi) | set(fig.metric.optional)
    # (the company the claim names is no word the fact says in excess: "doanh thu VNPT Media")
    mentioned |= {w for name in fig.metric.entities for w in (*name, " ".join(name))}
    ftotal = sum(weight(w) for w in fact_metric)
    precision = sum(weight(w) for w in fact_metric if w in mentioned) / ftotal
    # "năng suất lao động" is a measure of the workforce, not the workforce ("workforce grew
    # to 1.51 million"): a fact headed by such a word the claim does not say reads it less well
    head = fact_metric[0]
    of_head = OF_HEAD_FACTOR if head in _OF_HEADS and head not in mentioned else 1.0
    return (0.75 * recall + 0.25 * precision) * narrower * of_head


def _en_score(fig: ClaimFigure, metric_en: str) -> float:
    fact_en = [en_norm(w) for w in WORD_RE.findall(metric_en.lower())]
    fact_en = [w for w in fact_en if w not in EN_STOP]
    if not fact_en:
        return 0.0
    found = sum(1 for w in fig.metric.optional_en if en_in(w, fact_en))
    recall = (sum(1 for w in fig.metric.en if en_in(w, fact_en)) + found) / (
        len(fig.metric.en) + found
    )
    mentioned = list(fig.metric.en + fig.metric.optional_en)
    precision = sum(1 for w in fact_en if en_in(w, mentioned)) / len(fact_en)
    return 0.75 * recall + 0.25 * precision


@lru_cache(maxsize=8192)
def _sentence_words(sentence: str) -> frozenset[str]:
    words = folded_words(sentence)
    return frozenset(words) | frozenset(compounds(words))


def _clause_may_beat(fig: ClaimFigure, sentence: str, extra: list[str], best: float) -> bool:
    """Whether the words before the figure could score above `best`: not when the whole
    sentence lacks too many of the claim's words (reading the clause costs a number parse)."""
    have = _sentence_words(sentence) | set(extra)
    total = sum(weight(w) for w in fig.metric.vi) or 1.0
    recall = sum(weight(w) for w in fig.metric.vi if w in have) / total
    return CLAUSE_TRUST * (0.75 * recall + 0.25) > max(best, SAME_METRIC)


@lru_cache(maxsize=4096)
def fact_clause(sentence: str, value_text: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(every folded word, content words, text) of the clause a fact's figure closes."""
    at = sentence.find(value_text) if value_text else -1
    if at < 0:
        return (), (), ""
    spans = [span for span in _figure_spans(sentence) if span[1] <= at]
    end = at
    raw: list[str] = []
    content: list[str] = []
    clause_start = 0
    # The words since the figure before; when there are none ("… 138.000 tỷ đồng, tăng 1,6%")
    # the growth rate belongs to that figure's metric: read the words before it instead.
    for _ in range(3):
        start = spans[-1][1] if spans else 0
        head = sentence[start:end]
        cut = head.rfind(";")
        head = head[cut + 1 :] if cut >= 0 else head
        clause_start = start + cut + 1
        raw, content = tokens(without_time(head))
        content = compounds(content)
        if has_content(content, []) or not spans or cut >= 0:
            break
        end = spans.pop()[0]
    # The sector heading of the sentence ("Lĩnh vực bưu chính: ...") stays with it.
    if ":" in sentence[:at]:
        lead = sentence.split(":", 1)[0]
        if len(lead) < 60:
            r, c = tokens(lead)
            raw, content = r + raw, compounds(c) + content
    return tuple(raw), tuple(content), sentence[clause_start : at + len(value_text)]


@lru_cache(maxsize=4096)
def _fact_after(sentence: str, value_text: str) -> tuple[str, ...]:

    at = sentence.find(value_text) if value_text else -1
    if at < 0:
        return ()
    tail = sentence[at + len(value_text) :]
    m = re.search(r"[;,:.!?()\d]", tail)
    words = compounds(tokens(without_time(tail[: m.start()] if m else tail))[1])
    return tuple(words[:8])


def metric_key(fact: FactRow) -> str:
    """Two facts of one metric (whatever their number) have the same key."""
    return " ".join(cached_tokens(fact.metric or "")[1])
