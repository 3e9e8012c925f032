"""Figures and quotes of the extractor on the 60 news articles, against hand-made gold.

    python bench/news_score.py [--corpus DIR] [--gold DIR] [--json] [-v] [--articles]

Articles: ../shared/corpus/news/*.txt (first line title, second lead, then body; no date),
topics from its manifest.json. Gold: bench/gold/news/<article>.json (format in its README).
Each article goes through the real pipeline: mickb.ingest.read.load_document ->
mickb.ingest.document.extract (extract_figures, and extract_quotes with reported speech, as
`mickb ingest` stores them).

These are DEVELOPMENT figures: the gold was made for exactly these articles and the extractor
is tuned against them; they are not a held-out measure.

Matching is by character offsets in the file's text:
- A fact is placed in the file via its sentence (Fact.sentence_ordinal -> Sentence.start in
  Passage.text -> Passage.start in the raw text). Passage text is cleaned (white space
  collapsed), so offsets inside a passage are mapped over its non-space characters; every
  placement is checked against the raw text (an unplaceable fact is reported as such).
- A gold entry is located as the nth occurrence of its span; its number is the token inside
  the span whose value (Vietnamese or English format) is the entry's value (or its `total`),
  else the span's digits. The two entries of a range ("18-20%") thus sit on different tokens.
- Each fact's number (the first number token of value_text) is paired one-to-one with an
  overlapping gold figure: first a figure of equal value (and equal `total` for "A/B"), then
  one whose `total` it equals (the B of a split "A/B": value wrong), then any overlapping
  figure (value wrong). A fact left over that overlaps a taken
  figure is a second fact on one figure; one that overlaps a not_figure is an identifier
  (counted by its `why`); anything else has no gold (gold lists only numbers in digits).
- A fact is fully right when its value, unit, period and measure are right:
  unit: folded (no case or diacritics), spaces collapsed, "tỉ" = "tỷ", "phần trăm" = "%",
  "độ C" = "°C", scale word included ("tỷ" != "tỷ đồng"); "" only equals "".
  period: both null, or equal after folding and collapsing spaces, "quý 1" = "quý I", and a
  year-only gold "2017" also equals "năm 2017"; nothing else is lenient.
  measure: exact. The qualifier is reported but not part of precision.
- Precision = fully right facts / all extracted facts (micro), and the mean of each article's
  precision (macro, articles with at least one fact): the goal is stated by article.
  Recall = gold figures paired with a fact of right value / gold figures.
- A gold quote is found when an extracted quote's folded words contain the gold span's
  folded words in order, or the quote's text overlaps the gold span in the file. Its speaker
  is right when all the gold speaker's folded name words are in the extracted speaker's name;
  for a gold speaker of null, when the extracted name is null too, or the extracted role
  contains the gold role's words.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mickb.ingest.document import extract
from mickb.ingest.read import load_document
from mickb.records import Document, Fact, Passage, Quote
from mickb.text.fold import fold

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus" / "news"
DEFAULT_GOLD = HERE / "gold" / "news"
HEADER = (
    "DEVELOPMENT DATA: the {n} news articles the gold was made for (the extractor is tuned "
    "on them; not a held-out measure)"
)

_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
_UNIT_WORDS = {"ti": "ty", "phan tram": "%", "do c": "°c", "oc": "°c"}


# --- placing text in the file -------------------------------------------------------------


class PassageMap:
    """Offsets in a cleaned Passage.text -> offsets in the document's raw text. Cleaning only
    collapses white space here; anything else is mapped by a diff of the non-space text."""

    def __init__(self, raw: str, passage: Passage) -> None:
        self.raw = raw
        self.start = passage.start
        raw_part = raw[passage.start : passage.end]
        self.raw_pos = [i for i, c in enumerate(raw_part) if not c.isspace()]
        self.clean_pos = [i for i, c in enumerate(passage.text) if not c.isspace()]
        raw_ns = "".join(raw_part[i] for i in self.raw_pos)
        clean_ns = "".join(passage.text[i] for i in self.clean_pos)
        self.index: list[int] | None = None  # non-space clean index -> non-space raw index
        if raw_ns != clean_ns:
            index = [-1] * len(clean_ns)
            sm = difflib.SequenceMatcher(None, clean_ns, raw_ns, autojunk=False)
            for a, b, size in sm.get_matching_blocks():
                for k in range(size):
                    index[a + k] = b + k
            self.index = index

    def to_raw(self, offset: int) -> int | None:
        """Raw offset of the first non-space character at or after `offset`."""
        k = bisect_left(self.clean_pos, offset)
        if k >= len(self.clean_pos):
            return self.start + (self.raw_pos[-1] + 1 if self.raw_pos else 0)
        if self.index is not None:
            k = self.index[k]
            if k < 0:
                return None
        return self.start + self.raw_pos[k]


def _nospace(text: str) -> str:
    return _SPACE_RE.sub("", text)


def _locate(text: str, span: str, nth: int) -> int | None:
    pos = -1
    for _ in range(max(1, nth)):
        pos = text.find(span, pos + 1)
        if pos < 0:
            return None
    return pos


def _parses(token: str) -> list[float]:
    """The values a number token can have: Vietnamese format, English format, plain."""
    out: list[float] = []
    for cand in (
        token.replace(".", "").replace(",", "."),
        token.replace(",", ""),
        token.replace(",", "."),
    ):
        try:
            out.append(float(cand))
        except ValueError:
            continue
    return out


def _eq(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _number_interval(
    text: str, start: int, span: str, values: list[float | None]
) -> tuple[int, int]:
    """(start, end) in the file of the number token of a gold span that has one of `values`,
    else of all the span's digits, else the whole span."""
    tokens = list(_NUM_RE.finditer(span))
    for value in values:
        for m in tokens:
            if any(_eq(v, value) for v in _parses(m.group(0))):
                return start + m.start(), start + m.end()
    if tokens:
        return start + tokens[0].start(), start + tokens[-1].end()
    return start, start + len(span)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- normalisation --------------------------------------------------------------------------


def _fold_words(text: str | None) -> list[str]:
    return _WORD_RE.findall(fold(unicodedata.normalize("NFC", text or "")))


def norm_unit(unit: str | None) -> str:
    u = " ".join(fold(unit or "").split())
    u = re.sub(r"\s*/\s*", "/", u)
    for a, b in _UNIT_WORDS.items():
        u = re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", b, u)
    return u


def norm_period(period: str | None) -> str | None:
    if period is None or not period.strip():
        return None
    p = " ".join(fold(period).split())
    p = re.sub(r"\s*([/-])\s*", r"\1", p)
    return re.sub(r"\bquy ([1-4])\b", lambda m: "quy " + _ROMAN[m.group(1)], p)


def period_ok(gold: str | None, fact: str | None) -> bool:
    g, f = norm_period(gold), norm_period(fact)
    if g is None or f is None:
        return g is None and f is None
    if g == f:
        return True
    return bool(re.fullmatch(r"\d{4}", g)) and f == f"nam {g}"


def _contains_seq(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Gold:
    entry: dict[str, Any]
    kind: str  # "figure" | "not_figure" | "quote"
    start: int
    end: int
    number: tuple[int, int]


@dataclass
class Placed:
    fact: Fact
    number: tuple[int, int] | None  # the fact's number in the file; None if unplaceable
    status: str = "no_gold"  # right | gold_wrong | second | identifier | no_gold | unplaced
    gold: Gold | None = None
    slot: str = ""  # "value" | "total"
    problems: list[str] = field(default_factory=list)


@dataclass
class Score:
    """Counts for one article, or summed over several."""

    articles: int = 0
    articles_with_facts: int = 0
    precision_sum: float = 0.0  # sum of article precisions, for the macro average
    recall_sum: float = 0.0
    articles_with_gold: int = 0
    facts: int = 0
    right: int = 0
    on_gold: int = 0  # facts paired with a gold figure (value right or not)
    value_right: int = 0
    wrong_value: int = 0
    wrong_unit: int = 0
    wrong_period: int = 0
    wrong_measure: int = 0
    wrong_qualifier: int = 0
    second: int = 0
    identifiers: int = 0
    no_gold: int = 0
    unplaced: int = 0
    why: Counter[str] = field(default_factory=Counter)
    gold_figures: int = 0
    gold_not_figures: int = 0
    gold_found: int = 0
    gold_quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    quotes: Counter[str] = field(default_factory=Counter)  # extracted, by form
    quotes_unmatched: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            k: (dict(v) if isinstance(v, Counter) else v) for k, v in vars(self).items()
        }
        d["precision_macro"] = _ratio(self.precision_sum, self.articles_with_facts)
        d["precision_micro"] = _ratio(self.right, self.facts)
        d["precision_excl_no_gold"] = _ratio(self.right, self.facts - self.no_gold)
        d["identifier_share"] = _ratio(self.identifiers, self.facts)
        d["recall_micro"] = _ratio(self.gold_found, self.gold_figures)
        d["recall_macro"] = _ratio(self.recall_sum, self.articles_with_gold)
        d["quote_recall"] = _ratio(self.quotes_found, self.gold_quotes)
        d["speaker_right_of_found"] = _ratio(self.speakers_right, self.quotes_found)
        for part in ("value", "unit", "period", "measure", "qualifier"):
            d[f"wrong_{part}_rate"] = _ratio(getattr(self, f"wrong_{part}"), self.on_gold)
        return d


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class Article:
    name: str
    topic: str
    score: Score
    placed: list[Placed]
    missed_figures: list[Gold]
    missed_quotes: list[Gold]
    wrong_speakers: list[tuple[Gold, Quote]]
    gold_errors: list[str]


def load_gold(text: str, gold: dict[str, Any], errors: list[str]) -> list[Gold]:
    out: list[Gold] = []
    for key, kind in (("figures", "figure"), ("not_figures", "not_figure"), ("quotes", "quote")):
        for entry in gold.get(key, []):
            span = unicodedata.normalize("NFC", entry["span"])
            start = _locate(text, span, int(entry.get("nth") or 1))
            if start is None:
                errors.append(f"{kind} span not found: {span!r} nth={entry.get('nth')}")
                continue
            values: list[float | None] = []
            if kind == "figure":
                values = [entry.get("value"), entry.get("total")]
            number = _number_interval(text, start, span, values)
            out.append(Gold(entry, kind, start, start + len(span), number))
    return out


def place_facts(doc: Document, facts: list[Fact]) -> list[Placed]:
    maps = {p.ordinal: PassageMap(doc.raw_text, p) for p in doc.passages}
    sentences = {s.ordinal: s for s in doc.sentences}
    out: list[Placed] = []
    for f in facts:
        sentence = sentences.get(f.sentence_ordinal)
        number = None
        if sentence is not None and sentence.passage in maps:
            m = _NUM_RE.search(f.value_text)
            begin = sentence.start + f.span[0]
            at = maps[sentence.passage].to_raw(begin)
            if m and at is not None:
                raw_value = doc.raw_text[at : at + len(f.value_text) + 8]
                if _nospace(raw_value).startswith(_nospace(f.value_text)):
                    n0 = maps[sentence.passage].to_raw(begin + m.start())
                    if n0 is not None:
                        number = (n0, n0 + len(m.group(0)))
        out.append(Placed(f, number, "unplaced" if number is None else "no_gold"))
    return out


def _value_right(f: Fact, g: dict[str, Any]) -> bool:
    """Equal value; for an "A/B" gold entry, also the same total."""
    return _eq(f.value, g.get("value")) and (g.get("total") is None or _eq(f.total, g["total"]))


def _judge(p: Placed, g: dict[str, Any]) -> None:
    f = p.fact
    if p.slot != "value":
        total = "" if f.total is None else f" total {f.total:g}"
        p.problems.append(
            f"value {f.value_text!r}={f.value:g}{total}, gold {g['value']:g}"
            + (f" total {g['total']:g}" if g.get("total") is not None else "")
        )
    if norm_unit(f.unit) != norm_unit(g.get("unit")):
        p.problems.append(f"unit {f.unit!r}, gold {g.get('unit')!r}")
    if not period_ok(g.get("period"), f.period):
        p.problems.append(f"period {f.period!r}, gold {g.get('period')!r}")
    if f.measure != g.get("measure"):
        p.problems.append(f"measure {f.measure}, gold {g.get('measure')}")


def score_article(
    name: str,
    topic: str,
    doc: Document,
    gold_json: dict[str, Any],
    facts: list[Fact],
    quotes: list[Quote],
) -> Article:
    errors: list[str] = []
    gold = load_gold(doc.raw_text, gold_json, errors)
    figures = [g for g in gold if g.kind == "figure"]
    not_figures = [g for g in gold if g.kind == "not_figure"]
    gold_quotes = [g for g in gold if g.kind == "quote"]
    placed = place_facts(doc, facts)
    s = Score(
        articles=1, facts=len(facts), gold_figures=len(figures), gold_not_figures=len(not_figures)
    )

    # pair facts with gold figures, one to one: equal value, then equal total, then any
    taken: dict[int, Placed] = {}
    cands = {
        i: [k for k, g in enumerate(figures) if _overlaps(p.number, g.number)]
        for i, p in enumerate(placed)
        if p.number is not None
    }
    passes = (
        ("value", _value_right),
        ("total", lambda f, g: _eq(f.value, g.get("total"))),
        ("wrong", lambda f, g: True),
    )
    for slot, ok in passes:
        for i, ks in cands.items():
            p = placed[i]
            if p.gold is not None:
                continue
            for k in ks:
                if k not in taken and ok(p.fact, figures[k].entry):
                    taken[k], p.gold, p.slot = p, figures[k], slot
                    break
    for i, p in enumerate(placed):
        if p.number is None:
            s.unplaced += 1
            continue
        if p.gold is not None:
            g = p.gold.entry
            _judge(p, g)
            s.on_gold += 1
            s.value_right += p.slot == "value"
            s.wrong_value += p.slot != "value"
            s.wrong_unit += any(x.startswith("unit") for x in p.problems)
            s.wrong_period += any(x.startswith("period") for x in p.problems)
            s.wrong_measure += any(x.startswith("measure") for x in p.problems)
            if p.fact.qualifier != g.get("qualifier"):
                s.wrong_qualifier += 1
            p.status = "gold_wrong" if p.problems else "right"
            s.right += not p.problems
        elif cands.get(i):
            p.status, p.gold = "second", figures[cands[i][0]]
            s.second += 1
        else:
            ids = [g for g in not_figures if _overlaps(p.number, g.number)]
            if ids:
                p.status, p.gold = "identifier", ids[0]
                s.identifiers += 1
                s.why[ids[0].entry.get("why", "?")] += 1
            else:
                s.no_gold += 1
    s.gold_found = sum(1 for p in taken.values() if p.slot == "value")
    missed = [g for k, g in enumerate(figures) if k not in taken or taken[k].slot != "value"]
    if s.facts:
        s.articles_with_facts = 1
        s.precision_sum = s.right / s.facts
    if figures:
        s.articles_with_gold = 1
        s.recall_sum = s.gold_found / len(figures)

    # quotes
    maps = {p.ordinal: p for p in doc.passages}
    sentences = {x.ordinal: x for x in doc.sentences}
    pmaps: dict[int, PassageMap] = {}
    intervals: list[tuple[int, int] | None] = []
    for q in quotes:
        s.quotes[q.form] += 1
        sent = sentences.get(q.sentence_ordinal)
        if sent is None:
            intervals.append(None)
            continue
        passage = maps[sent.passage]
        pm = pmaps.setdefault(passage.ordinal, PassageMap(doc.raw_text, passage))
        a = pm.to_raw(sent.start + q.span[0])
        b = pm.to_raw(min(sent.start + q.span[1], len(passage.text)))
        intervals.append((a, b) if a is not None and b is not None else None)
    qwords = [_fold_words(q.text) for q in quotes]
    used = [False] * len(quotes)
    missed_quotes: list[Gold] = []
    wrong_speakers: list[tuple[Gold, Quote]] = []
    s.gold_quotes = len(gold_quotes)
    for g in gold_quotes:
        gw = _fold_words(g.entry["span"])
        hit = next((j for j, w in enumerate(qwords) if _contains_seq(w, gw)), None)
        if hit is None:
            hit = next(
                (
                    j
                    for j, iv in enumerate(intervals)
                    if iv is not None and _overlaps(iv, (g.start, g.end))
                ),
                None,
            )
        if hit is None:
            missed_quotes.append(g)
            continue
        used[hit] = True
        s.quotes_found += 1
        q = quotes[hit]
        name_words = set(_fold_words(q.speaker.name))
        gold_name = _fold_words(g.entry.get("speaker"))
        if gold_name:
            ok = all(w in name_words for w in gold_name)
        else:
            gold_role = _fold_words(g.entry.get("role"))
            role_words = set(_fold_words(q.speaker.role))
            ok = not q.speaker.name or bool(gold_role) and all(w in role_words for w in gold_role)
        if ok:
            s.speakers_right += 1
        else:
            wrong_speakers.append((g, q))
    for j, q in enumerate(quotes):
        if not used[j]:
            s.quotes_unmatched[q.form] += 1
    return Article(name, topic, s, placed, missed, missed_quotes, wrong_speakers, errors)


# --- output -----------------------------------------------------------------------------------


def _pct(a: float, b: float, raw: bool = True) -> str:
    if not b:
        return "-"
    text = f"{100 * a / b:.1f}%"
    return f"{text} ({a:g}/{b:g})" if raw else text


def print_table(groups: dict[str, Score], n_articles: int, elapsed: float) -> None:
    cols = list(groups)
    width = 22

    def row(label: str, cells: list[str]) -> None:
        print(f"{label:42}" + "".join(f"{c:>{width}}" for c in cells))

    def rate(label: str, num: str, den: str) -> None:
        row(label, [_pct(getattr(s, num), getattr(s, den)) for s in groups.values()])

    print(HEADER.format(n=n_articles))
    row("", cols)
    row("articles", [str(s.articles) for s in groups.values()])
    row(
        "gold figures / not_figures / quotes",
        [f"{s.gold_figures}/{s.gold_not_figures}/{s.gold_quotes}" for s in groups.values()],
    )
    row("facts extracted", [str(s.facts) for s in groups.values()])
    rate("  on a gold figure, value right", "value_right", "facts")
    rate("  on a gold figure, value wrong", "wrong_value", "facts")
    rate("  2nd fact on one gold figure", "second", "facts")
    rate("  on a not_figure (identifier)", "identifiers", "facts")
    rate("  no gold (no gold entry there)", "no_gold", "facts")
    if any(s.unplaced for s in groups.values()):
        rate("  not placeable in the file", "unplaced", "facts")
    print()
    row(
        "PRECISION by article (macro)",
        [_pct(s.precision_sum, s.articles_with_facts, raw=False) for s in groups.values()],
    )
    rate("precision, micro (over facts)", "right", "facts")
    row(
        "  micro, leaving out no-gold facts",
        [_pct(s.right, s.facts - s.no_gold) for s in groups.values()],
    )
    rate("of facts on a gold figure: wrong value", "wrong_value", "on_gold")
    rate("                           wrong unit", "wrong_unit", "on_gold")
    rate("                           wrong period", "wrong_period", "on_gold")
    rate("                           wrong measure", "wrong_measure", "on_gold")
    rate("    (not in precision)     wrong qualifier", "wrong_qualifier", "on_gold")
    print()
    rate("identifiers among facts", "identifiers", "facts")
    whys = Counter[str]()
    for s in groups.values():
        whys.update(s.why)
    for why, _ in whys.most_common():
        row(f"  why: {why}", [str(s.why.get(why, 0)) for s in groups.values()])
    print()
    rate("RECALL of gold figures (micro)", "gold_found", "gold_figures")
    row(
        "recall by article (macro)",
        [_pct(s.recall_sum, s.articles_with_gold, raw=False) for s in groups.values()],
    )
    print()
    rate("QUOTES: gold quotes found", "quotes_found", "gold_quotes")
    rate("  of those, right speaker", "speakers_right", "quotes_found")
    forms = ("direct", "embedded", "reported")
    row(
        "quotes extracted (direct/embedded/reported)",
        ["/".join(str(s.quotes[f]) for f in forms) for s in groups.values()],
    )
    row(
        "  matching no gold quote",
        ["/".join(str(s.quotes_unmatched[f]) for f in forms) for s in groups.values()],
    )
    print(f"\n{n_articles} articles in {elapsed:.2f} s")


def print_articles(articles: list[Article]) -> None:
    print(
        f"\n{'article':10} {'topic':8} {'facts':>5} {'right':>5} {'prec':>6} {'gold':>4} "
        f"{'found':>5} {'recall':>6} {'ident':>5} {'nogold':>6} {'quotes':>7} {'spk':>4}"
    )
    for a in articles:
        s = a.score
        print(
            f"{a.name:10} {a.topic:8} {s.facts:5} {s.right:5} {_pct(s.right, s.facts, False):>6} "
            f"{s.gold_figures:4} {s.gold_found:5} {_pct(s.gold_found, s.gold_figures, False):>6} "
            f"{s.identifiers:5} {s.no_gold:6} {s.quotes_found:>3}/{s.gold_quotes:<3} "
            f"{s.speakers_right:4}"
        )


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def print_details(a: Article) -> None:
    lines: list[str] = []
    for e in a.gold_errors:
        lines.append(f"  GOLD ERROR  {e}")
    for p in a.placed:
        f = p.fact
        head = f"{f.value_text!r} [{f.measure}, {f.unit!r}, {f.period!r}]"
        if p.status == "gold_wrong":
            lines.append(f"  wrong       {head}: " + "; ".join(p.problems))
        elif p.status == "second":
            assert p.gold is not None
            lines.append(f"  second      {head}: gold figure {p.gold.entry['span']!r} taken")
        elif p.status == "identifier":
            assert p.gold is not None
            why = p.gold.entry.get("why")
            lines.append(f"  identifier  {head}: {why} {p.gold.entry['span']!r}")
        elif p.status == "no_gold":
            lines.append(f"  no gold     {head} in: {_short(f.sentence)}")
        elif p.status == "unplaced":
            lines.append(f"  unplaced    {head} in: {_short(f.sentence)}")
    for g in a.missed_figures:
        e = g.entry
        lines.append(
            f"  missed      {e['span']!r} nth={e.get('nth', 1)}: {e['value']:g} {e['unit']!r} "
            f"[{e['measure']}, {e.get('period')!r}]"
        )
    for g in a.missed_quotes:
        lines.append(f"  missed quote {g.entry['span']!r} ({g.entry.get('speaker')})")
    for g, q in a.wrong_speakers:
        lines.append(
            f"  speaker     {g.entry['span']!r}: gold {g.entry.get('speaker')!r} "
            f"/ {g.entry.get('role')!r}, got {q.speaker.name!r} / {q.speaker.role!r}"
        )
    if lines:
        print(f"\n{a.name} ({a.topic})")
        print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--articles", action="store_true", help="a row per article")
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="every wrong fact and every missed entry"
    )
    args = ap.parse_args(argv)
    manifest_path = args.corpus / "manifest.json"
    topics: dict[str, str] = {}
    if manifest_path.exists():
        for item in json.loads(manifest_path.read_text(encoding="utf-8")):
            topics[item["file"]] = item.get("topic") or "other"
    t0 = time.perf_counter()
    articles: list[Article] = []
    for path in sorted(args.corpus.glob("*.txt")):
        gold_path = args.gold / f"{path.stem}.json"
        if not gold_path.exists():
            print(f"note: no gold for {path.name}, skipped", file=sys.stderr)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = load_document(path)
        facts, quotes = extract(doc)
        topic = "economy" if topics.get(path.name) == "economy" else "other"
        articles.append(score_article(path.stem, topic, doc, gold, facts, quotes))
    elapsed = time.perf_counter() - t0
    if not articles:
        print(f"error: no article of {args.corpus} has gold in {args.gold}", file=sys.stderr)
        return 2
    groups = {"all": Score(), "economy": Score(), "other": Score()}
    for a in articles:
        groups["all"].add(a.score)
        groups[a.topic].add(a.score)
    errors = [f"{a.name}: {e}" for a in articles for e in a.gold_errors]
    for e in errors:
        print(f"warning: gold {e}", file=sys.stderr)
    if args.json:
        out = {
            "note": HEADER.format(n=len(articles)),
            "seconds": round(elapsed, 3),
            "gold_errors": errors,
            "groups": {k: v.to_dict() for k, v in groups.items()},
            "articles": {a.name: {"topic": a.topic, **a.score.to_dict()} for a in articles},
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print_table(groups, len(articles), elapsed)
    if args.articles or args.verbose:
        print_articles(articles)
    if args.verbose:
        for a in articles:
            print_details(a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
