"""Start-up cost of mickb commands as multiples of the bare interpreter, measured in one run.

    python bench/startup.py            # installs the checkout with `pip install .` into
                                       # bench/out/venv (not editable: .pyc files matter)
    python bench/startup.py --no-install

Goals (issue 5): --help <= 6x, find --json <= 7x, find (table) <= 10x the floor (`python -c pass`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from goals import goal_line  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / "out" / "venv"


def median_seconds(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-install", action="store_true")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    python = VENV / "bin" / "python"
    if not args.no_install or not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    mickb = str(VENV / "bin" / "mickb")
    db = ["--db", str(ROOT / "data" / "kb.sqlite")]
    rows = [
        ("python -c pass (floor)", [str(python), "-c", "pass"], None),
        ("mickb --help", [mickb, "--help"], 6.0),
        (
            "mickb find QUERY --json",
            [mickb, "find", "doanh thu viễn thông 2022", "--json", *db],
            7.0,
        ),
        ("mickb find QUERY (table)", [mickb, "find", "doanh thu viễn thông 2022", *db], 10.0),
        (
            "mickb check CLAIM --json",
            [
                mickb,
                "check",
                "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng",
                "--json",
                *db,
            ],
            None,
        ),
    ]
    # Interleave the commands so machine noise hits them alike.
    samples: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    for _ in range(args.runs):
        for name, cmd, _ in rows:
            samples[name].append(median_seconds(cmd, 1))
    floor = statistics.median(samples[rows[0][0]])
    print(f"{'command':<28} {'median ms':>10} {'x floor':>8} {'goal':>6}  ok")
    for name, _, goal in rows:
        med = statistics.median(samples[name])
        ratio = med / floor
        verdict = "" if goal is None else ("yes" if ratio <= goal else "NO")
        goal_s = "" if goal is None else f"{goal:.0f}x"
        print(f"{name:<28} {med * 1000:>10.1f} {ratio:>8.2f} {goal_s:>6}  {verdict}")
    for name, _, goal in rows:
        if goal is not None:
            med = statistics.median(samples[name])
            goal_line(
                f"start-up: {name}",
                f"{med / floor:.2f}x floor ({med * 1000:.0f} ms)",
                f"<= {goal:.0f}x",
                med / floor <= goal,
            )


if __name__ == "__main__":
    main()
