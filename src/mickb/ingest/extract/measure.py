"""What kind of figure a number is: level, change, share, count, ratio or target.

`measure_of` asks, in this order (the first that answers decides):

1. `_target`  a plan or goal: "phấn đấu đạt 50%", "kế hoạch năm 2016, doanh thu đạt 1.600 tỷ",
   "Ford có kế hoạch cắt giảm 10%", "sẽ phát hành 51,7 triệu cổ phiếu", a future year's figure.
   Not a forecast of a level: "Galaxy S8 sẽ có giá 650 USD" is a level.
2. `_change`  a growth or fall: "tăng 12%", "giảm 200 tỷ đồng", "cao hơn 12-15% so với", "tăng
   lãi suất thêm 0,5 điểm phần trăm", "vượt 11% kế hoạch", "tốc độ tăng 6,7%".
3. `_ratio`   "gấp 3 lần", "nhiều hơn 4 lần", "1,5 lần so với", "bằng 104% kế hoạch", "bằng
   109% cùng kỳ", a percentage over 100.
4. `_share`   any other percentage: "chiếm 30%", "tỷ lệ 75%".
5. `_count`   a number of people, things, events or times: "2.141 cơ sở", "2-3 lần".
6. level: an amount (money, weight, area, energy, temperature, a price, a score).
"""

from __future__ import annotations

import re

from mickb.ingest.extract.metric import before_last_words, search_at_end, word_list
from mickb.text.numbers import NumberMatch
from mickb.text.units import is_measurement

__all__ = ["Measure", "measure_of", "find_change", "has_target_words", "is_planned"]

_F = re.IGNORECASE | re.UNICODE

_CHANGE_VERBS = (
    "tăng trưởng|tăng|sụt giảm|giảm|up|down|rose|fell|grew|increased|"
    "decreased|dropped|declined|increase|decrease|rise|drop|growth"
)
_CHANGE_MODIFIERS = (
    "bình quân|trung bình|thêm|mạnh|nhẹ|nghiêm trọng|đáng kể|tương ứng|"
    "lần lượt là|lần lượt|là|by|"
    "khoảng|trên dưới|mức|ở mức|about|around|nearly|over|more than|hơn|of|tròn"
)
# "tăng 12%" is a change; "tăng lên 98%", "giảm xuống còn 58%", "tăng đến 1.200" name the new
# level (those words are not modifiers: the verb is then not right before the figure)
_CHANGE_RE = re.compile(
    r"(?<![\w])(?P<verb>" + _CHANGE_VERBS + r")(?:\s+(?:" + _CHANGE_MODIFIERS + r"))*\s*$", _F
)
_CHANGE_VOCABULARY = word_list(_CHANGE_VERBS, _CHANGE_MODIFIERS)
_DOWN_VERBS = frozenset(
    ("giảm", "sụt giảm", "down", "fell", "decreased", "dropped", "declined", "decrease", "drop")
)
# "cao hơn 12-15% so với", "thấp hơn 3%": a comparative before a figure states a change
_COMPARATIVE_RE = re.compile(
    r"(?<![\w])(?P<verb>cao|thấp|nhiều|ít|lớn|nhỏ|nhanh|chậm|rẻ|đắt|mạnh|yếu|dài|ngắn|rộng|hẹp"
    r"|mỏng|dày|nặng|nhẹ|tốt|kém|sâu|xa|lâu|sớm|muộn|bền|sáng|tối)"
    r"\s+hơn(?:\s+(?:khoảng|tròn|gần|hơn))?\s*$",
    _F,
)
# "nâng lãi suất điều hành thêm 0,5 điểm phần trăm": the verb, its object, then "thêm"
_VERB_THEN_MORE_RE = re.compile(
    r"(?<![\w])(?P<verb>tăng|giảm|nâng|hạ)\s+(?:[^\W\d_]+\s+){1,5}thêm\s*$", _F
)
# "giảm số lượng hàng nhập vào khoảng 30%": the verb, what it changes, then by how much (not
# "tăng số lượng lên 30", which names the new level)
_VERB_THEN_WHAT_RE = re.compile(
    r"(?<![\w])(?P<verb>tăng|giảm|cắt giảm)\s+(?:số lượng|lượng|sản lượng|quy mô|chi phí|giá)"
    r"(?:\s+(?!(?:lên|xuống|còn|đạt|là|tới|đến|ở|mức|thành|từ|so|bằng)\b)[^\W\d_]+){0,4}\s*$",
    _F,
)
# "vượt 10 bậc", "tụt 3 hạng", "vươn lên tới 4 bậc": a move in a ranking
_RANK_MOVE_RE = re.compile(
    r"(?<![\w])(?P<verb>vượt|tăng|lên|thăng|tụt|giảm|xuống)(?:\s+(?:tới|đến|thêm))?\s*$", _F
)
# Changes that only an amount of money or a percentage can be (with a count or a temperature the
# same words name the new level: "nhiệt độ tăng tới 41 độ C", "dân số tăng đến 9.000 người"):
# "giảm tới 45 triệu đồng", "tăng mạnh tới 6 USD", "giảm đến 2,5%" (by as much as)
_CHANGE_UP_TO_RE = re.compile(
    r"(?<![\w])(?P<verb>tăng|giảm|sụt giảm)(?:\s+(?:mạnh|nhẹ|thêm|vọt|sâu))*"
    r"\s+(?:tới|đến)(?:\s+(?:khoảng|gần|hơn|trên dưới))?\s*$",
    _F,
)
# a fall of a price or of a fortune: "bốc hơi gần 6.000 tỷ đồng", "hạ 0,4%", "rớt 1,2%",
# "lao dốc 7%", "tụt 300.000 đồng/lượng"
_FALL_RE = re.compile(
    r"(?<![\w])(?P<verb>bốc hơi|hạ|rớt|sụt|tụt|lao dốc)"
    r"(?:\s+(?:mạnh|thêm|tới|đến|mất|khoảng|gần|hơn|xấp xỉ))*\s*$",
    _F,
)
# a market's move: "chỉ số DAX tiến 0,4%", "giá dầu nhích 1,2 USD", "Nikkei lùi 0,3%"
_MARKET_MOVE_RE = re.compile(
    r"(?<![\w])(?P<verb>tiến|nhích|nhích lên|leo|leo lên|lùi|đi lùi)"
    r"(?:\s+(?:nhẹ|thêm|khoảng|gần|hơn|xấp xỉ))*\s*$",
    _F,
)
# "mất" (lose) is a fall only of a price or a holding, or over a span of time, or against a
# base: "cổ phiếu mất 12% so với đầu năm", "giá vàng mất 300.000 đồng"; not a cost ("phải mất
# 50.000 đồng để gửi xe")
_LOSE_RE = re.compile(
    r"(?<![\w])(?P<verb>mất|đánh mất)(?:\s+(?:thêm|tới|đến|khoảng|gần|hơn|xấp xỉ))*\s*$", _F
)
_HOLDING_RE = re.compile(
    r"(?<![\w])(?:giá|tài sản|vốn hóa|vốn hoá|cổ phiếu|chỉ số|tỷ giá|tỉ giá|thị giá|vàng|"
    r"VN-Index|HNX-Index|Dow Jones|Nasdaq)(?![\w])",
    _F,
)
_OVER_A_SPAN_RE = re.compile(
    r"\s*(?:chỉ\s+)?(?:trong|sau)\s+(?:vòng\s+)?(?:một|hai|ba|\d+|vài)\s+"
    r"(?:phiên|ngày|tuần|tháng|năm|quý)",
    _F,
)
_SINCE_RE = re.compile(r"(?<![\w])(?:tính từ|kể từ|từ đầu|từ cuối)(?![\w])", _F)
# "giá tăng từ 60.000-90.000 đồng" (by 60.000 to 90.000); "tăng từ 5% lên 7%" names levels
_CHANGE_FROM_RE = re.compile(r"(?<![\w])(?P<verb>tăng|giảm)(?:\s+(?:mạnh|nhẹ|thêm))*\s+từ\s*$", _F)
_RANGE_AFTER_RE = re.compile(r"\s*[-–]\s*\d")
# "tăng từ 1.000-4.000 đồng/lít lên 3.000-8.000 đồng/lít": the old level, then the new one
_RANGE_THEN_NEW_LEVEL_RE = re.compile(
    r"\s*[-–]\s*[\d.,]+[^\d;:]{0,30}?(?<![\w])(?:lên|xuống|thành)(?:\s+(?:mức|khoảng))?\s+\d", _F
)
_DOWN_WORDS = frozenset(
    w.replace("_", " ")
    for w in (
        "thấp ít nhỏ hạ tụt xuống bốc_hơi rớt sụt lao_dốc mất lùi đi_lùi chậm rẻ yếu ngắn hẹp"
        " mỏng nhẹ kém sớm tối"
    ).split()
)
_RANK_UNITS = frozenset(("bậc", "hạng", "bac", "hang"))
_EXCEED_PLAN_RE = re.compile(r"(?<![\w])vượt\s*$", _F)
_PLAN_AFTER_RE = re.compile(
    r"^\s*(?:%\s*)?(?:so\s+(?:với\s+)?)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)", _F
)
_SAME_PERIOD_AFTER_RE = re.compile(r"^\s*(?:%\s*)?(?:so\s+(?:với\s+)?)?cùng\s+kỳ", _F)
_GROWTH_METRIC_RE = re.compile(
    r"(?<![\w])(tốc độ tăng|tăng trưởng|mức tăng|growth|mức giảm|tốc độ giảm"
    r"|t[ỷỉ] lệ (?:tăng|giảm)(?!\s+(?:huyết|cân|nhãn|đường|men|mỡ|sinh)))",
    _F,
)  # ("tỷ lệ tăng huyết áp" is how many have the disease)
_GROWTH_DOWN_RE = re.compile(r"(?<![\w])(mức giảm|tốc độ giảm|t[ỷỉ] lệ giảm)", _F)
# "giảm 1,3 USD, tương đương 0,11%": the same change, restated as a percentage
_RESTATED_CHANGE_RE = re.compile(
    r"(?<![\w])(?P<verb>tăng|giảm|hạ|sụt|rớt|mất|lỗ|lãi)(?:\s+[^\W\d_]+){0,2}\s+\d[\d.,]*"
    r"(?:\s*[^\W\d_/]+(?:/[^\W\d_]+)?){0,3},\s*(?:tức là|tức|tương đương(?: với)?"
    r"|tương ứng(?: với)?|hay|equivalent to|or)\s*(?:mức\s+)?(?:khoảng\s+|gần\s+|hơn\s+)?$",
    _F,
)
_RATIO_BEFORE_RE = re.compile(r"(?<![\w])gấp(?:\s+\w+)?\s*$", _F)
# "gấp 3 lần", "nhiều hơn 4 lần", "tăng hơn 2 lần": compared; a bare "hơn 60 lần" (hiến máu
# hơn 60 lần) is how many times something happened
_TIMES_COMPARED_RE = re.compile(
    r"(?<![\w])(?:gấp|bằng|(?:nhiều|cao|lớn|đắt|rẻ|thấp|ít|nhanh|mạnh|tăng|giảm|vượt)"
    r"(?:\s+gấp)?\s+hơn)(?:\s+\w+)?\s*$",
    _F,
)
_SO_AFTER_RE = re.compile(r"\s*(?:so\b|so với|than\b|compared)", _F)
_COUNT_METRIC_RE = re.compile(r"(?:số|tổng số|số lượng|number)\b", _F)

# Plans and goals. "sẽ" and "dự kiến" plan an action of the subject's own ("sẽ phát hành",
# "dự kiến chi", "sẽ nâng ... lên"), not a forecast ("sẽ có giá", "dự kiến sẽ được phát hành").
_PLAN_WORDS = (
    r"(?<![\w])(phấn đấu|mục tiêu|kế hoạch|phương án|đặt ra|hướng tới|cần đạt|phải đạt|"
    r"định hướng|aims?|target|plans? to)"
)
_PLAN_RE = re.compile(_PLAN_WORDS + r"(?![\w])", _F)
# "vượt 11% kế hoạch", "bằng 50% kế hoạch", "Vụ Kế hoạch": not a plan of the figure
_NOT_A_PLAN_BEFORE_RE = re.compile(
    r"(?:[\d%]|\bso(?:\s+với)?|\bbằng|\bvượt|\bđạt|\bhoàn thành|\bnếu(?:\s+\S+){0,3})\s*$", _F
)
_PLAN_VERBS = (
    r"nâng|đưa|kéo|đẩy|hạ|phát hành|chào bán|chi|rót|huy động|đầu tư|đạt|thu|tuyển|tuyển dụng|"
    r"cắt giảm|mở rộng|nâng cấp|xây dựng|doanh thu|lợi nhuận|áp dụng|áp mức|áp|will|plans?|"
    r"bàn giao(?: tiếp)?|giao(?: tiếp)?|cấp thêm|bố trí|trao tặng|hỗ trợ thêm"
)
_WILL_ACT_RE = re.compile(
    r"(?<![\w])(?:(?:sẽ|dự kiến|dự kiến sẽ|đề xuất|kiến nghị|will)\s+(?:tiếp tục\s+|còn\s+)?(?:"
    + _PLAN_VERBS
    + r")|phải\s+(?:nâng|đạt|tăng|giảm)"
    # a goal striven for: "quyết mang về 10 tỷ USD", "giải pháp để kim ngạch ... đạt 10 tỷ USD"
    # a proposal to set a level: "đề nghị nâng mức trợ cấp lên 440.000 đồng"
    + r"|đề nghị\s+(?:nâng|tăng|hạ|giảm|áp dụng|áp)"
    + r"|quyết(?:\s+tâm)?\s+(?:mang về|đạt|giành|đưa|nâng)"
    + r"|\bđể\s+(?!cho\b)(?:[^\W\d_]+\s+){1,12}?đạt(?:\s+(?:được|mức|tới))?\s*$"
    + r")(?![\w])",
    _F,
)
# An inspection's or an audit's findings are stated as what it recommends: "kiến nghị thu hồi
# 19 tỷ đồng", "kiến nghị xử lý tài chính 30 tỷ đồng"
_FORECAST_SUBJECT_RE = re.compile(
    r"(?<![\w])(?:nhiệt độ|mực nước|lượng mưa|độ ẩm|sức gió|gió|sóng biển|triều cường|lũ)(?![\w])",
    _F,
)
_AUDIT_FINDING_RE = re.compile(r"kiến nghị\s+(?:thu hồi|truy thu|xử lý|xuất toán|giảm)", _F)
# What _PLAN_RE or _WILL_ACT_RE can match in a clause of a sentence can be found in the whole
# sentence by this (the lookaheads may fail at a clause's end): no match, no target.
_TARGET_IN_SENTENCE_RE = re.compile(
    r"(?:" + _PLAN_WORDS + r"|sẽ|dự kiến|phải|đề xuất|đề nghị|kiến nghị|quyết|\bđể|will)", _F
)


_INSTEAD_RE = re.compile(r"(?<![\w])thay vì(?![\w])(?!.*(?<![\w])thay vì(?![\w]))", _F)


def is_planned(clause_before: str) -> bool:
    """Does the clause before a figure make it a plan or a goal?"""
    instead = _INSTEAD_RE.search(clause_before) if "thay" in clause_before else None
    if instead:
        # "mức thuế dự kiến là 3.000 đồng thay vì 2.000 đồng": what holds now
        clause_before = clause_before[instead.end() :]
    for m in _PLAN_RE.finditer(clause_before):
        word = clause_before[m.start() : m.end()]
        if word[:1].isupper() and m.start() > 0:
            continue  # "Vụ Kế hoạch": part of a name
        if _NOT_A_PLAN_BEFORE_RE.search(clause_before, max(0, m.start() - 24), m.start()):
            continue
        return True
    will = _WILL_ACT_RE.search(clause_before)
    if will and _AUDIT_FINDING_RE.match(clause_before, will.start()):
        return False  # "kiến nghị thu hồi 8 nghìn ha": what an inspection found, not a plan
    if will and _FORECAST_SUBJECT_RE.search(clause_before, 0, will.start()):
        return False  # "nhiệt độ sẽ hạ 1-3 độ C": a weather forecast, nobody's plan
    return will is not None


class Measure:
    """What `measure_of` needs to know about one figure, worked out by the extractor."""

    __slots__ = ("num", "metric", "clause_before", "prefix", "after", "kind", "future", "change")

    def __init__(
        self,
        num: NumberMatch,
        metric: str,
        clause_before: str,
        prefix: str,
        after: str,
        kind: str,
        future: bool,
        change: re.Match[str] | None,
    ) -> None:
        self.num = num
        self.metric = metric
        self.clause_before = clause_before  # the figure's clause up to it
        self.prefix = prefix  # the sentence up to the figure's hedge, stripped
        self.after = after  # the sentence after the figure
        self.kind = kind  # numbers.unit_kind of the base unit
        self.future = future  # its period lies after the document's date
        self.change = change  # find_change(prefix)


def find_change(prefix: str, hedged: str = "") -> re.Match[str] | None:
    """The change verb right before a figure: "tăng 12%", "giảm mạnh 30%", "tăng tương ứng",
    "cao hơn 12-15%"; `hedged` is the prefix with the figure's hedge ("cao hơn")."""
    hedged = hedged or prefix
    # (each pattern ends with its words and white space: a text that ends with none of them is
    # spared the search; none holds a letter IGNORECASE equates with another that lower()
    # does not give it)
    return (
        search_at_end(_CHANGE_RE, _CHANGE_VOCABULARY, prefix)
        or (
            _COMPARATIVE_RE.search(hedged, before_last_words(hedged, 4))
            if hedged.rstrip()[-6:].lower().endswith(_COMPARATIVE_ENDS)
            else None
        )
        or (
            _VERB_THEN_MORE_RE.search(prefix, before_last_words(prefix, 8))
            if prefix.rstrip()[-4:].lower() == "thêm"
            else None
        )
        or _VERB_THEN_WHAT_RE.search(prefix, before_last_words(prefix, 8))
        or (
            _COMPARATIVE_BASE_RE.search(hedged, before_last_words(hedged, 9))
            if "hơn" in hedged[-40:]
            else None
        )
    )


# "cao hơn mọi ngày 30.000 đồng/con", "đắt hơn năm ngoái khoảng 100.000 đồng": a comparative,
# its base, then by how much
_COMPARATIVE_BASE_RE = re.compile(
    r"(?<![\w])(?P<verb>cao|thấp|nhiều|ít|đắt|rẻ|lớn|nhỏ)\s+hơn\s+(?:so\s+với\s+)?"
    r"(?:mọi ngày|ngày thường|năm ngoái|năm trước|cùng kỳ(?:\s+năm\s+(?:trước|ngoái))?"
    r"|tháng trước|tuần trước|quý trước|dịp trước)"
    r"(?:\s+(?:khoảng|gần|hơn|tới|đến))?\s*$",
    _F,
)
_WITH_RE = re.compile(r"\s*với\b", _F)  # "ít hơn 100mAh với 3T": compared with
# (comparatives that also bound: "nhiều hơn 50 người", "nặng hơn 20 kg" are "more than", and a
# change only of a percentage or with its base: "mỏng hơn 17% so với đời trước")
_BOUND_WORDS_RE = re.compile(
    r"(?:lớn|nhỏ|nhiều|ít|dày|mỏng|nặng|nhẹ|sâu|xa|lâu|sớm|muộn|tốt|kém|bền|sáng|tối)\s", _F
)
_COMPARATIVE_ENDS = ("hơn", "khoảng", "tròn", "gần")  # (how _COMPARATIVE_RE may end)


# (a lower-cased sentence without any of these has no plan word: a plain search for each is
# many times faster than the pattern)
_TARGET_HINTS = (
    "sẽ",
    "dự kiến",
    "phải",
    "kế hoạch",
    "mục tiêu",
    "phấn đấu",
    "phương án",
    "đặt ra",
    "hướng tới",
    "cần đạt",
    "định hướng",
    "đề xuất",
    "kiến nghị",
    "đề nghị",
    "quyết",
    "để",
    "aim",
    "target",
    "plan",
    "will",
)


def has_target_words(sentence: str) -> bool:
    """False when no clause of the sentence can be a plan (asked once per sentence)."""
    low = sentence.lower()
    for hint in _TARGET_HINTS:
        if hint in low:
            return _TARGET_IN_SENTENCE_RE.search(sentence) is not None
    return False


def _direction(change: re.Match[str]) -> str:
    verb = change.group("verb").lower()
    return "down" if verb in _DOWN_VERBS or verb in _DOWN_WORDS or verb == "đánh mất" else "up"


def _target(m: Measure, targets: bool) -> tuple[str, str | None] | None:
    if m.future or (targets and is_planned(m.clause_before)):
        return "target", _direction(m.change) if m.change else None
    return None


def _change(m: Measure) -> tuple[str, str | None] | None:
    if m.change and m.change.re is not _CHANGE_RE and m.num.base_unit == "lần":
        return None  # "nhiều hơn 4 lần" is a ratio; "tăng lãi suất thêm 2-3 lần" a count
    if m.change and m.change.re is _COMPARATIVE_RE and _BOUND_WORDS_RE.match(m.change.group(0)):
        if not m.num.is_percent and not _SO_AFTER_RE.match(m.after) and not _WITH_RE.match(m.after):
            return None  # "tiền lớn hơn 100 nghìn đồng", "nhiều hơn 50 người": a bound
    if m.change:
        return "change", _direction(m.change)
    if (m.num.base_unit or "") in _RANK_UNITS:
        move = _RANK_MOVE_RE.search(m.prefix, before_last_words(m.prefix, 2))
        if move:
            return "change", _direction(move)
    if m.num.is_percent or m.kind.startswith("money:") or m.kind == "number" and m.num.scale > 1:
        fall = _amount_change(m)  # (money, a percentage, or "20.000 tỷ" with its "đồng" left out)
        if fall:
            return "change", _direction(fall)
    if m.num.is_percent and _EXCEED_PLAN_RE.search(m.prefix, before_last_words(m.prefix, 1)):
        if _PLAN_AFTER_RE.match(m.after):
            return "change", "up"  # "vượt 11% kế hoạch năm"
    if m.num.is_percent and "," in m.prefix[-30:]:
        restated = _RESTATED_CHANGE_RE.search(m.prefix, before_last_words(m.prefix, 12))
        if restated:
            return "change", _direction(restated)
    if m.num.is_percent:
        near = " ".join(m.clause_before.split()[-8:])
        if _GROWTH_METRIC_RE.search(m.metric) or _GROWTH_METRIC_RE.search(near):
            return "change", "down" if _GROWTH_DOWN_RE.search(m.metric) else "up"
    return None


# a word each pattern of _amount_change needs (lower-cased)
_AMOUNT_CHANGE_HINTS = (
    "tăng",
    "giảm",
    "hạ",
    "rớt",
    "sụt",
    "tụt",
    "lao dốc",
    "bốc hơi",
    "mất",
    "tiến",
    "nhích",
    "lùi",
    "leo",
)


def _amount_change(m: Measure) -> re.Match[str] | None:
    """The change an amount of money or a percentage states with words that name a level
    before other figures: "giảm tới 45 triệu đồng", "bốc hơi 6.000 tỷ đồng", "cổ phiếu mất
    12%", "tăng từ 60.000-90.000 đồng"."""
    near = m.prefix[-40:].lower()
    if not any(verb in near for verb in _AMOUNT_CHANGE_HINTS):
        return None  # (most amounts: no verb of these rules just before them)
    tail = before_last_words(m.prefix, 4)
    found = (
        _CHANGE_UP_TO_RE.search(m.prefix, tail)
        or _FALL_RE.search(m.prefix, tail)
        or _MARKET_MOVE_RE.search(m.prefix, tail)
    )
    if found:
        return found
    lose = _LOSE_RE.search(m.prefix, tail)
    if lose and (
        _SO_AFTER_RE.match(m.after)
        or _OVER_A_SPAN_RE.match(m.after)
        or _HOLDING_RE.search(m.clause_before)
        or _SINCE_RE.search(m.clause_before)
    ):
        return lose
    if _RANGE_AFTER_RE.match(m.after) and not _RANGE_THEN_NEW_LEVEL_RE.match(m.after):
        return _CHANGE_FROM_RE.search(m.prefix, tail)
    return None


def _ratio(m: Measure) -> tuple[str, str | None] | None:
    num = m.num
    if num.base_unit == "lần" or num.unit == "lần":
        if _TIMES_COMPARED_RE.search(m.prefix, before_last_words(m.prefix, 3)) or (
            _SO_AFTER_RE.match(m.after)
        ):
            return "ratio", None  # "gấp 3 lần", "hơn 4 lần", "1,5 lần so với"
        return None  # "2-3 lần": how many times something happens
    if _RATIO_BEFORE_RE.search(m.prefix, before_last_words(m.prefix, 2)):
        return "ratio", None
    if num.is_percent and (
        _PLAN_AFTER_RE.match(m.after) or _SAME_PERIOD_AFTER_RE.match(m.after) or num.value > 100
    ):
        return "ratio", None  # "đạt 47% kế hoạch", "109% so với cùng kỳ"
    return None


def measure_of(m: Measure, targets: bool = True) -> tuple[str, str | None]:
    """(measure, direction) of a figure; `targets` False says no clause of its sentence can
    be a plan (see has_target_words)."""
    found = _target(m, targets) or _change(m) or _ratio(m)
    if found:
        return found
    num, kind = m.num, m.kind
    if num.is_percent:
        if "/" in (num.unit or "") or _RATE_LEVEL_RE.search(m.clause_before[-60:]):
            return "level", None  # "lãi suất 2,5%/tháng", "độ ẩm 60-95%": a rate, no part
        return "share", None
    if is_measurement(num.base_unit):
        return "level", None  # km2, tấn, độ C, MW
    if kind == "count:diem" and (_INDEX_RE.search(m.prefix) or _exam_score(m)):
        return "level", None  # "VN-Index lên 749 điểm", "điểm chuẩn 18 điểm": a level
    if kind == "people" or kind.startswith("count:") or kind == "times":
        if num.decimals and num.scale == 1.0 and kind != "people":
            return "level", None  # "60,74 điểm": a score, not a count of points
        return "count", None
    if kind == "number" and (_COUNT_METRIC_RE.match(m.metric) or _bare_whole(num)):
        return "count", None  # "39.700 đầu sách", "TP.HCM là 200": how many
    return "level", None


# A percentage that measures a rate or a concentration, not a part of a whole.
_RATE_LEVEL_RE = re.compile(
    r"(?<![\w])(?:lãi suất|độ ẩm|nồng độ|độ cồn|interest rate|humidity)"
    r"(?![\w])",
    _F,
)


# An exam's marks are a score on a scale, not points won ("Juventus có 57 điểm" counts)
_EXAM_RE = re.compile(
    r"điểm\s+(?:chuẩn|sàn|xét tuyển|trúng tuyển|thi|trung bình|liệt)|thí sinh|tuyển sinh"
    r"|trúng tuyển|xét tuyển|học bạ|mức điểm|ngưỡng điểm|bài thi|kỳ thi|môn thi"
    r"|\bmôn\s+(?:văn hóa|văn hoá|văn|toán|chuyên|năng khiếu|vẽ)\b",
    _F,
)


def _exam_score(m: Measure) -> bool:
    return _EXAM_RE.search(m.prefix) is not None or _EXAM_RE.search(m.after) is not None


_INDEX_RE = re.compile(r"(?:-Index|chỉ số|Dow Jones|Nasdaq|S&P|Nikkei)", _F)


def _bare_whole(num: NumberMatch) -> bool:
    return not num.unit and not num.decimals and num.scale == 1.0 and num.total is None
