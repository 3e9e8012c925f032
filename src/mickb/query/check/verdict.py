"""One figure of a claim against the KB: find the facts about its metric, keep those of the
same scope, measure, unit and period, and compare the numbers by the interval rules.

The order of the questions is the order of the explanations a reader gets:

1. Does the KB have this metric at all?             no  -> not_found (metric)
2. ... for the claim's scope (sector, company)?     no  -> not_found (scope): what it has
3. ... as the same measure (level, change, target)? no  -> not_found (measure): what it has
4. ... in a unit the claim's can be compared with?  no  -> not_found (unit)
5. ... for the claim's period (and base period)?    no  -> a derived figure, or not_found (period)
6. Do the numbers and the direction agree?          yes -> supported; no -> contradicted;
                                                    a bound that neither -> not_found (bound)

A contradiction needs the very metric (no rival reading of the claim's words within a hair),
the claim's company named in the fact's own clause, and a period both sides state.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from mickb.query.check import explain
from mickb.query.check.claim import is_count
from mickb.query.check.intervals import (
    Interval,
    claim_interval,
    compare,
    is_bound,
    point,
    source_interval,
)
from mickb.query.check.metric import (
    GROWTH_HEAD_RE,
    SAME_METRIC,
    Scored,
    match,
    measure_class,
    metric_key,
)
from mickb.query.check.period import parse_period, relation
from mickb.query.check.words import syllables
from mickb.text.fold import fold

if TYPE_CHECKING:
    import sqlite3

    from mickb.kb.candidates import FactRow
    from mickb.kb.store import KB
    from mickb.query.check.claim import Claim, ClaimFigure
    from mickb.records import FactRecord, FigureCheck

# A contradiction asks for more than a support: the KB must surely hold the claim's metric.
CONTRADICT_METRIC = 0.75
# A fact of the claim's unit may speak for it at this score when no better-read fact has it.
WEAK_METRIC = 0.55
# ... and a part of a whole, when the claim's figure is one too ("2,152 of 2,418 villages").
PART_OF_WHOLE_METRIC = 0.4
_OPEN_HEDGES = ("more_than", "at_least", "at_most")
# Among facts of the same metric, one scoring this much lower than the best speaks for nothing.
BETTER_METRIC = 0.1
# Two metrics this close in score are equally good readings of an ambiguous claim.
AMBIGUOUS_GAP = 0.05


def check_figure(kb: KB, claim: Claim, fig: ClaimFigure) -> FigureCheck:
    from mickb.kb.candidates import candidate_facts

    result = _blank(fig)
    if fig.metric.of_figure:
        return _say(result, "metric", explain.of_figure(fig))
    if not fig.metric.vi and not fig.metric.en:
        return _say(result, "metric", explain.no_metric(fig))
    conn = kb.connection
    wanted = _claim_interval(fig)
    years = sorted(str(y) for y in fig.period.years)
    value_range = _value_range(wanted)
    words = [
        syllables(fig.metric.vi),
        list(fig.metric.en),
        syllables(fig.metric.counted or fig.metric.optional),
    ]
    cands = candidate_facts(conn, words, years, value_range)
    scored = [Scored(f, match(fig, f), "") for f in cands]
    same_metric = sorted(
        (s for s in scored if s.match.score >= SAME_METRIC),
        key=lambda s: (-s.match.score, s.fact.id),
    )
    same_metric += _weak_counts(fig, scored, same_metric)
    if not same_metric:
        # the same metric of another scope, once the claim's sector words are left out
        other_scope = sorted(
            (s for s in scored if s.match.scope != "same" and s.match.unscoped >= SAME_METRIC),
            key=lambda s: (-s.match.unscoped, s.fact.id),
        )
        if other_scope:
            shown = next(
                (s for s in other_scope if measure_class(s.fact) == fig.measure), other_scope[0]
            )
            return _say(result, "scope", explain.other_scope(fig, shown), kb, shown)
        return _say(result, "metric", explain.no_fact(fig))
    in_scope = [s for s in same_metric if s.match.scope == "same"]
    if not in_scope:
        # what the KB has instead: the same measure as the claim's when there is one
        shown = next(
            (s for s in same_metric if measure_class(s.fact) == fig.measure), same_metric[0]
        )
        return _say(result, "scope", explain.other_scope(fig, shown), kb, shown)
    same_measure = [s for s in in_scope if measure_class(s.fact) == fig.measure]
    if not same_measure:
        derived = _derived(kb, conn, fig, in_scope)
        if derived is not None:
            return _finish(result, kb, *derived)
        top = in_scope[0]
        return _say(result, "measure", explain.other_measure(fig, top.fact), kb, top)
    same_unit = [s for s in same_measure if units_compatible(fig, s.fact)]
    if not same_unit:
        top = same_measure[0]
        return _say(result, "unit", explain.other_unit(fig, top.fact), kb, top)
    timed = [
        s._replace(period=relation(fig.period, parse_period(s.fact.period))) for s in same_unit
    ]
    usable = [s for s in timed if s.period != "different" and _same_base(fig, s.fact)]
    if not usable:
        derived = _derived(kb, conn, fig, in_scope)
        if derived is not None:
            return _finish(result, kb, *derived)
        top = timed[0]
        why = "base" if top.period != "different" else "period"
        text = (
            explain.other_base(fig, top.fact)
            if why == "base"
            else explain.other_period(fig, top.fact)
        )
        return _say(result, why, text, kb, top)
    return _compare_numbers(result, kb, fig, usable, wanted, scored, same_metric)


def _compare_numbers(
    result: FigureCheck,
    kb: KB,
    fig: ClaimFigure,
    usable: list[Scored],
    wanted: Interval,
    everything: list[Scored],
    same_metric: list[Scored],
) -> FigureCheck:
    """Step 6: the facts that speak for the claim's metric, period and scope, and their numbers."""
    top_score = max(s.match.score for s in usable)
    speaking = [s for s in usable if s.match.score >= top_score - BETTER_METRIC]
    outcomes = [(s, _outcome(fig, s.fact, wanted)) for s in speaking]
    agreeing = [
        (s, o)
        for s, o in outcomes
        if o == "supported" and _period_supports(fig, s) and s.match.specific
    ]
    if agreeing:
        best, _ = min(
            agreeing,
            key=lambda t: (-round(t[0].match.score, 2), t[0].period != "same", t[0].fact.id),
        )
        # Another metric that reads the claim's words as well and does not agree: the claim
        # does not say which it means, so its number confirms nothing.
        # (a figure whose sector the claim does not name is no reading of it: "the sector's
        # revenue" is not the ICT industry's)
        rivals = [
            s.fact
            for s, o in outcomes
            if o != "supported"
            and s.match.score >= best.match.score - AMBIGUOUS_GAP
            and s.match.specific
            and metric_key(s.fact) != metric_key(best.fact)
        ]
        if rivals:
            text = explain.ambiguous(fig, [best.fact, *rivals])
            return _say(result, "ambiguous", text, kb, best)
        return _finish(result, kb, "supported", _rule(fig, best.fact), best.fact, wanted)
    # What would contradict: the same period stated on both sides (or the claim's silence
    # about a metric the KB has for one period only), the company named in the fact's clause,
    # and no rival metric as close to the claim's words.
    firm = [
        (s, o)
        for s, o in outcomes
        if o in ("contradicted", "direction", "whole")
        and s.match.firm
        and s.match.score >= CONTRADICT_METRIC
        and _period_firm(fig, s)
    ]
    if not firm:
        return _held_back(result, kb, fig, *outcomes[0], wanted)
    top, outcome = firm[0]
    # Another metric read as well from the claim's words that says something else (the same
    # figure stated twice, "doanh thu ngành" and "doanh thu toàn ngành", is no rival).
    rivals = [
        s.fact
        for s, o in outcomes
        if s.match.score >= top.match.score - AMBIGUOUS_GAP
        and metric_key(s.fact) != metric_key(top.fact)
        and o != outcome
    ]
    # ... or that reads them better with another measure ("titles" of print and of e-books,
    # only one with a growth rate): the claim does not say which it means.
    rivals += [
        s.fact
        for s in same_metric
        if measure_class(s.fact) != fig.measure
        and s.match.score > top.match.score + AMBIGUOUS_GAP
        and s.match.scope == "same"
        and _other_product(s.fact, top.fact)
    ]
    if rivals:
        return _say(result, "ambiguous", explain.ambiguous(fig, [top.fact, *rivals]), kb, top)
    rule = outcome if outcome in ("direction", "whole") else _rule(fig, top.fact)
    owner = _owner_of_number(fig, everything, top.fact, wanted)
    detail = explain.owner(fig, owner) if owner is not None and rule != "direction" else ""
    return _finish(result, kb, "contradicted", rule, top.fact, wanted, detail)


def _held_back(
    result: FigureCheck, kb: KB, fig: ClaimFigure, top: Scored, outcome: str, wanted: Interval
) -> FigureCheck:
    """Not found, though a figure disagrees: it is too unsure to call the claim wrong, and
    the explanation says what is unsure (the source's bound, the claim's words, whose figure
    it is, the metric, or the period)."""
    if outcome == "unconfirmed":
        return _say(result, "bound", explain.unconfirmed(fig, top.fact, wanted), kb, top)
    if outcome == "far":
        return _say(result, "bound", explain.far_bound(fig, top.fact), kb, top)
    if not top.match.specific:
        return _say(result, "metric", explain.unspecific(fig, top.fact), kb, top)
    if _period_firm(fig, top):
        # the periods agree: what is unsure is whose figure it is, or its metric
        if not top.match.firm:
            return _say(result, "scope", explain.unsure_owner(fig, top.fact), kb, top)
        if top.match.score < CONTRADICT_METRIC:
            return _say(result, "metric", explain.unsure_metric(fig, top.fact), kb, top)
    return _say(result, "period", explain.unsure_period(fig, top.fact), kb, top)


def _weak_counts(fig: ClaimFigure, scored: list[Scored], same_metric: list[Scored]) -> list[Scored]:
    """The well-read facts are shares or amounts, the claim counts ("2,152 villages" beside
    "99,73% of villages"): a count of the claim's kind that reads its words less well may
    still speak for it (never to contradict: that needs more; nor for an open bound that any
    small count would meet, nor for a small count any story holds)."""
    parts = fig.total is not None
    if (
        not (same_metric or parts)
        or fig.hedge in _OPEN_HEDGES
        or not (is_count(fig.number) or parts)
        or (abs(fig.number.value) < 100 and not parts)
        or any(units_compatible(fig, s.fact) for s in same_metric)
    ):
        return []
    # ("2.152 trên tổng số 2.418 thôn" beside the source's "2.152/2.418 điểm lõm sóng": a part
    # of a whole, as the claim's is, may read its words less well still; a small one ("14
    # trong tổng số 15 chỉ tiêu") only beside the same whole)
    return sorted(
        (
            s
            for s in scored
            if (PART_OF_WHOLE_METRIC if parts and s.fact.total else WEAK_METRIC)
            <= s.match.score
            < SAME_METRIC
            and s.match.scope == "same"
            and units_compatible(fig, s.fact)
            and (abs(fig.number.value) >= 100 or _same_whole(fig, s.fact))
        ),
        key=lambda s: (-s.match.score, s.fact.id),
    )


def _claimed_total(fig: ClaimFigure) -> float | None:
    """The whole a claim's part is of: "2.152 trên tổng số 2.418", "2.152/2.418"."""
    return fig.total.value if fig.total is not None else fig.number.total


def _same_whole(fig: ClaimFigure, fact: FactRow) -> bool:
    """Whether a claim's part of a whole and a fact's share the whole ("… 15 chỉ tiêu")."""
    claimed = _claimed_total(fig)
    return (
        claimed is not None
        and fact.total is not None
        and abs(claimed - fact.total) <= 1e-9 * abs(fact.total)
    )


def _other_product(a: FactRow, b: FactRow) -> bool:
    """Two facts about two products of one field: each metric names a sector term the other
    does not ("xuất bản phẩm in" and "xuất bản phẩm điện tử")."""
    from mickb.query.check.words import cached_tokens, sector_terms

    ta = sector_terms(cached_tokens(a.metric or "")[0])
    tb = sector_terms(cached_tokens(b.metric or "")[0])
    return bool(ta - tb) and bool(tb - ta)


def _owner_of_number(
    fig: ClaimFigure, candidates: list[Scored], top: FactRow, wanted: Interval
) -> FactRow | None:
    """A fact of a kindred metric that holds the claim's number (18% is postal revenue
    growth, not telecom revenue growth): the likely source of the mix-up."""
    from mickb.query.check.words import cached_terms, weight

    best: tuple[float, str] | None = None
    owner: FactRow | None = None
    total = sum(weight(w) for w in fig.metric.vi) or 1.0
    for s in candidates:
        c = s.fact
        if metric_key(c) == metric_key(top) or measure_class(c) != fig.measure:
            continue
        if not units_compatible(fig, c) or _outcome(fig, c, wanted) != "supported":
            continue
        have = set(cached_terms(c.metric or "")[1])
        overlap = sum(weight(w) for w in fig.metric.vi if w in have) / total
        if overlap >= 0.5 and (best is None or (overlap, c.id) > best):
            best, owner = (overlap, c.id), c
    return owner


def _outcome(fig: ClaimFigure, fact: FactRow, wanted: Interval) -> str:
    """supported | contradicted | direction (the numbers may agree, the direction does not)
    | unconfirmed (a bound on one side that neither confirms nor denies the other)."""
    if (
        fig.measure == "change"
        and fig.direction
        and fact.direction
        and fig.direction != fact.direction
    ):
        return "direction"
    source = source_interval(_base(fact.base_value, fact.value), fact.qualifier)
    claimed_total = _claimed_total(fig)
    if fact.total is not None and claimed_total is None and fig.number.value == fact.total:
        source = point(_base_total(fact))
    outcome = compare(wanted, source)
    if outcome == "supported" and _far_from_bound(fig, wanted, source):
        return "far"
    if outcome == "supported" and claimed_total is not None and not _same_whole(fig, fact):
        return "whole"  # "2.152/2.418": both numbers must agree
    return outcome


# An open bound the source's value passes by more than this factor ("ít nhất 9 người" for 3,1
# triệu người) is met by the numbers but speaks of something else.
FAR_FROM_BOUND = 10.0


def _far_from_bound(fig: ClaimFigure, wanted: Interval, source: Interval) -> bool:
    if fig.hedge in ("more_than", "at_least") and wanted.lo > 0:
        return source.lo > FAR_FROM_BOUND * wanted.lo
    if fig.hedge == "at_most" and source.hi > 0 and math.isfinite(wanted.hi):
        return wanted.hi > FAR_FROM_BOUND * source.hi
    return False


def _period_supports(fig: ClaimFigure, s: Scored) -> bool:
    """A fact with no stated period speaks only for a claim that names none either."""
    return s.period == "same" or not (fig.period.years or fig.period.sub)


def _period_firm(fig: ClaimFigure, s: Scored) -> bool:
    if s.period == "same":
        return True
    # The claim names no period, only what a change is measured against ("tăng 7,8% so với
    # năm 2021"): the year after that one. Otherwise a claim with no period is never called
    # wrong by a figure of some period (a sentence of any article says "có 500.000 km cáp
    # quang" of its own day).
    if s.period != "unknown" or fig.period.years or fig.period.sub:
        return False
    theirs = parse_period(s.fact.period)
    compared = fig.compared.years
    return bool(compared) and not theirs.sub and theirs.years == {y + 1 for y in compared}


def _same_base(fig: ClaimFigure, fact: FactRow) -> bool:
    """A change measured against what the claim says it is ("so với năm 2020")."""
    if fig.measure != "change" or not fig.compared:
        return True
    theirs = parse_period(fact.compared_to)
    if theirs.part_before != fig.compared.part_before and (theirs or fig.compared.part_before):
        return False  # "so với quý trước" is not "so với cùng kỳ năm trước"
    mine = parse_period(fact.period)
    if not theirs.years:
        # a change stated with no base is against the year before ("tăng 12,7%" in 2022 is
        # against 2021): a claim against 2020 is another comparison
        if fig.compared.years and mine.years and not mine.sub:
            return fig.compared.years == {y - 1 for y in mine.years}
        return True
    if fig.compared.years:
        return bool(fig.compared.years & theirs.years)
    return not mine.years or {y - 1 for y in mine.years} == set(theirs.years)


# --- derived figures -------------------------------------------------------------------------


def _derived(
    kb: KB, conn: sqlite3.Connection, fig: ClaimFigure, in_scope: list[Scored]
) -> tuple[str, str, FactRow, Interval, str] | None:
    """A level of the year before, worked out from a level and its growth rate ("138.000
    tỷ đồng, tăng 1,6% so năm 2021" -> about 135.827 tỷ đồng in 2021)."""
    from mickb.kb.candidates import facts_by_id

    if fig.measure != "state":
        return None
    for s in in_scope:
        level = s.fact
        if measure_class(level) != "state" or not units_compatible(fig, level):
            continue
        earlier = parse_period(level.period).year_before()
        previous = fig.period.previous and not fig.period.years
        if not previous and relation(fig.period, earlier) != "same":
            continue
        ids = json.loads(level.related or "[]") or _growths_beside(conn, level)
        for change in facts_by_id(conn, ids):
            if measure_class(change) != "change" or not change.value or not change.unit:
                continue
            if change.unit.strip() != "%":
                continue
            base = parse_period(change.compared_to)
            if base.years and not (base.years & earlier.years):
                continue
            outcome = _derived_outcome(fig, level, change)
            if outcome is None:
                continue
            verdict, detail = outcome
            return verdict, "derived", level, _claim_interval(fig), detail
    return None


def _growths_beside(conn: sqlite3.Connection, level: FactRow) -> list[str]:
    """Growth rates of the same metric in a level's sentence that the extractor did not tie
    to it: "năng suất lao động … 648 triệu đồng, …, tốc độ tăng năng suất lao động là 6,7%"."""
    mine = set(fold(level.metric or "").split())
    if not mine:
        return []
    rows = conn.execute(
        "SELECT id, metric FROM facts WHERE source_id = ? AND sentence = ? AND measure = 'change'",
        (level.source_id, level.sentence),
    ).fetchall()
    out = []
    for fid, metric in rows:
        theirs = set(fold(GROWTH_HEAD_RE.sub("", metric or "", count=1)).split())
        if theirs and (theirs <= mine or mine <= theirs):
            out.append(fid)
    return out


def _derived_outcome(fig: ClaimFigure, level: FactRow, change: FactRow) -> tuple[str, str] | None:
    sign = -1.0 if change.direction == "down" else 1.0
    v = _base(level.base_value, level.value)
    rate = sign * abs(change.value) / 100.0
    wanted = _claim_interval(fig)
    relative = v / (1.0 + rate)
    readings = [relative]
    if (level.unit or "").strip() == "%":
        readings.append(v - sign * abs(change.value))  # percentage points
    fits = [wanted.contains(x) for x in readings]
    text = explain.derived_detail(level, change, readings)
    if all(fits):
        return "supported", text
    if len(readings) > 1 and any(fits):
        return "not_found", text + explain.AMBIGUOUS_POINTS
    # the rounding of both source numbers, before calling the claim wrong
    lo, hi = _derived_span(level, change, sign)
    if not wanted.meets(Interval(lo, hi, False, False)) and all(not f for f in fits):
        if len(readings) > 1:
            return "not_found", text + explain.AMBIGUOUS_POINTS
        return "contradicted", text
    return "not_found", text


def _derived_span(level: FactRow, change: FactRow, sign: float) -> tuple[float, float]:
    from mickb.query.check.intervals import rounding_radius

    v = _base(level.base_value, level.value)
    scale = v / level.value if level.value else 1.0
    rv = rounding_radius(level.value, _decimals(level.value_text), level.value_text) * scale
    rc = rounding_radius(change.value, _decimals(change.value_text), change.value_text)
    rates = [sign * (abs(change.value) + d) / 100.0 for d in (-rc, rc)]
    values = [(v + dv) / (1 + r) for dv in (-rv, rv) for r in rates]
    return min(values), max(values)


# --- comparing ---------------------------------------------------------------------------------


def units_compatible(fig: ClaimFigure, fact: FactRow) -> bool:
    from mickb.text.numbers import unit_kind

    a = unit_kind(fig.number.base_unit)
    b = unit_kind(fact.base_unit if fact.base_unit else _fact_base_unit(fact))
    if a == b:
        return True
    if a.split("/")[0] == b and fig.metric.per_unit and b.startswith("money:"):
        return True  # "650 triệu đồng/người" of a productivity the source gives in đồng
    if a == "number" and fig.number.scale > 1 and b.startswith("money:"):
        return True  # "46 nghìn tỷ": the currency goes without saying
    # What is counted is the metric's business: counts compare with counts in any words
    # ("70,000 enterprises", "70.000 doanh nghiệp") and with bare numbers ("39.700").
    countish = ("number", "people")
    a_count = a in countish or a.startswith("count:")
    b_count = b in countish or b.startswith("count:")
    return a_count and b_count


def _fact_base_unit(fact: FactRow) -> str | None:
    from mickb.text.numbers import find_numbers

    for n in find_numbers(fact.value_text or ""):
        return n.base_unit
    return "%" if (fact.unit or "").strip() == "%" else None


def _claim_interval(fig: ClaimFigure) -> Interval:
    n = fig.number
    scale = _scale(n.base_value, n.value, n.scale)
    wanted = claim_interval(n.value, n.decimals, _digits(n.text), fig.hedge, n.qualifier_text)
    if fig.range_end is not None:
        m = fig.range_end
        upper = claim_interval(m.value, m.decimals, _digits(m.text), None, None)
        wanted = Interval(wanted.lo, upper.hi, wanted.lo_open, upper.hi_open)
    return wanted.scaled(scale)


def _value_range(wanted: Interval) -> tuple[float, float] | None:
    if math.isfinite(wanted.lo) and math.isfinite(wanted.hi):
        return wanted.lo, wanted.hi
    return None


def _scale(base: float | None, value: float, fallback: float) -> float:
    if base is not None and value:
        return abs(base / value)
    return fallback or 1.0


def _base(base: float | None, value: float) -> float:
    return abs(base if base is not None else value)


def _base_total(fact: FactRow) -> float:
    scale = _scale(fact.base_value, fact.value, 1.0)
    return abs((fact.total or 0.0) * scale)


def _digits(text: str) -> str:
    import re

    m = re.search(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?", text)
    return m.group(0) if m else text


def _decimals(value_text: str) -> int:
    from mickb.text.numbers import find_numbers

    for n in find_numbers(value_text or ""):
        return n.decimals
    return 0


def _rule(fig: ClaimFigure, fact: FactRow) -> str:
    if fig.range_end is not None:
        return "range"
    if fig.hedge:
        return fig.hedge
    if is_bound(fact.qualifier):
        return "source_bound"
    return "rounding"


# --- the result ----------------------------------------------------------------------------------


def _blank(fig: ClaimFigure) -> FigureCheck:
    n = fig.number
    return {
        "text": fig.text,
        "value": _num(n.value),
        "unit": n.unit,
        "base_value": _num(n.base_value),
        "base_unit": n.base_unit,
        "hedge": fig.hedge,
        "verdict": "not_found",
        "rule": "metric",
        "explanation": "",
        "fact": None,
    }


def _record(kb: KB, fact: FactRow) -> FactRecord | None:
    try:
        return kb.get(fact.id)  # type: ignore[return-value]
    except Exception:  # noqa: BLE001 - a fact we just read; a vanished one is simply not shown
        return None


def _say(
    result: FigureCheck, rule: str, text: str, kb: KB | None = None, near: Scored | None = None
) -> FigureCheck:
    """A not_found, with what the KB does have (its source named) when there is such a fact."""
    result["rule"] = rule
    record = _record(kb, near.fact) if kb is not None and near is not None else None
    result["explanation"] = text + explain.source_label(record)
    return result


def _finish(
    result: FigureCheck,
    kb: KB,
    verdict: str,
    rule: str,
    fact: FactRow,
    wanted: Interval,
    detail: str = "",
) -> FigureCheck:
    record = _record(kb, fact)
    result["verdict"] = verdict  # type: ignore[typeddict-item]
    result["rule"] = rule
    result["fact"] = record
    result["explanation"] = explain.verdict(result, fact, wanted, detail) + explain.source_label(
        record
    )
    return result


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x


__all__ = ["check_figure", "units_compatible"]
