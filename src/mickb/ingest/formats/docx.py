"""Word files (.docx) through python-docx: paragraphs and tables in document order, headings as
`#` lines, list items as `- ` lines, table rows as `| a | b |` lines; the running header and
footer are not part of the body and stay out. Title, author and dates come from the file's
core properties (a title that is a file name and an author that is a login name are dropped).

A .docx is a zip archive: before anything is inflated, the sizes its directory declares are
checked (zipfile stops reading a member at its declared size), so a zip bomb is refused
unread.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mickb.ingest.formats import (
    MAX_DOCX_BYTES,
    Converted,
    plausible_author,
    plausible_title,
    refuse,
    table_rows,
)
from mickb.records import SourceMeta

MAX_UNZIPPED_BYTES = 256 << 20  # all members together, as declared
MAX_XML_PART_BYTES = 64 << 20  # one XML part: python-docx parses each whole
MAX_RATIO = 200  # inflated/compressed for a member over 1 MB; real XML stays under ~30


def check_archive(path: Path, name: str) -> None:
    """Refuse what is not a Word document, or would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise refuse(
            name, f"this is not a readable .docx file ({exc})", "open it in Word and save it again"
        ) from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise refuse(
            name,
            "this zip archive is not a Word document (it has no word/document.xml)",
            "give a .docx saved by Word or LibreOffice",
        )
    total = 0
    for member in members:
        total += member.file_size
        inflates = member.file_size > (1 << 20) and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        )
        too_big = member.filename.endswith((".xml", ".rels")) and (
            member.file_size > MAX_XML_PART_BYTES
        )
        if inflates or too_big or total > MAX_UNZIPPED_BYTES:
            raise refuse(
                name,
                f"its part {member.filename} would inflate to {member.file_size >> 20} MB "
                "(a zip bomb, or a document too large to read)",
                "open it in Word, check it, and save it again",
            )


def docx_to_text(path: Path, name: str | None = None) -> Converted:
    name = name or str(path)
    size = path.stat().st_size
    if size > MAX_DOCX_BYTES:
        raise refuse(
            name,
            f"the file is larger than {MAX_DOCX_BYTES >> 20} MB",
            "save it without pictures, or as text, and ingest that",
        )
    check_archive(path, name)
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise refuse(
            name, f"this .docx cannot be read ({exc})", "open it in Word and save it again"
        ) from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise refuse(
                name, f"this .docx is damaged ({exc})", "open it in Word and save it again"
            ) from None
        raise
    blocks = list(_blocks(doc))
    if not any(b.strip() for b in blocks):
        raise refuse(name, "the document has no text", "give a document with text in it")
    core = doc.core_properties
    when = core.modified or core.created
    return Converted(
        blocks,
        SourceMeta(title=plausible_title(core.title), author=plausible_author(core.author)),
        created=when.date().isoformat() if when and when.year >= 1990 else None,
    )


def _blocks(doc: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in _body_children(doc.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield from _paragraph(Paragraph(child, doc))
        elif tag == "tbl":
            yield from table_rows(_table(Table(child, doc)))


def _body_children(element: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, also inside content controls (<w:sdt>)."""
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _body_children(child)


def _paragraph(paragraph: Any) -> Iterator[str]:
    text = " ".join(paragraph.text.split())
    if not text:
        return
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    if lowered == "title" or lowered == "heading 1":
        yield "# " + text
    elif lowered.startswith("heading"):
        yield "## " + text
    elif (
        lowered.startswith("list")
        or paragraph._p.pPr is not None
        and paragraph._p.pPr.numPr is not None
    ):
        yield "- " + text
    else:
        yield text


def _table(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells = []
        last = None
        for cell in row.cells:
            if cell._tc is last:  # a merged cell repeats: keep it once
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split()))
        rows.append(cells)
    return rows
