"""Every benchmark of issue 5 in one run, and one table of all the goals.

    python bench/all.py              # start-up, find at 10k/100k/1M facts, ingest, extractor
    python bench/all.py --quick      # 10k and 100k facts only, smaller ingest

Each bench's own output goes to bench/out/<name>.log; the table gathers their GOAL lines
(see bench/goals.py). Synthetic KBs are cached in bench/out/ (the 1M one takes minutes).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"


def run(name: str, args: list[str]) -> list[list[str]]:
    OUT.mkdir(exist_ok=True)
    log = OUT / f"{name}.log"
    print(f"running {name} ... (log: {log})", file=sys.stderr, flush=True)
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    rows = [line.split("\t")[1:] for line in proc.stdout.splitlines() if line.startswith("GOAL\t")]
    if proc.returncode != 0:
        rows.append([f"{name}: bench failed (exit {proc.returncode}, see log)", "", "", "NO"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows: list[list[str]] = []
    rows += run("startup", [])
    rows += run(
        "scale",
        ["--sizes", "10000,100000" if args.quick else "10000,100000,1000000", "--ingest-mb", "0"],
    )
    if (BENCH / "ingest.py").exists():
        rows += run("ingest", ["--quick"] if args.quick else [])
    rows += run("extractor_score", [])
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'goal':<{width}}  {'measured':<28} {'target':<14} met")
    for what, measured, target, ok, *why in rows:
        print(f"{what:<{width}}  {measured:<28} {target:<14} {ok}")
        if why:
            print(f"{'':<{width}}    why: {why[0]}")


if __name__ == "__main__":
    main()
