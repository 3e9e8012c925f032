"""Ingest throughput and memory (issue 5, item 3): synthetic reports through the real pipeline.

    /work/venv/bin/python bench/ingest.py                 # 5 MB, 50 MB, build over 100 MB
    /work/venv/bin/python bench/ingest.py --quick         # 1 MB, 5 MB, build over 10 MB
    /work/venv/bin/python bench/ingest.py --sizes 5 --corpus 0
    /work/venv/bin/python bench/ingest.py --generate 50 --out big.md   # only write a report

Reports are generated (deterministic seed) into bench/out/ (gitignored): Vietnamese text in the
style of sector reports, with front matter, section headings, figure sentences (levels, growth
rates, shares, counts, with periods), narrative sentences without figures, and quotes whose
speakers are introduced by name and role and later named by role only ("Bộ trưởng nhấn
mạnh: …"), some running over two paragraphs. The generator knows how many figures it planted,
so tests/test_large.py uses it too.

Each measurement runs the real pipeline (`mickb.ingest.pipeline.ingest` or `build`, what the CLI
calls) in a fresh interpreter, which reports its seconds per stage (document.StageTimes) and
its own peak RSS. Stages: read (decode, check, hash), clean_split, figures, quotes (the
registry of people, quote marks, attribution), store (staging, the transaction, the index).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable

PROVINCES = (
    "Hà Nội",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Quảng Ninh",
    "Bắc Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Bình Dương",
    "Long An",
    "An Giang",
    "Kiên Giang",
    "Cà Mau",
    "Sơn La",
    "Lào Cai",
    "Yên Bái",
    "Thái Nguyên",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Hưng Yên",
    "Nam Định",
    "Ninh Bình",
    "Quảng Bình",
    "Quảng Nam",
    "Bình Định",
    "Gia Lai",
    "Đắk Lắk",
    "Kon Tum",
    "Tây Ninh",
    "Bến Tre",
    "Trà Vinh",
    "Sóc Trăng",
)
COMPANIES = ("Viettel", "VNPT", "MobiFone", "FPT", "CMC", "Vietnamobile", "Viettel Post", "VTC")
# (sector heading, [(metric, unit, low, high, decimals)])
SECTORS = (
    (
        "Viễn thông",
        [
            ("doanh thu dịch vụ viễn thông", "tỷ đồng", 200, 150000, 0),
            ("số thuê bao băng rộng cố định", "triệu thuê bao", 1, 25, 1),
            ("số thuê bao di động", "triệu thuê bao", 2, 120, 1),
            ("lợi nhuận sau thuế", "tỷ đồng", 50, 40000, 0),
        ],
    ),
    (
        "Bưu chính",
        [
            ("doanh thu dịch vụ bưu chính", "tỷ đồng", 100, 60000, 0),
            ("sản lượng bưu gửi", "triệu bưu gửi", 10, 2500, 1),
            ("doanh thu chuyển phát thương mại điện tử", "tỷ đồng", 100, 20000, 0),
        ],
    ),
    (
        "Công nghiệp công nghệ thông tin",
        [
            ("doanh thu công nghiệp công nghệ thông tin", "tỷ USD", 1, 150, 2),
            ("kim ngạch xuất khẩu phần cứng, điện tử", "tỷ USD", 1, 120, 2),
            ("doanh thu phần mềm", "nghìn tỷ đồng", 10, 200, 1),
        ],
    ),
    (
        "Báo chí, xuất bản",
        [
            ("doanh thu xuất bản phẩm", "tỷ đồng", 500, 5000, 0),
            ("doanh thu quảng cáo trên báo điện tử", "tỷ đồng", 100, 9000, 0),
            ("số bản sách in", "triệu bản", 50, 700, 1),
        ],
    ),
)
PERIODS = (
    [f"năm {y}" for y in range(2016, 2024)]
    + [f"6 tháng đầu năm {y}" for y in range(2017, 2024)]
    + [f"9 tháng đầu năm {y}" for y in range(2017, 2024)]
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Ngọc", "Mạnh", "Hồng")
GIVEN = (
    "Hùng",
    "Lan",
    "Dũng",
    "Long",
    "Tuấn",
    "Hương",
    "Sơn",
    "Thảo",
    "Nam",
    "Bình",
    "Khoa",
    "Yến",
    "Thịnh",
    "Quang",
    "Trang",
    "Phong",
)
ROLES = (
    ("Bộ trưởng", "Bộ trưởng Bộ Thông tin và Truyền thông"),
    ("Thứ trưởng", "Thứ trưởng Bộ Thông tin và Truyền thông"),
    ("Cục trưởng", "Cục trưởng Cục Viễn thông"),
    ("Vụ trưởng", "Vụ trưởng Vụ Bưu chính"),
    ("Tổng Giám đốc", "Tổng Giám đốc Tổng công ty Bưu điện"),
    ("Chủ tịch", "Chủ tịch Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin"),
)
QUOTE_WORDS = (
    (
        "Chuyển đổi số",
        "Hạ tầng số",
        "Dữ liệu",
        "An toàn thông tin mạng",
        "Kinh tế số",
        "Nền tảng số quốc gia",
        "Thương mại điện tử",
        "Dịch vụ công trực tuyến",
    ),
    (
        "phải đi vào",
        "là động lực của",
        "cần được ưu tiên trong",
        "sẽ thay đổi căn bản",
        "đóng vai trò then chốt trong",
        "phải phục vụ",
    ),
    (
        "từng hộ gia đình",
        "mọi doanh nghiệp nhỏ và vừa",
        "sự phát triển của đất nước",
        "cách người dân tiếp cận dịch vụ công",
        "từng địa phương, từng ngành",
        "công việc hằng ngày của cán bộ",
    ),
    (
        "chúng ta không thể chậm trễ hơn nữa",
        "đây là việc phải làm ngay",
        "không ai bị bỏ lại phía sau",
        "người dân phải là trung tâm",
        "mỗi người phải tự đổi mới",
        "cách làm cũ không còn phù hợp",
    ),
)
NARRATIVE = (
    (
        "Bộ Thông tin và Truyền thông",
        "Các doanh nghiệp viễn thông",
        "Ủy ban nhân dân các tỉnh",
        "Các cơ quan báo chí",
        "Ngành thông tin và truyền thông",
        "Các sở chuyên ngành",
    ),
    (
        "tiếp tục đẩy mạnh",
        "đã triển khai quyết liệt",
        "tập trung hoàn thiện",
        "chủ động phối hợp trong",
        "cần quan tâm hơn nữa đến",
        "đặt ưu tiên cao cho",
    ),
    (
        "chuyển đổi số trong các cơ quan nhà nước",
        "phát triển hạ tầng số tại vùng sâu, vùng xa",
        "công tác bảo đảm an toàn thông tin mạng",
        "việc phổ cập điện thoại thông minh",
        "xây dựng cơ sở dữ liệu quốc gia về dân cư",
        "đào tạo nguồn nhân lực công nghệ số",
        "quản lý nội dung thông tin trên không gian mạng",
    ),
    (
        "nhằm phục vụ người dân và doanh nghiệp tốt hơn",
        "theo đúng chỉ đạo của Chính phủ",
        "trong bối cảnh còn nhiều khó khăn",
        "góp phần thúc đẩy tăng trưởng kinh tế",
        "với nhiều cách làm sáng tạo",
        "",
    ),
)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def vn_number(x: float, decimals: int) -> str:
    """Vietnamese format: dots group thousands, a comma marks decimals."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass
class Plan:
    """What a generated report holds, to check an ingest against."""

    path: Path
    bytes: int = 0
    facts: int = 0  # figures planted
    quotes: int = 0  # quotes with quote marks planted
    needles: list[dict[str, Any]] = field(default_factory=list)


class Writer:
    def __init__(self, rng: random.Random, plan: Plan) -> None:
        self.rng = rng
        self.plan = plan
        self.n_needle = 0

    def pick(self, options: tuple[Any, ...] | list[Any]) -> Any:
        return options[self.rng.randrange(len(options))]

    def narrative(self) -> str:
        who, verb, what, why = (self.pick(part) for part in NARRATIVE)
        return f"{who} {verb} {what}{' ' + why if why else ''}."

    def person(self) -> str:
        return f"{self.pick(FAMILY)} {self.pick(MIDDLE)} {self.pick(GIVEN)}"

    def quote_words(self) -> str:
        subject, verb, obj, tail = (self.pick(part) for part in QUOTE_WORDS)
        return f"{subject} {verb} {obj}, {tail}"

    def figure(self, metrics: list[tuple[str, str, float, float, int]]) -> str:
        metric, unit, low, high, decimals = self.pick(metrics)
        value = vn_number(self.rng.uniform(low, high), decimals)
        rate = vn_number(self.rng.uniform(0.5, 40), 1)
        period = self.pick(PERIODS)
        year = int(period[-4:])
        scope = (
            f"của tỉnh {self.pick(PROVINCES)}"
            if self.rng.random() < 0.5
            else f"của {self.pick(COMPANIES)}"
        )
        kind = self.rng.randrange(5)
        if kind == 0:
            self.plan.facts += 2
            return (
                f"{period[0].upper()}{period[1:]}, {metric} {scope} đạt {value} {unit}, "
                f"tăng {rate}% so với năm {year - 1}."
            )
        if kind == 1:
            self.plan.facts += 2
            return (
                f"{metric[0].upper()}{metric[1:]} {scope} {period} ước đạt {value} {unit}, "
                f"giảm {rate}% so với cùng kỳ."
            )
        if kind == 2:
            self.plan.facts += 1
            return f"Tính đến hết {period}, {metric} {scope} đạt {value} {unit}."
        if kind == 3:
            share = vn_number(self.rng.uniform(5, 95), 1)
            self.plan.facts += 1
            return f"Trong {period}, {metric} {scope} chiếm {share}% tổng {metric} toàn ngành."
        self.plan.facts += 2
        return (
            f"Theo báo cáo, {metric} {scope} {period} đạt {value} {unit}, "
            f"tăng trưởng {rate}% so với năm {year - 1}."
        )

    def needle(self) -> str:
        """A figure with a value no other sentence uses, to find after ingest."""
        self.n_needle += 1
        amount = 100_000 + 7 * self.n_needle + 0.25
        value = vn_number(amount, 2)
        province = self.pick(PROVINCES)
        period = f"năm {2016 + self.n_needle % 8}"
        self.plan.facts += 1
        self.plan.needles.append(
            {
                "value_text": f"{value} tỷ đồng",
                "value": amount,
                "metric": f"doanh thu dịch vụ trung tâm dữ liệu của tỉnh {province}",
                "period": period[-4:],
            }
        )
        return (
            f"Doanh thu dịch vụ trung tâm dữ liệu của tỉnh {province} {period} đạt {value} tỷ đồng."
        )

    def paragraph(self, metrics: list[tuple[str, str, float, float, int]]) -> str:
        sentences = []
        for _ in range(self.rng.randint(2, 6)):
            sentences.append(self.figure(metrics) if self.rng.random() < 0.3 else self.narrative())
        return " ".join(sentences)

    def quote_block(self) -> list[str]:
        """A speaker named with a role, quoted; then quoted again by the role alone."""
        name = self.person()
        short_role, role = self.pick(ROLES)
        honorific = "bà" if " Thị " in name else "ông"
        kind = self.rng.randrange(4)
        self.plan.quotes += 2
        if kind == 0:
            first = f"Phát biểu tại hội nghị, {role} {name} nhấn mạnh: “{self.quote_words()}”."
        elif kind == 1:
            first = f"“{self.quote_words()}”, {honorific} {name}, {role}, cho biết."
        elif kind == 2:
            first = (
                f"Theo {short_role.lower()} {name}, “{self.quote_words()}, "
                f"{self.quote_words().lower()}”."
            )
        else:
            # A quote that runs over two paragraphs: opened in one, closed in the next.
            return [
                f"{role} {name} chia sẻ:",
                f"“{self.quote_words()}.",
                f"{self.quote_words()}”.",
                f"{short_role} cũng khẳng định: “{self.quote_words()}”.",
            ]
        return [
            first,
            self.narrative(),
            f"{short_role} yêu cầu các đơn vị phải “{self.quote_words().lower()}”.",
        ]

    def report(self, target: int, index: int) -> str:
        parts = [
            "---",
            f'title: "Báo cáo tổng hợp ngành thông tin và truyền thông {PROVINCES[index % 35]}"',
            f'date: "2023-0{1 + index % 9}-15"',
            "---",
            "",
            f"# Báo cáo tổng hợp ngành thông tin và truyền thông {PROVINCES[index % 35]}",
            "",
        ]
        size = sum(len(p.encode()) + 1 for p in parts)
        section = 0
        while size < target:
            heading, metrics = SECTORS[section % len(SECTORS)]
            section += 1
            # Roman numerals, as reports number their parts ("II. Bưu chính"); an Arabic
            # section number would be a figure to the extractor.
            block = [f"## {ROMAN[(section - 1) % len(ROMAN)]}. {heading}", ""]
            for _ in range(self.rng.randint(4, 10)):
                roll = self.rng.random()
                if roll < 0.15:
                    block += [*self.quote_block()]
                elif roll < 0.2:
                    block.append(f"{self.narrative()} {self.needle()}")
                else:
                    block.append(self.paragraph(metrics))
            text = "\n\n".join(block) + "\n\n"
            parts.append(text)
            size += len(text.encode())
        return "\n".join(parts)


def generate(path: Path, megabytes: float, seed: int = 20230115, index: int = 1) -> Plan:
    """Write a report of about `megabytes` MB (10**6 bytes) to `path`; what it plants."""
    plan = Plan(path)
    writer = Writer(random.Random(seed), plan)
    text = writer.report(int(megabytes * 1e6), index)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    plan.bytes = path.stat().st_size
    return plan


def generate_corpus(folder: Path, files: int, megabytes_each: float, seed: int = 7) -> list[Plan]:
    return [
        generate(folder / f"report_{i:03d}.md", megabytes_each, seed + i, i) for i in range(files)
    ]


# --- measuring --------------------------------------------------------------------------------

# The child: the real pipeline (what `mickb ingest` / `mickb build` run), its stage times and
# its own peak RSS (VmHWM), as one JSON line.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from mickb.ingest.document import StageTimes
from mickb.ingest.pipeline import build, ingest
from mickb.kb.store import KB
mode, source, db = sys.argv[1:4]
jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
def written():  # bytes this process sent to storage (/proc/self/io), less those cancelled
    try:
        io = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
        return int(io["write_bytes"]) - int(io["cancelled_write_bytes"])
    except OSError:
        return -1
times = StageTimes()
written_before = written()
start = time.perf_counter()
if mode == "ingest":
    with KB.open(db, create=True) as kb:
        report = ingest(kb, [Path(source)], times=times, jobs=jobs)
else:
    report = build(Path(source), Path(db), times=times, jobs=jobs)
wall = time.perf_counter() - start
written_bytes = written() - written_before
own, workers = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
load = open("/proc/loadavg").read().split()[0]
try:  # this process's own high-water mark (ru_maxrss would count the parent it forked from)
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "stages": times.to_dict(), "peak_mib": peak,
                  "written": written_bytes, "kb_bytes": Path(db).stat().st_size,
                  "cpu": cpu, "load": float(load),
                  "facts": sum(o.facts for o in report.outcomes),
                  "quotes": sum(o.quotes for o in report.outcomes),
                  "failed": [o.error for o in report.outcomes if o.status == "failed"]}))
"""


def child_env() -> dict[str, str]:
    """The checkout's code, with its bytecode cached as an installed package has it (a machine
    that sets PYTHONDONTWRITEBYTECODE would otherwise compile every module in every run)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_bytecode() -> None:
    modules = (
        "mickb.ingest.pipeline, mickb.ingest.read, mickb.ingest.extract.figures, "
        "mickb.ingest.extract.quotes, mickb.kb.store"
    )
    subprocess.run([PYTHON, "-c", f"import {modules}"], env=child_env(), check=True)


def run_child(mode: str, source: Path, db: Path, jobs: int = 1) -> dict[str, Any]:
    """Ingest a report (mode "ingest") or build a KB from a folder ("build") in a fresh
    interpreter: wall seconds, seconds per stage, peak RSS, records stored, bytes written."""
    proc = subprocess.run(
        [PYTHON, "-c", CHILD, mode, str(source), str(db), str(jobs)],
        env=child_env(),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{mode} {source} failed ({proc.returncode}):\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


STAGES = ("read", "clean_split", "figures", "quotes", "rows", "store")
STAGE_GOAL = 5.0  # MB/s for each stage but figures (a later helper speeds those up)
TOTAL_GOAL = 1.0  # MB/s per core, issue 5
RSS_GOAL = 300.0  # MiB


def row(label: str, mb: float, result: dict[str, Any]) -> list[str]:
    stages = result["stages"]
    cells = [label, f"{mb:.1f}"]
    for stage in STAGES:
        seconds = stages.get(stage)
        cells.append(f"{mb / seconds:.1f}" if seconds else "-")
    cells.append(f"{mb / result['wall']:.2f}")
    cells.append(f"{result['peak_mib']:.0f}")
    cells.append(f"{result['facts']}")
    return cells


def shortfall(mb: float, result: dict[str, Any]) -> str:
    """By how much the total falls short, and the stages that take the time (largest first)."""
    total = mb / result["wall"]
    spent = {stage: result["stages"].get(stage) or 0.0 for stage in STAGES}
    wall = result["wall"]
    heavy = sorted(spent, key=lambda stage: -spent[stage])[:2]
    where = ", ".join(
        f"{stage} {spent[stage] / wall:.0%} of the time at {mb / spent[stage]:.1f} MB/s"
        for stage in heavy
        if spent[stage]
    )
    return f"{(1 - total / TOTAL_GOAL):.0%} short (needs {TOTAL_GOAL / total:.2f}x): {where}"


def verdicts(rows: list[tuple[str, float, dict[str, Any]]]) -> list[str]:
    """Each goal beside the figure measured, and by how much it falls short."""
    out = []
    for label, mb, result in rows:
        total = mb / result["wall"]
        peak = result["peak_mib"]
        short = [f"total {total:.2f} MB/s < {TOTAL_GOAL:g}"] if total < TOTAL_GOAL else []
        if peak >= RSS_GOAL:
            short.append(f"peak {peak:.0f} MiB >= {RSS_GOAL:g}")
        for stage in STAGES:
            seconds = result["stages"].get(stage)
            if stage != "figures" and seconds and mb / seconds < STAGE_GOAL:
                short.append(f"{stage} {mb / seconds:.1f} MB/s < {STAGE_GOAL:g}")
        verdict = "short: " + "; ".join(short) if short else "all goals met"
        out.append(f"  {label}: {verdict}")
    return out


# --- real news text: every core, and the ratio to plain reading (issue 13) ------------------

NEWS_CORPUS = Path("/work/corpus_news")  # a folder of .txt articles (not in the repository)
NEWS_FALLBACK = ROOT.parent / "shared" / "corpus" / "news"
NEWS_GOAL = 1.0  # MB/s per core with extraction and indexing
SPEEDUP_GOAL = 1.8  # on 2 cores against --jobs 1
FULL_GOAL_SECONDS = 75.0  # the whole 124 MB corpus on this 2-core machine
WRITES_GOAL = 5.0  # bytes written / KB size ("a few times")


def news_sample(megabytes: float, folder: Path) -> tuple[Path, str]:
    """A folder of links to the first articles (sorted) making up `megabytes` MB; when the
    corpus is missing, the 60 shared articles repeated (each copy differs by trailing
    blank lines, so each is a document of its own)."""
    target = folder / f"news-{megabytes:g}mb"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    budget = megabytes * 1e6
    if NEWS_CORPUS.is_dir():
        for path in sorted(NEWS_CORPUS.glob("*.txt")):
            if budget <= 0:
                break
            (target / path.name).symlink_to(path)
            budget -= path.stat().st_size
        return target, f"{NEWS_CORPUS} (first articles by name)"
    articles = sorted(NEWS_FALLBACK.glob("*.txt"))
    copy = 0
    while budget > 0:
        for path in articles:
            text = path.read_text(encoding="utf-8") + "\n" * (copy + 1)
            (target / f"{copy:04d}_{path.name}").write_text(text, encoding="utf-8")
            budget -= len(text.encode())
        copy += 1
    return target, f"{NEWS_FALLBACK} repeated {copy} times (the corpus folder was missing)"


def read_and_tokenise(folder: Path) -> tuple[float, int]:
    """Seconds to read, decode, NFC-normalise and split into words every file: the floor."""
    import re
    import time
    import unicodedata

    word = re.compile(r"\w+")
    start = time.perf_counter()
    size = words = 0
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        size += len(data)
        words += len(word.findall(unicodedata.normalize("NFC", data.decode("utf-8"))))
    return time.perf_counter() - start, size


def news_bench(megabytes: float, jobs_list: list[int], work: Path) -> None:
    sample, origin = news_sample(megabytes, work)
    floor_seconds, size = read_and_tokenise(sample)
    mb = size / 1e6
    print(
        f"\nReal news text: {mb:.1f} MB, {sum(1 for _ in sample.iterdir()):,} articles "
        f"from {origin}"
    )
    print(f"read + decode + NFC + split into words: {mb / floor_seconds:.1f} MB/s (the floor)")
    header = [
        "jobs",
        "seconds",
        "MB/s",
        "MB/s/core",
        "x floor",
        "speedup",
        "CPU s",
        "load",
        "written/KB",
        *[f"{s} s" for s in STAGES],
    ]
    table = [header]
    results: dict[int, dict[str, Any]] = {}
    for jobs in jobs_list:
        result = run_child("ingest", sample, work / f"news-{jobs}.sqlite", jobs)
        results[jobs] = result
        rate = mb / result["wall"]
        base = results[jobs_list[0]]["wall"]
        table.append(
            [
                str(jobs),
                f"{result['wall']:.1f}",
                f"{rate:.2f}",
                f"{rate / jobs:.2f}",
                f"{(result['wall'] / floor_seconds):.0f}x",
                f"{base / result['wall']:.2f}x",
                f"{result['cpu']:.1f}",
                f"{result['load']:.1f}",
                f"{result['written'] / result['kb_bytes']:.1f}",
                *[f"{result['stages'].get(s, 0):.1f}" for s in STAGES],
            ]
        )
        print(f"done: --jobs {jobs} in {result['wall']:.1f} s", file=sys.stderr)
        print(
            f"--jobs {jobs}: {result['facts']:,} figures, {result['quotes']:,} quotes, "
            f"KB {result['kb_bytes'] / 1e9:.2f} GB, peak RSS of the writer "
            f"{result['peak_mib']:.0f} MiB"
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        print("  ".join(cell.rjust(w) for cell, w in zip(r, widths, strict=True)))
    print(
        "(stage seconds are summed over workers; 'store' is the one writer; CPU s: user + "
        "system of the run and its workers; load: the 1-minute load average at the end, other "
        "work on the machine included; written/KB: bytes the writer sent to storage, "
        "/proc/self/io, over the KB's size)"
    )
    from goals import goal_line

    one = results[jobs_list[0]]
    per_core = mb / one["wall"] / jobs_list[0]
    spent = {stage: one["stages"].get(stage) or 0.0 for stage in STAGES}
    heavy = ", ".join(
        f"{k} {v / one['wall']:.0%}" for k, v in sorted(spent.items(), key=lambda kv: -kv[1])[:3]
    )
    goal_line(
        f"news ingest: MB/s per core (--jobs {jobs_list[0]})",
        f"{per_core:.2f}",
        f">= {NEWS_GOAL:g}",
        per_core >= NEWS_GOAL,
        "" if per_core >= NEWS_GOAL else f"time: {heavy}",
    )
    if len(jobs_list) > 1:
        last = jobs_list[-1]
        speedup = one["wall"] / results[last]["wall"]
        # What the workers cost beyond the work itself: the speedup free cores would give.
        cpu_ratio = results[last]["cpu"] / one["cpu"]
        goal_line(
            f"news ingest: --jobs {last} vs --jobs 1",
            f"{speedup:.2f}x",
            f">= {SPEEDUP_GOAL:g}x",
            speedup >= SPEEDUP_GOAL,
            ""
            if speedup >= SPEEDUP_GOAL
            else f"CPU {cpu_ratio:.2f}x that of --jobs 1 (at most {last / cpu_ratio:.2f}x on "
            f"{last} free cores); load average {results[last]['load']:.1f} at the end",
        )
    if megabytes >= 120:
        last = jobs_list[-1]
        wall, cpu = results[last]["wall"], results[last]["cpu"]
        goal_line(
            f"news ingest: the whole corpus, --jobs {last}",
            f"{wall:.0f} s",
            f"<= {FULL_GOAL_SECONDS:g} s",
            wall <= FULL_GOAL_SECONDS,
            ""
            if wall <= FULL_GOAL_SECONDS
            else f"{cpu:.0f} CPU s: at least {cpu / last:.0f} s on {last} free cores; "
            f"load average {results[last]['load']:.1f} at the end",
        )
    worst = max(r["written"] / r["kb_bytes"] for r in results.values())
    goal_line(
        "news ingest: bytes written / KB size",
        f"{worst:.1f}",
        f"<= {WRITES_GOAL:g}",
        worst <= WRITES_GOAL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5,50", help="single-report sizes in MB")
    parser.add_argument("--corpus", type=float, default=100, help="corpus size in MB (0: skip)")
    parser.add_argument("--quick", action="store_true", help="1 and 5 MB, a 10 MB corpus")
    parser.add_argument("--generate", type=float, help="only write a report of this many MB")
    parser.add_argument("--out", type=Path, help="with --generate: where to write it")
    parser.add_argument("--keep", action="store_true", help="keep bench/out/ingest-* files")
    parser.add_argument(
        "--news", type=float, default=0, help="MB of real news text to ingest (0: skip; 124: all)"
    )
    parser.add_argument("--jobs", default="1,2", help="with --news: the --jobs values to run")
    args = parser.parse_args()
    if args.news:
        OUT.mkdir(parents=True, exist_ok=True)
        warm_bytecode()
        work = Path(tempfile.mkdtemp(prefix="news-", dir=OUT))
        try:
            news_bench(args.news, [int(j) for j in args.jobs.split(",")], work)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    if args.generate:
        plan = generate(args.out or OUT / f"report-{args.generate:g}mb.md", args.generate)
        print(
            json.dumps(
                {
                    "path": str(plan.path),
                    "bytes": plan.bytes,
                    "facts": plan.facts,
                    "quotes": plan.quotes,
                    "needles": len(plan.needles),
                }
            )
        )
        return
    sizes = [1.0, 5.0] if args.quick else [float(x) for x in args.sizes.split(",") if x]
    corpus_mb = 10.0 if args.quick else args.corpus
    OUT.mkdir(parents=True, exist_ok=True)
    warm_bytecode()
    work = Path(tempfile.mkdtemp(prefix="ingest-", dir=OUT))
    header = ["run", "MB", *[f"{s} MB/s" for s in STAGES], "total MB/s", "peak MiB", "figures"]
    measured: list[tuple[str, float, dict[str, Any]]] = []
    try:
        for mb in sizes:
            plan = generate(work / f"report-{mb:g}mb.md", mb)
            result = run_child("ingest", plan.path, work / f"kb-{mb:g}.sqlite")
            if result["facts"] != plan.facts:
                print(
                    f"note: {mb:g} MB report: {result['facts']} figures stored, "
                    f"{plan.facts} planted",
                    file=sys.stderr,
                )
            measured.append((f"ingest a {mb:g} MB report", plan.bytes / 1e6, result))
            print(f"done: {measured[-1][0]} in {result['wall']:.0f} s", file=sys.stderr)
        if corpus_mb:
            n = max(1, int(corpus_mb))
            plans = generate_corpus(work / "corpus", n, corpus_mb / n)
            result = run_child("build", work / "corpus", work / "corpus.sqlite")
            if result["facts"] != sum(p.facts for p in plans):
                print(
                    f"note: corpus: {result['facts']} figures stored, "
                    f"{sum(p.facts for p in plans)} planted",
                    file=sys.stderr,
                )
            label = f"build {n} x {corpus_mb / n:g} MB"
            measured.append((label, sum(p.bytes for p in plans) / 1e6, result))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    table = [header] + [row(label, mb, result) for label, mb, result in measured]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print("Ingest throughput: MB/s of report text per stage and overall (one core), peak RSS")
    print(
        f"goals: total >= {TOTAL_GOAL:g} MB/s (issue 5); read, clean_split, quotes, store "
        f">= {STAGE_GOAL:g} MB/s each; peak RSS < {RSS_GOAL:g} MiB"
    )
    for r in table:
        print("  ".join(cell.rjust(w) for cell, w in zip(r, widths, strict=True)))
    print("\n".join(verdicts(measured)))
    from goals import goal_line  # bench/goals.py: the lines bench/all.py gathers

    for label, mb, result in measured:
        total = mb / result["wall"]
        goal_line(
            f"{label}: MB/s",
            f"{total:.2f}",
            f">= {TOTAL_GOAL:g}",
            total >= TOTAL_GOAL,
            "" if total >= TOTAL_GOAL else shortfall(mb, result),
        )
        peak = result["peak_mib"]
        goal_line(f"{label}: peak RSS", f"{peak:.0f} MiB", f"< {RSS_GOAL:g} MiB", peak < RSS_GOAL)
        for stage in STAGES:
            seconds = result["stages"].get(stage)
            if stage != "figures" and seconds:
                rate = mb / seconds
                goal_line(
                    f"{label}: {stage} MB/s",
                    f"{rate:.1f}",
                    f">= {STAGE_GOAL:g}",
                    rate >= STAGE_GOAL,
                )


if __name__ == "__main__":
    main()
