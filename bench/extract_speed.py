"""Speed of the figure extractor on real news text (issue 13 item 6: >= 1 MB/s per core).

    python bench/extract_speed.py [--corpus DIR] [--mb 3] [--seed 1] [--profile]
    python bench/extract_speed.py --against REV    # also the code of git revision REV

Takes a deterministic sample of articles from a folder of plain-text news (default
/work/corpus_news, the public corpus; never committed), reads, cleans and splits them first,
then times, in one run: plain tokenising of the same sentences (str.split, the floor),
`find_numbers` over every sentence, and `extract_figures` over every document (which calls
find_numbers itself). Prints MB/s of article text for each and the ratios between them.
Times are CPU seconds of this process (the machine is shared); each is the best of --repeat.

Each timed run reads the sample as unseen text, as an ingest does: before it, every cache of
the package is emptied and warmed again on other articles (compiled patterns, words and
units stay as warm as in a long ingest; sentences, clauses and metrics are met for the first
time). Without that, a second run over the same sample finds most clauses remembered by the
first and reads faster than any ingest can.

With --against, the same sample is run by the code of another revision (checked out to a
temporary folder) in a child process, alternating with this code's runs so that both meet
the same load of the machine, and the ratio of the two is printed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mickb.ingest.extract.figures import extract_figures
from mickb.ingest.read import load_text
from mickb.records import Document
from mickb.text.numbers import find_numbers

DEFAULT_CORPUS = Path("/work/corpus_news")


def sample(corpus: Path, mb: float, seed: int, skip: int = 0) -> tuple[list[Document], int]:
    paths = sorted(corpus.glob("*.txt"))
    random.Random(seed).shuffle(paths)
    docs: list[Document] = []
    size = 0
    for p in paths[skip:]:
        text = p.read_text(encoding="utf-8", errors="replace")
        docs.append(load_text(text))
        size += len(text.encode("utf-8"))
        if size >= mb * 1e6:
            break
    return docs, size


WARM_MB = 0.3  # articles read before each timed run (others than the sample's)


def _forget() -> None:
    """Empty every remembered answer of the package (functools caches)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("mickb") or module is None:
            continue
        for value in list(vars(module).values()):
            if hasattr(value, "cache_clear") and getattr(value, "__module__", "").startswith(
                "mickb"
            ):
                value.cache_clear()


def _fresh(warm: list[Document]) -> None:
    """Caches as a long ingest has them before it meets the sample's text."""
    _forget()
    for d in warm:
        extract_figures(d)


def best_of(n: int, fn, before=None) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(n):
        if before is not None:
            before()
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile extract_figures instead")
    ap.add_argument("--against", metavar="REV", help="also time the code of this git revision")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs, size = sample(args.corpus, args.mb, args.seed)
    warm, _ = sample(args.corpus, WARM_MB, args.seed, skip=len(docs))
    sentences = [s.text for d in docs for s in d.sentences]
    mb = size / 1e6

    def tokenise() -> None:
        for s in sentences:
            s.split()

    def numbers() -> None:
        for s in sentences:
            find_numbers(s)

    def figures() -> None:
        for d in docs:
            extract_figures(d)

    if args.profile:
        _fresh(warm)
        prof = cProfile.Profile()
        prof.enable()
        figures()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
        return 0
    t_tok = best_of(args.repeat, tokenise)
    t_num = best_of(args.repeat, numbers, lambda: _fresh(warm))
    t_fig = best_of(args.repeat, figures, lambda: _fresh(warm))
    n_facts = sum(len(extract_figures(d)) for d in docs)
    if args.json:
        print(json.dumps({"tok": t_tok, "num": t_num, "fig": t_fig, "facts": n_facts}))
        return 0
    if args.against:
        # alternate the two, so that both meet the same load of a shared machine
        old: dict[str, float] = {}
        for _ in range(args.repeat):
            run = _run_revision(args.against, argv or sys.argv[1:])
            old = {k: min(v, old.get(k, v)) for k, v in run.items()}
            t_num = min(t_num, best_of(1, numbers, lambda: _fresh(warm)))
            t_fig = min(t_fig, best_of(1, figures, lambda: _fresh(warm)))
    print(f"{len(docs)} articles, {mb:.2f} MB, {len(sentences)} sentences, {n_facts} facts")
    print(f"tokenise (str.split)  {mb / t_tok:8.2f} MB/s")
    print(f"find_numbers          {mb / t_num:8.2f} MB/s  ({t_num / t_tok:.1f}x tokenising)")
    print(f"extract_figures       {mb / t_fig:8.2f} MB/s  ({t_fig / t_tok:.1f}x tokenising)")
    if args.against:
        print(f"\n{args.against} on the same sample ({old['facts']:g} facts):")
        for label, key, now in (("find_numbers", "num", t_num), ("extract_figures", "fig", t_fig)):
            speed = f"{mb / old[key]:8.2f} MB/s"
            print(f"{label:22}{speed}  (this code {old[key] / now:.2f}x as fast)")
    return 0


def _run_revision(rev: str, argv: list[str]) -> dict[str, float]:
    """This bench, run by the package as it was at git revision `rev` (the bench file is
    this one; only `mickb` is the old one)."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", rev, "src/mickb"], cwd=root, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        args = [a for a in argv if a != "--against" and a != rev] + ["--json", "--repeat", "1"]
        env = dict(os.environ, PYTHONPATH=str(Path(tmp) / "src"))
        out = subprocess.run(
            [sys.executable, __file__, *args], env=env, check=True, capture_output=True, text=True
        ).stdout
        return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


if __name__ == "__main__":
    raise SystemExit(main())
