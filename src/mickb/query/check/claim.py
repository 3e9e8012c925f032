"""A claim, read once: its figures, each with its hedge, measure, metric words, scope and period.

Everything later steps need is worked out here, once, and kept in a `Claim`: the matching
and verdict steps read it and never fold or parse the claim again.

Per figure (numbers.find_numbers reads the numbers, the same reader as the extractor's):
- the hedge written before it (gần, khoảng, hơn, ít nhất, dưới / nearly, about, more than...);
- its measure: a change (tăng, giảm, grew, fell, "tốc độ tăng ... là"), a target (phấn đấu,
  sẽ, mục tiêu), or a state (a level, share, count or ratio);
- its metric: the words of its own clause before it (after any preamble such as "Theo số
  liệu của Bộ ..., " or "ông X cho biết"), or, when that clause has none ("..., tăng 1,6%"),
  the metric of the figure before it; abbreviations spelled out (TT&TT, CNTT, ...); English
  words mapped to Vietnamese through the glossary;
- its scope: the sector terms (viễn thông, bưu chính, ...) and company names it names;
- its period: its own clause's period, else the claim's; "năm ngoái", "năm trước" and the
  first figure of "tăng từ A lên B" are the year before the claim's own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from mickb.query.check.period import PREVIOUS_YEAR_RE, Period, compared_years, parse_period
from mickb.query.check.words import (
    EN_STOP,
    EXACT_SYNONYMS,
    WHOLE_SECTOR,
    WORD_RE,
    compounds,
    en_norm,
    en_sector_terms,
    entities,
    expand_abbreviations,
    folded_words,
    has_content,
    place_of,
    scopes,
    sector_terms,
    strip_time,
    tokens,
    without_time,
)
from mickb.text.fold import fold, nfc
from mickb.text.lazy_re import lazy
from mickb.text.places import province_in

if TYPE_CHECKING:
    from mickb.text.numbers import NumberMatch


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


# Growth words, before the figure ("tăng 12,7%", "grew 5%").
_CHANGE_UP = _phrases(
    "tang truong|tang them|tang|nhich len|nhich|grew|grown|grow|growth|rose|risen|rise|"
    "increased|increase|up|gained|climbed|jumped|expanded|higher|surged|soared|advanced|edged|"
    "growing|rising|increasing|climbing|expanding|rises|grows|climbs|jumps|jump|surges|surge|"
    "soars|soar|gains|tang vot|nhieu"  # ("nhiều thêm 12%": more by 12%)
)
_CHANGE_DOWN = _phrases(
    "giam di|giam|sut giam|sut|lui|fell|fallen|fall|dropped|drop|declined|decline|decreased|"
    "decrease|down|shrank|contracted|lower|slipped|slid|plunged|dipped|falling|declining|"
    "decreasing|dropping|shrinking|falls|drops|declines|slips|slides|dips|shrinks|plunges|"
    "sinks|slump|slumps|slumped"
)
# ... and after it ("a 1.6% increase", "5% year-on-year growth").
_CHANGE_AFTER = _phrases(
    "increase|growth|rise|gain|jump|higher|drop|decline|decrease|fall|lower|"
    "year on year|yoy|y y|y o y|on year|more than|less than|more|fewer"
)
_DOWN_AFTER = frozenset(
    ("drop", "decline", "decrease", "fall", "lower", "less", "less than", "fewer")
)
_CHANGE_FILLERS = _phrases(
    "by|them|o muc|muc|o|la|dat|a|an|of|khoang|len|toi|den|duoc|nhe|manh|only|just|chi|some|"
    "about|around|nearly|almost|over|more|than|hon|gan|xap|xi|binh|quan|trung|average|"
    "on|an"
)
# A growth rate named as a noun: "tốc độ tăng năng suất lao động là 6,7%", "growth rate of".
_GROWTH_NOUN_RE = lazy(
    r"\b(?:toc do tang(?: truong)?|muc tang(?: truong)?|ty le tang(?: truong)?|"
    r"tang truong binh quan|growth rate|rate of growth|growth of|grew by|growth in)\b"
)
_DECLINE_NOUN_RE = lazy(r"\b(?:toc do giam|muc giam|ty le giam|rate of decline)\b")
# Plans and targets, with their diacritics ("sẽ", not "chia sẻ").
_TARGET_WORDS = _phrases(
    "phấn đấu|mục tiêu|sẽ|phan dau|muc tieu|target|targets|targeted|aim|aims|goal|will|"
    "would|plans to|plan to|expected to|is set to|seeks to|kế hoạch năm|ke hoach nam|"
    "đặt chỉ tiêu|dat chi tieu|chỉ tiêu năm|chi tieu nam|đặt mục tiêu|dat muc tieu|"
    "targeting|aiming for|aiming at|aims for|aims at|hướng tới|huong toi|set a target of|"
    "wants|hopes to|expects|to reach|muốn|muon|aiming|planning to|intends to|intend to"
)
# Attributions that open a claim and say who speaks, not what is measured.
_PREAMBLE_RE = lazy(
    r"^\s*(?:(?:theo|according to|as per|citing|data from|figures from)\b[^,;:]*"
    # a broadcast's or a summary's opening words: "Kính thưa quý vị,", "Cũng trong bản tin
    # tối nay,", "In its year-end summary,"
    r"|(?:kính\s+)?thưa\s+[^,;:\d]{1,30}|(?:cũng\s+|tiếp\s+theo\s+)?trong\s+(?:bản tin|chương "
    r"trình|số báo|thời sự)[^,;:\d]{0,30}|ladies and gentlemen"
    r"|good (?:evening|morning)[^,;:\d]{0,20}"
    r"|in (?:its|the|a|their) (?:year-end|annual|yearly|year-in-review) (?:summary|review|report)"
    r"|(?:also )?in (?:other|today's|tonight's) news|also tonight"
    r"|xét về [^,;:\d]{1,40}|cũng theo [^,;:\d]{1,60}|trong bối cảnh [^,;:\d]{1,80}"
    r"|đáng chú ý|trong khi đó|bên cạnh đó|ngoài ra|mặt khác|nhìn chung|tính chung"
    # a column's, a bulletin's and a sum's openers: "Theo người viết,", "Quý thính giả thân
    # mến,", "Tính ra,", "Về phần mình,", "In my view,", "In fact,"
    r"|theo (?:người viết|tôi|chúng tôi)|quý (?:vị|thính giả|khán giả|bạn đọc)[^,;:\d]{0,20}"
    r"|tính ra|về phần mình|quả thực|thực tế|nói cách khác|in my view|in fact|in other words"
    r"|measured by [^,;:\d]{1,40}|tính theo [^,;:\d]{1,40}|phát biểu (?:chỉ đạo|tại)[^,;:\d]{0,40}"
    r"|trả lời phỏng vấn[^,;:\d]{0,40}"
    # a circumstance set before the subject: "With the market near saturation,"
    r"|with (?:the|a|an|its|their) [^,;:\d]{1,60}|measured as [^,;:\d]{1,40}"
    r"|(?:xin )?chào (?:mừng )?quý (?:vị|khán giả|thính giả)[^,;:\d]{0,60}"
    r"|notably|meanwhile|in addition|besides|for all the hype|overall|all told)[,;:]\s*",
    re.IGNORECASE,
)
_REPORTING_RE = lazy(
    r"\b(?:cho biết|cho hay|khẳng định|nhấn mạnh|chia sẻ|nêu rõ|thông báo|công bố|báo cáo"
    r"(?: cho thấy)?|số liệu cho thấy|cho thấy|phát biểu|tiết lộ|ghi rằng|viết rằng|nhận định|"
    r"said|says|stated|states|"
    r"reported|reports|announced|announces|noted|notes|revealed|showed|shows|"
    r"told(?:\s+(?:[^\W\d_]+\s+){0,10}?that)?|"
    r"highlighted)\b(?:\s+(?:rằng|là|that))?\s*[:,]?",
    re.IGNORECASE,
)
# A person by title and name who judges or wishes what follows: "Thủ tướng Phạm Minh Chính ghi
# nhận …", "Bộ trưởng … thì muốn …", "PM … credited the sector with …": the figure is theirs
# to judge, not their metric.
_PERSON_JUDGES_RE = lazy(
    r"\b(?:Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Tổng Bí thư|Giám đốc|"
    r"Tổng giám đốc|Cục trưởng|Vụ trưởng|ông|bà|PM|Prime Minister|(?:Deputy )?Minister)"
    r"(?:\s+[A-ZĐ][^\W\d_]*){0,4}(?:\s+(?:thì|cũng|đã|còn))?\s+"
    r"(?:ghi nhận|đánh giá|muốn|mong muốn|kỳ vọng|yêu cầu|đề nghị|credited [^,;]{0,40}? with"
    r"(?: helping(?: the country)?)?|praised [^,;]{0,40}? for)\b",
)
# A capitalised word with Vietnamese letters: a name ("Minister Nguyễn Mạnh Hùng said ...").
_NAME_RE = lazy(
    r"\b[A-ZĐÀ-Ỹ][^\W\d_]*[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ][^\W\d_]*\b"
)
# The ministry by its name.
_MINISTRY_RE = lazy(
    r"\b(?:Bộ Thông tin và Truyền thông|Bo Thong tin va Truyen thong|(?:the )?Ministry of "
    r"Information and Communications?|(?:the )?ministry(?:'s)?|Bộ|Bo)\b(?!\s+(?:trưởng|truong))",
    re.IGNORECASE,
)
_POSSESSIVE_RE = lazy(r"\b([a-z]\w*)['’]s\b")
_ICT_INDUSTRY_RE = lazy(r"\bict (?:industry|industries|manufacturing|hardware)\b")
# Glossary terms that are verbs of change, and linking words inside glossary terms.
_VERB_TERMS = frozenset(
    ("tang truong", "tang", "giam", "dat", "tang them", "sut giam", "toc do tang truong",
     "toc do tang", "ty le tang truong", "de ra")
)  # fmt: skip
_GLOSSARY_LINKERS = frozenset("va cua cac nhung la cho ve duoc voi".split())
# Between a growth rate and the level it led to.
_PAREN_CHANGE_RE = lazy(
    r"^[^();,.]*\(\s*(?:tăng|giảm|up|down|rose|fell|\+|-|−)?\s*$", re.IGNORECASE
)
_APPOSED_CHANGE_RE = lazy(r"^[^,;]*,\s*(?:a|an)\s+(?:[a-z]+\s+){0,2}$|^\s*\(\s*$", re.IGNORECASE)
_CHANGE_NOUN_RE = lazy(
    r"^\s*(?:y-?o-?y\s+|year-on-year\s+|annual\s+)?(?:gain|rise|increase|growth|jump|drop|"
    r"decline|fall|decrease|dip|slide|climb)\b",
    re.IGNORECASE,
)
_CONTINUES_RE = lazy(
    r"^\s*,?\s*(?:in\s+(?:19|20)\d\d\s*,?\s*)?(?:to|lên|len|reaching|đạt|dat|at)\s*$",
    re.IGNORECASE,
)
# A figure restated as a share of a whole: "hơn 4,33 triệu người, tức 6,8% số người dùng
# Internet", "1.5 million people, or 6.8% of internet users".
_RESTATES_RE = lazy(
    r"^\s*[,(]?\s*(?:tức(?: là)?|tuc(?: la)?|tương đương(?: với)?|tương ứng(?: với)?|"
    r"i\.e\.|or|equivalent to|equal to|representing)\s*$",
    re.IGNORECASE,
)
# Asides inside a clause: "(tính theo đóng góp vào GDP)", ", measured by GDP contribution,".
_ASIDE_RE = lazy(
    r"\([^()]*\)|,\s*(?:measured|calculated|counted|tính theo|tính bằng|based on|in terms of"
    r"|which|who|vốn (?:chịu|là|đã|được|luôn|có|bị))\b[^,]*,",
    re.IGNORECASE,
)
# Verbs of earning: an amount after them is revenue unless the clause names what it is.
_EARNED_RE = lazy(
    r"\b(?:thu về|mang về|đem về|đem lại|mang lại|brought in|earned|took in|raked in|pulled in"
    r"|bringing in|brings in|earning|earns)"
    r"\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)
_MONEY_HEAD_RE = lazy(
    r"\b(?:doanh thu|lợi nhuận|lãi|lỗ|ngân sách|vốn|tiền|chi phí|thuế|kim ngạch|revenue|profit|"
    r"sales|turnover|budget|tax)\b",
    re.IGNORECASE,
)
# Verbs of having and earning that stand between a subject and its figure's noun.
_HOLDING_RE = lazy(
    r"\b(?:sở hữu|ghi nhận|thu về|mang về|đem về|báo lãi|đạt được|có được)\b", re.IGNORECASE
)
# Words after which a figure may be another company's or the market's ("còn", "trong khi",
# "toàn thị trường", "while"): it does not take the company named before.
_OTHER_SUBJECT_RE = lazy(
    r"\b(?:trong đó|trong số đó|riêng|còn|trong khi|khi đó|toàn thị trường|toàn ngành|cả nước|"
    r"while|whereas|of which|including|the market|the sector|nationwide)\b",
    re.IGNORECASE,
)
# A subject named before the sentence ("hai nước", "công ty này", "the two countries"): whose
# figure it is, the claim does not say.
_REFERS_BACK_RE = lazy(
    r"\b(?:hai nước|hai bên|nước này|quốc gia này|công ty này|doanh nghiệp này|tập đoàn này|"
    r"đơn vị này|ngân hàng này|hãng này|tỉnh này|thành phố này|địa phương này|đội bóng này|"
    r"đội này|trường này|bệnh viện này|the two countries|both countries|the company|the firm|"
    r"the group|the bank|this country|the province|nó|máy này|sản phẩm này|mẫu này|"
    r"the device|this model)\b",
    re.IGNORECASE,
)
# Words that begin a new subject within a sentence ("..., trong đó kinh tế số ICT 7,18%").
_NEW_SUBJECT_RE = lazy(
    r"(?:[,;]\s*|\b)(?:trong đó|trong số đó|riêng|còn|trong khi|of which|including|while|whereas|"
    r"cùng với|cùng|và|along with|as well as|with|plus|and)(?:\s+|$)",
    re.IGNORECASE,
)
# Scale and currency words of a unit: what is left is the noun that is counted.
_UNIT_SCALE_RE = lazy(
    r"\b(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|đồng|usd|vnd|vnđ|us\$|đô la|thousand|million|billion|"
    r"trillion|quadrillion|dollars?|dong|percent|per cent|phần trăm|bn|mn|tn|times|lần)\b|%|\$",
    re.IGNORECASE,
)
# Reporting words trimmed from the ends of the metric as shown ("… viễn thông đạt").
_TRIM_WORDS = frozenset(
    "dat uoc tinh la co duoc nam tang giam khoang gan hon tren chiem bang o muc len toi den "
    "thi con so va cua trong cho vao tai da se van cung voi so chi tu xuong duoi vuot it nhat "
    "truong moc nguong quy mo".split()
)
_HEDGES = ("about", "nearly", "more_than", "at_least", "at_most")


class Metric(NamedTuple):
    """What a figure measures, as the claim words it."""

    text: str  # as written, without period and reporting words ("doanh thu dịch vụ viễn thông")
    vi: tuple[str, ...]  # folded Vietnamese content words
    en: tuple[str, ...]  # normalised English content words (English claims)
    sectors: frozenset[str]  # sector terms (folded): the scope
    optional: tuple[str, ...] = ()  # words after the figure: count if the fact has them
    optional_en: tuple[str, ...] = ()
    entities: frozenset[tuple[str, ...]] = frozenset()  # companies named: ("vnpt",)
    counted: tuple[str, ...] = ()  # the noun a count counts ("điểm lõm sóng"), when it has one
    place: str | None = None  # "domestic" or "abroad" when the claim's clause says which
    refers_back: bool = False  # its subject is named before the claim ("hai nước", "công ty này")
    said: frozenset[str] = frozenset()  # every folded syllable of the figure's clause
    province: str | None = None  # the province or city its metric names ("Da Nang's …")
    per_unit: bool = False  # an amount for each worker or person ("mỗi lao động", "per worker")
    of_figure: bool = False  # a share of another figure of the claim ("or 50% of its 14% share")


class ClaimFigure(NamedTuple):
    number: NumberMatch
    text: str  # as written, with its hedge
    hedge: str | None  # about | nearly | more_than | at_least | at_most
    measure: str  # change | target | state
    direction: str | None  # up | down, for a change
    metric: Metric
    period: Period
    range_end: NumberMatch | None = None  # the upper end of "18-20%"
    inherited: bool = False  # no metric words of its own: it took the figure before's
    compared: Period = Period()  # what a change is measured against ("so với năm 2021")
    total: NumberMatch | None = None  # B of "A trong tổng số B", "A of the B"
    shared: tuple[Metric, ...] = ()  # the other subjects of "A và B đều tăng 16%", "both …"


class Claim(NamedTuple):
    text: str
    english: bool
    period: Period  # the claim's own period (years it only compares with left out)
    figures: tuple[ClaimFigure, ...]
    words: frozenset[str]  # every folded word of the claim (abbreviations spelled out)


def read_claim(text: str) -> Claim:
    """Every figure of a claim with its hedge, measure, metric, scope and period (years,
    dates and other context numbers left out)."""
    from mickb.text.glossary import is_english
    from mickb.text.numbers import find_numbers

    shown = nfc(text.strip())
    text, head = _prepared(shown)
    english = is_english(_NAME_RE.sub(" ", text))  # (a Vietnamese name does not make it Vietnamese)
    period = _claim_period(text)
    numbers, range_ends = _figures_of(
        sorted(find_numbers(text) + _times_in_words(text), key=lambda n: n.start)
    )
    numbers, totals = _parts_of_wholes(text, numbers)
    words = frozenset(folded_words(expand_abbreviations(text)))
    figures: list[ClaimFigure] = []
    prev_end = 0
    owned_end = 0  # where the words the figure before took for itself end
    for i, n in enumerate(numbers):
        start = _hedged_start(n)
        upper = range_ends.get(i)
        whole = totals.get(i)
        end = whole.end if whole is not None else upper.end if upper is not None else n.end
        nxt = _hedged_start(numbers[i + 1]) if i + 1 < len(numbers) else len(text)
        before, after, compared_up = _words_around(
            text,
            n,
            text[max(prev_end, min(owned_end, start)) : start],
            _past_conversion(text, numbers, i, end, nxt),
            nxt,
        )
        measure, direction = _measure(text[:start], after, percent=n.is_percent)
        metric, inherited = _metric_of(
            whole or n,
            before,
            after,
            english,
            figures,
            # (the first figure of the claim, or of a post's or a list's item)
            first=i == 0 or _opens_item(text[prev_end:start]),
            between=text[prev_end:start],
            more=i + 1 < len(numbers),
        )
        metric = _owned(metric, whole, english, figures, text[prev_end:start], inherited)
        if measure == "state" and n.is_percent and not inherited:
            measure, direction = _percent_growth(before, after, first=i == 0)
        hedge = _hedge_of(n, text[max(0, start - 40) : start])
        if compared_up is not None:
            # "cao hơn 8,7% so với năm trước": a growth of 8,7%, not "more than 8,7%"
            hedge, measure, direction = None, "change", "up" if compared_up else "down"
        figures.append(
            ClaimFigure(
                number=n,
                text=text[start if hedge else n.start : end],
                hedge=hedge,
                measure=measure,
                direction=direction,
                metric=_situated(metric, n, text, (start, end), (before, after), figures, english),
                period=_nearest_year(
                    text,
                    start,
                    _figure_period(
                        text, start, end, prev_end, nxt, period, based=compared_up is not None
                    ),
                ),
                range_end=upper,
                inherited=inherited,
                total=whole,
                compared=_compared(text, prev_end, nxt, period)
                if measure == "change"
                else Period(),
            )
        )
        prev_end = end
        # "148 tỷ USD doanh thu trong năm 2022, tăng trưởng 8,7%": "doanh thu" is the first's
        owns_after = (metric.optional or english) and not metric.of_figure
        owned_end = end + len(_clause_after(after)) if owns_after else end
    return Claim(shown, english, period, tuple(_across(text, figures, english, head)), words)


def _percent_growth(before: str, after: str, *, first: bool) -> tuple[str, str | None]:
    """A percentage read as a level, whose own words say it is a growth rate ("tốc độ tăng
    năng suất lao động là 6,7%"; "At 12.7%, the sector's revenue growth …")."""
    measure, direction = _growth_noun(_clause_before(before, first=first), "state", None)
    if measure == "state" and first and _GROWTH_AFTER_RE.search(fold(after[:80])):
        return "change", "up"
    return measure, direction


def _prepared(shown: str) -> tuple[str, str | None]:
    """A claim's text with its labels blanked (offsets stay), and the head of its list."""
    # (a post's emoji part its items as a full stop would: "… tăng 12,7% 📈 Nộp ngân sách …")
    # (and a table row's "|" its cells; a hashtag's "#" is no word)
    # (hashtags that end a post say nothing of the figures: "#DigitalVietnam")
    parted = _TRAILING_TAGS_RE.sub(blank, shown)
    parted = _without_dateline(_ITEM_BREAK_RE.sub(";", parted).replace("#", " "))
    text = _NEWS_LABEL_RE.sub(blank, parted)
    text = _ANSWER_RE.sub(blank, text)  # "Hỏi: …? Đáp: …": the answer's label
    listed = _LIST_HEAD_RE.match(text)  # "Các chỉ tiêu của … như sau:": a head, no metric
    if listed is None:
        return text, None
    return blank(listed) + text[listed.end() :], listed.group(1)


def _across(
    text: str, figures: list[ClaimFigure], english: bool, head: str | None
) -> list[ClaimFigure]:
    """What the claim says of several figures at once: a label's or a list head's scope,
    subjects given "lần lượt", a head of growth rates, one figure of two subjects."""
    if head is not None:
        figures = _labelled(text, figures, english, head=head)
    figures = _respectively(text, _labelled(text, figures, english), english)
    return _both(text, _growth_label(text, figures), english)


def _situated(
    metric: Metric,
    n: NumberMatch,
    text: str,
    span: tuple[int, int],
    around: tuple[str, str],
    figures: list[ClaimFigure],
    english: bool,
) -> Metric:
    """A figure's metric with where, whose and for whom: its place and province, a subject
    named before the claim, the words of its clause, an amount for each worker."""
    (start, end), (before, after) = span, around
    return _productivity(
        metric._replace(
            place=place_of(fold(f"{before} {after}")),
            province=province_in(metric.text) or _province_before(before) or metric.province,
            refers_back=bool(_REFERS_BACK_RE.search(text[:end])),
            said=_said(f"{_PART_MARK_RE.sub(' ', before)} {after}", english),
            per_unit=_per_unit(n, f"{before} {_clause_after(after)}", figures, text[:start]),
        )
    )


# "A, B và C tăng lần lượt là 12,7%, 24,7% và 5,5%", "A and B … to X and Y respectively": the
# figures of a run, one for each subject listed before them, in order
_RESPECTIVELY_RE = lazy(
    r"\blần lượt(?:\s+(?P<verb>tăng|giảm|đạt|là|chiếm|ở mức))?(?:\s+là)?\b|\brespectively\b",
    re.IGNORECASE,
)
_RUN_GAP_RE = lazy(r"^\s*(?:,|;)?\s*(?:và|and)?\s*$", re.IGNORECASE)
_LIST_SPLIT_RE = lazy(r",\s*|\s+(?:và|and)\s+", re.IGNORECASE)
# the verb after the listed subjects, where the list ends
_LIST_VERB_RE = lazy(
    r"\s+(?:(?:đều\s+)?(?:tăng|giảm|đạt|là|chiếm|có)|rose|grew|increased|fell|declined|"
    r"dropped|reached|stood|were|was|totalled|totaled|came|hit|climbed|jumped|amounted)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_BOTH_RE = lazy(r"^\s*(?:both|cả)\s+", re.IGNORECASE)


def _respectively(text: str, figures: list[ClaimFigure], english: bool) -> list[ClaimFigure]:
    """Each figure of a run "lần lượt" / "respectively" takes the subject listed in its place."""
    m = _RESPECTIVELY_RE.search(text)
    if m is None or len(figures) < 2:
        return figures
    after = m.start(0) < figures[0].number.start or not english
    run = _run_of(text, figures, m.end(0) if after else m.start(0), after=after)
    if len(run) < 2:
        return figures
    head = text[: m.start(0)] if after else text[: figures[run[0]].number.start]
    head = re.split(r"[;.]\s", head)[-1]
    subject = _LIST_VERB_RE.sub("", head)
    items = [i for i in _LIST_SPLIT_RE.split(_BOTH_RE.sub("", subject)) if i.strip()]
    if len(items) < len(run):
        return figures
    items = items[-len(run) :]
    # "… và tổng số lao động của ngành TT&TT": the last one's owner is every one's
    owner = re.search(r"\s(?:của|of)\s.+$", items[-1])
    out = list(figures)
    verb = (m.group("verb") or "") if after else ""
    for k, i in enumerate(run):
        item = items[k]
        if owner and k < len(run) - 1 and not re.search(r"\s(?:của|of)\s", item):
            item = f"{item}{owner.group(0)}"
        metric = _subject_metric(out[i].metric, item, english)
        if k and not metric.sectors:
            metric = _same_sector(metric, [out[run[k - 1]]], "")
        fig = out[i]._replace(metric=metric, inherited=False)
        if verb.lower() in ("tăng", "giảm") or _CHANGE_BEFORE_RE.search(head[-12:]):
            down = verb.lower() == "giảm" or "giảm" in head[-12:].lower()
            fig = fig._replace(measure="change", direction="down" if down else "up")
        out[i] = fig
    return out


def _subject_metric(metric: Metric, subject: str, english: bool) -> Metric:
    """A figure's metric as one subject of a list names it ("doanh thu toàn ngành, số nộp
    ngân sách và …"): its words, sectors and companies, nothing read after the figure."""
    words = _named(_metric_words(subject, english), english=english)
    return metric._replace(
        text=words.text,
        vi=words.vi,
        en=words.en,
        sectors=words.sectors,
        entities=words.entities or metric.entities,
        optional=(),
        optional_en=(),
        counted=(),
    )


# "A và B cả hai đều tăng 16%", "Both A and B rose 8.7%": one figure said of each subject
_BOTH_MARK_RE = lazy(
    r"\b(?:cả hai\s+)?đều\s+(?=(?:tăng|giảm|đạt|là|chiếm)\b)|^\s*(?:both)\s+"
    r"|\beach\s+(?=(?:grew|rose|fell|increased|climbed|jumped|was|were|reached)\b)",
    re.IGNORECASE,
)


def _both(text: str, figures: list[ClaimFigure], english: bool) -> list[ClaimFigure]:
    """The figure after "A và B đều tăng" / "Both A and B rose", said of each of them."""
    m = _BOTH_MARK_RE.search(text)
    if m is None:
        return figures
    first = next((i for i, f in enumerate(figures) if f.number.start >= m.end()), None)
    if first is None or figures[first].shared:
        return figures
    if english and not m.group(0).lower().startswith("each"):
        head = text[m.end() : _hedged_start(figures[first].number)]
        subject = _LIST_VERB_RE.sub("", head)
    else:  # (the subjects before it: "A và B đều tăng", "A and B each grew")
        subject = re.split(r"[;.]\s|,\s(?=\S+\s\d)", text[: m.start()])[-1]
        subject = _CLAIM_OPENER_RE.sub("", subject)
    items = [i for i in re.split(r"\s+(?:và|and)\s+", subject.strip()) if i.strip()]
    out = list(figures)
    if len(items) != 2 and first >= 2 and _BOTH_BEFORE_RE.search(text[: m.end()]):
        # "…148 tỷ USD, đóng góp vào GDP … 34 tỷ USD, cả hai đều tăng 8,7%": the two before
        shared = (figures[first - 1].metric,)
        out[first] = out[first]._replace(metric=figures[first - 2].metric, shared=shared)
        return out
    if len(items) != 2:
        return figures
    metrics: list[Metric] = []
    for item in items:
        metric = _subject_metric(figures[first].metric, item, english)
        if metrics and not metric.sectors:
            # "the ICT industry's revenue and its contribution to GDP": the same part's
            metric = _same_sector(metric, [figures[first]._replace(metric=metrics[0])], item)
        metrics.append(metric)
    if not all(has_content(list(x.vi), list(x.en)) for x in metrics):
        return figures
    out[first] = out[first]._replace(metric=metrics[0], shared=tuple(metrics[1:]), inherited=False)
    return out


_BOTH_BEFORE_RE = lazy(r"\b(?:cả hai|both)\b", re.IGNORECASE)
# "Năm 2022, …", "Theo Bộ TT&TT, …": openers before the subjects
_CLAIM_OPENER_RE = lazy(r"^.*,\s*", re.DOTALL)


_CHANGE_BEFORE_RE = lazy(r"\b(?:tăng|giảm)\s*$", re.IGNORECASE)


def _run_of(text: str, figures: list[ClaimFigure], at: int, *, after: bool) -> list[int]:
    """The indexes of the figures next to `at` with only commas and "và"/"and" between."""
    order = range(len(figures)) if after else range(len(figures) - 1, -1, -1)
    run: list[int] = []
    edge = at
    for i in order:
        n = figures[i].number
        start, end = _hedged_start(n), (figures[i].total or n).end
        if after and start < at or not after and end > at:
            continue
        gap = text[edge:start] if after else text[end:edge]
        if not _RUN_GAP_RE.match(_gap_words(gap, first=not run, after=after)):
            break
        run.append(i)
        edge = end if after else start
    return sorted(run)


def _gap_words(gap: str, *, first: bool, after: bool) -> str:
    """The words between two figures of a run (before the first: "là", the verb)."""
    if first and after:
        return re.sub(r"^\s*(?:là|tăng|giảm|đạt)?\s*", "", gap)
    return gap


def _words_around(
    text: str, n: NumberMatch, before: str, after: str, nxt: int
) -> tuple[str, str, bool | None]:
    """The words before a figure that may name its metric, those after it that are its own
    (up to `nxt`, where the next figure starts), and whether a comparative makes it a change
    up (True) or down (False)."""
    start = _hedged_start(n)
    after = _before_next_subject(after, more=nxt < len(text))
    before = _PASSED_WORDS_RE.sub(" ", before)  # "vượt mốc": the hedge, not the metric
    if _WORKFORCE_RE.search(fold(n.unit or "")):
        before = _EMPLOYS_RE.sub(" ", before)  # "sử dụng 1,5 triệu lao động": how many work
    compared_up = _comparative(text[max(0, start - 40) : n.start], after)
    if compared_up is not None:
        before = _COMPARATIVE_WORD_RE.sub(" ", before)  # "cao hơn": the change's words
    return before, after, compared_up


# --- the numbers -------------------------------------------------------------------------------


def _said(clause: str, english: bool) -> frozenset[str]:
    """Every folded syllable of a figure's clause, and of its Vietnamese terms if English."""
    found = set(WORD_RE.findall(fold(expand_abbreviations(clause))))
    if english:
        from mickb.text.glossary import english_to_vietnamese

        found |= {p for term in english_to_vietnamese(clause) for p in term.split()}
    return frozenset(found)


_PASSIVE_RE = lazy(r"\s(?:đã\s+)?(?:bị|được)\s")
# A ratio in words: "cao gấp rưỡi", "tăng gấp đôi", "gấp ba lần".
_TIMES_WORDS = {"đôi": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0, "năm": 5.0, "mười": 10.0}
_TIMES_IN_WORDS_RE = lazy(r"\bgấp\s+(đôi|rưỡi|ba|bốn|năm|mười)\b(?:\s+lần\b)?", re.IGNORECASE)


def _times_in_words(text: str) -> list[NumberMatch]:
    """Ratios written in words, read as the numbers they are ("gấp rưỡi" is 1,5 lần)."""
    from mickb.text.numbers import NumberMatch

    if "gấp" not in text.lower():
        return []
    found = []
    for m in _TIMES_IN_WORDS_RE.finditer(text):
        value = _TIMES_WORDS[m.group(1).lower()]
        found.append(
            NumberMatch(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                value=value,
                total=None,
                unit="lần",
                base_value=value,
                base_unit="lần",
                decimals=1 if value % 1 else 0,
                scale=1.0,
                qualifier=None,
                is_percent=False,
            )
        )
    return found


# A bulletin's label before a colon says what kind of news follows, not what it measures:
# "Bản tin tài chính: …", "Tin nhanh: …", "Breaking: …" (blanked, so offsets stay).
_NEWS_LABEL_RE = lazy(
    # an interview's question, and who it is put to: "Q: Minister, …", "PV: Thưa Bộ trưởng, …"
    r"^\s*(?:q|question|hỏi|pv|phóng viên)\s*:\s*(?:(?:mr|ms|madam|sir|minister|deputy "
    r"minister|thưa [^,;:\d]{1,30})\s*,)?"
    r"|^\s*(?:(?:bản tin|điểm tin|tin nhanh|tin vắn|tin|góc nhìn|infographic|cập nhật|breaking|"
    r"update|news|flash|key figures|fact box|at a glance|đúng hay sai|true or false|fact check|"
    r"kiểm chứng|hỏi nhanh|quiz|chart|graphic|biểu đồ|đồ họa|đồ hoạ|nhận định|claim|"
    r"cải chính|đính chính|correction|opinion|bình luận|quan điểm|ý kiến|analysis|comment|"
    r"(?:tonight's|today's|this morning's|this week's)\s+[^:\d]{0,30}|"
    r"press (?:conference|briefing)|takeaways|summary|tóm tắt|tổng kết|họp báo)\b[^:\d]{0,30}"
    # "Cổng Thông tin điện tử Chính phủ tóm tắt:", "Đài phát thanh tỉnh đưa tin:": who reports
    r"|[^:\d]{2,60}?\s(?:đưa tin|tóm tắt|thông tin|cho biết|cho hay|ghi nhận|reports|reported|said|"
    r"summarises|summarizes|notes)(?:\s+(?:tại|ở|at|in)\s[^:\d]{1,30})?)\s*:",
    re.IGNORECASE,
)
# A post's head before its first item: "Vietnam's ICT industry in 2022, a quick thread 🧵👇"
# (its emoji read as ";"), with no figure but a year.
_THREAD_HEAD_RE = lazy(r"^\s*((?:[^;\d]|(?:19|20)\d\d){2,90}?)\s*;")
# A dateline: a city in capitals, then a dash ("HANOI —", "HÀ NỘI -").
_DATED_LINE_RE = lazy(
    r"^\s*(?P<place>[^\W\d_][^\W\d_.]*(?:[ .][^\W\d_]+){0,3})\s*,?\s*"
    r"(?:\([A-ZĐ][\w&.-]{1,12}\)\s*)?"
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|[A-Z][a-z]{2,8}\.? \d{1,2}|ngày \d{1,2}/\d{1,2})?\s*"
    r"(?:\([A-ZĐ][\w&.-]{1,12}\))?\s*[—–-]\s"
)
_PAPER_LINE_RE = lazy(r"^\s*(?:Báo|Đài|Tạp chí|Cổng)\s+[^\W\d_][^—–\-:\d]{0,40}?\s[—–-]\s")
_TRAILING_TAGS_RE = lazy(r"(?:\s*#\w+)+\s*$")
_ANSWER_RE = lazy(r"(?<=\?)\s*(?:đáp|trả lời|a|answer)\s*:", re.IGNORECASE)
_DATELINE_RE = lazy(r"^\s*([^\W\d_][^\W\d_.]*(?:[ .][^\W\d_]+){0,3})\s[—–-]\s")


def _without_dateline(text: str) -> str:
    """A claim without its dateline: "HANOI —", "HANOI, Dec 18 (VNA) –", "Hà Nội, 18/12
    (TTXVN) -", or a paper's name before a dash ("Báo Hà Giang –")."""
    m = _DATELINE_RE.match(text)
    if m is not None and m.group(1).isupper() and province_in(m.group(1).title()):
        return blank(m) + text[m.end() :]
    m = _DATED_LINE_RE.match(text)
    if m is not None and (province_in(m.group("place")) or m.group("place").isupper()):
        return blank(m) + text[m.end() :]
    m = _PAPER_LINE_RE.match(text)
    if m is not None:
        return blank(m) + text[m.end() :]
    return text


def blank(m: re.Match[str]) -> str:
    """A match's text as spaces (offsets into the claim stay)."""
    return " " * len(m.group(0))


# What parts a post's or a table row's items: pictographs (with their joiners and variation
# selectors), "|", "•" (one ";" each: offsets stay).
_ITEM_BREAK_RE = lazy("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u200d\ufe0f|•·✔✓☑]")
# A headline's label before a colon: "Bưu chính 2022: ...", "Viễn thông: ...".
_LIST_HEAD_RE = lazy(
    r"^\s*([^:\d]{2,100}?(?:\d{4}[^:\d]{0,20})?)\s+(?:như sau|gồm|bao gồm|cụ thể|as follows)\s*:",
    re.IGNORECASE,
)
_LABEL_RE = lazy(r"^\s*([^:\d]{2,40}?)(?:\s+(?:năm\s+)?\d{4})?\s*:\s")


def _labelled(
    text: str, figures: list[ClaimFigure], english: bool, head: str | None = None
) -> list[ClaimFigure]:
    """A label naming one part of the sector ("Bưu chính 2022: ... doanh thu dịch vụ tăng
    16%", or the `head` of a list: "Chỉ tiêu của lĩnh vực viễn thông như sau: …") scopes the
    figures that name no sector of their own."""
    # (a label or a list's head names a part of the sector; a post's head may name it whole)
    if head is not None:
        named_in, parts_only = head, True
    else:
        label = _LABEL_RE.match(text)
        m = label or _THREAD_HEAD_RE.match(text)
        if m is None:
            return figures
        named_in, parts_only = m.group(1), label is not None
    # (English through the glossary: "in" is no Vietnamese printing there)
    named = (
        _metric_words(named_in, english).sectors
        if english
        else sector_terms(folded_words(named_in))
    )
    # (a post's or a table's head may name the whole sector: "Ngành TT&TT năm 2022 | …")
    terms = {t for t in named if not parts_only or scopes({t}) - {WHOLE_SECTOR}}
    if not terms:
        return figures
    words = tuple(w for t in sorted(terms) for w in compounds(t.split()))
    return [
        f
        if f.metric.sectors
        else f._replace(
            metric=f.metric._replace(
                sectors=frozenset(terms), vi=tuple(dict.fromkeys(f.metric.vi + words))
            )
        )
        for f in figures
    ]


# A label or a ranking's head that says its percentages are growth rates: "Xếp theo tốc độ
# tăng năm 2022: …", "Growth in 2022: …"
_GROWTH_LABEL_RE = lazy(
    r"^\s*[^:\d]{0,40}\b(?:tốc độ tăng|mức tăng|tăng trưởng|growth|tăng nhanh)\b[^:\d]{0,20}"
    r"(?:\d{4}[^:\d]{0,10})?:",
    re.IGNORECASE,
)


def _growth_label(text: str, figures: list[ClaimFigure]) -> list[ClaimFigure]:
    """The percentages under a label of growth rates are changes up."""
    if not _GROWTH_LABEL_RE.match(text):
        return figures
    return [
        f._replace(measure="change", direction="up")
        if f.number.is_percent and f.measure == "state"
        else f
        for f in figures
    ]


# "Riêng trên địa bàn tỉnh Bắc Giang, doanh thu …", "In Da Nang city, …": a place the
# figure's clause is about, named before its metric
_PLACE_BEFORE_RE = lazy(
    r"\b(?:trên địa bàn|tại|ở|của)\s+(?:tỉnh|thành phố|TP\.?)\s|\b(?:tỉnh|thành phố)\s+[A-ZĐ]"
    r"|\bin (?:the )?(?:province|city) of\s|\bin [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:province|city)\b"
    # a place that opens a sentence: "… . Tại Nghệ An, ngành …", "In Nghe An, …"
    r"|(?:^|[.;:]\s+)(?:(?:[Rr]iêng |[Cc]òn )?(?:[Tt]ại|[Ởở])|[Ii]n)\s+[A-ZĐ]",
)


def _province_before(before: str) -> str | None:
    """The province or city named before a figure's metric as the place it is about."""
    place = _PLACE_BEFORE_RE.search(before)
    return province_in(before[place.start() :]) if place else None


def _past_conversion(text: str, numbers: list[NumberMatch], i: int, end: int, nxt: int) -> str:
    """The words after a figure up to the next one; past the next when that one is only the
    figure in another currency in parentheses: "VND3.89 quadrillion (US$165 billion) in
    revenue" (its metric is named after the conversion)."""
    after = text[end:nxt]
    if i + 1 >= len(numbers) or not _OPEN_PAREN_RE.match(after):
        return after
    closing = _CLOSE_PAREN_RE.match(text, numbers[i + 1].end)
    if closing is None:
        return after
    then = _hedged_start(numbers[i + 2]) if i + 2 < len(numbers) else len(text)
    return " " + text[closing.end() : then]


_OPEN_PAREN_RE = lazy(r"^\s*\(\s*(?:khoảng|gần|hơn|about|around|nearly|some|~)?\s*$", re.I)
_CLOSE_PAREN_RE = lazy(r"\s*\)")


def _figures_of(found: list[NumberMatch]) -> tuple[list[NumberMatch], dict[int, NumberMatch]]:
    """The figures among the numbers read (context numbers left out); a range ("18-20%",
    "từ 4 đến 5 triệu") is one figure: its first end, reaching the second."""
    range_end: dict[int, NumberMatch] = {}
    numbers: list[NumberMatch] = []
    for i, n in enumerate(found):
        if n.is_context:
            continue
        if n.range_with is not None and n.range_with < i:
            continue
        if n.range_with is not None and n.range_with > i:
            range_end[len(numbers)] = found[n.range_with]
        numbers.append(n)
    return numbers, range_end


def _owned(
    metric: Metric,
    whole: NumberMatch | None,
    english: bool,
    figures: list[ClaimFigure],
    between: str,
    inherited: bool,
) -> Metric:
    """A figure's metric with what it counts as a part of a whole, and the company and
    sector of the figures before it (unless it took theirs already)."""
    if whole is not None:
        metric = _counting_the_whole(metric, whole, english)
    if inherited:
        return metric
    return _same_sector(_same_company(metric, figures, between), figures, between)


def _counting_the_whole(metric: Metric, whole: NumberMatch, english: bool) -> Metric:
    """ "… ghi nhận 14 trên 15 chỉ tiêu": a part of a whole counts the whole's noun (English
    reads it in its own words: see metric._en_score)."""
    noun = _metric_words(unit_noun(whole), english)
    if not metric.vi and not metric.en:
        return metric._replace(text=unit_noun(whole), vi=noun.vi, en=noun.en)
    if not metric.counted and not english:
        return metric._replace(counted=noun.vi)
    return metric


# "2.152 trong tổng số 2.418 thôn", "2,152 of the 2,418 villages": a part and its whole.
_PART_OF_RE = lazy(
    r"^\s*(?:trong (?:tổng )?số|trên (?:tổng )?(?:số )?|trong|trên|of(?: the| its| their)?|"
    r"out of(?: the)?|/)\s*$",
    re.IGNORECASE,
)


_OUT_OF_HEDGE_RE = lazy(r"^\s*trên\s*$", re.IGNORECASE)


def _parts_of_wholes(
    text: str, numbers: list[NumberMatch]
) -> tuple[list[NumberMatch], dict[int, NumberMatch]]:
    """Pairs "A of the B" read as one figure A with its total B."""
    kept: list[NumberMatch] = []
    totals: dict[int, NumberMatch] = {}
    skip = False
    for i, n in enumerate(numbers):
        if skip:
            skip = False
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if nxt is not None and _OUT_OF_HEDGE_RE.match(text[n.end : nxt.start]):
            # "14 trên 15 chỉ tiêu": "trên" between two numbers is "out of", no hedge
            nxt = nxt._replace(qualifier=None, qualifier_start=None, qualifier_text=None)
        if (
            nxt is not None
            and n.total is None
            and not n.is_percent
            and not nxt.is_percent
            and _PART_OF_RE.match(text[n.end : _hedged_start(nxt)])
            and n.value <= nxt.value
        ):
            totals[len(kept)] = nxt
            skip = True
        kept.append(n)
    return kept, totals


def _same_company(metric: Metric, figures: list[ClaimFigure], between: str) -> Metric:
    """ "doanh thu Maseco đạt 2.000 tỷ đồng, lợi nhuận 70 tỷ đồng": the same company's,
    unless the words between turn to another subject ("còn", "trong khi", "toàn ngành")."""
    if not figures or _OTHER_SUBJECT_RE.search(between):
        return metric
    earlier = figures[-1].metric
    if earlier.province and not metric.province and _OWN_RE.search(between):
        # "Quảng Ninh's coverage reached 100% of its 1,100 villages": the province's villages
        metric = metric._replace(province=earlier.province)
    if metric.entities or not earlier.entities:
        return metric
    return metric._replace(entities=earlier.entities)


# A possessive that points back at the subject just named: "of its 1,100 villages".
_OWN_RE = lazy(
    r"\b(?:its|their|của (?:mình|tỉnh|thành phố|địa phương) (?:này|đó))\b", re.IGNORECASE
)


# What a sector has of its own: a later figure that names only these, after one that named a
# part of the sector, is that part's ("doanh thu công nghiệp ICT đạt 148 tỷ USD, đóng góp vào
# GDP 34 tỷ USD"; "the industry's contribution to GDP").
_SECTOR_OWN = frozenset(
    ("doanh thu", "loi nhuan", "dong gop", "nop ngan sach", "lao dong", "doanh nghiep")
)

# "while the industry's contribution …", "còn đóng góp của ngành này …": the part just named
_ITS_RE = lazy(
    r"\b(?:the (?:industry|sector|segment)['’]s|its|(?:ngành|lĩnh vực|mảng) này)\b", re.IGNORECASE
)


# "mỗi lao động mang về 2,6 tỷ đồng", "bình quân một người", "per worker", "triệu đồng/người"
_PER_UNIT_RE = lazy(
    r"(?:\b(?:mỗi|từng)\s+(?:lao động|người|nhân viên|công nhân|người lao động|người dân)|"
    r"\bbình quân (?:một|1|trên một|trên mỗi|đầu) (?:lao động|người)|\bđầu người\b|"
    r"\b(?:per|each|a|for every)\s+(?:worker|employee|person|head|capita|resident|staff)\b|"
    r"\bper-capita\b|/\s*(?:người|lao động|worker|person|capita)\b)",
    re.IGNORECASE,
)


def _per_unit(n: NumberMatch, around: str, figures: list[ClaimFigure], head: str) -> bool:
    """Whether a figure is an amount for each worker or person: said in its clause or its
    unit, by the figure before it that it goes on from ("mỗi lao động mang về 2,6 tỷ đồng
    doanh thu và tạo ra 648 triệu đồng"), or by its sentence's subject ("every one of the
    1.51 million people … paid about VND65.6 million")."""
    from mickb.text.numbers import unit_kind

    if _PER_UNIT_RE.search(f"{around} {n.unit or ''}"):
        return True
    sentence = re.split(r"[.;!?]\s", head)[-1]
    if n.base_unit and unit_kind(n.base_unit).startswith("money:"):
        if _EVERY_ONE_RE.search(sentence):
            return True
    between = head[figures[-1].number.end :] if figures else ""
    return bool(
        figures
        and figures[-1].metric.per_unit
        and re.search(r"\b(?:và|and)\b", between)
        and not _OTHER_SUBJECT_RE.search(between)
    )


_EVERY_ONE_RE = lazy(
    r"\b(?:each|every)(?: one)? of (?:the |its |their )\b|\b(?:mỗi|từng) (?:người|lao động)",
    re.IGNORECASE,
)


# What each worker creates of GDP is labour productivity ("mỗi lao động tạo ra 648 triệu đồng
# GDP", "each worker generated VND648 million in GDP")
_CREATED_VALUE = frozenset(("gdp", "gia tri", "tao ra", "lam ra", "cho gdp"))
# ... not what each pays the state ("đóng góp 65 triệu đồng vào ngân sách")
_PAID_IN = frozenset(("ngan sach", "nop", "nop ngan sach", "thue", "nha nuoc"))
_PRODUCTIVITY = ("nang suat", "lao dong")


def _productivity(metric: Metric) -> Metric:
    """A per-worker amount of value created, read as the labour productivity it is."""
    words = set(metric.vi + metric.optional)
    if {"tao", "lam"} & words and "ra" in words:
        words.add("tao ra")  # ("làm ra" read as two words)
    if not metric.per_unit or not words & _CREATED_VALUE or words & _PAID_IN:
        return metric
    # (what was created, and the verb, are what productivity means, not more words to match)
    said = _CREATED_VALUE | {"tao", "lam", "ra"}
    return metric._replace(
        vi=tuple(dict.fromkeys(w for w in (*metric.vi, *_PRODUCTIVITY) if w not in said)),
        optional=tuple(w for w in metric.optional if w not in said),
    )


# A turn to another subject that may not be the sector just named: a part of it, or the
# whole market ("trong khi", "còn", "while" turn to another metric of the same sector).
_OTHER_PART_RE = lazy(
    r"\b(?:trong đó|trong số đó|riêng|toàn thị trường|toàn ngành|cả nước|of which|including|"
    r"the market|the sector|nationwide)\b",
    re.IGNORECASE,
)


def _same_sector(metric: Metric, figures: list[ClaimFigure], between: str) -> Metric:
    """ "doanh thu công nghiệp ICT đạt 148 tỷ USD, đóng góp vào GDP hơn 34 tỷ USD": the same
    part of the sector's, unless the words between turn to another subject."""
    if (
        metric.sectors
        or metric.entities
        or not figures
        or not set(metric.vi) & _SECTOR_OWN
        or (_OTHER_PART_RE.search(between) and not _ITS_RE.search(between))
        or _OTHER_SUBJECT_RE.search(metric.text)  # "GDP cả nước": the country's
    ):
        return metric
    # (the last figure that names what it is: not a part the claim divides itself)
    named = next((f for f in reversed(figures) if not f.metric.of_figure), figures[-1])
    terms = {t for t in named.metric.sectors if scopes({t}) - {WHOLE_SECTOR}}
    if not terms:
        return metric
    words = tuple(w for t in sorted(terms) for w in compounds(t.split()))
    return metric._replace(sectors=frozenset(terms), vi=tuple(dict.fromkeys(metric.vi + words)))


def _hedged_start(n: NumberMatch) -> int:
    return n.start if n.qualifier_start is None else n.qualifier_start


def _hedge_of(n: NumberMatch, before: str) -> str | None:
    if n.qualifier == "estimate":
        return "about"  # "ước 138 nghìn tỷ" in a claim: about that much
    if n.qualifier in _HEDGES:
        return n.qualifier
    if _PASSED_RE.search(fold(before)):
        return "more_than"  # "vượt mốc 4 triệu tỷ", "topped VND4 quadrillion"
    return None


# The base of a comparison written before the figure: "(so với) năm ngoái", "cùng kỳ".
_BASE_WORDS = (
    r"(?:so\s+với\s+)?(?:năm ngoái|năm trước|năm (?:19|20)\d\d"
    r"|cùng kỳ(?:\s+năm\s+(?:trước|ngoái))?)"
)
# (also as typed without marks: "thap hon nam ngoai")
_COMPARATIVE_WORD_RE = lazy(
    r"\s(?:cao|thấp|thap|lớn|lon|nhỏ|nho|nhiều|nhieu|ít|it)(?:\s+(?:hơn|hon)(?:\s+(?:"
    + _BASE_WORDS
    + "|"
    + fold(_BASE_WORDS)
    + r"))?)?\s*$",
    re.I,
)
# "cao hơn X% so với …", and "thấp hơn năm ngoái 3,8%" with its base before the figure (on
# folded text: claims typed without marks read the same)
_COMPARATIVE_RE = lazy(
    r"\b(cao|lon|nhieu|thap|nho|it)\s+hon(?P<base>\s+" + fold(_BASE_WORDS) + r")?"
    r"(?:\s+(?:khoang|gan|xap xi|chung))?\s*$"
)
_BASE_WORDS_RE = lazy(fold(_BASE_WORDS) + r"\s*$")
_COMPARED_AFTER_RE = lazy(r"^[^,;.]*?\bso\s+(?:voi|cung ky)\b")


def _without_base_before(text: str, start: int) -> str:
    """`text` with the base of a comparison right before a figure blanked out: in "thấp hơn
    năm ngoái 3,8%" last year is what the figure is compared with, not when it holds."""
    folded = fold(text)
    m = _BASE_WORDS_RE.search(folded, max(0, start - 40), start)
    if m is None or len(folded) != len(text):
        return text
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]


def _comparative(before: str, after: str) -> bool | None:
    """ "cao hơn X% so với năm trước" (up X%), "thấp hơn X% so với cùng kỳ" (down X%), "thấp
    hơn năm ngoái 3,8%": a change named by a comparative, whose "hơn" is no hedge. None when
    it is not one."""
    m = _COMPARATIVE_RE.search(fold(before))
    if m is None or (m.group("base") is None and not _COMPARED_AFTER_RE.search(fold(after))):
        return None
    return m.group(1) in ("cao", "lon", "nhieu")


# A workforce counted after a Vietnamese verb of employing: the verb says nothing of what is
# counted (English keeps "employed": the glossary reads the workforce from it).
_WORKFORCE_RE = lazy(r"\b(?:lao dong|nhan vien|nhan luc|workers?|employees?|staff)\b")
_EMPLOYS_RE = lazy(
    r"\s(?:sử dụng|thu hút|tuyển dụng|tạo việc làm cho|giải quyết việc làm cho|có)\s*$",
    re.IGNORECASE,
)
_PASSED_WORDS_RE = lazy(r"\s(?:vượt|vượt qua|cán|chạm)\s+(?:mốc|ngưỡng|con số)\s*$", re.IGNORECASE)


# Passing a mark: more than it.
_PASSED_RE = lazy(
    r"\b(?:vuot moc|vuot nguong|vuot qua moc|vuot qua|topped|surpassed|exceeded|"
    r"passed|crossed|broke through)(?: the)?(?: mark of| level of| threshold of)?\s*$"
)


def unit_noun(n: NumberMatch) -> str:
    """The counted noun of a figure's unit ("70.000 doanh nghiệp" -> "doanh nghiệp"); none
    for percentage points ("1,4 điểm phần trăm", "1.4 percentage points")."""
    if n.base_unit in ("điểm %", "%"):
        return ""  # ("12.7pc", "12,7 phần trăm": no noun)
    return _UNIT_SCALE_RE.sub(" ", n.unit or "").strip()


# --- the measure -------------------------------------------------------------------------------


def _measure(before: str, after: str, *, percent: bool) -> tuple[str, str | None]:
    """change (with its direction), target, or state (a level, share, count or ratio)."""
    sign = before[-1:]
    if sign in ("+", "-", "−") and (len(before) < 2 or not before[-2].isalnum()):
        return "change", "up" if sign == "+" else "down"  # "bưu gửi +38%", "(-3,8%)"
    head = fold(before)
    cut = max(head.rfind(";"), head.rfind(". "))
    ws = WORD_RE.findall(head[cut + 1 :])
    # filler words between a change verb and its number ("tăng thêm", "grew by")
    trail = list(ws)
    for _ in range(4):
        if trail and trail[-1] in _CHANGE_FILLERS:
            trail.pop()
    if trail and trail[-1] == "tu":  # "tăng từ A lên B": A is a level, not the growth
        return "state", None
    if len(ws) >= 2 and ws[-1] in ("len", "xuong") and ws[-2] in ("tang", "giam", "nang", "ha"):
        return _target_or_state(before)  # "tiếp tục tăng lên 14,3%": the level it rose to
    tail = " ".join(trail[-2:])
    if len(trail) >= 2 and trail[-1] == "up" and trail[-2] in _NOT_CHANGE_BEFORE_UP:
        return _target_or_state(before)  # "made up 14% of GDP", "took up"
    if len(trail) >= 2 and trail[-1] == "down" and trail[-2] in _NOT_CHANGE_BEFORE_DOWN:
        return _target_or_state(before)  # "took down 3,150 websites", "shut down"
    if ws[-2:] == ["co", "them"]:
        return "change", "up"  # "cả nước có thêm 7.000 doanh nghiệp": how many more
    if trail and trail[-1] in _ADDED_VERBS and not re.match(r"\s*(?:[a-z]+\s+){0,4}to\b", after):
        # "Vietnam added 9,500 firms in 2022": how many more, not how many (not "added
        # US$34 billion to GDP": what it contributed)
        return "change", _ADDED_VERBS[trail[-1]]
    for phrases, direction in ((_CHANGE_DOWN, "down"), (_CHANGE_UP, "up")):
        for w in phrases:
            if tail == w or tail.endswith(" " + w):
                if w == "tang" and tail.endswith("gia tang") and trail[-3:-2] == ["tri"]:
                    continue  # "giá trị gia tăng": value added, not a growth
                return "change", direction
    after_words = WORD_RE.findall(fold(after))
    nxt = " ".join(after_words[:4])
    # "a 1.6% increase", "5% revenue growth" (not "148 tỷ USD, tăng 8,7%": a change word
    # followed by a number is the next figure's)
    if percent:
        for w in _CHANGE_AFTER:
            at = nxt.find(w)
            if at < 0 or (at and not nxt[:at].strip().isalpha()) or len(nxt[:at].split()) > 2:
                continue
            rest = nxt[at + len(w) :].split()
            if rest and rest[0].isdigit() and not _YEAR_RE.fullmatch(rest[0]):
                continue
            return "change", "down" if w in _DOWN_AFTER else "up"
        # "tăng doanh thu 1,6%": the verb before the metric's noun
        own = " ".join(trail[-4:])
        m = _VERB_BEFORE_NOUN_RE.search(own)
        if m and "tu" not in trail[-4:]:
            return "change", "down" if m.group(1) in _DOWN_VERBS else "up"
    return _target_or_state(before)


_YEAR_RE = lazy(r"(?:19|20)\d\d")
# A figure that opens a claim, then its growth named after it
_GROWTH_AFTER_RE = lazy(r"^\s*,[^,;.]{0,60}\b(?:growth|tang truong)\b")
_VERB_BEFORE_NOUN_RE = lazy(
    r"\b(tang|giam)\s+(?:doanh thu|loi nhuan|san luong|so luong|thu nhap|nang suat|"
    r"xuat khau|nhap khau)\b"
)
_DOWN_VERBS = frozenset(("giam",))
_ADDED_VERBS = {"added": "up", "adds": "up", "gained": "up", "shed": "down", "lost": "down"}
_NOT_CHANGE_BEFORE_UP = frozenset("made make makes making took take takes taking set sets".split())
_NOT_CHANGE_BEFORE_DOWN = frozenset(
    "took take takes taking taken shut shuts pulled pull pulls tore tear tears".split()
)


def _target_or_state(before: str) -> tuple[str, str | None]:
    lowered = nfc(before).lower()
    cut = max(lowered.rfind(";"), lowered.rfind(". "))
    near = " " + " ".join(WORD_RE.findall(lowered[cut + 1 :])[-20:]) + " "
    if any(f" {w} " in near for w in _TARGET_WORDS):
        return "target", None
    return "state", None


def _growth_noun(metric_text: str, measure: str, direction: str | None) -> tuple[str, str | None]:
    """A percentage whose metric is a growth rate ("tốc độ tăng năng suất lao động là 6,7%")."""
    folded = fold(metric_text)
    if _DECLINE_NOUN_RE.search(folded):
        return "change", "down"
    if _GROWTH_NOUN_RE.search(folded):
        return "change", "up"
    return measure, direction


# --- the metric --------------------------------------------------------------------------------


def _pointed_metric(
    n: NumberMatch,
    before: str,
    after: str,
    english: bool,
    figures: list[ClaimFigure],
    between: str,
    *,
    more: bool,
) -> tuple[Metric, bool] | None:
    """A metric the words around a figure point to rather than name: the figure before's (a
    change in parentheses, a new level, a currency conversion, "mức đóng góp này", a base
    level), a restated share's, an owner named after a rate, or none at all (a part or a
    share of another figure the claim divides itself); None when they point nowhere."""
    if figures and _PAREN_CHANGE_RE.search(between):
        # "83.200 người thất nghiệp (tăng 13.000 người)": the change of the figure before
        return figures[-1].metric, True
    if figures and english and _APPOSED_CHANGE_RE.match(between) and _CHANGE_NOUN_RE.match(after):
        # "VND138 trillion in 2022, a modest 1.6% gain": the change of the figure before
        return figures[-1].metric, True
    if figures and _CONTINUES_RE.match(between):
        # "grew 5% to 1.5 million people", "tăng 5% lên 1,5 triệu người": the new level of the
        # metric whose growth was just given
        return figures[-1].metric, True
    of = _OF_AFTER_RE.match(after) if not english and _RATE_OF_RE.search(before) else None
    if of is not None:
        # "… nhanh hơn mức tăng 17,2% của doanh thu toàn ngành": the owner named after it
        owner = _metric_words(_clause_after(after[of.end() :]), english)
        if has_content(list(owner.vi), []):
            return _named(owner), False
    if figures and english and _OF_IT_RE.match(after):
        # "US$148 billion, some US$120 billion of it from electronics hardware": a part of
        # the figure before, which the claim alone divides
        return Metric(shown_metric(after, english), (), (), frozenset(), of_figure=True), False
    if figures and n.is_percent and more and _OF_A_FIGURE_RE.match(after):
        if _RESTATED_AT_END_RE.search(before):
            # "…, or 50.4% of the digital economy's 14.26% share": a ratio of two figures
            # the claim gives itself, which no source states
            shown = shown_metric(after, english)
            return Metric(shown, (), (), frozenset(), of_figure=True), False
    if figures and not n.is_percent and _RESTATES_RE.match(between) and n.base_unit:
        # "34 tỷ USD, tức khoảng 800 nghìn tỷ đồng": the same amount in another currency
        return figures[-1].metric, True
    if figures and n.is_percent and (_RESTATES_RE.match(between) or _RESTATES_RE.match(before)):
        return _restated_share(figures[-1].metric, after, english), False
    if figures and (
        _POINTS_BACK_RE.search(before)
        or _BASE_LEVEL_RE.search(between)
        or _THEN_CHANGED_RE.search(between)
    ):
        # "…, mức đóng góp này tăng 16%": the metric of the figure before; "… nhích nhẹ so
        # với mức khoảng 136 nghìn tỷ đồng của năm 2021": its level of another year
        return figures[-1].metric, True
    return None


def _metric_of(
    n: NumberMatch,
    before: str,
    after: str,
    english: bool,
    figures: list[ClaimFigure],
    *,
    first: bool,
    between: str = "",
    more: bool = False,
) -> tuple[Metric, bool]:
    """What a figure measures: the words of its clause before it, else its counted noun and
    the words after it, else (for "..., tăng 1,6%") the metric of the figure before it."""
    pointed = _pointed_metric(n, before, after, english, figures, between, more=more)
    if pointed is not None:
        return pointed
    clause = _clause_before(before, first=first)
    if _EARNED_RE.search(before[-60:]) and n.base_unit and not _MONEY_HEAD_RE.search(clause):
        # "thu về gần 3,9 triệu tỷ đồng", "brought in nearly US$150 billion": what it took in
        clause = f"{clause} {'revenue' if english else 'doanh thu'}"
    own = _metric_words(clause, english)
    noun = _metric_words(unit_noun(n), english)
    tail, done = _tail_and_what_was_done(after, english)
    own, tail, done = _read_around(own, noun, tail, done, after, before, english, first=first)
    if english and has_content(list(own.vi), list(own.en)) and not _is_ratio(n):
        # English names what is counted or earned after the figure ("paid X to the state
        # budget", "earned X in revenue"): those words are part of the metric
        if "cho gdp" in tail.vi and _ADDED_RE.search(clause):
            # "added about $34 billion to GDP": what it contributed to GDP
            tail = tail._replace(vi=tuple(w for w in tail.vi if w != "cho gdp") + _TO_GDP)
        own = Metric(
            text=" ".join(x for x in (own.text, tail.text) if x),
            vi=tuple(dict.fromkeys(own.vi + tail.vi)),
            en=tuple(dict.fromkeys(own.en + tail.en)),
            sectors=own.sectors | tail.sectors,
        )
        tail = Metric("", (), (), frozenset())
    if has_content(list(own.vi), list(own.en)):
        metric = own._replace(
            optional=_without(noun.vi + tail.vi, own.vi),
            optional_en=_without(noun.en + tail.en, own.en),
            counted=_counted(n, noun, tail),
        )
        if is_count(n) and tail.text:
            metric = metric._replace(
                text=f"{own.text} … {tail.text}", sectors=own.sectors | tail.sectors
            )
        return _named(metric, at_start=first, english=english), False
    # "70.000 doanh nghiệp đăng ký", "had 70,000 registered digital technology firms"; the
    # words after a figure name its metric only for the first one ("..., bằng 48,7% kế
    # hoạch năm" is the ratio of the figure before, to its plan)
    if has_content(list(noun.vi), list(noun.en)) or (
        (not figures or first) and has_content(list(tail.vi), list(tail.en))
    ):
        # "1.5 million people were employed in the sector": "people" only says they are
        # persons; what is counted is in the words after it, when they say something
        generic = noun.vi == ("nguoi",) and has_content(list(own.vi + tail.vi), [])
        metric = Metric(
            text=" ".join(x for x in (own.text, noun.text, tail.text) if x),
            vi=tuple(dict.fromkeys(own.vi + (() if generic else noun.vi) + tail.vi)),
            en=tuple(dict.fromkeys(own.en + noun.en + tail.en)),
            sectors=own.sectors | noun.sectors | tail.sectors,
            optional=(noun.vi if generic else ()) + done,
        )
        metric = _named(metric, at_start=first, english=english)
        if figures and not metric.entities:
            # "Viettel có 350.000 km cáp quang cùng 53.000 trạm 3G": the same subject's
            metric = metric._replace(entities=figures[-1].metric.entities)
        return metric, False
    if not figures:
        return own, False
    if english and _NAMED_AFTER_RE.match(after) and has_content(list(tail.vi), list(tail.en)):
        # "roughly half the 16% rise in the postal sector's contribution to GDP", "the
        # government's 8.5% GDP growth forecast": English names the figure's metric after it
        return _named(tail, english=True), False
    # "đạt 138.000 tỷ đồng, tăng 1,6%", "đạt 96.433 tỷ đồng tăng trưởng 5%": the growth of
    # the same metric as the figure before
    return figures[-1].metric, True


_ADDED_RE = lazy(r"\badd(?:s|ed|ing)?\s*$", re.IGNORECASE)
_TO_GDP = ("dong gop", "gdp")

# "…tăng 38% và số doanh nghiệp bưu chính tăng 12%": after "và" a new subject, then the verb of
# the next figure; those words are that figure's metric, not the words of the one before.
_NEXT_SUBJECT_RE = lazy(
    r"(?:,\s*|\s)(?:và|còn|trong khi|and|while|whereas)\s+(?P<subject>.+?)\s+"
    r"(?:(?:cũng|chỉ|đã|vẫn|also|only|just)\s+)?(?:tăng|giảm|đạt|chiếm|là|lên|xuống|rose|grew|"
    r"fell|dropped|"
    r"increased|decreased|reached|climbed|was|were|stood at|at|hit|totalled|totaled)\s*$",
    re.IGNORECASE,
)
# (with no verb, the last joiner before the next figure: "… doanh thu 1.453 tỷ đồng và lợi
# nhuận 119 tỷ đồng", not the "and" of "scam and illegal websites and protected 4.3 million")
_NEXT_FIGURES_SUBJECT_RE = lazy(
    r"^.*(?:,\s*|\s)(?P<join>và|còn|trong khi|and|while|whereas)\s+(?P<subject>.+?)\s*$",
    re.IGNORECASE | re.DOTALL,
)


def _before_next_subject(after: str, more: bool) -> str:
    """The words after a figure that are still its own: up to a joined clause that names
    the next figure's subject and verb (or, when a figure follows, its subject alone: "doanh
    thu 1.453 tỷ đồng và lợi nhuận 119 tỷ đồng")."""
    m = _NEXT_SUBJECT_RE.search(after)
    at = m.start() if m else -1
    if m is None and more:
        m = _NEXT_FIGURES_SUBJECT_RE.match(after)
        at = m.start("join") if m else -1
    if (
        m
        # right after the figure, or after a few words of its own ("so với năm 2021"), not
        # inside a name ("At 12.7%, the information and communications sector's growth was")
        and len(after[:at].split()) <= 4
        and "," not in after[:at]
        and has_content(tokens(without_time(m.group("subject")))[1], [])
    ):
        return after[:at]
    return after


# A metric noun pointed back at: "mức đóng góp này", "con số đó", "this figure".
_POINTS_BACK_RE = lazy(
    r"\b(?:mức|con số|khoản|số tiền|doanh thu|lợi nhuận|đóng góp|mức đóng góp|mức tăng|"
    r"tỷ lệ|tỉ lệ|tỷ trọng|năng suất|figure|amount|sum|share|rate|proportion)\s+"
    r"(?:này|đó|ấy|nói trên|this|that)\b"
    r"|\b(?:this|that) (?:figure|amount|sum|share|rate|proportion)\b"
    # a correction's right figure: "số liệu đúng là tăng 16%", "In fact it rose 3.8%"
    r"|\b(?:số liệu|con số) đúng(?: là)?\b|\bthe (?:correct|right) figure\b|\bin fact,? it\b"
    # a total of what was just counted: "…; tổng cộng là hơn 2.328 trang", "in total"
    r"|\btổng cộng(?: là| có)?\s*$|\bin (?:total|all),?\s*$",
    re.IGNORECASE,
)
# The base a later figure is: "so với mức khoảng 136 nghìn tỷ đồng", "compared with VND3.45
# quadrillion" (the same metric, another period).
_BASE_LEVEL_RE = lazy(
    r"\b(?:so với|so|compared with|compared to|từ)\s+(?:mức|con số|the|a)?\s*"
    r"(?:khoảng|gần|hơn|about|around|nearly|some)?\s*$",
    re.IGNORECASE,
)

# "US$148 billion, some US$120 billion of it …": a part of the figure before
_OF_IT_RE = lazy(r"^\s*of (?:it|this|that)\b", re.IGNORECASE)
# "… of the digital economy's " before the claim's next figure: a whole the claim gives
_OF_A_FIGURE_RE = lazy(r"^\s*(?:of|của|trong|trên)\s+[^\d,;.()]{0,50}$", re.IGNORECASE)
_RESTATED_AT_END_RE = lazy(
    r"[,(]\s*(?:or|i\.e\.|tức(?: là)?|tương đương(?: với)?|tương ứng(?: với)?|bằng)\s*$",
    re.IGNORECASE,
)
# "numbered 64,000 in 2021 before rising 12% to 70,000": the same metric's change
_THEN_CHANGED_RE = lazy(
    r"\b(?:before|then|and then|only to)\s+(?:rising|growing|climbing|jumping|increasing|"
    r"falling|dropping|declining|slipping|sliding|edging (?:up|down)|rebounding|rise|grow|"
    r"climb|jump|increase|fall|drop|decline|slip|rebound)\s*(?:by|some|about)?\s*$"
    r"|\b(?:before|then|and then)\s+(?:it|they|the figure)\s+(?:reached|hit|rose to|climbed to"
    r"|stood at|came to|totalled|totaled|grew to|fell to)\s*$",
    re.IGNORECASE,
)


def _read_around(
    own: Metric,
    noun: Metric,
    tail: Metric,
    done: tuple[str, ...],
    after: str,
    before: str,
    english: bool,
    *,
    first: bool,
) -> tuple[Metric, Metric, tuple[str, ...]]:
    """Where a claim's words for a figure stand when not before it: "At 12.7%, the sector's
    revenue growth was …" (after it, past a comma); "Proud of our tech scene: 70,000 registered
    digital technology firms" (the words before the colon lead in; those after the figure say
    what it counts; a Vietnamese label is its metric: "Doanh nghiệp công nghệ số: 70 nghìn")."""
    if (
        first
        and not has_content(list(own.vi + noun.vi + tail.vi), list(own.en + tail.en))
        and not _PART_FOLLOWS_RE.match(after)
    ):
        tail, done = _tail_and_what_was_done(after.lstrip(" ,"), english)
    if (
        english
        and before.rstrip().endswith(":")
        and has_content(list(noun.vi + tail.vi), list(tail.en))
    ):
        own = Metric("", (), (), frozenset())
    return own, tail, done


# "…, of which the ICT digital economy …", "…, trong đó …": a part follows, not this
# figure's metric
_PART_FOLLOWS_RE = lazy(
    r"^\s*,?\s*(?:of which|in which|including|among them|trong đó|trong số đó|gồm|bao gồm)\b",
    re.IGNORECASE,
)


def _restated_share(earlier: Metric, after: str, english: bool) -> Metric:
    """The same people or things as the figure before, as a share of the whole named after
    it; that whole must be the source's: "6,8% dân số" is not "6,8% người dùng internet"."""
    tail = _metric_words(_clause_after(after), english)
    # (the whole must be the source's; what the people were counted for may be worded
    # otherwise: "shielded from online fraud" and "được bảo vệ" are one count)
    head = earlier.vi[:2] if tail.vi else earlier.vi
    return earlier._replace(
        vi=tuple(dict.fromkeys(head + tail.vi)),
        en=tuple(dict.fromkeys(earlier.en + tail.en)),
        optional=_without(earlier.vi + earlier.optional, head + tail.vi),
        optional_en=_without(earlier.optional_en, earlier.en + tail.en),
        counted=(),
    )


def _tail_and_what_was_done(after: str, english: bool) -> tuple[Metric, tuple[str, ...]]:
    """The words after a figure up to its clause's end, and (as words that may be said
    otherwise) what was done to the things counted: "1.000 trang lừa đảo bị ngăn chặn"."""
    tail_text = _clause_after(after)
    passive = None if english else _PASSIVE_RE.search(tail_text)
    done = _metric_words(tail_text[passive.end() :], english).vi if passive else ()
    return _metric_words(tail_text[: passive.start()] if passive else tail_text, english), done


def _counted(n: NumberMatch, noun: Metric, tail: Metric) -> tuple[str, ...]:
    """The noun a count counts: its unit ("70.000 doanh nghiệp"), and the words that go on
    with it when the unit is a bare classifier ("2.152 điểm lõm sóng": "điểm lõm sóng")."""
    if not is_count(n) or not has_content(list(noun.vi), []):
        return ()
    if len(noun.vi) == 1 and " " not in noun.vi[0] and tail.vi:
        return tuple(dict.fromkeys(noun.vi + tail.vi))
    return noun.vi


def _is_ratio(n: NumberMatch) -> bool:
    """ "1.5 times the forecast": what follows is what it is compared with, not its metric."""
    return fold(n.unit or "").strip() in ("lan", "times", "x", "fold")


def _without(words: tuple[str, ...], have: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in dict.fromkeys(words) if w not in have)


def _named(metric: Metric, *, at_start: bool = False, english: bool = False) -> Metric:
    """The companies a metric names, and its words without them (the first word of an English
    sentence is capitalised anyway: there it counts only when it is an acronym). When the
    name was all the clause said ("Viettel sở hữu 350.000 km cáp quang"), the words after
    the figure are the metric."""
    named = entities(metric.text, first_word_is_sentence_start=at_start and english)
    if not named:
        return metric
    in_names = {w for e in named for w in e}
    vi = tuple(w for w in metric.vi if w not in in_names)
    optional = tuple(w for w in metric.optional if w not in in_names)
    en = tuple(w for w in metric.en if (w,) not in named)
    if not has_content(list(vi), list(en)):
        vi, optional = vi + optional, ()
        en = en + metric.optional_en
    return metric._replace(vi=vi, en=en, optional=optional, entities=named)


def _clause_before(text: str, *, first: bool) -> str:
    """The words of a figure's own clause before it: after the last clause break, any
    preamble ("Theo số liệu của Bộ ..., ", "ông X cho biết"), and any new subject
    ("trong đó", "riêng", "và")."""
    # (a spaced dash ends the clause of a figure before; before a claim's first figure it
    # sets off a heading that names it: "Digital economy as a share of GDP — total 14.26%")
    ends = [m.end() - 1 for m in re.finditer(r"[.!?]\s" if first else r"[.!?]\s|\s[—–-]\s", text)]
    cut = max([text.rfind(";"), *ends])
    text = text[cut + 1 :] if cut >= 0 else text
    if first:
        for _ in range(3):  # "Cũng theo báo cáo, đáng chú ý, …": one opener after another
            text, n = _PREAMBLE_RE.subn("", text)
            if not n:
                break
    reporting = list(_REPORTING_RE.finditer(text)) + list(_PERSON_JUDGES_RE.finditer(text))
    if reporting:
        text = text[max(m.end() for m in reporting) :]
    text = _AIMING_RE.sub(" ", _HOLDING_RE.sub(" ", _ASIDE_RE.sub(" ", text)))
    if first:
        return _after_heading(text)
    listed = _listed_subject(text)
    if listed is not None:
        return listed
    pieces = text.split(",")
    text = pieces[-1]  # a later figure's clause begins after the last comma
    relative = _RELATIVE_RE.match(text)
    if len(pieces) > 1 and relative and not _names_something(text[relative.end() :]):
        # "…, ten times as fast as postal service revenue, which inched up 1.6%": the
        # relative clause's subject is what stands before its comma
        text = _AS_FAST_AS_RE.sub(" ", pieces[-2])
    joins = list(_NEW_SUBJECT_RE.finditer(text))
    if joins and not _opens_subject(text[joins[-1].end() :]):
        return ""  # "350.000 km cáp quang cùng 53.000 trạm": what comes before is the last one's
    subjects = [m for m in joins if _opens_subject(text[m.end() :])]
    if subjects:
        text = text[subjects[-1].end() :]
    return text


# "mức tăng 1,6% của doanh thu …": a rate whose owner follows it
_RATE_OF_RE = lazy(r"\b(?:mức|tốc độ)\s+(?:tăng|giảm)(?:\s+trưởng)?\s*$", re.IGNORECASE)
_OF_AFTER_RE = lazy(r"^\s*của\s+", re.IGNORECASE)


# Aiming at a figure says it is a target (see _TARGET_WORDS), not what it measures.
_AIMING_RE = lazy(
    r"\b(?:đặt (?:ra )?(?:mục tiêu|chỉ tiêu)|phấn đấu(?: đạt)?|hướng tới|"
    r"dat (?:ra )?(?:muc tieu|chi tieu)|phan dau(?: dat)?|huong toi|"
    r"(?:is |are )?(?:targeting|aiming for|aiming at|aims? (?:for|at))|sets? (?:a )?target of"
    r"|(?:aiming|aims?|plans?|planning|wants?) to (?:raise|lift|increase|bring|push|boost|take)"
    r"|muốn)\b",
    re.IGNORECASE,
)


def _after_heading(text: str) -> str:
    """A first figure's words after a heading's or a source's colon, when they say what it
    measures themselves ("Tạp chí Thông tin & Truyền thông: Smartphone chiếm 75,8% …"); a
    label that is the metric stays ("Doanh thu: 3.893.595 tỷ đồng")."""
    head, colon, rest = text.rpartition(":")
    if not colon or len(tokens(without_time(rest))[1]) < 2:
        return text
    return rest


# What a later figure's metric may follow it with: a noun ("8.5% GDP growth forecast"), or
# a change and what it changes ("16% rise in …"); not a year, a base or a preposition.
_NAMED_AFTER_RE = lazy(
    r"^\s*(?:(?:rise|increase|growth|gain|jump|fall|drop|decline|decrease|share|expansion)\s+"
    r"(?:in|of)\s+|(?:more|fewer)\s+(?!than\b)(?=[a-z])"
    r"|(?!(?:in|on|over|from|to|than|compared|year|years|y/y|y-o-y|yoy|a|an|the|and|or|up|down"
    r"|higher|lower|more|less|of|for|at|by|with|as|per|each|every|a year|last|this|since|after"
    r"|before|while|which|that|meeting|beating|missing|exceeding|reaching|against|versus)\b)"
    r"[a-z])",
    re.IGNORECASE,
)
_RELATIVE_RE = lazy(r"^\s*(?:which|that|who|whose)\b", re.IGNORECASE)
# "ten times as fast as", "twice as much as", "faster than": the comparison, not the subject
_AS_FAST_AS_RE = lazy(
    r"\b(?:(?:\w+\s+times|twice|half)\s+)?(?:as\s+\w+\s+as|\w+er\s+than)\b", re.IGNORECASE
)


def _names_something(text: str) -> bool:
    """Whether English words say what is measured ("put total employment … at"), not only
    how it moved ("inched up")."""
    return bool(_metric_words(text, True).en)


def _listed_subject(text: str) -> str | None:
    """ "…, còn doanh thu xuất bản, in, phát hành tăng 9,5%": a new subject that lists its
    kinds between commas (short pieces) is the later figure's whole clause."""
    joins = [m for m in _NEW_SUBJECT_RE.finditer(text) if _opens_subject(text[m.end() :])]
    if not joins:
        return None
    pieces = text[joins[-1].end() :].split(",")
    if len(pieces) >= 3 and all(len(p.split()) <= 2 for p in pieces[1:-1]):
        return text[joins[-1].end() :]
    return None


def _opens_subject(rest: str) -> bool:
    """After "trong đó", "và": a metric of its own, not the end of an enumeration."""
    content = tokens(without_time(rest))[1]
    return has_content(content, [])


def _clause_after(text: str) -> str:
    """The words right after a figure, up to a clause break or a comparison."""
    m = re.search(
        r"[;,:.!?()](?:\s|$)|\s[—–-]\s|\b(?:so với|so|compared|than|tăng|giảm|up|down)\b"
        # "from" a base ("up 5% from 2021", "from VND90 trillion"), not "withdrew from the market"
        r"|\bfrom\b(?=\s+(?:\d|vnd|vnđ|us\$|\$|last|the previous|a year|the same|a\b))"
        r"|\b(?:in|during|trong|vào|năm|for|by|as of|over)\b(?=\s+(?:năm\s+)?(?:19|20)\d\d\b"
        r"|\s+(?:the\s+)?(?:first|second|third|fourth|past|last|same|whole)\b"
        r"|\s+(?:q[1-4]|h[12]|quý|tháng|nửa)\b)",
        text,
        re.IGNORECASE,
    )
    return text[: m.start()] if m else text


def _metric_words(segment: str, english: bool) -> Metric:
    """A clause's metric words: folded Vietnamese, English, as shown, and sector terms. The
    ministry is who acts or reports ("Bộ TT&TT đã ngăn chặn ..."), not a scope."""
    segment = _MINISTRY_RE.sub(" ", expand_abbreviations(segment))
    for pattern, instead in _SAME_METRIC_WORDS:
        segment = pattern.sub(instead, segment)
    shown = shown_metric(segment, english)
    if english:
        from mickb.text.glossary import english_to_vietnamese, marked

        # "the sector's workforce" is the sector workforce ("Vietnam's" stays a name's)
        # ("the ICT-based digital economy" is the ICT digital economy)
        stripped = strip_time(fold(_POSSESSIVE_RE.sub(r"\1", _BASED_RE.sub(r"\1", segment))))
        en = [en_norm(w) for w in WORD_RE.findall(stripped)]
        en = [w for w in en if w not in EN_STOP and not w.isdigit()]
        raw = []
        content = []
        for term in english_to_vietnamese(stripped):
            if term in _VERB_TERMS:
                continue  # "grew" is "tăng trưởng": the measure, not the metric
            if term == "cong nghiep ict" and not _ICT_INDUSTRY_RE.search(stripped):
                continue  # "ICT revenue": the sector's or the ICT industry's, it does not say
            # (folded already: no stop-word test, "ngân" is not "ngàn"; the synonyms of a marked
            # word as the facts' words have them: "dùng" is "sử dụng")
            words = [
                p for w in marked(term).split() for p in EXACT_SYNONYMS.get(w, fold(w)).split()
            ]
            raw += words
            # (a linker inside a longer term; "bảo vệ" is one word, not "bảo" and "về")
            content += (
                words if len(words) <= 2 else [w for w in words if w not in _GLOSSARY_LINKERS]
            )
        sectors = _national_alone(sector_terms(raw) | en_sector_terms(en))
        return Metric(
            shown,
            tuple(dict.fromkeys(compounds(content))),
            tuple(dict.fromkeys(en)),
            frozenset(sectors),
        )
    raw = tokens(without_time(segment))[0]
    # (a village's "sóng di động" is its "sóng": mobile stays its sector, not a word to match)
    content = tokens(without_time(_MOBILE_SIGNAL_RE.sub("sóng", segment)))[1]
    return Metric(
        shown,
        tuple(dict.fromkeys(compounds(content))),
        (),
        frozenset(_national_alone(sector_terms(raw))),
    )


# "… 2,328 fraudulent and illegal websites, including 1,342 scam sites": what a part is
# follows its marker; the whole's words before it are not the part's
_PART_MARK_RE = lazy(
    r"^.*\b(?:including|of which|among them|trong đó|trong số đó|bao gồm|gồm)\b",
    re.IGNORECASE | re.DOTALL,
)
# The same metric in other words, as the facts name it; and linking words that name none
_SAME_METRIC_WORDS = (
    (lazy(r"\b(?:đóng góp (?:cho|vào)|nộp vào) ngân sách", re.IGNORECASE), "nộp ngân sách"),
    (lazy(r"\bcả ngành\b", re.IGNORECASE), "toàn ngành"),
    (lazy(r"\b(?:lực lượng|đội ngũ) lao động\b", re.IGNORECASE), "tổng số lao động"),
    (lazy(r"(?<!doanh )\bthu (?:về )?từ\b", re.IGNORECASE), "doanh thu từ"),
    (
        lazy(r"(?<!doanh )\bthu(?=\s*$|\s+(?:vượt|đạt|được|khoảng|gần|hơn|trên)\b)", re.IGNORECASE),
        "doanh thu",
    ),
    (lazy(r"\bmảng\b", re.IGNORECASE), "lĩnh vực"),  # (a segment; not "mạng", a network)
    (lazy(r"(?<!đóng )\bgóp vào\b", re.IGNORECASE), "đóng góp vào"),
    (lazy(r"\bxuất bản\s*-\s*in\s*-\s*phát hành\b", re.IGNORECASE), "xuất bản, in, phát hành"),
    # verbs of reaching, yielding and adding that name no metric: "doanh thu cán đích",
    # "lượng doanh nghiệp nhiều thêm", "mảng dịch vụ đem lại" ("làm ra", "tạo ra": see
    # _productivity)
    (
        lazy(
            r"\b(?:cán (?:đích|mốc)|chạm (?:mốc|ngưỡng|đích)|nhiều thêm|đông thêm|đem lại|"
            r"khép lại|lập kỷ lục|hoàn thành)\b",
            re.IGNORECASE,
        ),
        " ",
    ),
    # "1.510.027 lao động làm việc trong ngành …": the words after a count of workers say
    # where they work, "làm việc" names nothing more
    (lazy(r"^\s*(?:đang\s+)?làm việc\b", re.IGNORECASE), " "),
    # "hiện 99% số thôn …", "toàn ngành hiện có …", "hiện nay": now, no metric
    (lazy(r"(?:^|(?<=[,;:]))\s*hiện(?: nay| tại| có)?\b", re.IGNORECASE), " "),
    (
        lazy(
            r"(?<!thực )(?<!phát )(?<!xuất )(?<!thể )(?<!hiển )\bhiện(?: (?=có\b)|\s*$)",
            re.IGNORECASE,
        ),
        " ",
    ),
    (
        lazy(r"\b(?:nhờ vậy|nhờ đó|qua đó|từ đó|do đó|vì vậy|trong bối cảnh)\b", re.IGNORECASE),
        " ",
    ),
)
_MOBILE_SIGNAL_RE = lazy(r"\bsóng (?:điện thoại )?di động\b", re.IGNORECASE)
_BASED_RE = lazy(r"\b([A-Za-z]+)-based\b")


def _national_alone(terms: set[str]) -> set[str]:
    """ "Cả nước" is a scope only when no sector is named ("kinh tế số chiếm 14% nền kinh tế"
    is the digital economy's share)."""
    from mickb.query.check.words import NATIONAL, scopes

    if NATIONAL in scopes(terms) and scopes(terms) - {NATIONAL}:
        return {t for t in terms if scopes({t}) != {NATIONAL}}
    return terms


def shown_metric(segment: str, english: bool = False) -> str:
    """The claim's metric words as written, without period, comparison and reporting verbs:
    "Năm 2022, doanh thu dịch vụ viễn thông đạt" -> "doanh thu dịch vụ viễn thông"."""
    text = without_time(segment)
    tokens_ = text.replace(",", " ").replace(":", " : ").split()
    stop = EN_STOP if english else _TRIM_WORDS
    while tokens_ and (fold(tokens_[-1]) in stop or not any(c.isalnum() for c in tokens_[-1])):
        tokens_.pop()
    while tokens_ and (fold(tokens_[0]) in stop or not any(c.isalnum() for c in tokens_[0])):
        tokens_.pop(0)
    return " ".join(tokens_)


def is_count(n: NumberMatch) -> bool:
    """A count of persons or things, or a bare number ("2.152 trong tổng số 2.418 thôn")."""
    from mickb.text.numbers import unit_kind

    kind = unit_kind(n.base_unit)
    return kind in ("number", "people") or kind.startswith("count:")


# --- the period --------------------------------------------------------------------------------


def _claim_period(text: str) -> Period:
    """The period a claim is about: its years (not those it compares with) and any part of a
    year ("11 tháng đầu năm", "quý II", "first half"); "năm ngoái" belongs to its clause."""
    return parse_period(text, drop_compared=True)._replace(previous=False, part_before=False)


# "… so với năm 2021, khi mới có X", "… from 2021, when only X": X is that year's
_BACK_THEN_RE = lazy(
    r"(?:so với|compared (?:with|to)|from|than)\s+(?:(?:năm|in)\s+)?((?:19|20)\d\d)\s*,\s*"
    r"(?:khi|lúc|when)\b[^,;.\d]*$",
    re.IGNORECASE,
)


def _figure_period(
    text: str,
    start: int,
    end: int,
    prev_end: int,
    nxt: int,
    claim: Period,
    *,
    based: bool = False,
) -> Period:
    """A figure's own clause's period, else the claim's. "năm ngoái" and the "từ A" of
    "tăng từ A lên B" are the year before the claim's own; `based`: a comparative's base
    may stand right before the figure ("thấp hơn năm ngoái 3,8%"), and is no period of it."""
    if based:
        text = _without_base_before(text, start)
    whole_head = text[max(prev_end, start - 60) : start]
    # (what the figure before left behind is not this one's: "từ A năm ngoái lên B", "to X in
    # 2022 from about Y a year earlier", "64,000 in 2021 before rising 12%")
    cuts = [
        m.end()
        for m in re.finditer(
            r"[;,]\s|\s[—–]\s|\b(?:lên|xuống|to|reaching|from|before|then)\b", whole_head
        )
    ]
    back_then = _BACK_THEN_RE.search(whole_head)
    if back_then:
        # "tăng 1,4% so với năm 2021, khi mới có 74% …": the year compared with, back then
        return Period(frozenset({int(back_then.group(1))}))
    head = whole_head[max(cuts, default=0) :]
    tail = _clause_after_period(text[end:nxt])
    own = parse_period(f"{head} {tail}", drop_compared=True)._replace(part_before=False)
    if own.years and not own.sub and claim.sub and "cung ky" in fold(f"{head} {tail}"):
        return own._replace(sub=claim.sub, previous=False)  # "... cùng kỳ năm 2017"
    if own.years or own.sub:
        return own._replace(previous=False)
    if not own.previous and nxt < len(text) and _CONTINUES_RE.match(text[end:nxt]):
        # "climbed 24.7% to VND98.98 trillion in 2022, up from … in 2021": the growth holds
        # when the level it rose to does
        level = parse_period(re.split(r"[;,]\s", text[nxt : nxt + 80])[0], drop_compared=True)
        if level.years or level.sub:
            return level._replace(previous=False, part_before=False)
    compared_then = _COMPARED_WITH_RE.search(fold(whole_head)) and _EARLIER_RE.match(
        fold(text[end:nxt])
    )
    if own.previous or compared_then or _RISING_FROM_RE.search(fold(whole_head)):
        if claim.years:
            return claim.year_before()
        return Period(frozenset(), claim.sub, previous=True)
    return claim


def _opens_item(between: str) -> bool:
    """Whether a figure opens an item of a post or a list ("… · 99.73% of villages with …"):
    after the item's break, nothing but its own words."""
    return ";" in between and "," not in between.rsplit(";", 1)[1]


def _nearest_year(text: str, start: int, period: Period) -> Period:
    """A figure whose clause names no year, in a claim that names several ("In 2021, revenue
    expanded 12.7% …, before … in 2022"; "… came to VND98.98 trillion in 2022, the figure up
    24.7% from VND75 trillion in 2021"): the year named last before it, not one it is
    compared with; a span of years ("2014-2016") is one mention."""
    if len(period.years) < 2 or period.sub:
        return period
    for m in reversed(list(_YEAR_MENTION_RE.finditer(text, 0, start))):
        if _COMPARED_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        years = {int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))}
        if len(years) == 2:
            years = set(range(min(years), max(years) + 1))
        return period._replace(years=frozenset(years) & period.years or period.years)
    return period


_YEAR_MENTION_RE = lazy(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")
_COMPARED_BEFORE_RE = lazy(
    r"(?:\bso(?:\s+với)?|\bcompared (?:with|to)|\bfrom|\bthan|\bover|\btừ|\bkể từ|\bsince"
    r"|\bversus|\bvs\.?)\b(?:[^\d,;.]{0,25}|\s+[^\s\d]{0,4}\d[\d.,]*(?:\s+[^\W\d]+){0,3}"
    r"\s+(?:in|năm|of))\s*$",
    re.IGNORECASE,
)


def _compared(text: str, prev_end: int, nxt: int, claim: Period) -> Period:
    """What a change compares with: a year named in its clause (else anywhere in the claim),
    or the year before the claim's own ("so với năm ngoái", "cùng kỳ", "year-on-year")."""
    for part in (text[prev_end:nxt], text):
        folded = fold(part)
        years = compared_years(part)
        if years:
            return Period(years)
        if _PART_BEFORE_RE.search(folded):
            return Period(part_before=True)
        if PREVIOUS_YEAR_RE.search(folded) or _SAME_TIME_RE.search(folded):
            return claim.year_before() if claim.years else Period(previous=True)
    return Period()


_PART_BEFORE_RE = lazy(
    r"\b(?:quy truoc|thang truoc|previous quarter|previous month|quarter on quarter|"
    r"month on month|quarter-on-quarter|month-on-month)\b"
)
_SAME_TIME_RE = lazy(r"\b(?:cung ky|year on year|year-on-year|yoy|on year|a year earlier)\b")
# "…, compared with 74.4% a year earlier", "so với 74,4% năm trước": the earlier level
_COMPARED_WITH_RE = lazy(
    r"\b(?:compared (?:with|to)|against|versus|so voi|so cung ky)"
    r"(?:\s+(?:khoang|gan|hon|xap xi|roughly|about|around|nearly|some|almost|over|muc))?\s*$"
)
_EARLIER_RE = lazy(
    r"\s*(?:\w+\s+)?(?:a year (?:earlier|before|ago)|the (?:previous|prior) year|last year|"
    r"(?:cua |trong )?(?:nam truoc|nam ngoai|cung ky))\b"
)
_RISING_FROM_RE = lazy(
    r"\b(?:tang|giam|rose|fell|increased|decreased|grew|climbed|dropped|up|down)\s+(?:tu|from)"
    r"(?:\s+(?:khoang|gan|hon|xap xi|roughly|about|around|nearly|some|almost|over))?\s*$"
)


def _clause_after_period(text: str) -> str:
    m = re.search(r"[;,](?:\s|$)", text)
    return text[: m.start()] if m else text
