"""Recall and precision of the extractor against the hand-made gold lists of a corpus.

    python bench/extractor_score.py [CORPUS_DIR] [-v]

CORPUS_DIR defaults to ../shared/corpus (each `X.txt` with its `X.gold.json`). Every document
goes through the real pipeline (mickb.ingest.read.load_document -> extract_figures /
extract_quotes).

Matching rule for figures (the gold conventions are in the corpus README):
- A predicted fact matches a gold entry when the values are equal (the fact's `value`, or its
  `total` for "A/B" figures, which gold lists as two entries), the units are of a compatible
  kind (an empty unit on either side is compatible with anything: "trạm 5G là 4.800"), and the
  gold `quote_span` lies in the fact's sentence (or overlaps it by 30+ characters).
- Gold folds a growth rate into its level as `change_pct`; mickb states it as a fact of its
  own. A `change` fact whose value equals |change_pct| of a nearby gold entry matches that
  entry's change slot: it counts for precision, and change-slot recall is reported apart.
- Gold lists each distinct figure once. A fact that restates a gold figure elsewhere (the
  title repeating the lead's number) is correct, not a false positive, but adds no recall.
- Recall = gold entries whose value slot is matched / gold entries.
  Precision = (facts matching a gold slot + restated facts) / facts.

Quotes (mickb.ingest.extract.quotes): a quote matches a gold quote when one text contains
the other or their word overlap is 60%+, ignoring case, punctuation and diacritics; the speaker
is right when the gold speaker's name words are in the predicted speaker's name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from mickb.ingest.extract.figures import extract_figures
from mickb.ingest.read import load_document
from mickb.records import Fact
from mickb.text.fold import fold, nfc
from mickb.text.numbers import find_numbers, unit_kind

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _norm(text: str) -> str:
    return " ".join(nfc(text).split())


def _kind_of_gold_unit(unit: str) -> str:
    if not unit:
        return "number"
    found = find_numbers(f"đạt 1 {unit}")
    if found and found[0].unit:
        return unit_kind(found[0].base_unit)
    return "count:" + fold(unit)


def _compatible(fact: Fact, gold_unit: str) -> bool:
    if not fact.unit or not gold_unit:
        return True
    a, b = unit_kind(fact.base_unit), _kind_of_gold_unit(gold_unit)
    if a == b:
        return True
    countish = ("people", "number", "times")
    a_count = a.startswith("count:") or a in countish
    b_count = b.startswith("count:") or b in countish
    return a_count and b_count and "times" not in (a, b)


def _overlap(a: str, b: str, need: int = 30) -> bool:
    """Do two texts share a run of `need` characters (or does one contain the other)?"""
    if a in b or b in a:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    step = max(1, need // 3)
    return any(short[i : i + need] in long_ for i in range(0, max(1, len(short) - need + 1), step))


def _near(fact: Fact, gold: dict) -> bool:
    span, sentence = _norm(gold["quote_span"]), _norm(fact.sentence)
    if not _overlap(span, sentence, min(30, len(span))):
        return False
    # the fact's own digits are in the gold span (two figures of one sentence stay apart)
    digits = re.match(r"[\d.,]+", fact.value_text.lstrip("$US VND"))
    return digits is None or digits.group(0) in span or fact.value_text in span


def _eq(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass
class DocScore:
    name: str
    gold: int = 0
    facts: int = 0
    matched: int = 0  # gold entries found
    correct: int = 0  # facts that match a gold entry (value or change slot)
    restated: int = 0
    change_gold: int = 0
    change_matched: int = 0
    period_right: int = 0
    missed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    quotes_gold: int = 0
    quotes: int = 0
    quotes_matched: int = 0
    speakers_right: int = 0


def score_figures(facts: list[Fact], gold: list[dict], score: DocScore) -> None:
    score.gold, score.facts = len(gold), len(facts)
    value_taken = [False] * len(gold)
    change_taken = [False] * len(gold)
    change_slots = [
        g.get("change_pct") is not None and not _eq(abs(g["change_pct"]), g["value"]) for g in gold
    ]
    score.change_gold = sum(change_slots)
    for f in facts:
        hit = None
        for k, g in enumerate(gold):
            if value_taken[k] or not _near(f, g) or not _compatible(f, g.get("unit", "")):
                continue
            if _eq(f.value, g["value"]) or _eq(f.total, g["value"]):
                hit = k
                break
        if hit is not None:
            value_taken[hit] = True
            score.matched += 1
            score.correct += 1
            if f.total is not None:  # "75 tỷ đồng/310 tỷ đồng": gold lists both ends
                for k, g in enumerate(gold):
                    if not value_taken[k] and _eq(f.total, g["value"]) and _near(f, g):
                        value_taken[k] = True
                        score.matched += 1
                        break
            gp = gold[hit].get("period")
            if gp and f.period and str(gp).split("-")[-1] in f.period:
                score.period_right += 1
            elif not gp:
                score.period_right += 1
            continue
        if f.measure in ("change", "target"):
            for k, g in enumerate(gold):
                if change_slots[k] and not change_taken[k] and _near(f, g):
                    if _eq(abs(g["change_pct"]), f.value):
                        hit = k
                        break
            if hit is not None:
                change_taken[hit] = True
                score.change_matched += 1
                score.correct += 1
                continue
        # a restatement of a gold figure elsewhere in the text: same number, same digits
        digits = re.match(r"[\d.,]+", f.value_text.lstrip("$US VND"))
        written = digits.group(0) if digits else f.value_text
        if any(
            written in g["quote_span"]
            and (
                (_eq(f.value, g["value"]) and _compatible(f, g.get("unit", "")))
                or (g.get("change_pct") is not None and _eq(abs(g["change_pct"]), f.value))
            )
            for g in gold
        ):
            score.restated += 1
            score.notes.append(f"restated {f.value_text!r} in: {_norm(f.sentence)[:100]}")
            continue
        score.wrong.append(f"{f.value_text!r} [{f.measure}] in: {_norm(f.sentence)[:110]}")
    for k, g in enumerate(gold):
        if not value_taken[k]:
            score.missed.append(f"{g['value']} {g.get('unit', '')} in: {g['quote_span'][:90]}")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def score_quotes(doc, gold: list[dict], score: DocScore) -> None:  # type: ignore[no-untyped-def]
    try:
        from mickb.ingest.extract.quotes import extract_quotes
    except ImportError:
        return
    quotes = extract_quotes(doc)
    score.quotes_gold, score.quotes = len(gold), len(quotes)
    taken = [False] * len(gold)
    for q in quotes:
        qw = _words(q.text)
        for k, g in enumerate(gold):
            if taken[k]:
                continue
            gw = _words(g["text_span"])
            joined_q, joined_g = " ".join(qw), " ".join(gw)
            common = len(set(qw) & set(gw)) / max(1, len(set(qw) | set(gw)))
            if joined_q in joined_g or joined_g in joined_q or common >= 0.6:
                taken[k] = True
                score.quotes_matched += 1
                name = fold(q.speaker.name or "") + " " + fold(q.speaker.role or "")
                gold_name = [w for w in _words(g.get("speaker", ""))]
                if gold_name and all(w in name.split() for w in gold_name[-2:]):
                    score.speakers_right += 1
                break


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        print(f"error: no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    total = DocScore("TOTAL")
    print(
        f"{'document':40} {'gold':>4} {'facts':>5} {'recall':>7} {'prec':>7} {'chg-rec':>7} "
        f"{'period':>7} {'q-rec':>7} {'q-prec':>7} {'spk':>6}"
    )
    for path in paths:
        gold_path = path.with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = load_document(path)
        s = DocScore(path.stem)
        score_figures(extract_figures(doc), gold.get("facts", []), s)
        score_quotes(doc, gold.get("quotes", []), s)
        for name in (
            "gold",
            "facts",
            "matched",
            "correct",
            "restated",
            "change_gold",
            "change_matched",
            "period_right",
            "quotes_gold",
            "quotes",
            "quotes_matched",
            "speakers_right",
        ):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        _print_row(s)
        if args.verbose:
            for m in s.missed:
                print(f"    missed  {m}")
            for w in s.wrong:
                print(f"    wrong   {w}")
            for n in s.notes:
                print(f"    note    {n}")
    _print_row(total)
    from goals import goal_line

    recall = total.matched / total.gold if total.gold else 0.0
    precision = (total.correct + total.restated) / total.facts if total.facts else 0.0
    goal_line(
        "extractor: figure recall (dev corpus)", f"{100 * recall:.1f}%", ">= 85%", recall >= 0.85
    )
    goal_line(
        "extractor: figure precision (dev corpus)",
        f"{100 * precision:.1f}%",
        ">= 85%",
        precision >= 0.85,
    )
    if total.quotes_gold:
        q_recall = total.quotes_matched / total.quotes_gold
        goal_line(
            "extractor: quote recall (dev corpus)",
            f"{100 * q_recall:.1f}%",
            ">= 85%",
            q_recall >= 0.85,
        )
    return 0


def _print_row(s: DocScore) -> None:
    print(
        f"{s.name[:40]:40} {s.gold:4} {s.facts:5} {_pct(s.matched, s.gold):>7} "
        f"{_pct(s.correct + s.restated, s.facts):>7} {_pct(s.change_matched, s.change_gold):>7} "
        f"{_pct(s.period_right, s.matched):>7} {_pct(s.quotes_matched, s.quotes_gold):>7} "
        f"{_pct(s.quotes_matched, s.quotes):>7} {_pct(s.speakers_right, s.quotes_matched):>6}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
