"""Step 2 of the pipeline: decoded text -> what the document says about itself + passages.

`clean(text, fmt)` returns the metadata the document states (YAML front matter, its heading,
a byline "Tác giả: …", a date line, "Theo <outlet>" and "Link bài viết: <url>" at the end)
and the text as `Passage`s: kind "title" and "meta" for those lines, "caption" for photo
captions, "body" for the rest. A table row (`| a | b |`) is a body paragraph of its own,
"a | b", never joined to the next. HTML is first reduced to its article (formats/html.py):
its passages' offsets are then offsets in that text, which `load_text` keeps as the raw text.

Cleaning drops image placeholders and markdown images, strips markdown emphasis, escapes and
link syntax, NFC-normalises and collapses white space. It also repairs sentences the source
broke across paragraphs: a paragraph that ends without terminal punctuation, followed by one
that starts with a lower-case letter, is one paragraph ("doanh thu dịch vụ viễn" / "thông
đạt 138.000 tỷ đồng"). Every passage keeps the offsets of its first and last characters in
the original text, so a record can always be traced back to the source.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from mickb.records import Passage, PassageKind, SourceMeta
from mickb.text.fold import fold, nfc

# Endings after which a paragraph is complete; any other ending + a lower-case start of the
# next paragraph means the source broke a sentence (or a word) across paragraphs.
TERMINAL = ".!?:;…\"”’'»)]"

_IMAGE_PLACEHOLDER_RE = re.compile(
    r"^\s*(?:image not found or type unknown|\[?\s*(?:image|hình ảnh|ảnh)\s*\]?)\s*$",
    re.IGNORECASE,
)
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_IMAGE_ONLY_RE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|www\.[^>\s]+)>")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RULE_RE = re.compile(r"^\s*(?:=+|-+|\*{3,}|_{3,})\s*$")
_BULLET_RE = re.compile(r"^\s*(?:[-+•]|\*(?=\s))\s+")
_QUOTE_PREFIX_RE = re.compile(r"^\s*(?:>\s?)+")
_ITALIC_WHOLE_RE = re.compile(r"^\s*(?:\*(?!\*)|_(?!_))(.+?)(?:(?<!\*)\*|(?<!_)_)\s*$", re.DOTALL)
_BOLD_WHOLE_RE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*$", re.DOTALL)
# "…Truyền thông_Ảnh: nhandan.vn." / "(Ảnh: TTXVN)" / "Ảnh minh họa"
_CREDIT_RE = re.compile(
    r"(?:\s*[-–—_|]\s*|\s*\(\s*|\s+|^)"
    r"(?P<label>Ảnh(?: minh họa| minh hoạ)?|Nguồn ảnh|Photo|Đồ họa|Đồ hoạ)"
    r"(?:\s*:\s*(?P<credit>[^()]{1,80}?))?\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)

_BYLINE_RE = re.compile(
    r"^(?:tác giả|bài(?: và ảnh)?|người viết|phóng viên|nhóm phóng viên|biên tập|by)\s*:\s*"
    r"(?P<who>[^:]{2,80}?)\s*\.?$",
    re.IGNORECASE,
)
_LINK_LINE_RE = re.compile(
    r"^(?:link bài viết|link bài gốc|link gốc|link|url|bài gốc|nguồn|source)\s*:\s*"
    r"<?(?P<url>(?:https?://|www\.)\S+?)>?\s*$",
    re.IGNORECASE,
)
_OUTLET_LINE_RE = re.compile(
    r"^(?:theo|nguồn\s*:)\s+(?P<outlet>[^,.;:!?]{2,60}?)\s*\.?$", re.IGNORECASE
)
_CAPS = r"[A-ZÀ-ỸĐ]"
_NAME_WORD = rf"{_CAPS}[a-zà-ỹđ]*"
_LONE_NAME_RE = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    r"(?:\s*\((?:tổng hợp|th|theo [^)]{1,40}|[A-Z]{2,6})\))?\s*\.?$"
)

_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"),
    re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I),
)
_DATE_LINE_RE = re.compile(
    # An official document's place before its date: "Hà Nội, ngày 15 tháng 7 năm 2024".
    r"^(?:[A-ZĐÀ-Ỹ][\w.]*(?: [A-ZĐÀ-Ỹ][\w.]*){0,4},\s*(?=ngày\s))?"
    r"(?:(?:thứ\s+\w+|chủ nhật|cập nhật|đăng(?: ngày)?|ngày đăng|published)\s*[,:]?\s*)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:\(?\s*GMT\s*[+\-]\s*\d{1,2}\s*\)?)?\s*[,|\-]?\s*)?"
    r"(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?"
    r"(?:ngày\s+)?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}(?:T[\d:.+\-Z]+)?"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"(?:\s*[,|\-]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:\(?\s*GMT\s*[+\-]\s*\d{1,2}\s*\)?)?)?\s*\.?$",
    re.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """The first calendar date in `text` as ISO yyyy-mm-dd ('22:26 18/12/2022' -> 2022-12-18)."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
            if 1 <= m <= 12 and 1 <= d <= 31 and 1800 <= y <= 2200:
                return f"{y:04d}-{m:02d}-{d:02d}"
    return None


_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_OTHER_SPACE_RE = re.compile(r"[^\S ]")  # white space other than a plain space
# The characters of both: those str.isspace() (and \s) calls white space but " ", listed
# (tests/test_text_speed_equivalence.py checks the list against every code point), and the
# invisible ones. One scan of a listed class is several times faster than [^\S ], which
# the engine tests character by character against the Unicode categories.
_OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPECIAL_SPACE_RE = re.compile(f"[{_OTHER_SPACES}\u200b\u200c\u200d\u2060\ufeff]")


def collapse(text: str) -> str:
    """NFC, one space for every run of white space (zero-width spaces included)."""
    text = nfc(text)
    # Each step only when needed: str.translate with a dict is slow on non-ASCII text, and
    # most paragraphs hold no zero-width space and no run of white space.
    # None of those characters is printable: a printable text (nearly every paragraph, and
    # isprintable() is a faster scan than a search) holds none of them.
    special = not text.isprintable() and bool(_SPECIAL_SPACE_RE.search(text))
    if special and _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub(" ", text)
    if (
        (special and _OTHER_SPACE_RE.search(text))
        or "  " in text
        or text[:1].isspace()
        or text[-1:].isspace()
    ):
        text = " ".join(text.split())
    return text


# --- markdown inline syntax ---------------------------------------------------------------

_STAR_RE = re.compile(r"(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|(?<=[^\w\s])\*|\*(?=[^\w\s])")
_UNDERSCORE_RE = re.compile(r"(?<![\w])_(?=\S)|(?<=\S)_(?![\w])")
_PROTECT = {ch: chr(0xE000 + i) for i, ch in enumerate("\\`*_{}[]()#+-.!|>~<")}
_UNPROTECT = str.maketrans({v: k for k, v in _PROTECT.items()})


def strip_markdown(text: str) -> str:
    """Markdown inline syntax -> plain text: emphasis, escapes, links, images, autolinks."""
    # Each step only when its marker is there: most paragraphs have none (speed on big files).
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE_RE.sub(lambda m: _PROTECT[m.group(1)], text)
    if "](" in text:
        text = _MD_IMAGE_RE.sub("", text)
        text = _MD_LINK_RE.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK_RE.sub(r"\1", text)
    if "*" in text:
        # A single * is emphasis when it touches a word on one side only: keeps 3 * 4.
        text = _STAR_RE.sub("", text.replace("**", ""))
    if "_" in text:
        # Likewise _: keeps snake_case_names, drops _nghiêng_.
        text = _UNDERSCORE_RE.sub("", text.replace("__", ""))
    return text.translate(_UNPROTECT) if escaped else text


# --- blocks: the paragraphs of the source, before classification ---------------------------


@dataclass
class _Block:
    raw: str  # the paragraph as the source writes it (markdown syntax included)
    start: int
    end: int
    tag: str = "p"  # "h1".."h6", "p", "li", "figcaption", "img" (an image in the source)
    markup: bool = True  # markdown inline syntax to strip (False for HTML text)


def _lines(chunks: Iterable[str], offset: int) -> Iterator[tuple[str, int, int]]:
    """(line, start, end) of the text the chunks make up, from `offset` on; line ends (and a
    carriage return before them) are not part of a line. A line may run across chunks."""
    base = 0  # offset of the current chunk in the whole text
    carry = ""  # the unfinished last line of the chunks so far
    carry_start = 0
    for chunk in chunks:
        chunk_start, base = base, base + len(chunk)
        if base <= offset:
            continue
        pos = max(0, offset - chunk_start)
        parts = chunk[pos:].split("\n")
        if carry or len(parts) == 1:
            if len(parts) == 1:
                if not carry:
                    carry_start = chunk_start + pos
                carry += parts[0]
                continue
            first = (carry + parts[0]).rstrip("\r")
            yield first, carry_start, carry_start + len(first)
            pos += len(parts[0]) + 1
            carry = ""
            parts = parts[1:]
        start = chunk_start + pos
        for part in parts[:-1]:
            line = part.rstrip("\r")
            yield line, start, start + len(line)
            start += len(part) + 1
        carry, carry_start = parts[-1], start
    if carry:
        line = carry.rstrip("\r")
        yield line, carry_start, carry_start + len(line)


def _hard_wrapped(lines: Iterable[tuple[str, int, int]]) -> bool:
    """A plain-text file wrapped at a fixed width (most lines 50-100 characters)."""
    count = wrapped = 0
    for line, _, _ in lines:
        if not line or line.isspace():
            continue
        n = len(line)
        if n > 120:
            return False  # decided: no need to read the rest
        count += 1
        wrapped += 50 <= n <= 100
    return count >= 8 and wrapped >= 0.7 * count


_NUMBERED_RE = re.compile(r"^\s*\d{1,3}[.)]\s")
_TABLE_RULE_RE = re.compile(r"^\|[\s:|\-]*\|$")


def _text_blocks(
    lines: Iterable[tuple[str, int, int]], fmt: str, soft_wrap: bool
) -> Iterator[_Block]:
    """Paragraphs of plain text or markdown: lines (plain text) or blank-line blocks."""
    current: list[tuple[str, int, int]] = []

    def joined() -> _Block:
        if len(current) == 1:  # most paragraphs are one line (" ".join of one is that one)
            line, start, end = current[0]
            block = _Block(line.strip(), start, end)
        else:
            block = _Block(
                " ".join(line.strip() for line, _, _ in current), current[0][1], current[-1][2]
            )
        current.clear()
        return block

    for line, start, end in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                yield joined()
            continue
        if stripped[0] == "|" and stripped[-1] == "|" and len(stripped) > 2:
            # A table row: a paragraph of its own (a rule row |---|---| is no text).
            if current:
                yield joined()
            if not _TABLE_RULE_RE.match(stripped):
                yield _Block(stripped, start, end, tag="tr")
            continue
        heading = _HEADING_RE.match(line) if "#" in line[:4] else None
        if heading:
            if current:
                yield joined()
            level = len(heading.group(1))
            yield _Block(heading.group(2), start, end, tag=f"h{level}")
            continue
        rule = stripped[0] in "=-*_" and _SETEXT_RULE_RE.match(line)
        if fmt == "md" and rule and current and set(stripped) <= set("=-"):
            # "Title\n=====" is a heading in markdown.
            tag = "h1" if "=" in stripped else "h2"
            block = joined()
            block.tag = tag
            yield block
            continue
        if rule and not current:
            continue  # a horizontal rule
        if _MD_IMAGE_ONLY_RE.match(line) or _IMAGE_PLACEHOLDER_RE.match(line):
            if current:
                yield joined()
            yield _Block(stripped, start, end, tag="img")
            continue
        is_item = bool(_BULLET_RE.match(line) or _NUMBERED_RE.match(line))
        if (not soft_wrap or is_item) and current:
            yield joined()
        current.append((line, start, end))
        if not soft_wrap:
            yield joined()
    if current:
        yield joined()


# --- HTML ---------------------------------------------------------------------------------


def html_text(html: str) -> str:
    """A web page as the text the Cleaner reads: the article alone, with its metadata as
    front matter (trafilatura, through formats/html.py)."""
    from mickb.ingest.formats.html import html_to_text

    return nfc(html_to_text(html).text())


# --- front matter -------------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_KEYS = {
    "title": "title",
    "tieu_de": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "ngay": "date",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "canonical": "url",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "tac_gia": "author",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "source": "outlet",
    "nguon": "outlet",
}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value


def _front_matter(text: str) -> tuple[SourceMeta, int, str | None]:
    """YAML front matter's simple `key: value` lines -> (meta, offset where the body starts,
    the date a `created:` line gives: the file's own date, weaker than one the text states)."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return SourceMeta(), 0, None
    meta = SourceMeta()
    origin = None
    created = None
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace():
            continue
        key = key.strip().lower().replace("-", "_")
        value = collapse(_unquote(value))
        if not value:
            continue
        if key == "origin":
            origin = value
            continue
        if key == "created":
            created = parse_date(value)
            continue
        name = _FM_KEYS.get(key)
        if name is None or getattr(meta, name) is not None:
            continue
        if name == "date":
            value = parse_date(value) or value
        setattr(meta, name, value)
    if meta.url is None and origin and re.match(r"https?://", origin):
        meta.url = origin
    return meta, match.end(), created


# --- classification -----------------------------------------------------------------------


@dataclass
class _Item:
    kind: PassageKind
    text: str
    start: int
    end: int
    parts: list[int] = field(default_factory=list)
    guessed: bool = False  # a title guessed from a short first line
    whole: bool = False  # a table row: never joined to the paragraph before or after


def _caption_text(text: str) -> str:
    """'…Truyền thông_Ảnh: nhandan.vn.' -> '…Truyền thông (Ảnh: nhandan.vn)'."""
    match = _CREDIT_RE.search(text)
    if not match or match.start() == 0 and not match.group("credit"):
        return text.strip(" ._")
    body = text[: match.start()].strip(" ._-–—|")
    label = match.group("label")
    credit = (match.group("credit") or "").strip(" ._")
    credit_text = f"{label}: {credit}" if credit else label
    return f"{body} ({credit_text})" if body else credit_text


def _looks_like_caption_credit(text: str) -> bool:
    return bool(re.search(r"(?:^|[\s_(\-–—|])(?:Ảnh|Nguồn ảnh|Photo)\s*:", text, re.I)) or bool(
        re.search(r"\(\s*Ảnh(?: minh họa| minh hoạ)?\s*\)\s*\.?$", text, re.I)
    )


def _clean_block(block: _Block) -> str:
    raw = block.raw
    if block.tag == "tr":
        cells = (collapse(strip_markdown(c)) for c in raw.strip().strip("|").split("|"))
        return " | ".join(c for c in cells if c)
    if block.markup:
        raw = _QUOTE_PREFIX_RE.sub("", raw)
        raw = _BULLET_RE.sub("", raw)
        raw = strip_markdown(raw)
    return collapse(raw)


# Words a sentence does not end on, that ask for the number after them ("đạt", "tăng bình
# quân", "khoảng", "lên tới"): a paragraph ending on one goes on in the next that opens with
# a digit ("... tăng bình quân / 18%/năm.").
_BEFORE_NUMBER = frozenset(
    "đạt là tăng giảm khoảng gần hơn trên dưới quân lên tới đến từ với có của và hoặc chiếm "
    "bằng gấp mức số tổng ước xấp xỉ thêm còn".split()
)


def _mergeable(prev: str, nxt: str) -> bool:
    """The source broke one sentence (or one word) across two paragraphs."""
    if not prev or not nxt or prev[-1] in TERMINAL:
        return False
    first = nxt[0]
    if first.isdigit():
        last = prev.rsplit(None, 1)[-1].lower()
        return last in _BEFORE_NUMBER
    return first.isalpha() and first.islower()


def clean(text: str, fmt: str) -> tuple[SourceMeta, list[Passage]]:
    """Metadata stated by the document, and its cleaned passages with original offsets."""
    text = nfc(text)
    cleaner = Cleaner(fmt)
    passages = list(cleaner.passages(lambda: (text,)))
    return cleaner.meta, passages


_ALNUM_RE = re.compile(r"[^\W_]")
_TITLE_MAX_WORDS = 30


class Cleaner:
    """`clean` as a stream, for documents too big to hold in memory at once.

    `passages(chunks)` yields the same passages as `clean` of the text the chunks make up
    (`chunks` is called once per pass over the text; plain text needs two, the first only
    to decide whether the file is hard-wrapped). Only a few paragraphs are held at a time:
    the last ones, which may turn out to be the byline or "Theo <outlet>", and a paragraph
    the next one may continue. `meta` is complete once the passages are exhausted.

    HTML is parsed whole (its metadata may sit anywhere); markdown front matter must end
    within the first chunk.
    """

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.meta = SourceMeta()
        self._created: str | None = None
        self._since_image = 99
        self._title_found = False
        self._has_body = False

    def passages(self, chunks: Callable[[], Iterable[str]]) -> Iterator[Passage]:
        blocks = self._blocks(chunks)
        items = _join_broken(self._with_tail_meta(self._with_title_checked(self._items(blocks))))
        for ordinal, item in enumerate(items):
            yield Passage(
                ordinal=ordinal, kind=item.kind, text=item.text, start=item.start, end=item.end
            )

    def _blocks(self, chunks: Callable[[], Iterable[str]]) -> Iterator[_Block]:
        """Sets `meta` from front matter before the first block is asked for."""
        if self.fmt == "html":
            text = html_text("".join(chunks()))
            chunks = lambda: (text,)  # noqa: E731
        pieces = iter(chunks())
        head = next(pieces, "")
        self.meta, body_start, self._created = _front_matter(head)
        soft_wrap = self.fmt == "md" or _hard_wrapped(_lines(chunks(), body_start))
        return _text_blocks(_lines(chain((head,), pieces), body_start), self.fmt, soft_wrap)

    def _items(self, blocks: Iterator[_Block]) -> Iterator[_Item]:
        block = next(blocks, None)
        first = True
        while block is not None:
            following = next(blocks, None)
            item = self._classify(block, more_than_one=not first or following is not None)
            if item is not None:
                yield item
            block, first = following, False

    def _classify(self, block: _Block, more_than_one: bool) -> _Item | None:
        meta = self.meta
        if block.tag == "img":
            self._since_image = 0
            return None
        self._since_image += 1
        raw = block.raw.strip()
        if block.markup and _IMAGE_PLACEHOLDER_RE.match(raw):
            self._since_image = 0
            return None
        cleaned = _clean_block(block)
        if not cleaned or not _ALNUM_RE.search(cleaned):
            return None
        if block.tag == "tr":
            self._has_body = True
            return _Item("body", cleaned, block.start, block.end, whole=True)
        kind: PassageKind = "body"
        is_heading = block.tag.startswith("h") and len(block.tag) == 2
        italic = (
            block.markup and bool(_ITALIC_WHOLE_RE.match(raw)) and not _BOLD_WHOLE_RE.match(raw)
        )
        guessed = False
        if is_heading and not self._title_found and (block.tag == "h1" or not self._has_body):
            kind = "title"
            self._title_found = True
            if meta.title is None or self.fmt == "html":
                meta.title = meta.title or cleaned
        elif (
            not self._title_found
            and not self._has_body
            and meta.title
            and fold(cleaned.rstrip(".")) == fold(meta.title.rstrip("."))
        ):
            kind = "title"
            self._title_found = True
        elif block.tag == "figcaption" or (
            # The cheap tests first: most paragraphs are neither italic nor near an image.
            (
                self._since_image <= 2
                and (italic or _looks_like_caption_credit(cleaned))
                or italic
                and _looks_like_caption_credit(cleaned)
            )
            and (italic or len(cleaned.split()) <= 60)
        ):
            kind = "caption"
            cleaned = _caption_text(cleaned)
        else:
            kind, cleaned = _classify_meta(cleaned, meta)
        if kind == "body" and not self._title_found and not self._has_body and meta.title is None:
            # A plain-text file's first line is its title when it is short and more text
            # follows, whatever punctuation ends it ("…?", "…!", "…:", "….").
            if len(cleaned.split()) <= _TITLE_MAX_WORDS and more_than_one:
                kind = "title"
                self._title_found = True
                meta.title = cleaned
                guessed = True
        if kind == "body":
            self._has_body = True
        return _Item(kind, cleaned, block.start, block.end, guessed=guessed)

    def _with_title_checked(self, items: Iterator[_Item]) -> Iterator[_Item]:
        """A guessed title followed by its own continuation was the first half of a broken
        sentence, not a title: held back until the next paragraph says which."""
        held: _Item | None = None
        for item in items:
            if held is not None:
                if item.kind == "body" and not item.whole and _mergeable(held.text, item.text):
                    held.kind = "body"
                    self.meta.title = None
                yield held
                held = None
            if item.guessed:
                held = item
            else:
                yield item
        if held is not None:
            yield held

    def _with_tail_meta(self, items: Iterator[_Item]) -> Iterator[_Item]:
        """The last four body or meta paragraphs (and what lies between them) are held until
        the end, where `_tail_meta` may find the outlet or the author among them."""
        held: deque[_Item] = deque()
        countable = 0  # body and meta paragraphs in `held`
        for item in items:
            held.append(item)
            countable += item.kind in ("body", "meta")
            while held and countable - (held[0].kind in ("body", "meta")) >= 4:
                countable -= held[0].kind in ("body", "meta")
                yield held.popleft()
        tail = list(held)
        _tail_meta(tail, self.meta)
        if self.meta.date is None and self._created:
            self.meta.date = self._created  # the file's own date, as nothing better was said
        yield from tail


def _classify_meta(text: str, meta: SourceMeta) -> tuple[PassageKind, str]:
    byline = _BYLINE_RE.match(text)
    if byline and len(byline["who"].split()) <= 8:
        if meta.author is None:
            meta.author = byline["who"].strip()
        return "meta", text
    link = _LINK_LINE_RE.match(text)
    if link:
        if meta.url is None:
            meta.url = link["url"]
        return "meta", text
    if _DATE_LINE_RE.match(text):
        date = parse_date(text)
        if date:
            if meta.date is None:
                meta.date = date
            return "meta", text
    return "body", text


def _tail_meta(items: list[_Item], meta: SourceMeta) -> None:
    """'Theo Nhân Dân' and a lone author name among the last paragraphs are metadata."""
    tail = [i for i in range(len(items)) if items[i].kind in ("body", "meta")][-4:]
    for index in reversed(tail):
        item = items[index]
        if item.kind != "body":
            continue
        if index != tail[-1] and not all(items[j].kind == "meta" for j in tail if j > index):
            break
        outlet = _OUTLET_LINE_RE.match(item.text)
        if outlet and len(outlet["outlet"].split()) <= 6 and not re.search(r"\d", item.text):
            if meta.outlet is None:
                meta.outlet = outlet["outlet"].strip()
            item.kind = "meta"
            continue
        name = _LONE_NAME_RE.match(item.text)
        if name and index == tail[-1]:
            if meta.author is None:
                meta.author = name["name"]
            item.kind = "meta"
            continue
        break


def _join_broken(items: Iterable[_Item]) -> Iterator[_Item]:
    """Join body paragraphs that are halves of one sentence (captions in between stay apart).

    A body paragraph is held (with the captions after it) until a paragraph comes that does
    not continue it."""
    held: list[_Item] = []  # the last body paragraph, then captions; [] when none can grow
    parts: list[str] = []  # the texts joined into held[0], joined once it is complete

    def release() -> list[_Item]:
        if parts:
            held[0].text = " ".join(parts)
            parts.clear()
        out = held[:]
        held.clear()
        return out

    for item in items:
        if (
            item.kind == "body"
            and held
            and not item.whole
            and not held[0].whole
            and _mergeable(parts[-1] if parts else held[0].text, item.text)
        ):
            if not parts:
                parts.append(held[0].text)
            parts.append(item.text)
            held[0].end = item.end
            continue
        if item.kind == "body":
            yield from release()
            held.append(item)
        elif item.kind == "caption" and held:
            held.append(item)
        else:
            yield from release()
            yield item
    yield from release()
