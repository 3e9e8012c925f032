"""PDF files through PDFium (pypdf2ium2): text in reading order, as paragraphs.

PDFium gives the text of a page as runs with their boxes, fonts and sizes, and the page's
drawn lines. On top of that, this module:
- orders the runs as a reader would: a page set in columns is read column by column, and
  what spans the columns (a title, a table) breaks the page into bands read top to bottom;
- drops running headers and footers (text in a page's top or bottom margin that recurs on
  other pages, numbers aside) and page numbers;
- rebuilds paragraphs from lines (a gap, a change of size or weight, or a short line that
  ends a sentence ends one), mends words hyphenated across lines ("Inter-"/"net" -> "Internet";
  a hyphen between Vietnamese syllables stays: "kinh tế-xã hội");
- reads ruled tables cell by cell from the lines drawn around them, one row a line.

The bench (bench/formats.py) compares it with pdfplumber, pdfminer.six and pypdf on the same
Vietnamese documents: PDFium is 40-100x faster and the only one that refuses all the hostile
files of tests/test_formats_pdf.py quickly. Its parser is C++: a PDF is read in a child
process with caps on memory and CPU time, so that a file built to exhaust either (a stream
that inflates to gigabytes, say) is refused without harm to the ingest that met it.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mickb.ingest.formats import (
    MAX_PDF_BYTES,
    Converted,
    plausible_author,
    plausible_title,
    refuse,
    table_rows,
)
from mickb.records import SourceMeta

MAX_CPU_SECONDS = 120
MAX_MEMORY_BYTES = 2 << 30  # address space of the child that parses the PDF
NO_TEXT = "no text: it needs OCR"


class _Refusal(Exception):
    def __init__(self, why: str, todo: str) -> None:
        super().__init__(why)
        self.why, self.todo = why, todo


def pdf_to_text(path: Path, name: str | None = None) -> Converted:
    """The text of a PDF file, or an `UnreadableDocument` that says why not."""
    name = name or str(path)
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise refuse(
            name,
            f"the file is larger than {MAX_PDF_BYTES >> 20} MB",
            "split it into smaller PDFs, or save its text, and ingest those",
        )
    try:
        if _can_sandbox():
            result = _convert_in_child(path, name)
        else:
            result = _convert(str(path))
    except _Refusal as exc:
        raise refuse(name, exc.why, exc.todo) from None
    meta = SourceMeta(**result["meta"])
    return Converted(result["blocks"], meta, created=result["created"])


# --- the child process ----------------------------------------------------------------------


def _can_sandbox() -> bool:
    if os.environ.get("MICKB_PDF_IN_PROCESS") == "1":
        return False
    try:
        import resource  # noqa: F401
    except ImportError:  # Windows: no rlimits, read in this process
        return False
    return True


def _limit_child() -> None:  # runs in the child, before it starts
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (MAX_CPU_SECONDS, MAX_CPU_SECONDS + 5))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MAX_MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(MAX_MEMORY_BYTES, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _convert_in_child(path: Path, name: str) -> dict[str, Any]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mickb.ingest.formats.pdf", str(path)],
            capture_output=True,
            timeout=MAX_CPU_SECONDS * 1.5,
            env=env,
            preexec_fn=_limit_child,  # noqa: PLW1509 (no threads start before exec)
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _Refusal(
            f"reading it took longer than {int(MAX_CPU_SECONDS * 1.5)} s "
            "(a damaged or hostile file?)",
            "open it in a PDF reader and print it to a new PDF, or save its text, and ingest that",
        ) from None
    try:
        result: dict[str, Any] = json.loads(proc.stdout)
    except ValueError:
        if proc.returncode < 0 or b"MemoryError" in proc.stderr or b"bad_alloc" in proc.stderr:
            why = (
                f"reading it needed more than {MAX_MEMORY_BYTES >> 30} GB of memory or "
                f"{MAX_CPU_SECONDS} s (a damaged or hostile file?)"
            )
        else:
            last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            why = f"the PDF reader failed ({last[0][:200]})"
        raise _Refusal(
            why,
            "open it in a PDF reader and print it to a new PDF, or save its text, and ingest that",
        ) from None
    if "refused" in result:
        raise _Refusal(*result["refused"])
    return result


def main(argv: list[str] | None = None) -> None:
    """`python -m mickb.ingest.formats.pdf FILE`: the conversion as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    try:
        result = _convert(args[0])
    except _Refusal as exc:
        result = {"refused": [exc.why, exc.todo]}
    except RecursionError:
        result = {
            "refused": [
                "its objects nest without end (a damaged or hostile file)",
                "open it in a PDF reader and print it to a new PDF",
            ]
        }
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


# --- reading the pages ---------------------------------------------------------------------


@dataclass
class _Run:
    """A piece of text on one line of a page: PDF coordinates turned top-down."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    page: int = 0
    limit: float = 0.0  # the right edge of the column the run is in (set by `_order`)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class _Table:
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str]]
    page: int = 0


@dataclass
class _Page:
    width: float
    height: float
    runs: list[_Run] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)


def _open(path: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise _Refusal(
                "it is encrypted (password-protected)",
                "open it with its password and save or print an unprotected copy, then ingest that",
            ) from None
        raise _Refusal(
            f"this PDF is damaged or not a PDF ({message})",
            "open it in a PDF reader and print it to a new PDF, then ingest that",
        ) from None


def _convert(path: str) -> dict[str, Any]:
    import pypdfium2 as pdfium

    pdf = _open(path)
    try:
        pages = []
        failed = 0
        for index in range(len(pdf)):
            try:
                pages.append(_read_page(pdf, index))
            except (pdfium.PdfiumError, RecursionError):
                failed += 1
                pages.append(_Page(0, 0))
        has_text = any(p.runs or p.tables for p in pages)
        if failed and not has_text:
            raise _Refusal(
                f"{failed} of its {len(pages)} pages cannot be read and the others hold no "
                "text (a damaged or hostile file?)",
                "open it in a PDF reader and print it to a new PDF, then ingest that",
            )
        if not has_text:
            raise _Refusal(
                f"{NO_TEXT} (its {len(pages)} page{'s' if len(pages) != 1 else ''} hold no "
                "text layer, only pictures or nothing: a scan?)",
                "run it through OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and ingest the result",
            )
        info = pdf.get_metadata_dict()
    finally:
        pdf.close()
    _drop_running_lines(pages)
    blocks = list(_paragraphs(_reading_order(pages)))
    if not blocks:
        raise _Refusal(NO_TEXT, "run it through OCR first and ingest the result")
    return {
        "blocks": blocks,
        "meta": SourceMeta(
            title=plausible_title(info.get("Title")), author=plausible_author(info.get("Author"))
        ).to_dict(),
        "created": _pdf_date(info.get("CreationDate")),
    }


def _pdf_date(value: str | None) -> str | None:
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not match:
        return None
    y, m, d = (int(g) for g in match.groups())
    if 1990 <= y <= 2200 and 1 <= m <= 12 and 1 <= d <= 31 and (y, m, d) != (2000, 1, 1):
        return f"{y:04d}-{m:02d}-{d:02d}"  # reportlab's "invariant" date says nothing
    return None


def _read_page(pdf: Any, index: int) -> _Page:
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        result = _Page(width, height)
        tables = _ruled_tables(page, textpage, height)
        result.tables = tables
        for k in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(k)
            text = textpage.get_text_bounded(left, bottom, right, top)
            text = text.replace("\r", " ").replace("\n", " ")
            if not text.strip():
                continue
            cx, cy = (left + right) / 2, height - (bottom + top) / 2
            if any(t.x0 <= cx <= t.x1 and t.top <= cy <= t.bottom for t in tables):
                continue
            char = raw.FPDFText_GetCharIndexAtPos(
                textpage.raw, left + 0.5, (bottom + top) / 2, 2.0, 2.0
            )
            size = raw.FPDFText_GetFontSize(textpage.raw, char) if char >= 0 else 0.0
            weight = raw.FPDFText_GetFontWeight(textpage.raw, char) if char >= 0 else 400
            result.runs.append(
                _Run(
                    left,
                    right,
                    height - top,
                    height - bottom,
                    text,
                    round(size or (top - bottom), 1),
                    weight >= 600,
                    index,
                )
            )
        for table in tables:
            table.page = index
        return result
    finally:
        page.close()


# --- ruled tables ------------------------------------------------------------------------------


def _segments(page: Any, height: float) -> Iterator[tuple[float, float, float, float]]:
    """Straight horizontal and vertical strokes drawn on the page, top-down coordinates."""
    import ctypes

    import pypdfium2.raw as raw

    for obj in page.get_objects(max_depth=1):
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 3 or top - bottom <= 3:
            # A thin stroke or a thin filled box: its bounds are the line.
            if right - left > 3 or top - bottom > 3:
                yield left, height - top, right, height - bottom
            continue
        matrix = obj.get_matrix()
        count = raw.FPDFPath_CountSegments(obj.raw)
        if count <= 0 or count > 2000:
            yield left, height - top, left, height - bottom  # a box: its four sides
            yield right, height - top, right, height - bottom
            yield left, height - top, right, height - top
            yield left, height - bottom, right, height - bottom
            continue
        x, y = ctypes.c_float(), ctypes.c_float()
        start = current = None
        for i in range(count):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, i)
            if not raw.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            a, b, c, d, e, f = matrix.get()
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = current = point
                continue
            if current is not None and kind == raw.FPDF_SEGMENT_LINETO:
                yield _stroke(current, point, height)
            current = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                yield _stroke(current, start, height)
                current = start


def _stroke(
    p: tuple[float, float], q: tuple[float, float], height: float
) -> tuple[float, float, float, float]:
    return min(p[0], q[0]), height - max(p[1], q[1]), max(p[0], q[0]), height - min(p[1], q[1])


def _cluster(values: Iterable[float], tolerance: float = 2.5) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


def _ruled_tables(page: Any, textpage: Any, height: float) -> list[_Table]:
    horizontals, verticals = [], []
    for x0, top, x1, bottom in _segments(page, height):
        if bottom - top <= 3 and x1 - x0 >= 8:
            horizontals.append((x0, x1, (top + bottom) / 2))
        elif x1 - x0 <= 3 and bottom - top >= 8:
            verticals.append(((x0 + x1) / 2, top, bottom))
    if len(horizontals) < 2 or len(verticals) < 2:
        return []
    # Group strokes that touch into grids (most pages have one table, if any).
    strokes: list[tuple[str, tuple[float, float, float]]] = [("h", h) for h in horizontals] + [
        ("v", v) for v in verticals
    ]
    parent = list(range(len(strokes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(strokes) if s[0] == "h"]
    vs = [i for i, s in enumerate(strokes) if s[0] == "v"]
    for i in hs:
        x0, x1, y = strokes[i][1]
        for j in vs:
            x, top, bottom = strokes[j][1]
            if x0 - 2 <= x <= x1 + 2 and top - 2 <= y <= bottom + 2:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(strokes)):
        groups.setdefault(find(i), []).append(i)
    tables = []
    for members in groups.values():
        h = [strokes[i][1] for i in members if strokes[i][0] == "h"]
        v = [strokes[i][1] for i in members if strokes[i][0] == "v"]
        ys = _cluster(y for _, _, y in h)
        xs = _cluster(x for x, _, _ in v)
        if len(ys) < 3 or len(xs) < 3:  # at least two rows and two columns
            continue
        rows = []
        for top, bottom in zip(ys, ys[1:], strict=False):
            middle = (top + bottom) / 2
            # The column borders that cross this row (a missing one merges two cells).
            borders = [
                x
                for x in xs
                if any(abs(x - vx) <= 2.5 and vt - 2 <= middle <= vb + 2 for vx, vt, vb in v)
            ]
            if len(borders) < 2:
                continue
            cells = []
            for left, right in zip(borders, borders[1:], strict=False):
                text = textpage.get_text_bounded(
                    left + 0.5, height - bottom + 0.5, right - 0.5, height - top - 0.5
                )
                cells.append(" ".join(text.replace("\x02", "-").split()))
            rows.append(cells)
        if rows and any(any(c for c in row) for row in rows):
            tables.append(_Table(xs[0], xs[-1], ys[0], ys[-1], rows))
    return tables


# --- running headers, footers, page numbers --------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:trang|page|tr\.?)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of|trên)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_MARGIN = 0.1  # the top and bottom tenth of a page


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _drop_running_lines(pages: list[_Page]) -> None:
    def in_margin(run: _Run, page: _Page) -> bool:
        return run.bottom <= page.height * _MARGIN + 2 or run.top >= page.height * (1 - _MARGIN) - 2

    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_margin_key(r.text) for r in page.runs if in_margin(r, page)})
    with_text = sum(1 for p in pages if p.runs)
    repeated = {k for k, n in seen.items() if n >= 2 and n >= 0.4 * with_text}
    for page in pages:
        page.runs = [
            r
            for r in page.runs
            if not (
                in_margin(r, page)
                and (_margin_key(r.text) in repeated or _PAGE_NUMBER_RE.match(r.text.strip()))
            )
        ]


# --- reading order --------------------------------------------------------------------------

_Item = _Run | _Table


def _reading_order(pages: list[_Page]) -> Iterator[_Item | None]:
    """Every page's runs and tables in reading order; None between pages."""
    for page in pages:
        items: list[_Item] = [*_lines(page.runs), *page.tables]
        yield from _order(items)
        yield None


def _lines(runs: list[_Run]) -> list[_Run]:
    """Runs on one baseline with a word's gap or less between them, as one run."""
    out: list[_Run] = []
    for run in sorted(runs, key=lambda r: (round(r.top), r.x0)):
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last.top - run.top) <= 0.5 * min(last.height, run.height)
            and 0 <= run.x0 - last.x1 <= max(run.size, 4.0) * 0.9
            and last.size == run.size
        ):
            joiner = "" if last.text.endswith(" ") or run.text.startswith(" ") else " "
            if run.x0 - last.x1 < 0.15 * run.size:
                joiner = ""
            last.text = last.text + joiner + run.text
            last.x1 = max(last.x1, run.x1)
            last.bottom = max(last.bottom, run.bottom)
            continue
        out.append(
            _Run(run.x0, run.x1, run.top, run.bottom, run.text, run.size, run.bold, run.page)
        )
    return out


def _order(items: list[_Item]) -> list[_Item]:
    if len(items) < 4:
        return _by_rows(items)
    gutter = _gutter(items)
    if gutter is None:
        return _by_rows(items)
    region_right = max(i.x1 for i in items)
    middle = sum(gutter) / 2
    out: list[_Item] = []
    left: list[_Item] = []
    right: list[_Item] = []
    for item in sorted(items, key=lambda i: i.top):
        if item.x1 <= middle:
            left.append(item)
        elif item.x0 >= middle:
            right.append(item)
        else:  # spans the columns: what came before it is read first
            out += _order(left) + _order(right)
            left, right = [], []
            if isinstance(item, _Run):
                item.limit = region_right
            out.append(item)
    return out + _order(left) + _order(right)


def _gutter(items: list[_Item]) -> tuple[float, float] | None:
    """The widest vertical strip between two columns of prose that few items cross."""
    lines = [i for i in items if isinstance(i, _Run)]
    if len(lines) < 4:
        return None
    x_min = min(i.x0 for i in items)
    x_max = max(i.x1 for i in items)
    span = x_max - x_min
    if span < 100:
        return None
    size = statistics.median(r.size for r in lines) or 10.0
    bins = [0] * (int(span) + 2)
    for item in items:
        for x in range(int(item.x0 - x_min), min(len(bins), int(item.x1 - x_min) + 1)):
            bins[x] += 1
    # The strip is where the fewest items are (those that span the columns), and no more.
    middle_bins = bins[int(0.2 * span) : int(0.8 * span) + 1]
    allowed = min(middle_bins) if middle_bins else 0
    if allowed > 0.15 * len(items):
        return None
    best: tuple[float, float] | None = None
    start = None
    for x, count in enumerate([*bins, allowed + 1]):
        if count <= allowed and start is None:
            start = x
        elif count > allowed and start is not None:
            a, b = x_min + start, x_min + x
            if (
                b - a >= max(6.0, 0.8 * size)
                and a >= x_min + 0.2 * span
                and b <= x_max - 0.2 * span
                and (best is None or b - a > best[1] - best[0])
            ):
                best = (a, b)
            start = None
    if best is None:
        return None
    a, b = best
    middle = (a + b) / 2
    left = [r.x1 - r.x0 for r in lines if r.x1 <= middle]
    right = [r.x1 - r.x0 for r in lines if r.x0 >= middle]
    # Columns of prose fill their width; the cells of a table without rules do not.
    if not left or not right:
        return None
    if _upper_quartile(left) < 0.6 * (middle - x_min) or _upper_quartile(right) < 0.6 * (
        x_max - middle
    ):
        return None
    return best


def _upper_quartile(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[round(0.75 * (len(ordered) - 1))]


def _by_rows(items: list[_Item]) -> list[_Item]:
    """Top to bottom; pieces of one visual row (cells of a table without rules) joined
    left to right with " | "."""
    right_edge = max((i.x1 for i in items), default=0.0)
    for item in items:
        if isinstance(item, _Run):
            item.limit = right_edge
    out: list[_Item] = []
    for item in sorted(items, key=lambda i: (i.top, i.x0)):
        last = out[-1] if out else None
        if (
            isinstance(item, _Run)
            and isinstance(last, _Run)
            and abs(last.top - item.top) <= 0.5 * min(last.height, item.height)
            and item.x0 > last.x1
        ):
            last.text = f"| {last.text.strip().strip('|').strip()} | {item.text.strip()} |"
            last.x1 = item.x1
            continue
        out.append(item)
    return out


# --- paragraphs --------------------------------------------------------------------------------

_TERMINAL = '.!?:;…"”’»)]'
_HYPHENS = "-\x02\xad‐"


def _mend(left: str, right: str) -> str:
    """Two lines of one paragraph as one: a word hyphenated across them made whole."""
    left, right = left.rstrip(), right.lstrip()
    if (
        left
        and left[-1] in _HYPHENS
        and len(left) > 1
        and left[-2].isalpha()
        and right[:1].isalpha()
    ):
        stem = left[:-1]
        if left[-1] == "\xad" or (stem[-1].isascii() and right[0].isascii() and right[0].islower()):
            return stem + right  # "Inter-" + "net"
        return stem + "-" + right  # "kinh tế-" + "xã hội": the hyphen is the text's own
    return f"{left} {right}"


def _paragraphs(items: Iterable[_Item | None]) -> Iterator[str]:
    """Lines of text and tables, in reading order, as paragraphs: a title ("# "), headings
    ("## "), body paragraphs mended across line breaks, columns and pages, and table rows."""
    listed = list(items)
    runs = [i for i in listed if isinstance(i, _Run)]
    if not runs:
        for item in listed:
            if isinstance(item, _Table):
                yield from table_rows(item.rows)
        return
    sizes = _Sizes(runs)
    current: list[str] = []
    current_kind = ""
    prev: _Run | None = None
    right_edge = 0.0
    for item in listed:
        if item is None:
            continue
        if isinstance(item, _Table):
            yield from _joined(current, current_kind)
            current, current_kind, prev = [], "", None
            yield from table_rows(item.rows)
            continue
        text = item.text.strip()
        if not text:
            continue
        kind = sizes.kind(item, text)
        if _starts_paragraph(item, text, kind, current_kind, prev, sizes.body, right_edge):
            yield from _joined(current, current_kind)
            current, current_kind, right_edge = [], kind, item.x1
        right_edge = max(right_edge, item.x1)
        current.append(text)
        prev = item
    yield from _joined(current, current_kind)


class _Sizes:
    """The type sizes of a document: its body text's, and the title's (the largest on the
    first page, used once)."""

    def __init__(self, runs: list[_Run]) -> None:
        self.body = Counter(r.size for r in runs for _ in range(len(r.text))).most_common(1)[0][0]
        self.first_page = runs[0].page
        self.title = max(r.size for r in runs if r.page == self.first_page)
        self.title_done = False
        self._last = ""

    def kind(self, item: _Run, text: str) -> str:
        """title, heading or body."""
        kind = "body"
        if not text.startswith("|") and len(text) <= 200:
            if (
                not self.title_done
                and item.page == self.first_page
                and item.size >= 1.15 * self.body
                and item.size == self.title
            ):
                kind = "title"
            elif item.size >= 1.15 * self.body or (item.bold and text[-1] not in ".,;"):
                kind = "heading"
        if kind != "title" and self._last == "title":
            self.title_done = True
        self._last = kind
        return kind


def _starts_paragraph(
    item: _Run,
    text: str,
    kind: str,
    current_kind: str,
    prev: _Run | None,
    body_size: float,
    right_edge: float,
) -> bool:
    if (
        prev is None
        or text.startswith("|")
        or kind != current_kind
        or prev.text.strip().startswith("|")
        or abs(item.size - prev.size) > 0.15 * body_size
    ):
        return True
    ends = prev.text.rstrip()[-1:] in _TERMINAL
    if item.page == prev.page and item.top > prev.top:
        gap = item.top - prev.bottom
        # A line that stops well short of its column's edge ends its paragraph, unless the
        # next one goes on with a lower-case word.
        short = prev.x1 < max(prev.limit, right_edge) - 4 * item.size
        return gap > 0.8 * item.size or (short and (ends or not text[0].islower()))
    return ends  # a new column or page: the paragraph goes on unless the line ended one


def _joined(lines: list[str], kind: str) -> Iterator[str]:
    """A paragraph's lines as one text, hyphenated words mended."""
    if not lines:
        return
    text = lines[0]
    for line in lines[1:]:
        text = _mend(text, line)
    text = " ".join(text.replace("\x02", "-").split())
    if kind == "title":
        text = "# " + text
    elif kind == "heading":
        text = "## " + text
    if text.startswith("|") and not text.endswith("|"):
        text += " |"
    yield text


if __name__ == "__main__":
    main()
