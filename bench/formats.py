"""PDF readers compared on our own Vietnamese report (tests/docmaker.py): two columns drawn
line by line across the page, a running header, page numbers, a hyphenated word, a ruled
table. For each library: import time, seconds and MB/s of text for a 3-page and a ~40-page
copy, and text quality (how many of the report's paragraphs come out whole, whether the
header and page numbers are gone, whether the table's figure keeps its unit). Then the
chosen path end to end (mickb's PDF reader in its child process, DOCX, an HTML page).

    python bench/formats.py            # needs pdfplumber, pdfminer.six and pypdf for the rivals
    python bench/formats.py --json

Rivals that are not installed are skipped. Each timing is the best of 3 runs in this process
(imports excluded); import times are measured in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docmaker  # noqa: E402


def _pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdfium_plain(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _mickb_in_process(path: Path) -> str:
    from mickb.ingest.formats.pdf import _convert

    return "\n\n".join(_convert(str(path))["blocks"])


def _mickb(path: Path) -> str:
    from mickb.ingest.formats.pdf import pdf_to_text

    return "\n\n".join(pdf_to_text(path).blocks)


READERS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "pypdf": ("pypdf", _pypdf),
    "pdfminer.six": ("pdfminer.high_level", _pdfminer),
    "pdfplumber": ("pdfplumber", _pdfplumber),
    "pypdfium2 (plain text)": ("pypdfium2", _pdfium_plain),
    "mickb: pypdfium2 + layout": ("mickb.ingest.formats.pdf", _mickb_in_process),
    "mickb, child process": ("mickb.ingest.formats.pdf", _mickb),
}


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def import_ms(module: str) -> float:
    """Median wall time of `import module` in a fresh interpreter, less a bare one."""

    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        return time.perf_counter() - start

    bare = sorted(once("pass") for _ in range(5))[2]
    loaded = sorted(once(f"import {module}") for _ in range(5))[2]
    return max(0.0, (loaded - bare) * 1000)


def best_of(fn: Callable[[Path], str], path: Path, runs: int = 3) -> tuple[float, str]:
    best, text = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        text = fn(path)
        best = min(best, time.perf_counter() - start)
    return best, text


def quality(text: str) -> dict[str, object]:
    flat = " ".join(text.split())
    paragraphs = docmaker.PARAGRAPHS + docmaker.DISTRICT_PARAGRAPHS + [docmaker.CLOSING]
    whole = sum(1 for p in paragraphs if p in flat)
    return {
        "paragraphs_whole": f"{whole}/{len(paragraphs)}",
        "header_gone": "118/BC-STTTT" not in flat,
        "page_numbers_gone": "Trang 1/3" not in flat,
        "hyphen_mended": "Internet" in flat and "Inter-" not in flat,
        "table_row_with_unit": "4.870 tỷ đồng" in flat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not docmaker.have_pdf_tools():
        sys.exit("bench/formats.py needs reportlab and a DejaVu font to make its PDFs")
    folder = Path(tempfile.mkdtemp(prefix="mickb-formats-"))
    small = docmaker.make_report_pdf(folder / "report.pdf")
    big = docmaker.make_report_pdf(folder / "report-x15.pdf", copies=15)
    rows = []
    for name, (module, fn) in READERS.items():
        if not _available(module):
            rows.append({"reader": name, "skipped": f"{module} is not installed"})
            continue
        fn(small)  # warm: imports and first-call set-up are not the reader's speed
        t_small, text_small = best_of(fn, small)
        t_big, text_big = best_of(fn, big)
        rows.append(
            {
                "reader": name,
                "import_ms": round(import_ms(module), 1),
                "small_s": round(t_small, 3),
                "big_s": round(t_big, 3),
                "big_text_mb_per_s": round(len(text_big.encode()) / 1e6 / t_big, 3),
                "big_file_mb_per_s": round(big.stat().st_size / 1e6 / t_big, 2),
                **quality(text_small),
            }
        )
    others = []
    docx = docmaker.make_report_docx(folder / "report.docx")
    from mickb.ingest.formats.docx import docx_to_text

    t_docx, _ = best_of(lambda p: docx_to_text(p).text(), docx)
    others.append({"reader": "python-docx (report.docx)", "seconds": round(t_docx, 3)})
    page = (ROOT / "tests" / "test_url_ingest.py").read_text(encoding="utf-8")
    html = page.split('ARTICLE = """', 1)[1].split('"""', 1)[0]
    from mickb.ingest.formats.html import html_to_text

    t_html, _ = best_of(lambda _: html_to_text(html).text(), folder)
    others.append({"reader": "trafilatura (news page, 3 KB)", "seconds": round(t_html, 4)})
    for module in ("docx", "trafilatura"):
        others.append({"reader": f"import {module}", "ms": round(import_ms(module), 1)})
    result = {
        "pdf_pages": {"small": 3, "big": len(_pdfium_pages(big))},
        "pdf_bytes": {"small": small.stat().st_size, "big": big.stat().st_size},
        "pdf": rows,
        "other": others,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(
        f"PDF: 3 pages ({small.stat().st_size // 1024} KB) and {result['pdf_pages']['big']} pages"
    )
    head = ("reader", "import ms", "3 p. s", "big s", "text MB/s", "paragraphs", "hdr", "pg#",
            "hyph", "table")  # fmt: skip
    print(" | ".join(head))
    for row in rows:
        if "skipped" in row:
            print(f"{row['reader']} | skipped: {row['skipped']}")
            continue
        print(
            " | ".join(
                str(row[k])
                for k in (
                    "reader",
                    "import_ms",
                    "small_s",
                    "big_s",
                    "big_text_mb_per_s",
                    "paragraphs_whole",
                    "header_gone",
                    "page_numbers_gone",
                    "hyphen_mended",
                    "table_row_with_unit",
                )  # fmt: skip
            )
        )
    for row in others:
        print(" | ".join(f"{k}: {v}" for k, v in row.items()))


def _pdfium_pages(path: Path) -> list[int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return list(range(len(pdf)))
    finally:
        pdf.close()


if __name__ == "__main__":
    main()
