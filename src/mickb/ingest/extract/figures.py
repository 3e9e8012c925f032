"""Sentences -> Fact records: every figure a document states, with what it measures.

For each figure that `numbers.find_numbers` reads in a sentence, the extractor finds:

- `metric`: the noun phrase to the left of the verb that introduces the figure ("doanh thu dịch
  vụ viễn thông đạt 138.000 tỷ đồng"), within its clause (";" and ":" end clauses, a figure
  ends the clause of the next one). A clause with no noun phrase of its own ("..., tăng 1,6% so
  năm 2021") states a figure of the metric before it, and the two facts are `related`.
  Counts with nothing to the left take the noun after the number ("1.240 cửa hàng đóng cửa"
  -> "số cửa hàng đóng cửa").
- `measure`: target (plans: "sẽ", "phấn đấu", "mục tiêu", a future year), change ("tăng",
  "giảm" right before the figure), ratio ("gấp", "bằng X% kế hoạch", "X% so với cùng kỳ"),
  share (a percentage of a whole: "chiếm", "tỷ trọng", "tỷ lệ", other percentages), count (a
  countable noun), else level.
- `period`: the period named nearest before the figure in its clause, else after it in the
  clause, else elsewhere in the sentence, else the last one named earlier in the paragraph;
  "so với năm 2021" is `compared_to`, never the period; with only a comparison ("so với năm
  2021") the period is the year after it. A growth rate takes the period of its level.
- `sector`: named in the metric, else by a "Lĩnh vực bưu chính:" heading, else in the figure's
  clause (";" and ":" end clauses) before it, else in the sentence or paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mickb.ingest.extract.context import (
    Mention,
    _has_odd_case,
    comparisons,
    heading_sector,
    periods,
    sector_of,
)
from mickb.records import Document, Fact, Passage, Sentence, make_id
from mickb.text.glossary import is_english, metric_en
from mickb.text.numbers import NumberMatch, find_numbers, unit_kind

__all__ = ["extract_figures", "sentence_facts"]

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
_CHANGE_VERBS = (
    "tăng trưởng|tăng|sụt giảm|giảm|up|down|rose|fell|grew|increased|"
    "decreased|dropped|declined|increase|decrease|rise|drop|growth"
)
_CHANGE_MODIFIERS = (
    "bình quân|trung bình|thêm|mạnh|nhẹ|nghiêm trọng|đáng kể|tới|đến|lên|xuống|tương ứng|"
    "lần lượt là|lần lượt|là|by|"
    "khoảng|mức|ở mức|about|around|nearly|over|more than|hơn|of"
)
_CHANGE_RE = re.compile(
    r"(?<![\w])(?P<verb>" + _CHANGE_VERBS + r")(?:\s+(?:" + _CHANGE_MODIFIERS + r"))*\s*$", _F
)
_DOWN_VERBS = (
    "giảm",
    "sụt giảm",
    "down",
    "fell",
    "decreased",
    "dropped",
    "declined",
    "decrease",
    "drop",
)
_SHARE_WORDS = re.compile(r"(?<![\w])(tỷ trọng|tỷ lệ|tỉ lệ|tỉ trọng|thị phần|chiếm|share|rate)", _F)
_RATIO_BEFORE = re.compile(r"(?<![\w])(gấp|bằng)(?:\s+\w+)?\s*$", _F)
_PLAN_AFTER = re.compile(
    r"^\s*(?:%\s*)?(?:so\s+(?:với\s+)?)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)", _F
)
_TARGET_WORDS = (
    r"(?<![\w])(phấn đấu|mục tiêu|sẽ|kế hoạch đến|đặt ra|hướng tới|cần đạt|phải đạt|"
    r"dự kiến sẽ|định hướng|aims?|target|will|plans? to)"
)
_TARGET_RE = re.compile(_TARGET_WORDS + r"(?![\w])", _F)
# What a _TARGET_RE match in a clause of a sentence (text[seg0:x]) is in the whole sentence:
# the lookahead may fail there (at x), the lookbehind holds (seg0 follows ";", ":" or a space,
# or is 0). No match of this in a sentence, no target word in any of its clauses.
_TARGET_IN_SENTENCE_RE = re.compile(_TARGET_WORDS, _F)
_GROWTH_METRIC_RE = re.compile(r"(?<![\w])(tốc độ tăng|tăng trưởng|mức tăng|growth)", _F)
_GROWTH_DOWN_RE = re.compile(r"(?<![\w])(mức giảm|tốc độ giảm)", _F)
# Measure words that need the rest of the phrase: "tỷ trọng" of what?
_MEASURE_HEADS = ("tỷ trọng", "tỷ lệ", "tỉ lệ", "mức", "con số", "giá trị", "quy mô")

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
    "trong|của|là|lớn|cao|đạt|mức|khoảng|tổng cộng|tương ứng|này|đó|trên|nói trên|nêu trên|"
    "được|với|và|cho|từ|tới|đến|lên|xuống|còn|năm|tính|nay|hơn|gần|trên|xấp xỉ|ít nhất|"
    "nghiêm trọng|mạnh|nhẹ|đáng kể|thêm|bình quân|trung bình|liên tục|cùng|tương ứng|"
    "of|the|was|were|at|by|about"
)
_TRAILING = re.compile(r"(?:(?<![\w])(?:" + _TRAILING_WORDS + r")\s*)+$", _F)


def _vocabulary(*alternations: str) -> re.Pattern[str]:
    """The words of word lists ("tăng trưởng|tăng|..."), to `fullmatch` one word against."""
    words = {t for a in alternations for w in a.split("|") for t in w.split()}
    # _search_at_end counts on phrases of letters and single spaces
    assert all(re.fullmatch(r"[^\W\d_]+", w) for w in words), words
    return re.compile("|".join(sorted(words)), _F)


_TRAILING_VOCABULARY = _vocabulary(_TRAILING_WORDS)
_CHANGE_VOCABULARY = _vocabulary(_CHANGE_VERBS, _CHANGE_MODIFIERS)


def _search_at_end(
    pattern: re.Pattern[str], vocabulary: re.Pattern[str], s: str
) -> re.Match[str] | None:
    """`pattern.search(s)` for a pattern of words of a list that ends at the end of `s` ($).

    Searching tries the pattern at every position, which is slow for a long `s`. Every
    whitespace-separated word a match covers is a word of the list, except that the first may
    carry punctuation before it ("(trên"), so a match starts no earlier than the last word
    (from the end) that is not one: the search starts there.
    """
    end, start = len(s), 0
    # The words from the end, a few at a time (rsplit reads no further): the same words, in
    # the same order, as reversed(s.split()), without splitting a long sentence whole.
    k = 8
    while True:
        parts = s.rsplit(None, k)
        whole = len(parts) <= k  # every word split off (no unsplit rest in parts[0])
        for tok in reversed(parts if whole else parts[1:]):
            start = end = s.rfind(tok, 0, end)
            if not vocabulary.fullmatch(tok):
                return pattern.search(s, start)
        if whole:
            return pattern.search(s, start)
        end, start, k = len(s), 0, k * 4  # all words of the list so far: read further back


def _before_last_words(s: str, k: int) -> int:
    """A position in `s` no later than the start of its k-th whitespace-separated word from
    the end (0 when it has no more than k words): rsplit reads no further than those words."""
    parts = s.rsplit(None, k)
    return len(parts[0]) if len(parts) > k else 0


def _strip_trailing(s: str) -> str:
    """`_TRAILING.sub("", s)`: one match at most, since it runs to the end."""
    m = _search_at_end(_TRAILING, _TRAILING_VOCABULARY, s)
    return s[: m.start()] + s[m.end() :] if m else s


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
_VERB_START = re.compile(r"^" + _ACTION_VERBS, _F)
# a subject, an aspect word, then the action: "cơ quan chức năng đã ngăn chặn"
_SUBJECT_VERB = re.compile(
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
    r"là|và|với|của cả|tính đến|kế hoạch|tức|thì|cho|"
    r"tương ứng|gồm|bao gồm|trở lên|cho biết|cho hay|nhưng|song|than|compared|from|over|"
    r"versus)(?![\w])",
    _F,
)
# Nouns that name what money measures; after an amount they are its metric ("6.121 tỷ đồng
# doanh thu"), and with a bare "tỷ" they make it Vietnamese đồng.
_METRIC_HEAD_RE = re.compile(
    r"(?:doanh thu|lợi nhuận|lãi|lỗ|vốn|nộp ngân sách|ngân sách|chi phí|giá trị|kim ngạch|"
    r"tiền|kinh phí|dự toán|quỹ|tổng thu|tổng chi|thu nhập|LNTT|LNST|doanh số)(?![\w])",
    _F,
)
_MONEY_WORDS_RE = re.compile(
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
_CLAUSE_CUT_RE = re.compile(r"[,;:.()!?“”\"]|\s\d")
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
_AGE_RANGE_RE = re.compile(r"\s(?:từ\s+\d+\s+tuổi\s+trở\s+lên|trong\s+độ\s+tuổi[\s\d–-]*)", _F)
_PLAN_BEFORE_RE = re.compile(
    r"(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu|định hướng)[^,.;]{0,25}$", _F
)


# Case-sensitive twins of the case-insensitive patterns searched most, for lower-cased text.
# IGNORECASE folds every character it tries against every alternative; the twin reads text
# lower-cased once and finds the same matches at the same places (at about half the cost).
# It is exact when (a test checks each over every character):
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
_RIGHT_STOP_LOW = _lower_twin(_RIGHT_STOP)


def _lower_for_twins(s: str) -> str | None:
    """`s` lower-cased, for the `_lower_twin` patterns; None when they cannot read it."""
    low = s.lower()
    return low if len(low) == len(s) and not _has_odd_case(s) else None


def _search_ci(pattern: re.Pattern[str], twin: re.Pattern[str], s: str) -> re.Match[str] | None:
    """`pattern.search(s)`, through its lower-case twin when it can."""
    low = _lower_for_twins(s)
    return pattern.search(s) if low is None else twin.search(low)


def _finditer_ci(pattern: re.Pattern[str], twin: re.Pattern[str], s: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(s))`, through its lower-case twin when it can."""
    low = _lower_for_twins(s)
    return list(pattern.finditer(s) if low is None else twin.finditer(low))


@dataclass
class _Para:
    """What a paragraph has said so far: its heading's sector, the periods it named."""

    passage: int = -1
    heading_sector: str | None = None
    last_period: str | None = None
    text: str = ""
    doc_last_period: str | None = None  # the last period named anywhere before, any paragraph


@dataclass
class _Draft:
    fact: Fact
    num: NumberMatch
    metric_inherited_from: int | None = None  # index of the fact whose metric it took
    own_period: bool = False
    joined: bool = False
    related: list[int] = field(default_factory=list)
    clause_sector: str | None = None  # named in its clause before it: "về chuyển đổi số, ..."


# The pure string functions below are asked about the same clause again and again (once per
# figure, and from each other): their answers are remembered.
@lru_cache(maxsize=8192)
def _clean_np(s: str) -> str:
    """A noun phrase without the clause openers, periods and auxiliaries around it."""
    s = _PARENS_RE.sub(" ", s)  # parentheticals
    if ")" in s:  # the left side began inside a parenthesis that closes here
        s = s[s.rfind(")") + 1 :]
    s = s.split("(")[0]
    s = _QUOTE_MARKS_RE.sub(" ", s)
    for p in sorted(periods(s), key=lambda m: -m.start):
        a = p.start
        # the words that introduce the period go with it: "trong năm 2022", "in 2022" (but
        # "xuất bản phẩm in năm 2022" keeps its "in": Vietnamese "in" is "printed")
        # (each of its forms ends at the end, and spans no more than the last four words)
        pre = _PERIOD_INTRO_RE.search(s[:a], _before_last_words(s[:a], 4))
        if pre:
            a = pre.start()
        s = s[:a] + " " + s[p.end :]
    for c in sorted(comparisons(s), key=lambda m: -m.start):
        s = s[: c.start] + " " + s[c.end :]
    # (the pattern ends at the end: it matches only when the text ends with a dash before any
    # trailing space, which rstrip() strips as \s matches it; a test checks)
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
    low = _lower_for_twins(left)
    if low is None:
        left = _SUBORDINATE_RE.split(left)[-1]
    else:  # (the last piece of a split is the text's end: as long in the lower-cased text)
        left = left[len(left) - len(_SUBORDINATE_LOW_RE.split(low)[-1]) :]
    pieces = _COMMA_SPLIT_RE.split(left)
    cur = pieces.pop()
    # An enumeration inside a noun phrase ("doanh thu bưu chính, chuyển phát năm 2023 đạt"):
    # the last piece names no measure of its own, and walking back over short pieces with no
    # verb, period or figure reaches one that opens with a measure noun ("Doanh thu ...").
    # "Theo báo cáo, lợi nhuận đạt" is no enumeration: its last piece has its own measure.
    # (what _TRIGGER_RE.split(cur)[0] keeps: the text before it)
    first_trigger = _search_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, cur)
    tail_np = _clean_np(cur[: first_trigger.start()] if first_trigger else cur)
    if not tail_np or _HEAD_NOUN_RE.match(tail_np) or len(tail_np.split()) > 6:
        return cur
    if _VERB_START.match(tail_np) and not first_trigger:
        # a list of verbs before a count: "đã ngăn chặn, xử lý hơn 2.000 trang web"
        while pieces and (len(pieces) > 1 or not after_figure):
            prev_np = _clean_np(pieces[-1])
            if periods(pieces[-1]) or _DIGIT_RE.search(pieces[-1]):
                break
            own = _SUBJECT_VERB.match(prev_np)
            if own and len(own.group("verb").split()) <= 4:
                # "cơ quan chức năng đã ngăn chặn, gỡ bỏ": the list starts at the verb
                return own.group("verb") + "," + cur
            if not _VERB_START.match(prev_np) or len(prev_np.split()) > 4:
                break
            cur = pieces.pop() + "," + cur
        return cur
    taken: list[str] = []
    while pieces and (len(pieces) > 1 or not after_figure):
        prev = pieces.pop()
        triggers = _finditer_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, prev)
        # "VNPT đạt doanh thu xuất bản, in, ...": the head follows the piece's verb
        head_part = prev[triggers[-1].end() :] if triggers else prev
        if (
            periods(prev)
            or _DIGIT_RE.search(prev)
            or _REPORTING_RE.search(prev)
            or len(head_part.split()) > 10
        ):
            return cur
        if _HEAD_NOUN_RE.match(_clean_np(head_part)):
            return ",".join([prev, *reversed(taken), cur])
        if triggers or len(prev.split()) > 5:
            return cur
        taken.append(prev)
    return cur


@lru_cache(maxsize=4096)
def _metric_left(left: str, after_figure: bool = False) -> tuple[str, str | None]:
    """(metric, trigger) from the words before a figure in its clause."""
    clause = _last_clause(left, after_figure)
    # the patterns below read `seen`: the clause lower-cased for the twins, or as it is
    seen = _lower_for_twins(clause)
    if seen is None:
        seen, trigger_re, intro_re = clause, _TRIGGER_RE, _INTRO_RE
    else:
        trigger_re, intro_re = _TRIGGER_LOW_RE, _INTRO_LOW_RE
    triggers = list(trigger_re.finditer(seen))
    if not triggers:
        intros = list(intro_re.finditer(seen))
        if intros and _clean_np(clause[intros[-1].end() :]):
            # "FPT công bố lợi nhuận sau thuế gần 2 nghìn tỷ đồng"
            subject = _clean_np(clause[: intros[-1].start()])
            np = _clean_np(clause[intros[-1].end() :])
            return (f"{np} {subject}" if _is_entity(subject) else np), None
        return _strip_raise(_clean_np(clause)), None
    t = triggers[-1]
    if t.group(1).lower() in ("tăng", "tăng trưởng", "giảm") and _RATE_NOUN_END_RE.search(
        clause[: t.start()]
    ):
        # "tỷ lệ tăng trưởng 10%", "tốc độ tăng 6,7%": the verb is part of the noun
        noun = _clean_np(clause)
        return noun, None
    between = _strip_raise(_clean_np(clause[t.end() :]))
    before_raw = clause[: t.start()]
    # "chịu áp lực với lượng đơn hàng sụt giảm", "FPT ghi nhận doanh thu đạt": a verb
    # that opens the metric; what stands before it is at most a name to keep
    subject = ""
    intros = list(intro_re.finditer(seen[: t.start()]))  # (before_raw, as `seen` reads it)
    if intros and _clean_np(before_raw[intros[-1].end() :]):
        # ("số tiền thu về là ...": nothing after the verb, so it is part of the noun)
        subject = _clean_np(before_raw[: intros[-1].start()])
        before_raw = before_raw[intros[-1].end() :]
    before = _strip_raise(_clean_np(before_raw))
    if before and subject and _is_entity(subject):
        before = f"{before} {subject}"
    # "Vinaphone đạt doanh thu đạt 8.450", "Mảng X đạt doanh thu là 640": the metric sits
    # between two triggers
    if not between and len(triggers) >= 2:
        t2 = triggers[-2]
        mid = _clean_np(clause[t2.end() : t.start()])
        subj = _clean_np(clause[: t2.start()])
        if mid and _is_entity(subj):
            return f"{mid} {subj}", t.group(1).lower()
        if mid and _METRIC_HEAD_RE.match(mid) and subj:
            return f"{mid} {subj}", t.group(1).lower()
    if between:
        head_is_measure = any(between.lower() == h for h in _MEASURE_HEADS)
        if head_is_measure and before:
            return f"{between} {_tidy(before)}", t.group(1).lower()
        if before and _is_entity(before):
            return f"{between} {before}", t.group(1).lower()
        if (
            _VERB_START.match(between)
            or between.split()[0].islower() is False
            and _is_entity(between)
        ):
            return before or between, t.group(1).lower()
        return between, t.group(1).lower()
    return before, t.group(1).lower()


def _mentions(metric: str, noun: str) -> bool:
    """Does the metric already name what the count counts ("tổng số lao động" / "lao động")?"""
    head = noun.split()[0].lower() if noun else ""
    return bool(head) and head in metric.lower().split()


def _level_before(drafts: list[_Draft]) -> int:
    """The fact a metric-less clause ("..., tăng 1,6%") qualifies: the last level before it,
    or the fact that level's growth rate was read with."""
    for j in range(len(drafts) - 1, -1, -1):
        d = drafts[j]
        if d.fact.measure not in ("change", "ratio") or d.metric_inherited_from is None:
            return j
    return len(drafts) - 1


def _tidy(metric: str) -> str:
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


def _is_generic_one(num: NumberMatch) -> bool:
    """ "cho 1 trạm y tế", "1 thí sinh được": a bare "one X" is a unit of speech, not a figure."""
    return (
        num.value in (0, 1)
        and num.decimals == 0
        and num.scale == 1.0
        and num.total is None
        and not num.is_percent
        and not unit_kind(num.base_unit).startswith("money")
        and num.range_with is None
    )


def after_figure_text(text: str) -> bool:
    """Does `text` end with a figure ("73% (58.587)": the count restates the percentage)?"""
    return bool(_FIGURE_END_RE.search(text))


def _subject(clause: str) -> str:
    """The noun phrase that opens the last clause of `clause`, up to its first verb."""
    pieces = [p for p in _COMMA_SPLIT_RE.split(clause) if p.strip()]
    if not pieces:
        return ""
    last = _clean_np(pieces[-1])
    m = _AUX_RE.search(last)
    return _clean_np(last[: m.start()]) if m else last


def _strip_raise(s: str) -> str:
    low = s.lower()
    # (no raising verb, no match: IGNORECASE equates their letters with no character that
    # lower-cases to another, but for context._ODD_CASE's; a test checks)
    for w in _RAISE_VERBS:  # (a loop: a generator costs more than the searches)
        if w in low:
            break
    else:
        if not _has_odd_case(s):
            return s
    m = _RAISE_RE.match(s)
    return s[m.end() :].strip() if m else s


def _right_phrase(sentence: str, pos: int, limit: int = 12, ages: bool = True) -> str:
    """The words after a figure up to the next clause break: what a count counts. `ages`
    False says `_AGE_RANGE_RE` finds nothing in the sentence (so nothing after `pos`)."""
    if ages:
        tail = _AGE_RANGE_RE.sub(" ", sentence[pos:])
        cut = _CLAUSE_CUT_RE.search(tail)
        if cut:
            tail = tail[: cut.start()]
    else:
        # nothing to replace: the break is found in the sentence itself (the pattern looks
        # neither behind nor at the start), without copying the rest of it
        cut = _CLAUSE_CUT_RE.search(sentence, pos)
        tail = sentence[pos : cut.start() if cut else len(sentence)]
    stop = _search_ci(_RIGHT_STOP, _RIGHT_STOP_LOW, tail)
    if stop:
        tail = tail[: stop.start()]
    words = tail.split()[:limit]
    return " ".join(words).strip()


def _measure(
    sentence: str,
    seg_text_before: str,
    num: NumberMatch,
    metric: str,
    prefix: str,
    future: bool,
    change: re.Match[str] | None,
    kind: str,
    targets: bool = True,
) -> tuple[str, str | None]:
    """(measure, direction) for a figure. `prefix` is the sentence up to the figure's hedge,
    `change` what `_search_at_end(_CHANGE_RE, _CHANGE_VOCABULARY, prefix)` finds in it, `kind`
    the unit's kind; `targets` False says no clause of the sentence has a target word."""
    after = sentence[num.end - 0 :]
    direction: str | None = None
    if (targets and _TARGET_RE.search(seg_text_before)) or future:
        if change:
            direction = "down" if change.group("verb").lower() in _DOWN_VERBS else "up"
        return "target", direction
    if change:
        verb = change.group("verb").lower()
        return "change", "down" if verb in _DOWN_VERBS else "up"
    # (_RATIO_BEFORE ends at the end of `prefix`, which is stripped: it spans its last two
    # words at most, so the search starts there)
    if (
        num.unit == "lần"
        or num.base_unit == "lần"
        or _RATIO_BEFORE.search(prefix, _before_last_words(prefix, 2))
    ):
        return "ratio", None
    if num.is_percent:
        near = " ".join(seg_text_before.split()[-8:])
        if _GROWTH_METRIC_RE.search(metric) or _GROWTH_METRIC_RE.search(near):
            return "change", "down" if _GROWTH_DOWN_RE.search(metric) else "up"
        if _PLAN_AFTER.match(after) or num.value > 100:
            return "ratio", None
        if _SAME_PERIOD_AFTER_RE.match(after):
            return "ratio", None
        return "share", None
    if kind == "people" or kind.startswith("count:") or kind == "times":
        return "count", None
    if kind == "number" and _COUNT_METRIC_RE.match(metric):
        return "count", None
    return "level", None


def _segments(text: str) -> list[tuple[int, int]]:
    """Clauses that ";" and ":" close (a "Lĩnh vực X:" heading is a clause of its own)."""
    out = []
    start = 0
    for m in _SEGMENT_END_RE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _period_for(
    sentence: str,
    num: NumberMatch,
    seg: tuple[int, int],
    clause_start: int,
    mentions: list[Mention],
) -> Mention | None:
    if not mentions:
        return None  # (most sentences name no period)
    a, b = seg
    in_clause_before = [m for m in mentions if clause_start <= m.start < num.start]
    if in_clause_before:
        return in_clause_before[-1]
    in_seg_before = [m for m in mentions if a <= m.start < num.start]
    if in_seg_before:
        return in_seg_before[-1]
    next_fig_end = b
    in_seg_after = [m for m in mentions if num.end <= m.start < next_fig_end]
    if in_seg_after:
        return in_seg_after[0]
    before = [m for m in mentions if m.start < num.start]
    if before:
        return before[-1]
    after = [m for m in mentions if m.start >= num.end]
    return after[0] if after else None


@lru_cache(maxsize=256)
def _tail_comparison(sentence: str) -> re.Match[str] | None:
    """`_TAIL_COMPARISON_RE.search(sentence)`, asked once per sentence, not per figure."""
    return _TAIL_COMPARISON_RE.search(sentence)


def _compared_to(sentence: str, num: NumberMatch, seg_end: int, next_start: int) -> str | None:
    for c in comparisons(sentence):
        if num.end <= c.start < min(seg_end, next_start + 1):
            return c.value
    # a list closed by one comparison: "X tăng 38%; Y tăng 16%, so với năm 2021."
    tail = _tail_comparison(sentence)
    if tail and tail.start() >= num.end and not find_numbers(sentence[num.end : tail.start()]):
        cs = comparisons(tail.group(1))
        if cs:
            return cs[0].value
    if tail and tail.start() >= num.end:
        cs = comparisons(tail.group(1))
        if cs and ";" in sentence[num.end : tail.start()]:
            return cs[0].value
    return None


# unit_kind is a pure function of the base unit, and reports use few: asked once each
_unit_kind = lru_cache(maxsize=512)(unit_kind)


def _year_of(period: str | None) -> int | None:
    if not period:
        return None
    ys = _YEAR_RE.findall(period)
    return int(ys[-1]) if ys else None


def sentence_facts(
    doc_sha: str,
    sentence: Sentence,
    para: _Para,
    doc_year: int | None = None,
) -> list[Fact]:
    """The facts of one sentence; `para` carries the paragraph's heading and last period."""
    text = sentence.text
    heading = heading_sector(text)
    if heading:
        para.heading_sector = heading[0]
    nums = find_numbers(text)
    mentions = periods(text)
    # "nhiệm vụ trọng tâm quý IV/2024": a period that plans name is not the
    # period of the figures around it
    plans = [m for m in mentions if _PLAN_BEFORE_RE.search(text[max(0, m.start - 40) : m.start])]
    not_plans = [m for m in mentions if m not in plans]  # (the same for every figure)
    segs = _segments(text) if nums else []  # (only figures ask for their clause)
    # What no part of the sentence can hold if the whole does not (each asked once here, not
    # for each figure): an age range after a figure, a target word in a clause, a sector name
    # in a clause (lower-casing a part gives a part of the lower-cased whole, but for Σ,
    # which no sector name holds).
    ages = bool(nums) and _AGE_RANGE_RE.search(text) is not None
    targets = bool(nums) and _TARGET_IN_SENTENCE_RE.search(text) is not None
    any_sector = bool(nums) and sector_of(text) is not None
    drafts: list[_Draft] = []
    para_period_at_start = para.last_period
    # a period without a year ("6 tháng đầu năm") takes the year last named before it
    resolved: dict[int, str] = {}
    last_year = _year_of(para_period_at_start) or doc_year
    for m in mentions:
        if m.has_year:
            last_year = _year_of(m.value)
            resolved[m.start] = m.value
        elif last_year:
            resolved[m.start] = (
                f"{m.value} {last_year}" if "tháng" in m.value else f"{m.value}/{last_year}"
            )
        else:
            resolved[m.start] = m.value

    prev_end = 0
    index_of: dict[int, int] = {}  # number index -> draft index
    pair: tuple[int, int] | None = None  # two facts whose metrics were "A và B"
    for i, num in enumerate(nums):
        if _is_generic_one(num):
            continue
        seg = (0, len(text))
        for sg in segs:  # (the first clause that holds it)
            if sg[0] <= num.start < sg[1] + 1:
                seg = sg
                break
        hedge_start = num.qualifier_start if num.qualifier_start is not None else num.start
        left_start = max(seg[0], prev_end)
        left = text[left_start:hedge_start]
        in_parens = left.count("(") > left.count(")")
        paren_at = left_start + left.rfind("(") if in_parens else -1
        if in_parens:
            # a figure in parentheses is about what the parenthesis says: "(hơn 1.342 trang ...)"
            left = left[left.rfind("(") + 1 :]
            left_start = hedge_start - len(left)
        after_figure = left_start == prev_end and i > 0
        metric, trigger = _metric_left(left, after_figure=after_figure)
        inherited: int | None = None
        joined = False  # "16% và 19%", "75,8% tức 3.193 tỷ đồng": one statement, two figures
        if drafts and after_figure and not _search_ci(_TRIGGER_RE, _TRIGGER_LOW_RE, left):
            if _JOINED_RE.fullmatch(left):
                metric, joined = "", True
        range_partner = (
            num.range_with if num.range_with is not None and num.range_with < i else None
        )
        next_start = nums[i + 1].start if i + 1 < len(nums) else len(text)
        kind = _unit_kind(num.base_unit)
        is_countable = kind == "people" or kind.startswith("count:")
        right_from = num.end
        if num.range_with is not None and num.range_with > i:
            right_from = nums[num.range_with].end  # "6-7% GDP": after the whole range
        right = _right_phrase(text, right_from, ages=ages)
        if _PLAN_RIGHT_RE.match(right):
            right = ""  # "bằng 61,3% kế hoạch năm" is a ratio of the figure before it
        about = _ABOUT_RE.match(right)  # "mức tăng 35% về doanh thu"
        moneyish = kind.startswith("money:") or (kind == "number" and num.scale >= 1e9)
        prefix = text[:hedge_start]
        # the change verb right before the figure ("tăng 12%"), asked by _measure too
        change = _search_at_end(_CHANGE_RE, _CHANGE_VOCABULARY, prefix.rstrip())
        growth_of = num.is_percent and bool(change)
        money_metric = (
            right if (moneyish or growth_of) and _METRIC_HEAD_RE.match(right) else ""
        )  # "với 6.121 tỷ đồng doanh thu", "hơn 900 tỷ lợi nhuận", "tăng 31% doanh thu"
        verb_phrase = metric if metric and _VERB_START.match(metric) else ""
        noun = ""
        if is_countable and num.unit:
            noun = _SCALE_PREFIX_RE.sub("", num.unit)
            noun = " ".join(w for w in [noun, right] if w)
        elif not num.is_percent and kind == "number" and right and right.split()[0][0].islower():
            # "3 hình thái", "3 triệu bản ghi": the noun after the number is what it counts
            noun = right
            is_countable = True
        if range_partner is not None and drafts:
            metric = drafts[index_of[range_partner]].fact.metric or metric
        elif about:
            metric = about.group(1)
        elif money_metric:
            metric = money_metric
        elif joined and not noun:
            pass
        elif noun and (not metric or verb_phrase or not _mentions(metric, noun)):
            # a count whose left side names something else: "đã hoàn thành phủ sóng cho 2.152
            # điểm lõm sóng" counts "điểm lõm sóng"
            unit_word = noun.split()[0].lower()
            if unit_word in _MEASUREMENT_UNITS and len(noun.split()) > 1:
                metric = noun.split(None, 1)[1]  # "1.200 km cáp quang": what is measured
            else:
                metric = f"số {noun}" + (f" được {verb_phrase}" if verb_phrase else "")
        elif (
            num.is_percent
            and not metric
            and drafts
            and right
            and (trigger == "chiếm" or _EQUIVALENT_END_RE.search(left))
        ):
            # "1.240 cửa hàng đóng cửa, chiếm 18,5% tổng số điểm bán": share of the subject
            metric = f"tỷ trọng {drafts[-1].fact.metric} trong {right}"
            inherited = len(drafts) - 1
        elif num.is_percent and not metric and right:
            metric = f"tỷ lệ {right}"
        elif num.is_percent and metric and trigger == "chiếm" and right:
            metric = f"tỷ trọng {metric} trong {right}"  # "ngành du lịch chiếm 6-7% GDP"
        if not metric and in_parens:
            # "Quỹ bảo hiểm thất nghiệp (49.180 tỷ đồng)": the words before the parenthesis
            before_paren = text[max(seg[0], prev_end) : paren_at]
            if before_paren.strip() and not after_figure_text(before_paren):
                metric, _ = _metric_left(before_paren)
        if not metric and not drafts:
            # "riêng mảng truyền hình ... chưa hoàn thành kế hoạch, mới bằng 93,5%": the
            # subject of the clause before
            metric = _subject(text[seg[0] : left_start + max(0, left.rfind(","))])
        if noun and joined and metric:
            joined = False  # "1,2km và 2 cầu vượt": the second figure counts its own noun
        if not metric and drafts:
            inherited = len(drafts) - 1 if joined else _level_before(drafts)
            respective = _RESPECTIVE_RE.search(left)
            prev = drafts[-1]
            if joined and pair and prev.metric_inherited_from == pair[0]:
                inherited = pair[1]  # "... tương ứng 16% và 19%": the second of the pair
            elif not joined and respective and pair:
                inherited = pair[0]
            elif (
                joined
                and prev.metric_inherited_from is None
                and prev.fact.metric.count(" và ") == 1
            ):
                # "doanh thu và LNTT đạt 4.310 tỷ đồng và 580 tỷ đồng": one metric each
                first, second = prev.fact.metric.split(" và ")
                prev.fact.metric, prev.fact.metric_en = first, metric_en(first)
                pair = (len(drafts) - 1, len(drafts))
                metric = second
                inherited = None
            if inherited is not None:
                metric = drafts[inherited].fact.metric
        contributes = _CONTRIBUTES_RE.fullmatch(metric)
        if contributes and inherited is None:
            # "kinh tế số đóng góp khoảng 7%": the figure is the contribution of the subject,
            # to what the words after it name ("... 7% vào GDP")
            to = right if _TO_WHAT_RE.match(right) else ""
            metric = " ".join(w for w in (f"đóng góp của {contributes.group(1)}", to) if w)
        seg_before = text[seg[0] : hedge_start]
        # period
        clause_start = left_start + max(0, left.rfind(",") + 1)
        p = _period_for(text, num, seg, clause_start, not_plans)
        p = p or _period_for(text, num, seg, clause_start, mentions)
        period = resolved.get(p.start, p.value) if p else None
        # future-year plans are targets: "đến năm 2025 ... đạt 50%"
        future = False
        py = _year_of(period)
        if doc_year and py and py > doc_year and not _FORECAST_RE.search(seg_before):
            future = True
        measure, direction = _measure(
            text, seg_before, num, metric, prefix.rstrip(), future, change, kind, targets
        )
        acted = _SUBJECT_VERB.match(metric) if measure == "share" and inherited is None else None
        if measure == "share" and inherited is None and _VERB_START.match(metric):
            # "gỡ bỏ thông tin xấu độc đạt hơn 90%": a percentage of an action is its rate
            metric = f"tỷ lệ {metric}"
        elif acted and not _SHARE_WORDS.match(metric):
            # "các nền tảng đã gỡ bỏ thông tin xấu độc đạt 92%": the rate, and whose it is
            whose = _tidy(_clean_np(acted.group("subject")))
            metric = f"tỷ lệ {acted.group('verb')} của {whose}"
        compared = None
        if measure in ("change", "ratio", "target"):
            compared = _compared_to(text, num, seg[1], next_start)
        same_kind = _unit_kind(drafts[-1].fact.base_unit) == kind if drafts else False
        restating = bool(_RESTATING_RE.search(left))
        if (
            joined
            and drafts[-1].fact.measure in ("change", "ratio")
            and measure not in ("target", "change")
            and (same_kind or restating)
        ):
            # "tăng tương ứng 16% và 19%": the second figure is read like the first
            lead = drafts[-1].fact
            measure, direction = lead.measure, lead.direction
            compared = compared or _compared_to(text, num, seg[1], next_start) or lead.compared_to
            if lead.compared_to is None:
                lead.compared_to = compared  # "tăng 12% và 9% so với năm 2022": both
        qualifier = num.qualifier
        if qualifier is None and _ESTIMATE_RE.search(left):
            qualifier = "estimate"
        base_unit = num.base_unit
        if base_unit is None and num.scale >= 1e9 and _MONEY_WORDS_RE.search(metric + " " + left):
            base_unit = "VND"  # "lợi nhuận đạt 3.280 tỷ": Vietnamese reports leave "đồng" out
        metric = _tidy(metric)
        fact = Fact(
            metric=metric,
            measure=measure,  # type: ignore[arg-type]
            value=num.value,
            unit=num.unit,
            value_text=num.text,
            sentence=text,
            sentence_ordinal=sentence.ordinal,
            span=(num.start, num.end),
            metric_en=(metric if is_english(metric) else metric_en(metric)) if metric else None,
            total=num.total,
            qualifier=qualifier,  # type: ignore[arg-type]
            base_value=num.base_value,
            base_unit=base_unit,
            period=period,
            compared_to=compared,
            direction=direction,  # type: ignore[arg-type]
        )
        fact.id = make_id(doc_sha, "fact", sentence.ordinal, fact.span[0], fact.value_text)
        d = _Draft(fact, num, inherited, own_period=p is not None, joined=joined)
        d.clause_sector = sector_of(seg_before) if any_sector else None
        drafts.append(d)
        if inherited is not None:
            d.related.append(inherited)
            drafts[inherited].related.append(len(drafts) - 1)
        if range_partner is not None and range_partner in index_of:
            d.related.append(index_of[range_partner])
            drafts[index_of[range_partner]].related.append(len(drafts) - 1)
        index_of[i] = len(drafts) - 1
        prev_end = num.end
    # growth rates and ratios take the period of the level they qualify
    for d in drafts:
        if d.metric_inherited_from is not None and d.fact.measure in ("change", "ratio"):
            base = drafts[d.metric_inherited_from].fact
            if base.period and (not d.own_period or d.fact.period != base.period):
                d.fact.period = base.period
    # the paragraph's period so far fills figures of sentences that name none
    for d in drafts:
        if d.fact.period is None:
            if para_period_at_start:
                d.fact.period = para_period_at_start
            elif d.fact.compared_to and _YEAR_COMPARISON_RE.fullmatch(d.fact.compared_to):
                d.fact.period = str(int(d.fact.compared_to[-4:]) + 1)
            elif doc_year and _year_of(para.doc_last_period) == doc_year:
                # the report's own year, when the text has just been talking about it
                d.fact.period = str(doc_year)
    # sectors
    sent_sector = (sector_of(text[heading[1] :] if heading else text)) if drafts else None
    for k, d in enumerate(drafts):
        d.fact.sector = (
            sector_of(d.fact.metric)
            or para.heading_sector
            or d.clause_sector
            or sent_sector
            or sector_of(para.text)
        )
        d.fact.related = sorted({drafts[j].fact.id for j in d.related if j != k})
    # what later sentences of the paragraph inherit
    with_year = [
        m
        for m in mentions
        if m.start in resolved and _year_of(resolved[m.start]) and m not in plans
    ]
    if with_year:
        para.last_period = resolved[with_year[-1].start]
        para.doc_last_period = para.last_period
    return [d.fact for d in drafts]


def extract_figures(doc: Document) -> list[Fact]:
    """One Fact per figure the document states (titles, body and captions; not metadata)."""
    passages: dict[int, Passage] = {p.ordinal: p for p in doc.passages}
    doc_year = int(doc.meta.date[:4]) if doc.meta.date and doc.meta.date[:4].isdigit() else None
    facts: list[Fact] = []
    para = _Para()
    for sentence in doc.sentences:
        passage = passages.get(sentence.passage)
        if passage is None or passage.kind == "meta":
            continue
        if passage.ordinal != para.passage:
            para = _Para(
                passage=passage.ordinal, text=passage.text, doc_last_period=para.doc_last_period
            )
        facts.extend(sentence_facts(doc.sha256, sentence, para, doc_year))
    return facts
