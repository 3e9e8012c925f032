"""Step 1 of the pipeline: bytes on disk -> NFC text -> a `Document` (via clean and split).

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
from dataclasses import dataclass, fields
from pathlib import Path

from mickb.errors import UnreadableDocument
from mickb.ingest.clean import clean
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
}
SUPPORTED_SUFFIXES = tuple(FORMATS_BY_SUFFIX)

# Signatures of common binary formats users mistake for text: name them in the error.
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
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
    """Clean and split a decoded text into a `Document` (fmt: "txt", "md" or "html")."""
    text = nfc(text)
    if fmt not in ("txt", "md", "html"):
        raise UnreadableDocument(f"unknown format {fmt!r}; use txt, md or html")
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


def load_document(path: Path, meta: SourceMeta | None = None) -> Document:
    """Read one file (.txt, .md, .html; others sniffed) into a `Document`.

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

    @property
    def name(self) -> str:
        return str(self.path)

    def chunks(self) -> Iterator[str]:
        """The document's NFC text in pieces of about a megabyte, each ending at a line
        break: "".join(chunks()) is the text `load_document` reads."""
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


def open_source(path: Path) -> SourceFile:
    """Check, decode and hash a file in one streaming pass (memory stays small whatever its
    size); refused as `load_document` would refuse it."""
    path = Path(path)
    name = str(path)
    _refuse_unreadable_path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8192)
        encodings, nul_is_binary = _encodings(head, name)
        for encoding in encodings:
            found = _probe(path, name, encoding, nul_is_binary)
            if found is not None:
                sha256, text_head = found
                fmt = format_for(name, text_head)
                return SourceFile(path, encoding, fmt, sha256, size)
    except OSError as exc:
        why = f"cannot read it ({exc.strerror or exc})"
        raise _refuse(name, why, "check its permissions") from None
    raise _refuse(
        name,
        "the text is in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)",
        "re-save it as UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
    )


def _probe(path: Path, name: str, encoding: str, nul_is_binary: bool) -> tuple[str, str] | None:
    """One decoding pass: (sha256, the first characters) or None when `encoding` fails."""
    probe = _Probe()
    digest = hashlib.sha256()
    head: list[str] = []
    head_chars = 0
    has_text = False
    decoded = True
    try:
        for piece in _pieces(path, encoding, probe):
            digest.update(piece.encode("utf-8"))
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
    return digest.hexdigest(), "".join(head)
