"""What a figure measures: the noun phrase that names its metric.

Used by extract/figures.py for every figure of a sentence:

- `metric_left(left)`: the metric from the words to the left of the figure in its clause, up to
  the verb that introduces it ("doanh thu dịch vụ viễn thông đạt 138.000 tỷ đồng" -> "doanh
  thu dịch vụ viễn thông"), with the subject kept when it is a name ("MobiFone đạt lợi nhuận
  ..." -> "lợi nhuận MobiFone"), and an enumeration kept whole ("doanh thu xuất bản, in, phát
  hành").
- `right_phrase(sentence, pos)`: the words after a figure up to the next clause break: what a
  count counts, or what an amount is of ("6.121 tỷ đồng doanh thu").
- `clean_np`, `tidy`, `subject_of`: the noun phrase without clause openers, periods,
  auxiliaries; a sentence-initial capital lowered; the subject of a clause.

Patterns searched most run case-sensitively on lower-cased text (`search_ci`), about twice as
fast as IGNORECASE (see `_lower_twin`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mickb.ingest.extract.context import (
    NO_DIGIT_PERIOD_WORDS,
    comparisons,
    has_odd_case,
    period_mentions,
)

_F = re.IGNORECASE | re.UNICODE

# Verbs that introduce a figure; the metric stands to their left (or between them and the
# figure: "Viettel Post đạt lợi nhuận 410 tỷ đồng"). Longest first.
_TRIGGERS = (
    "ước tính đạt",
    "ước đạt",
    "ước tính",
    "dự kiến đạt",
    "đạt mức",
    "đạt được",
    "đạt",
    "là",
    "tăng trưởng bình quân",
    "tăng bình quân",
    "tăng trưởng",
    "tăng thêm",
    "tăng",
    "sụt giảm",
    "giảm",
    "chiếm",
    "bằng",
    "gấp",
    "có",
    "lên",
    "xuống",
    "còn",
    "ở mức",
    "vượt",
    "reached",
    "was",
    "were",
    "is",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
    "totalled",
    "totaled",
    "stood at",
    "hit",
    "up",
    "down",
    "an increase of",
    "a decrease of",
    "a rise of",
    "a drop of",
    "increase of",
    "decrease of",
    "reaching",
    "of",
)
_TRIGGER_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(t) for t in _TRIGGERS)
    # "với doanh thu 1.875 tỷ đồng", but not "so với", "cùng với", "đối với"
    + r"|(?<!so )(?<!cùng )(?<!đối )với"
    + r")(?![\w])",
    _F,
)
# Measure words that need the rest of the phrase: "tỷ trọng" of what?
_MEASURE_HEADS = ("tỷ trọng", "tỷ lệ", "tỉ lệ", "mức", "con số", "giá trị", "quy mô")
SHARE_WORDS_RE = re.compile(
    r"(?<![\w])(tỷ trọng|tỷ lệ|tỉ lệ|tỉ trọng|thị phần|chiếm|share|rate)", _F
)

_INTRO_RE = re.compile(
    r"(?<![\w])(?:(?<!so )(?<!cùng )(?<!đối )với|ghi nhận|mang về|đem về|thu về|báo lãi|"
    r"đem lại|mang lại|"
    r"công bố|reported|posted)(?![\w])",
    _F,
)
# Words that open a clause without belonging to the metric.
_LEADING = re.compile(
    r"^(?:\s*(?:theo đó|như vậy|trong đó|trong khi đó|tuy nhiên|ngoài ra|bên cạnh đó|cụ thể|"
    r"đặc biệt|riêng|còn|và|với|trong|hiện nay|hiện|đến nay|tính đến(?: hết| cuối)?|"
    r"cùng với đó|do vậy|do đó|vì vậy|mặc dù|nhưng|song|đồng thời|tại|về|của|là|thì|"
    r"tổng cộng|trong số đó|chỉ(?!\s+(?:số|tiêu|thị|đạo|định))|đã|sẽ|cũng|đều|vẫn|tương ứng|"
    r"cả|một|con số|có|hiện có|hay như|như|điển hình là|điển hình|tương đương|lần lượt|"
    r"of|the|and|with|while|including|an|a|its|to)(?![\w]))+",
    _F,
)
_TRAILING_WORDS = (
    "ước tính|ước|dự kiến|đã|sẽ|cũng|đều|vẫn|chỉ|lại|hiện|mới|tiếp tục|có|ở|"
    "trong|của|là|lớn|cao|thấp|đắt|rẻ|đạt|mức|khoảng|tổng cộng|tương ứng|này|đó|trên|nói trên|"
    "nêu trên|"
    "được|với|và|hoặc|cho|từ|tới|đến|lên|xuống|còn|năm|tính|nay|hơn|gần|trên|xấp xỉ|ít nhất|"
    "nghiêm trọng|mạnh|nhẹ|đáng kể|thêm|bình quân|trung bình|liên tục|cùng|tương ứng|"
    "of|the|was|were|at|by|about"
)
_TRAILING = re.compile(r"(?:(?<![\w])(?:" + _TRAILING_WORDS + r")\s*)+$", _F)


def word_list(*alternations: str) -> re.Pattern[str]:
    """The words of word lists ("tăng trưởng|tăng|..."), to `fullmatch` one word against."""
    words = {t for a in alternations for w in a.split("|") for t in w.split()}
    # search_at_end counts on phrases of letters and single spaces
    assert all(re.fullmatch(r"[^\W\d_]+", w) for w in words), words
    pattern = re.compile("|".join(sorted(words)), _F)
    _WORD_SETS[pattern] = frozenset(w.lower() for w in words)
    return pattern


# The words of each word_list, lower-cased: a word whose lower-case form is one of them is
# one (fullmatch equates the same letters), and one that is not is none, unless it holds a
# letter of context._ODD_CASE, which the pattern itself then reads.
_WORD_SETS: dict[re.Pattern[str], frozenset[str]] = {}


_TRAILING_VOCABULARY = word_list(_TRAILING_WORDS)


def search_at_end(
    pattern: re.Pattern[str], vocabulary: re.Pattern[str], s: str
) -> re.Match[str] | None:
    """`pattern.search(s)` for a pattern of words of a list that ends at the end of `s` ($).

    Searching tries the pattern at every position, which is slow for a long `s`. Every
    whitespace-separated word a match covers is a word of the list, except that the first may
    carry punctuation before it ("(trên"), so a match starts no earlier than the last word
    (from the end) that is not one: the search starts there.
    """
    end, start = len(s), 0
    words = _WORD_SETS[vocabulary]
    # The words from the end, a few at a time (rsplit reads no further): the same words, in
    # the same order, as reversed(s.split()), without splitting a long sentence whole.
    k = 8
    while True:
        parts = s.rsplit(None, k)
        whole = len(parts) <= k  # every word split off (no unsplit rest in parts[0])
        for tok in reversed(parts if whole else parts[1:]):
            start = end = s.rfind(tok, 0, end)
            if tok.lower() not in words and not (has_odd_case(tok) and vocabulary.fullmatch(tok)):
                return pattern.search(s, start)
        if whole:
            return pattern.search(s, start)
        end, start, k = len(s), 0, k * 4  # all words of the list so far: read further back


def before_last_words(s: str, k: int) -> int:
    """A position in `s` no later than the start of its k-th whitespace-separated word from
    the end (0 when it has no more than k words): rsplit reads no further than those words."""
    parts = s.rsplit(None, k)
    return len(parts[0]) if len(parts) > k else 0


def _strip_trailing(s: str) -> str:
    """`_TRAILING.sub("", s)`: one match at most, since it runs to the end."""
    m = search_at_end(_TRAILING, _TRAILING_VOCABULARY, s)
    if m and s[: m.start()].lower().endswith(_HEIGHT_NOUNS) and s[m.start() :].startswith("cao"):
        return s  # "chiều cao", "độ cao": a noun, not "cao" (high) after one
    return s[: m.start()] + s[m.end() :] if m else s


_HEIGHT_NOUNS = ("chiều ", "độ ", "tầm ")


# "sẽ nâng X lên", "phấn đấu đưa X lên": the metric is X
_RAISE_VERBS = ("nâng", "đưa", "kéo", "đẩy", "hạ")
_RAISE_RE = re.compile(
    r"^.*?(?<![\w])(?:sẽ|đã|phải|cần|đang|phấn đấu)?\s*(?:" + "|".join(_RAISE_VERBS) + r")\s+", _F
)
_ACTION_VERBS = (
    r"(?:thành lập|xử lý|ngăn chặn|bảo vệ|hoàn thành|phủ sóng|thu hút|tuyển dụng|hỗ trợ|"
    r"cấp phép|cấp|triển khai|phát hiện|gỡ bỏ|chặn|đào tạo|tập huấn|kết nối|cung cấp|sản xuất|"
    r"thoái vốn|tổ chức|ban hành|đăng ký|sắp xếp|thực hiện|xây dựng|đưa|ký|gửi|tiếp nhận|"
    r"giải quyết|phát triển|lắp đặt|cài đặt|sử dụng|mất|tạo|đón|phục vụ)(?![\w])"
)
VERB_START_RE = re.compile(r"^" + _ACTION_VERBS, _F)
# a subject, an aspect word, then the action: "cơ quan chức năng đã ngăn chặn"
SUBJECT_VERB_RE = re.compile(
    r"^(?P<subject>.+?)\s+(?:đã|đều|cũng|vẫn)\s+(?P<verb>" + _ACTION_VERBS + r".*)$", _F
)
# Nouns that open a metric ("doanh thu ...", "số ...", "tỷ lệ ..."): a comma-separated piece
# that starts with one heads the enumeration the pieces after it continue.
_HEAD_NOUN_RE = re.compile(
    r"^(?:tổng\s+)?(?:doanh thu|doanh số|lợi nhuận|lãi|lỗ|số(?!\s+liệu)|số lượng|lượng|tỷ lệ|tỉ lệ|"
    r"tỷ trọng|tỉ trọng|sản lượng|giá trị|kim ngạch|chi phí|vốn|nộp ngân sách|ngân sách|"
    r"thu nhập|năng suất|đóng góp|quy mô|tốc độ|thị phần|mức|chỉ số|revenue|number|share|"
    r"total|profit)(?![\w])",
    _F,
)
# Verbs of saying end what a comma-separated piece can add to a metric: "Số liệu cho thấy, ...".
_REPORTING_RE = re.compile(
    r"(?<![\w])(?:cho thấy|cho biết|cho hay|nêu rõ|khẳng định|nhấn mạnh|thông tin|báo cáo|"
    r"theo|according)(?![\w])",
    _F,
)
# Words that end the noun phrase to the right of a count: "1.240 cửa hàng đóng cửa, ..."
# stops at the comma; "62.000 hộ trong tổng số ..." at "trong".
_RIGHT_STOP = re.compile(
    r"(?<![\w])(so với|so|(?<!bị )(?<!được )tăng|(?<!bị )(?<!được )giảm|chiếm|đạt|bằng|trong|"
    r"là|và|hoặc|hay|với|của cả|tính đến|kế hoạch|tức|thì|cho|"
    r"tương ứng|gồm|bao gồm|trở lên|cho biết|cho hay|nhưng|song|than|compared|from|over|"
    r"versus)(?![\w])",
    _F,
)
# Nouns that name what money measures; after an amount they are its metric ("6.121 tỷ đồng
# doanh thu"), and with a bare "tỷ" they make it Vietnamese đồng.
METRIC_HEAD_RE = re.compile(
    r"(?:doanh thu|lợi nhuận|lãi|lỗ|vốn|nộp ngân sách|ngân sách|chi phí|giá trị|kim ngạch|"
    r"tiền|kinh phí|dự toán|quỹ|tổng thu|tổng chi|thu nhập|LNTT|LNST|doanh số)(?![\w])",
    _F,
)
MONEY_WORDS_RE = re.compile(
    r"(?<![\w])(?:doanh thu|lợi nhuận|lãi|lỗ|vốn|ngân sách|chi phí|giá trị|kim ngạch|tiền|"
    r"kinh phí|dự toán|quỹ|thu|chi|thu nhập|LNTT|LNST|doanh số|đầu tư|nợ|tài sản)(?![\w])",
    _F,
)
_MEASUREMENT_UNITS = frozenset("km m kg tấn ha m2 mhz ghz mbps gbps gb tb mw".split())
_NOT_ENTITY_WORDS = frozenset(
    "doanh lợi số tổng sản thuê tỷ tỉ giá năng đóng nộp kinh chi thu theo trong như năm quý "
    "tháng các những một lĩnh ngành bộ thủ chính nhà cả toàn".split()
)


# Patterns of the functions below, compiled once (looking them up in re's cache per call cost
# as much as many of the searches themselves).
_PARENS_RE = re.compile(r"\([^()]*\)")
_QUOTE_MARKS_RE = re.compile(r"[“”\"'‘’*]")
_DASH_END_RE = re.compile(r"\s*[-–]\s*$")
_COMMA_SPLIT_RE = re.compile(r",(?!\d)")
_DIGIT_RE = re.compile(r"\d")
_FIGURE_END_RE = re.compile(r"[\d%]\s*$")
_CLAUSE_CUT_RE = re.compile(r"[,;:.()!?“”\"|]|\s\d")  # ("|" parts the cells of a table row)
_SAME_PERIOD_AFTER_RE = re.compile(r"^\s*so\s+(?:với\s+)?cùng\s+kỳ", _F)
_COUNT_METRIC_RE = re.compile(r"(?:số|tổng số|số lượng|number)\b", _F)
_SEGMENT_END_RE = re.compile(r"[;:](?!\d)|\.\s")
_TAIL_COMPARISON_RE = re.compile(r",\s*(so\s+(?:với\s+)?[^,;.]+?)\s*\.?\s*$", _F)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_JOINED_RE = re.compile(r"[^,;()\d]{0,40}?\s(?:và|hoặc|tức|tức là|hay|and|or)\s*", _F)
_PLAN_RIGHT_RE = re.compile(r"(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|so|cùng kỳ)(?![\w])", _F)
_ABOUT_RE = re.compile(r"về\s+(.+)", _F)
_SCALE_PREFIX_RE = re.compile(r"^(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm)\s+", _F)
_EQUIVALENT_END_RE = re.compile(r"(tương ứng|tương đương)\s*(?:với\s*)?$", _F)
_RESPECTIVE_RE = re.compile(r"tương ứng|lần lượt|respectively", _F)
_CONTRIBUTES_RE = re.compile(r"(.+?)\s+đóng góp(?:\s+(?:thêm|được))?", _F)
_TO_WHAT_RE = re.compile(r"(?:vào|cho)\s+\S", _F)
_FORECAST_RE = re.compile(r"\bdự báo\b", _F)
_RESTATING_RE = re.compile(r"(?<![\w])(tức|tức là|hay)\s*$", _F)
_ESTIMATE_RE = re.compile(r"(?<![\w])(ước đạt|ước tính|ước)(?![\w])", _F)
_YEAR_COMPARISON_RE = re.compile(r"năm (?:19|20)\d\d")
_PERIOD_INTRO_RE = re.compile(
    r"(?:(?<![\w])(?:trong|của|vào|tính đến(?: hết| cuối)?|đến(?: hết| cuối)?|"
    r"cuối|đầu|giai đoạn)\s+)?(?<![\w])năm\s+$"
    r"|(?:(?<![\w])(?:trong|của|vào|tính đến(?: hết| cuối)?|đến(?: hết| cuối)?|"
    r"cuối|đầu|giai đoạn)\s+)$"
    r"|(?<![\w])(?:in|for|of|during|since)\s+$",
    _F,
)
_SUBORDINATE_RE = re.compile(r"(?<![\w])(?:khi|nếu|trong khi|nhưng|song|bởi vì|vì|thì)\s", _F)
_RATE_NOUN_END_RE = re.compile(r"(?<![\w])(?:tỷ lệ|tỉ lệ|tốc độ|mức|chỉ số)\s*$", _F)
AGE_RANGE_RE = re.compile(r"\s(?:từ\s+\d+\s+tuổi\s+trở\s+lên|trong\s+độ\s+tuổi[\s\d–-]*)", _F)
_PLAN_BEFORE_RE = re.compile(
    r"(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu|định hướng)[^,.;]{0,25}$", _F
)


# Case-sensitive twins of the case-insensitive patterns searched most, for lower-cased text.
# IGNORECASE folds every character it tries against every alternative; the twin reads text
# lower-cased once and finds the same matches at the same places (at about half the cost).
# It is exact when (tests/test_extract_shortcuts.py checks each over every character):
#  - the pattern's text is all lower-case, so its literals are their own lower-case forms;
#  - lower-casing keeps the text's length: every character lowers to one character ("İ"
#    lowers to two, and would shift every position after it);
#  - IGNORECASE equates each character of the pattern with exactly the characters that
#    lower-case to it, but for those in context._ODD_CASE ("ı" and "ſ" match "i" and "s"
#    without lowering to them): text with one of those is read with the original pattern;
#  - lower-casing changes no character's \w or \s (the patterns read those).
# A match's positions are the text's; its groups are the lower-cased text's.
def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern == pattern.pattern.lower(), pattern.pattern
    return re.compile(pattern.pattern, re.UNICODE)


_TRIGGER_LOW_RE = _lower_twin(_TRIGGER_RE)
_INTRO_LOW_RE = _lower_twin(_INTRO_RE)
_SUBORDINATE_LOW_RE = _lower_twin(_SUBORDINATE_RE)
# a word each alternative of _SUBORDINATE_RE holds
_SUBORDINATE_WORDS = ("khi", "nếu", "nhưng", "song", "vì", "thì")
_RIGHT_STOP_LOW = _lower_twin(_RIGHT_STOP)


def lower_for_twins(s: str) -> str | None:
    """`s` lower-cased, for the `_lower_twin` patterns; None when they cannot read it."""
    low = s.lower()
    return low if len(low) == len(s) and not has_odd_case(s) else None


def search_ci(pattern: re.Pattern[str], twin: re.Pattern[str], s: str) -> re.Match[str] | None:
    """`pattern.search(s)`, through its lower-case twin when it can."""
    low = lower_for_twins(s)
    return pattern.search(s) if low is None else twin.search(low)


def finditer_ci(pattern: re.Pattern[str], twin: re.Pattern[str], s: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(s))`, through its lower-case twin when it can."""
    low = lower_for_twins(s)
    return list(pattern.finditer(s) if low is None else twin.finditer(low))


# The pure string functions below are asked about the same clause again and again (once per
# figure, and from each other): their answers are remembered.
@lru_cache(maxsize=8192)
def clean_np(s: str) -> str:
    """A noun phrase without the clause openers, periods and auxiliaries around it."""
    s = _PARENS_RE.sub(" ", s)  # parentheticals
    if ")" in s:  # the left side began inside a parenthesis that closes here
        s = s[s.rfind(")") + 1 :]
    s = s.split("(")[0]
    s = _QUOTE_MARKS_RE.sub(" ", s)
    # (a noun phrase seldom names a period or a comparison: the words those need are looked
    # for first, as context.py's guards do, in one lower-cased copy)
    low = s.lower()
    odd = has_odd_case(s)
    if odd or _DIGIT_RE.search(s) or any(w in low for w in NO_DIGIT_PERIOD_WORDS):
        named = period_mentions(s)
        if named:
            low = ""  # (to be lower-cased again, for what is left)
    else:
        named = ()
    for p in sorted(named, key=lambda m: -m.start):
        a = p.start
        # the words that introduce the period go with it: "trong năm 2022", "in 2022" (but
        # "xuất bản phẩm in năm 2022" keeps its "in": Vietnamese "in" is "printed")
        # (each of its forms ends at the end, and spans no more than the last four words)
        pre = _PERIOD_INTRO_RE.search(s[:a], before_last_words(s[:a], 4))
        if pre:
            a = pre.start()
        s = s[:a] + " " + s[p.end :]
    if not low:
        low = s.lower()
    if odd or any(w in low for w in _COMPARISON_WORDS):
        for c in sorted(comparisons(s), key=lambda m: -m.start):
            s = s[: c.start] + " " + s[c.end :]
    # (the pattern ends at the end: it matches only when the text ends with a dash before any
    # trailing space, which rstrip() strips as \s matches it; tests/test_extract_shortcuts.py
    # checks)
    if s.rstrip().endswith(("-", "–")):
        s = _DASH_END_RE.sub("", s)
    s = " ".join(s.split()).strip(" ,;:-–")
    for _ in range(3):
        before = s
        s = _LEADING.sub("", s).strip(" ,;:-–")
        s = _strip_trailing(s).strip(" ,;:-–")
        if s == before:
            break  # (a round that changes nothing leaves the next ones nothing to change)
    return s


# Words without which context.comparisons finds no comparison in a text with no letter of
# _ODD_CASE: what its guards look for (NO_DIGIT_PERIOD_WORDS are those of the periods).
_COMPARISON_WORDS = ("so", "gấp", "hơn", "from", "compared", "over", "than", "versus", "vs")


def _is_entity(s: str) -> bool:
    """A short proper name (VNPT, MobiFone, VNPT Media, Viettel) rather than a noun phrase."""
    words = s.split()
    if not 1 <= len(words) <= 5:
        return False
    if words[0].lower() in _NOT_ENTITY_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


@lru_cache(maxsize=4096)
def _last_clause(left: str, after_figure: bool = False) -> str:
    """The clause a figure belongs to: the text after the last comma, unless that leaves only
    the tail of an enumeration ("xuất bản, in, phát hành"). When `left` starts right after
    another figure, its first piece is that figure's tail ("12.000 trạm 4G, trạm 5G là")."""
    # a subordinate clause opens a new subject: "kết quả khả quan khi số lượng sinh viên tăng"
    low = lower_for_twins(left)
    if low is None:
        left = _SUBORDINATE_RE.split(left)[-1]
    elif any(w in low for w in _SUBORDINATE_WORDS):
        # (the last piece of a split is the text's end: as long in the lower-cased text)
        left = left[len(left) - len(_SUBORDINATE_LOW_RE.split(low)[-1]) :]
    pieces = _COMMA_SPLIT_RE.split(left)
    cur = pieces.pop()
    if not pieces or (len(pieces) == 1 and after_figure):
        return cur  # (no piece before it that the walks below may take)
    # An enumeration inside a noun phrase ("doanh thu bưu chính, chuyển phát năm 2023 đạt"):
    # the last piece names no measure of its own, and walking back over short pieces with no
    # verb, period or figure reaches one that opens with a measure noun ("Doanh thu ...").
    # "Theo báo cáo, lợi nhuận đạt" is no enumeration: its last piece has its own measure.
    # (what _TRIGGER_RE.split(cur)[0] keeps: the text before it)
    first_trigger = search_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, cur)
    tail_np = clean_np(cur[: first_trigger.start()] if first_trigger else cur)
    if not tail_np or _HEAD_NOUN_RE.match(tail_np) or len(tail_np.split()) > 6:
        return cur
    if VERB_START_RE.match(tail_np) and not first_trigger:
        # a list of verbs before a count: "đã ngăn chặn, xử lý hơn 2.000 trang web"
        while pieces and (len(pieces) > 1 or not after_figure):
            prev_np = clean_np(pieces[-1])
            if period_mentions(pieces[-1]) or _DIGIT_RE.search(pieces[-1]):
                break
            own = SUBJECT_VERB_RE.match(prev_np)
            if own and len(own.group("verb").split()) <= 4:
                # "cơ quan chức năng đã ngăn chặn, gỡ bỏ": the list starts at the verb
                return own.group("verb") + "," + cur
            if not VERB_START_RE.match(prev_np) or len(prev_np.split()) > 4:
                break
            cur = pieces.pop() + "," + cur
        return cur
    taken: list[str] = []
    while pieces and (len(pieces) > 1 or not after_figure):
        prev = pieces.pop()
        triggers = finditer_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, prev)
        # "VNPT đạt doanh thu xuất bản, in, ...": the head follows the piece's verb
        head_part = prev[triggers[-1].end() :] if triggers else prev
        if (
            period_mentions(prev)
            or _DIGIT_RE.search(prev)
            or _REPORTING_RE.search(prev)
            or len(head_part.split()) > 10
        ):
            return cur
        if _HEAD_NOUN_RE.match(clean_np(head_part)):
            return ",".join([prev, *reversed(taken), cur])
        if triggers or len(prev.split()) > 5:
            return cur
        taken.append(prev)
    return cur


@lru_cache(maxsize=4096)
def metric_left(left: str, after_figure: bool = False) -> tuple[str, str | None]:
    """(metric, trigger) from the words before a figure in its clause."""
    clause = _last_clause(left, after_figure)
    # the patterns below read `seen`: the clause lower-cased for the twins, or as it is
    seen = lower_for_twins(clause)
    if seen is None:
        seen, trigger_re, intro_re = clause, _TRIGGER_RE, _INTRO_RE
    else:
        trigger_re, intro_re = _TRIGGER_LOW_RE, _INTRO_LOW_RE
    triggers = list(trigger_re.finditer(seen))
    if not triggers:
        intros = list(intro_re.finditer(seen))
        if intros and clean_np(clause[intros[-1].end() :]):
            # "FPT công bố lợi nhuận sau thuế gần 2 nghìn tỷ đồng"
            subject = clean_np(clause[: intros[-1].start()])
            np = clean_np(clause[intros[-1].end() :])
            return (f"{np} {subject}" if _is_entity(subject) else np), None
        return strip_raise(clean_np(clause)), None
    t = triggers[-1]
    if t.group(1).lower() in ("tăng", "tăng trưởng", "giảm") and _RATE_NOUN_END_RE.search(
        clause[: t.start()]
    ):
        # "tỷ lệ tăng trưởng 10%", "tốc độ tăng 6,7%": the verb is part of the noun
        noun = clean_np(clause)
        return noun, None
    between = strip_raise(clean_np(clause[t.end() :]))
    before_raw = clause[: t.start()]
    # "chịu áp lực với lượng đơn hàng sụt giảm", "FPT ghi nhận doanh thu đạt": a verb
    # that opens the metric; what stands before it is at most a name to keep
    subject = ""
    intros = list(intro_re.finditer(seen[: t.start()]))  # (before_raw, as `seen` reads it)
    if intros and clean_np(before_raw[intros[-1].end() :]):
        # ("số tiền thu về là ...": nothing after the verb, so it is part of the noun)
        subject = clean_np(before_raw[: intros[-1].start()])
        before_raw = before_raw[intros[-1].end() :]
    before = strip_raise(clean_np(before_raw))
    if before and subject and _is_entity(subject):
        before = f"{before} {subject}"
    # "Vinaphone đạt doanh thu đạt 8.450", "Mảng X đạt doanh thu là 640": the metric sits
    # between two triggers
    if not between and len(triggers) >= 2:
        t2 = triggers[-2]
        mid = clean_np(clause[t2.end() : t.start()])
        subj = clean_np(clause[: t2.start()])
        if mid and _is_entity(subj):
            return f"{mid} {subj}", t.group(1).lower()
        if mid and METRIC_HEAD_RE.match(mid) and subj:
            return f"{mid} {subj}", t.group(1).lower()
    if between:
        head_is_measure = any(between.lower() == h for h in _MEASURE_HEADS)
        if head_is_measure and before:
            return f"{between} {tidy(before)}", t.group(1).lower()
        if before and _is_entity(before):
            return f"{between} {before}", t.group(1).lower()
        if (
            VERB_START_RE.match(between)
            or between.split()[0].islower() is False
            and _is_entity(between)
        ):
            return before or between, t.group(1).lower()
        return between, t.group(1).lower()
    return before, t.group(1).lower()


def mentions_noun(metric: str, noun: str) -> bool:
    """Does the metric already name what the count counts ("tổng số lao động" / "lao động")?"""
    head = noun.split()[0].lower() if noun else ""
    return bool(head) and head in metric.lower().split()


def tidy(metric: str) -> str:
    """Lower-case a sentence-initial capital ("Doanh thu ..."), keep names ("MobiFone")."""
    words = metric.split()
    if (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[0][1:].islower()
        and words[1][:1].islower()
    ):
        return words[0][0].lower() + metric[1:]
    return metric


_AUX_RE = re.compile(
    r"(?<![\w])(?:lại|không|chưa|đã|đều|vẫn|cũng|đạt|tăng|giảm|là|có|được|bị|sẽ|đang)(?![\w])", _F
)


def after_figure_text(text: str) -> bool:
    """Does `text` end with a figure ("73% (58.587)": the count restates the percentage)?"""
    return bool(_FIGURE_END_RE.search(text))


def subject_of(clause: str) -> str:
    """The noun phrase that opens the last clause of `clause`, up to its first verb."""
    pieces = [p for p in _COMMA_SPLIT_RE.split(clause) if p.strip()]
    if not pieces:
        return ""
    last = clean_np(pieces[-1])
    m = _AUX_RE.search(last)
    return clean_np(last[: m.start()]) if m else last


def strip_raise(s: str) -> str:
    low = s.lower()
    # (no raising verb, no match: IGNORECASE equates their letters with no character that
    # lower-cases to another, but for context._ODD_CASE's; tests/test_extract_shortcuts.py
    # checks)
    for w in _RAISE_VERBS:  # (a loop: a generator costs more than the searches)
        if w in low:
            break
    else:
        if not has_odd_case(s):
            return s
    m = _RAISE_RE.match(s)
    return s[m.end() :].strip() if m else s


def right_phrase(sentence: str, pos: int, limit: int = 12, ages: bool = True) -> str:
    """The words after a figure up to the next clause break: what a count counts. `ages`
    False says `AGE_RANGE_RE` finds nothing in the sentence (so nothing after `pos`)."""
    if ages:
        tail = AGE_RANGE_RE.sub(" ", sentence[pos:])
        cut = _CLAUSE_CUT_RE.search(tail)
        if cut:
            tail = tail[: cut.start()]
    else:
        # nothing to replace: the break is found in the sentence itself (the pattern looks
        # neither behind nor at the start), without copying the rest of it
        cut = _CLAUSE_CUT_RE.search(sentence, pos)
        tail = sentence[pos : cut.start() if cut else len(sentence)]
    stop = search_ci(_RIGHT_STOP, _RIGHT_STOP_LOW, tail)
    if stop:
        tail = tail[: stop.start()]
    elif cut and tail.strip() and sentence.startswith(",", pos + len(tail)):
        tail += _listed_attribute(sentence, pos + len(tail))
    words = tail.split()[:limit]
    return " ".join(words).strip()


# ", vi phạm pháp luật (": a short second attribute of the things counted, set off by a comma
# and closed by a parenthesis that details them ("2.328 trang web lừa đảo trực tuyến, vi phạm
# pháp luật (hơn 1.342 trang lừa đảo)" counts the pages of either kind)
_LISTED_ATTRIBUTE_RE = re.compile(r",(\s*[^\W\d_](?:[^\W\d_]|\s){0,40}?)\s*\(", _F)


def _listed_attribute(sentence: str, comma: int) -> str:
    m = _LISTED_ATTRIBUTE_RE.match(sentence, comma)
    if not m or len(m.group(1).split()) > 5 or search_ci(_RIGHT_STOP, _RIGHT_STOP_LOW, m.group(1)):
        return ""
    return "," + m.group(1)


def search_ci_trigger(s: str) -> re.Match[str] | None:
    """A verb that introduces a figure ("đạt", "tăng", "chiếm", "reached") in `s`."""
    return search_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, s)
