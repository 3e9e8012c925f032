"""Test documents made here from our own Vietnamese text: PDFs laid out in two columns with
running headers, page numbers and a ruled table (reportlab), a Word file (python-docx), and
the hostile files ingest must refuse (hand-written PDF bytes, a zip bomb).

bench/formats.py uses the same makers, so the speed figures are for these documents.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

TITLE = "Báo cáo kết quả phát triển hạ tầng số 6 tháng đầu năm 2024"
ISSUER = "Sở Thông tin và Truyền thông tỉnh Thái Hòa"
DATE_LINE = "Thái Hòa, ngày 15 tháng 7 năm 2024"
RUNNING_HEADER = "Sở Thông tin và Truyền thông tỉnh Thái Hòa - Báo cáo số 118/BC-STTTT"
AUTHOR = "Phòng Bưu chính, Viễn thông"

# Our own sentences, in the manner of a provincial department's half-year report.
PARAGRAPHS = [
    "Trong 6 tháng đầu năm 2024, hạ tầng viễn thông trên địa bàn tỉnh tiếp tục được đầu tư "
    "mở rộng theo hướng hiện đại, đồng bộ. Toàn tỉnh hiện có 1.284 trạm phát sóng di động, "
    "trong đó có 312 trạm 5G, tăng 46 trạm so với cuối năm 2023.",
    "Doanh thu dịch vụ viễn thông trên địa bàn ước đạt 1.935 tỷ đồng, tăng 4,7% so với cùng "
    "kỳ năm trước. Số thuê bao băng rộng cố định đạt 214.600 thuê bao, tương đương 68,2% số "
    "hộ gia đình.",
    "Số người dùng Internet trên địa bàn ước đạt 1,12 triệu người, trong đó phần lớn truy cập "
    "bằng điện thoại thông minh.",
    "Về chuyển đổi số, tỉnh đã cung cấp 1.126 dịch vụ công trực tuyến toàn trình. Tỷ lệ hồ sơ "
    "được xử lý trực tuyến đạt 57,4%, cao hơn mức bình quân của vùng.",
    "Lĩnh vực bưu chính duy trì mức tăng trưởng khá. Sản lượng bưu gửi đạt 3,8 triệu bưu gửi; "
    "doanh thu bưu chính đạt 276 tỷ đồng, tăng 11,3%.",
    "Các doanh nghiệp đã hoàn thành việc ngầm hóa 420 km cáp treo tại khu vực đô thị, góp "
    "phần chỉnh trang mỹ quan và bảo đảm an toàn mạng lưới.",
    "Về an toàn thông tin, Trung tâm Giám sát an toàn không gian mạng của tỉnh đã phát hiện và "
    "xử lý 1.520 cuộc tấn công mạng nhắm vào hệ thống của các cơ quan nhà nước, giảm 8,6% so "
    "với cùng kỳ.",
    "Phát biểu tại hội nghị sơ kết, Giám đốc Sở Nguyễn Văn Khải cho biết: “Nhiệm vụ trọng tâm "
    "của 6 tháng cuối năm là phủ sóng 5G toàn bộ các khu công nghiệp và cụm công nghiệp.”",
]
_DISTRICTS = [
    ("Tân Phong", 38, "97,6", "12.450"),
    ("Đông Sơn", 27, "95,1", "9.830"),
    ("Lạc Yên", 41, "98,3", "15.260"),
    ("Mường Khê", 19, "91,8", "6.140"),
    ("Bình Thủy", 33, "96,4", "11.720"),
    ("Kim Lộc", 24, "94,7", "8.390"),
    ("Vạn Xuân", 36, "97,9", "13.080"),
    ("Cao Lãnh", 22, "93,5", "7.610"),
]
DISTRICT_PARAGRAPHS = [
    f"Tại huyện {name}, các doanh nghiệp đã lắp đặt thêm {n} trạm phát sóng, nâng tỷ lệ thôn, "
    f"bản có sóng 4G lên {p}%. Cáp quang đã được kéo đến {h} hộ gia đình, chủ yếu tại các xã "
    "vùng cao và vùng sâu."
    for name, n, p, h in _DISTRICTS
]
TABLE_CAPTION = "Bảng 1. Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024"
TABLE = [
    ["Chỉ tiêu", "Đơn vị", "6 tháng 2024", "So cùng kỳ (%)"],
    ["Doanh thu công nghiệp công nghệ số", "tỷ đồng", "4.870", "109,5"],
    ["Số doanh nghiệp công nghệ số", "doanh nghiệp", "652", "107,2"],
    ["Thuê bao điện thoại thông minh", "thuê bao", "698.300", "103,8"],
]
CLOSING = (
    "Trên đây là báo cáo kết quả 6 tháng đầu năm 2024; Sở sẽ tiếp tục theo dõi, tổng hợp và "
    "báo cáo định kỳ theo quy định."
)
# A word the PDF breaks across two lines with a hyphen ("Inter-" / "net").
HYPHENATED = "Internet"


def _font() -> str:
    """A TrueType font with Vietnamese letters (DejaVu, on every Debian machine with fonts)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in (
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts",
        "/Library/Fonts",
    ):
        regular = Path(folder) / "DejaVuSans.ttf"
        bold = Path(folder) / "DejaVuSans-Bold.ttf"
        if regular.exists():
            pdfmetrics.registerFont(TTFont("VN", str(regular)))
            pdfmetrics.registerFont(TTFont("VN-Bold", str(bold if bold.exists() else regular)))
            return "VN"
    raise FileNotFoundError("no DejaVuSans.ttf: install fonts-dejavu-core")


def have_pdf_tools() -> bool:
    try:
        import reportlab  # noqa: F401

        _font()
    except (ImportError, FileNotFoundError):
        return False
    return True


def _wrap(text: str, width: float, size: float, font: str) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if word == HYPHENATED and line:
            # Break the word itself, as a typesetter with hyphenation would.
            head = f"{line} {word[:5]}-"
            if stringWidth(head, font, size) <= width:
                lines.append(head)
                line = word[5:]
                continue
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


@dataclass
class _Line:
    text: str
    x: float
    y: float
    size: float
    bold: bool = False


def make_report_pdf(
    path: Path,
    *,
    copies: int = 1,
    interleave: bool = True,
    title_in_info: bool = True,
    encrypt: str | None = None,
) -> Path:
    """The report in two columns on A5 pages, a running header and "Trang n/N" on each page,
    then the ruled table at full width. `interleave` draws the two columns line by line
    across the page (left, right, left, ...), as some generators do, so that the content
    stream's order is not the reading order. `copies` repeats the body (for speed tests)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    font = _font()
    width, height = A5
    margin = 40.0
    gutter = 18.0
    col_width = (width - 2 * margin - gutter) / 2
    size, leading = 9.0, 11.5
    top = height - margin - 20
    bottom = margin + 10

    pages: list[list[_Line]] = []
    # Page 1 starts with the title block at full width.
    first: list[_Line] = [
        _Line(ISSUER, margin, top, 9),
        _Line(DATE_LINE, margin, top - 14, 9),
        _Line(TITLE, margin, top - 40, 10.5, bold=True),
    ]
    column_top = top - 66
    paragraphs = (PARAGRAPHS + DISTRICT_PARAGRAPHS) * copies
    lines: list[str | None] = []
    for paragraph in paragraphs:
        lines.extend(_wrap(paragraph, col_width, size, font))
        lines.append(None)  # the gap between paragraphs
    page_lines = first
    y_start = column_top
    queue = list(lines)
    while queue:
        per_column = int((y_start - bottom) // leading)
        left, right = queue[:per_column], queue[per_column : 2 * per_column]
        queue = queue[2 * per_column :]
        rows = []
        for i in range(max(len(left), len(right))):
            y = y_start - i * leading
            pair = []
            if i < len(left) and left[i]:
                pair.append(_Line(left[i] or "", margin, y, size))
            if i < len(right) and right[i]:
                pair.append(_Line(right[i] or "", margin + col_width + gutter, y, size))
            rows.append(pair)
        if interleave:
            page_lines.extend(line for pair in rows for line in pair)
        else:
            page_lines.extend(pair[0] for pair in rows if pair and pair[0].x == margin)
            page_lines.extend(line for pair in rows for line in pair if line.x != margin)
        pages.append(page_lines)
        page_lines, y_start = [], top

    c = canvas.Canvas(str(path), pagesize=A5, invariant=True, encrypt=encrypt)
    if title_in_info:
        c.setTitle(TITLE)
        c.setAuthor(AUTHOR)
    total = len(pages) + 1
    for number, items in enumerate(pages, start=1):
        _page_furniture(c, font, number, total, width, height, margin)
        for item in items:
            c.setFont(f"{font}-Bold" if item.bold else font, item.size)
            c.drawString(item.x, item.y, item.text)
        c.showPage()
    # The last page: a closing paragraph at full width, the table, and its caption.
    _page_furniture(c, font, total, total, width, height, margin)
    y = top
    for line in _wrap(CLOSING, width - 2 * margin, size, font):
        c.setFont(font, size)
        c.drawString(margin, y, line)
        y -= leading
    y -= 24
    c.setFont(f"{font}-Bold", size)
    c.drawString(margin, y, TABLE_CAPTION)
    y -= 22
    widths = [150.0, 64.0, 62.0, 64.0]
    row_h = 20.0
    table_top = y + row_h - 6
    for r, row in enumerate(TABLE):
        x = margin
        c.setFont(f"{font}-Bold" if r == 0 else font, 7)
        for cell, w in zip(row, widths, strict=True):
            c.drawString(x + 4, y, cell)
            x += w
        y -= row_h
    # Ruling lines: the grid a table finder looks for.
    xs = [margin]
    for w in widths:
        xs.append(xs[-1] + w)
    bottom_y = table_top - row_h * len(TABLE)
    for i in range(len(TABLE) + 1):
        c.line(xs[0], table_top - i * row_h, xs[-1], table_top - i * row_h)
    for x in xs:
        c.line(x, table_top, x, bottom_y)
    c.showPage()
    c.save()
    return path


def _page_furniture(c, font: str, number: int, total: int, width, height, margin) -> None:  # type: ignore[no-untyped-def]
    c.setFont(font, 7)
    c.drawString(margin, height - margin + 14, RUNNING_HEADER)
    c.line(margin, height - margin + 10, width - margin, height - margin + 10)
    c.drawCentredString(width / 2, margin - 24, f"Trang {number}/{total}")


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that hold only a picture of text, as a scanner makes them: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 520, 14):
        draw.line((30, row, 370, row), fill=60, width=3)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for _ in range(pages):
        c.drawImage(ImageReader(image), 40, 40, width=515, height=760)
        c.showPage()
    c.save()
    return path


# --- hostile PDFs, byte by byte --------------------------------------------------------------


def _pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF file from numbered objects (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, trailer_extra, xref)
    )
    return out.getvalue()


def recursive_pdf() -> bytes:
    """A page tree whose node lists itself among its kids, and resources that nest forever."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 4 0 R"
            b" /Contents 5 0 R >>",
            b"<< /XObject << /X1 6 0 R >> /Self 4 0 R >>",
            b"<< /Length 12 >>\nstream\n/X1 Do q Q \nendstream",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources 4 0 R"
            b" /Length 6 >>\nstream\n/X1 Do\nendstream",
        ]
    )


def blank_pages_pdf(pages: int = 10_000) -> bytes:
    """`pages` empty pages that all share one empty content stream."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    objects.extend(page for _ in range(pages))
    return _pdf(objects)


def flate_bomb_pdf(megabytes: int = 4096) -> bytes:
    """One page whose content stream inflates to `megabytes` of spaces (made in
    milliseconds: after a full flush, deflate writes every further megabyte alike)."""
    block = b" " * (1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    # Adler-32 of `length` bytes all equal to 0x20, in closed form.
    length, mod = megabytes << 20, 65521
    low = (1 + 0x20 * length) % mod
    high = (length + 0x20 * length * (length + 1) // 2) % mod
    checksum = (high << 16) | low
    # A final empty fixed-Huffman block, then the Adler-32 of everything inflated.
    data = first + again * (megabytes - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        ]
    )


# --- Word -----------------------------------------------------------------------------------


def make_report_docx(path: Path, *, properties: bool = True) -> Path:
    """The report as a Word file: a title, headings, paragraphs, the table, a running header
    and footer (which are not the body), and core properties."""
    import datetime as dt

    from docx import Document

    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = "Trang 1"
    doc.add_paragraph(ISSUER)
    doc.add_paragraph(DATE_LINE)
    doc.add_heading(TITLE, level=1)
    doc.add_heading("I. Hạ tầng viễn thông", level=2)
    for paragraph in PARAGRAPHS[:3]:
        doc.add_paragraph(paragraph)
    doc.add_heading("II. Chuyển đổi số và bưu chính", level=2)
    for paragraph in PARAGRAPHS[3:]:
        doc.add_paragraph(paragraph)
    for paragraph in DISTRICT_PARAGRAPHS[:3]:
        doc.add_paragraph(paragraph, style="List Bullet")
    doc.add_paragraph(TABLE_CAPTION)
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    doc.add_paragraph(CLOSING)
    if properties:
        core = doc.core_properties
        core.title = TITLE
        core.author = AUTHOR
        core.created = dt.datetime(2024, 7, 12, 9, 0, 0)
        core.modified = dt.datetime(2024, 7, 15, 16, 30, 0)
    doc.save(str(path))
    return path


def docx_zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A .docx whose document.xml inflates to `megabytes` (a few hundred KB on disk)."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    block = b"a" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
