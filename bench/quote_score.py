"""Recall and precision of the quote extractor against the gold lists of ../shared/corpus.

Run: python bench/quote_score.py [CORPUS_DIR] [--verbose]

A gold quote is found when an extracted quote covers at least 80% of its words (folded:
no case, no diacritics) and at least 80% of the extracted quote's words are in it; it is
found *with the right speaker* when, in addition, the gold speaker and the extracted
speaker's name (or, without a name, its role) contain one another once folded
("Thủ tướng Phạm Minh Chính" ~ "Phạm Minh Chính"). Precision counts the extracted quotes
that match some gold quote. The gold lists hold quotes in quote marks only, so the figures
are given for direct + embedded quotes and, separately, with reported speech included.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mickb.ingest.extract.quotes import extract_quotes
from mickb.ingest.read import load_document
from mickb.records import Quote
from mickb.text.fold import fold, words

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


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


def score(corpus: Path, verbose: bool = False) -> dict[str, dict[str, float]]:
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


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    for label, r in score(corpus, verbose).items():
        print(
            f"quotes ({label}): gold {r['gold']:.0f}, extracted {r['extracted']:.0f}, "
            f"recall {r['recall_text']:.0%} (with right speaker {r['recall_speaker']:.0%}), "
            f"precision {r['precision']:.0%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
