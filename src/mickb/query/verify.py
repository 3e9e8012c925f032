"""Verify a quotation and its attribution against the quotes in the KB.

Words are compared after `fold` (no case, diacritics, `đ`, punctuation or NFC/NFD difference),
so a pasted quote typed without accents still verifies; a contiguous part of a longer quote
verifies too, because journalists quote fragments. The speaker matches by full name, name
without diacritics, the given name alone ("Hùng"), role ("Thủ tướng", "Cục trưởng") or role +
name ("Bộ trưởng Hùng").

Reported speech the KB records (form "reported": "X cho biết, …") counts as what the source
says X said, in the journalist's words: its words verify (or are misattributed) with a note
saying so, and a paraphrase close to them is altered, like a quotation's. Words the source has
only outside any quotation or recorded reported speech are not found; the note shows the
sentence. docs/fact-checking.md has the table.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mickb.errors import BadInput
from mickb.text.fold import fold, nfc, words

if TYPE_CHECKING:
    from mickb.kb.store import KB

# How many quotes the full-text index hands over for fuzzy comparison: enough to hold every
# quote that shares a rare word with the text, few enough to stay fast on a large KB.
CANDIDATE_LIMIT = 60
# The rarest words of the text that select candidate quotes, and the matches under which
# bm25 ranking is affordable (as in search.py).
RARE_WORDS = 6
RANK_BELOW = 20000
# Similarity (0..1, characters of the folded text) above which differing words are an
# "altered" quote rather than another quote altogether.
ALTERED_MIN = 0.72
# Short texts match by chance: ask more of them.
ALTERED_MIN_SHORT = 0.85
SHORT_WORDS = 4
# Paragraphs read, at most, when looking for the words outside quotation marks.
PASSAGE_LIMIT = 200
# A fragment shorter than this ("bỏ lại") is in too many sentences to prove a quotation.
MIN_FRAGMENT_WORDS = 3

# Courtesy words that come before a name and say nothing about who it is.
_HONORIFICS = frozenset(
    "ong ba anh chi ngai dong chi mr mrs ms miss dr ts gs pgs ths nha bao".split()
)
# The common Vietnamese family names (folded): they tell a person's name from the rest of a role.
_FAMILY_NAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao doan vuong "
    "truong trinh dinh lam mai to ha luu ta cao thai chau luong kieu quach giang khuc".split()
)
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# English titles as English-language outlets write them, and the Vietnamese offices they name
# (folded), longest first: "--by 'Prime Minister'" is "Thủ tướng".
_ENGLISH_TITLES = (
    ("deputy prime minister", "pho thu tuong"),
    ("prime minister", "thu tuong"),
    ("pm", "thu tuong"),
    ("deputy minister", "thu truong"),
    ("vice minister", "thu truong"),
    ("minister", "bo truong"),
    ("vice president", "pho chu tich"),
    ("vice chairman", "pho chu tich"),
    ("president", "chu tich"),
    ("chairman", "chu tich"),
    ("chairwoman", "chu tich"),
    ("chair", "chu tich"),
    ("general director", "tong giam doc"),
    ("ceo", "tong giam doc"),
    ("director general", "cuc truong"),
    ("director", "giam doc"),
    ("editor-in-chief", "tong bien tap"),
    ("editor in chief", "tong bien tap"),
    ("spokesperson", "nguoi phat ngon"),
    ("spokesman", "nguoi phat ngon"),
)
_ENGLISH_TITLE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(en) for en, _ in _ENGLISH_TITLES) + r")\b"
)
_ENGLISH_TITLE_VI = dict(_ENGLISH_TITLES)


def _vietnamese_titles(by: str) -> str:
    """`by` with English titles put in Vietnamese ("Minister Nguyen Manh Hung" -> "bo truong
    nguyen manh hung"); the rest as written."""
    low = fold(by)
    return _ENGLISH_TITLE_RE.sub(lambda m: _ENGLISH_TITLE_VI[m.group(0)], low)


@dataclass
class _Candidate:
    id: str
    text: str
    name: str | None
    role: str | None
    form: str | None
    sentence: str | None


@dataclass
class _Match:
    cand: _Candidate
    exact: bool  # the folded words are a contiguous run of the quote's words
    similarity: float
    window: list[str]  # the quote's original words that the text lines up with
    speaker_ok: bool


def verify_quote(kb: KB, text: str, by: str | None = None) -> dict[str, Any]:
    """The contract's `quote --json` result for `text`, optionally attributed to `by`."""
    if not text or not text.strip():
        raise BadInput('empty quote: give the words to verify, e.g. mickb quote "..."')
    text = nfc(text.strip())
    by = nfc(by.strip()) if by and by.strip() else None
    query = _collapse(_WORD_RE.findall(text))[1]
    if not query:
        raise BadInput("the quote has no words to verify")

    matches = [_compare(query, text, c, by) for c in quote_candidates(kb, query)]
    result: dict[str, Any] = {
        "text": text,
        "by": by,
        "verdict": "not_found",
        "similarity": 0.0,
        "quote": None,
        "actual_speaker": None,
        "differences": None,
        "note": None,
    }
    if not matches:
        result["note"] = _not_quoted_note(kb, text, query)
        return result

    # Prefer the same words, then the right speaker, then the closest, then direct quotation
    # over reported speech (the stronger evidence of the exact words).
    best = max(
        matches, key=lambda m: (m.exact, m.speaker_ok, m.similarity, m.cand.form != "reported")
    )
    threshold = ALTERED_MIN_SHORT if len(query) <= SHORT_WORDS else ALTERED_MIN
    result["similarity"] = round(best.similarity, 3)
    if not best.exact and best.similarity < threshold:
        result["note"] = _not_quoted_note(kb, text, query)
        return result

    cand = best.cand
    fragment = best.exact and len(query) < len(_collapse(_WORD_RE.findall(cand.text))[1])
    if fragment and len(query) < MIN_FRAGMENT_WORDS:
        result["note"] = (
            f"too few words to verify: give at least {MIN_FRAGMENT_WORDS} words of the quotation"
        )
        result["similarity"] = 0.0
        return result
    result["quote"] = _record(kb, cand)
    result["actual_speaker"] = {"name": cand.name, "role": cand.role}
    notes: list[str] = []
    if best.exact:
        result["verdict"] = "verified" if best.speaker_ok else "misattributed"
    else:
        result["verdict"] = "altered"
        result["differences"] = word_differences(text, best.window)
    who = _speaker_text(cand.name, cand.role)
    if by and not best.speaker_ok:
        if cand.name or cand.role:
            notes.append(f"the source attributes these words to {who}, not {by}")
        else:
            notes.append(f"the source does not say who said these words, so it cannot confirm {by}")
    if cand.form == "reported":
        notes.append("the source carries these words only as reported speech, not as a quotation")
    if notes:
        notes[-1] += _source_label((result["quote"] or {}).get("source") or {})
    result["note"] = "; ".join(notes) or None
    return result


def speaker_matches(by: str | None, name: str | None, role: str | None) -> bool:
    """Whether `by` designates the speaker: by full name (with or without diacritics), by the
    given name or names alone ("Hùng", "Mạnh Hùng", "ông Hùng"; "May" for Theresa May), by
    role ("Thủ tướng" in "Thủ tướng Chính phủ", "Cục trưởng" in "Cục trưởng Cục An toàn thông
    tin"), or by role and name ("Bộ trưởng Nguyễn Mạnh Hùng", "Bộ trưởng Hùng")."""
    if not by:
        return True
    asked = words(_vietnamese_titles(by))
    while asked and asked[0] in _HONORIFICS:
        asked = asked[1:]
    if not asked:
        return False
    name_w = words(name or "")
    if name_w:
        if asked == name_w:
            return True
        # Role (or anything) before the full name: the name decides.
        if len(asked) > len(name_w) and asked[-len(name_w) :] == name_w:
            return True
        # The given names alone: Vietnamese usage ("Hùng", "Mạnh Hùng"); a foreign surname.
        if name_w[-len(asked) :] == asked:
            return True
        # A title and the given name ("Bộ trưởng Hùng"): the title must be one of the
        # speaker's roles, when the source gives any.
        for k in range(1, len(name_w)):
            if len(asked) > k and asked[-k:] == name_w[-k:]:
                if not role or _role_matches(asked[:-k], role, []):
                    return True
    return _role_matches(asked, role, name_w)


def _role_matches(asked: list[str], role: str | None, name_w: list[str]) -> bool:
    """Whether the folded words `asked` name one of the roles in `role`."""
    asked_r = _plain_role(asked)
    # A speaker's roles come as a list ("Ủy viên Trung ương Đảng, Tổng Biên tập Báo Nhân Dân"):
    # `by` may name any one of them.
    for item in re.split(r"[,;]", role or ""):
        item_w = _plain_role(words(item))
        if not item_w:
            continue
        if _contains(item_w, asked_r):
            at = _find_run(item_w, asked_r)
            # "Trưởng Ban" is not "Phó Trưởng Ban": a deputy holds another office.
            if at > 0 and item_w[at - 1] == "pho":
                continue
            return True
        if _contains(asked_r, item_w):
            # A longer form of the role ("Thủ tướng Chính phủ"), or the role and a name:
            # some other person's name after the role is not this speaker.
            rest = _remove_run(asked_r, item_w)
            if asked_r[:1] == ["pho"] and item_w[:1] != ["pho"]:
                continue
            if not rest or not name_w:
                return True
            if name_w[-len(rest) :] == rest or not _looks_like_name(rest):
                return True
    return False


def word_differences(text: str, window: list[str]) -> str:
    """Word-level changes from the source's words (`window`) to `text`, readable:
    "'chiến sĩ' instead of 'chiến binh'; 'mọi' left out"."""
    mine, a = _collapse(_WORD_RE.findall(nfc(text)))
    b = [fold(w) for w in window]
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            # One syllable for another is one word for another: Vietnamese words are mostly
            # two syllables, so show the syllable that stayed with it ("chiến sĩ"/"chiến binh").
            if i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1]:
                i1, j1 = i1 - 1, j1 - 1
            elif i2 < len(a) and j2 < len(b) and a[i2] == b[j2]:
                i2, j2 = i2 + 1, j2 + 1
        said, source = " ".join(mine[i1:i2]), " ".join(window[j1:j2])
        if op == "replace":
            parts.append(f"'{said}' instead of '{source}'")
        elif op == "delete":
            parts.append(f"'{said}' added")
        elif op == "insert":
            parts.append(f"'{source}' left out")
    return "; ".join(parts)


def quote_candidates(kb: KB, query: list[str], limit: int = CANDIDATE_LIMIT) -> list[_Candidate]:
    """Quotes that may hold the query's words, a bounded set whatever the KB's size: the exact
    word sequence first, then the quotes sharing its rarest words (bm25-ranked when the
    vocabulary says they are few enough to rank cheaply)."""
    from mickb.kb.fts import fts_phrase as _fts_string
    from mickb.kb.fts import term_counts as _term_counts

    conn = kb.connection
    cols = "q.id, q.text, q.speaker_name, q.speaker_role, q.form, q.sentence"
    df = _term_counts(conn, query)
    known = [w for w in dict.fromkeys(query) if df is None or df.get(w, 0) > 0]
    rarest = sorted(known, key=lambda w: ((df or {}).get(w, 0), w))[:RARE_WORDS]
    estimate = sum((df or {}).get(w, 0) for w in rarest)
    stages = [(_fts_string(" ".join(query)), "f.rank")]
    if rarest:
        order = "f.rank" if df is None or estimate <= RANK_BELOW else "f.rowid DESC"
        stages.append((" OR ".join(_fts_string(w) for w in rarest), order))
    rows: dict[str, tuple[Any, ...]] = {}
    try:
        for expression, order in stages:
            if len(rows) >= limit:
                break
            for row in conn.execute(
                f"SELECT {cols} FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid "
                f"WHERE quotes_fts MATCH ? ORDER BY {order} LIMIT ?",
                (expression, limit),
            ):
                rows.setdefault(row[0], row)
    except sqlite3.Error:
        # No usable index: a bounded scan.
        for row in conn.execute(f"SELECT {cols} FROM quotes q LIMIT 20000"):
            rows.setdefault(row[0], row)
    return [_Candidate(*(None if v is None else str(v) for v in row)) for row in rows.values()]  # type: ignore[arg-type]


def _compare(query: list[str], text: str, cand: _Candidate, by: str | None) -> _Match:
    from rapidfuzz import fuzz

    original, folded = _collapse(_WORD_RE.findall(nfc(cand.text)))
    speaker_ok = speaker_matches(by, cand.name, cand.role)
    start = _find_run(folded, query)
    if start >= 0:
        return _Match(cand, True, 1.0, original[start : start + len(query)], speaker_ok)
    q_str, c_str = " ".join(query), " ".join(folded)
    if len(q_str) >= len(c_str):
        # The text is longer than the quote: compare the whole of both.
        return _Match(cand, False, fuzz.ratio(q_str, c_str) / 100, original, speaker_ok)
    align = fuzz.partial_ratio_alignment(q_str, c_str)
    if align is None:
        return _Match(cand, False, 0.0, [], speaker_ok)
    # The aligned characters, widened to whole words and a few words either side; then the
    # words that really match decide where the quoted part starts and ends.
    first = c_str.count(" ", 0, align.dest_start)
    last = c_str.count(" ", 0, max(align.dest_end - 1, align.dest_start)) + 1
    lo, hi = max(0, first - 3), min(len(folded), last + 3)
    blocks = [
        b
        for b in difflib.SequenceMatcher(
            None, query, folded[lo:hi], autojunk=False
        ).get_matching_blocks()
        if b.size
    ]
    if blocks:
        first, last = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
    similarity = fuzz.ratio(q_str, " ".join(folded[first:last])) / 100
    return _Match(cand, False, similarity, original[first:last], speaker_ok)


def _not_quoted_note(kb: Any, text: str, query: list[str]) -> str:
    """Why nothing verifies: no quotation is close; and, when the source has these very words
    outside quote marks (reported speech, narration), where."""
    found = passage_with_words(kb, text, query)
    if found is None:
        return "no quotation in the KB is close to these words"
    sentence, source = found
    return (
        "the source has these words only as reported speech or narration, not as a "
        f"quotation: “{sentence}”" + _source_label(source)
    )


def _source_label(source: dict[str, Any]) -> str:
    """ " — «title», date": where a reader finds the words."""
    title = f"«{source['title']}»" if source.get("title") else None
    where = ", ".join(x for x in (title, source.get("date")) if x)
    return f" — {where}" if where else ""


def passage_with_words(
    kb: Any, text: str, query: list[str], limit: int = PASSAGE_LIMIT
) -> tuple[str, dict[str, Any]] | None:
    """The sentence of a stored paragraph that contains the query's words in order, and its
    source; None when there is none.

    The paragraphs have no full-text index: SQL narrows them to those containing the query's
    longest word as typed (so this finds only text typed with its diacritics), then the
    folded words decide."""
    if len(query) < MIN_FRAGMENT_WORDS:
        return None
    typed = sorted(_WORD_RE.findall(nfc(text)), key=len, reverse=True)
    if not typed:
        return None
    key = typed[0].lower()
    conn = kb.connection
    try:
        rows = conn.execute(
            "SELECT source_id, text FROM passages WHERE instr(lower(text), ?) > 0 LIMIT ?",
            (key, limit),
        ).fetchall()
    except sqlite3.Error:
        return None
    for source_id, passage in rows:
        for sentence in re.split(r"(?<=[.!?…])\s+", passage or ""):
            if _find_run(_collapse(_WORD_RE.findall(sentence))[1], query) >= 0:
                source = kb.source_record(source_id) if hasattr(kb, "source_record") else {}
                return sentence.strip(), source
    return None


def _record(kb: Any, cand: _Candidate) -> dict[str, Any]:
    get = getattr(kb, "get", None)
    if get is not None:
        try:
            record = get(cand.id)
        except Exception:  # noqa: BLE001 - the bare row below still tells the user what matched
            record = None
        if isinstance(record, dict):
            return record
        if record is not None and hasattr(record, "__dict__"):
            return dict(vars(record))
    return {
        "kind": "quote",
        "id": cand.id,
        "text": cand.text,
        "speaker": {"name": cand.name, "role": cand.role},
        "form": cand.form,
        "sentence": cand.sentence,
        "source": None,
    }


def _plain_role(role: list[str]) -> list[str]:
    # "Bộ trưởng Bộ Thông tin..." and "Bộ trưởng Thông tin..." are the same office.
    out: list[str] = []
    for w in role:
        if w == "bo" and out[-1:] == ["truong"]:
            continue
        out.append(w)
    return out


def _looks_like_name(ws: list[str]) -> bool:
    """A Vietnamese personal name: two to five words starting with a common family name."""
    return 2 <= len(ws) <= 5 and ws[0] in _FAMILY_NAMES


def _speaker_text(name: str | None, role: str | None) -> str:
    return " ".join(x for x in (role, name) if x) or "an unnamed speaker"


def _collapse(original: list[str]) -> tuple[list[str], list[str]]:
    """Original and folded words, a word repeated by a slip of the keyboard ("vẫn vẫn")
    counted once on both sides, so that it neither hides nor fakes a difference."""
    kept: list[str] = []
    folded: list[str] = []
    for w in original:
        f = fold(w)
        if folded and folded[-1] == f:
            continue
        kept.append(w)
        folded.append(f)
    return kept, folded


def _find_run(haystack: list[str], needle: list[str]) -> int:
    n = len(needle)
    for i in range(len(haystack) - n + 1):
        if haystack[i : i + n] == needle:
            return i
    return -1


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return bool(needle) and _find_run(haystack, needle) >= 0


def _remove_run(haystack: list[str], needle: list[str]) -> list[str]:
    i = _find_run(haystack, needle)
    return haystack[:i] + haystack[i + len(needle) :]
