"""Web pages: the article without the page around it (menus, related links, comments, ads),
through trafilatura, with what the page says about itself (title, date, author, site name,
address) from its meta tags, JSON-LD and byline.

The article comes back as trafilatura's XML (head, p, list/item, table/row/cell, quote,
graphic), written out as text paragraphs: headings as `#` lines, list items as `- ` lines,
table rows as `| a | b |` lines, a picture as an image line so that the caption after it is
kept apart from the body (trafilatura drops <figcaption>, so captions are made paragraphs
before it reads the page).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mickb.ingest.formats import MAX_HTML_BYTES, Converted, paragraphs, refuse, table_rows
from mickb.records import SourceMeta

_CONFIG: Any = None


def _config() -> Any:
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        # Short pages are articles too: without this, a page under 250 characters of text
        # comes back as one run-on paragraph of everything on it.
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
        config.set("DEFAULT", "MIN_FILE_SIZE", "1")
        # Its own timeout uses signals, which only the main thread may set: our callers
        # bound the input's size instead.
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_HTML_BYTES))
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            # Its "too small" and "not found" notes would reach stderr through logging's
            # last-resort handler; ingest reports failures itself.
            logging.getLogger(name).addHandler(logging.NullHandler())
        _CONFIG = config
    return _CONFIG


_FIGCAPTION_RE = re.compile(r"<(/?)figcaption\b", re.IGNORECASE)
_CAPTION = "mickb-caption"


def html_to_text(html: str, name: str = "<html>", url: str | None = None) -> Converted:
    """The article of a page as a `Converted`; `url` (where it was fetched from) wins over
    the address the page gives itself."""
    if len(html) > MAX_HTML_BYTES:
        raise refuse(
            name,
            f"the page is larger than {MAX_HTML_BYTES >> 20} MB",
            "save the article alone (or its text) and ingest that",
        )
    import trafilatura

    # Captions as paragraphs of their own, so that trafilatura keeps them.
    html = _FIGCAPTION_RE.sub(lambda m: "</p" if m.group(1) else f'<p class="{_CAPTION}"', html)
    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_tables=True,
            include_images=True,
            include_comments=False,
            include_formatting=False,
            include_links=False,
            deduplicate=False,
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise refuse(
            name, f"the page cannot be parsed ({exc})", "save it again or as text"
        ) from None
    if doc is None or doc.body is None:
        return Converted()  # nothing that reads as an article: the caller decides
    meta = SourceMeta(
        title=_clean(doc.title),
        date=_clean(doc.date),
        author=_clean(doc.author),
        outlet=_clean(doc.sitename),
        url=url or _clean(doc.url),
    )
    return Converted(list(_blocks(doc.body)), meta)


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _blocks(body: Any) -> Any:
    for element in body:
        tag = element.tag
        if tag == "head":
            text = _text(element)
            if text:
                level = 1 if element.get("rend") in (None, "h1") else 2
                yield "#" * level + " " + text
        elif tag == "list":
            for item in element.iter("item"):
                text = _text(item)
                if text:
                    yield "- " + text
        elif tag == "table":
            rows = [[_text(cell) for cell in row.iter("cell")] for row in element.iter("row")]
            yield from table_rows(rows)
        elif tag == "graphic":
            yield f"![{_clean(element.get('alt')) or ''}]({element.get('src') or ''})"
        elif tag == "p" and element.get("class") == _CAPTION:
            text = _text(element)
            if text:
                yield f"*{text}*"  # the Cleaner takes an italic line after a picture as its caption
        else:  # p, quote, code, and whatever else holds text
            yield from paragraphs([_text(element)])
