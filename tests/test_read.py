"""Reading documents: encodings, formats, refusals, metadata given by the user."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mickb.errors import UnreadableDocument
from mickb.ingest.read import load_document, load_text, read_bytes, sniff_format
from mickb.records import SourceMeta

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_8e6147a0301236b6.txt"

TEXT = "Bộ cho biết doanh thu dịch vụ viễn thông năm 2023 ước đạt 140.000 tỷ đồng, tăng 1,5%.\n"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: letters precomposed with their
    circumflex/breve/horn, tone marks as separate combining characters."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out:
            base, tones = out[-1][0], out[-1][1:]
            if ch in _TONES:
                out[-1] = base + tones + ch
            else:
                out[-1] = unicodedata.normalize("NFC", base + ch) + tones
        else:
            out.append(ch)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # no BOM: NUL bytes on odd positions
        TEXT.encode("utf-16-be"),
        cp1258_bytes(TEXT),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1258"],
)
def test_every_supported_encoding_reads_to_the_same_nfc_text(data: bytes) -> None:
    text, fmt = read_bytes(data, "report.txt")
    assert text == TEXT
    assert unicodedata.is_normalized("NFC", text)
    assert fmt == "txt"


def test_cp1258_bytes_really_are_windows_1258() -> None:
    data = cp1258_bytes(TEXT)
    assert b"\xf2" in data or b"\xec" in data  # combining tone marks of cp1258
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_the_same_words_in_two_encodings_are_the_same_document() -> None:
    a = load_text(read_bytes(TEXT.encode("utf-8"), "a.txt")[0])
    b = load_text(read_bytes(cp1258_bytes(TEXT), "b.txt")[0])
    assert a.sha256 == b.sha256


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04" + bytes(100), "ZIP"),
        (bytes(range(256)) * 8, "binary"),
        (b"abc\x00def\x01\x02\x03ghi" * 50, "binary"),
    ],
)
def test_binary_and_empty_files_are_refused_with_what_to_do(data: bytes, says: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        read_bytes(data, "x.bin")
    message = str(info.value)
    assert message.startswith("x.bin: ")
    assert says in message
    assert ";" in message  # "…; what to do next"


def test_format_comes_from_the_extension_else_from_the_content() -> None:
    assert read_bytes(b"<p>Xin chao</p>", "a.html")[1] == "html"
    assert read_bytes(b"# Heading\n\ntext", "a.markdown")[1] == "md"
    assert read_bytes(b"# Heading\n\ntext", "a.txt")[1] == "txt"
    assert sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format("---\ntitle: x\n---\nbody") == "md"
    assert sniff_format("Một dòng chữ bình thường.") == "txt"


def test_missing_path_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(UnreadableDocument, match="folder"):
        load_document(tmp_path)


def test_seed_metadata_comes_from_the_document_itself() -> None:
    doc = load_document(SEED)
    raw = SEED.read_text(encoding="utf-8")
    # The title is the article's "# " heading; the URL is the one after "Link bài viết".
    heading = next(line[2:].strip() for line in raw.splitlines() if line.startswith("# "))
    assert doc.meta.title == heading and heading.startswith("Làm tốt công tác truyền thông;")
    link = re.search(r"Link bài viết:\*\* <(https://nguoilambao\.vn/[^>]+)>", raw)
    assert link is not None and doc.meta.url == link.group(1)
    assert doc.meta.date == "2022-12-18"
    assert doc.meta.author == "Đức Thịnh"
    assert doc.meta.outlet == "Nhân Dân"


def test_flags_given_by_the_user_override_the_document() -> None:
    doc = load_document(SEED, SourceMeta(outlet="Báo Nhân Dân", date="2022-12-19"))
    assert doc.meta.outlet == "Báo Nhân Dân"
    assert doc.meta.date == "2022-12-19"
    assert doc.meta.author == "Đức Thịnh"  # not given: the document's own


def test_sha256_is_of_the_text_so_ingest_is_idempotent_by_content(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_bytes(TEXT.encode("utf-8"))
    b.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert load_document(a).sha256 == load_document(b).sha256
    assert load_document(a).sha256 == load_document(a).sha256


HTML = """<!DOCTYPE html>
<html><head>
<title>Doanh thu viễn thông tăng | Báo Thử</title>
<meta property="og:title" content="Doanh thu viễn thông tăng nhẹ">
<meta property="og:site_name" content="Báo Thử">
<meta property="og:url" content="https://baothu.vn/doanh-thu-vien-thong">
<meta name="author" content="Minh Anh">
<script>var tracking = "Doanh thu 999.999 tỷ đồng";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Trang chủ</a> | <a href="/kinh-te">Kinh tế</a></nav></header>
<article>
<h1>Doanh thu viễn thông tăng nhẹ</h1>
<time datetime="2023-03-05T08:00:00+07:00">05/03/2023</time>
<p>Cả năm 2023, các nhà mạng thu về 141.000 tỷ đồng từ dịch vụ viễn thông.</p>
<figure><img src="a.jpg">
<figcaption>Trạm phát sóng 5G tại Hà Nội. Ảnh: Minh Anh</figcaption></figure>
<p>&ldquo;Chúng tôi sẽ mở rộng mạng 5G&rdquo;, ông Trần Văn Bình cho biết.</p>
</article>
<aside>Tin liên quan: Giá cước giảm 50%</aside>
<footer>Bản quyền thuộc Báo Thử</footer>
<script>console.log("x")</script>
</body></html>"""


def test_html_keeps_the_article_and_drops_scripts_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = load_document(path)
    body = [p.text for p in doc.passages if p.kind == "body"]
    assert body == [
        "Cả năm 2023, các nhà mạng thu về 141.000 tỷ đồng từ dịch vụ viễn thông.",
        "“Chúng tôi sẽ mở rộng mạng 5G”, ông Trần Văn Bình cho biết.",
    ]
    everything = " ".join(p.text for p in doc.passages)
    for junk in ("tracking", "Trang chủ", "Tin liên quan", "Bản quyền", "color", "console"):
        assert junk not in everything
    captions = [p.text for p in doc.passages if p.kind == "caption"]
    assert captions and captions[0].startswith("Trạm phát sóng 5G tại Hà Nội")
    assert doc.meta.title == "Doanh thu viễn thông tăng nhẹ"
    assert doc.meta.date == "2023-03-05"
    assert doc.meta.outlet == "Báo Thử"
    assert doc.meta.url == "https://baothu.vn/doanh-thu-vien-thong"
    assert doc.meta.author == "Minh Anh"
    # Offsets point back into the HTML source.
    first = next(p for p in doc.passages if p.kind == "body")
    assert doc.raw_text[first.start :].startswith("Cả năm 2023, các nhà mạng")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_cleanly(data: bytes) -> None:
    try:
        text, fmt = read_bytes(data, "x.txt")
    except UnreadableDocument as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert unicodedata.is_normalized("NFC", text)
    load_text(text, fmt)
