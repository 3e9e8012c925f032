"""Fetching a URL: one GET with a timeout, a size cap and a User-Agent, redirects only to
http(s), and one clear error per failure (the server's answer, no answer in time, too big,
a kind of content mickb does not read).

The standard library's urllib is enough for one page at a time; the page's bytes are
decoded here (the charset of the Content-Type header, else of the page's <meta>, else UTF-8,
else Windows-1258) and handed, by content type, to the reader of that format.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from mickb.ingest.formats import is_url, refuse

TIMEOUT_SECONDS = 20.0  # no byte for this long, or the whole answer taking 3x this, fails
MAX_BYTES = 32 << 20
USER_AGENT = "mickb/0.1 (Vietnamese news knowledge base; +https://pypi.org/project/mickb/)"

# Content type -> the format mickb reads it as.
_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass
class Fetched:
    url: str  # as the user gave it
    final_url: str  # after redirects
    kind: str  # html | txt | md | pdf | docx
    data: bytes
    charset: str | None

    def text(self) -> str:
        return decode_page(self.data, self.charset, self.url)


class _HTTPOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET `url`: its bytes and what they are, or an `UnreadableDocument` naming the URL."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not is_url(url):
        raise refuse(
            url, "not an http(s) address", "give a URL that starts with http:// or https://"
        )
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf,"
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.1",
            "Accept-Language": "vi,en;q=0.5",
        },
    )
    opener = urllib.request.build_opener(_HTTPOnlyRedirects())
    deadline = time.monotonic() + 3 * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind, charset = _content_kind(headers, url)
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_big(url, max_bytes)
            chunks = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise _too_slow(url, 3 * timeout)
                chunk = response.read1(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise _too_big(url, max_bytes)
                chunks.append(chunk)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else ""
        raise refuse(
            url,
            f"the server answered {exc.code} {reason}".rstrip(),
            "check the address (open it in a browser)" if exc.code < 500 else "try again later",
        ) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _too_slow(url, timeout) from None
        raise refuse(
            url, f"cannot reach the server ({exc.reason})", "check the address and the network"
        ) from None
    except TimeoutError:
        raise _too_slow(url, timeout) from None
    except (ConnectionError, OSError) as exc:
        raise refuse(
            url,
            f"the connection failed ({exc})",
            "try again later, or save the page and ingest the file",
        ) from None
    data = b"".join(chunks)
    if not data.strip():
        raise refuse(url, "the server sent an empty page", "check the address")
    return Fetched(url, final_url, kind, data, charset)


def _too_big(url: str, max_bytes: int) -> Exception:
    return refuse(
        url,
        f"the page is larger than {max_bytes >> 20} MB",
        "save the article alone (or its text) and ingest the file",
    )


def _too_slow(url: str, seconds: float) -> Exception:
    return refuse(
        url,
        f"no complete answer within {seconds:g} s",
        "try again later, or save the page and ingest the file",
    )


def _content_kind(headers: Message, url: str) -> tuple[str, str | None]:
    content_type = (headers.get_content_type() or "").lower()
    charset = headers.get_content_charset()
    if not headers.get("Content-Type"):
        return "html", charset  # no type given: most servers that omit it serve pages
    kind = _KINDS.get(content_type)
    if kind is None:
        raise refuse(
            url,
            f"the server sent {content_type}, not a web page, PDF or Word file",
            "give the address of an article, a PDF or a .docx",
        )
    return kind, charset


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)


def decode_page(data: bytes, charset: str | None, name: str) -> str:
    """The text of a page: the header's charset, else the page's own <meta charset>, else
    UTF-8, else Windows-1258 (legacy Vietnamese)."""
    candidates = []
    if charset:
        candidates.append(charset)
    match = _META_CHARSET_RE.search(data[:8192])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1258"]
    for candidate in candidates:
        try:
            text = data.decode(candidate.strip().lower())
        except (LookupError, UnicodeDecodeError):
            continue
        return text.lstrip("\ufeff")
    raise refuse(name, "the page is in an unknown encoding", "save it as UTF-8 and ingest the file")
