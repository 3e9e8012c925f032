"""Step 1 of the pipeline: bytes on disk (or a URL) -> NFC text -> a `Document` (via clean and
split).

Text files (.txt, .md, .html) are decoded and streamed. PDF and Word files, and URLs, are
turned into text first by the modules of `formats/` (PDFium, python-docx, trafilatura, a
fetch with a timeout and a size cap): `open_source` gives either kind the same face
(`chunks()`, `sha256`, `size`, `fmt`). What those files say about themselves arrives as front
matter at the top of the converted text, where the Cleaner reads it. Other formats (RTF,
images, archives, old .doc) are refused with what to do instead.

Decoding is strict about what it accepts: UTF-8 (with or without BOM), UTF-16 (BOM or the
evident NUL-byte pattern of ASCII-heavy UTF-16) and Windows-1258, the legacy Vietnamese code
page. Windows-1258 writes tones as combining marks, so its text is NFC-normalised like every
other text: the same words then have the same code points (and the same sha256) whatever the
encoding they arrived in. Anything else (binary files, empty files) is refused with an
`UnreadableDocument` that says what to do next.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

from mickb.errors import UnreadableDocument
from mickb.ingest.clean import clean
from mickb.ingest.formats import is_url
from mickb.ingest.split import split_sentences
from mickb.records import Document, SourceMeta
from mickb.text.fold import nfc

FORMATS_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES = tuple(FORMATS_BY_SUFFIX)
__all__ = ["is_url"]  # re-exported: callers tell URLs from paths with it

_IMAGE = ("an image", "mickb reads text, not pictures: run OCR on it first and ingest the text")
_ARCHIVE = ("an archive", "unpack it and ingest the folder")
_SHEET = ("a spreadsheet", "export the sheet you need as .csv or copy it into a .docx")
_SLIDES = ("a presentation", "export it as PDF and ingest that")
_MEDIA = ("audio or video", "mickb reads documents; ingest a transcript")
# Formats ingest does not read, by suffix: (what it is, what to do instead).
REFUSED_SUFFIXES: dict[str, tuple[str, str]] = {
    ".doc": ("an old Word document (.doc)", "open it in Word or LibreOffice and save it as .docx"),
    ".rtf": ("an RTF document", "open it in Word or LibreOffice and save it as .docx"),
    ".odt": ("an OpenDocument text", "save it as .docx in LibreOffice"),
    ".pages": ("a Pages document", "export it as .docx or PDF"),
    ".epub": ("an e-book", "convert it to PDF or text first"),
    **dict.fromkeys((".xls", ".xlsx", ".ods", ".numbers"), _SHEET),
    **dict.fromkeys((".ppt", ".pptx", ".odp", ".key"), _SLIDES),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic", ".svg"),
        _IMAGE,
    ),
    **dict.fromkeys(
        (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst", ".lz4"), _ARCHIVE
    ),
    **dict.fromkeys((".mp3", ".mp4", ".wav", ".m4a", ".mov", ".avi", ".mkv", ".ogg"), _MEDIA),
}

# Signatures of common binary formats users mistake for text: name them in the error.
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "a SQLite database"),
    (b"\x7fELF", "an executable"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return, escape.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF_HTML_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<(?:p|div|article|h1)[\s>][^<]{0,2000}</(?:p|div|article|h1)>",
    re.IGNORECASE,
)
_SNIFF_MD_RE = re.compile(r"\A\s*---\s*\n|^#{1,6} \S|\*\*\S|^\s*[-*] \S|\]\(", re.MULTILINE)


def _refuse(name: str, why: str, todo: str) -> UnreadableDocument:
    return UnreadableDocument(f"{name}: {why}; {todo}")


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one parity only, as in UTF-16 of mostly
    ASCII text (Vietnamese in UTF-16 still has ASCII spaces and digits between words)."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.2 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.2 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encodings = ["utf-32"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise _refuse(
                    name,
                    f"this is {what}, not text",
                    "convert it to .txt, .md or .html first",
                )
        utf16 = _utf16_by_nul_pattern(data)
        encodings = [utf16] if utf16 else ["utf-8", "cp1258"]
        if not utf16 and b"\x00" in data:
            raise _refuse(
                name,
                "this looks like a binary file (it contains NUL bytes)",
                "give a text file (.txt, .md or .html) in UTF-8",
            )
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(
        name,
        "the text is in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)",
        "re-save it as UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
    )


_SAMPLE_CHARS = 1_000_000  # what the binary check looks at


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL_RE.findall(sample))
    return controls > max(2, len(sample) // 100)


def sniff_format(text: str) -> str:
    """'html', 'md' or 'txt' from the content, for names without a known extension."""
    head = text[:20_000]
    if _SNIFF_HTML_RE.search(head):
        return "html"
    if _SNIFF_MD_RE.search(head):
        return "md"
    return "txt"


def format_for(name: str, text: str) -> str:
    return FORMATS_BY_SUFFIX.get(Path(name).suffix.lower()) or sniff_format(text)


def read_bytes(data: bytes, name: str = "<stdin>") -> tuple[str, str]:
    """Decode a document's bytes: -> (NFC text, format "txt" | "md" | "html")."""
    if not data.strip():
        raise _refuse(name, "the file is empty", "give a document with some text in it")
    text = _decode(data, name)
    if _looks_binary(text):
        raise _refuse(
            name,
            "this looks like a binary file, not text",
            "give a text file (.txt, .md or .html) in UTF-8",
        )
    text = nfc(text.lstrip("\ufeff"))
    if not text.strip():
        raise _refuse(name, "the file has no text, only white space", "give a document with text")
    return text, format_for(name, text)


def content_sha256(text: str) -> str:
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()


def merge_meta(found: SourceMeta, given: SourceMeta | None) -> SourceMeta:
    """Fields the user gave (ingest flags) win over what the document says about itself."""
    if given is None:
        return found
    merged = SourceMeta(**found.to_dict())
    for f in fields(SourceMeta):
        value = getattr(given, f.name)
        if value is not None and str(value).strip():
            setattr(merged, f.name, value)
    return merged


def load_text(text: str, fmt: str = "txt", meta: SourceMeta | None = None) -> Document:
    """Clean and split a decoded text into a `Document` (fmt: "txt", "md" or "html").

    A web page is reduced to its article first (`clean.html_text`): the raw text and the
    passages' offsets are then those of the article's text."""
    text = nfc(text)
    if fmt not in ("txt", "md", "html"):
        raise UnreadableDocument(f"unknown format {fmt!r}; use txt, md or html")
    if fmt == "html":
        from mickb.ingest.clean import html_text

        text, fmt = html_text(text), "txt"
    found, passages = clean(text, fmt)
    return Document(
        meta=merge_meta(found, meta),
        raw_text=text,
        passages=passages,
        sentences=split_sentences(passages),
        sha256=content_sha256(text),
    )


def _refuse_unreadable_path(path: Path) -> None:
    name = str(path)
    if not path.exists():
        raise _refuse(name, "no such file", "check the path")
    if path.is_dir():
        raise _refuse(name, "this is a folder", "give the files in it (ingest recurses folders)")


def load_document(path: Path | str, meta: SourceMeta | None = None) -> Document:
    """Read one file (.txt, .md, .html, .pdf, .docx; others sniffed) or URL into a `Document`.

    `meta` holds the fields given on the command line; they override the document's own."""
    source = open_source(path)
    return load_text(source.text(), source.fmt, meta)


# --- streaming: big files without holding their text ----------------------------------------

CHUNK_BYTES = 1 << 20
# A line longer than this is cut (before an ASCII character, where NFC cannot join the halves).
_MAX_PIECE_CHARS = 4 << 20


@dataclass(frozen=True)
class SourceFile:
    """A document file that has been checked, decoded and hashed (`open_source`), without
    its text in memory: `chunks()` decodes it again, piece by piece, for each pass over it."""

    path: Path
    encoding: str
    fmt: str  # "txt" | "md" | "html"
    sha256: str  # of the NFC text, as in `Document.sha256`
    size: int  # bytes on disk
    # A small file's pieces as the hashing pass decoded them (None: decode it again).
    kept: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def kind(self) -> str:
        return self.fmt

    @property
    def url(self) -> str | None:
        return None

    def chunks(self) -> Iterator[str]:
        """The document's NFC text in pieces of about a megabyte, each ending at a line
        break: "".join(chunks()) is the text `load_document` reads."""
        if self.kept is not None:
            yield from self.kept  # (the very text that was hashed: nothing to check)
            return
        digest = hashlib.sha256()
        try:
            for piece in _pieces(self.path, self.encoding):
                digest.update(piece.encode("utf-8"))
                yield piece
        except (OSError, UnicodeDecodeError) as exc:
            raise _refuse(self.name, f"cannot read it any more ({exc})", "check the file") from None
        if digest.hexdigest() != self.sha256:
            raise _refuse(self.name, "the file changed while it was being read", "ingest it again")

    def text(self) -> str:
        return "".join(self.chunks())


def _pieces(
    path: Path, encoding: str, watch: Callable[[bytes, str], None] | None = None
) -> Iterator[str]:
    """Decode `path` incrementally into NFC pieces cut after a line break, so that no
    character sequence NFC would compose is split; leading byte-order marks are dropped.
    `watch` sees every block of raw bytes with its decoded text (before NFC)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    carry = ""
    at_start = True
    with path.open("rb") as stream:
        while True:
            data = stream.read(CHUNK_BYTES)
            final = not data
            text = decoder.decode(data, final=final)
            if watch is not None:
                watch(data, text)
            if at_start and text:
                text = text.lstrip("\ufeff")
                at_start = not text
            text = carry + text if carry else text
            if final:
                cut = len(text)
            else:
                cut = text.rfind("\n") + 1
                if cut == 0 and len(text) > _MAX_PIECE_CHARS:
                    cut = len(text) - 1  # before the last ASCII character (a space, most often)
                    while cut > 0 and not text[cut].isascii():
                        cut -= 1
            if cut:
                yield nfc(text[:cut])
            carry = text[cut:]
            if final:
                return


class _Probe:
    """What one decoding pass learns about a file: the checks `read_bytes` makes on the
    whole of it, made block by block."""

    def __init__(self) -> None:
        self.all_space = True  # bytes.strip() would leave nothing
        self.has_nul = False
        self.sample_chars = 0  # decoded characters seen of the first million
        self.sample_nul = False
        self.sample_controls = 0

    def __call__(self, data: bytes, text: str) -> None:
        if self.all_space and data.strip():
            self.all_space = False
        if not self.has_nul and b"\x00" in data:
            self.has_nul = True
        if self.sample_chars < _SAMPLE_CHARS and text:
            part = text[: _SAMPLE_CHARS - self.sample_chars]
            self.sample_chars += len(part)
            self.sample_nul = self.sample_nul or "\x00" in part
            self.sample_controls += len(_CONTROL_RE.findall(part))

    def looks_binary(self) -> bool:
        """_looks_binary() of the first million characters."""
        return self.sample_nul or self.sample_controls > max(2, self.sample_chars // 100)


def _encodings(head: bytes, name: str) -> tuple[list[str], bool]:
    """The encodings `_decode` would try, in order, and whether a NUL byte means binary."""
    if head.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"], False
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return ["utf-32"], False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ["utf-16"], False
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise _refuse(
                name, f"this is {what}, not text", "convert it to .txt, .md or .html first"
            )
    utf16 = _utf16_by_nul_pattern(head)
    return ([utf16], False) if utf16 else (["utf-8", "cp1258"], True)


def open_source(path: Path | str) -> SourceFile | ConvertedSource:
    """Check, decode and hash a document: a text file in one streaming pass (memory stays
    small whatever its size), a PDF or Word file or a URL by converting it to text first.
    Refused as `load_document` would refuse it."""
    if isinstance(path, str) and is_url(path):
        return _open_url(path.strip())
    path = Path(path)
    name = str(path)
    _refuse_unreadable_path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8192)
        kind = _document_kind(path, head)
        if kind == "pdf":
            from mickb.ingest.formats.pdf import pdf_to_text

            return ConvertedSource.of(name, "pdf", pdf_to_text(path, name).text(), size, path)
        if kind == "docx":
            from mickb.ingest.formats.docx import docx_to_text

            return ConvertedSource.of(name, "docx", docx_to_text(path, name).text(), size, path)
        encodings, nul_is_binary = _encodings(head, name)
        for encoding in encodings:
            found = _probe(path, name, encoding, nul_is_binary, size)
            if found is not None:
                sha256, text_head, kept = found
                fmt = format_for(name, text_head)
                source = SourceFile(path, encoding, fmt, sha256, size, kept)
                return _html_source(source) if fmt == "html" else source
    except OSError as exc:
        why = f"cannot read it ({exc.strerror or exc})"
        raise _refuse(name, why, "check its permissions") from None
    raise _refuse(
        name,
        "the text is in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)",
        "re-save it as UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
    )


def _html_source(source: SourceFile) -> ConvertedSource:
    """A web page saved as a file: its article, as a URL's would be."""
    from mickb.ingest.formats import MAX_HTML_BYTES
    from mickb.ingest.formats.html import html_to_text

    if source.size > MAX_HTML_BYTES:
        raise _refuse(
            source.name,
            f"the page is larger than {MAX_HTML_BYTES >> 20} MB",
            "save the article alone (or its text) and ingest that",
        )
    converted = html_to_text(source.text(), name=source.name)
    if not converted.blocks:
        raise _refuse(
            source.name,
            "no article text found in the page",
            "save the article's text and ingest that",
        )
    return ConvertedSource.of(source.name, "html", converted.text(), source.size, source.path)


def _document_kind(path: Path, head: bytes) -> str | None:
    """ "pdf" or "docx" by content (whatever the name says), None for text; other formats
    are refused here, by content or by name."""
    name = str(path)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and _is_docx(path):
        return "docx"
    if suffix in (".pdf", ".docx"):
        what = "a PDF" if suffix == ".pdf" else "a Word (.docx) file"
        raise _refuse(
            name,
            f"the name says {what} but the content is not one",
            "check the file (it may be damaged, or misnamed)",
        )
    if suffix in REFUSED_SUFFIXES:
        what, todo = REFUSED_SUFFIXES[suffix]
        raise _refuse(name, f"this is {what}, which mickb does not read", todo)
    return None


def _is_docx(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _open_url(url: str) -> ConvertedSource:
    """Fetch a page, PDF or Word file and convert it; the URL stays the source's address."""
    import tempfile

    from mickb.ingest.formats import Converted
    from mickb.ingest.formats.web import fetch

    fetched = fetch(url)
    size = len(fetched.data)
    if fetched.kind == "html":
        from mickb.ingest.formats.html import html_to_text

        converted = html_to_text(fetched.text(), name=url, url=url)
        if not converted.blocks:
            raise _refuse(
                url, "no article text found on the page", "check the address, or save the text"
            )
        return ConvertedSource.of(url, "html", converted.text(), size, url=url)
    if fetched.kind in ("txt", "md"):
        text = nfc(fetched.text())
        if _looks_binary(text) or not text.strip():
            raise _refuse(url, "the server sent no readable text", "check the address")
        converted = Converted([text], SourceMeta(url=url))
        return ConvertedSource.of(url, fetched.kind, converted.text(), size, url=url)
    suffix = ".pdf" if fetched.kind == "pdf" else ".docx"
    with tempfile.TemporaryDirectory(prefix="mickb-url-") as folder:
        local = Path(folder) / f"page{suffix}"
        local.write_bytes(fetched.data)
        if fetched.kind == "pdf":
            from mickb.ingest.formats.pdf import pdf_to_text

            converted = pdf_to_text(local, url)
        else:
            from mickb.ingest.formats.docx import docx_to_text

            converted = docx_to_text(local, url)
    converted.meta.url = url
    return ConvertedSource.of(url, fetched.kind, converted.text(), size, url=url)


@dataclass(frozen=True)
class ConvertedSource:
    """A PDF, Word file or web page turned into text (front matter, then paragraphs): the
    same face as `SourceFile`, its text held in memory (the formats' size caps bound it)."""

    name: str
    kind: str  # what it was: "pdf" | "docx" | "html" | "txt" | "md"
    content: str
    sha256: str
    size: int  # bytes of the file or of the server's answer
    path: Path | None = None
    url: str | None = None
    fmt: str = "txt"  # how the Cleaner reads `content`

    @classmethod
    def of(
        cls,
        name: str,
        kind: str,
        text: str,
        size: int,
        path: Path | None = None,
        url: str | None = None,
    ) -> ConvertedSource:
        text = nfc(text)
        return cls(name, kind, text, content_sha256(text), size, path, url)

    def chunks(self) -> Iterator[str]:
        """The text in pieces of about a megabyte, each ending at a line break."""
        start = 0
        text = self.content
        while start < len(text):
            end = text.find("\n", start + CHUNK_BYTES)
            end = len(text) if end < 0 else end + 1
            yield text[start:end]
            start = end

    def text(self) -> str:
        return self.content


def why_not_read(path: Path) -> str | None:
    """Why a folder ingest skips this file (None: it reads it), from its name alone."""
    suffix = path.suffix.lower()
    if suffix in FORMATS_BY_SUFFIX:
        return None
    if suffix in REFUSED_SUFFIXES:
        what, todo = REFUSED_SUFFIXES[suffix]
        return f"this is {what}, which mickb does not read; {todo}"
    readable = ", ".join(dict.fromkeys(FORMATS_BY_SUFFIX))
    return f"not a format mickb reads (it reads {readable})"


def scan_folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files a folder ingest reads (recursively, in sorted order), and those it skips
    with the reason for each. Hidden files and folders (.git, .DS_Store) are passed over
    without a word."""
    read: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for child in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        if not child.is_file():
            continue
        reason = why_not_read(child)
        if reason is None:
            read.append(child)
        else:
            skipped.append((child, reason))
    return read, skipped


# A file up to this size keeps the text its checking pass decoded, for the passes that read
# it (news articles: reading, decoding and hashing them a second time cost more than holding it).
KEEP_BYTES = CHUNK_BYTES


def _probe(
    path: Path, name: str, encoding: str, nul_is_binary: bool, size: int
) -> tuple[str, str, tuple[str, ...] | None] | None:
    """One decoding pass: (sha256, the first characters, the pieces of a small file) or None
    when `encoding` fails."""
    probe = _Probe()
    digest = hashlib.sha256()
    head: list[str] = []
    head_chars = 0
    has_text = False
    decoded = True
    kept: list[str] | None = [] if size <= KEEP_BYTES else None
    try:
        for piece in _pieces(path, encoding, probe):
            digest.update(piece.encode("utf-8"))
            if kept is not None:
                kept.append(piece)
            if head_chars < 20_000:
                head.append(piece[: 20_000 - head_chars])
                head_chars += len(head[-1])
            if not has_text and piece.strip():
                has_text = True
    except UnicodeDecodeError:
        decoded = False
        # Finish the byte checks: an empty or binary file is refused as such, first.
        with path.open("rb") as stream:
            while data := stream.read(CHUNK_BYTES):
                probe(data, "")
    if probe.all_space:
        raise _refuse(name, "the file is empty", "give a document with some text in it")
    if nul_is_binary and probe.has_nul:
        raise _refuse(
            name,
            "this looks like a binary file (it contains NUL bytes)",
            "give a text file (.txt, .md or .html) in UTF-8",
        )
    if not decoded:
        return None
    if probe.looks_binary():
        raise _refuse(
            name,
            "this looks like a binary file, not text",
            "give a text file (.txt, .md or .html) in UTF-8",
        )
    if not has_text:
        raise _refuse(name, "the file has no text, only white space", "give a document with text")
    return digest.hexdigest(), "".join(head), None if kept is None else tuple(kept)
