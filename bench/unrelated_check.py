"""`check --article` on news that has nothing to do with the KB: how many figures get a verdict.

    python bench/unrelated_check.py                      # 300 random articles, the shipped KB
    python bench/unrelated_check.py --kb KB --n 1000 --seed 11 -v

Every sentence with a number of a random news article (a weather report, a court case, a
football match, a company's results) is checked against a KB of the ICT sector's reports (or
of other news: articles the KB holds are left out). Against the reports, none is about them,
so every SUPPORTED or CONTRADICTED is a false verdict: a fact-checker pasting an unrelated
article would be told something untrue. Goal: 0. Against a KB of other news, some verdicts
can be real cross-source agreements: read them with -v.

The articles come from the public news corpus (`/work/corpus_news/`, never committed), or,
without it, the 60 development articles of `../shared/corpus/news/`. With the corpus the
measure is on unseen text (the articles are drawn at random, not looked at).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/corpus_news")
DEV_NEWS = ROOT.parent / "shared" / "corpus" / "news"


def main(argv: list[str]) -> int:
    from mickb.kb.store import KB
    from mickb.query.check import check_article

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "data" / "kb.sqlite")
    parser.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.exists() else DEV_NEWS)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    kb = KB.open(args.kb, readonly=True)
    # an article the KB holds is no unrelated article: its figures are rightly supported
    held = {Path(p or "").name for (p,) in kb.connection.execute("SELECT path FROM sources")}
    files = sorted(f for f in args.corpus.glob("*.txt") if f.name not in held)
    random.seed(args.seed)
    sample = random.sample(files, min(args.n, len(files)))
    counts: dict[str, int] = {}
    started = time.perf_counter()
    for path in sample:
        text = path.read_text(encoding="utf-8", errors="replace")
        for result in check_article(kb, text):
            for fig in result["figures"]:
                counts[fig["verdict"]] = counts.get(fig["verdict"], 0) + 1
                if fig["verdict"] != "not_found" and args.verbose:
                    print(f"{path.name}\t{fig['verdict']}\t{result['claim'][:120]}")
    seconds = time.perf_counter() - started
    total = sum(counts.values())
    judged = total - counts.get("not_found", 0)
    kind = "unseen" if args.corpus == CORPUS else "development"
    print(
        f"{len(sample)} articles ({kind}, {args.corpus}), KB {args.kb.name}: {total} figures "
        f"checked in {seconds:.1f} s; supported {counts.get('supported', 0)}, contradicted "
        f"{counts.get('contradicted', 0)}: {judged / max(1, total):.2%} judged (goal 0)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
