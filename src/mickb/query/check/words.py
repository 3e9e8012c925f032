"""The words of claims and metrics: what carries meaning, what is only reporting or time.

One folded form per word (see mickb.text.fold); everything here is read once per claim and
once per candidate fact, and remembered.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from mickb.query.check.period import COMPARED_RE, PREVIOUS_YEAR_RE
from mickb.text.fold import fold, nfc
from mickb.text.identifiers import VI_SYLLABLE_RE

WORD_RE = re.compile(r"[^\W_]+(?:&[^\W_]+)?", re.UNICODE)

# Words that carry no metric: verbs of reporting, linkers, hedges, time words. Written with
# their diacritics, because folded they collide with metric words ("về"/"vệ" in "bảo vệ",
# "từ"/"tử" in "điện tử", "tăng"/"tầng" in "hạ tầng", "đồng"/"động" in "lao động").
VI_STOP_WORDS = frozenset(
    """đạt ước tính là có được với năm tháng quý cuối trong của và các những một mức ở lên
    đến tới tăng giảm khoảng gần hơn trên ít nhất tối thiểu tối đa xấp xỉ chừng chiếm bằng
    tương đương ứng về cho vào tại thì này đó như đã sẽ vẫn còn cũng lại bị đang tiếp tục từ
    khi mà nếu thế theo riêng sau trước con vừa qua ngày phần trăm nghìn ngàn triệu tỷ tỉ usd
    vnd trở thêm đồng so ngoái vượt dưới chưa xuống mới chỉ đều hết lần lượt gấp cùng nhích
    sụt đưa nâng giúp xong song nhưng khối mỗi khỏi dù mặc tuy vọt""".split()
)
# Typed without diacritics, only the words that cannot be metric words are dropped.
_VI_STOP_ASCII = frozenset(fold(w) for w in VI_STOP_WORDS) - frozenset(
    "ve tu dong so the trong ty ti con lan luot song".split()
)
# Generic words: they count, but little ("dịch vụ", "lĩnh vực", "tỷ lệ").
VI_GENERIC = frozenset(
    "dich vu linh vuc nganh toan tong so luong ty le trong su hoat viet nam ca nuoc gia tri "
    "chi tieu muc bo".split()
)
# "số lượng", "tổng số", "tỷ lệ": wrappers that say almost nothing of what is measured.
_VI_WRAPPERS = frozenset("so luong tong ty le".split())
EN_STOP = frozenset(
    """the of and in to a an is was were are be been by for with on at from as that this it its
    authorities authority officials official reached reach reaches hit totaled totalled total
    stood amounted amount came grew grow grown
    rose rise risen fell fall fallen up down increased increase decreased decrease than more
    less over about nearly almost around least estimated approximately some roughly just close
    under below above year years period percent per cent billion million thousand trillion
    quadrillion dong usd vnd us vietnam vietnamese country s rate growth gained jumped climbed
    dropped declined expanded achieved achieve while compared against versus vs last first half
    quarter month months only also which who has have had will would reaching reported
    recorded posted saw seen see registered according said says stated showed shows data
    figures report ministry's generated generate generates earned earn earns posted post
    recorded record records brought bring brings made make makes released release stood
    came come comes totalled totals topped top tops registered register saw see sees
    growing rising falling increasing decreasing declining gaining climbing dropping
    had having collected collect recouped recoup logged log booked book clocked amounting
    worth valued value around approximately or equal equals equivalent edged edge inched
    took taken take takes taking between during since meanwhile through each alone
    respectively put puts figure marks mark marking push pushes pushed lift lifts lifted slice
    portion soared surged slipped slid dipped plunged tumbled leapt leaped ballooned
    doubled tripled handled processed""".split()
)

# Spellings that mean the same in a metric (folded words).
SYNONYMS = {
    "dn": "doanh nghiep",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "cntt": "cong nghe thong tin",
    "lnst": "loi nhuan sau thue",
    "lntt": "loi nhuan truoc thue",
    "nsnn": "ngan sach nha nuoc",
    "bcvt": "buu chinh vien thong",
    "ktxh": "kinh te xa hoi",
}
# Abbreviations as written ("Bộ TT-TT", "TT&TT", "TT và TT"): read before the words are split.
_ABBREVIATIONS = (
    (
        re.compile(r"\bTT\s*(?:&|-|và|va|and)\s*TT\b|\bTTTT\b", re.IGNORECASE),
        "Thông tin và Truyền thông",
    ),
    (re.compile(r"\bMIC\b"), "Bộ Thông tin và Truyền thông"),
    (re.compile(r"\bCNTT\b"), "công nghệ thông tin"),
    (re.compile(r"\bBCVT\b"), "bưu chính viễn thông"),
    (re.compile(r"\bNSNN\b"), "ngân sách Nhà nước"),
    (re.compile(r"\bLNST\b"), "lợi nhuận sau thuế"),
    (re.compile(r"\bLNTT\b"), "lợi nhuận trước thuế"),
    (re.compile(r"\bDN\b"), "doanh nghiệp"),
    (re.compile(r"\bVN\b"), "Việt Nam"),
)


def expand_abbreviations(text: str) -> str:
    for pattern, words in _ABBREVIATIONS:
        if pattern.search(text):
            text = pattern.sub(words, text)
    return text


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


# Sector and sub-sector terms (folded): the scope of a figure. A claim naming one sector is
# never about a fact of another ("doanh thu dịch vụ viễn thông" is not "... bưu chính").
SECTOR_TERMS: tuple[str, ...] = tuple(
    sorted(
        _phrases(
            "thong tin va truyen thong|cong nghe thong tin|cong nghiep cong nghe so|"
            "cong nghiep ict|cong nghe so|an toan thong tin|kinh te so|chinh phu so|"
            "kinh te so ict|kinh te so nganh|kinh te so nen tang|"
            "chinh phu dien tu|xa hoi so|chuyen doi so|thuong mai dien tu|phat thanh|"
            "truyen hinh|bao chi|xuat ban|phat hanh|in|buu chinh|vien thong|internet|bang rong|"
            "di dong|co dinh|phan mem|phan cung|dien tu|noi dung so|ict|truyen thong|"
            "quang cao|tan so|ban dan|vi mach|du lieu|tri tue nhan tao|dien toan dam may|ve tinh|"
            "nen kinh te"
        ),
        key=lambda t: (-len(t.split()), t),
    )
)
# The whole sector: the scope of "toàn ngành", "the ministry", "the sector" in a report on it.
WHOLE_SECTOR = "thong tin va truyen thong"
# The whole economy, all sectors ("nền kinh tế", "the economy", "overall"): a scope of its own
# when a claim names no sector.
NATIONAL = "nen kinh te"
_SECTOR_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _term in SECTOR_TERMS:
    _SECTOR_BY_FIRST.setdefault(_term.split()[0], []).append(tuple(_term.split()))

# English words for sector scopes (normalised English words -> folded sector term).
EN_SECTORS = (
    ("information and communications", WHOLE_SECTOR),
    ("information and communication", WHOLE_SECTOR),
    ("communications sector", WHOLE_SECTOR),
    ("information and communication technology", WHOLE_SECTOR),
    ("ict industry", "cong nghiep ict"),
    ("ict sector", WHOLE_SECTOR),
    ("digital technology industry", "cong nghiep cong nghe so"),
    ("ict digital economy", "kinh te so ict"),
    ("core digital economy", "kinh te so ict"),
    ("sectoral digital economy", "kinh te so nganh"),
    ("platform digital economy", "kinh te so nen tang"),
    ("digital economy", "kinh te so"),
    ("digital transformation", "chuyen doi so"),
    ("information security", "an toan thong tin"),
    ("cyber security", "an toan thong tin"),
    ("cybersecurity", "an toan thong tin"),
    ("telecommunications", "vien thong"),
    ("telecommunication", "vien thong"),
    ("telecom", "vien thong"),
    ("carriers", "vien thong"),
    ("carrier", "vien thong"),
    ("network operators", "vien thong"),
    ("postal", "buu chinh"),
    ("post", "buu chinh"),
    ("publishing", "xuat ban"),
    ("printing", "in"),
    ("printed", "in"),
    ("print", "in"),
    ("press", "bao chi"),
    ("broadband", "bang rong"),
    ("software", "phan mem"),
    ("hardware", "phan cung"),
    ("e-commerce", "thuong mai dien tu"),
    ("economy-wide", NATIONAL),
    ("whole economy", NATIONAL),
    ("the economy", NATIONAL),
    ("overall", NATIONAL),
)


# The sectors a figure's scope is compared by (the other terms name products and services
# inside a sector: "di động", "internet", "dữ liệu").
_SCOPES = {
    "thong tin va truyen thong": WHOLE_SECTOR,
    "vien thong": "vien thong",
    "buu chinh": "buu chinh",
    "bao chi": "bao chi",
    "xuat ban": "xuat ban",
    "in": "xuat ban",
    "phat hanh": "xuat ban",
    "cong nghiep ict": "cong nghiep ict",
    "cong nghiep cong nghe so": "cong nghiep ict",
    "cong nghe thong tin": "cong nghe thong tin",
    "an toan thong tin": "an toan thong tin",
    "kinh te so": "kinh te so",
    # the parts of the digital economy: the ICT sector's own, that of other sectors, platforms
    "kinh te so ict": "kinh te so ict",
    "kinh te so nganh": "kinh te so nganh",
    "kinh te so nen tang": "kinh te so nen tang",
    "chuyen doi so": "chuyen doi so",
    "chinh phu so": "chuyen doi so",
    "chinh phu dien tu": "chuyen doi so",
    "xa hoi so": "kinh te so",
    "phat thanh": "phat thanh truyen hinh",
    "truyen hinh": "phat thanh truyen hinh",
    "thuong mai dien tu": "thuong mai dien tu",
    "nen kinh te": NATIONAL,
    "cong nghe so": "cong nghiep ict",
}


def scopes(terms: set[str] | frozenset[str]) -> set[str]:
    """The sectors among sector terms ("xuất bản, in, phát hành" is one: xuất bản)."""
    return {_SCOPES[t] for t in terms if t in _SCOPES}


def sector_terms(ws: list[str] | tuple[str, ...]) -> set[str]:
    """The sector terms in a list of folded words, longest match first."""
    found: set[str] = set()
    i = 0
    while i < len(ws):
        for parts in _SECTOR_BY_FIRST.get(ws[i], ()):
            if tuple(ws[i : i + len(parts)]) == parts:
                found.add(" ".join(parts))
                i += len(parts)
                break
        else:
            i += 1
    return found


def en_sector_terms(en_words: list[str]) -> set[str]:
    text = " " + " ".join(en_words) + " "
    found: set[str] = set()
    for phrase, term in EN_SECTORS:
        if f" {phrase} " in text:
            found.add(term)
            text = text.replace(f" {phrase} ", " | ")
    return found


def folded_words(text: str) -> list[str]:
    out: list[str] = []
    for w in WORD_RE.findall(fold(text)):
        out.extend(SYNONYMS.get(w, w).split())
    return _same_phrases(out)


# Words whose meaning needs their diacritics ("lãi" is profit, "lại" is "again").
EXACT_SYNONYMS = {
    "lãi": "loi nhuan",
    "ngàn": "nghin",  # (not "ngân", as in "ngân sách")
    "tỉ": "ty",
    "dùng": "su dung",  # (not "dụng", as in "sử dụng")
}


# Phrases that mean the same (folded): the first spelling becomes the second.
_PHRASE_SYNONYMS = (("toan quoc", "ca nuoc"), ("tren toan quoc", "tren ca nuoc"))


# Other names of a fact's metric, on both sides (folded): "người làm việc" in a sector are
# its workforce, "sách điện tử" its electronic publications.
_SAME_NOUNS = (
    (" doi ngu nguoi lam viec ", " lao dong "),
    (" nguoi lam viec ", " lao dong "),
    (" sach dien tu ", " xuat ban pham dien tu "),
    (" dau sach in ", " dau xuat ban pham in "),
    (" dien thoai thong minh ", " smartphone "),
    (" lao dong lam viec ", " lao dong "),
    (" khoan nop ngan sach ", " nop ngan sach "),
    (" tien nop ngan sach ", " nop ngan sach "),
)


def _same_phrases(words: list[str]) -> list[str]:
    text = " " + " ".join(words) + " "
    for phrase, instead in _SAME_NOUNS:
        if phrase in text:
            text = text.replace(phrase, instead)
            words = text.split()
    if (
        " toan quoc " not in text
        and " nha mang " not in text
        and " luc luong " not in text
        and " co quan chuc nang " not in text
    ):
        return words
    # "cơ quan chức năng", "lực lượng chức năng" (the authorities) acted; "lực lượng" alone
    # says nothing of what was counted ("với lực lượng 1.510.027 lao động")
    text = text.replace(" co quan chuc nang ", " ").replace(" luc luong chuc nang ", " ")
    text = text.replace(" luc luong ", " ")
    # "lực lượng lao động" (the workforce) is the number of workers a report counts
    text = text.replace(" luc luong lao dong ", " lao dong ")
    return text.replace(" toan quoc ", " ca nuoc ").replace(" nha mang ", " vien thong ").split()


def tokens(text: str) -> tuple[list[str], list[str]]:
    """(every folded word, the folded words that are not stop words) of Vietnamese text;
    stop words are recognised with their diacritics when the text has them."""
    raw: list[str] = []
    content: list[str] = []
    words = WORD_RE.findall(nfc(text).lower())
    for i, w in enumerate(words):
        f = fold(w)
        stop = w in VI_STOP_WORDS or (w == f and f in _VI_STOP_ASCII and not _in_compound(words, i))
        if stop and f in _KEPT_BEFORE and i + 1 < len(words):
            stop = fold(words[i + 1]) not in _KEPT_BEFORE[f]
        if stop and f in _KEPT_AFTER and i > 0:
            stop = fold(words[i - 1]) not in _KEPT_AFTER[f]
        for part in EXACT_SYNONYMS.get(w, SYNONYMS.get(f, f)).split():
            raw.append(part)
            if not stop:
                content.append(part)
    return _same_phrases(raw), _same_phrases(content)


def _in_compound(words: list[str], i: int) -> bool:
    """Whether a word written without diacritics is half of one of the sector's two-syllable
    words with its neighbour ("nop ngan sach", "nang suat": not "ngàn", "nâng")."""
    known = _all_compounds()
    f = fold(words[i])
    before = i > 0 and (fold(words[i - 1]), f) in known
    return before or (i + 1 < len(words) and (f, fold(words[i + 1])) in known)


# Stop words that are content before certain words: "trước thuế" (pre-tax) and "sau thuế"
# (after-tax) are two different profits, not one profit and a tax.
_KEPT_BEFORE = {
    "truoc": frozenset({"thue"}),
    "sau": frozenset({"thue"}),
    "chi": frozenset({"tieu"}),  # "chỉ tiêu" (targets), not "chỉ" (only)
}
# ... and after certain words: "hợp nhất" (consolidated) is no "nhất" (most)
_KEPT_AFTER = {"nhat": frozenset({"hop"})}


@lru_cache(maxsize=8192)
def cached_tokens(text: str) -> tuple[list[str], list[str]]:
    return tokens(text)


@lru_cache(maxsize=8192)
def cached_terms(text: str) -> tuple[list[str], list[str]]:
    """(every word, content words) of a text, two-syllable words joined (see compounds)."""
    raw, content = tokens(text)
    return raw, compounds(content)


def en_norm(word: str) -> str:
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]  # businesses, boxes, branches
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def en_in(word: str, others: list[str]) -> bool:
    """An English word among others, allowing for word forms (telecom / telecommunications,
    contributed / contribution)."""
    for o in others:
        if word == o:
            return True
        short, long_ = sorted((word, o), key=len)
        if len(short) >= 4 and long_.startswith(short):
            return True
        common = len(os.path.commonprefix([word, o]))
        if common >= 6 and common >= 0.7 * len(short):
            return True
    return False


def weight(word: str) -> float:
    """How much a (folded) word or compound says of a metric."""
    parts = word.split()
    if all(p in _VI_WRAPPERS for p in parts):
        return 0.2
    return 0.4 if all(p in VI_GENERIC for p in parts) else 1.0


def has_content(vi: list[str] | tuple[str, ...], en: list[str] | tuple[str, ...]) -> bool:
    return bool(en) or any(weight(w) == 1.0 for w in vi)


# Two-syllable words of the sector: matched whole, so that "doanh thu" (revenue) shares
# nothing with "doanh nghiệp" (enterprise), nor "lao động" with "di động".
_COMPOUNDS = frozenset(
    tuple(p.split())
    for p in """doanh thu|doanh nghiep|loi nhuan|lao dong|ngan sach|thue bao|xuat ban|vien thong|
    buu chinh|nang suat|san luong|thong tin|truyen thong|di dong|dien thoai|dich vu|linh vuc|
    nha nuoc|cong nghiep|cong nghe|kinh te|chuyen doi|an toan|bao chi|phat hanh|nen tang|
    tai khoan|nguoi dung|nguoi dan|thi truong|gia tri|ty le|ty trong|so luong|dong gop|
    dau tu|xuat khau|nhap khau|thu nhap|chi phi|von dieu le|tang truong|ke hoach|chi tieu|
    lua dao|truc tuyen|trang web|xa hoi|phu song|lom song|tap doan|
    cong ty|nhan luc|dien tu|phan mem|phan cung|du lieu|toan quoc|ca nuoc|viet nam|
    san pham|hang hoa|khach hang|dau sach|trien khai|truoc thue|sau thue|bao cao|
    hop nhat""".split("|")
)


@lru_cache(maxsize=1)
def _all_compounds() -> frozenset[tuple[str, ...]]:
    from mickb.text.glossary import unmarked_terms

    # (the glossary's terms with diacritics never meet the folded words joined here)
    found = set(_COMPOUNDS)
    for term in unmarked_terms():
        parts = tuple(term.split())
        if len(parts) == 2 and all(p.isalpha() for p in parts):
            found.add(parts)
    return frozenset(found)


def compounds(words: list[str] | tuple[str, ...]) -> list[str]:
    """Folded words with the sector's two-syllable words joined: ["doanh", "thu", "dich",
    "vu"] -> ["doanh thu", "dich vu"]."""
    known = _all_compounds()
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and (words[i], words[i + 1]) in known:
            out.append(f"{words[i]} {words[i + 1]}")
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def syllables(words: list[str] | tuple[str, ...]) -> list[str]:
    """Compounds split back into their words (what the full-text index holds)."""
    return [p for w in words for p in w.split()]


# --- names of companies and bodies ------------------------------------------------------------
# Capitalised words that are no Vietnamese syllable (VI_SYLLABLE_RE: "Viettel", "MobiFone",
# "Samsung") are names.
# Acronyms that are vocabulary, not names.
_COMMON_ACRONYMS = frozenset(
    "gdp ict cntt tt tttt usd vnd eur bts fdi pci cpi grdp it ai iot 2g 3g 4g 5g covid sim "
    "tp ubnd hdnd qd nd cp ttg tt&tt mic bcvt nsnn lnst lntt dn vnd us ceo".split()
)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """English words of the sector's vocabulary and common speech: capitalised, still words."""
    import os

    found = set(EN_STOP) | set(_COMMON_ENGLISH.split())
    # every English alternative of the glossary (its second column)
    data = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "data")
    with open(os.path.join(data, "glossary.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            english = line.split("\t", 1)[1].lower()
            found.update(en_norm(w) for w in WORD_RE.findall(english))
    return frozenset(found)


_COMMON_ENGLISH = """vietnam vietnamese ministry minister government state national deputy prime
    president chairman director general department agency office sector industry market
    company companies group corporation firm firms operator operators carrier carriers bank
    internet online website websites covid smartphone smartphones email google facebook app
    apps according revenue profit january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday"""


# English word endings: a capitalised word that ends so opens an English sentence, it names
# nothing ("Speaking at ...", "Fewer than ...", "Cross-border ...").
_ENGLISH_ENDING_RE = re.compile(r"(?:ing|ed|ly|tion|tions|ment|ness|ers|er|al|ic|ous|ive|ies|es)$")


# Words that open an English sentence and name nothing.
# (beside EN_STOP, which `is_name_token` asks too)
_EN_SENTENCE_OPENERS = frozenset(
    "after before including amid despite when these those their our overall still all both "
    # a number written out at a sentence's start, and a column's or a note's label
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion opinion correction fact analysis comment editorial".split()
)


def is_name_token(word: str, sentence_start: bool = False) -> bool:
    f = fold(word)
    if f in _COMMON_ACRONYMS or not word[:1].isupper() or word.isdigit():
        return False
    capitals = sum(1 for ch in word if ch.isupper())
    if en_norm(f) in _english_words() and capitals < 2:
        return False
    if capitals < 2 and (f in EN_STOP or f in _EN_SENTENCE_OPENERS):
        return False  # "Between January and November 2022, …", "During 2022, …"
    if capitals >= 2:
        return True  # VNPT, MobiFone, VinaPhone
    if sentence_start and _ENGLISH_ENDING_RE.search(f):
        return False
    return word == f.capitalize() and not VI_SYLLABLE_RE.fullmatch(f)


def entities(
    text: str, *, first_word_is_sentence_start: bool = False
) -> frozenset[tuple[str, ...]]:
    """Company and organisation names in `text` ("VNPT", "Viettel", "VNPT VinaPhone"), as
    folded word tuples. The first word of a sentence is capitalised anyway: there a word with
    an English ending is no name."""
    found: set[tuple[str, ...]] = set()
    run: list[str] = []
    for m in [*WORD_RE.finditer(text), None]:
        w = m.group(0) if m is not None else ""
        at_start = first_word_is_sentence_start and m is not None and m.start() == 0
        if w and is_name_token(w, sentence_start=at_start):
            run.append(fold(w))
            continue
        if w and run and w[:1].isupper() and not w.isdigit() and fold(w) not in _COMMON_ACRONYMS:
            run.append(fold(w))  # "VNPT Media", "Viettel Post": a name goes on
            continue
        if run:
            found.add(tuple(run))
        run = []
    return frozenset(found)


def names(text: str, entity: tuple[str, ...]) -> bool:
    """Whether `text` names `entity` itself, not a longer name that starts or ends with it
    ("VNPT" is named in "VNPT đạt …" and "VNPT, MobiFone", not in "VNPT Media đạt …")."""
    matches = list(WORD_RE.finditer(text))
    folded = [fold(m.group(0)) for m in matches]
    n = len(entity)

    def joined(a: int, b: int) -> bool:  # two tokens of one name: only spaces between them
        return (
            0 <= a and b < len(matches) and not text[matches[a].end() : matches[b].start()].strip()
        )

    for i in range(len(matches) - n + 1):
        if tuple(folded[i : i + n]) != entity:
            continue
        j = i + n
        longer_after = joined(j - 1, j) and is_name_token(matches[j].group(0))
        longer_before = joined(i - 1, i) and is_name_token(matches[i - 1].group(0))
        if not longer_after and not longer_before:
            return True
    return False


# --- time and comparison phrases: the period is matched on its own, never as metric words ---

TIME_RES = (
    COMPARED_RE,
    PREVIOUS_YEAR_RE,
    re.compile(r"\b(?:cung ky|year on year|year-on-year|yoy|on year)\b"),
    re.compile(r"\btang truong\b"),
    re.compile(r"\b\d{1,2}\s+thang(?:\s+(?:dau|cuoi))?(?:\s+nam)?\b"),
    re.compile(r"\b(?:nua dau|nua cuoi)(?:\s+nam)?\b"),
    re.compile(r"\bquy\s+(?:iv|iii|ii|i|[1-4])\b"),
    re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of)?\b"),
    re.compile(r"\b(?:the\s+)?(?:first|past|last)\s+\w+\s+months?(?:\s+of)?\b"),
    re.compile(r"\b(?:in\s+)?(?:h[12]|q[1-4])\b"),
    re.compile(
        r"\b(?:(?:tinh\s+)?(?:den|toi)\s+)?(?:(?:het|cuoi|dau|giua)\s+)?"
        r"(?:nam|in|during|for|of|by|as of)\s+(?:19|20)\d\d\b"
    ),
    re.compile(r"\bluy ke\b"),  # "lũy kế 11 tháng": cumulative, a period's word
    re.compile(r"\bbuoc (?:sang|vao)\b"),  # "Bước sang năm 2023": entering a year
    re.compile(r"\b(?:ca nam|whole year|full year|as a whole|for the year)\b"),
    re.compile(
        r"\b(?:tinh den|tinh toi|den|as of|by)?\s*(?:het|cuoi|the end of)?\s*"
        r"thang\s+\d{1,2}(?:\s*/\s*\d{4})?\b"
    ),
    re.compile(
        r"\b(?:giai doan|thoi ky|period|in)?\s*(?:19|20)\d\d\s*(?:-|–|to|den)\s*(?:19|20)\d\d\b"
    ),
    re.compile(r"\b(?:giua nam|mid-year|mid year|as of mid|mid)\b"),
    re.compile(r"\b(?:quy truoc|thang truoc|previous quarter|previous month)\b"),
    # "by the end of 2016", "at the start of the year": when, not what
    re.compile(
        r"\b(?:by |at |as of |until |till )(?:the )?(?:end|start|beginning|middle)(?: of)?"
        r"(?: the year)?\b|\b(?:the )?(?:end|start|beginning|middle) of(?: the year)?\b"
    ),
    # English months and their ranges ("January-April", "Jan to Apr"); "May" only in a range
    re.compile(
        r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*(?:-|–|to)\s*)?"
        r"(?:january|february|march|april|june|july|august|september|october|november|"
        r"december|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b\.?)"
        r"|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*(?:-|–|to)\s*may\b"
    ),
    # "lần đầu tiên", "for the first time": when it happened, not what was measured
    re.compile(r"\b(?:lan dau tien|lan dau|for the first time|the first time)\b"),
    # an average yearly rate: "tăng bình quân 25% mỗi năm", "growing 25 percent a year on average"
    re.compile(
        r"\b(?:binh quan|trung binh|moi nam|hang nam|hangnam|/nam|on average|an average of|"
        r"average|annual|annually|a year|per year|each year|toc do(?= tang))\b"
    ),
    re.compile(r"(?<!\w)\d+(?:[.,/]\d+)*(?!\w)"),  # numbers, not "4G" or "Covid-19"
)


def without_time(text: str) -> str:
    """`text` with its period, comparison and number phrases blanked out (diacritics kept)."""
    folded = fold(text)
    if len(folded) != len(text):
        return strip_time(folded)
    keep = [True] * len(text)
    for pattern in TIME_RES:
        for m in pattern.finditer(folded):
            if folded[m.start() : m.start() + 3] == "so " and text[m.start() + 1] != "o":
                continue  # "kinh tế số năm 2022": "số" (digital) is no "so" (compared with)
            for i in range(m.start(), m.end()):
                keep[i] = False
    return "".join(ch if k else " " for ch, k in zip(text, keep, strict=True))


def strip_time(folded: str) -> str:
    for pattern in TIME_RES:
        folded = pattern.sub(" ", folded)
    return folded


# --- where a figure holds: at home or abroad -------------------------------------------------

_DOMESTIC_RE = re.compile(r"\b(?:trong nuoc|noi dia|domestic(?:ally)?|at home)\b")
_ABROAD_RE = re.compile(
    r"\b(?:toan cau|nuoc ngoai|thi truong quoc te|o nuoc ngoai|global(?:ly)?|worldwide|"
    r"overseas|abroad|foreign)\b"
)


def place_of(folded: str) -> str | None:
    """ "domestic" or "abroad" when folded text says which (and not both): 61 triệu thuê bao
    "trong nước" and 100 triệu "trên toàn cầu" are figures of two scopes."""
    home = _DOMESTIC_RE.search(folded) is not None
    away = _ABROAD_RE.search(folded) is not None
    if home == away:
        return None
    return "domestic" if home else "abroad"
