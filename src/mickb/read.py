"""Step 1 of the pipeline: bytes on disk -> NFC text -> a `Document` (via clean and split).

Decoding is strict about what it accepts: UTF-8 (with or without BOM), UTF-16 (BOM or the
evident NUL-byte pattern of ASCII-heavy UTF-16) and Windows-1258, the legacy Vietnamese code
page. Windows-1258 writes tones as combining marks, so its text is NFC-normalised like every
other text: the same words then have the same code points (and the same sha256) whatever the
encoding they arrived in. Anything else (binary files, empty files) is refused with an
`UnreadableDocument` that says what to do next.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from pathlib import Path

from mickb.clean import clean
from mickb.errors import UnreadableDocument
from mickb.fold import nfc
from mickb.models import Document, SourceMeta
from mickb.split import split_sentences

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


def _looks_binary(text: str) -> bool:
    sample = text[:1_000_000]
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


def _merge(found: SourceMeta, given: SourceMeta | None) -> SourceMeta:
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
        meta=_merge(found, meta),
        raw_text=text,
        passages=passages,
        sentences=split_sentences(passages),
        sha256=content_sha256(text),
    )


def load_document(path: Path, meta: SourceMeta | None = None) -> Document:
    """Read one file (.txt, .md, .html; others sniffed) into a `Document`.

    `meta` holds the fields given on the command line; they override the document's own."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise _refuse(name, "no such file", "check the path")
    if path.is_dir():
        raise _refuse(name, "this is a folder", "give the files in it (ingest recurses folders)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        why = f"cannot read it ({exc.strerror or exc})"
        raise _refuse(name, why, "check its permissions") from None
    text, fmt = read_bytes(data, name)
    return load_text(text, fmt, meta)
