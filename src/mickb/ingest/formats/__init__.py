"""Documents that are not plain text, turned into the text the Cleaner reads.

One module per job: `pdf.py` (PDF, through PDFium), `docx.py` (Word, through python-docx),
`html.py` (web pages, through trafilatura), `web.py` (fetching a URL). Each gives a
`Converted`: paragraphs separated by blank lines, table rows as `| cell | cell |` lines (the
Cleaner keeps each row a paragraph of its own, cells joined by " | "), and what the file says
about itself (title, author, date, site, address) as YAML front matter at the top, the same
path a markdown file's metadata takes, so that `merge_meta` treats both alike. A date the
file only records as its creation date goes in as `created:`, which the Cleaner uses only
when the text states no date of its own.

The libraries are imported inside the functions that need them: `mickb find` never loads
them, and ingest loads each only when a document of its kind comes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mickb.errors import UnreadableDocument
from mickb.records import SourceMeta

# What a document of each kind may weigh before it is refused unread (bytes).
MAX_PDF_BYTES = 256 << 20
MAX_DOCX_BYTES = 128 << 20
MAX_HTML_BYTES = 32 << 20


_URL_RE = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def is_url(text: str) -> bool:
    """An http(s) address (what `ingest` fetches rather than opens as a path)."""
    return bool(_URL_RE.match(text.strip()))


def refuse(name: str, why: str, todo: str) -> UnreadableDocument:
    return UnreadableDocument(f"{name}: {why}; {todo}")


@dataclass
class Converted:
    """A document as text: front matter, then paragraphs and table rows."""

    blocks: list[str] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    created: str | None = None  # ISO date the file records, used only if the text has none

    def text(self) -> str:
        return front_matter(self.meta, self.created) + "\n\n".join(self.blocks) + "\n"


_JUNK_TITLE_RE = re.compile(
    r"^(?:microsoft word\b|untitled|document\d*$|slide \d+|báo cáo$|tiêu đề$)"
    r"|\.(?:docx?|pdf|rtf|odt)\b",
    re.IGNORECASE,
)
_JUNK_AUTHOR_RE = re.compile(
    r"^(?:admin(?:istrator)?|user\d*|owner|author|pc|hp|dell|lenovo|asus|acer|windows user|"
    r"anonymous|unknown|default|may\d*|máy \d+|\W+|\d+)$",
    re.IGNORECASE,
)


def plausible_title(value: str | None) -> str | None:
    """A title property worth keeping: not a file name or a template's placeholder."""
    value = " ".join((value or "").split())
    if len(value) < 4 or _JUNK_TITLE_RE.search(value):
        return None
    return value


def plausible_author(value: str | None) -> str | None:
    """An author property worth keeping: not the login name of the machine that saved it."""
    value = " ".join((value or "").split())
    if len(value) < 3 or _JUNK_AUTHOR_RE.match(value):
        return None
    return value


def _yaml_value(value: str) -> str:
    value = " ".join(value.split())
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(meta: SourceMeta, created: str | None = None) -> str:
    """`---` lines the Cleaner reads back into a `SourceMeta` (empty when nothing is known)."""
    lines = [
        f"{key}: {_yaml_value(value)}"
        for key, value in (
            ("title", meta.title),
            ("date", meta.date),
            ("author", meta.author),
            ("outlet", meta.outlet),
            ("url", meta.url),
            ("created", created),
        )
        if value and value.strip()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


# --- tables ------------------------------------------------------------------------------

_NUMBER_CELL_RE = re.compile(r"^[-+−]?\d[\d.,\s]*%?$")
_UNIT_HEADER_RE = re.compile(r"^(?:đơn vị(?: tính)?|đvt|unit)\W*$", re.IGNORECASE)
_HEADER_UNIT_RE = re.compile(r"\(\s*([^()]{1,20}?)\s*\)\s*$")


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def table_rows(rows: Sequence[Sequence[str]]) -> list[str]:
    """Table rows as `| a | b |` lines a figure can be read from.

    A column of units ("Đơn vị", "ĐVT") is folded into the numbers of its row, and a unit a
    column's heading gives in brackets ("So cùng kỳ (%)") into the numbers of that column:
    "| Doanh thu | 4.870 tỷ đồng | 109,5% |" reads as a figure with its unit."""
    grid = [[_cell(c) for c in row] for row in rows]
    grid = [row for row in grid if any(row)]
    if not grid:
        return []
    header = grid[0]
    unit_col = next((i for i, h in enumerate(header) if _UNIT_HEADER_RE.match(h)), None)
    if unit_col is not None and len(header) < 3:
        unit_col = None
    header_units = {}
    for i, h in enumerate(header):
        match = _HEADER_UNIT_RE.search(h)
        if match and i != unit_col:
            header_units[i] = match.group(1)
    lines = []
    for r, row in enumerate(grid):
        cells = []
        for i, value in enumerate(row):
            if i == unit_col:
                continue
            if r > 0 and value and _NUMBER_CELL_RE.match(value) and not value.endswith("%"):
                unit = header_units.get(i)
                if unit is None and unit_col is not None and unit_col < len(row):
                    unit = row[unit_col]
                if unit:
                    value = f"{value}%" if unit == "%" else f"{value} {unit}"
            cells.append(value)
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def paragraphs(blocks: Iterable[str]) -> list[str]:
    """Blocks with their white space collapsed, empty ones dropped."""
    return [b for b in (" ".join(block.split()) for block in blocks) if b]
