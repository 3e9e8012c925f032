"""`find` on real news (issue 14): 50 journalist queries on a KB built from a sample of the
public news corpus, their relevance and speed, and the start-up of the commands people run
as multiples of the bare interpreter, all measured in one run.

    python bench/find_speed.py                    # 3,000 articles, built once into bench/out/
    python bench/find_speed.py --sample 35440     # the whole corpus (~6 minutes to build)
    python bench/find_speed.py --no-install       # reuse bench/out/find-venv
    python bench/find_speed.py --queries          # also a line per query

The corpus (`--corpus`, default /work/corpus_news: 35,440 .txt articles, first line the
title) stays outside the repository; the sample is copied into bench/out/ (git-ignored).
Its files carry no date, so each copy gets a front-matter date spread over 2017-2019 in the
order of the article ids, only so that `--since` and `--sort date` have something to do.

In-process: one KB opened once, each query run once to warm up, then `--repeat` times; median
and 95th percentile over every run. Whole process: the `mickb` script of a regular (not
editable) `pip install .` into bench/out/find-venv, with bytecode written (.pyc), piped as
a script would run it, each query `--repeat` times interleaved with `python -c pass` (the
floor). A query is relevant when one of its first three rows holds the expected words in its
metric, figure, quote or speaker (folded), or, for a query about nothing in the archive, when
nothing comes back (exit 1).

Goals (issue 14), as ratios to the floor: `find --json` <= 5x, `find` (table, piped) <= 6x,
`check` and `quote` <= 8x.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from goals import goal_line  # noqa: E402

OUT = ROOT / "bench" / "out"
VENV = OUT / "find-venv"
SHIPPED = ROOT / "data" / "kb.sqlite"

# (query, options, expected): expected is folded words one of the first three rows must
# hold, "" when any answer will do, None when the archive has nothing of it (exit 1).
QUERIES: list[tuple[str, dict[str, Any], str | None]] = [
    # Vietnamese, with diacritics
    ("giá vàng SJC", {}, "vang"),
    ("xuất khẩu gạo", {}, "gao"),
    ("kim ngạch xuất khẩu 2017", {}, "xuat khau"),
    ("tăng trưởng GDP", {}, "gdp"),
    ("chỉ số giá tiêu dùng", {}, "gia tieu dung"),
    ("lãi suất cho vay", {}, "lai suat"),
    ("thu ngân sách nhà nước", {}, "ngan sach"),
    ("nợ xấu ngân hàng", {}, "no xau"),
    ("vốn đầu tư trực tiếp nước ngoài", {}, "dau tu"),
    ("giá xăng", {}, "xang"),
    ("tai nạn giao thông", {}, "tai nan"),
    ("doanh thu viễn thông", {}, "doanh thu"),
    ("thuê bao di động", {}, "thue bao"),
    ("bóng đá ngoại hạng Anh", {}, "ngoai hang anh"),
    ("khách du lịch quốc tế", {}, "khach"),
    ("lương tối thiểu vùng", {}, "luong toi thieu"),
    ("giá nhà chung cư", {}, "chung cu"),
    ("dân số Việt Nam", {}, "dan so"),
    ("học phí đại học", {}, "hoc phi"),
    ("tỷ giá USD", {}, "ty gia"),
    # Vietnamese without diacritics
    ("gia vang", {}, "vang"),
    ("xuat khau thuy san", {}, "thuy san"),
    ("tang truong tin dung", {}, "tin dung"),
    ("gia dien", {}, "dien"),
    ("sot xuat huyet", {}, "sot xuat huyet"),
    ("thi truong chung khoan", {}, "chung khoan"),
    # English (through the glossary)
    ("exports", {}, "xuat khau"),
    ("telecom revenue", {}, "doanh thu"),
    ("mobile subscribers", {}, "thue bao"),
    ("state budget", {}, "ngan sach"),
    ("minister", {}, "bo truong"),
    ("number of workers", {}, "lao dong"),
    # figures, in Vietnamese or English format
    ("6,7%", {}, "6,7%"),
    ("6.7%", {}, "6,7%"),
    ("1.000 tỷ đồng", {}, "1.000"),
    ("100 triệu USD", {}, "100 trieu usd"),
    ("96,433", {}, None),
    # speakers
    ("Nguyễn Xuân Phúc", {}, "nguyen xuan phuc"),
    ("Nguyen Xuan Phuc", {}, "nguyen xuan phuc"),
    ("Thủ tướng", {"kind": "quote"}, "thu tuong"),
    ("Donald Trump", {}, "trump"),
    ("Bộ trưởng Tài chính", {}, "bo truong"),
    # typos
    ("xuất khẩ gạo", {}, "gao"),
    ("tang truong kin te", {}, "kinh te"),
    ("gia vnag", {}, "vang"),
    ("doanh thu vietel", {}, "viettel"),
    # dates and orders
    ("giá vàng", {"sort": "date"}, "vang"),
    ("xuất khẩu", {"since": "2018-01-01"}, "xuat khau"),
    ("lãi suất", {"sort": "value", "limit": 5}, "lai suat"),
    # nothing of it in the archive
    ("zxqv wpty", {}, None),
]


def sample_corpus(corpus: Path, n: int, folder: Path) -> int:
    """Copy n articles (a fixed random sample) into `folder`, each with a front-matter date."""
    files = sorted(corpus.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
    rank = {p: i for i, p in enumerate(files)}
    chosen = files if n >= len(files) else random.Random(14).sample(files, n)
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime.date(2017, 1, 1)
    for path in chosen:
        day = start + datetime.timedelta(days=int(rank[path] / len(files) * 1000))
        text = path.read_text(encoding="utf-8", errors="replace")
        (folder / path.name).write_text(f"---\ndate: {day.isoformat()}\n---\n{text}", "utf-8")
    return len(chosen)


def build_kb(corpus: Path, n: int, rebuild: bool) -> Path:
    kb = OUT / f"news-{n}.sqlite"
    if kb.exists() and not rebuild:
        return kb
    folder = OUT / f"news-{n}"
    count = sample_corpus(corpus, n, folder)
    print(f"building {kb.name} from {count} articles ...", flush=True)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mickb", "build", str(folder), "-o", str(kb), "-q"],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        check=True,
    )
    print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    return kb


def _folded_row(record: dict[str, Any]) -> str:
    """What a row shows of a record: metric, figure, quote, speaker, and the words of its
    sentence around the figure (folded)."""
    from mickb.text.fold import fold

    speaker = record.get("speaker") or {}
    sentence = record.get("sentence") or ""
    around = ""
    if record.get("kind") == "fact" and record.get("value_text") in sentence:
        at = sentence.index(record["value_text"])
        around = sentence[max(0, at - 50) : at + len(record["value_text"]) + 20]
    parts = (
        record.get("metric"),
        record.get("value_text"),
        record.get("text"),
        speaker.get("name"),
        speaker.get("role"),
        around,
    )
    return " | ".join(fold(p) for p in parts if p)


def relevant(hits: list[Any], expected: str | None) -> bool:
    if expected is None:
        return not hits
    if expected == "":
        return bool(hits)
    from mickb.text.fold import fold

    wanted = fold(expected)
    return any(wanted in _folded_row(h.record) for h in hits[:3])


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_process(kb_path: Path, repeat: int) -> tuple[list[float], dict[str, Any]]:
    from mickb.kb.store import KB
    from mickb.query.search import find

    samples: list[float] = []
    per_query: dict[str, Any] = {}
    with KB.open(kb_path, readonly=True) as kb:
        for query, options, _ in QUERIES:  # warm-up: page cache, imports, vocabulary
            find(kb, query, **options)
        for query, options, expected in QUERIES:
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                hits = find(kb, query, **options)
                times.append((time.perf_counter() - t0) * 1000)
            samples += times
            per_query[query] = {
                "ms": statistics.median(times),
                "rows": len(hits),
                "relevant": relevant(hits, expected),
                "top": _folded_row(hits[0].record)[:70] if hits else "",
            }
    return samples, per_query


def install_venv(skip: bool) -> Path:
    python = VENV / "bin" / "python"
    if skip and python.exists():
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    return python


def _option_args(options: dict[str, Any]) -> list[str]:
    args: list[str] = []
    for name, value in options.items():
        args += [f"--{name}", str(value)]
    return args


def whole_process(python: Path, kb: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds per run of each command line, interleaved so that machine noise hits all."""
    mickb = str(VENV / "bin" / "mickb")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="", NO_COLOR="1")
    env.pop("MICKB_DB", None)
    shipped = ["--db", str(SHIPPED)]
    news = ["--db", str(kb)]
    claim = "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng"
    said = "không để ai bị bỏ lại phía sau"
    fixed = {
        "python -c pass (floor)": [str(python), "-c", "pass"],
        "mickb --help": [mickb, "--help"],
        "mickb check CLAIM --json": [mickb, "check", claim, "--json", *shipped],
        "mickb check CLAIM (piped)": [mickb, "check", claim, *shipped],
        "mickb quote TEXT --json": [
            mickb,
            "quote",
            said,
            "--by",
            "Phạm Minh Chính",
            "--json",
            *shipped,
        ],
        "mickb quote TEXT (piped)": [mickb, "quote", said, "--by", "Phạm Minh Chính", *shipped],
        "mickb show ID (piped)": [mickb, "show", "f2e8181d5886", *shipped],
    }
    per_query = [(query, [*_option_args(options)]) for query, options, _ in QUERIES]
    for cmd in fixed.values():  # write the .pyc files, warm the page cache
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples: dict[str, list[float]] = {name: [] for name in fixed}
    samples["mickb find QUERY --json"] = []
    samples["mickb find QUERY (table, piped)"] = []

    def timed(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return time.perf_counter() - t0

    for _ in range(repeat):
        for name, cmd in fixed.items():
            samples[name].append(timed(cmd))
        for query, options in per_query:
            samples["python -c pass (floor)"].append(timed(fixed["python -c pass (floor)"]))
            samples["mickb find QUERY --json"].append(
                timed([mickb, "find", query, *options, "--json", *news])
            )
            samples["mickb find QUERY (table, piped)"].append(
                timed([mickb, "find", query, *options, *news])
            )
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus_news"))
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--process-repeat", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="build the sample's KB again")
    parser.add_argument("--no-install", action="store_true", help="reuse bench/out/find-venv")
    parser.add_argument("--queries", action="store_true", help="a line per query")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    kb = build_kb(args.corpus, args.sample, args.rebuild)
    import sqlite3

    with sqlite3.connect(f"file:{kb}?mode=ro", uri=True) as conn:
        facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
        quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        docs = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    print(f"KB: {docs} articles, {facts} facts, {quotes} quotes ({kb.name})")

    samples, per_query = in_process(kb, args.repeat)
    good = sum(1 for q in per_query.values() if q["relevant"])
    if args.queries:
        print(f"\n{'ms':>7} {'rows':>4} ok  query -> first row")
        for query, q in per_query.items():
            mark = "yes" if q["relevant"] else "NO "
            print(f"{q['ms']:7.1f} {q['rows']:>4} {mark} {query} -> {q['top']}")
    median, p95 = statistics.median(samples), percentile(samples, 0.95)
    print(
        f"\nin-process find, {len(QUERIES)} queries x {args.repeat}: "
        f"median {median:.1f} ms, p95 {p95:.1f} ms; relevant {good}/{len(QUERIES)}"
    )

    python = install_venv(args.no_install)
    runs = whole_process(python, kb, args.process_repeat)
    floor = statistics.median(runs["python -c pass (floor)"])
    goals = {
        "mickb find QUERY --json": 5.0,
        "mickb find QUERY (table, piped)": 6.0,
        "mickb check CLAIM --json": 8.0,
        "mickb quote TEXT --json": 8.0,
    }
    print(f"\n{'whole process':<34} {'median ms':>9} {'p95 ms':>7} {'x floor':>7} {'goal':>5}  ok")
    for name, values in runs.items():
        med = statistics.median(values)
        goal = goals.get(name)
        ok = "" if goal is None else ("yes" if med / floor <= goal else "NO")
        goal_s = "" if goal is None else f"{goal:.0f}x"
        print(
            f"{name:<34} {med * 1000:>9.1f} {percentile(values, 0.95) * 1000:>7.1f} "
            f"{med / floor:>7.2f} {goal_s:>5}  {ok}"
        )
    goal_line(
        "find on news: relevant top 3",
        f"{good}/{len(QUERIES)} queries ({docs} articles, {facts} facts)",
        "report",
        True,
    )
    goal_line(
        "find on news: in-process median / p95",
        f"{median:.1f} / {p95:.1f} ms ({facts} facts)",
        "report",
        True,
    )
    for name, goal in goals.items():
        med = statistics.median(runs[name])
        goal_line(
            f"start-up: {name}",
            f"{med / floor:.2f}x floor ({med * 1000:.0f} ms)",
            f"<= {goal:.0f}x",
            med / floor <= goal,
        )


if __name__ == "__main__":
    main()
