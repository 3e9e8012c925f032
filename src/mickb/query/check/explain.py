"""Verdicts in words: every explanation names its rule and the two intervals it compared, and
a not_found says what the KB does have instead."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mickb.query.check.intervals import Interval, describe, format_number, source_interval
from mickb.query.check.metric import measure_class
from mickb.text.fold import fold

if TYPE_CHECKING:
    from mickb.kb.candidates import FactRow
    from mickb.query.check.claim import ClaimFigure
    from mickb.query.check.metric import Scored
    from mickb.records import FactRecord, FigureCheck

_RULE_WORDS = {
    "rounding": "rounding: a number covers what its last written digit allows",
    "about": "about: within one unit of the last non-zero digit and 10 %",
    "nearly": "nearly: below it and within 10 %",
    "more_than": "more than: above it",
    "at_least": "at least: it or above",
    "at_most": "less than / at most: below it",
    "range": "range: from the first number to the second",
    "source_bound": "the source gives only a bound",
    "direction": "direction: up and down must agree",
    "whole": "whole: a part of a whole holds only with the source's whole",
    "derived": "derived: the earlier level a level and its growth imply",
}
_QUALIFIER_WORDS = {
    "estimate": "estimated",
    "about": "about",
    "nearly": "nearly",
    "more_than": "more than",
    "at_least": "at least",
    "at_most": "at most",
}
AMBIGUOUS_POINTS = (
    "; the source does not say whether its growth is in percent or percentage points, "
    "and the two readings differ"
)


def source_label(record: FactRecord | None) -> str:
    src: dict[str, Any] = dict((record or {}).get("source") or {})
    parts = [f"«{src['title']}»" if src.get("title") else None, src.get("date")]
    parts.append(record.get("id") if record else None)
    text = ", ".join(p for p in parts if p)
    return f" — {text}" if text else ""


def metric_label(fact: FactRow) -> str:
    return fact.metric.strip() if fact.metric and fact.metric.strip() else "this figure"


def fact_phrase(fact: FactRow, with_qualifier: bool = False) -> str:
    """The source's figure as a reader would quote it: "tăng 16% so với năm 2021"."""
    text = fact.value_text or f"{fact.value} {fact.unit}".strip()
    if fact.measure == "change" and fact.direction in ("up", "down"):
        text = f"{'tăng' if fact.direction == 'up' else 'giảm'} {text}"
        if fact.compared_to:
            base = fact.compared_to.strip()
            if re.fullmatch(r"(?:19|20)\d\d", base):
                base = f"năm {base}"
            text += f" {base}" if fold(base).startswith("so") else f" so với {base}"
    if with_qualifier and fact.qualifier in _QUALIFIER_WORDS:
        text += f" ({_QUALIFIER_WORDS[fact.qualifier]})"
    return text


def _period(fact: FactRow) -> str:
    return f" ({fact.period})" if fact.period else ""


def _claim_unit(fig: ClaimFigure) -> tuple[str, float]:
    n = fig.number
    scale = abs(n.base_value / n.value) if n.base_value is not None and n.value else 1.0
    return n.unit or "", scale


def verdict(result: FigureCheck, fact: FactRow, wanted: Interval, detail: str = "") -> str:
    """supported / contradicted: the source's figure, the claim's interval, the rule."""
    rule = result["rule"]
    said = f"the source says {fact_phrase(fact, with_qualifier=True)} for {metric_label(fact)}"
    said += _period(fact)
    if rule == "direction":
        word = "up" if fact.direction == "up" else "down"
        return (
            f"{said}: the direction differs (the source's figure goes {word}, the claim's "
            f"{result['text']} goes the other way; rule: {_RULE_WORDS['direction']})"
        )
    if rule == "whole":
        whole = f"{fact.total:g}" if fact.total is not None else "none"
        return (
            f"{said}: the claim's {result['text']} is a part of another whole than the "
            f"source's ({whole}) (rule: {_RULE_WORDS['whole']})"
        )
    unit = result["unit"] or ""
    scale = (
        abs(result["base_value"] / result["value"])
        if result["base_value"] and result["value"]
        else 1.0
    )
    english = _english(result["text"])
    claim_side = describe(wanted.scaled(1 / scale), unit, english)
    if rule == "derived":
        where = "lies in" if result["verdict"] == "supported" else "is outside"
        return (
            f"{said}; {detail}, which {where} the claim's {result['text']} = {claim_side} "
            f"(rule: {_RULE_WORDS['derived']})"
        )
    base = fact.base_value if fact.base_value is not None else fact.value
    source = source_interval(base, fact.qualifier).scaled(1 / scale)
    source_side = describe(source, unit, english)
    inside = "lies in it" if result["verdict"] == "supported" else "lies outside it"
    if rule == "source_bound" or (fact.qualifier in ("more_than", "at_least", "at_most", "nearly")):
        inside = "which fits" if result["verdict"] == "supported" else "which does not fit"
        return (
            f"{said}, that is {source_side}; the claim's {result['text']} means {claim_side}, "
            f"{inside} (rule: {_RULE_WORDS.get(rule, rule)}; {_RULE_WORDS['source_bound']})"
        )
    return (
        f"{said}, that is {source_side}; the claim's {result['text']} means {claim_side}, and "
        f"the source's value {inside} (rule: {_RULE_WORDS.get(rule, rule)}){detail}"
    )


def _english(text: str) -> bool:
    from mickb.text.glossary import is_english

    return (
        is_english(text)
        or bool(re.search(r"\d,\d{3}\b|\d\.\d{1,2}\b(?!\.)", text))
        and not re.search(r"\d\.\d{3}\b", text)
    )


def no_metric(fig: ClaimFigure) -> str:
    return (
        f"the claim does not say what {fig.text} measures, so there is nothing to match it "
        "with (rule: metric)"
    )


def of_figure(fig: ClaimFigure) -> str:
    return (
        f"{fig.text} is a part or a share of another figure the claim gives "
        f"({fig.metric.text}): the claim divides it itself, and no source states it "
        "(rule: metric)"
    )


def no_fact(fig: ClaimFigure) -> str:
    what = fig.metric.text or "this figure"
    return f"the KB has no figure for «{what}» (rule: metric)"


def other_scope(fig: ClaimFigure, near: Scored) -> str:
    fact = near.fact
    whose = {
        "broader": "for a wider scope than the claim's",
        "narrower": "only for a part of what the claim is about",
        "other": "for another sector or company",
    }.get(near.match.scope, "for another scope")
    return (
        f"the KB has {metric_label(fact)} {whose} ({fact_phrase(fact)}{_period(fact)}), not for "
        f"«{fig.metric.text}» itself (rule: scope: a figure of another scope neither supports "
        "nor contradicts)"
    )


_MEASURE_NAMES = {"change": "the growth rate", "target": "a target", "state": "the level"}
_OWN_MEASURE = {"change": "its growth rate", "target": "a target for it", "state": "its level"}


def other_measure(fig: ClaimFigure, fact: FactRow) -> str:
    return (
        f"the KB has only {_MEASURE_NAMES[measure_class(fact)]} of {metric_label(fact)} "
        f"({fact_phrase(fact)}{_period(fact)}), not {_OWN_MEASURE[fig.measure]} (rule: measure)"
    )


def other_unit(fig: ClaimFigure, fact: FactRow) -> str:
    points = {fig.number.base_unit, fact.base_unit}
    if points == {"điểm %", "%"} and fig.measure == "change":
        # "tăng 1,4%" of a share may be percent or percentage points: the source does not say
        return (
            f"the KB gives {metric_label(fact)} as {fact_phrase(fact)}{_period(fact)}: a change "
            f"written in percent, which for a share may mean percent or percentage points, "
            f"so it neither confirms nor denies {fig.text} (rule: unit)"
        )
    return (
        f"the KB gives {metric_label(fact)} as {fact_phrase(fact)}{_period(fact)}, which cannot "
        f"be compared with {fig.text} (rule: unit)"
    )


def other_period(fig: ClaimFigure, fact: FactRow) -> str:
    wanted = fig.period.describe() or "the claim's period"
    return (
        f"the KB has {metric_label(fact)} for {fact.period or 'no stated period'} "
        f"({fact_phrase(fact)}), not for {wanted} (rule: period: a figure of another period "
        "neither supports nor contradicts)"
    )


def other_base(fig: ClaimFigure, fact: FactRow) -> str:
    wanted = fig.compared.describe() or "the claim's base"
    return (
        f"the KB's change of {metric_label(fact)} is {fact_phrase(fact)}{_period(fact)}, "
        f"measured against another period than {wanted} (rule: period)"
    )


def unsure_period(fig: ClaimFigure, fact: FactRow) -> str:
    claim = fig.period.describe()
    return (
        f"the KB has {metric_label(fact)} as {fact_phrase(fact)}"
        f"{' for ' + fact.period if fact.period else ' with no stated period'}"
        f"{', and the claim names ' + claim if claim else ', and the claim names no period'}: "
        "too unsure a match to call the claim wrong (rule: period)"
    )


def unspecific(fig: ClaimFigure, fact: FactRow) -> str:
    return (
        f"the claim says too little of what {fig.text} measures, for whom and when to be "
        f"judged by {metric_label(fact)} ({fact_phrase(fact)}{_period(fact)}): name the "
        "metric, the company or sector, or the period (rule: metric)"
    )


def unsure_metric(fig: ClaimFigure, fact: FactRow) -> str:
    return (
        f"the KB has {metric_label(fact)} as {fact_phrase(fact)}{_period(fact)}, which shares "
        f"only some of the words of «{fig.metric.text}»: too unsure a match to call the claim "
        "wrong (rule: metric)"
    )


def unsure_owner(fig: ClaimFigure, fact: FactRow) -> str:
    return (
        f"the KB has {metric_label(fact)} as {fact_phrase(fact)}{_period(fact)}, but its "
        "sentence does not surely say whose figure it is: too unsure a match to call the claim "
        "wrong (rule: scope)"
    )


def far_bound(fig: ClaimFigure, fact: FactRow) -> str:
    return (
        f"the KB has {metric_label(fact)} as {fact_phrase(fact)}{_period(fact)}, more than ten "
        f"times past the claim's bound {fig.text}: the numbers agree but can hardly be the "
        "same figure (rule: bound)"
    )


def unconfirmed(fig: ClaimFigure, fact: FactRow, wanted: Interval) -> str:
    unit, scale = _claim_unit(fig)
    english = _english(fig.text)
    base = fact.base_value if fact.base_value is not None else fact.value
    source = describe(source_interval(base, fact.qualifier).scaled(1 / scale), unit, english)
    claim_side = describe(wanted.scaled(1 / scale), unit, english)
    return (
        f"the source says {fact_phrase(fact, with_qualifier=True)} for {metric_label(fact)}"
        f"{_period(fact)}, that is {source}; the claim's {fig.text} means {claim_side}: a bound "
        f"neither confirms nor denies it (rule: {_RULE_WORDS['source_bound']})"
    )


def ambiguous(fig: ClaimFigure, facts: list[FactRow]) -> str:
    shown = "; ".join(f"{metric_label(f)}: {fact_phrase(f)}" for f in facts[:4])
    return (
        f"«{fig.metric.text}» could be several figures in the KB ({shown}); name the metric "
        "more exactly (rule: metric)"
    )


def owner(fig: ClaimFigure, fact: FactRow) -> str:
    return f" ({fig.number.text} is the figure of {metric_label(fact)}: {fact_phrase(fact)})"


def derived_detail(level: FactRow, change: FactRow, readings: list[float]) -> str:
    unit = level.unit or ""
    scale = abs(level.base_value / level.value) if level.base_value and level.value else 1.0
    shown = " or ".join(
        f"{format_number(round(x / scale, 2))}{'' if unit == '%' else ' '}{unit}" for x in readings
    )
    return (
        f"with {fact_phrase(change)} it implies {shown} for "
        f"{change.compared_to or 'the year before'}"
    )
