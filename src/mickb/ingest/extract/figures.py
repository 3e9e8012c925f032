"""Sentences -> Fact records: every figure a document states, with what it measures and when.

`extract_figures(doc)` reads the document sentence by sentence; `sentence_facts` reads one
sentence in these steps, each a function below, in the order a newcomer would follow:

1. `find_numbers` (text/numbers.py) reads the figures; identifiers are left out.
2. `_SentenceView` works out once what every figure of the sentence shares: its clauses (";"
   and ":" end them), the periods it names (context.periods) with their years resolved.
3. For each figure, `_read_figure`:
   - `_clause_of`: the words to its left in its clause (a figure ends the clause of the next);
   - `_metric_of`: the noun phrase it measures (extract/metric.py), else what the figure
     before it measured ("..., tăng 1,6%" qualifies the level before it: `related`);
   - `_period_of`: the period its own clause names, else its sentence; never the year of an
     event ("sinh năm 1971", "từ năm 2008") nor a plan's ("nhiệm vụ năm 2023");
   - `measure_of` (extract/measure.py): level, change, share, count, ratio or target.
4. `_rates_take_their_levels_period`: a growth rate holds for the period of its level.
5. `_periods_from_scope`: a figure whose sentence names no period takes one only from what
   scopes it: an elaboration ("Cụ thể, ...") of the sentence before; "so với năm 2021" (the
   year after); the report's stated period when the document is dated. Else null: null is
   better than wrong.
6. `_sectors`: the sector named in the metric, a "Lĩnh vực X:" heading, or the figure's clause
   before it; else none (no sector rather than a wrong one).

`extract_figures` then gives the title's figures the period of the same figure in the lead,
else the lead's period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mickb.ingest.extract.companies import (
    company_names,
    may_open_with_company,
    names_a_company,
    names_another_company,
    subject_company,
)
from mickb.ingest.extract.context import (
    Mention,
    comparisons,
    has_odd_case,
    heading_sector,
    period_mentions,
    sector_of,
    sentence_periods,
)
from mickb.ingest.extract.measure import (
    Measure,
    find_change,
    has_target_words,
    is_planned,
    measure_of,
)
from mickb.ingest.extract.metric import (
    AGE_RANGE_RE,
    METRIC_HEAD_RE,
    MONEY_WORDS_RE,
    SHARE_WORDS_RE,
    SUBJECT_VERB_RE,
    VERB_START_RE,
    after_figure_text,
    clean_np,
    mentions_noun,
    metric_left,
    right_phrase,
    search_ci_trigger,
    subject_of,
    tidy,
)
from mickb.records import Document, Fact, Passage, Sentence, make_id
from mickb.text.glossary import is_english, metric_en
from mickb.text.numbers import NumberMatch, find_numbers, find_numbers_with_digits, unit_kind
from mickb.text.units import is_measurement, verb_follows

__all__ = ["extract_figures", "sentence_facts"]

_F = re.IGNORECASE | re.UNICODE

_SEGMENT_END_RE = re.compile(r"[;:](?!\d)|\.\s| \| ")
# A table row comes as one sentence, its cells joined by " | " (ingest/formats)
_CELL_SEP = " | "
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
_PLAN_BEFORE_RE = re.compile(
    r"(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu|định hướng|triển khai)[^,.;]{0,25}$", _F
)
# A year that names an event ("phiên họp cổ đông thường niên 2019"), not a period.
_EVENT_NAME_BEFORE_RE = re.compile(r"(?:thường niên|khóa|khoá|lần thứ \d+)\s*$", _F)
# Sentences that elaborate the one before them: they hold for its period.
_ELABORATION_RE = re.compile(r"^\W*(?:cụ thể|chi tiết|như vậy)\b", _F)
# Relative periods against the document's year
_RELATIVE_YEARS = {
    "năm nay": 0,
    "năm qua": 0,
    "năm ngoái": -1,
    "năm trước": -1,
    "năm tới": 1,
    "năm mới": 0,
}


# --- what the extractor remembers between sentences ---------------------------------------------


@dataclass
class _Scope:
    """What the document says about when its figures hold."""

    year: int | None = None  # of the document's date
    month: int | None = None
    reporting: str | None = None  # the period its title or lead names, when dated
    lead: str | None = None  # the period an undated document's lead names, with its year
    last_year: int | None = None  # the year last named, for "6 tháng đầu năm" without one
    last_named: str | None = None  # the period last named anywhere
    counted: set[tuple[float, str]] = field(default_factory=set)  # counts stated so far
    # the period of each count stated so far with one ("9,1 triệu người" in quý I/2021)
    count_periods: dict[tuple[float, str], str] = field(default_factory=dict)
    # the header row of the table being read: each column's period and "so với ..." words
    columns: list[tuple[str | None, str]] | None = None


@dataclass
class _Para:
    """What a paragraph has said so far: its heading's sector, the period of its last sentence."""

    passage: int = -1
    heading_sector: str | None = None
    last_period: str | None = None  # the period the sentence before held for
    elaborating: bool = False  # the sentence before carried a period into an elaboration
    named_period: str | None = None  # the last period the paragraph named
    figures_year: int | None = None  # the year of the last figure that named its own period
    last_metrics: list[str] = field(default_factory=list)  # of the last sentence with figures
    company: str | None = None  # the company the paragraph is about, while it names no other
    # its sentences without figures since the last one with figures: read for the company
    # only when a sentence with figures comes (most paragraphs of news have none)
    unread: list[str] = field(default_factory=list)
    last_sentence: str = ""  # the sentence before, as written
    text: str = ""


@dataclass
class _Draft:
    fact: Fact
    num: NumberMatch
    metric_inherited_from: int | None = None  # index of the fact whose metric it took
    own_period: bool = False
    joined: bool = False
    related: list[int] = field(default_factory=list)
    clause_before: str = (
        ""  # its clause up to it, where a sector may be named: "về chuyển đổi số, ..."
    )
    base: str | None = None  # the comparison it is the base of: "(với 93.500 tỷ đồng)"
    period_at: int = -1  # where the period it names itself stands in the sentence


# --- step 2: what every figure of a sentence shares -----------------------------------------------


class _SentenceView:
    """One sentence as its figures read it (worked out once, not per figure). A sentence
    without figures is viewed for its periods alone: what only figures ask is left out."""

    def __init__(
        self,
        text: str,
        nums: list[NumberMatch],
        para: _Para,
        scope: _Scope,
        named: tuple[Mention, ...] | None = None,  # period_mentions(text), when known
    ) -> None:
        self.text = text
        self.nums = nums
        if nums:
            self.segments = _segments(text)
            self.ages = "tuổi" in text and AGE_RANGE_RE.search(text) is not None
            self.targets = has_target_words(text)
        if named is None:
            named = period_mentions(text)
        mentions = [m for m in named if not m.event and not _names_event(text, m)]
        # "nhiệm vụ trọng tâm quý IV/2024": a period that plans name is not the period of the
        # figures around it
        self.plans = [
            m for m in mentions if _PLAN_BEFORE_RE.search(text[max(0, m.start - 40) : m.start])
        ]
        self.mentions = mentions
        self.not_plans = [m for m in mentions if m not in self.plans]
        self.resolved = _resolve(mentions, para, scope)
        self.doc_year = scope.year
        self.cells = _cells(text) if _CELL_SEP in text else []
        self.columns = (
            scope.columns if scope.columns and len(scope.columns) == len(self.cells) else None
        )

    def column(self, num: NumberMatch) -> int:
        """The table column a figure stands in (0: the row's label, or not a table row)."""
        for k, (a, b) in enumerate(self.cells):
            if a <= num.start < b:
                return k
        return 0


def _cells(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while True:
        end = text.find(_CELL_SEP, start)
        if end < 0:
            out.append((start, len(text)))
            return out
        out.append((start, end))
        start = end + len(_CELL_SEP)


_ROW_NUMBER_RE = re.compile(r"^\s*(?:\d+|[IVX]+|[a-zđ])[.)]\s+", _F)
_COMPARED_HEADER_RE = re.compile(r"^\s*so\s+(?:với|cùng kỳ|kế hoạch)", _F)


def _table_header(text: str, scope: _Scope) -> list[tuple[str | None, str]]:
    """What each column of a header row ("Chỉ tiêu | Năm 2023 | So với năm 2022") says about
    the figures under it: its period, and the comparison it names."""
    columns: list[tuple[str | None, str]] = []
    for a, b in _cells(text):
        cell = text[a:b].strip()
        compared = cell if _COMPARED_HEADER_RE.match(cell) else ""
        columns.append((None if compared else _lead_period(cell, scope), compared))
    return columns


def _names_event(text: str, m: Mention) -> bool:
    if m.kind != "year":
        return False
    # (the pattern ends where the year starts, with "niên", "khóa" or a number before white
    # space: the words just before the year say whether it can match, without a search from
    # the sentence's start; a letter of _ODD_CASE may match a pattern letter unlowered)
    tail = text[max(0, m.start - 16) : m.start].rstrip()
    if tail and not has_odd_case(tail):
        if not (tail[-1].isdigit() or tail[-4:].lower() in _EVENT_NAME_ENDS):
            return False
    return bool(_EVENT_NAME_BEFORE_RE.search(text, 0, m.start))


_EVENT_NAME_ENDS = ("niên", "khóa", "khoá")


def _segments(text: str) -> list[tuple[int, int]]:
    """Clauses that ";" and ":" close (a "Lĩnh vực X:" heading is a clause of its own)."""
    out = []
    start = 0
    for m in _SEGMENT_END_RE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _resolve(mentions: list[Mention], para: _Para, scope: _Scope) -> dict[int, str | None]:
    """Each mention's period in the extractor's words, its year filled in: from the same
    sentence before it, else the year the document last named, else the document's date
    ("6 tháng đầu năm" -> "6 tháng đầu năm 2019"). A relative period ("năm nay") resolves
    against the document's date, and stays as written when the document has none."""
    out: dict[int, str | None] = {}
    earlier = scope.last_year or scope.year
    last_year = None  # the year this sentence named last
    for i, m in enumerate(mentions):
        if not m.has_year and m.kind not in ("relative", "whole_year"):
            last_year = last_year or _shared_year(mentions, i) or earlier
        elif not m.has_year:
            last_year = last_year or earlier
        if m.has_year:
            last_year = _year_of(m.value)
            out[m.start] = m.value
        elif m.kind == "relative":
            rel = _RELATIVE_YEARS.get(m.value)
            out[m.start] = str(scope.year + rel) if scope.year and rel is not None else m.value
        elif m.relative_year is not None:
            # "5 tháng đầu năm nay": the document's own year, never one another sentence named
            rel = _RELATIVE_YEARS.get(f"năm {m.relative_year}")
            if scope.year and rel is not None:
                year = scope.year + rel
                base = m.value.rsplit(" năm ", 1)[0]
                out[m.start] = f"{base}/{year}" if base.startswith("quý") else f"{base} năm {year}"
            else:
                out[m.start] = m.value
        elif m.kind == "whole_year":
            out[m.start] = str(last_year) if last_year else None
        elif last_year:
            month = _MONTH_NAME_RE.match(m.value)
            if month:
                name = month.group(1).lower()
                number = name if name.isdigit() else _MONTH_NUMBERS[name]
                out[m.start] = f"tháng {number}/{last_year}"
            elif "tháng" in m.value:
                out[m.start] = f"{m.value} {last_year}"
            else:
                out[m.start] = f"{m.value}/{last_year}"
        else:
            out[m.start] = m.value
    return out


def _shared_year(mentions: list[Mention], i: int) -> int | None:
    """The year of a later period of the same kind in the sentence, written once for both:
    "6 tháng đầu năm và … 6 tháng cuối năm 2017" (not "quý 4 … tăng 7% năm 2015")."""
    for later in mentions[i + 1 :]:
        if later.has_year and later.kind == mentions[i].kind:
            return _year_of(later.value)
    return None


_MONTH_NAME_RE = re.compile(r"tháng\s+(\w+(?: \w+)?)$", _F)
_MONTH_NUMBERS = {
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}


# --- step 3: one figure -------------------------------------------------------------------------


@dataclass
class _Clause:
    """Where a figure stands: its clause and the words to its left there."""

    seg: tuple[int, int]
    left_start: int
    left: str
    in_parens: bool
    paren_at: int
    after_figure: bool
    hedge_start: int


def _clause_of(view: _SentenceView, num: NumberMatch, i: int, prev_end: int) -> _Clause:
    text = view.text
    seg = (0, len(text))
    for sg in view.segments:  # (the first clause that holds it)
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
    return _Clause(seg, left_start, left, in_parens, paren_at, after_figure, hedge_start)


@dataclass
class _Reading:
    """What the metric step found out about a figure, for the steps after it."""

    metric: str
    trigger: str | None
    inherited: int | None
    joined: bool
    right: str
    kind: str
    change: re.Match[str] | None
    prefix: str


class _State:
    """What reading one figure leaves for the next in the same sentence."""

    def __init__(self) -> None:
        self.prev_end = 0
        self.index_of: dict[int, int] = {}  # number index -> draft index
        self.pair: tuple[int, int] | None = None  # two facts whose metrics were "A và B"


def _metric_of(
    view: _SentenceView,
    num: NumberMatch,
    i: int,
    clause: _Clause,
    drafts: list[_Draft],
    state: _State,
) -> _Reading:
    """The metric of a figure: its own noun phrase, else what the figure before measured."""
    text, nums = view.text, view.nums
    left = clause.left
    metric, trigger = metric_left(left, after_figure=clause.after_figure)
    joined = False  # "16% và 19%", "75,8% tức 3.193 tỷ đồng": one statement, two figures
    if drafts and clause.after_figure and not search_ci_trigger(left):
        if _JOINED_RE.fullmatch(left):
            metric, joined = "", True
    range_partner = num.range_with if num.range_with is not None and num.range_with < i else None
    kind = _unit_kind(num.base_unit)
    right_from = num.end
    if num.range_with is not None and num.range_with > i:
        right_from = nums[num.range_with].end  # "6-7% GDP": after the whole range
    right = right_phrase(text, right_from, ages=view.ages)
    if _PLAN_RIGHT_RE.match(right):
        right = ""  # "bằng 61,3% kế hoạch năm" is a ratio of the figure before it
    prefix = text[: num.start].rstrip()  # (with the hedge: "nhiều hơn 4 lần", "vượt 11%")
    change = find_change(text[: clause.hedge_start].rstrip(), prefix)
    metric = _own_metric(
        view,
        num,
        clause,
        metric,
        trigger,
        joined,
        range_partner,
        right,
        kind,
        change,
        drafts,
        state,
    )
    if not metric and clause.in_parens:
        # "Quỹ bảo hiểm thất nghiệp (49.180 tỷ đồng)": the words before the parenthesis
        before_paren = text[max(clause.seg[0], state.prev_end) : clause.paren_at]
        if before_paren.strip() and not after_figure_text(before_paren):
            metric, _ = metric_left(before_paren)
    if not drafts and view.column(num) > 0 and not left.strip():
        # a table row: its first cell names what its figures measure
        a, b = view.cells[0]
        metric = metric_left(_ROW_NUMBER_RE.sub("", text[a:b]))[0] or metric
    if not metric and not drafts:
        # "riêng mảng truyền hình ... chưa hoàn thành kế hoạch, mới bằng 93,5%": the
        # subject of the clause before
        metric = subject_of(text[clause.seg[0] : clause.left_start + max(0, left.rfind(","))])
    if not metric and not left.strip() and clause.left_start == clause.seg[0]:
        metric = _label_before_colon(text, clause.seg[0])  # "Cân nặng: 68 kg"
    inherited = None
    if not metric and drafts:
        metric, inherited = _inherit_metric(left, joined, drafts, state)
    # (the words first: the pattern's lazy start tries every split of the metric; neither
    # word holds a letter IGNORECASE equates with another that lower() does not give it)
    contributes = _CONTRIBUTES_RE.fullmatch(metric) if "đóng góp" in metric.lower() else None
    if contributes and inherited is None:
        # "kinh tế số đóng góp khoảng 7%": the figure is the contribution of the subject,
        # to what the words after it name ("... 7% vào GDP")
        to = right if _TO_WHAT_RE.match(right) else ""
        metric = " ".join(w for w in (f"đóng góp của {contributes.group(1)}", to) if w)
    return _Reading(metric, trigger, inherited, joined, right, kind, change, prefix)


def _label_before_colon(text: str, seg_start: int) -> str:
    """A figure that opens the clause after a colon measures what the words before the colon
    name: "Ngưỡng hỗ trợ gần nhất là: 1.230 USD/ounce", "Cân nặng: 68 kg"."""
    head = text[:seg_start].rstrip()
    if not head.endswith(":"):
        return ""
    start = max(head.rfind(";"), head.rfind(". "), head.rfind(":", 0, len(head) - 1)) + 1
    label = head[start:-1]
    return "" if _DIGITS_RE.search(label) else metric_left(label)[0]


def _own_metric(
    view: _SentenceView,
    num: NumberMatch,
    clause: _Clause,
    metric: str,
    trigger: str | None,
    joined: bool,
    range_partner: int | None,
    right: str,
    kind: str,
    change: re.Match[str] | None,
    drafts: list[_Draft],
    state: _State,
) -> str:
    """The metric from the figure's own words: its range partner's, "mức tăng 35% về doanh
    thu", "với 6.121 tỷ đồng doanh thu", the noun a count counts, "tỷ lệ ..." of a
    percentage."""
    is_countable = kind == "people" or kind.startswith("count:")
    moneyish = kind.startswith("money:") or (kind == "number" and num.scale >= 1e9)
    growth_of = num.is_percent and bool(change)
    about = _ABOUT_RE.match(right)  # "mức tăng 35% về doanh thu"
    money_metric = right if (moneyish or growth_of) and METRIC_HEAD_RE.match(right) else ""
    verb_phrase = metric if metric and VERB_START_RE.match(metric) else ""
    noun = ""
    if is_countable and num.unit and not is_measurement(num.base_unit):
        noun = _SCALE_PREFIX_RE.sub("", num.unit)
        noun = " ".join(w for w in [noun, right] if w)
    elif is_measurement(num.base_unit) and right and right.split()[0][:1].islower():
        noun = f"{num.unit} {right}"  # "1.200 km cáp quang": what is measured
    if range_partner is not None and drafts:
        return drafts[state.index_of[range_partner]].fact.metric or metric
    if about:
        return about.group(1)
    if money_metric:
        return money_metric
    if joined and not noun:
        return metric
    if noun and (not metric or verb_phrase or not mentions_noun(metric, noun)):
        # a count whose left side names something else: "đã hoàn thành phủ sóng cho 2.152
        # điểm lõm sóng" counts "điểm lõm sóng"
        if is_measurement(num.base_unit):
            return noun.split(None, 1)[1]
        done = _NUMBER_OF_DONE_RE.fullmatch(metric) if metric and not verb_phrase else None
        if done:
            return f"số {noun} {done.group(1)}"  # "số thành lập mới ... là 44.166 doanh nghiệp"
        return f"số {noun}" + (f" được {verb_phrase}" if verb_phrase else "")
    if num.is_percent and not metric and drafts and right:
        if trigger == "chiếm" or _EQUIVALENT_END_RE.search(clause.left):
            # "1.240 cửa hàng đóng cửa, chiếm 18,5% tổng số điểm bán": share of the subject
            return f"tỷ trọng {drafts[-1].fact.metric} trong {right}"
    if num.is_percent and not metric and right:
        return f"tỷ lệ {right}"
    if num.is_percent and metric and trigger == "chiếm" and right:
        return f"tỷ trọng {metric} trong {right}"  # "ngành du lịch chiếm 6-7% GDP"
    return metric


# "số thành lập mới", "số giải thể": the number of those that did something, the things
# named after the figure ("... là 44.166 doanh nghiệp")
_NUMBER_OF_DONE_RE = re.compile(
    r"số\s+((?:thành lập|giải thể|đăng ký|tạm ngừng|rút lui|quay trở lại|hoạt động|"
    r"bị|được|phải|mới)(?:\s+[^\W\d_]+){0,5})",
    _F,
)


def _inherit_metric(
    left: str, joined: bool, drafts: list[_Draft], state: _State
) -> tuple[str, int | None]:
    """A clause with no noun phrase of its own states a figure of the metric before it:
    "..., tăng 1,6%", "... 8.120 tỷ đồng và 1.050 tỷ đồng, tăng tương ứng 12% và 9%"."""
    inherited: int | None = len(drafts) - 1 if joined else _level_before(drafts)
    respective = _RESPECTIVE_RE.search(left)
    prev = drafts[-1]
    pair = state.pair
    if joined and pair and prev.metric_inherited_from == pair[0]:
        inherited = pair[1]  # "... tương ứng 16% và 19%": the second of the pair
    elif not joined and respective and pair:
        inherited = pair[0]
    elif joined and prev.metric_inherited_from is None and prev.fact.metric.count(" và ") == 1:
        # "doanh thu và LNTT đạt 4.310 tỷ đồng và 580 tỷ đồng": one metric each
        first, second = prev.fact.metric.split(" và ")
        prev.fact.metric, prev.fact.metric_en = first, metric_en(first)
        state.pair = (len(drafts) - 1, len(drafts))
        return second, None
    assert inherited is not None
    return drafts[inherited].fact.metric, inherited


def _level_before(drafts: list[_Draft]) -> int:
    """The fact a metric-less clause ("..., tăng 1,6%") qualifies: the last level before it,
    or the fact that level's growth rate was read with."""
    for j in range(len(drafts) - 1, -1, -1):
        d = drafts[j]
        if d.fact.measure not in ("change", "ratio") or d.metric_inherited_from is None:
            return j
    return len(drafts) - 1


def _period_of(
    view: _SentenceView, num: NumberMatch, clause: _Clause, plan: bool
) -> tuple[Mention | None, str | None]:
    """The mention that gives the figure its period, and that period (see _nearest); a
    plan's period only for a planned figure or when no other is named; a date ("đến ngày
    31/12/2016") only when no period is."""
    clause_start = clause.left_start + max(0, clause.left.rfind(",") + 1)
    dated = [m for m in view.mentions if m.kind == "date"]
    tries = [
        [m for m in view.not_plans if m.kind != "date"],
        [m for m in view.mentions if m.kind != "date"],
        dated,
    ]
    if plan:
        tries.insert(0, [m for m in view.plans if m.start < num.start])
    for mentions in tries:
        p = _nearest(view.text, num, clause.seg, clause_start, mentions, plan)
        if p is not None and view.resolved.get(p.start) is not None:
            if p.kind == "relative" and view.resolved[p.start] == p.value:
                p = _year_after(view, num, mentions) or p
            return p, view.resolved[p.start]
    return None, None


_NOT_THE_SAME_PERIOD_RE = re.compile(r"[\d,;:()]|\b(?:so|hơn|bằng|với|trước|sau|từ|kể)\b", _F)


def _year_after(view: _SentenceView, num: NumberMatch, mentions: list[Mention]) -> Mention | None:
    """A year the figure's own words name after it ("Năm ngoái, hãng là số một với 340.237 xe
    bán ra trong năm 2016"): in an undated article it says what the relative word cannot."""
    for m in mentions:
        if m.start >= num.end and m.has_year:
            between = view.text[num.end : m.start]
            if len(between) <= 40 and not _NOT_THE_SAME_PERIOD_RE.search(between):
                return m
            return None
    return None


_RISEN_FROM_TO_RE = re.compile(
    r"\s*từ\s+(?:mức\s+)?[^,;:()]{1,60}?\s(?:lên|xuống|đến|tới)(?:\s+mức)?\s", _F
)


def _period_risen_to(
    view: _SentenceView,
    num: NumberMatch,
    clause: _Clause,
    mention: Mention,
    period: str | None,
) -> tuple[Mention | None, str | None]:
    """A change "từ A năm X lên B năm Y" holds for Y, the period it rose to, not for X
    ("tăng 114% từ mức 82 tỷ đồng năm 2015 lên mức 176 tỷ đồng năm 2016" -> 2016)."""
    to = _RISEN_FROM_TO_RE.match(view.text, num.end)
    if not to:
        return mention, period
    for m in view.not_plans:
        if to.end() <= m.start < clause.seg[1] and view.resolved.get(m.start):
            return m, view.resolved[m.start]
    return mention, period


_TRAILING_GAP_RE = re.compile(r"\s*(?:(?:trong|vào|của|tính đến|đến|năm|in|for)\s+){0,2}", _F)
_OWN_PARENTHESIS_RE = re.compile(r"\s*\(\s*(?:(?:trong|vào|tính đến|năm|in)\s+)?", _F)


def _nearest(
    sentence: str,
    num: NumberMatch,
    seg: tuple[int, int],
    clause_start: int,
    mentions: list[Mention],
    plan: bool = False,
) -> Mention | None:
    """The period of a figure, nearest first: named in its clause before it ("Năm 2022,
    doanh thu đạt ..."); right after it ("724 tỷ đồng trong năm 2015, 1.162 tỷ đồng trong 9
    tháng 2016"); earlier in its clause (";" and ":" end one), unless it trails a figure
    before; later in its clause; earlier in the sentence. A period in parentheses holds only
    for what they hold ("27 dự án (năm 2016 là 21 dự án)")."""
    if not mentions:
        return None  # (most sentences name no period)
    own = _OWN_PARENTHESIS_RE.match(sentence, num.end) if "(" in sentence else None
    if own:
        for m in mentions:
            if m.start == own.end() and not _holds_a_figure(sentence, m):
                return m  # "lên 2.596 chiếc (trong tháng 1.2017)": its own period
    mentions = [m for m in mentions if _same_parentheses(sentence, num, m)]
    a, b = seg
    in_clause_before = [
        m
        for m in mentions
        if clause_start <= m.start < num.start and not _trails_a_figure(sentence, m)
    ]
    right_after = next(
        (
            m
            for m in mentions
            if m.start >= num.end and _TRAILING_GAP_RE.fullmatch(sentence, num.end, m.start)
        ),
        None,
    )
    if in_clause_before and not (
        right_after
        and _DIGITS_RE.search(
            sentence, max(0, in_clause_before[-1].start - 40), in_clause_before[-1].start
        )
    ):
        return in_clause_before[-1]
    if right_after:
        return right_after  # "724 tỷ đồng trong năm 2015"; "1 tỷ USD vào năm 2014 và ... 4 tỷ
        # USD trong năm 2015": 2015 is the 4 tỷ's own, 2014 the figure's before it
    in_seg_before = [
        m for m in mentions if a <= m.start < num.start and not _trails_a_figure(sentence, m)
    ]
    if in_seg_before:
        return in_seg_before[-1]
    # "hiện có 1.600 doanh nghiệp": what holds now (a goal set now is for the period it names)
    now = not plan and _NOW_RE.search(sentence, clause_start, num.start)
    in_seg_after = [
        m
        for m in mentions
        if not now
        and num.end <= m.start < b
        and not _describes(sentence, m)
        and not _EARLIER_EVENT_RE.search(sentence, num.end, m.start)
        and not _BUT_CLAUSE_RE.search(sentence, num.end, m.start)
    ]
    if in_seg_after:
        return in_seg_after[0]
    before = [m for m in mentions if m.start < num.start and not _trails_a_figure(sentence, m)]
    return before[-1] if before else None


# "nâng tổng vốn lên 6,5 tỷ USD, sau khi bắt đầu dự án đầu tiên vào năm 2014": a clause of
# what happened before or after the figure names the period of that event, not the figure's
_EARLIER_EVENT_RE = re.compile(r"\b(?:sau|trước|kể từ)\s+khi\b", _F)
# "… là 50 tỷ USD, nhưng … sẽ báo cáo trước Quốc hội năm 2018": a period after a turn to
# another clause ("nhưng", "song", "tuy nhiên", "trong khi") is that clause's
_BUT_CLAUSE_RE = re.compile(r"[,;]\s*(?:nhưng|song|tuy nhiên|trong khi)\b", _F)
_FIGURE_BEFORE_RE = re.compile(r"(?:\d|%|đồng|USD)\s*(?:(?:trong|vào|năm)\s+){0,2}$", _F)


def _trails_a_figure(sentence: str, m: Mention) -> bool:
    """Does the period follow a figure of its own ("1.000 tỷ đồng trong năm 2014, ..."), or
    name the base a figure is compared with ("bằng 48% số vụ cả năm 2016", "so với tổng số
    của năm 2016")?"""
    return bool(
        _FIGURE_BEFORE_RE.search(sentence, max(0, m.start - 16), m.start)
        or _COMPARED_BASE_RE.search(sentence, max(0, m.start - 50), m.start)
    )


_COMPARED_BASE_RE = re.compile(r"(?:\bso với|\bbằng\s+[\d,]+\s*%)[^,;:()]*$", _F)


def _same_parentheses(sentence: str, num: NumberMatch, m: Mention) -> bool:
    """Is the period outside any parenthesis that holds a figure of its own ("27 dự án (năm
    2016 là 21 dự án)")? A parenthesis that only names a period ("trong 3 năm (2014 - 2016),
    doanh thu đạt ...") scopes the words around it."""
    lo, hi = (m.end, num.start) if m.start < num.start else (num.end, m.start)
    between = sentence[lo:hi]
    if m.start < num.start and between.count(")") <= between.count("("):
        return True  # not in a parenthesis closed before the figure
    if m.start > num.start and between.count("(") <= between.count(")"):
        return True  # not in a parenthesis opened after the figure
    close = sentence.find(")", m.end)
    inside = sentence[sentence.rfind("(", 0, m.start) + 1 : close if close >= 0 else None]
    return not _DIGITS_RE.search(inside.replace(m.text, ""))


_DIGITS_RE = re.compile(r"\d")


def _holds_a_figure(sentence: str, m: Mention) -> bool:
    """Does the parenthesis a period opens go on with a figure of its own ("136 tỷ đồng (năm
    2015 có lãi hơn 726 tỷ đồng)")? Then the period is that figure's."""
    close = sentence.find(")", m.end)
    return bool(_DIGITS_RE.search(sentence, m.end, close if close >= 0 else len(sentence)))


_DESCRIBES_RE = re.compile(
    r"(?:thời gian sử dụng|sử dụng|sản xuất|đăng ký|đời)(?:\s+(?:từ|năm|vào))*\s*$", _F
)


def _describes(sentence: str, m: Mention) -> bool:
    """A period after a count that describes the things counted, not when the count holds:
    "9 xe đã chạy từ đời 2005-2008"."""
    return bool(_DESCRIBES_RE.search(sentence, max(0, m.start - 30), m.start))


_YEAR_IN_PARENS_RE = re.compile(r"\((?:[^()]*\D)?(?:19|20)\d\d\b[^()]*$")


def _own_parenthesis(up_to: str) -> str:
    """The words that can make a figure a plan: for one in a parenthesis of another year ("lãi
    kế hoạch 136 tỷ đồng (năm 2015 có lãi hơn 726 tỷ đồng)"), the parenthesis alone."""
    if "(" not in up_to:
        return up_to
    m = _YEAR_IN_PARENS_RE.search(up_to)
    return up_to[m.start() :] if m else up_to


def _read_figure(
    view: _SentenceView,
    i: int,
    drafts: list[_Draft],
    state: _State,
    doc_sha: str,
    sentence: Sentence,
) -> _Draft:
    """One figure: its clause, metric, period, measure and what it is compared with."""
    text, num = view.text, view.nums[i]
    clause = _clause_of(view, num, i, state.prev_end)
    r = _metric_of(view, num, i, clause, drafts, state)
    metric = r.metric
    seg_before = text[clause.seg[0] : clause.hedge_start]
    up_to = text[clause.seg[0] : num.start]  # (with the hedge: "dự kiến đạt 231 tỷ đồng")
    plan_words = _own_parenthesis(up_to)
    plan = view.targets and is_planned(plan_words)
    mention, period = _period_of(view, num, clause, plan)
    if r.change and mention is not None and mention.start > num.end:
        mention, period = _period_risen_to(view, num, clause, mention, period)
    column = view.columns[view.column(num)] if view.columns else None
    if period is None and column:
        period = column[0]  # "Năm 2023" over the column
    py = _year_of(period)
    future = bool(view.doc_year and py and py > view.doc_year)
    future = future and not _FORECAST_RE.search(seg_before)
    after = text[num.end :]
    if column and column[1] and not after.split(_CELL_SEP, 1)[0].strip():
        after = " " + column[1] + after  # "109,5%" under "So với năm 2022"
    measure, direction = measure_of(
        Measure(num, metric, plan_words, r.prefix, after, r.kind, future, r.change), view.targets
    )
    if clause.in_parens and drafts and not clause.left.strip() and measure == "share":
        if drafts[-1].fact.measure == "change":
            measure, direction = "change", drafts[-1].fact.direction  # "tăng 3,4 USD (0,27%)"
    measure, direction = _range_reads_as_one(view, num, i, measure, direction, drafts, state)
    metric = _rate_metric(metric, measure, r.inherited)
    next_start = view.nums[i + 1].start if i + 1 < len(view.nums) else len(text)
    compared = None
    if measure in ("change", "ratio", "target"):
        compared = _compared_to(text, num, clause.seg[1], next_start)
        if compared is None and column and column[1]:
            compared = next((c.value for c in comparisons(column[1])), None)
    if r.joined and drafts and drafts[-1].fact.measure in ("change", "ratio"):
        measure, direction, compared = _read_like_the_first(
            view, num, clause, r, drafts, measure, direction, compared, next_start
        )
    qualifier = num.qualifier
    if qualifier is None and "ước" in clause.left.lower() and _ESTIMATE_RE.search(clause.left):
        qualifier = "estimate"
    base_unit = num.base_unit
    if base_unit is None and num.scale >= 1e9 and MONEY_WORDS_RE.search(metric + " " + clause.left):
        base_unit = "VND"  # "lợi nhuận đạt 3.280 tỷ": Vietnamese reports leave "đồng" out
    metric = tidy(metric)
    fact = Fact(
        metric=metric,
        measure=measure,  # type: ignore[arg-type]
        value=num.value,
        unit=num.unit,
        value_text=num.text,
        sentence=text,
        sentence_ordinal=sentence.ordinal,
        span=(num.start, num.end),
        metric_en=_metric_en(metric, r.right),
        total=num.total,
        qualifier=qualifier,  # type: ignore[arg-type]
        base_value=num.base_value,
        base_unit=base_unit,
        period=period,
        compared_to=compared,
        direction=direction,  # type: ignore[arg-type]
    )
    fact.id = make_id(doc_sha, "fact", sentence.ordinal, fact.span[0], fact.value_text)
    d = _Draft(fact, num, r.inherited, own_period=mention is not None, joined=r.joined)
    d.clause_before = seg_before
    d.base = _compared_base(view, clause)
    d.period_at = mention.start if mention is not None else -1
    return d


_BASE_PARENTHESIS_RE = re.compile(r"\(\s*(?:với|là|đạt|ở mức)?\s*$", _F)


def _compared_base(view: _SentenceView, clause: _Clause) -> str | None:
    """A figure in parentheses right after what a change is compared with is that base's
    figure: "tăng hơn 100% so với cùng kỳ năm 2016 (với 93.500 tỷ đồng)" -> "cùng kỳ năm
    2016" (its period is worked out once the sentence's is known: _bases_take_their_period)."""
    text, paren = view.text, clause.paren_at
    if not clause.in_parens or not _BASE_PARENTHESIS_RE.search(text, paren, clause.hedge_start):
        return None
    for c in comparisons(text[:paren]):
        if c.end >= paren - 2 and not text[c.end : paren].strip():
            return c.value
    return None


def _bases_take_their_period(drafts: list[_Draft]) -> None:
    """The period of a compared base's figure: "năm 2016" itself; "cùng kỳ (năm 2016)" the
    sentence's period in that year (the year before when it names none). Else null: the
    period of the change is not the base's."""
    for d in drafts:
        if d.base is None:
            continue
        year = _YEAR_RE.search(d.base)
        own_year = _year_of(d.fact.period)
        if d.base.startswith("năm") and year:
            d.fact.period = year.group(0)
        elif d.base.startswith("cùng kỳ") and d.fact.period and own_year:
            base_year = int(year.group(0)) if year else own_year - 1
            d.fact.period = d.fact.period[: d.fact.period.rfind(str(own_year))] + str(base_year)
        else:
            d.fact.period = None


def _metric_en(metric: str, right: str) -> str | None:
    """The metric in English; without the second attribute of the things counted ("trang web
    lừa đảo trực tuyến, vi phạm pháp luật") when the glossary cannot put that one in English."""
    if not metric:
        return None
    if is_english(metric):
        return metric
    english = metric_en(metric)
    attribute = right[right.find(",") :] if "," in right else ""
    if english is None and attribute and attribute in metric:
        english = metric_en(metric.replace(attribute, "", 1))
    return english


_SPECIFIC_MEASURES = ("change", "ratio", "target")


def _range_reads_as_one(
    view: _SentenceView,
    num: NumberMatch,
    i: int,
    measure: str,
    direction: str | None,
    drafts: list[_Draft],
    state: _State,
) -> tuple[str, str | None]:
    """Both ends of a range are one kind of figure: "tăng 10-15%" is a change at both ends,
    though the verb stands before the first only; a change, ratio or target read at either end
    is the measure of both."""
    if num.range_with is None or num.range_with > i or num.range_with not in state.index_of:
        return measure, direction
    low = drafts[state.index_of[num.range_with]].fact
    if low.measure in _SPECIFIC_MEASURES and measure not in _SPECIFIC_MEASURES:
        return low.measure, low.direction
    if measure in _SPECIFIC_MEASURES and low.measure not in _SPECIFIC_MEASURES:
        low.measure, low.direction = measure, direction  # type: ignore[assignment]
    return measure, direction


def _rate_metric(metric: str, measure: str, inherited: int | None) -> str:
    """A percentage of an action is its rate: "gỡ bỏ thông tin xấu độc đạt hơn 90%" -> "tỷ lệ
    gỡ bỏ ..."; "các nền tảng đã gỡ bỏ ... đạt 92%" -> "tỷ lệ gỡ bỏ ... của các nền tảng"."""
    if measure != "share" or inherited is not None:
        return metric
    if VERB_START_RE.match(metric):
        return f"tỷ lệ {metric}"
    acted = SUBJECT_VERB_RE.match(metric)
    if acted and not SHARE_WORDS_RE.match(metric):
        whose = tidy(clean_np(acted.group("subject")))
        return f"tỷ lệ {acted.group('verb')} của {whose}"
    return metric


def _read_like_the_first(
    view: _SentenceView,
    num: NumberMatch,
    clause: _Clause,
    r: _Reading,
    drafts: list[_Draft],
    measure: str,
    direction: str | None,
    compared: str | None,
    next_start: int,
) -> tuple[str, str | None, str | None]:
    """ "tăng tương ứng 16% và 19%": the second of two joined figures is read like the first."""
    lead = drafts[-1].fact
    same_kind = _unit_kind(lead.base_unit) == r.kind
    restating = bool(_RESTATING_RE.search(clause.left))
    if measure in ("target", "change") or not (same_kind or restating):
        return measure, direction, compared
    compared = (
        compared or _compared_to(view.text, num, clause.seg[1], next_start) or lead.compared_to
    )
    if lead.compared_to is None:
        lead.compared_to = compared  # "tăng 12% và 9% so với năm 2022": both
    return lead.measure, lead.direction, compared


def _tail_comparison(sentence: str) -> re.Match[str] | None:
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


# --- steps 4 to 6: what the figures of a sentence share ----------------------------------------


def _rates_take_their_levels_period(drafts: list[_Draft]) -> None:
    """Growth rates and ratios hold for the period of the level they qualify, unless their
    own words name another after that level ("12.240 tỷ đồng, tăng 2,1%/năm, riêng giai đoạn
    2013 - 2015 tăng 17,9%/năm")."""
    for d in drafts:
        if d.metric_inherited_from is not None and d.fact.measure in ("change", "ratio"):
            level = drafts[d.metric_inherited_from]
            if d.own_period and d.period_at > level.num.end:
                continue
            if level.fact.period and (not d.own_period or d.fact.period != level.fact.period):
                d.fact.period = level.fact.period


def _periods_from_scope(
    drafts: list[_Draft], view: _SentenceView, para: _Para, scope: _Scope
) -> None:
    """A figure whose sentence names no period takes one only from what scopes it: the
    sentence it elaborates; the year after the one its growth is compared with ("3.200, tăng
    59% so với năm 2021" -> 2022); in a dated report, the period its paragraph named when
    that is the report's own year, else the period its lead states, for the figures of a
    section ("Lĩnh vực báo chí: ...")."""
    inherited = _scoping_period(view, para, scope)
    # (a sentence that states a change reports on a period: "Audi tăng 11%, đạt 13.201 chiếc")
    changes = any(d.fact.measure == "change" or d.fact.compared_to for d in drafts)
    for k, d in enumerate(drafts):
        if d.fact.period is not None:
            continue
        compared = [d.fact.compared_to] + [
            e.fact.compared_to for e in drafts if e.metric_inherited_from == k
        ]
        years = [c for c in compared if c and _YEAR_COMPARISON_RE.fullmatch(c)]
        if inherited:
            d.fact.period = inherited
        elif years:
            d.fact.period = str(int(years[0][-4:]) + 1)  # "tăng 5% so với năm 2021"
        elif scope.year and _year_of(para.named_period) in (scope.year, scope.year - 1):
            d.fact.period = para.named_period  # a dated report's paragraph about its period
        elif scope.reporting and para.heading_sector:
            d.fact.period = scope.reporting
        elif scope.year and _year_of(scope.last_named) == scope.year:
            d.fact.period = str(scope.year)  # the report's own year, just named
        elif changes and _lead_scopes(view, para, scope):
            d.fact.period = scope.lead
    _rates_take_their_levels_period(drafts)


# What holds now or always, not in a period: "Hiện PAN sở hữu 2 công ty con", "đến nay", a
# rule's figure ("quy định tối thiểu 70km", "không đúng quy định, ... 3 dự án")
_NOW_RE = re.compile(
    r"(?:^|[,;:]\s*)hiện\b|(?<!thực )(?<!xuất )(?<!phát )(?<!thể )(?<!biểu )"
    r"\bhiện\s+(?:nay|tại|đang|có|vẫn|còn|chỉ|là)\b|\b(?:đến|tới)\s+nay\b|\bquy định\b"
    r"|\b(?:now|currently)\b",
    _F,
)


def _lead_scopes(view: _SentenceView, para: _Para, scope: _Scope) -> bool:
    """Does an undated article's lead ("... khởi đầu năm mới 2017 ...") scope a sentence that
    names no period? Only in a paragraph whose figures have themselves named a period of the
    lead's year ("Trong tháng 1.2017, BMW bán được 18.109 xe"), and while the periods named
    since are of that year: once the article turns to another year ("Năm ngoái, ... năm
    2016"), the sentences after it may be about either, and null is better than wrong."""
    if scope.lead is None or view.mentions or _NOW_RE.search(view.text):
        return False
    year = _year_of(scope.lead)
    return para.figures_year == year and _year_of(scope.last_named) == year


_OUT_OF_RE = re.compile(r"\b(?:trong|trên)\s+(?:tổng\s+)?số\s*$", _F)


def _restated_count_period(view: _SentenceView, scope: _Scope) -> str | None:
    """The period of a count stated before that a sentence breaks down ("540.000 người trong
    tổng số 9,1 triệu người bị ảnh hưởng ... bị mất việc"): the sentence and those that go
    on with the breakdown hold for it."""
    if not scope.count_periods or not view.nums or "số" not in view.text:
        return None
    for num in view.nums:
        period = scope.count_periods.get((num.value, num.unit.lower())) if num.unit else None
        if period and _OUT_OF_RE.search(view.text, max(0, num.start - 20), num.start):
            return period
    return None


def _scoping_period(view: _SentenceView, para: _Para, scope: _Scope) -> str | None:
    """The period a sentence that names none holds for: the sentence before's, when this one
    elaborates it ("Cụ thể, ...", "Trong đó, ...") or continues such an elaboration."""
    if view.mentions:
        return None
    restated = _restated_count_period(view, scope)
    if restated:
        para.last_period, para.elaborating = restated, True
        return restated
    if para.last_period is None:
        return None
    if _ELABORATION_RE.match(view.text) or para.elaborating:
        return para.last_period
    return None


def _sectors(drafts: list[_Draft], para: _Para) -> None:
    """The sector named in the metric, by a "Lĩnh vực bưu chính:" heading, or in the figure's
    clause before it; else the sector of the figure before it in the same sentence (a list of
    one subject's figures: "doanh thu dịch vụ viễn thông đạt ...; lợi nhuận sau thuế đạt ...").
    No sector rather than a wrong one."""
    before: str | None = None
    for d in drafts:
        d.fact.sector = (
            sector_of(d.fact.metric)
            or para.heading_sector
            or (
                sector_of(d.clause_before)
                if d.clause_before and _FIELD_METRIC_RE.search(d.fact.metric)
                else None
            )
            or before
        )
        before = d.fact.sector


# What a sector's figure measures: a sector named in the clause is the scope of these ("doanh
# thu của các nhà mạng đạt …"), not of a count of countries or trees in a story that mentions
# a TV channel or the press ("kênh truyền hình Al-Jazeera của 4 nước", "trao đổi với báo chí").
_FIELD_METRIC_RE = re.compile(
    METRIC_HEAD_RE.pattern
    + r"|(?<![\w])(?:tăng trưởng|tốc độ|thị phần|tỷ trọng|tỷ lệ|doanh nghiệp|lao động|sản lượng|"
    r"người dùng|thuê bao|đóng góp|GDP|số lượng)(?![\w])",
    _F,
)


_DEMONSTRATIVE_RE = re.compile(r"\s+(?:này|đó|nói trên|nêu trên)\b", _F)


def _demonstratives_point_back(drafts: list[_Draft], para: _Para) -> None:
    """A metric pointed back at ("Con số doanh thu này đã tăng hơn 100%") is the one the
    sentence before named in full ("doanh thu trong lĩnh vực viễn thông ... đạt 213.355 tỷ
    đồng"), not "doanh thu" alone."""
    earlier, para.last_metrics = para.last_metrics, [d.fact.metric for d in drafts]
    for k, d in enumerate(drafts):
        short = d.fact.metric
        if d.metric_inherited_from is not None or not short or " này" not in d.clause_before:
            continue
        at = d.clause_before.lower().rfind(short.lower())
        if at < 0 or not _DEMONSTRATIVE_RE.match(d.clause_before, at + len(short)):
            continue
        full = [m for m in earlier if m.lower().startswith(short.lower() + " ")]
        if len(set(full)) != 1:
            continue  # none, or several the words could point at
        for e in [d] + [e for e in drafts if e.metric_inherited_from == k]:
            e.fact.metric, e.fact.metric_en = full[0], metric_en(full[0])
        para.last_metrics = [e.fact.metric for e in drafts]


# A metric that ends with the group it belongs to, unnamed: "lợi nhuận hợp nhất của Tập đoàn",
# "doanh thu toàn tập đoàn", "lợi nhuận của tổng công ty này"
_GROUP_END_RE = re.compile(
    r"(?:\bcủa|\btoàn)\s+(?:tập đoàn|tổng công ty|công ty mẹ)(?:\s+này)?$", re.IGNORECASE
)


def _read_the_unread(para: _Para) -> None:
    """The company of the sentences without figures before this one, in order. (Only the
    last few: a company named further back, with sentences about no figure since, is not
    what the paragraph's figures are surely about.)"""
    if para.unread:
        if len(para.unread) > 3:
            para.company = None
        unread, para.unread = para.unread[-3:], []
        for before in unread:
            _figures_of_the_company([], before, para)


def _the_group_is_the_company_named(drafts: list[_Draft], text: str, para: _Para) -> None:
    """ "tổng doanh thu hợp nhất toàn VNPT đạt ...; tổng lợi nhuận hợp nhất của Tập đoàn đạt
    10.220 tỷ đồng": the group is the company named last before the figure in its sentence,
    else the one the paragraph is about."""
    _read_the_unread(para)
    for d in drafts:
        if d.metric_inherited_from is not None or not _GROUP_END_RE.search(d.fact.metric):
            continue
        named = [name for _, end, name in company_names(text) if end <= d.num.start]
        company = named[-1] if named else para.company
        if company:
            d.fact.metric = f"{d.fact.metric} {company}"
            if d.fact.metric_en:
                d.fact.metric_en = f"{d.fact.metric_en} {company}"
            for e in drafts:
                if e.metric_inherited_from is not None and drafts[e.metric_inherited_from] is d:
                    e.fact.metric, e.fact.metric_en = d.fact.metric, d.fact.metric_en


def _figures_of_the_company(drafts: list[_Draft], text: str, para: _Para) -> None:
    """A company that opens a clause before a verb of figures ("VNPT đạt lợi nhuận ...") is
    what the paragraph is about until it names another: its figures after it whose metric
    names no company are the company's ("doanh thu toàn tập đoàn đạt 68.000 tỷ đồng" ->
    "doanh thu toàn tập đoàn của VNPT"), and so are those of the next sentences ("Theo ông
    Hùng, ... di động đạt 109%"). A sentence naming another company, not as its subject,
    leaves it unsure: none."""
    _read_the_unread(para)
    if not para.company and not may_open_with_company(text, bool(drafts)):
        return  # (most sentences of most paragraphs)
    subject = subject_company(text)
    after = 0
    if subject:
        after, para.company = subject
    elif names_another_company(text, para.company):
        para.company = None
    company = para.company
    if company is None:
        return
    for d in drafts:
        if d.num.start < after or d.metric_inherited_from is not None or not d.fact.metric:
            continue
        if not names_a_company(d.fact.metric):
            d.fact.metric = f"{d.fact.metric} của {company}"
            if d.fact.metric_en:
                d.fact.metric_en = f"{d.fact.metric_en} of {company}"
    for d in drafts:
        if d.metric_inherited_from is not None:
            base = drafts[d.metric_inherited_from].fact
            d.fact.metric, d.fact.metric_en = base.metric, base.metric_en


_DETAIL_RE = re.compile(r"^\W*(?:con số cụ thể|số liệu cụ thể|cụ thể)\b", _F)


def _counts_detail_the_sentence_before(drafts: list[_Draft], text: str, para: _Para) -> None:
    """A count that details what the sentence before spoke of ("Do vậy, tình hình doanh
    nghiệp rút lui khỏi thị trường ... tiếp tục gia tăng. Con số cụ thể là 51.496 doanh
    nghiệp") counts the things that sentence named: "số doanh nghiệp rút lui khỏi thị
    trường", not "số doanh nghiệp"."""
    before, para.last_sentence = para.last_sentence, text
    if not before or not drafts or not _DETAIL_RE.match(text):
        return
    for k, d in enumerate(drafts):
        unit = d.num.unit
        if d.fact.measure != "count" or not unit or d.fact.metric != f"số {unit}":
            continue
        at = before.lower().find(unit.lower() + " ")
        rest = clean_np(right_phrase(before, at + len(unit))) if at >= 0 else ""
        if not rest or _DIGITS_RE.search(rest):
            continue
        metric = f"số {unit} {rest}"
        for e in [d] + [e for e in drafts if e.metric_inherited_from == k]:
            e.fact.metric, e.fact.metric_en = metric, metric_en(metric)


def _link_related(drafts: list[_Draft]) -> None:
    for k, d in enumerate(drafts):
        d.fact.related = sorted({drafts[j].fact.id for j in d.related if j != k})


def _remember(view: _SentenceView | None, drafts: list[_Draft], para: _Para, scope: _Scope) -> None:
    """What later sentences may inherit: the period this sentence held for (for an
    elaboration after it) and the year it named (for periods without one)."""
    if view is None:
        para.last_period, para.elaborating = None, False
        return
    named = [m for m in view.not_plans if view.resolved.get(m.start)]
    # (a year written for two periods is the first's too: "6 tháng đầu năm và … cuối năm 2018")
    years = [
        _year_of(view.resolved[m.start])
        for m in named
        if m.has_year or _shared_year(view.mentions, view.mentions.index(m))
    ]
    if years and years[-1]:
        scope.last_year = years[-1]
    if named:
        para.last_period, para.elaborating = view.resolved[named[-1].start], False
        para.named_period = scope.last_named = para.last_period
    elif drafts and para.last_period and _scoping_period(view, para, scope):
        para.elaborating = True  # the elaboration goes on in the next sentence
    else:
        para.last_period, para.elaborating = None, False


# --- the steps in order -------------------------------------------------------------------------


def sentence_facts(
    doc_sha: str,
    sentence: Sentence,
    para: _Para,
    doc_year: int | None = None,
    scope: _Scope | None = None,
) -> list[Fact]:
    """The facts of one sentence; `para` carries the paragraph's heading and periods."""
    scope = scope or _Scope(year=doc_year)
    text = sentence.text
    heading = heading_sector(text)
    if heading:
        para.heading_sector = heading[0]
    # (one look for a digit serves the figures and the periods)
    has_digit = _DIGITS_RE.search(text) is not None
    nums = find_numbers_with_digits(text) if has_digit else []
    if _CELL_SEP not in text:
        scope.columns = None  # (a table ends with its rows)
    elif not nums:
        scope.columns = _table_header(text, scope)
    named = sentence_periods(text, has_digit)
    if not nums:
        _remember(_SentenceView(text, nums, para, scope, named) if named else None, [], para, scope)
        para.unread.append(text)
        para.last_sentence = text
        return []
    view = _SentenceView(text, nums, para, scope, named)
    drafts: list[_Draft] = []
    state = _State()
    for i, num in enumerate(nums):
        if _is_generic_one(num, text) or _points_back(num, text, scope):
            continue
        d = _read_figure(view, i, drafts, state, doc_sha, sentence)
        drafts.append(d)
        here = len(drafts) - 1
        if d.metric_inherited_from is not None:
            d.related.append(d.metric_inherited_from)
            drafts[d.metric_inherited_from].related.append(here)
        partner = num.range_with if num.range_with is not None and num.range_with < i else None
        if partner is not None and partner in state.index_of:
            d.related.append(state.index_of[partner])
            drafts[state.index_of[partner]].related.append(here)
        state.index_of[i] = here
        state.prev_end = num.end
    _rates_take_their_levels_period(drafts)
    _periods_from_scope(drafts, view, para, scope)
    _bases_take_their_period(drafts)
    for d in drafts:
        if d.own_period and d.fact.period:
            para.figures_year = _year_of(d.fact.period)
    _demonstratives_point_back(drafts, para)
    _counts_detail_the_sentence_before(drafts, text, para)
    _the_group_is_the_company_named(drafts, text, para)
    _figures_of_the_company(drafts, text, para)
    _sectors(drafts, para)
    _link_related(drafts)
    _remember(view, drafts, para, scope)
    scope.counted.update((d.num.value, d.num.unit.lower()) for d in drafts if d.num.unit)
    for d in drafts:
        if d.num.unit and d.fact.period and d.fact.measure == "count":
            scope.count_periods.setdefault((d.num.value, d.num.unit.lower()), d.fact.period)
    return [d.fact for d in drafts]


_AMONG_BEFORE_RE = re.compile(r"(?:^|[,;:(]\s*)(?:trong|trong số|among)\s+$", _F)
_AMONG_AFTER_RE = re.compile(r"\s*(?:(?:này|đó|nói trên|kể trên|trên)\s*)?,", _F)


def _points_back(num: NumberMatch, text: str, scope: _Scope) -> bool:
    """A count stated before and named again, set off by a comma, to pick some out of it
    ("Hội đồng có 40 thành viên. Trong 40 thành viên, có 12 nữ") points back at that group:
    no new figure. ("Trong tổng số 40 thành viên có 12 nữ" restates the total: a figure.)"""
    if not num.unit or (num.value, num.unit.lower()) not in scope.counted:
        return False
    if _PART_OF_BEFORE_RE.search(text, max(0, num.start - 40), num.start):
        return True  # "540.000 người trong tổng số 9,1 triệu người ...": the part is the figure
    return bool(
        _AMONG_BEFORE_RE.search(text, max(0, num.start - 20), num.start)
        and _AMONG_AFTER_RE.match(text, num.end)
    )


_PART_OF_BEFORE_RE = re.compile(r"\d[^\d,;:()]{0,25}\s(?:trong|trên)\s+(?:tổng\s+)?số\s*$", _F)


_GENERIC_ONE_BEFORE_RE = re.compile(r"(?:cứ|mỗi|một|trong)\s*$", _F)
# words after which "1 người", "1 sản phẩm" is the article "a": "của 1 người dân", "bị 1 đối
# tượng", "là 1 sản phẩm", "với 1 chiếc xe", "lôi ra 1 cuốn sách" ("có 1 con dao, 1 đôi giày",
# "chỉ 1 người sống sót", "khiến 1 người chết" count)
_ARTICLE_ONE_BEFORE_RE = re.compile(r"(?<!\w)(?:của|là|bị|với|cho|như|ra|tựa)\s+$", _F)
_LISTED_BEFORE_RE = re.compile(r"\d[^\d.;:]{0,60}(?:,|\bvà)\s*$", _F)
_ONE_OF_RE = re.compile(r"\s*(?:trong|of)\s+\d", _F)


def _is_generic_one(num: NumberMatch, text: str) -> bool:
    """A "1" that counts nothing: "cứ 1 trạm", "1 trong 2 bàn", "thực hiện 1 lần", a bare
    "1", the article "a" ("của 1 người dân", "là 1 sản phẩm"). "1 người khác bị thương" and
    "6 bộ và 1 tỉnh" are counts."""
    if num.value not in (0, 1) or num.decimals or num.scale != 1.0 or num.total is not None:
        return False
    if num.is_percent or num.range_with is not None or unit_kind(num.base_unit).startswith("money"):
        return False
    if num.value == 0 and num.unit[:1].isupper():
        return False  # "0 Thẻ đỏ": a match statistic
    listed = _LISTED_BEFORE_RE.search(text[max(0, num.start - 70) : num.start])
    if not num.unit and listed and verb_follows(text, num.end):
        return False  # "1 người đánh trống, 1 đánh chiêng": one of a list, its noun left unsaid
    if not num.unit or num.unit == "lần" or num.value == 0:
        return True
    head = text[max(0, num.start - 8) : num.start]
    return bool(
        _GENERIC_ONE_BEFORE_RE.search(head)
        or _ONE_OF_RE.match(text, num.end)
        or (num.value == 1 and _ARTICLE_ONE_BEFORE_RE.search(head))
    )


def _unit_kind(base_unit: str | None) -> str:
    return _UNIT_KINDS.get(base_unit) or _UNIT_KINDS.setdefault(base_unit, unit_kind(base_unit))


_UNIT_KINDS: dict[str | None, str] = {}


def _year_of(period: str | None) -> int | None:
    if not period:
        return None
    ys = _YEAR_RE.findall(period)
    return int(ys[-1]) if ys else None


def extract_figures(doc: Document) -> list[Fact]:
    """One Fact per figure the document states (titles, body and captions; not metadata)."""
    passages: dict[int, Passage] = {p.ordinal: p for p in doc.passages}
    scope = _Scope()
    if doc.meta.date and doc.meta.date[:4].isdigit():
        scope.year = int(doc.meta.date[:4])
        month = doc.meta.date[5:7]
        scope.month = int(month) if month.isdigit() else None
    facts: list[Fact] = []
    para = _Para()
    title_facts: list[Fact] = []
    lead: int | None = None  # the first passage of the body
    lead_period: str | None = None
    for sentence in doc.sentences:
        passage = passages.get(sentence.passage)
        if passage is None or passage.kind == "meta":
            continue
        if passage.ordinal != para.passage:
            para = _Para(passage=passage.ordinal, text=passage.text)
            if lead is None and passage.kind == "body":
                lead = passage.ordinal
        found = sentence_facts(doc.sha256, sentence, para, scope.year, scope)
        if passage.kind == "title":
            title_facts.extend(found)
        elif passage.ordinal == lead:
            if lead_period is None:
                lead_period = _lead_period(sentence.text, scope)
                if (
                    lead_period
                    and scope.year
                    and _year_of(lead_period) in (scope.year, scope.year - 1)
                ):
                    scope.reporting = lead_period
                elif scope.year is None:
                    scope.lead = _undated_lead_period(sentence.text, scope)
        facts.extend(found)
    in_title = {id(f) for f in title_facts}
    body_facts = [f for f in facts if id(f) not in in_title]
    _titles_take_the_leads_period(title_facts, body_facts, lead_period)
    return facts


def _lead_period(text: str, scope: _Scope) -> str | None:
    """The first period the lead names, neither a plan's nor an event's."""
    view = _SentenceView(text, [], _Para(), scope)
    for m in view.not_plans:
        value = view.resolved.get(m.start)
        if value:
            return value
    return None


def _undated_lead_period(text: str, scope: _Scope) -> str | None:
    """The period an undated article's lead states for what it reports, with its year: not
    a day's date ("kỳ quay thưởng ngày 11/1/2017" is when something happened)."""
    view = _SentenceView(text, [], _Para(), scope)
    for m in view.not_plans:
        value = view.resolved.get(m.start)
        if value:
            return value if m.kind != "date" and _year_of(value) else None
    return None


def _titles_take_the_leads_period(
    title_facts: list[Fact], body_facts: list[Fact], lead_period: str | None
) -> None:
    """A title restates the article: its figure holds for the period of the same figure in
    the body (none if it has none), else for the period the lead names."""
    for f in title_facts:
        if f.period is not None:
            continue
        same = [g for g in body_facts if g.value == f.value and g.unit == f.unit]
        f.period = same[0].period if same else lead_period
