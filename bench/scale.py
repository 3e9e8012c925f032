"""Speed and scale of `find` (issue 5): synthetic KBs of 10k, 100k and 1M facts.

    /work/venv/bin/python bench/scale.py                  # all sizes, ingest too
    /work/venv/bin/python bench/scale.py --sizes 10000,100000 --repeat 3
    /work/venv/bin/python bench/scale.py --regen          # rebuild the synthetic KBs

The KBs are written to bench/out/ (gitignored) straight through the store's schema with
executemany (not the extractor: a million facts must take minutes, not hours), from
Vietnamese sentences in the style of sector reports. Numbers, names and wording are random;
a few "needle" facts are planted so that the bench can also say whether the right fact is
still in the top 3 at a million facts.

Latency is measured in-process after one warm-up pass (median and 95th percentile over every
query x repeat); peak RSS of a query in a fresh subprocess (resource.getrusage); ingest
throughput through the real pipeline (read -> clean -> split -> extract -> add_document).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from goals import goal_line  # noqa: E402

from mickb.kb import schema as migrations  # noqa: E402
from mickb.kb.rows import fact_search_text, quote_search_text  # noqa: E402
from mickb.kb.store import KB  # noqa: E402
from mickb.records import Fact  # noqa: E402

OUT = ROOT / "bench" / "out"

PROVINCES = (
    "Hà Nội",
    "TP Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Quảng Ninh",
    "Bắc Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Huế",
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
    "Hà Giang",
    "Thái Nguyên",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Hưng Yên",
    "Nam Định",
    "Ninh Bình",
    "Quảng Bình",
    "Quảng Trị",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Gia Lai",
    "Đắk Lắk",
    "Kon Tum",
    "Bình Thuận",
    "Tây Ninh",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Sóc Trăng",
    "Bạc Liêu",
    "Hậu Giang",
    "Đồng Tháp",
    "Tiền Giang",
    "Bà Rịa - Vũng Tàu",
    "Hòa Bình",
    "Lạng Sơn",
    "Cao Bằng",
    "Bắc Giang",
    "Hà Nam",
    "Thái Bình",
    "Hải Dương",
    "Điện Biên",
)
COMPANIES = (
    "Viettel",
    "VNPT",
    "MobiFone",
    "FPT",
    "CMC",
    "Vietnamobile",
    "VNPost",
    "Viettel Post",
    "VTC",
    "VTV",
    "Gtel",
    "Netnam",
    "SCTV",
    "Misa",
    "BKAV",
    "Tổng công ty Bưu điện",
)
SECTORS: dict[str, list[tuple[str, str, list[tuple[str, float, float]]]]] = {
    # sector -> [(metric, metric_en, [(unit, low, high)])]
    "viễn thông": [
        (
            "doanh thu dịch vụ viễn thông",
            "telecommunications service revenue",
            [("tỷ đồng", 100, 200000)],
        ),
        ("số thuê bao di động", "mobile subscribers", [("triệu thuê bao", 1, 130)]),
        (
            "số thuê bao băng rộng cố định",
            "fixed broadband subscribers",
            [("triệu thuê bao", 1, 25)],
        ),
        (
            "tỷ lệ thuê bao sử dụng smartphone",
            "share of subscribers using smartphones",
            [("%", 40, 95)],
        ),
        ("số trạm phát sóng 5G", "5G base stations", [("trạm", 100, 5000)]),
        ("lợi nhuận sau thuế", "profit after tax", [("tỷ đồng", 50, 50000)]),
    ],
    "bưu chính": [
        ("doanh thu dịch vụ bưu chính", "postal service revenue", [("tỷ đồng", 100, 60000)]),
        ("sản lượng bưu gửi", "postal items", [("triệu bưu gửi", 10, 3000)]),
        ("số doanh nghiệp bưu chính", "postal enterprises", [("doanh nghiệp", 50, 800)]),
    ],
    "công nghiệp ICT": [
        ("doanh thu công nghiệp ICT", "ICT industry revenue", [("tỷ USD", 1, 160)]),
        (
            "kim ngạch xuất khẩu phần cứng điện tử",
            "hardware and electronics exports",
            [("tỷ USD", 1, 120)],
        ),
        (
            "số doanh nghiệp công nghệ số",
            "digital technology enterprises",
            [("doanh nghiệp", 1000, 80000)],
        ),
        (
            "đóng góp vào GDP của công nghiệp ICT",
            "ICT industry contribution to GDP",
            [("triệu USD", 1000, 40000)],
        ),
    ],
    "kinh tế số": [
        ("tỷ trọng kinh tế số trong GDP", "digital economy share of GDP", [("%", 5, 25)]),
        ("doanh thu thương mại điện tử", "e-commerce revenue", [("tỷ USD", 1, 30)]),
        (
            "tỷ lệ dịch vụ công trực tuyến toàn trình",
            "share of end-to-end online public services",
            [("%", 10, 90)],
        ),
    ],
    "xuất bản": [
        (
            "doanh thu xuất bản, in, phát hành",
            "publishing, printing and distribution revenue",
            [("tỷ đồng", 1000, 100000)],
        ),
        ("số đầu xuất bản phẩm điện tử", "electronic publication titles", [("đầu", 100, 5000)]),
        ("số bản sách in", "printed copies", [("triệu bản", 10, 600)]),
    ],
    "an toàn thông tin": [
        ("số vụ tấn công mạng", "cyber attacks", [("vụ", 100, 20000)]),
        ("số trang web lừa đảo bị chặn", "scam websites blocked", [("trang", 100, 30000)]),
    ],
    "lao động": [
        ("số lao động trong ngành", "workers in the sector", [("nghìn người", 10, 1500)]),
        ("năng suất lao động", "labour productivity", [("triệu đồng/người", 100, 2000)]),
        ("nộp ngân sách nhà nước", "state budget contribution", [("tỷ đồng", 100, 60000)]),
    ],
}
PERIODS = (
    ["năm " + str(y) for y in range(2012, 2025)]
    + [f"6 tháng đầu năm {y}" for y in range(2015, 2025)]
    + [f"quý {q}/{y}" for q in ("I", "II", "III", "IV") for y in range(2018, 2025)]
    + [f"{m} tháng đầu năm {y}" for m in (9, 11) for y in range(2018, 2025)]
)
TEMPLATES = (
    "{Period}, {metric} {scope} ước đạt {v}, tăng {p} so với {base}.",
    "{Metric} {scope} {period} đạt {v}, giảm {p} so với cùng kỳ.",
    "Tính đến hết {period}, {metric} {scope} là {v}, tăng trưởng {p} so với {base}.",
    "Theo báo cáo, {metric} {scope} {period} khoảng {v}, tăng {p} so với {base}.",
    "{Metric} {scope} trong {period} đạt {v}.",
)
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
MIDDLE = ("Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Ngọc", "Thu", "Mạnh", "Hồng")
GIVEN = (
    "Hùng",
    "Lan",
    "Dũng",
    "Hà",
    "Long",
    "Mai",
    "Tuấn",
    "Hương",
    "Sơn",
    "Thảo",
    "Nam",
    "Chính",
    "Minh",
    "Phúc",
    "Quang",
    "Trang",
    "Bình",
    "Khoa",
    "Yến",
    "Thịnh",
)
ROLES = (
    "Bộ trưởng",
    "Thứ trưởng",
    "Giám đốc Sở Thông tin và Truyền thông",
    "Tổng Giám đốc",
    "Chủ tịch Hội đồng thành viên",
    "Cục trưởng Cục Viễn thông",
    "Vụ trưởng",
)
QUOTE_PARTS = (
    (
        "Chuyển đổi số",
        "Hạ tầng số",
        "Dữ liệu",
        "An toàn thông tin",
        "Kinh tế số",
        "Thương mại điện tử",
        "Nền tảng số",
    ),
    (
        "phải đi vào",
        "là động lực của",
        "cần được ưu tiên trong",
        "sẽ thay đổi",
        "đóng vai trò then chốt trong",
    ),
    (
        "từng hộ gia đình",
        "mọi doanh nghiệp",
        "sự phát triển của đất nước",
        "cách người dân tiếp cận dịch vụ công",
        "năm tới",
        "từng địa phương",
    ),
)

# Narrative sentences without figures: real reports hold a figure in one sentence of four
# or five, and the ingest rate depends on that density.
NARRATIVE = (
    (
        "Bộ Thông tin và Truyền thông",
        "Các doanh nghiệp viễn thông",
        "Ủy ban nhân dân tỉnh",
        "Cục Bưu điện Trung ương",
        "Hội Nhà báo",
        "Các cơ quan báo chí",
        "Ngành thông tin",
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
        "xây dựng cơ sở dữ liệu quốc gia",
        "đào tạo nguồn nhân lực công nghệ số",
        "quản lý nội dung trên không gian mạng",
    ),
    (
        "nhằm phục vụ người dân và doanh nghiệp tốt hơn",
        "theo đúng chỉ đạo của Chính phủ",
        "để không ai bị bỏ lại phía sau",
        "trong bối cảnh còn nhiều khó khăn",
        "góp phần thúc đẩy tăng trưởng kinh tế",
        "",
    ),
)


def narrative_sentence(rng: random.Random) -> str:
    who, verb, what, why = (rng.choice(part) for part in NARRATIVE)
    return f"{who} {verb} {what}{' ' + why if why else ''}."


# Planted facts: (sentence, value_text, value, unit, metric, metric_en, period, sector, base)
NEEDLES = (
    (
        "Năm 2022, doanh thu dịch vụ viễn thông toàn quốc đạt 138.000 tỷ đồng, tăng 1,6% so với "
        "năm 2021.",
        "138.000 tỷ đồng",
        138000.0,
        "tỷ đồng",
        "doanh thu dịch vụ viễn thông",
        "telecommunications service revenue",
        "2022",
        "viễn thông",
        (138e12, "VND"),
    ),
    (
        "Thuê bao điện thoại di động sử dụng smartphone năm 2022 ước đạt 75,80% tổng số thuê bao.",
        "75,80%",
        75.8,
        "%",
        "thuê bao điện thoại di động sử dụng smartphone",
        "mobile subscribers using smartphones",
        "2022",
        "viễn thông",
        (75.8, "%"),
    ),
)


def vn_number(x: float, decimals: int) -> str:
    """Vietnamese format: dots group thousands, a comma marks decimals."""
    whole = f"{x:,.{decimals}f}"
    return whole.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


SCALE_OF = {
    "tỷ đồng": (1e9, "VND"),
    "tỷ USD": (1e9, "USD"),
    "triệu USD": (1e6, "USD"),
    "triệu thuê bao": (1e6, "thuê bao"),
    "nghìn người": (1e3, "người"),
    "triệu bưu gửi": (1e6, "bưu gửi"),
    "triệu bản": (1e6, "bản"),
    "%": (1.0, "%"),
}


def synthetic_sentence(rng: random.Random) -> tuple[str, list[dict[str, Any]]]:
    sector = rng.choice(list(SECTORS))
    metric, metric_en, units = rng.choice(SECTORS[sector])
    unit, low, high = rng.choice(units)
    decimals = 2 if unit == "%" or high < 200 else 0
    value = round(rng.uniform(low, high), decimals)
    pct = round(rng.uniform(0.5, 60), 1)
    period = rng.choice(PERIODS)
    year = int(period[-4:])
    roll = rng.random()
    scope = (
        f"của tỉnh {rng.choice(PROVINCES)}"
        if roll < 0.5
        else f"của {rng.choice(COMPANIES)}"
        if roll < 0.85
        else "toàn ngành"
    )
    v_text = f"{vn_number(value, decimals)} {unit}" if unit != "%" else f"{vn_number(value, 2)}%"
    p_text = f"{vn_number(pct, 1)}%"
    template = rng.choice(TEMPLATES)
    sentence = template.format(
        Period=period[0].upper() + period[1:],
        period=period,
        metric=metric,
        Metric=metric[0].upper() + metric[1:],
        scope=scope,
        v=v_text,
        p=p_text,
        base=f"năm {year - 1}",
    )
    scale, base_unit = SCALE_OF.get(unit, (1.0, None))
    facts = [
        dict(
            value_text=v_text,
            value=value,
            unit=unit,
            metric=f"{metric} {scope}",
            metric_en=metric_en,
            measure="share" if unit == "%" else "level",
            period=period,
            sector=sector,
            base_value=value * scale,
            base_unit=base_unit,
        )
    ]
    if "{p}" in template:
        facts.append(
            dict(
                value_text=p_text,
                value=pct,
                unit="%",
                metric=f"{metric} {scope}",
                metric_en=metric_en,
                measure="change",
                period=period,
                sector=sector,
                direction="down" if "giảm" in template else "up",
                compared_to="cùng kỳ" if "cùng kỳ" in template else f"năm {year - 1}",
                base_value=None,
                base_unit=None,
            )
        )
    return sentence, facts


def generate(n_facts: int, path: Path, seed: int = 20221218) -> None:
    """A KB of about n_facts synthetic facts (and one quote per ~20 facts)."""
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    KB.open(path, create=True).close()
    conn = migrations.sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    terms: Counter[str] = Counter()
    made = 0
    source_no = 0
    needle_at = {n_facts // 3: NEEDLES[0], 2 * n_facts // 3: NEEDLES[1]}
    while made < n_facts:
        source_no += 1
        sid = f"s{source_no:011x}"
        conn.execute(
            "INSERT INTO sources (id, sha256, title, date, url, outlet, author, path, n_facts, "
            "n_quotes) VALUES (?,?,?,?,?,?,?,?,0,0)",
            (
                sid,
                f"{source_no:064x}",
                f"Báo cáo tổng hợp số {source_no}",
                f"20{rng.randint(12, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"https://bench.example/{source_no}",
                rng.choice(("Nhân Dân", "VnExpress", "ICTnews", "Tuổi Trẻ", "Dân trí")),
                None,
                None,
            ),
        )
        fact_rows, quote_rows, speakers = [], [], {}
        for sentence_no in range(rng.randint(60, 140)):
            due = [at for at in needle_at if at <= made]
            planted = needle_at.pop(due[0]) if due else None
            if planted:
                text, vt, value, unit, metric, metric_en, period, sector, base = planted
                specs = [
                    dict(
                        value_text=vt,
                        value=value,
                        unit=unit,
                        metric=metric,
                        metric_en=metric_en,
                        measure="level",
                        period=period,
                        sector=sector,
                        base_value=base[0],
                        base_unit=base[1],
                    )
                ]
            else:
                text, specs = synthetic_sentence(rng)
            for spec in specs:
                start = text.index(spec["value_text"])
                f = Fact(
                    sentence=text,
                    sentence_ordinal=sentence_no,
                    span=(start, start + len(spec["value_text"])),
                    **spec,
                )
                search_text = fact_search_text(f)
                terms.update(migrations.index_terms(search_text))
                fact_rows.append(
                    (
                        f"f{made:011x}",
                        sid,
                        sentence_no,
                        sentence_no,
                        start,
                        start + len(f.value_text),
                        f.metric,
                        f.metric_en,
                        f.measure,
                        f.value,
                        f.unit,
                        f.value_text,
                        None,
                        None,
                        f.base_value,
                        f.base_unit,
                        f.period,
                        f.compared_to,
                        f.direction,
                        f.sector,
                        "[]",
                        text,
                        search_text,
                    )
                )
                made += 1
            if rng.random() < 0.1:
                from mickb.records import Quote, Speaker

                name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                role = rng.choice(ROLES)
                words = " ".join(rng.choice(part) for part in QUOTE_PARTS)
                qtext = f"{role} {name} nhấn mạnh: “{words}”."
                q = Quote(
                    text=words,
                    speaker=Speaker(name, role),
                    form="direct",
                    sentence=qtext,
                    sentence_ordinal=sentence_no,
                    span=(qtext.index(words), len(qtext) - 2),
                )
                pid = f"p{source_no:05x}{len(speakers):06x}"
                speakers.setdefault((name, role), pid)
                search_text = quote_search_text(q)
                terms.update(migrations.index_terms(search_text))
                quote_rows.append(
                    (
                        f"q{source_no:05x}{sentence_no:06x}",
                        sid,
                        sentence_no,
                        sentence_no,
                        q.span[0],
                        q.span[1],
                        words,
                        speakers[(name, role)],
                        name,
                        role,
                        "direct",
                        qtext,
                        search_text,
                    )
                )
        conn.executemany(
            "INSERT INTO facts (id, source_id, passage_ordinal, sentence_ordinal, span_start, "
            "span_end, metric, metric_en, measure, value, unit, value_text, total, qualifier, "
            "base_value, base_unit, period, compared_to, direction, sector, related, sentence, "
            "search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            fact_rows,
        )
        conn.executemany(
            "INSERT INTO speakers (id, name, role, source_id) VALUES (?,?,?,?)",
            [(pid, n, r, sid) for (n, r), pid in speakers.items()],
        )
        conn.executemany(
            "INSERT INTO quotes (id, source_id, passage_ordinal, sentence_ordinal, span_start, "
            "span_end, text, speaker_id, speaker_name, speaker_role, form, sentence, "
            "search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            quote_rows,
        )
        conn.execute(
            "UPDATE sources SET n_facts = ?, n_quotes = ? WHERE id = ?",
            (len(fact_rows), len(quote_rows), sid),
        )
    migrations.add_terms(conn, terms)
    conn.execute("COMMIT")
    for table in ("facts_fts", "quotes_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


# (query, filters, expected value_text in the top 3 or None)
QUERIES: list[tuple[str, dict[str, str], str | None]] = [
    ("doanh thu", {}, None),
    ("tăng", {}, None),
    ("năm 2022", {}, None),
    ("doanh thu năm 2022", {}, None),
    ("tỷ đồng", {}, None),
    ("so với cùng kỳ", {}, None),
    ("doanh thu dịch vụ viễn thông Đà Nẵng", {}, None),
    ("lợi nhuận sau thuế Viettel năm 2021", {}, None),
    ("số thuê bao băng rộng cố định Hà Nội", {}, None),
    ("nộp ngân sách nhà nước 2023", {}, None),
    ("doanh thu buu chinh", {}, None),
    ("thue bao di dong ha noi", {}, None),
    ("so doanh nghiep cong nghe so", {}, None),
    ("doanh th", {}, None),
    ("viễn th", {}, None),
    ("thuê b", {}, None),
    ("bưu ch", {}, None),
    ("vin thông", {}, None),
    ("doanh thuu", {}, None),
    ("lợi nhuạn sau thue", {}, None),
    ("thue bao smartphon", {}, None),
    ("138.000", {}, "138.000 tỷ đồng"),
    ("138 nghìn tỷ", {}, "138.000 tỷ đồng"),
    ("doanh thu viễn thông 138.000 tỷ đồng", {}, "138.000 tỷ đồng"),
    ("75,80%", {}, "75,80%"),
    ("thuê bao smartphone 75,8%", {}, "75,80%"),
    ("telecom revenue", {}, None),
    ("postal revenue 2022", {}, None),
    ("ICT contribution to GDP", {}, None),
    ("doanh thu", {"sector": "bưu chính"}, None),
    ("tăng", {"period": "2022"}, None),
    ("chuyển đổi số", {"speaker": "Bộ trưởng"}, None),
    ('"AND (', {}, None),
    ("th*", {}, None),
]


def measure_latency(path: Path, repeat: int) -> dict[str, Any]:
    from mickb.query.search import find

    samples: list[float] = []
    per_query: dict[str, float] = {}
    needles_ok = needles = 0
    with KB.open(path, readonly=True) as kb:
        for query, filters, _ in QUERIES:  # warm-up: page cache, imports, vocabulary
            find(kb, query, **filters)  # type: ignore[arg-type]
        for query, filters, expected in QUERIES:
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                hits = find(kb, query, **filters)  # type: ignore[arg-type]
                times.append((time.perf_counter() - t0) * 1000)
            samples += times
            per_query[query + (f" {filters}" if filters else "")] = statistics.median(times)
            if expected:
                needles += 1
                needles_ok += expected in [h.record.get("value_text") for h in hits[:3]]
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, int(0.95 * len(samples)))],
        "slowest": sorted(per_query.items(), key=lambda kv: -kv[1])[:3],
        "needles": f"{needles_ok}/{needles}",
    }


# VmHWM is the peak RSS of this process image; ru_maxrss survives exec and so may report
# the peak of the (large) parent that spawned it.
PEAK_KIB = """
def peak_kib():
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""


def measure_rss(path: Path) -> float:
    """Peak RSS (MiB) of a fresh process that opens the KB and runs the whole query set."""
    script = (
        PEAK_KIB + "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'src')!r}); sys.path.insert(0, {str(ROOT / 'bench')!r})\n"
        "from scale import QUERIES\n"
        "from mickb.kb.store import KB\nfrom mickb.query.search import find\n"
        f"kb = KB.open({str(path)!r}, readonly=True)\n"
        "for q, f, _ in QUERIES: find(kb, q, **f)\n"
        "print(peak_kib())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def baseline_rss() -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_KIB + "print(peak_kib())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip()) / 1024


def measure_ingest(megabytes: float) -> dict[str, Any] | str:
    """MB/s of report text through the real pipeline into a fresh KB (one process)."""
    try:
        from mickb.ingest.document import extract
        from mickb.ingest.read import load_document
    except ImportError as exc:
        return f"n/a ({exc})"
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="ingest-", dir=OUT))  # removed at the end
    total = 0
    files = []
    per_file = 512 * 1024
    for i in range(max(1, int(megabytes * 1024 * 1024 / per_file))):
        paragraphs, size = [f"# Báo cáo tổng hợp số {i}\n"], 0
        while size < per_file:
            para = " ".join(
                synthetic_sentence(rng)[0] if rng.random() < 0.25 else narrative_sentence(rng)
                for _ in range(rng.randint(2, 6))
            )
            paragraphs.append(para)
            size += len(para.encode())
        path = folder / f"report_{i:03d}.md"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        total += path.stat().st_size
        files.append(path)
    kb_path = folder / "kb.sqlite"
    facts = 0
    phases = {"read": 0.0, "extract": 0.0, "store": 0.0}
    try:
        with KB.open(kb_path, create=True) as kb:
            for path in files:
                t0 = time.perf_counter()
                doc = load_document(path)
                t1 = time.perf_counter()
                fs, qs = extract(doc)
                t2 = time.perf_counter()
                facts += kb.add_document(doc, fs, qs).facts
                t3 = time.perf_counter()
                phases["read"] += t1 - t0
                phases["extract"] += t2 - t1
                phases["store"] += t3 - t2
    except Exception as exc:  # the pipeline may still be under construction
        return f"n/a ({type(exc).__name__}: {exc})"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = sum(phases.values())
    return {
        "mb": total / 1e6,
        "seconds": seconds,
        "mb_s": total / 1e6 / seconds,
        "facts": facts,
        "phases": phases,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--regen", action="store_true", help="rebuild the synthetic KBs")
    parser.add_argument("--ingest-mb", type=float, default=4.0, help="0 to skip")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        path = OUT / f"scale_{n}.sqlite"
        if args.regen or not path.exists():
            t0 = time.perf_counter()
            generate(n, path)
            print(
                f"generated {path.name}: {n:,} facts, {path.stat().st_size / 1e6:.0f} MB "
                f"in {time.perf_counter() - t0:.0f} s",
                file=sys.stderr,
            )
        latency = measure_latency(path, args.repeat)
        latency["rss"] = measure_rss(path)
        latency["n"] = n
        latency["gb"] = path.stat().st_size / 1e9
        rows.append(latency)

    floor = baseline_rss()
    first, last = rows[0], rows[-1]
    print(
        f"\nfind over {len(QUERIES)} queries x {args.repeat} (warm), "
        f"Python {sys.version.split()[0]}, SQLite {migrations.sqlite3.sqlite_version}"
    )
    print(
        f"{'facts':>10} {'GB':>6} {'median ms':>10} {'p95 ms':>8} {'peak RSS MiB':>13} "
        f"{'needles top3':>13}"
        "  slowest (median ms)"
    )
    for r in rows:
        slow = ", ".join(f"{q!r} {t:.1f}" for q, t in r["slowest"])
        print(
            f"{r['n']:>10,} {r['gb']:>6.2f} {r['median']:>10.2f} {r['p95']:>8.2f} "
            f"{r['rss']:>13.1f} {r['needles']:>13}  {slow}"
        )
    print(f"\n{'goal':<34} {'measured':>12}  met")
    checks = [
        (f"median at {last['n']:,} <= 20 ms", f"{last['median']:.2f} ms", last["median"] <= 20),
        (f"p95 at {last['n']:,} <= 60 ms", f"{last['p95']:.2f} ms", last["p95"] <= 60),
        (
            f"median {last['n']:,}/{first['n']:,} <= 3x",
            f"{last['median'] / first['median']:.2f}x",
            last["median"] / first["median"] <= 3,
        ),
        (
            f"p95 {last['n']:,}/{first['n']:,} <= 3x",
            f"{last['p95'] / first['p95']:.2f}x",
            last["p95"] / first["p95"] <= 3,
        ),
        (
            "peak RSS of a query <= 60 MiB",
            f"{max(r['rss'] for r in rows):.1f} MiB",
            max(r["rss"] for r in rows) <= 60,
        ),
    ]
    for goal, measured, ok in checks:
        print(f"{goal:<34} {measured:>12}  {'yes' if ok else 'NO'}")
    for goal, measured, ok in checks:
        what, _, target = goal.rpartition(" <= ")
        goal_line(f"find: {what}", measured, f"<= {target}", ok)
    print(f"(a bare `python -c pass` peaks at {floor:.1f} MiB)")
    if args.ingest_mb > 0:
        ingest = measure_ingest(args.ingest_mb)
        if isinstance(ingest, dict):
            split = ", ".join(
                f"{k} {v:.1f} s ({ingest['mb'] / v:.2f} MB/s)"
                for k, v in ingest["phases"].items()
                if v
            )
            print(
                f"{'ingest >= 1 MB/s per core':<34} {ingest['mb_s']:>7.2f} MB/s  "
                f"{'yes' if ingest['mb_s'] >= 1 else 'NO'}  ({ingest['mb']:.1f} MB, "
                f"{ingest['facts']:,} facts, {ingest['seconds']:.1f} s: {split})"
            )
        else:
            print(f"{'ingest >= 1 MB/s per core':<34} {ingest}")
    print(json.dumps({"rows": rows}, ensure_ascii=False, default=str), file=sys.stderr)


if __name__ == "__main__":
    main()
