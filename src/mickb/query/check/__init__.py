"""Fact-check the figures of a claim, or of a whole article, against the facts in the KB.

    read_claim (claim.py)    the claim, read once: figures, hedges, measures, metrics, periods
    check_figure (verdict.py) one figure against the KB's facts: scope, measure, unit, period,
                             then the numbers by the interval rules (intervals.py)
    explain.py               the verdicts in words: the rule and the two intervals compared
    check_article            every sentence with a figure, hard-wrapped lines joined

The verdicts never guess in the user's favour: a number that belongs to another metric,
scope, period or currency supports nothing, and a claim whose metric could be several of
the KB's gets no contradiction either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mickb.errors import BadInput

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mickb.kb.store import KB
    from mickb.query.check.claim import Claim, ClaimFigure
    from mickb.records import CheckResult, FigureCheck

__all__ = ["check_claim", "check_article", "article_sentences"]


def check_claim(kb: KB, claim: str) -> CheckResult:
    """The contract's `check --json` result for one claim."""
    from mickb.query.check.claim import read_claim

    if claim is None or not claim.strip():
        raise BadInput("empty claim: give a sentence with a figure to check")
    parsed = read_claim(claim)
    results = [_check_shared(kb, parsed, fig) for fig in parsed.figures]
    verdicts = [r["verdict"] for r in results]
    if "contradicted" in verdicts:
        verdict = "contradicted"
    elif verdicts and all(v == "supported" for v in verdicts):
        verdict = "supported"
    else:
        verdict = "not_found"
    return {"claim": parsed.text, "verdict": verdict, "figures": results}  # type: ignore[typeddict-item]


def _check_shared(kb: KB, parsed: Claim, fig: ClaimFigure) -> FigureCheck:
    """A figure said of several subjects ("A và B đều tăng 16%") holds only if it holds of
    each: wrong of one, it is contradicted; unknown of one, not found."""
    from mickb.query.check.verdict import check_figure

    result = check_figure(kb, parsed, fig)
    for metric in fig.shared:
        other = check_figure(kb, parsed, fig._replace(metric=metric, shared=()))
        if other["verdict"] == "contradicted" and result["verdict"] != "contradicted":
            result = other
        elif result["verdict"] == "supported" and other["verdict"] != "supported":
            result = other
    return result


def article_sentences(text: str) -> Iterator[str]:
    """The sentences of an article as pasted: hard-wrapped lines join, a blank line ends a
    paragraph."""
    from mickb.ingest.split import split_text

    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            paragraph.append(line.strip())
            continue
        if paragraph:
            joined = " ".join(paragraph)
            for start, end in split_text(joined):
                sentence = joined[start:end].strip()
                if sentence:
                    yield sentence
            paragraph = []


def check_article(kb: KB, text: str) -> Iterator[CheckResult]:
    """A result for each sentence of the article that holds a figure, read as the article's
    reader reads it: the year and sector its headline names scope the sentences that leave
    them unsaid (article.py)."""
    from mickb.query.check.article import article_context, with_context
    from mickb.query.check.claim import read_claim

    sentences = list(article_sentences(text))
    context = article_context(sentences)
    for sentence in sentences:
        parsed = read_claim(sentence)
        if not parsed.figures:
            continue
        has_period = any(f.period.years or f.period.sub for f in parsed.figures)
        result = check_claim(kb, with_context(sentence, context, has_period=has_period))
        result["claim"] = parsed.text  # the sentence as written; the reading is in the why
        yield result
