"""Quotes and speakers of the extractor against hand-made gold: the three reports of
../shared/corpus (`*.gold.json`) and the 60 news articles of ../shared/corpus/news (gold in
bench/gold/news/, format in its README).

Run: python bench/quote_score.py [--reports DIR] [--news DIR] [--gold DIR] [--split NAME]
     [--no-reports] [--verbose]

A quote-only gold folder scores the same way: bench/gold/quotes_more (30 unseen corpus
articles, each marked `"split": "dev"` or `"held"`) with `--news` the folder holding the
articles' text, `--split dev` or `--split held`, and `--no-reports`.

Quotes are extracted as `mickb ingest` stores them (direct, embedded and reported speech).

Reports: a gold quote is found when an extracted quote covers at least 80% of its words
(folded: no case, no diacritics) and at least 80% of the extracted quote's words are in it;
it is found *with the right speaker* when, in addition, the gold speaker and the extracted
speaker's name (or, without a name, its role) contain one another once folded
("Thủ tướng Phạm Minh Chính" ~ "Phạm Minh Chính"). Precision counts the extracted quotes that
match some gold quote. The figures are given for direct + embedded quotes and, separately,
with reported speech included.

News: the gold gives each quote's first words (`span`). A gold quote is found when an
extracted quote's folded words contain the span's folded words in order. Its speaker is right
when every folded word of the gold name is in the extracted name; for a gold name of null
(an unnamed speaker: "một người dân", "đại diện Sở …"), when the extracted name is null too
and the roles have a word in common ("đại diện nhà mạng" for "đại diện VNPT": the same kind
of speaker, worded as the sentence words it; function words such as "của" do not count).
These are DEVELOPMENT figures: the extractor is tuned on these articles, they are not a
held-out measure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from mickb.ingest.extract.quotes import extract_quotes
from mickb.ingest.read import load_document
from mickb.records import Quote
from mickb.text.fold import fold, words

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NEWS_GOLD = Path(__file__).resolve().parent / "gold" / "news"


def _overlap(a: str, b: str) -> tuple[float, float]:
    """(share of a's words found in b, share of b's words found in a), as multisets."""
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    return common / max(1, sum(wa.values())), common / max(1, sum(wb.values()))


def _same_text(gold: str, quote: Quote) -> bool:
    gold_in_quote, quote_in_gold = _overlap(gold, quote.text)
    return gold_in_quote >= 0.8 and quote_in_gold >= 0.8


def _same_speaker(gold: str, quote: Quote) -> bool:
    said = quote.speaker.name or quote.speaker.role or ""
    g, s = fold(gold), fold(said)
    return bool(s) and (s in g or g in s)


def score_reports(corpus: Path, verbose: bool = False) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for label, forms in (
        ("direct+embedded", {"direct", "embedded"}),
        ("all forms", {"direct", "embedded", "reported"}),
    ):
        gold_total = found = found_speaker = extracted = matched = 0
        for gold_path in sorted(corpus.glob("*.gold.json")):
            text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            gold = json.loads(gold_path.read_text(encoding="utf-8")).get("quotes", [])
            doc = load_document(text_path)
            quotes = [q for q in extract_quotes(doc, reported=True) if q.form in forms]
            gold_total += len(gold)
            extracted += len(quotes)
            for g in gold:
                hits = [q for q in quotes if _same_text(g["text_span"], q)]
                found += bool(hits)
                right = any(_same_speaker(g["speaker"], q) for q in hits)
                found_speaker += right
                if verbose and not right:
                    print(f"  MISSED {text_path.name}: {g['speaker']}: {g['text_span'][:70]}")
            for q in quotes:
                ok = any(_same_text(g["text_span"], q) for g in gold)
                matched += ok
                if verbose and not ok and label == "all forms":
                    print(
                        f"  EXTRA  {text_path.name} [{q.form}] "
                        f"{q.speaker.name or q.speaker.role}: {q.text[:70]}"
                    )
        results[label] = {
            "gold": gold_total,
            "extracted": extracted,
            "recall_text": found / max(1, gold_total),
            "recall_speaker": found_speaker / max(1, gold_total),
            "precision": matched / max(1, extracted),
        }
    return results


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


# Folded words that say nothing about who someone is.
_FUNCTION_WORDS = frozenset("cua va o tai mot cac nhung nay do ay".split())


def news_speaker_right(gold: dict[str, str | None], quote: Quote) -> bool:
    """The rule of the module's docstring: gold name words in the extracted name; an unnamed
    gold speaker wants no name and a role that agrees."""
    gold_name = words(gold.get("speaker") or "")
    if gold_name:
        name = set(words(quote.speaker.name or ""))
        return all(w in name for w in gold_name)
    if quote.speaker.name:
        return False
    gold_role = set(words(gold.get("role") or "")) - _FUNCTION_WORDS
    role = set(words(quote.speaker.role or "")) - _FUNCTION_WORDS
    return bool(role) and (not gold_role or bool(role & gold_role))


def score_news(
    corpus: Path, gold_dir: Path, verbose: bool = False, split: str | None = None
) -> dict[str, float]:
    gold_total = found = right = extracted = unmatched = 0
    for gold_path in sorted(gold_dir.glob("*.json")):
        entry = json.loads(gold_path.read_text(encoding="utf-8"))
        if not isinstance(entry, dict):
            # manifest.json (a list of files and topics) sits beside the articles' gold
            continue
        if split is not None and entry.get("split") != split:
            continue
        text_path = corpus / entry.get("file", gold_path.stem + ".txt")
        if not text_path.exists():
            continue
        gold = entry.get("quotes", [])
        quotes = extract_quotes(load_document(text_path), reported=True)
        extracted += len(quotes)
        qwords = [words(q.text) for q in quotes]
        used = [False] * len(quotes)
        gold_total += len(gold)
        for g in gold:
            span = words(g["span"])
            hit = next((j for j, w in enumerate(qwords) if _contains_run(w, span)), None)
            if hit is None:
                if verbose:
                    print(f"  MISSED {text_path.name}: {g['speaker']} / {g['role']}: {g['span']}")
                continue
            used[hit] = True
            found += 1
            q = quotes[hit]
            if news_speaker_right(g, q):
                right += 1
            elif verbose:
                print(
                    f"  WRONG  {text_path.name}: gold {g['speaker']} / {g['role']}; got "
                    f"{q.speaker.name} / {q.speaker.role}: {g['span']}"
                )
        for j, q in enumerate(quotes):
            if not used[j]:
                unmatched += 1
                if verbose and q.form != "reported":
                    print(
                        f"  EXTRA  {text_path.name} [{q.form}] "
                        f"{q.speaker.name} / {q.speaker.role}: {q.text[:60]}"
                    )
    return {
        "gold": gold_total,
        "found": found,
        "right": right,
        "extracted": extracted,
        "unmatched": unmatched,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--reports", type=Path, default=SHARED)
    ap.add_argument("--news", type=Path, default=SHARED / "news")
    ap.add_argument("--gold", type=Path, default=NEWS_GOLD)
    ap.add_argument(
        "--split",
        help="score only the gold files whose 'split' is this (bench/gold/quotes_more: dev, held)",
    )
    ap.add_argument("--no-reports", action="store_true", help="score the news folder only")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    reports = {} if args.no_reports else score_reports(args.reports, args.verbose)
    for label, r in reports.items():
        print(
            f"reports, quotes ({label}): gold {r['gold']:.0f}, extracted {r['extracted']:.0f}, "
            f"recall {r['recall_text']:.0%} (with right speaker {r['recall_speaker']:.0%}), "
            f"precision {r['precision']:.0%}"
        )
    if args.gold.is_dir() and args.news.is_dir():
        n = score_news(args.news, args.gold, args.verbose, args.split)
        g = max(1, n["gold"])
        label = args.news.name + (f", {args.split}" if args.split else "")
        print(
            f"news ({label}), quotes: gold {n['gold']:.0f}, found {n['found']:.0f} "
            f"({n['found'] / g:.1%}), with the right speaker {n['right']:.0f} "
            f"({n['right'] / g:.1%}); extracted {n['extracted']:.0f}, "
            f"{n['unmatched']:.0f} matching no gold quote (reported speech included)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
