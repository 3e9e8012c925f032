"""Quotes and their speakers: a `Document` -> `Quote` records.

What counts as a speaker's quote (and not a scare-quoted term such as “báo hóa”):
- "direct": a quoted sentence or paragraph with an attribution after it (`"…", ông X nói.`),
  before it (`Ông X nhấn mạnh: "…"`, `Theo ông X, "…"`), or a whole quoted paragraph right
  after a paragraph that ends `… ông X cho biết:`;
- "embedded": a quoted fragment of two or more words inside reported speech whose subject is
  a person and whose verb is a speech, request or evaluation verb
  (`Thủ tướng yêu cầu … phải “kiểm đếm được, ra sản phẩm cụ thể”`);
- "reported" (only with `reported=True`): `<person> cho biết, <clause>` without quote marks.
A quoted span with none of these is a term, a title or a name and is not a quote.

Quotes may run across paragraphs: a quote opened and not closed continues into the next
paragraphs (up to a few); a closing mark with no opening mark starts the quote at the start
of its paragraph, and a wholly quoted paragraph just before it (unattributed) is its first
part. Quoted words of several paragraphs are joined with one space in `Quote.text`.
Quote marks inside a quote (nested quotes) stay in its text.

Speakers: a per-document registry of people (a name of 2-4 capitalised syllables, with the
titles before it and the comma-separated roles after it, as the document gives them)
resolves "ông", "ông Hùng", "Đồng chí", "Thủ tướng", "Chuyên gia này" to the most recent
person mentioned with that name, title or role. A speaker known only by a role
("lãnh đạo Cục Viễn thông") has name None and that role.

`extract_quotes` takes a whole `Document`; `QuoteExtractor` takes one in windows of passages
(the pipeline streams big files), with the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mickb.records import Document, Passage, Quote, Sentence, Speaker, make_id
from mickb.text.places import PROVINCES

# Letters of either case (Latin, with Vietnamese diacritics).
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1F00)) if ch.isupper())
_LOWER = "".join(ch for ch in map(chr, range(0x61, 0x1F00)) if ch.islower())

# Verbs that attribute words to a speaker (longest first when matching).
SPEECH_VERBS = (
    "nói",
    "cho biết",
    "khẳng định",
    "nhấn mạnh",
    "phát biểu",
    "nhận định",
    "nhận xét",
    "chia sẻ",
    "cho hay",
    "đặt vấn đề",
    "yêu cầu",
    "đề nghị",
    "bày tỏ",
    "thông tin",
    "lưu ý",
    "nêu rõ",
    "nêu",
    "cho rằng",
    "giải thích",
    "trả lời",
    "thừa nhận",
    "tâm sự",
    "kể",
    "phân tích",
    "đánh giá",
    "khuyến cáo",
    "kiến nghị",
    "cam kết",
    "tuyên bố",
    "chỉ rõ",
    "chỉ đạo",
    "nhắc lại",
    "nhắc nhở",
    "hỏi",
    "bình luận",
    "lý giải",
    "thông báo",
    "khuyên",
    "kêu gọi",
    "bộc bạch",
    "tiết lộ",
    "viết",
    "dự báo",
    "quả quyết",
    "đề xuất",
    "gợi ý",
    "trao đổi",
    "ghi nhận",
    "nhận thấy",
    "nhìn nhận",
    "chỉ ra",
    "đưa ra quan điểm",
    "khẳng định lại",
    "nhấn mạnh lại",
    "phát biểu tại",
    "kết luận",
    "thẳng thắn",
    "trình bày",
    "mong muốn",
    "mong",
    "hoan nghênh",
    "biểu dương",
    "ví von",
    "gọi",
    "bức xúc",
    "than thở",
    "phân trần",
    "khoe",
    "nhớ lại",
    "thổ lộ",
    "trăn trở",
    "băn khoăn",
    "lo ngại",
    "phản bác",
    "phản hồi",
    "xác nhận",
    "trấn an",
    "lên tiếng",
    "dặn dò",
    "dự đoán",
    "ước tính",
    "giới thiệu",
    "cảnh báo",
    "nhận định thêm",
    "chia sẻ thêm",
    "cho biết thêm",
    "nói thêm",
    "khuyến nghị",
    "thông tin thêm",
    "tâm đắc",
    "kể lại",
    "giãi bày",
    "đánh giá cao",
    "bảo",
    "đáp",
    "hô",
    "thốt lên",
    "hỏi lại",
    "nhắn nhủ",
    "gửi gắm",
    "từ chối",
    "bổ sung",
    "đề cập",
    "đe dọa",
    "đe doạ",
    "cảnh cáo",
    "đặt câu hỏi",
    "chỉ trích",
    "bác bỏ",
    "phủ nhận",
    "cáo buộc",
    "lên án",
    "tố cáo",
    "khen ngợi",
    "hứa",
)
# Attribution verbs for reported speech without quote marks ("X cho biết, …").
REPORTING_VERBS = (
    "cho biết",
    "khẳng định",
    "nhấn mạnh",
    "nhận định",
    "cho rằng",
    "cho hay",
    "nêu rõ",
    "thông tin",
    "nhận xét",
    "chia sẻ",
    "lưu ý",
    "đánh giá",
)

# Words that open a title or role (before a name, or as an appositive after it).
ROLE_HEADS = tuple(
    sorted(
        """thủ tướng|phó thủ tướng|phó tổng thống|bộ trưởng|thứ trưởng|chủ tịch|phó chủ tịch|
        tổng bí thư|bí thư|phó bí thư|ủy viên|uỷ viên|trưởng ban|phó trưởng ban|tổng biên tập|
        phó tổng biên tập|tổng giám đốc|phó tổng giám đốc|giám đốc|phó giám đốc|cục trưởng|
        phó cục trưởng|vụ trưởng|phó vụ trưởng|viện trưởng|phó viện trưởng|chánh văn phòng|
        phó chánh văn phòng|người phát ngôn|phát ngôn viên|chuyên gia|nhà báo|luật sư|
        đại biểu|đại sứ|tổng thư ký|chủ nhiệm|phó chủ nhiệm|trưởng phòng|phó trưởng phòng|
        thường trực|chánh án|tổng cục trưởng|phó tổng cục trưởng|tổng thống|thống đốc|
        phó thống đốc|nhà sáng lập|đồng sáng lập|người sáng lập|giáo sư|phó giáo sư|tiến sĩ|
        thạc sĩ|bác sĩ|kỹ sư|gs|pgs|ts|ths|đại tướng|thượng tướng|trung tướng|thiếu tướng|
        đại tá|thượng tá|trung tá|thiếu tá|trưởng đại diện|đại diện|lãnh đạo|hiệu trưởng|
        nhà nghiên cứu|nghiên cứu viên|nhà kinh tế|kinh tế gia|chuyên viên|trưởng nhóm|
        người đứng đầu|tư lệnh|chính ủy|trưởng khoa|chủ doanh nghiệp|doanh nhân|ceo|cto|
        cfo|founder|trưởng bộ phận|phó trưởng|trưởng|phó|chủ tịch nước|chủ tịch quốc hội|
        tổng kiểm toán|tổng thanh tra|phó tổng thanh tra|bí thư thành ủy|bí thư tỉnh ủy|
        nguyên bộ trưởng|nguyên thủ tướng|ngoại trưởng|nguyên chủ tịch|cựu bộ trưởng|trưởng đoàn|
        tổng lãnh sự|đặc phái viên|điều phối viên|nhà phân tích|quản lý|giảng viên|
        quan chức|giới chức|nhà chức trách|nguồn tin|một nguồn tin|giáo viên|cô giáo|thầy giáo|
        học sinh|sinh viên|thí sinh|người dân|bệnh nhân|btv|blv|đb|đbqh|mc|bình luận viên|
        nông dân|tiểu thương|cán bộ|công nhân|nhân viên|
        khách hàng|người mua|người tiêu dùng|chủ đại lý|chủ cửa hàng|chủ quán|chủ đầu tư|
        huấn luyện viên|hlv|cầu thủ|ca sĩ|diễn viên|nghệ sĩ|nhà văn|nhà thơ|tác giả|
        trung tâm trưởng|chủ nhiệm ủy ban|phó chủ nhiệm ủy ban|điều tra viên|kiểm sát viên|
        thẩm phán|phóng viên|biên tập viên|nhà đầu tư|doanh nghiệp|giám sát viên|kiểm toán viên|
        hiệu phó|bí thư chi bộ|trưởng thôn|trưởng bản|già làng|người đại diện|đại úy|thượng úy|
        trung úy|thiếu úy|chỉ huy trưởng|chính trị viên|chủ tịch hđqt|thành viên hđqt|
        chủ tịch ubnd|phó chủ tịch ubnd|trung sĩ|trung sỹ|thượng sĩ|thượng sỹ|hạ sĩ|hạ sỹ|
        binh nhất|binh nhì|thủ môn|tiền đạo|tiền vệ|hậu vệ|đội trưởng|người dùng|tài xế|tài khoản|
        nhân chứng|thợ|chủ nhà|thuê bao|bs|bác sỹ|kts|nsưt|nsnd|ngưt|thư ký|cục phó|vụ phó|
        viện phó|chi cục trưởng|chi cục phó|phó phòng|nghị sĩ|thượng nghị sĩ|hạ nghị sĩ|
        thị trưởng|người mẫu|vận động viên|tay vợt|võ sĩ|danh thủ|cố vấn|facebooker|
        blogger|youtuber|võ sư|thiền sư|nhà sư|sư thầy|linh mục|mục sư|đạo diễn|nhạc sĩ|nhạc sỹ|
        họa sĩ|hoạ sĩ|nhiếp ảnh gia|kiến trúc sư|dược sĩ|dược sỹ|y tá|điều dưỡng|trọng tài|
        chủ tọa|chủ toạ|hoa hậu|á hậu|siêu mẫu|danh hài|nghệ sỹ|ca sỹ|nhà thiết kế|nhà khoa học|
        nhà sản xuất|chiến sĩ|chiến sỹ|ngư dân|thuyền trưởng|phi công|tiếp viên|kỹ thuật viên|
        học viên|du khách|hành khách|người lao động|chủ tiệm|chủ hộ|chủ xe|chủ nhà hàng|
        chủ trang trại|chủ vườn|chủ tàu|chủ sạp|chủ cơ sở|người bán hàng|thương lái|
        người hâm mộ|cổ động viên|cựu chiến binh|công tố viên|bị cáo|bị hại|nạn nhân|
        giám thị|quản giáo|kiểm lâm|người đi đường|nhân chứng|tài tử|người bạn|cậu bạn|
        cô bạn|anh bạn|người hàng xóm|người đồng nghiệp""".split("|"),
        key=len,
        reverse=True,
    )
)
ROLE_HEADS = tuple(h.strip() for h in ROLE_HEADS if h.strip())
# Degrees written before a name ("PGS.TS Mai Văn Trinh"): a role, but not the one that says
# in what capacity someone speaks.
_ACADEMIC = frozenset("gs pgs ts ths gs.ts pgs.ts ts.bs bs ks giáo sư tiến sĩ thạc sĩ".split())
_ACADEMIC_PART_RE = re.compile(r"[.\s]+")


def _is_academic(title: str) -> bool:
    """'PGS.TS', 'Ths.BS', 'tiến sĩ': degrees only."""
    low = title.lower()
    return low in _ACADEMIC or all(part in _ACADEMIC for part in _ACADEMIC_PART_RE.split(low))


# Polite forms of address before a name; they are not roles.
HONORIFICS = ("đồng chí", "ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cụ", "ngài")
_HONORIFICS_LONGEST_FIRST = sorted(HONORIFICS, key=len, reverse=True)
_LOWER_ROLE_END_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(h) for h in ROLE_HEADS if h.islower() and " " in h) + r") $"
)
# A form of address in lower case; capitalised only where a sentence starts ("Anh Quốc" is
# a country, "Ông Sơn" after a full stop is Mr Sơn).
_HONORIFIC_END_RE = re.compile(
    r"(?:(?<!\w)("
    + "|".join(_HONORIFICS_LONGEST_FIRST)
    + r")"
    + r"|(?:^|(?<=[.!?:;\"“”(\-–—] ))("
    + "|".join(h.capitalize() for h in _HONORIFICS_LONGEST_FIRST)
    + r")) $"
)
# Abbreviated titles before a name: "HLV Hữu Thắng", "PGS.TS Mai Văn Trinh".
_TITLE_ABBR_END_RE = re.compile(
    r"(?<!\w)(?:HLV|CEO|KTS|NSƯT|NSND|NGƯT|BS|PGS|GS|TS|ThS|Ths|Th\.S|BTV|BLV|ĐB|ĐBQH|MC)\.? $"
)
PRONOUN_PHRASES = (
    "ông",
    "bà",
    "anh",
    "chị",
    "đồng chí",
    "ông ấy",
    "bà ấy",
    "anh ấy",
    "chị ấy",
    "vị này",
    "người này",
    "ông này",
    "bà này",
    "vị lãnh đạo này",
    "người đứng đầu này",
)
# Common Vietnamese family names: a capitalised sequence starting with one is a person's name.
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn
    Vương Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Lưu Cao Đinh Lương Thái Châu Quách Hứa Kiều
    Tăng Đàm Lại Chu Nghiêm Giang Khúc Doãn Triệu Tôn Âu Thân Lạc Mạc Bạch Từ Vi Đồng La
    Lò Quàng Hầu Khổng Ninh Văn Phí Thạch Tiêu Yên Diệp Ưng Kim Lã Lưu Mẫn Khương
    Lục Tập Ôn Tưởng Thào Giàng Sùng Uông Kha Mã Hàn Lữ Thiều Cù Nông Bế Hoa Chế Trình
    Quản Giáp Viên Nhữ Mùa Tòng Đèo Cầm Lường Nhan Cấn""".split()
)
# Words before a capitalised sequence that make it a place or an organisation, not a person.
# First words of organisations: "giám đốc Sở …" names an office, not a person.
# Countries written as one word: before a foreign name they are no part of it ("Ngoại
# trưởng Qatar Mohammed …").
_COUNTRIES = frozenset(
    """Mỹ Nga Anh Pháp Đức Nhật Hàn Ấn Úc Việt Lào Campuchia Thái Singapore Iran Israel Ý
    Canada Brazil Philippines Indonesia Malaysia Myanmar Triều Qatar Syria Iraq Ukraine
    Ucraina Mexico Argentina Chile Venezuela Cuba Pakistan Afghanistan Bangladesh Nepal
    Kazakhstan Belarus Hungary Áo Bỉ Séc Jordan Lebanon Libya Kuwait Nigeria Kenya Ethiopia
    Colombia Peru Brunei Australia Italy Italia Germany France Japan China Korea India Spain
    Bhutan Maldives Timor Oman Yemen Bahrain UAE Saudi Palestine Síp Cyprus Malta Bulgaria
    Romania Rumani Serbia Croatia Slovenia Slovakia Bosnia Albania Macedonia Montenegro Kosovo
    Moldova Litva Lithuania Latvia Estonia Finland Sweden Norway Denmark Iceland Ireland
    Scotland Wales Netherlands Belgium Luxembourg Switzerland Liechtenstein Monaco Andorra
    Portugal Poland Czech Gruzia Armenia Azerbaijan Uzbekistan Turkmenistan Tajikistan
    Kyrgyzstan Mongolia Algeria Morocco Maroc Tunisia Sudan Somalia Egypt Ghana Senegal Mali
    Niger Cameroon Congo Angola Zambia Zimbabwe Uganda Tanzania Rwanda Mozambique Madagascar
    Namibia Botswana Eritrea Djibouti Gabon Liberia Guinea Ecuador Bolivia Paraguay Uruguay
    Guatemala Honduras Salvador Nicaragua Panama Jamaica Haiti Bahamas Fiji Samoa Tonga
    Kiribati Vanuatu Turkey Greece Austria Ukraina Russia Vatican""".split()
)
_ORG_WORDS = (
    frozenset(
        """Bộ Sở Cục Tổng Ban Viện Hội Công Tập Ngân Trường Báo Đài Ủy Uỷ Tỉnh Thành Quận Huyện
    Trung Học Vụ Phòng Văn Liên Hiệp Quỹ Tòa Toà Nhà Chi Khoa Bệnh Đảng Quốc Chính Cảng Tạp
    Nhóm Câu Đội Hãng Trạm Kho Xí Nông Lâm Hợp Ngành Khu Cụm Sàn Đoàn Sư Lữ Tiểu
    Châu Nhà Hà Hồ Sông Tờ Kênh Trang Theo Tạp Phía""".split()
    )
    | _COUNTRIES
)
_NOT_PERSON_BEFORE = frozenset(
    """tp tp. thành phố tỉnh huyện quận xã phường thị xã thị trấn đường phố sông núi
    trường bệnh viện công ty tập đoàn báo đài hãng ngân hàng tại ở từ đến""".split()
)

# Places whose names start like a family name ("Hà Nội" is not a Ms Hà).
PLACES = frozenset(
    """Hà Nội|Hà Giang|Hà Nam|Hà Tĩnh|Hà Đông|Lâm Đồng|Cao Bằng|Thái Bình|Thái Nguyên|
    Hoàng Sa|Hồ Gươm|Bạch Long Vĩ|Lý Sơn|Phú Quốc|Vũng Tàu|Đồng Nai|Đồng Tháp|Mai Châu|
    Tô Lịch|Hồ Tây|Giang Nam|Hà Lan|Triều Tiên|Lào Cai|Châu Á|Châu Âu|Châu Phi|Châu Mỹ|
    Châu Đốc|Kim Bôi|Đồng Văn|Đồng Hới|Đồng Xoài|Bà Rịa|Bà Đen|Bà Chiểu|Ninh Bình|
    Ninh Thuận|Yên Bái|Cao Lãnh|Anh Quốc|Hà Tiên|Hồ Gươm|Lâm Hà|Mai Sơn|Kim Sơn|Đồng Hỷ|
    Hoàng Mai|Hoàng Liên Sơn|Phan Thiết|Phan Rang|Giang Thành|Lý Nhân|Văn Giang|
    Trung Quốc|Hàn Quốc|Nhật Bản|Thái Lan|Đài Loan|Hồng Kông|Ấn Độ|Tây Ban Nha|Bồ Đào Nha|
    Thổ Nhĩ Kỳ|Hoa Kỳ|Việt Nam|Đông Nam Á|Trung Đông|Bắc Kinh|Thượng Hải|Mỹ Tho|Ả Rập|
    Hy Lạp|Phần Lan|Thụy Điển|Thụy Sĩ|Thụy Sỹ|Na Uy|Đan Mạch|Ai Cập|Nam Phi|Mông Cổ|Sri Lanka|
    New Zealand|Ba Lan|Nam Sudan|Bờ Biển Ngà|Lầu Năm Góc|Nhà Trắng""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"
_STRAIGHT = '"'
_PAREN_RE = re.compile(r"\([^()]*\)")
_MARK_RE = re.compile("[“”«»\"‘’']")
# Single curly quotes quote a heading now and then ("‘Đây là đội mạnh nhất’ HLV X đánh giá");
# "’" is also an apostrophe, so a single quote only counts inside one paragraph.
_SINGLE = "single"
_SINGLE_OPENS_AFTER = " ([—–-:•"
_MAX_CARRY = 4  # paragraphs an unclosed quote may run on for before it is given up
_LOOKBACK = 200  # mentions searched back for a pronoun's or a role's person


def _alternation(words: tuple[str, ...]) -> str:
    """The words as alternatives, longest first, grouped by their first character: the
    engine then tries at each position only the words that start with its character (a
    flat list of some hundred words, tried one after the other, made the searches of these
    patterns the slowest of all). The same matches, in the same order of preference: a
    character starts the words of one group only, with or without re.IGNORECASE (else
    the list stays flat)."""
    ordered = sorted(set(words), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[:1], []).append(word[1:])
    firsts = list(groups)
    if "" in groups or any(
        re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in firsts for b in firsts if a != b
    ):
        return "|".join(re.escape(w) for w in ordered)
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in tails) + ")"
        for first, tails in groups.items()
    )


# Case-sensitive on purpose: verbs are lower-case in running text, while "Thông tin" in
# "Bộ Thông tin và Truyền thông" is part of a name.
# Words that make a short verb part of another word: "bảo đảm", "đáp ứng", "kể cả".
_NOT_SPEECH_AFTER = {
    "bảo": "đảm|vệ|hiểm|tồn|quản|mật|dưỡng|hành|lãnh|trợ|an|toàn|lưu|hộ|chứng|tàng",
    "đáp": "ứng",
    "hô": "hấp|hào|hoán|biến",
    "kể": "cả|từ|trên",
    "viết": "bài|tắt|sai",
    "hỏi": "han|thăm",
    "nêu": "gương",
}
# … and before it: "dấu hỏi", "đòi hỏi", "lời nói", "bài viết".
_NOT_SPEECH_BEFORE = {
    "hỏi": ("dấu", "câu", "đòi", "học"),
    "nói": ("lời", "câu"),
    "viết": ("bài", "cây"),
    "kể": ("đáng",),
    # "an toàn thông tin", "công nghệ thông tin": a noun, often inside an office's name.
    "thông tin": (
        "các",
        "những",
        "toàn",
        "nghệ",
        "thống",
        "ninh",
        "cổng",
        "trang",
        "mật",
        "tâm",
        "nguồn",
        "kênh",
    ),
    # "X bị tố cáo rằng …", "Y được khen ngợi": X and Y are who is spoken of
    **{
        verb: ("bị", "được", "sự", "lời")
        for verb in ("chỉ trích", "cáo buộc", "lên án", "tố cáo", "khen ngợi", "bác bỏ", "phủ nhận")
    },
}


_COLON_SPEECH = "nói|phát biểu|trả lời|bày tỏ|tâm sự|kể|viết"


def _verb_pattern(verb: str) -> str:
    before = "".join(f"(?<!{re.escape(w)} )" for w in _NOT_SPEECH_BEFORE.get(verb, ()))
    after = rf"(?! (?:{_NOT_SPEECH_AFTER[verb]})(?!\w))" if verb in _NOT_SPEECH_AFTER else ""
    return before + re.escape(verb) + after


_VERB_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(_verb_pattern(v) for v in sorted(set(SPEECH_VERBS), key=len, reverse=True))
    + r")(?!\w)"
)
_REPORTING_RE = re.compile(
    rf"(?<!\w)(?:cũng\s+|đã\s+)?(?P<verb>{_alternation(REPORTING_VERBS)})(?:\s+thêm)?\s*"
    r"(?:,|\s+rằng\b|:)\s*"
    # "X cho biết dự án …": these three take a clause with no comma before it.
    rf"|(?<!\w)(?:cũng\s+|đã\s+)?(?P<bare>cho biết|cho hay|cho rằng)\s+(?=[{_LOWER}])"
    # "Đại biểu X nói: Cử tri ghi nhận …": words said after a colon, with no quote marks.
    rf"|(?<!\w)(?:{_COLON_SPEECH})\s*:\s*(?=[{_UPPER}])",
)
# "Theo anh X (sinh năm 1984), nằm tại khoa Nội 1: Hơn 100 nhân viên …": X's words.
_THEO_COLON_RE = re.compile(rf"\s*[Tt]heo\s+(?P<who>[^:;]{{2,120}}?):\s*(?=[{_UPPER}])")
_ROLE_HEAD_RE = re.compile(rf"(?<!\w)(?:{_alternation(ROLE_HEADS)})(?!\w)", re.IGNORECASE)
# Words that say who speaks when nobody is named ("bố anh ấy", "báo chí Pháp", "nhóm nghiên
# cứu"), but that are never someone's title: "vợ ông X" is X's wife, not X.
RELATION_HEADS = tuple(
    """bố|mẹ|cha|vợ|chồng|con trai|con gái|anh trai|em trai|chị gái|em gái|người yêu|
    bạn trai|bạn gái|ông nội|bà nội|ông ngoại|bà ngoại|bố đẻ|mẹ đẻ|người vợ|người chồng|
    vợ chồng|người nhà|người thân|phụ huynh|bố mẹ|cha mẹ|tình cũ|người tình|người yêu cũ|
    bạn gái cũ|bạn trai cũ|vợ cũ|chồng cũ|bạn thân|hàng xóm|em gái|anh rể|chị dâu|con dâu|
    con rể|mẹ chồng|mẹ vợ|bố chồng|bố vợ""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_UNNAMED_HEADS = (
    # children the text does not name: "Cháu bé nói", "cậu bé kể"
    "cháu bé",
    "cậu bé",
    "cô bé",
    "bé gái",
    "bé trai",
    "báo chí",
    "giới truyền thông",
    "nhóm nghiên cứu",
    "nhóm tác giả",
    "bộ phận",
    "phía",  # "Phía Facebook cho biết": the company's side, no one's name
    # a force or a body in lower case: "cảnh sát London viết trong một thông cáo"
    "cảnh sát",
    "công an",
    "chính quyền",
    "truyền thông",
    # a body's written words: "công văn của UBND thành phố nêu rõ"
    "công văn",
    "thông cáo",
    "văn bản",
    "tờ trình",
    "báo cáo",
    "bản tin",
)
_RELATION_RE = re.compile(rf"(?<!\w)(?:{_alternation(RELATION_HEADS)})(?!\w)", re.IGNORECASE)
# Whoever may speak without a name: a role, a relation, a group.
_SPEAKER_HEAD_RE = re.compile(
    rf"(?<!\w)(?:{_alternation(ROLE_HEADS + RELATION_HEADS + _UNNAMED_HEADS)})(?!\w)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w+")
# Verbs and function words that end a role phrase ("Giám đốc Viettel Post | nhận định").
_ROLE_STOP_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(_verb_pattern(v) for v in sorted(set(SPEECH_VERBS), key=len, reverse=True))
    + r"|trao|tặng|dự(?! án| thảo| báo| kiến| toán| trữ| phòng)|tham dự|chủ trì|thăm|làm việc|tiếp"
    r"|chúc mừng|gửi|(?<![Tt]hư )ký|đã|đang|sẽ|vừa|cũng|là|khi|tại|trong|về|với|cho|được|bị|có|"
    r"thay mặt|phát biểu|trình bày|thì|Ảnh|thị sát|khảo sát"
    # "Bộ trưởng Bộ Quốc phòng kiểm tra, đôn đốc …" (not "Ủy ban kiểm tra Tỉnh ủy")
    r"|kiểm tra(?! [A-ZĐ]| trung ương| tỉnh| thành| huyện| quận))(?!\w)",
)


# Patterns used in the loops below, compiled once.
_FINAL_CONSONANT_RE = re.compile(r"(?:c|ch|m|n|ng|nh|p|t)$")
_CONSONANT_PAIR_RE = re.compile(r"[bcdghklmnpqrstvx]{2}")
_SENTENCE_BREAK_RE = re.compile(r"[.;:!?]")
# Where a role phrase ends (not at a full stop inside a word: "Sở Y tế TP.HCM").
_ROLE_END_RE = re.compile(r"[,;!?“”\"]|\.(?!\w)")
_APPOSITIVE_SEP_RE = re.compile(r"\s*,\s*|\s+[–—-]\s+")
_LEADING_LINK_RE = re.compile(r"^(?:và|còn|theo|nhưng|tuy nhiên|đồng thời|bởi|vì)\s+", re.I)
_TRAILING_ADVERB_RE = re.compile(r"\s+(?:cũng|đã|thì|lại|còn|vẫn|từng|đều|có)$", re.I)
_SEMICOLON_RE = re.compile(r"[;:]")
_AFTER_COMMA_RE = re.compile(r"[,–—-]\s*([^.!?;\"“”]*)")
_AFTER_STOP_RE = re.compile(r"\.?\s*([^.!?;\"“”]{1,120})[.!?]")
_AFTER_LOWER_RE = re.compile(r"([^.!?;:,\"“”]{1,160})(?:[.!?;]|$)")
_SPEAKER_REACH = 300
# Characters after a closing mark that its attribution may take.
_AFTER_REACH = 400
_HEADING_AFTER_RE = re.compile(r"([^.!?;\"“”]{1,300})")
_LAST_SENTENCE_RE = re.compile(r"[.!?…]\s")
# (The full stop first, the look-behind after it: the engine skips from one full stop to the next.)
_INNER_DOT_RE = re.compile(r"\.(?<=\w\.)(?=\w)")
_DOT_BEFORE_LOWER_RE = re.compile(rf"\.(?<=\b[{_UPPER}]\.)(?= [{_LOWER}])")
_THAT_END_RE = re.compile(r"\s(?:rằng|là)$")
_THEO_RE = re.compile(r"(?:^|,\s*)[Tt]heo\s+(?P<who>[^,]{2,80})$")


# "báo A dẫn lời ông X", "như lời ông X": the words after these name the speaker.
_UNNAMED_PERSON_RE = re.compile(r"(?:một\s+)?người\s+\w")
_SHORT_QUOTED_RE = re.compile(r"(?<=\w )[“\"][^“”\"]{1,30}[”\"]")
_SOURCE_ROLE_RE = re.compile(r"(?i:một\s+)?nguồn tin\b")
# A child the text introduces with no name, and the pronouns that may stand for them (adults
# so introduced are too often named right after, or another unnamed adult speaks).
_SOMEONE_UNNAMED_RE = re.compile(
    r"(?<!\w)(?:[Mm]ột|1)\s+(cậu bé|cô bé|cháu bé|bé gái|bé trai)(?!\w)"
)
_PRONOUN_OF_UNNAMED = {
    "cậu": ("cậu bé", "bé trai"),
    "cháu": ("cháu bé", "cậu bé", "cô bé", "bé gái", "bé trai"),
    "cô": ("cô bé", "bé gái"),
    "em": ("cháu bé", "cậu bé", "cô bé", "bé gái", "bé trai"),
}
# "HLV người Khánh Hòa", "tiền vệ gốc Brazil": where someone comes from, after a role
_ORIGIN_RE = re.compile(rf"\s+(?:người|gốc|quê)\s+(?=[{_UPPER}])")
# "Theo ông Hoài việc …": "according to" a person named with a form of address, no comma
# A clause that opens with a verb of saying: the occasion, not the speaker ("Phát biểu sau
# trận đấu, …", "Trả lời phóng viên, …").
_VERB_AT_START_RE = re.compile(r"^\s*(?:Phát biểu|Trả lời|Chia sẻ|Nói|Trao đổi)\b")
_THEO_PERSON_RE = re.compile(
    r"^\s*[Tt]heo\s+(?:(?:quan điểm|ý kiến|nhận định|đánh giá)\s+của\s+)?"
    rf"(?P<who>(?:ông|bà|anh|chị|TS|PGS|GS)\.?\s+[{_UPPER}]\w*(?:\s+[{_UPPER}]\w*){{0,3}})"
)
_THEO_AFTER_RE = re.compile(r"theo\s+(?P<who>[^;:,]{2,80})")
_QUOTED_END_RE = re.compile(r"(?<!\w)(?:dẫn|trích)\s+lời\s+(?P<who>[^;:]{2,120})$")
_QUOTING_RE = re.compile(r"(?<!\w)(?:(?:dẫn|trích|theo|như)\s+lời|lời của)\s+")
# What may stand between a name and its verb and still say who the person is.
# (and where the person lives: "bà Lan sống ở đây bức xúc", "anh Tú, ngụ tại quận 3")
_MODIFIER_RE = re.compile(
    r"\s+(?:của|thuộc|đến từ|ở|tại|sống ở|sống tại|ngụ ở|ngụ tại|trú ở|trú tại|quê ở|ngụ|trú)\s+\S"
)
# Articles before an unnamed speaker: "một người dân", "các chuyên gia".
_ARTICLE_RE = re.compile(r"(?:một số|một|những|các|nhiều|vài)\s+", re.IGNORECASE)
# Words for someone the text describes but does not name ("một người già", "một chị bán rau").
_SOMEONE_RE = re.compile(
    r"(?:người|cụ|ông|bà|anh|chị|cô|chú|em|cậu|thanh niên|phụ nữ|đàn ông|cô gái|chàng trai|"
    r"cụ ông|cụ bà|bạn)(?!\w)",
    re.IGNORECASE,
)
# How far back (characters) "người dùng này" may point at the person named last.
_JUST_NAMED = 400
_JUST_SAID = 1500  # "học sinh này" may be the one quoted this far back
_OF_RE = re.compile(r"\s+của\s+")
_RELATION_END_RE = re.compile(rf"(?<!\w)(?:{_alternation(RELATION_HEADS)})$", re.IGNORECASE)
# A title that gives a speaker and the gist: "Bộ trưởng Nguyễn Văn A: Sẽ …".
_HEADLINE_RE = re.compile(
    r"(?P<who>[^:“”\"]{2,80}?):\s+(?P<mark>)(?P<said>[^:“”\"]{8,}?)[.!?…]*\s*$"
)
# Two or three capitalised words and nothing else: a name the family-name list may not know.
_BARE_NAME_RE = re.compile(r"[A-ZĐÀ-Ỹ][^\W\d_]*(?: [A-ZĐÀ-Ỹ][^\W\d_]*){1,2}")
_NOT_SPEAKER_WORDS = frozenset(
    "Ảnh Video Clip Nguồn Tin Bản Góc Infographic Chủ Phần Kỳ Tập Số Thời Điểm Hội".split()
)


def _bare_name(who: str) -> bool:
    return (
        _BARE_NAME_RE.fullmatch(who) is not None
        and who not in PLACES
        and who.split()[0] not in _NOT_SPEAKER_WORDS
        and not _ROLE_HEAD_RE.match(who)
    )


# `Bộ trưởng X: “…”`: the whole statement in quote marks (not `X: 'Bão ngầm' trước …`).
_HEADLINE_QUOTED_RE = re.compile(
    r"(?P<who>[^:“”\"]{2,80}?):\s+(?P<mark>[“\"‘'])(?P<said>[^:“”\"‘’']{8,}?)[.!?…]*[”\"’']"
    r"[.!?…]*\s*$"
)
# Where a sentence names the source of the quoted words before them: "theo X", "như lời X".
_SOURCE_RE = re.compile(r"(?<!\w)(?:[Tt]heo lời|[Nn]hư lời|[Dd]ẫn lời|[Tt]heo)\s+")
_SOURCE_END_RE = re.compile(r",|\s(?:là|thì|rằng|đã|đang|sẽ|cũng|vẫn|khi|nên)(?!\w)")
# Words after which a quoted span is a term, a title or a comparison, not someone's words.
_TERM_BEFORE_RE = re.compile(
    r"(?<!\w)(?:quy định|cụm từ|khái niệm|tên gọi|thuật ngữ|cái tên|danh hiệu|khẩu hiệu|"
    r"chương trình|chiến dịch|phong trào|cuộc thi|giải thưởng|chủ đề|mô hình|điều khoản|"
    r"như một|mệnh danh là|cái gọi là|chính sách|nguyên tắc|học thuyết|chiến lược|đề án|"
    r"bộ phim|ca khúc|bài hát|cuốn sách|biệt danh|nghệ danh|tựa đề|tiêu đề|dòng chữ|"
    r"hashtag|từ khóa|từ khoá|"
    # a kind, a letter or a document's subject: "các loại “đặc sản Đà Lạt”", "về việc
    # “tổ chức tuần tra …”"
    r"loại|kiểu|về việc|chữ)\s*$"
)
# How a speaker may come to a colon without a speech verb: "Một người dân lo lắng: “…”".
MANNER_VERBS = (
    "lo lắng|lo|bức xúc|ngậm ngùi|xúc động|phấn khởi|vui mừng|mừng|vui vẻ|hào hứng|hồ hởi|"
    "cười|mỉm cười|tươi cười|khóc|nghẹn ngào|rưng rưng|thở dài|than|lắc đầu|gật đầu|lớn giọng|"
    "quát|hét|thắc mắc|tự hào|trầm ngâm|tiếp lời|nói tiếp|đáp lời|buồn bã|buồn rầu|bồi hồi|"
    "hớn hở|phấn chấn|ái ngại|chua chát|bực bội|bực tức|phàn nàn|than phiền|ca thán|"
    "thành thật|thật thà|kể tiếp|nhớ lại"
).split("|")
# How the words were said, between the verb and the words: "trả lời đầy cương quyết “…”".
_MANNER_TAIL = r"(?:\s+(?:đầy|một cách|rất)\s+\w+(?:\s+\w+)?)?"
# Verbs of saying that may come right before the words with no colon ("ông bảo “…”").
_SAYS_END_RE = re.compile(
    r"(?<!\w)(?:nói|bảo|hỏi|đáp|kể|hét|quát|than|hô|thốt lên|nhắc|dặn|"
    # "Chủ tịch X có viết “…”" (not "bài viết “…”", "cuộc thi viết “…”": titles)
    r"(?<!bài )(?<!thi )(?<!tải )(?<!đoạn )viết|"
    + _alternation(tuple(MANNER_VERBS))
    + r")(?:\s+(?:lại|tiếp|thêm))?"
    + _MANNER_TAIL
    + "$"
)
# "Ông X khẳng định “Dự án sẽ xong trong năm nay”.": the colon left out (the words must end
# the sentence: "X tuyên bố “Dòng chảy phương Bắc 2” không …" names a pipeline).
_REPORTS_END_RE = re.compile(
    r"(?<!\w)(?:cho biết|cho hay|khẳng định|nhấn mạnh|chia sẻ|tuyên bố|thừa nhận|tâm sự|bày tỏ|"
    r"trả lời)(?:\s+(?:lại|tiếp|thêm))?" + _MANNER_TAIL + "$"
)
_MANNER_RE = re.compile(rf"(?<!\w)(?:{_alternation(tuple(MANNER_VERBS))})(?!\w)")
_MANNER_END_RE = re.compile(rf"(?<!\w)(?:{_alternation(tuple(MANNER_VERBS))})\s*$")
# A role phrase with no name ("lãnh đạo Ban quản lý dự án …") is at most this long.
_MAX_ROLE_WORDS = 24
# Office words that also start given names written without the family name ("Công Phượng").
_GIVEN_NOT_OFFICE = frozenset({"Công", "Văn", "Trang", "Thành", "Trường"})
# Capitalised words that start a sentence without naming anyone: pronouns, forms of address.
_NOT_A_NAME = frozenset(
    """Họ Tôi Chúng Mình Nó Người Ai Đây Đó Này Ông Bà Anh Chị Em Cô Chú Bác Cụ Cháu Con
    Cậu Ngài Bạn Các Những Một Mọi Nhiều Ngoài Sau Trước Theo Khi Nhưng Và Còn Cũng""".split()
)
# "em trai của anh ấy là Austin": a description, then the name.
# ... or "Nhân chứng có tên Daniel", "một cô gái tên Lan": a description, named.
_DESCRIBED_RE = re.compile(
    rf"(?P<role>[{_UPPER}{_LOWER}][^,:;]{{1,60}}?) (?:là|có tên là|có tên|tên là|tên) "
    rf"(?P<name>[{_UPPER}][{_LOWER}]+(?: [{_UPPER}][{_LOWER}]+){{0,3}})"
)
# Named bodies that speak: "Nhà Trắng cho biết", "Bộ Y tế khẳng định", "VNPT cho hay".
_BODY_RE = re.compile(
    r"(?:Nhà Trắng|Điện Kremlin|Lầu Năm Góc|Kiểm toán Nhà nước|Quốc hội|Chính phủ"
    r"|(?:Bộ|Sở|Cục|Tổng cục|Ủy ban|Uỷ ban|Ban|Viện|Hội|Hiệp hội|Liên đoàn|Tòa án|Toà án"
    r"|Công an|Công ty|Tập đoàn|Ngân hàng|Trung tâm|Bệnh viện|Trường"
    r"|Văn phòng|Thanh tra|UBND|HĐND)(?= )"
    rf"|(?:Báo|Tờ|Đài|Hãng) [{_UPPER}]"
    rf"|[A-ZĐ][A-ZĐ0-9&]+(?: [{_UPPER}][\w&]*)*$)"
)

# --- the registry of people ---------------------------------------------------------------


# An office and its organisation may take this many words ("Giám đốc Trung tâm Quản lý và
# điều hành giao thông đô thị Hà Nội"); past `_SHORT_ROLE_WORDS`, none of a clause's words.
_MAX_KEPT_ROLE_WORDS = 20
_SHORT_ROLE_WORDS = 3
# (Function words only: a role may say "doanh nghiệp này", "người dùng", "đến từ Hà Nội".)
_CLAUSE_WORD_RE = re.compile(
    r"(?<!\w)(?:nhưng|mà|rồi|thì|nên|vì|nếu|khi|sau|trước|chưa|đều|rất|những|"
    # "không" but "không quân", "hàng không"
    r"(?<![Hh]àng )không(?! quân| gian| khí| lưu)|"
    r"lúc|nay|hôm|ngày|tháng|đầy|hơn|bằng|như|phải|để|đem|cần|hãy|vẫn|luôn|đi|ra|vào|lên|"
    # "đến", "từ" but "chuyên gia đến từ Again Capital"
    r"xuống|đến(?! từ)|(?<!đến )từ)(?!\w)"
)


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    # "m" or "f" when the text addresses the person as "ông"/"anh" or "bà"/"chị"/"cô"
    gender: str = ""

    def add_role(self, role: str) -> None:
        role = role.strip(" ,.;:-–—")
        n_words = len(role.split())
        if not role or n_words > _MAX_KEPT_ROLE_WORDS:
            return
        if n_words > _SHORT_ROLE_WORDS and _CLAUSE_WORD_RE.search(role):
            return  # "Phó Ban quản lý đền thờ … phải liên tục dùng micro": a clause
        if self.name in role:
            return  # a caption run into a title: "Bí thư X Nguyễn Văn A Bí thư X"
        low = role.lower()
        if low in HONORIFICS or ((_is_academic(low) or role.isupper()) and self.roles):
            return  # "BS Hạnh" after "bác sĩ Lê Văn Hạnh, Trưởng khoa …" adds nothing
        for i, known in enumerate(self.roles):
            k = known.lower()
            if k == low or k.startswith((low + " ", low + ".")) or k.endswith(" " + low):
                # a shorter form of a role already known ("Giám đốc Sở GTVT TP" after
                # "Giám đốc Sở GTVT TP.HCM")
                return
            if low.startswith((k + " ", k + ".")) or low.endswith(" " + k):
                self.roles[i] = role  # the fuller form wins
                return
        self.roles.append(role)

    def role_for(self, title: str | None) -> str | None:
        """The role the attribution names ('Bộ trưởng' -> 'Bộ trưởng Thông tin và Truyền
        thông'), else every role the document gives, in order."""
        if title and not _is_academic(title):
            low = title.lower()
            matches = [r for r in self.roles if r.lower().startswith(low)]
            if matches:
                return max(matches, key=len)
        return ", ".join(self.roles) if self.roles else None


@dataclass
class _Mention:
    pos: int  # position in the document's stream of passages
    person: Person
    title: str  # the words before the name ("Thủ tướng", "ông", "đồng chí")

    def has_role(self, role: str) -> bool:
        """Whether the person is named here, or was given elsewhere, with `role` (lower
        case; "thủ tướng" is also "thủ tướng anh")."""
        titles = [r.lower() for r in self.person.roles] + [self.title.lower()]
        return any(t == role or t.startswith(role + " ") for t in titles)


# The words that label a photo's or a clip's credit.
_CREDIT_LABEL = r"(?:Ảnh|ảnh|Nguồn|Photo|Clip|Video|Đồ họa)"


_CREDIT_END_RE = re.compile(_CREDIT_LABEL + r"\s*[:\-–]\s*$")


# Two or three capitalised words in plain ASCII: a foreign name, or a club's or a city's.
# (The look-behind comes after the first letter, as in _CAP_RUN_RE: the engine skips ahead.)
_BARE_FOREIGN_RE = re.compile(r"[A-Z](?<![\w.][A-Z])[a-z]+(?: [A-Z][a-z]+){1,2}(?![\w.])")


# Capitalised words run into a foreign name ("Ảnh: Internet Facebook", "theo Reuters
# Yasmine"): sources, credits and platforms, no one's name.
# English forms of address before a bare foreign name ("Sir Geoff Hurst").
_BARE_ADDRESS = frozenset("Sir Dame Lord Lady Mr Mrs Ms Dr".split())
_NOT_IN_BARE_NAME = frozenset(
    """Internet Facebook Twitter Instagram YouTube Youtube Google Reuters Bloomberg Xinhua
    Sputnik Yonhap Kyodo Forbes Guardian Telegraph Express Mirror Daily Mail Times Post News
    Video Clip Photo Getty Images""".split()
)


# Forms of address that say whether a man or a woman is meant.
_GENDER_OF = {"ông": "m", "anh": "m", "chú": "m", "bà": "f", "chị": "f", "cô": "f"}
# ... and titles ("nữ ca sĩ X", "nam diễn viên Y").
_SEX_OF_TITLE = {"nữ": "f", "nam": "m"}


class Registry:
    """Every person the document names, and where; resolves roles and pronouns to them."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.mentions: list[_Mention] = []
        self.positions: list[int] = []  # of the mentions, ascending
        # Foreign full names written with no title ("Brandon Radke kiểm tra"): not mentions
        # (a bare capitalised pair may be a club or a city), only what a short form that
        # speaks later ("Radke nói") may stand for. (position, name), ascending.
        self.bare_foreign: list[tuple[int, str]] = []
        # The named person whose quote was attributed last, and where (extraction pass).
        self.last_said: tuple[int, Person] | None = None
        # Someone introduced with no name ("một cậu bé ngồi khóc"): (position, who), ascending,
        # for a pronoun that speaks right after ("Cậu cho biết …").
        self.unnamed: list[tuple[int, str]] = []
        self._main: tuple[Person | None] | None = None  # `main_person`, once known

    def person(self, name: str) -> Person:
        if name not in self.people:
            self.people[name] = Person(name)
        return self.people[name]

    def _short(self, short: str, pos: int) -> Person | None:
        """'Hùng' or 'Thu Hà' -> the most recent person whose name ends so; a foreign name
        may also be called by its first word ('ông John' for John Karr)."""
        for mention in self._before(pos):
            if _short_for(short, mention.person.name):
                return mention.person
        for person in self.people.values():
            if _short_for(short, person.name):
                return person
        if short.isascii() and " " not in short:
            later = None
            for at, name in reversed(self.bare_foreign):
                if _short_for(short, name):
                    if at <= pos:
                        return self.person(name)
                    later = later or name
            if later:
                return self.person(later)
        return None

    def scan(self, text: str, base: int) -> None:
        """Record the people named in one passage's text (stream offset `base`)."""
        # (each of the children _SOMEONE_UNNAMED_RE names is a "bé": most passages name none)
        for someone in _SOMEONE_UNNAMED_RE.finditer(text) if "bé" in text else ():
            self.unnamed.append((base + someone.start(1), someone.group(1).lower()))
        for run in _BARE_FOREIGN_RE.finditer(text):
            # ("bang Ohio Tim Kaine": of three words, the first may be a place)
            words = run.group().split()[-2:]
            name = " ".join(words)
            if (
                any(map(_foreign, words))
                and not any(w in _ORG_WORDS or w in _NEVER_IN_NAME for w in words)
                and not any(w in _NOT_A_NAME or w in _NOT_IN_BARE_NAME for w in words)
                and name not in PLACES
            ):
                self.bare_foreign.append((base + run.end() - len(name), name))
        for name, start, end in _names(text):
            before = text[:start]
            if _CREDIT_END_RE.search(before, max(0, start - 12)):
                continue  # "Ảnh: Kiều Vui": who took the photograph, no one in the story
            honorific = _honorific_before(before)
            title = _title_before(before)
            if not honorific:
                # ("người phát ngôn của Tổng thống Putin ông Dmitry Peskov": the whole title
                # is his, with a form of address between)
                title = _own_title(title)
            if _is_short(name):
                # "ông Hùng": a short form of someone already named.
                person = self._short(name, base + start)
                if person is None:
                    if not honorific and not title:
                        continue
                    person = self.person(name)
            else:
                person = self.person(name)
            if title:
                person.add_role(title)
            for role in _appositives(text[end:]):
                person.add_role(role)
            predicate = _ROLE_PREDICATE_RE.match(text, end)
            if predicate:
                person.add_role(_cut_role(text[predicate.end() :]))
            if honorific and not title:
                previous = _role_segment_before(before)
                if previous:
                    person.add_role(previous)
            gender = _GENDER_OF.get(honorific.lower(), "") or _SEX_OF_TITLE.get(
                title.split(" ", 1)[0].lower() if " " in title else "", ""
            )
            if gender and not person.gender:
                person.gender = gender
            # Passages are scanned in document order: mentions stay sorted by position.
            self.mentions.append(_Mention(base + start, person, title or honorific or ""))
            self.positions.append(base + start)

    def resolve(self, phrase: str, pos: int) -> tuple[Speaker | None, Person | None]:
        """A speaker phrase ('ông Hùng', 'Thủ tướng', 'lãnh đạo Cục Viễn thông') at stream
        position `pos` -> the speaker, and the registry person when there is one.

        A phrase with a name is that person (`_resolve_named`); one without is a pronoun, a
        form of address, someone the text does not name, a relation of someone, or a role
        (`_resolve_unnamed`, `_resolve_role`)."""
        phrase = _trim_phrase(phrase)
        if not phrase or len(phrase.split()) > 25:
            return None, None
        found = list(_names(phrase))
        if found:
            return self._resolve_named(phrase, found, pos)
        return self._resolve_unnamed(phrase, pos)

    def _resolve_named(
        self, phrase: str, found: list[tuple[str, int, int]], pos: int
    ) -> tuple[Speaker, Person]:
        """'ông Trần Văn Khoa, Giám đốc Viettel Post': the name, its role after it."""
        name, start, end = found[-1]
        for first in found[:-1]:
            # "ông X, lãnh đạo Warburg Pincus": the words after X are all X's roles.
            if not phrase[first[2] + _appositive_run(phrase[first[2] :])[1] :].strip(" ,"):
                name, start, end = first
                break
        if _is_short(name):
            person = self._short(name, pos) or self.people.get(name)
        else:
            person = self.people.get(name)
        if person is None:
            person = self.person(name)
        title = _title_before(phrase[:start])
        if title:
            person.add_role(title)
        for role in _appositives(phrase[end:]):
            person.add_role(role)
        return Speaker(person.name, person.role_for(title)), person

    def _unnamed_before(self, pronoun: str, pos: int) -> Speaker | None:
        """'Cậu cho biết' after 'một cậu bé ngồi khóc', with no one named between: that
        unnamed boy (a pronoun with no one before it that it fits is no one)."""
        fits = _PRONOUN_OF_UNNAMED.get(pronoun, ())
        last = next((m for m in reversed(self.unnamed) if m[0] < pos), None)
        if last is None or last[1] not in fits or pos - last[0] > _JUST_NAMED:
            return None
        if any(last[0] < at < pos for at in self.positions):
            return None  # someone named since
        return Speaker(None, last[1])

    def _resolve_unnamed(self, phrase: str, pos: int) -> tuple[Speaker | None, Person | None]:
        """A phrase with no name: 'ông', 'Đồng chí' (the person last named so), 'một cán bộ
        điều tra' (someone unnamed), 'bố anh ấy' (a relation), or a role."""
        low = phrase.lower()
        demonstrative = False
        for suffix in (" này", " ấy", " đó", " nói trên"):
            if low.endswith(suffix):
                low = low[: -len(suffix)]
                phrase = phrase[: len(low)]
                demonstrative = True
        if low.startswith("vị "):
            low, phrase = low[3:], phrase[3:]
        if low in PRONOUN_PHRASES or low in HONORIFICS or low in _PRONOUN_OF_UNNAMED:
            person = self._recent(pos, honorific=low) if low not in ("cậu", "cháu") else None
            if person:
                return Speaker(person.name, person.role_for(None)), person
            return self._unnamed_before(low, pos), None
        article = _ARTICLE_RE.match(phrase)
        if article and _SPEAKER_HEAD_RE.match(phrase, article.end()):
            # "một cán bộ điều tra", "các chuyên gia": someone the text does not name, never
            # a person named before.
            role = _cut_role(phrase[article.end() :], _SPEAKER_HEAD_RE)
            return (Speaker(None, role), None) if role else (None, None)
        if article and _SOMEONE_RE.match(phrase, article.end()):
            # "Một người già đang gỡ lưới", "một chị bán rau": someone described, not named.
            role = _cut_role(phrase[article.end() :], _SOMEONE_RE)
            return (Speaker(None, role), None) if role else (None, None)
        if _RELATION_RE.match(phrase) and not _ROLE_HEAD_RE.match(phrase):
            # "bố anh ấy", "người yêu tôi": a relation of someone, not that someone.
            role = _cut_role(phrase, _SPEAKER_HEAD_RE)
            return (Speaker(None, role), None) if role else (None, None)
        head = _SPEAKER_HEAD_RE.match(phrase)
        if head:
            return self._resolve_role(phrase, low, head, demonstrative, pos)
        return None, None

    def _resolve_role(
        self, phrase: str, low: str, head: re.Match[str], demonstrative: bool, pos: int
    ) -> tuple[Speaker | None, Person | None]:
        """A role ('Thủ tướng', 'Chuyên gia này'): the person named recently with it, else
        the role with no name."""
        person = self._recent(pos, role=low)
        if person is None and demonstrative and len(low.split()) <= 3:
            # "người dùng này": the person the text has just named, or the one just quoted
            # ("thí sinh X cho hay: “…”. Nhận xét về đề thi, học sinh này cho hay: “…”").
            person = self._just_named(pos)
            if person is None and self.last_said and 0 <= pos - self.last_said[0] <= _JUST_SAID:
                # (of the same kind: "học sinh này" after "thí sinh X", not "chủ cửa hàng
                # này" after a customer)
                said = self.last_said[1]
                kinds = {w for r in said.roles for w in r.lower().split()}
                if kinds & set(low.split()):
                    person = said
        if person is None and bisect_right(self.positions, pos) == 0:
            # a headline's or a lead's "Bộ trưởng Nông nghiệp: “…”" before anyone is named:
            # the one the article then names with that role
            person = self._first_after(pos, role=low)
        if person:
            return Speaker(person.name, person.role_for(phrase)), person
        # "Thủ tướng đặt dấu hỏi và": drop lower-case words from the end (never a
        # capitalised one: "Giám đốc Sở Xây dựng" is not any "Giám đốc").
        words = phrase.split()
        while len(words) > len(head.group().split()) and words[-1].islower():
            words.pop()
            person = self._recent(pos, role=" ".join(words).lower())
            if person:
                return Speaker(person.name, person.role_for(" ".join(words))), person
        origin = _ORIGIN_RE.search(phrase)
        if origin is not None:
            # "Huấn luyện viên người Khánh Hòa" after "huấn luyện viên Hoàng Anh Tuấn": the
            # role and where the person comes from
            person = self._recent(pos, role=phrase[: origin.start()].strip().lower())
            if person:
                return Speaker(person.name, person.role_for(phrase[: origin.start()])), person
        of = _OF_RE.search(phrase)
        if of is not None and not phrase[: of.start()].strip().count(" ") > 2:
            # "Tiền đạo của SHB Đà Nẵng cho biết:" after "tiền đạo Hà Đức Chinh": the role and
            # whose it is, for the one named with that role just before
            person = self._recent(pos, role=phrase[: of.start()].strip().lower())
            if person:
                return Speaker(person.name, phrase), person
        role = _cut_role(phrase, _SPEAKER_HEAD_RE)
        if role:
            return Speaker(None, role), None
        return None, None

    def main_person(self) -> Person | None:
        """The person the document is about: named at least three times, and more often than
        anyone else."""
        if self._main is None:
            counts = Counter(m.person.name for m in self.mentions).most_common(2)
            top = counts[0] if counts else ("", 0)
            alone = len(counts) < 2 or counts[1][1] < top[1]
            self._main = (self.people.get(top[0]) if top[1] >= 3 and alone else None,)
        return self._main[0]

    def _just_named(self, pos: int) -> Person | None:
        """The person named last before `pos`, if that was a sentence or two ago."""
        for mention in self._before(pos):
            return mention.person if pos - mention.pos <= _JUST_NAMED else None
        return None

    def first_with_role(self, role: str) -> Person | None:
        """The first person the document names with this role ('thủ tướng anh')."""
        for mention in self.mentions:
            if mention.has_role(role):
                return mention.person
        return None

    def _before(self, pos: int) -> Iterator[_Mention]:
        """Mentions at or before `pos`, most recent first (a bounded look-back: a pronoun or a
        role refers to someone named recently, and big files must stay linear)."""
        index = bisect_right(self.positions, pos)
        for i in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            yield self.mentions[i]

    def _first_after(self, pos: int, role: str) -> Person | None:
        """The first person named after `pos` (within the look-back's reach) with `role`."""
        index = bisect_right(self.positions, pos)
        for mention in self.mentions[index : index + _LOOKBACK]:
            if mention.has_role(role):
                return mention.person
        return None

    def _recent(
        self, pos: int, honorific: str | None = None, role: str | None = None
    ) -> Person | None:
        fallback = None
        gender = _GENDER_OF.get(honorific or "", "")
        for mention in self._before(pos):
            person = mention.person
            # "ông nói" is not the woman named last ("bà Karen"); an initial ("bà H.", "anh
            # H.") may stand for several people: only how this mention calls them counts.
            said = _GENDER_OF.get(mention.title.lower()) or (
                person.gender if len(person.name) > 2 else ""
            )
            if gender and said and said != gender:
                continue
            if role is not None:
                if mention.has_role(role):
                    return person
                continue
            if honorific != "đồng chí" or mention.title.lower() == "đồng chí":
                return person
            # "Đồng chí" refers back to the last person the text calls đồng chí.
            fallback = fallback or person
        return fallback


def _short_for(short: str, name: str) -> bool:
    return (
        name == short
        or name.endswith(" " + short)
        or (name.isascii() and name.startswith(short + " "))
    )


def _is_short(name: str) -> bool:
    """'Lâm', 'Thu Hà': a given name standing for a full name named before."""
    parts = name.split()
    return len(parts) == 1 or (len(parts) == 2 and parts[0] not in SURNAMES and "." not in name)


# A run of capitalised words separated by single spaces: the candidates for a name.
# (The look-behind comes after the first letter, so that the engine can skip ahead to
# capital letters instead of trying every position.)
# A word may have a second capital inside ("McMaster", "DeSantis"), and a foreign name a
# particle in lower case between its words ("Issam al Rayes", "Ursula von der Leyen").
_NAME_PARTICLES = "al|bin|ibn|de|van|von|der|dos|del|el|di|du|da|la|le|abu"
_CAMEL = r"(?<=\b(?:Mc|De|Di|Da|Le|La))[A-Z][a-z]+|(?<=\bMac|\bVan)[A-Z][a-z]+"
# ("Park Young-soo", "Rếch Ti-lơ-xơn": syllables of one name joined by hyphens)
_JOINED = rf"(?:-[{_LOWER}]+|(?<=[a-z])-[A-Z][a-z]+)+"  # "Jong-un", "Jo-Ann"
_CAP_WORD = rf"[{_UPPER}][{_LOWER}]*(?:{_CAMEL}|{_JOINED})?"
_CAP_RUN_RE = re.compile(
    rf"[{_UPPER}](?<!\w.)[{_LOWER}]*(?:{_CAMEL}|{_JOINED})?"
    rf"(?:(?: (?:{_NAME_PARTICLES}))* {_CAP_WORD})*(?!\w)"
)


_VIETNAMESE_CLUSTERS = re.compile(r"ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr")
_CONSONANTS = set("bcdđghklmnpqrstvx")


# A Vietnamese syllable written without diacritics: onset, vowels, final consonant.
_ASCII_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def _foreign(word: str) -> bool:
    """A word no Vietnamese syllable spells like: 'Cook', 'Donald', 'Nadella', 'Kaine' (not
    'Sao', 'Tim')."""
    w = word.lower()
    if w.isascii():
        return not _ASCII_SYLLABLE_RE.fullmatch(w)
    if set(w) & set("fjwz"):
        return True
    if w[-1] in _CONSONANTS and not _FINAL_CONSONANT_RE.search(w):
        return True
    rest = _VIETNAMESE_CLUSTERS.sub("a", w)
    return bool(_CONSONANT_PAIR_RE.search(rest))


# The word a title, a form of address or a role written right before a name ends with: a
# capitalised run whose 16-character window does not end with one of these needs none of the
# regular expressions that look for them (most runs are sentence starts and organisations).
_TAIL_WORD_RE = re.compile(r"(\w+)\.? \n?\Z")
_HONORIFIC_TAILS = frozenset(
    word for h in HONORIFICS for word in (h.split()[-1], h.capitalize().split()[-1])
)
_ROLE_TAILS = frozenset(h.split()[-1] for h in ROLE_HEADS if h.islower() and " " in h) | {
    "HLV",
    "CEO",
    "KTS",
    "NSƯT",
    "NSND",
    "NGƯT",
    "BS",
    "PGS",
    "GS",
    "TS",
    "ThS",
    "Ths",
    "S",
    "BTV",
    "BLV",
    "ĐB",
    "ĐBQH",
    "MC",
}
_SENTENCE_PUNCT = (".", "!", "?", ":", ";", '"', "“", "”", "(", "")
_NAME_TAILS = _HONORIFIC_TAILS | _ROLE_TAILS


_NEXT_WORD_RE = re.compile(rf" ([{_LOWER}]+)(?!\w)")
# Two-syllable words that a capitalised syllable starts when the syllable after it is in
# lower case: the first two syllables of every role, and the words offices are named with.
_COMPOUND_STARTS = frozenset(" ".join(h.split()[:2]) for h in ROLE_HEADS if " " in h) | frozenset(
    """thanh niên|phụ nữ|nhân dân|quốc hội|chính phủ|công an|công ty|công đoàn|hội đồng|
    thường vụ|mặt trận|tổ quốc|trung ương|thành phố|văn phòng|văn hóa|văn hoá|kiểm tra|
    thanh tra|kiểm toán|hải quan|biên phòng|quân đội|cảnh sát|an ninh|giáo dục|y tế|tài chính|
    nông nghiệp|lâm nghiệp|cao đẳng|đại học|tư pháp|giao thông|xây dựng|lao động|ngoại giao|
    nội vụ|kế hoạch|đầu tư|công thương|khoa học|công nghệ|truyền thông|thông tin|tài nguyên|
    môi trường|du lịch|thể thao|dân tộc|tôn giáo|hoàng gia|cao su|lương thực|thực phẩm|
    tập đoàn|ngân hàng|bệnh viện|ủy ban|uỷ ban|trung tâm|hiệp hội|liên đoàn|tổng cục|xã hội|
    cục trưởng|bộ trưởng|chủ tịch|giám đốc|bí thư|thủ tướng|hà thành|quốc phòng|quốc tế|
    quốc gia""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)


def _after_place(words: list[str]) -> int:
    """Where a foreign name starts in a capitalised run after a title: after the country or
    office words ("Anh Theresa May" -> 1); -1 when the rest is not such a name."""
    k = 0
    while k < len(words) - 1 and words[k] in _ORG_WORDS:
        k += 1
    rest = words[k:]
    if (
        len(rest) > 3
        or not all(w.isascii() and w.isalpha() for w in rest)
        or rest[0] in SURNAMES
        # One word after a country is a name ("Tổng thống Nga Putin"), not after an office
        # word ("Cục trưởng Cục An toàn …").
        or (len(rest) == 1 and (k == 0 or not all(w in _COUNTRIES for w in words[:k])))
    ):
        return -1
    return k


# Words that name the kind of an organisation or a place and never a person: a name has none.
_NEVER_IN_NAME = frozenset(
    """Bộ Sở Cục Ban Viện Hội Tập Báo Đài Ủy Uỷ Tỉnh Quận Huyện Xã Phường Vụ Phòng Quỹ Tòa Toà
    Nhà Bệnh Đảng Cảng Tạp Nhóm Câu Đội Hãng Trạm Kho Xí Ngành Khu Cụm Sàn Sông Tờ Kênh Chi
    Công Trường Học Ngân Đại Cao Trung Tổng Liên Hiệp Hợp Tiểu Sư Lữ Thành Thị Bang Đường
    Phố""".split()
) - {"Cao", "Trung", "Thành", "Liên", "Hiệp", "Công", "Trường", "Chi", "Đại", "Thị"}
# Words of a club's name: after a player's title ("tiền đạo thuộc biên chế Real Madrid") the
# club is where he plays, not his name.
_CLUB_WORDS = frozenset(
    "Real FC CLB AC United City Atletico Atlético Athletic Sporting Borussia Olympique "
    "Bayern Hotspur Albion Rovers Wanderers".split()
)
# Lower-case words after which a capitalised run starts with the name of a place or of an
# organisation ("tỉnh Quảng Ninh", "bệnh viện Bạch Mai", "bang Virginia"): a person named
# in the same run comes after it.
# "Công ty TNHH TM XNK Hoàng Gia Phát": the abbreviated kinds of a company are not a name.
_COMPANY_KINDS = {"tnhh", "mtv", "xnk", "tm", "cp", "jsc", "dv", "sx", "xd"}
_PLACE_WORDS = (
    _NOT_PERSON_BEFORE | {"bang", "cục", "thôn", "thcs", "thpt", "ptth", "học"} | _COMPANY_KINDS
)
# "môi trường", "thị trường": not a school ("trường Lê Quý Đôn").
# Words before which those words are part of another word: "môi trường", "thị trường"
# (not a school: "trường Lê Quý Đôn"), "nông thôn" (not a village); "học" names a school
# only as "Tiểu học", "Trung học", "Đại học" ("Trường Tiểu học Nguyễn Huệ").
_NOT_A_PLACE_AFTER = {
    "trường": frozenset("môi thị chiến hiện lập quảng thương công nông phi sân ra vào hội".split()),
    "thôn": frozenset({"nông"}),
    "báo": frozenset({"nhà"}),  # "nhà báo Lại Văn Sâm" is a journalist, not a newspaper
    "đài": frozenset({"nhà"}),
    "hàng": frozenset({"khách"}),  # "khách hàng Tammy Gault" is a customer, not a bank
}
_SCHOOL_LEVELS = frozenset({"tiểu", "trung", "đại"})


def _place_before(text: str, first: int) -> bool:
    """Whether the lower-case word before `first` says a place's or an organisation's name
    starts there ("huyện", "công ty", "bang"; not "trường" in "Môi trường")."""
    if first < 2:
        return False
    if text[first - 1] != " ":
        # "TP.Hồ Chí Minh": a city written with a full stop and no space
        return text[max(0, first - 3) : first] in ("TP.", "Tp.")
    space = text.rfind(" ", max(0, first - 14), first - 1)
    word = text[space + 1 : first - 1].lower()
    if word not in _PLACE_WORDS:
        return False
    previous = text[max(0, first - 30) : first].split()
    before = previous[-2].lower() if len(previous) > 1 else ""
    if word == "học":
        return before in _SCHOOL_LEVELS
    return before not in _NOT_A_PLACE_AFTER.get(word, ())


def _valid_surname_start(words: list[str], k: int) -> bool:
    """Whether words[k:] may be a Vietnamese person's full name after an organisation's
    words[:k]: 2-4 words, a family name first, no word of an organisation's kind."""
    rest = words[k:]
    return (
        2 <= len(rest) <= 4
        and rest[0] in SURNAMES
        # "… Nguyễn Văn A", "Cấn Văn Lực": "Văn" inside a run is a middle name
        and rest[0] != "Văn"
        and not any(w in _NEVER_IN_NAME or (len(w) > 1 and w.isupper()) for w in rest)
        and " ".join(rest[:2]) not in PLACES
    )


_OFFICE_OF_PLACE_RE = re.compile(
    rf"(?<!\w)(?:[{_UPPER}]{{2,}}|Công an) (?:TP|[Tt]ỉnh|[Tt]hành phố) \Z"
)


def _name_after_organisation(text: str, first: int, words: list[str]) -> int | None:
    """Where the person's name starts in a run that opens with an organisation's or a
    place's name (ROLE + organisation + NAME): "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức
    Long", "Tổng giám đốc Vietcombank Nghiêm Xuân Thành", "Thượng nghị sĩ bang Virginia
    Tim Kaine". -1 when the run opens with a place and names no one after it ("đường Trần
    Hưng Đạo", "tỉnh Lâm Đồng"); None when nothing says the run opens with an organisation
    (the other rules read it)."""
    n = len(words)
    if n < 3:
        return None  # a name of two words after a place is refused by `_refused_name`
    place = _place_before(text, first)
    if not place and (
        words[0] in SURNAMES
        # "Chuyên gia Cấn Văn Lực": a family name the list does not know; "Vietcombank
        # Nghiêm Xuân Thành", "Sở Lâm Văn Tài", "Sữa Việt Nam Mai Kiều Liên": an office first.
        or not (
            n > 4
            or words[0] in _ORG_WORDS
            or words[0] in _NEVER_IN_NAME
            or (len(words[0]) > 1 and words[0].isupper())
            or (words[0].isascii() and _foreign(words[0]))
        )
    ):
        return None
    if (
        place
        and n <= 4
        and _valid_surname_start(words, 0)
        # (the city named after a person, who is not in PLACES)
        and " ".join(words) not in PLACES
        and " ".join(words) != "Hồ Chí Minh"
        and _OFFICE_OF_PLACE_RE.search(text, max(0, first - 30), first)
    ):
        # "Phó Chủ tịch UBND TP Lê Văn Khoa": an office, then "TP" or "tỉnh", then a full
        # name that is no province's or city's (those are in PLACES): a person.
        return 0
    candidates = [
        k
        for k in range(1, n - 1)
        # after a place, a name of two words only after a place's name of two or more
        if _valid_surname_start(words, k) and (not place or n - k >= 3 or k >= 2)
    ]
    if candidates:
        # A place's name has two syllables more often than not ("tỉnh Quảng Ninh Lê Hùng");
        # else the name of three syllables, the most common, then four, then two.
        if place and 2 in candidates:
            return 2
        return min(candidates, key=lambda k: (abs(n - k - 3) * 2 - (n - k > 3), -k))
    last = words[-2:]
    if (
        place
        and n > 2
        and all(w.isascii() and w.isalpha() for w in last)
        and any(_foreign(w) for w in last)
        and not any(w in _ORG_WORDS for w in last)
        and _role_close_before(text, first) is not None
    ):
        # "Thượng nghị sĩ bang Virginia Tim Kaine", "Thẩm phán liên bang Mỹ ở Seattle James
        # Robart": a title close before, and a foreign name of two words after the place.
        return n - 2
    return -1 if place else None


def _name_after_office(words: list[str]) -> int:
    """'Sở Lâm Văn Tài' -> 1: where a family name starts the last 2-4 words of a run that
    starts with an office word; 0 when none does."""
    for k in range(1, len(words) - 1):
        if words[k] in SURNAMES and len(words) - k <= 4:
            return k
    return 0


# Titles a single foreign word after which is a person ("HLV Sampaoli", "Tổng thống Putin");
# after the others ("giám đốc", "đại diện", "CEO") it is where the person works.
PERSON_TITLES = frozenset(
    """thủ tướng|phó thủ tướng|tổng thống|phó tổng thống|ngoại trưởng|đại sứ|thống đốc|
    huấn luyện viên|cầu thủ|thủ môn|tiền đạo|tiền vệ|hậu vệ|đội trưởng|ca sĩ|diễn viên|
    nghệ sĩ|nhà văn|nhà thơ|nhà báo|luật sư|bác sĩ|bác sỹ|giáo sư|phó giáo sư|tiến sĩ|thạc sĩ|
    đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá|
    đại úy|thượng úy|trung úy|thiếu úy|trung sĩ|trung sỹ|thượng sĩ|thượng sỹ|hạ sĩ|hạ sỹ|
    binh nhất|binh nhì|điều tra viên|phóng viên|tác giả|nhà nghiên cứu|nhà phân tích|
    chuyên gia|tổng thư ký|đặc phái viên|bộ trưởng|thứ trưởng|nghị sĩ|thượng nghị sĩ|
    hạ nghị sĩ|thị trưởng|người mẫu|vận động viên|tay vợt|võ sĩ|danh thủ|facebooker|
    blogger|youtuber|võ sư|thiền sư|nhà sư|linh mục|mục sư|đạo diễn|nhạc sĩ|nhạc sỹ|họa sĩ|
    hoạ sĩ|nhiếp ảnh gia|kiến trúc sư|trọng tài|hoa hậu|á hậu|siêu mẫu|danh hài|nghệ sỹ|
    ca sỹ|nhà thiết kế|nhà khoa học|phi công|thuyền trưởng|công tố viên|
    tài khoản""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_PERSON_ABBREVIATIONS = frozenset(
    {"HLV", "BS", "PGS", "GS", "TS", "ThS", "Ths", "KTS", "NSND", "NSƯT", "NGƯT"}
    | {"BTV", "BLV", "ĐB", "ĐBQH", "MC"}
)
_PERSON_TITLE_WORDS = PERSON_TITLES | {w.lower() for w in _PERSON_ABBREVIATIONS}


def _title_at_end(window: str, tail_word: str) -> str:
    """The title `window` ends with, lower-cased ('giám đốc', 'hlv'), or ''; `tail_word` is
    its last word (a title ends with one of _ROLE_TAILS: the others need no search)."""
    if tail_word not in _ROLE_TAILS:
        return ""
    match = _LOWER_ROLE_END_RE.search(window.lower())
    if match:
        return match.group().strip()
    return tail_word.lower() if _TITLE_ABBR_END_RE.search(window) else ""


# Titles that an organisation follows ("giám đốc Viettel Post"), not a name.
OFFICE_TITLES = frozenset(
    """giám đốc|phó giám đốc|tổng giám đốc|phó tổng giám đốc|chủ tịch|phó chủ tịch|
    chánh văn phòng|phó chánh văn phòng|lãnh đạo|đại diện|người đại diện|trưởng đại diện|
    người đứng đầu|nhà sáng lập|đồng sáng lập|người sáng lập|người phát ngôn|phát ngôn viên|
    nhân viên|quản lý|bí thư|phó bí thư|bí thư thành ủy|bí thư tỉnh ủy|trưởng phòng|
    phó trưởng phòng|trưởng ban|phó trưởng ban|trưởng khoa|hiệu trưởng|viện trưởng|
    phó viện trưởng|cục trưởng|phó cục trưởng|vụ trưởng|phó vụ trưởng|tổng cục trưởng|
    chủ nhiệm|phó chủ nhiệm|tổng biên tập|phó tổng biên tập|chủ tịch hđqt|
    thành viên hđqt|chủ tịch ubnd|phó chủ tịch ubnd|chủ doanh nghiệp|chủ đầu tư|
    chủ cửa hàng|chủ quán|chủ đại lý|khách hàng|thuê bao|trưởng bộ phận|trưởng nhóm|
    giám sát viên|kiểm toán viên|chuyên viên|cán bộ|công nhân|thư ký""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_OFFICE_TITLE_WORDS = OFFICE_TITLES | {"ceo", "cto", "cfo"}


def _stands_alone(text: str, end: int) -> bool:
    """Whether the word ending at `end` ends a phrase: punctuation, the end, a capitalised
    word, or a verb or function word after it."""
    follower = _NEXT_WORD_RE.match(text, end)
    return (
        follower is None
        or follower.group(1) in _CONJUNCTIONS
        or bool(_ROLE_STOP_RE.match(text, end + 1))
    )


_CONJUNCTIONS = frozenset("và cùng thì mà ở hay hoặc nhưng".split())


def _own_title(title: str) -> str:
    """'Phát ngôn viên của Thủ tướng Anh' before 'Theresa May': she is the Thủ tướng Anh;
    the spokesperson is someone else."""
    of = _OF_RE.search(title)
    if of and _ROLE_HEAD_RE.match(title, of.end()):
        return title[of.end() :]
    return title


def _names(text: str) -> list[tuple[str, int, int]]:
    """Person names in `text`: 2-4 capitalised syllables starting with a family name, or 1-4
    after a form of address ('ông Hùng'); as (name, start, end).

    Each run of capitalised words is read in order (`_name_in_run`): drop a place that opens
    it (`_run_after_place`), look at the word right before it (`_tail_word`), drop a form of
    address or an abbreviated title that opens it (`_strip_address`), find where in it a
    person's name starts (`_name_start`), and refuse names that are streets, places or the
    start of an office (`_refused_name`)."""
    out: list[tuple[str, int, int]] = []
    for run in _CAP_RUN_RE.finditer(text):
        found = _name_in_run(text, run)
        if found is not None:
            out.append(found)
    return out


def _name_in_run(text: str, run: re.Match[str]) -> tuple[str, int, int] | None:
    """The person's name one capitalised run holds, as (name, start, end), else None."""
    group = run.group()
    if " " in group:
        trimmed = _run_after_place(run)
        if trimmed is None:
            return None
        run_start, words = trimmed
    else:  # (one word, most runs: no place opens it, _run_after_place keeps it as it is)
        run_start, words = run.start(), [group]
    tail_word = _tail_word(text, run_start)
    # The 16 characters before the run matter only after a form of address or a title
    # (the tests on them below come after a test of `tail_word`).
    window = text[max(0, run_start - 16) : run_start] if tail_word in _NAME_TAILS else ""
    honorific = _honorific_before(window) if tail_word in _HONORIFIC_TAILS else ""
    before_initials = words[-2].lower() if len(words) >= 2 else tail_word.lower()
    if (
        len(words[-1]) == 1
        and (before_initials in PERSON_TITLES or before_initials in _INITIALS_AFTER)
        and (joined := _JOINED_INITIALS_RE.match(text, run.end()))
    ):
        # "Facebooker P.T", "Youtuber N.G.T.T", "cháu N.T.H", "độc giả T.K": a person's title
        # or a word for a person, then initials joined by full stops (the name as the paper
        # prints it), maybe after a caption run into it.
        start = run.end() - 1
        return text[start : joined.end()], start, joined.end()
    if len(words) == 1 and tail_word not in _NAME_TAILS:
        # One capitalised word (most runs: a sentence's first word) is a name only after
        # a form of address or a title: with neither right before it, no step below
        # keeps it (a lone form of address leaves no word; the others need two words).
        if run_start > 2 and text[run_start - 2] == ".":
            return _after_initials(text, run_start, run.end(), words[0])
        return None
    while len(words) > 2 and words[-1] in _OPENERS:
        words = words[:-1]  # "Warren Buffett Theo CNBC, …": a caption run into a sentence
    honorific, first, words = _strip_address(text, run_start, words, honorific)
    if not words:
        return None
    k = None if honorific else _name_after_organisation(text, first, words)
    if k is not None:
        # "… UBND huyện Thạch Hà Trần Việt Hà": an organisation or a place, then the name,
        # which ends the run (or none, and the run is an organisation's or a place's name).
        if k < 0 or _refused_name(text, run, first, words, k, after_place=True):
            return None
        name = " ".join(words[k:])
        start = first + sum(len(word) + 1 for word in words[:k])
        return name, start, start + len(name)
    k = _name_start(text, run, run_start, first, words, honorific, window, tail_word)
    if k is None or _refused_name(text, run, first, words, k):
        return None
    name_words = words[k : k + 4]
    while len(name_words) > 2 and name_words[-1] in _OPENERS:
        name_words.pop()  # "Thủ tướng Nguyễn Xuân Phúc Tại phiên họp": a caption run on
    while len(name_words) > 2 and name_words[0] in _OPENERS:
        name_words.pop(0)  # "Theo Rachel Riley, nhà thiết kế …"
        k += 1
    name = " ".join(name_words)
    start = first + sum(len(word) + 1 for word in words[:k])
    if len(name.split()[-1]) == 1:
        # "chị T.H chia sẻ", "thí sinh Nguyễn B.H": initials joined by full stops are one name
        joined = _JOINED_INITIALS_RE.match(text, start + len(name))
        if joined:
            name += joined.group()
    return name, start, start + len(name)


# Capitalised words that open a sentence and are no one's name: a caption that runs into the
# next sentence ("Nguyễn Xuân Phúc Tại phiên thảo luận") puts them at a name's edge.
# Words of an office or a place that no Vietnamese given name is ("Ngân", "Hội" are).
_OFFICE_WORDS = frozenset(
    "Bộ Sở Cục Viện Báo Đài Hãng Tỉnh Huyện Quận Phường Xã Ủy Uỷ Đảng".split()
)
_OPENERS = frozenset("Tại Theo Khi Trong Sau Trước Ngoài Với Để Nhưng Còn Tuy Đây Đó".split())
# ("chị Q.G.T." at a sentence's end: the full stop after the last initial is not the name's)
_JOINED_INITIALS_RE = re.compile(rf"(?:\.[{_UPPER}])+(?=\.?(?![\w.]))")


# Words for a person that initials may follow ("cháu N.T.H", "bạn H.Z", "độc giả T.K",
# "sinh viên L.M"; the last word of the two-word ones).
_INITIALS_AFTER = frozenset("cháu bé bạn giả đọc viên sinh".split())
_INITIALS_ONLY_RE = re.compile(r"[A-ZĐ](?:\.[A-ZĐ])+")
_INITIALS_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]\. ?){1,3}\Z")


def _after_initials(text: str, start: int, end: int, word: str) -> tuple[str, int, int] | None:
    """'H.R. McMaster', 'J. Kowalski': initials, then a foreign family name (not 'A. Trong',
    the end of 'Nguyễn Văn A.' and the next sentence's first word)."""
    if start < 3 or text[start - 2] != "." or not word.isascii() or len(word) < 3:
        return None
    initials = _INITIALS_END_RE.search(text[max(0, start - 12) : start])
    if initials is None or (initials.group().count(".") < 2 and not _foreign(word)):
        return None
    begin = start - len(initials.group())
    before = text[max(0, begin - 16) : begin]
    given = _GIVEN_BEFORE_RE.search(before)
    if given:
        # "Sean P. Tortora": a given name, a middle initial, a family name
        begin -= len(before) - given.start()
    elif before.rstrip()[-1:].isalpha() and before.split()[-1][:1].isupper():
        return None
    return text[begin:end], begin, end


_GIVEN_BEFORE_RE = re.compile(r"(?<!\w)[A-Z][a-z]+ \Z")


def _run_after_place(run: re.Match[str]) -> tuple[int, list[str]] | None:
    """A run's start and words after a place that opens it ("… MTTQ Việt Nam Nguyễn Thị
    Lan", "doanh nhân Trung Quốc Alex Sun": the place ends an office, a name may follow);
    None when a place is all there is room for."""
    run_start = run.start()
    words = run.group().split(" ")
    if len(words) > 4 and " ".join(words[:3]) in PLACES:
        # "Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan"
        run_start += sum(len(w) + 1 for w in words[:3])
        return run_start, words[3:]
    if len(words) > 1 and f"{words[0]} {words[1]}" in PLACES:
        if len(words) < 4:
            return None
        run_start += len(words[0]) + len(words[1]) + 2
        words = words[2:]
    return run_start, words


def _strip_address(
    text: str, run_start: int, words: list[str], honorific: str
) -> tuple[str, int, list[str]]:
    """The form of address, where the name's words start, and those words, once a form of
    address ("Ông Sơn") or an abbreviated title written like a word ("Bs Dương Văn Linh")
    that opens the run is dropped."""
    first = run_start
    if words[0].lower() in HONORIFICS and (
        run_start == 0
        or text[max(0, run_start - 2) : run_start].strip(" ") in _SENTENCE_PUNCT
        or (len(words) >= 3 and words[1] in SURNAMES)
    ):
        # "Ông Sơn": the form of address is not part of the name.
        honorific, first, words = words[0], first + len(words[0]) + 1, words[1:]
    if len(words) >= 3 and words[0].upper() in _PERSON_ABBREVIATIONS and words[1] in SURNAMES:
        first, words = first + len(words[0]) + 1, words[1:]
    return honorific, first, words


def _name_start(
    text: str,
    run: re.Match[str],
    run_start: int,
    first: int,
    words: list[str],
    honorific: str,
    window: str,
    tail_word: str,
) -> int | None:
    """Where in `words` a person's name starts, or None when the run names no one."""
    title = ""
    if (
        len(words) >= 2
        and words[-1].isascii()
        and words[-2].isascii()
        and (_foreign(words[-2]) or _foreign(words[-1]))
        and (
            honorific
            or (title := _title_at_end(window, tail_word))
            or (near := _role_close_before(text, run_start)) is not None
        )
    ):
        if not title and not honorific and (run_start != run.start() or words[0] in _COUNTRIES):
            # The title before the country that opened the run: "Tổng thống Thổ Nhĩ Kỳ
            # Recep Tayyip Erdogan".
            title = near or ""
        if run_start != run.start() and len(words) <= 3 and all(w.isascii() for w in words):
            return 0  # after a place that ends an office: "Nhà Trắng Sarah Huckabee Sanders"
        if (
            honorific
            and not title
            and len(words) == 3
            and all(w.isascii() for w in words)
            and _foreign(words[0])
            # (not "Cố vấn … của ông Trump Michael Flynn": whose adviser, then his name)
            and not text[max(0, run_start - 30) : run_start]
            .rstrip()
            .endswith(tuple(f"của {h}" for h in HONORIFICS))
        ):
            return 0  # "bà Wan Ling Martello": right after a form of address, all of it
        # "quan chức PST Arne Christian Haugstoyl": an organisation's acronym (not a title's:
        # "CEO Apple Tim Cook") ends the office, and all the run is the name.
        after_acronym = len(tail_word) > 1 and tail_word.isupper() and tail_word not in _ROLE_TAILS
        return _foreign_name_start(words, title, after_acronym)
    if honorific and not _ROLE_HEAD_RE.match(text, first):
        return 0
    if (
        2 <= len(words) <= 3
        and text.startswith(", ", run.end())
        and all(w.isascii() and w.isalpha() for w in words)
        and any(_foreign(w) for w in words)
        and _ROLE_HEAD_RE.match(text, run.end() + 2)
    ):
        # "dẫn lời Dmitry Peskov, người phát ngôn …": a foreign name, then its role.
        return 0
    if words[0] in SURNAMES and len(words) >= 2:
        return 0
    title = _title_at_end(window, tail_word)
    if title and (k := _after_place(words)) >= 0:
        # "Thủ tướng Anh Theresa May", "Trung sỹ Adam Brown": a title, maybe a country,
        # then a foreign name (no Vietnamese family name, no diacritics).
        return k
    if title and _name_after_title(text, run, words, window, title):
        # "bác sĩ Tâm", "chuyên gia Hùng", "Thủ tướng May nói": a title, then a name.
        if len(words) == 1 and _foreign(words[0]) and title not in _PERSON_TITLE_WORDS:
            return None  # "giám đốc Viettel", "Chánh văn phòng Hepza": where they work
        return 0
    if words[0] in _ORG_WORDS and (k := _name_after_office(words)) > 0:
        # "Giám đốc Sở Lâm Văn Tài": the office's first word runs into the name.
        return k
    return None


# Lower-case words that may stand between a title and a foreign name: "Bộ trưởng Quốc phòng
# Mỹ Jim Mattis", "Thượng nghị sĩ bang Virginia Tim Kaine" (not "nhà sáng lập cơ sở giáo dục
# ngôn ngữ New Oriental Education": the capitalised words are no name there).
_MAX_LOWER_AFTER_TITLE = 4
_LOWER_WORD_RE = re.compile(rf"(?<!\w)[{_LOWER}]+(?!\w)")


_HEAD_LAST_WORDS = frozenset(h.split()[-1].lower() for h in ROLE_HEADS)


def _role_close_before(text: str, run_start: int) -> str | None:
    """The role word (lower-cased) in the 40 characters before a capitalised run, when at
    most a few lower-case words stand between them; else None."""
    start = max(0, run_start - 40)
    if not any(w in _HEAD_LAST_WORDS for w in _WORD_RE.findall(text[start:run_start].lower())):
        return None  # (no role word there: the search for one below is the slow part)
    first = _ROLE_HEAD_RE.search(text, start, run_start)
    if first is None:
        return None
    last = first
    for later in _ROLE_HEAD_RE.finditer(text, first.end(), run_start):
        last = later
    between = text[last.end() : run_start]
    if len(_LOWER_WORD_RE.findall(between)) > _MAX_LOWER_AFTER_TITLE or _ROLE_STOP_RE.search(
        between
    ):
        return None  # "giảng viên cao cấp tại trường Imperial College London"
    return last.group().lower()


_PLATFORMS = frozenset("Facebook Twitter Instagram YouTube Youtube Zalo TikTok Weibo".split())


def _foreign_name_start(words: list[str], title: str, after_acronym: bool = False) -> int:
    """A foreign name after a title is the run's last two words ("Tổng thống Mỹ Donald Trump",
    "CEO Tim Cook"), or three after a person's title ("Ngoại trưởng Qatar Mohammed Al Thani")."""
    k = len(words) - 2
    particle = False
    while k > 0 and words[k].islower():
        k -= 1  # "Issam al Rayes": a particle belongs to the name
        particle = True
    if (
        not particle
        and k > 0
        and words[k - 1].isascii()
        and words[k - 1].isalpha()
        and words[k - 1] not in _ORG_WORDS
        and words[k - 1] not in _PLATFORMS  # "tài khoản Facebook Huyphuoc Nguyen"
        and (title in _PERSON_TITLE_WORDS or (after_acronym and k == 1))
    ):
        k -= 1
    if k == 0 and words[0] in _COUNTRIES:
        return 1  # "Tổng thống Nga Putin": a country, then the one word of a name
    return k


def _name_after_title(
    text: str, run: re.Match[str], words: list[str], window: str, title: str
) -> bool:
    """Whether the words after a title are a name: "HLV Hữu Thắng", "đại biểu Giàng A Chu"
    are; "Tổng giám đốc Hyundai Thành Công", "Bí thư Thành ủy Đà Nẵng" are where someone
    works. After a capitalised title, one word is a name only when a verb or punctuation
    follows it ("Giám đốc Kinh doanh" is an office)."""
    return (
        (
            words[0] not in _ORG_WORDS
            or (len(words) == 1 and words[0] in SURNAMES)
            # "nghệ sĩ Trung Dân", "HLV Công Vinh": a given name after a person's title
            or (
                len(words) == 2
                and words[0] not in _COUNTRIES
                # ("Thứ trưởng Bộ Quốc phòng": an office, never a given name)
                and words[0] not in _NEVER_IN_NAME
                and title in _PERSON_TITLE_WORDS
            )
        )
        and (len(words) == 1 or words[0] in SURNAMES or title not in _OFFICE_TITLE_WORDS)
        and bool(
            len(words) > 1
            or _LOWER_ROLE_END_RE.search(window)
            or _TITLE_ABBR_END_RE.search(window)
            or _stands_alone(text, run.end())
        )
    )


def _refused_name(
    text: str, run: re.Match[str], first: int, words: list[str], k: int, after_place: bool = False
) -> bool:
    """Whether the name found is no person's after all: a street or a city ("đường Triệu
    Việt Vương", "TP. Hồ Chí Minh"), a place, or a syllable that starts an office with the
    lower-case word after it ("ủy viên Đoàn Chủ tịch …", "Đoàn Thanh niên")."""
    if not after_place and _place_before(text, first):
        return True
    follower = _NEXT_WORD_RE.match(text, run.end())
    if follower and f"{words[-1].lower()} {follower.group(1)}" in _COMPOUND_STARTS:
        return True
    name_words = words[k : k + 4]
    if any(word in _CLUB_WORDS for word in name_words):
        return True
    return " ".join(name_words[:2]) in PLACES or " ".join(name_words) in PLACES


def _tail_word(text: str, end: int) -> str:
    """The word the 16 characters before `end` end with, before an optional full stop and
    one space; else ''. (Read in place: most capitalised runs need no copy of them.)"""
    start = max(0, end - 16)
    last = text[end - 1] if end > start else ""
    if last != " ":
        match = _TAIL_WORD_RE.search(text, start, end) if last == "\n" else None
        return match.group(1) if match else ""
    space = text.rfind(" ", start, end - 1)
    token = text[space + 1 if space >= 0 else start : end - 1]
    if token[-1:] == ".":
        token = token[:-1]
    if token.isalnum():
        return token
    match = _TAIL_WORD_RE.search(text, start, end)
    return match.group(1) if match else ""


def _honorific_before(before: str) -> str:
    """'… đồng chí ' -> 'đồng chí' (the form of address right before a name), else ''."""
    # A form of address is a few characters long: search only the end of a long text.
    match = _HONORIFIC_END_RE.search(before, max(0, len(before) - 40))
    return (match.group(1) or match.group(2)) if match else ""


# A full stop inside a word ("Sở Y tế TP.HCM", "UBND H.Krông Pắk") or after "TP" ends no
# clause.
_CLAUSE_BREAK_RE = re.compile(r"[,;:!?()“”\"]|\.(?!\w)(?<!\bTP\.)(?<!\bTp\.)")
# Words of a title searched for its first role word; and, when none is found there, how far
# a title of office words and an organisation's name may reach ("Giám đốc Sở Nông nghiệp và
# Phát triển nông thôn tỉnh Sơn La").
_TITLE_WORDS = 9
_LONG_TITLE_WORDS = 18
# A long title holds no clause's words and no number: "Phó Tổng thống Mỹ chưa đầy một tháng
# nhưng Joe Biden", "Tổng thống Ukraine điều động xe tăng T-80 đến Donbass Tổng thống …".
_NOT_IN_LONG_TITLE_RE = re.compile(_CLAUSE_WORD_RE.pattern + r"|\d")


_TITLE_BEFORE_RE = re.compile(rf"(?<!\w)(?i:{_alternation(ROLE_HEADS)})(?: [{_UPPER}][\w&]*)+ $")


_CAPITALISED_END_RE = re.compile(rf"[{_UPPER}][\w&]* $")


_ASIDE_END_RE = re.compile(r"\s*\([^()]{1,80}\)\s*$")
_DASH_ADDRESS_END_RE = re.compile(
    r"\s*[-–—]\s*(?:" + "|".join(h.capitalize() for h in _HONORIFICS_LONGEST_FIRST) + r")?$"
)


def _first_title(clause: str, words: list[str], n_words: int) -> tuple[str, int]:
    """The title that the last `n_words` words of `clause` end with, from its first role word
    (and where it starts); ('', 0) when there is none. Past `_TITLE_WORDS` words, a title is
    a role word, then an organisation's name that starts with a capital and holds no
    clause's words."""
    window = " ".join(words[-n_words:])
    offset = max(0, len(clause) - len(window))
    long = n_words > _TITLE_WORDS
    for match in _ROLE_HEAD_RE.finditer(clause, offset):
        if match.start() == offset and offset:
            # The window may start inside a role word: "Bộ| trưởng …".
            for longer in _ROLE_HEAD_RE.finditer(clause, max(0, offset - 12), match.end()):
                if longer.end() == match.end():
                    match = longer
                    break
        candidate = clause[match.start() :].strip()
        head = match.end() - match.start()
        while (more := _ROLE_HEAD_RE.match(candidate, head + 1)) is not None:
            head = more.end()  # "Phó thư ký": one title of two role words
        if long and not (
            candidate[head:].lstrip()[:1].isupper()
            and not _NOT_IN_LONG_TITLE_RE.search(candidate, head)
            and not candidate.endswith((" và", " cùng"))
            and not _names(candidate)
        ):
            continue
        # "nguồn tin thân cận với tổng thống Mỹ X": the title is the part after "với";
        # "Tổng thống Pháp Macron và Tổng thống Nga X": a title never holds another name.
        if _restarts(candidate, head):
            continue  # "nghệ sĩ Trung Dân Danh hài Thu Trang": the last title is hers
        if (
            not _ROLE_STOP_RE.search(candidate, head)
            # "bị cáo chỉ tin tưởng để luật sư X": a role word in a clause
            and not _CLAUSE_WORD_RE.search(candidate, head)
            and not (
                " và " in candidate and any(end < len(candidate) for _, _, end in _names(candidate))
            )
        ):
            return candidate, match.start()
    return "", 0


def _restarts(candidate: str, head: int) -> bool:
    """Whether a capitalised title of a person starts again inside `candidate` (a caption
    run into the text), not after an organisation's word ("Hội Nhà báo")."""
    for later in _ROLE_HEAD_RE.finditer(candidate, head):
        if candidate[later.start()].isupper() and (
            " " in later.group()
            or _ROLE_HEAD_RE.match(candidate, later.end() + 1)
            # "… Facebooker" right before the name: a person's title of one word
            or (later.end() == len(candidate) and later.group().lower() in PERSON_TITLES)
        ):  # "Danh hài", "Phó thư ký": a title of its own, not a word inside a name
            previous = candidate[head : later.start()].split()
            if (
                previous  # not "Phó Tổng thống": one title
                and previous[-1][:1].isupper()  # not "phát ngôn viên của Thủ tướng"
                # not "Chủ tịch Hội Nhà báo", "Chủ nhiệm Đoàn Luật sư": an organisation's name
                and previous[-1] not in _NEVER_IN_NAME
                and not (len(previous) == 1 and previous[0] in _ORG_WORDS)
            ):
                return True
    return False


def _title_before(before: str) -> str:
    """'…, Bộ trưởng Thông tin và Truyền thông ' -> 'Bộ trưởng Thông tin và Truyền thông'."""
    if len(before) > 400:
        # Only the last clause's last words count: the end of a long text gives the same
        # title when it holds the start of that clause, or more than those words.
        tail = before[-400:]
        if _CLAUSE_BREAK_RE.search(tail) or len(tail.split()) > _TITLE_WORDS:
            before = tail
    aside = _ASIDE_END_RE.search(before, max(0, len(before) - 120)) if ")" in before[-3:] else None
    if aside:
        # "nguyên Cục trưởng cục Đê điều (bộ NN&PTNT) Nguyễn Văn A": the aside is no title.
        before = before[: aside.start()] + " "
    clause = _CLAUSE_BREAK_RE.split(before)[-1]
    words = clause.split()
    clause = clause.rstrip()
    title, start = _first_title(clause, words, _TITLE_WORDS)
    if not title and len(words) > _TITLE_WORDS:
        # A long title holds no clause's words: the last words must hold none either.
        window = " ".join(words[-_TITLE_WORDS:])
        if not _NOT_IN_LONG_TITLE_RE.search(window) and not _ROLE_STOP_RE.search(window):
            title, start = _first_title(clause, words, _LONG_TITLE_WORDS)
    if not title:
        return ""
    # "ủy viên Đoàn Chủ tịch Ủy ban …": a longer title reaches further back when a role word
    # is followed by nothing but capitalised words up to it.
    extended = (
        _TITLE_BEFORE_RE.search(clause, max(0, start - 60), start)
        if _CAPITALISED_END_RE.search(clause, max(0, start - 30), start)
        else None
    )
    first_head = _ROLE_HEAD_RE.match(clause, extended.start()) if extended else None
    if extended and not (
        first_head and _restarts(clause[extended.start() :], first_head.end() - extended.start())
    ):
        # (but "nghệ sĩ Lê Trung Danh hài": a person's title starts anew after a name)
        title = clause[extended.start() :].strip()
    for h in _HONORIFICS_LONGEST_FIRST:
        # In lower case only: "Thủ tướng Anh" is Britain's prime minister, not "anh".
        if title.endswith(" " + h):
            title = title[: -len(h) - 1].strip()
            break
    # "Trưởng phòng Giáo dục quận X - Bà Trần Lưu Hoa": the dash and the form of address
    # are no part of the title.
    title = _DASH_ADDRESS_END_RE.sub("", title)
    if title.endswith((" và", " cùng", " với")):
        return ""  # "giữa lãnh đạo trường và ông Đăng": someone else's title
    return title


def _role_segment_before(before: str) -> str:
    """'…, giám đốc doanh nghiệp này, ông ' -> 'giám đốc doanh nghiệp này'."""
    parts = before.rstrip().rsplit(",", 2)
    if len(parts) < 2 or parts[-1].strip().lower() not in HONORIFICS:
        return ""
    segment = _SENTENCE_BREAK_RE.split(parts[-2])[-1].strip()
    if (
        # '"…, quản lý yếu kém", ông Long nói': the end of a quote, not his role
        not _MARK_RE.search(segment)
        and _ROLE_HEAD_RE.match(segment)
        and len(segment.split()) <= 10
        and _names_allowed_in_role(segment)
    ):
        return segment
    return ""


_ROLE_PREDICATE_RE = re.compile(
    rf"\s+(?:hiện là|hiện đang là|đang là|là|làm)\s+(?=(?:{_alternation(ROLE_HEADS)})(?!\w))",
    re.IGNORECASE,
)


def _cut_role(text: str, heads: re.Pattern[str] = _ROLE_HEAD_RE) -> str:
    """A role phrase at the start of `text`, up to punctuation or the next verb."""
    head = heads.match(text)
    if not head:
        return ""
    segment = text[: _role_end(text, head.end())].strip()
    if len(segment.split()) > _MAX_ROLE_WORDS or not _names_allowed_in_role(segment):
        return ""
    return segment


# A city or a district written "TP.HCM", "Q.Gò Vấp", "H.Krông Pắk" ends an office's name.
_PLACE_ABBR_RE = re.compile(
    rf"(?<!\w)(?:TP|Tp|Q|H|P|TX|TT)\.[{_UPPER}][{_UPPER}{_LOWER}]*(?: [{_UPPER}][{_LOWER}]*)*"
)


def _role_end(text: str, after_head: int) -> int:
    """Where a role phrase that starts `text` ends: at punctuation, at a verb or a function
    word, after a city written with a full stop ("Giám đốc Sở Y tế TP.HCM | đọc báo cáo"),
    before a bracket left open."""
    end = len(text)
    for stop in (_ROLE_END_RE.search(text), _ROLE_STOP_RE.search(text, after_head)):
        if stop:
            end = min(end, stop.start())
    place = _PLACE_ABBR_RE.search(text, after_head, end)
    if place:
        end = place.end()
    bracket = text.rfind("(", 0, end)
    if bracket > 0 and text.find(")", bracket, end) < 0:
        end = bracket
    also = _AND_THEN_IS_RE.search(text, after_head, end + 4)
    if also:
        end = min(end, also.start())  # "biên tập viên tờ A và là người …": two descriptions
    return end


# "… và là người …", "… đồng thời là …": a second description of the same person
_AND_IS = r"\s+(?:và|đồng thời)(?:\s+(?:cũng|còn))?\s+là\s"
_AND_THEN_IS_RE = re.compile(_AND_IS)


_FORMER_RE = re.compile(r"(?:nguyên|cựu|quyền|tân)\s+")


def _appositive_run(after: str) -> tuple[list[str], int]:
    """', Ủy viên Trung ương Đảng, Bộ trưởng … cho biết' -> (the role segments after a name,
    how many characters of `after` they take)."""
    roles: list[str] = []
    used = 0
    while True:
        # ", Tổng giám đốc X" or " – Giáo viên chủ nhiệm lớp 4A"
        match = _APPOSITIVE_SEP_RE.match(after, used)
        if not match:
            break
        rest = after[match.end() :]
        former = _FORMER_RE.match(rest)  # "nguyên Cục trưởng …", "cựu Bộ trưởng …"
        head = _ROLE_HEAD_RE.match(rest, former.end() if former else 0)
        if not head:
            break
        end = _role_end(rest, head.end())
        segment = rest[:end].strip()
        if (
            not segment
            or len(segment.split()) > _MAX_ROLE_WORDS
            or not _names_allowed_in_role(segment)
        ):
            break  # "Tổng Bí thư X, Chủ tịch nước Y": a list of people, not X's roles
        if segment == head.group() and segment.islower() and _VERB_RE.match(rest, end):
            break  # "… với bị cáo X, nhân chứng nói": the witness speaks, X is no witness
        roles.append(segment)
        used = match.end() + len(rest[:end].rstrip())
    return roles, used


_CAPITAL_RE = re.compile(rf"[{_UPPER}]")


def _names_allowed_in_role(segment: str) -> bool:
    """Whether the names in a role phrase leave it someone's role: 'lãnh đạo Warburg Pincus'
    (capitalised words with no diacritics after a title: where they work), 'phát ngôn viên
    của Tổng thống X' (whose spokesperson); not 'Chủ tịch nước Nguyễn Văn A' (another
    person)."""
    found = _names(segment)
    if not found:
        return True
    of = segment.find(" của ")
    head = _ROLE_HEAD_RE.match(segment)
    office = head is not None and head.group().lower() in _OFFICE_TITLE_WORDS
    for name, start, _ in found:
        if 0 <= of < start:
            continue
        if _names_organisation(segment, head.end() if head else 0, name, start):
            continue
        if (
            not (name.isascii() and name.split()[0] not in SURNAMES)
            or not office
            or _CAPITAL_RE.search(segment, head.end() if head else 0, start)
        ):
            # "Tổng thống Donald Trump", "Chánh Văn phòng Nhà Trắng Reince Priebus": another
            # person, not where this one works.
            return False
    return True


def _names_organisation(segment: str, head_end: int, name: str, start: int) -> bool:
    """Whether a Vietnamese name of two syllables right after an organisation's capitalised
    words names that organisation ("Giám đốc Trung tâm Dịch vụ Kim Long", "Công ty Hoàng
    Long"): a person named inside a role has a full name of three or more syllables."""
    words = name.split()
    if len(words) != 2 or words[0] not in SURNAMES:
        return False
    before = segment[head_end:start].split()
    return bool(before) and before[0][:1].isupper() and before[-1][:1].islower()


def _appositives(after: str) -> list[str]:
    return _appositive_run(after)[0]


def _trim_phrase(phrase: str) -> str:
    phrase = phrase.strip(' ,.;:-–—"“”')
    phrase = _LEADING_LINK_RE.sub("", phrase)
    phrase = _TRAILING_ADVERB_RE.sub("", phrase)
    return phrase.strip()


# --- quote marks ----------------------------------------------------------------------------


# An opening mark where a quoted sentence starts: after a colon, a comma or a full stop.
_SENTENCE_QUOTE_BEFORE_RE = re.compile(r"[:,.] ?[“\"]$")


@dataclass
class _Span:
    """Quoted words: from (passage index, offset) to (passage index, offset), marks excluded."""

    start: tuple[int, int]
    end: tuple[int, int]
    opened: bool = True  # False when the opening mark is missing
    closed: bool = True
    first_end: int | None = None  # where the first paragraph's part ends, if not at its end


def _straight_role(text: str, i: int, depth_straight: bool) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before.isspace() or before in "([{—–-:/" + _QUOTE_OPEN
    closes = after.isspace() or after in ",.;:!?)]}…" + _QUOTE_CLOSE
    if opens and not after.isspace():
        return "open" if not (closes and depth_straight) else "close"
    if closes and not before.isspace():
        return "close"
    if not before.isspace() and not after.isspace():
        return "close" if depth_straight else "open"
    return "none"


def _straight_single_role(text: str, i: int, stack: list[tuple[str, tuple[int, int], int]]) -> str:
    """A straight "'" quotes like "‘’" ('Tôi vay …', ông X nói) when it opens a capitalised
    word after a space or an opening sign and closes one before a space or a stop; before a
    lower-case word it marks a term ('đừng có mơ'), and inside a word ("O'Neill") or after a
    number ("8h40'") it is no mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if stack and stack[-1][0] == _SINGLE and not before.isspace():
        if after.isspace() or after in ",.;:!?)]}…" + _QUOTE_CLOSE + _STRAIGHT:
            return "close"
    if (before.isspace() or before in _SINGLE_OPENS_AFTER + _QUOTE_OPEN) and after.isupper():
        return "open"
    return "none"


class _Scanner:
    """Top-level quoted spans over a run of paragraphs (nested quotes stay inside), fed one
    paragraph at a time: a span comes out as soon as it is closed or given up."""

    def __init__(self) -> None:
        # (kind, position after the opening mark, length of the paragraph it opened in)
        self.stack: list[tuple[str, tuple[int, int], int]] = []

    def oldest(self) -> int | None:
        """The paragraph of the oldest quote still open."""
        return self.stack[0][1][0] if self.stack else None

    def feed(self, p: int, text: str) -> list[_Span]:
        spans: list[_Span] = []
        stack = self.stack
        if stack and p - stack[0][1][0] >= _MAX_CARRY:
            # Never closed: give the quote up to the end of its own paragraph.
            _, start, length = stack[0]
            spans.append(_Span(start, (start[0], length), closed=False))
            stack.clear()
        carried = bool(stack)
        # Quotes closed right inside a quote opened in this paragraph: if that one is never
        # closed, they were the paragraph's own quotes (see `_unclosed`).
        inner: list[_Span] = []
        for mark in _MARK_RE.finditer(text):
            i, ch = mark.start(), mark.group()
            if ch in _QUOTE_OPEN:
                role = "open"
            elif ch in _QUOTE_CLOSE:
                role = "close"
            elif ch == "‘":
                opens = i == 0 or text[i - 1] in _SINGLE_OPENS_AFTER
                role = "open" if opens and text[i + 1 : i + 2].isalnum() else "none"
            elif ch == "’":
                role = "close" if stack and stack[-1][0] == _SINGLE else "none"
            elif ch == "'":
                role = _straight_single_role(text, i, stack)
            else:
                role = _straight_role(text, i, bool(stack) and stack[-1][0] == _STRAIGHT)
            kind = _STRAIGHT if ch == _STRAIGHT else _SINGLE if ch in "‘’'" else "curly"
            if role == "open":
                if carried and i == 0 and len(stack) == 1:
                    continue  # a new paragraph of a quote that runs on re-opens it
                stack.append((kind, (p, i + 1), len(text)))
            elif role == "close":
                while kind != _SINGLE and stack and stack[-1][0] == _SINGLE:
                    stack.pop()  # a "‘" that was no quote mark
                if stack:
                    _, start, _ = stack.pop()
                    if not stack:
                        spans.append(_Span(start, (p, i)))
                        inner.clear()
                    elif len(stack) == 1 and stack[0][1][0] == p:
                        inner.append(_Span(start, (p, i)))
                else:
                    spans.append(_Span((p, 0), (p, i), opened=False))
            carried = False
        while stack and stack[-1][0] == _SINGLE:
            stack.pop()  # not closed in its paragraph: no quote mark
        if len(stack) == 1 and stack[0][1][0] == p and not carried:
            spans.extend(self._unclosed(p, text, inner))
        return spans

    def _unclosed(self, p: int, text: str, inner: list[_Span]) -> list[_Span]:
        """A quote opened in paragraph p and not closed there, with whole quoted sentences
        inside it (`Nguyên văn: “… . Anh X cho biết, “…”. Tài khoản Y viết: “…”`): its
        closing mark was left out. It ends before the sentence of the first of them, and
        they are quotes of their own; else the quote may run on into the next paragraph."""
        starts = [
            span
            for span in inner
            if _SENTENCE_QUOTE_BEFORE_RE.search(text, max(0, span.start[1] - 3), span.start[1])
            and len(text[span.start[1] : span.end[1]].split()) >= 4
        ]
        if not starts:
            return []
        _, start, _ = self.stack.pop()
        first = starts[0].start[1]
        cut = max(text.rfind(". ", start[1], first), text.rfind("? ", start[1], first))
        out = [_Span(start, (p, cut + 1 if cut > start[1] else first - 1), closed=False)]
        return out + [span for span in inner if span.start[1] >= first]

    def finish(self) -> list[_Span]:
        if not self.stack:
            return []
        _, start, length = self.stack[0]
        self.stack.clear()
        return [_Span(start, (start[0], length), closed=False)]


# --- attribution ----------------------------------------------------------------------------


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding `offset` (or ending right at it), else the last one."""
    # Sentences are sorted and apart (white space between them): a bisection finds the one.
    i = bisect_right(sentences, offset, key=_sentence_start) - 1
    if i >= 1 and sentences[i - 1].end == offset:
        return sentences[i - 1]
    if i >= 0 and offset <= sentences[i].end:
        return sentences[i]
    return sentences[-1] if sentences else None


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


@dataclass
class _Found:
    span: _Span
    speaker: Speaker
    form: str
    attribution_end: tuple[int, int]  # (paragraph, offset) where the attribution ends


_FIRST_PERSON_RE = re.compile(r"(?<!\w)(?:[Tt]ôi|[Cc]húng tôi|[Mm]ình|[Cc]húng em)(?!\w)")
_INTRODUCES_RE = re.compile(r"(?:\s+thêm)?\s*(?:[,:]|rằng\b)")
# `"…". Đó là chia sẻ của anh X.`: the next sentence says whose words they were.
_THAT_WAS_RE = re.compile(
    r"[.,–—-]?\s*(?:Đó|Đây|đó|đây) (?:chính )?là (?:những |một )?(?:lời |câu )?"
    r"(?:chia sẻ|kể|tâm sự|khẳng định|nhận định|ý kiến|nói|phát biểu|bày tỏ|nhận xét)"
    r" (?:của|từ) (?P<who>[^.!?;]{2,150})(?:[.!?]|$)"
)
# _REPORTING_RE without its look-behind: it matches wherever that does (and a sentence it
# does not match needs no closer look), but as it starts with the verbs themselves, the
# engine can skip through a sentence instead of trying every position.
# (Each alternative starts with its own word, not a group: the engine then skips to the
# characters that start one. Only whether it matches is asked.)
_REPORTING_HINT_RE = re.compile(
    "|".join(
        re.escape(verb) + r"(?:\s+thêm)?\s*(?:,|\s+rằng\b|:)"
        for verb in sorted(set(REPORTING_VERBS), key=len, reverse=True)
    )
    + r"|cho biết|cho hay|cho rằng|"
    + "|".join(re.escape(verb) + r"\s*:" for verb in _COLON_SPEECH.split("|"))
)


_LABEL_RE = re.compile(r":\s")
# Words that open a sentence and are no name ("Rồi Ngọc thành khẩn nói:").
_SENTENCE_LINKS = frozenset("Rồi Thế Vậy Lúc Hồi Giờ Nay Chỉ Ngay Vừa".split())
# A text that says something itself: "thông báo ghi:", "bức thư viết:".
_WRITING_RE = re.compile(
    r"(?:thông báo|bức thư|lá thư|thư|bài viết|bài đăng|văn bản|tấm biển|biển|dòng chữ|"
    r"tờ|cuốn|quyết định|nghị quyết|điều luật|luật|khoản|điều)(?!\w)",
    re.IGNORECASE,
)
# "nói như ông X thì …:", "mượn lời X:": someone else's words, and whose.
_SAID_AS_RE = re.compile(
    r"(?<!\w)(?:nói như|như lời|mượn lời|dùng lời)\s+(?P<who>[^,;:]{2,80}?)"
    r"(?:\s+(?:thì|là|rằng|đã nói|từng nói|nói)(?!\w)[^,;:]*)?$"
)
# A colon that introduces a list, not anyone's words ("những ca khúc như:", "gồm:").
_LIST_INTRO_END_RE = re.compile(r"(?<!\w)(?:như|gồm|bao gồm|sau|sau đây|là|như sau)\s*$")
# What may stand before a clause's subject: nothing, a linking word, an adverb of place.
_SUBJECT_LEAD_RE = re.compile(
    r"\s*(?:(?:còn|và|nhưng|song|riêng|trong khi đó|về phần mình|ngay sau đó|lúc này|khi đó)"
    r"\s*"
    r"|(?:trên|tại|qua) [^,;:]{1,30}\s)?",
    re.IGNORECASE,
)
# "Đoạn clip do X quay và đăng … với dòng trạng thái:": the agent of a passive posted it
# (not "Tấm bằng khen do ông X ký có ghi:", a document he signed).
_AGENT_LEAD_RE = re.compile(r"[^,;:]{1,30}\sdo\s")
# Words someone posted, with no verb of saying: "đăng một bức ảnh cùng dòng trạng thái “…”",
# "với những lời tự sự “…”", "đầy tâm sự “…”".
_POSTED_END_RE = re.compile(
    r"(?<!\w)(?:với|cùng|kèm|kèm theo|đầy)\s+(?:(?:những|một|các|vài)\s+)?"
    r"(?:(?:dòng|lời|câu|đoạn)\s+)?(?:trạng thái|status|chia sẻ|tâm sự|tự sự|chú thích|"
    r"caption|tâm trạng)(?:\s+[^\s,.;:]+){0,2}\s*$"
)


# Words a short name's predicate opens with: an adverb, or a verb of saying or of manner.
_PREDICATE_START_RE = re.compile(
    r" (?:cũng|đã|vẫn|lại|liền|bèn|ngay|chỉ|còn|vội|từng|đang|mới|nhẹ nhàng|thẳng thắn)(?!\w)|"
    rf" (?:{_alternation(SPEECH_VERBS)}|{_alternation(tuple(MANNER_VERBS))})(?!\w)"
)
# "… dòng tweet của nhà sáng lập Uber Travis Kalanick:", "ông X dẫn Hiến pháp năm 2013, …
# quy định:": the words are someone else's, or a text's.
_OF_SOMEONE_RE = re.compile(rf"(?<!\w)(?:của|dẫn|trích|trích dẫn|đọc)\s[^,:]{{0,40}}?[{_UPPER}]")


def _is_predicate(rest: str) -> bool:
    """Whether the words after a name are its own predicate up to the colon: a few lower-case
    words that no link, passive or preposition opens ("được mời", "và", "của") and that
    hold no one else's words ("đọc bức thư của ông Y:")."""
    words = rest.split()
    return (
        rest[:1] == " "
        and 1 <= len(words) <= 20
        and words[0].islower()
        and not _LINK_OR_PASSIVE_RE.fullmatch(words[0])
        and not _PREPOSITION_END_RE.search(words[0])
        and not _OF_SOMEONE_RE.search(_PAREN_RE.sub("", rest))
    )


# Descriptions that stand for someone named earlier ("chàng trai", "nữ ca sĩ", "người đứng
# đầu Chính phủ"), then at most a few words more ("sinh năm 1992", "vui vẻ").
_FEMALE_HEADS = ("cô", "nàng", "nữ", "người đẹp", "mỹ nhân")
_MALE_HEADS = ("chàng", "anh chàng", "nam ")
_DESCRIPTION_RE = re.compile(
    r"(?P<head>chàng trai|anh chàng|cô gái|cô nàng|người đẹp|mỹ nhân|người đứng đầu|tỷ phú|"
    r"tỉ phú|huyền thoại|"
    r"(?:nam|nữ) (?:"
    + _alternation(tuple(sorted(PERSON_TITLES, key=len, reverse=True)))
    + r"))(?!\w)(?: [^\s,]+){0,5}$",
    re.IGNORECASE,
)


def _sex_of(person: Person) -> str:
    """'m' or 'f' when the text says (a form of address, "Văn" or "Thị" in the name)."""
    if person.gender:
        return person.gender
    words = person.name.split()
    return "f" if "Thị" in words[1:-1] else "m" if "Văn" in words[1:-1] else ""


_CREDIT_RE = re.compile(
    r"(?:\b" + _CREDIT_LABEL + r"\s*:\s*[\w.&-]+(?:\s*/\s*[\w.&-]+)*"
    r"|^\s*[A-Z][A-Z.&-]+(?:\s*/\s*[A-Z][\w.&-]*)+)\s+(?=[" + _UPPER + "])"
)


def _speaker_clause(head: str) -> str:
    """The clause that ends at a speech verb, where its subject is: after the last semicolon,
    without brackets, after "dẫn lời" ("báo A dẫn lời ông X": X speaks, not the paper), at
    most `_SPEAKER_REACH` characters, without the adverbs right before the verb."""
    clause = _PAREN_RE.sub("", _SEMICOLON_RE.split(head)[-1]).rstrip(" ,")
    if ":" in clause or "/" in clause:
        # "Ảnh: AFP/TTXVN Ông X nói": a photo credit run into the sentence (its label may
        # have been cut off before)
        credits = list(_CREDIT_RE.finditer(clause))
        if credits:
            clause = clause[credits[-1].end() :]
    quoting = [m.end() for m in _QUOTING_RE.finditer(clause)] if "lời" in clause else []
    if quoting:
        clause = clause[quoting[-1] :]
    # A speaker phrase is a few hundred characters at most: what comes before is not it.
    if len(clause) > _SPEAKER_REACH:
        clause = clause[-_SPEAKER_REACH:]
    # "- chị Y. chia sẻ": the full stop of an initial
    return _TRAILING_ADVERB_RE.sub("", clause.rstrip(" ."))


def _subject_names(clause: str) -> list[tuple[str, int, int]]:
    """The names in a speaker clause that may be its subject: all of them, except those after
    a name whose appositive roles run to the clause's end ("ông X, Giám đốc … của ông Y,
    cho hay": every word after X is X's role)."""
    found = _names(clause)
    for i, (_name, _start, end) in enumerate(found[:-1]):
        rest = clause[end + _appositive_run(clause[end:])[1] :]
        if not rest.strip(" ,") or _ADJUNCT_RE.fullmatch(rest) or _is_place_aside(rest):
            return found[: i + 1]
    return found


# What follows a name that is a speech verb's subject: the length of its appositive roles,
# the comma-separated descriptions after them, and a modifier saying who the person is.
_AfterName = tuple[int, list[str], str]


_PREPOSITION_END_RE = re.compile(r"(?<!\w)(?:với|cho|về|tới|đến|từ|giữa)\s*$")


def _object_of_preposition(clause: str, start: int) -> bool:
    """Whether the name at `start`, with its title or form of address, follows a
    preposition: the object of another verb, not the subject of the one after it."""
    before = clause[:start]
    title = _title_before(before) or _honorific_before(before)
    if title:
        at = before.rfind(title)
        before = before[: max(0, at)]
    return bool(_PREPOSITION_END_RE.search(before, max(0, len(before) - 8)))


def _before_object(clause: str, start: int) -> str:
    """The words before the preposition whose object is the name at `start`."""
    before = clause[:start]
    title = _title_before(before) or _honorific_before(before)
    if title:
        before = before[: max(0, before.rfind(title))]
    return _PREPOSITION_END_RE.sub("", before).rstrip()


# A time or a place after a person's role, before the verb: "trong giai đoạn 2013-2016".
_ADJUNCT_RE = re.compile(r"\s+(?:trong|tại|ở|từ|vào|hồi)\s[^,;:]{1,40},?\s*")
# ", TP Đà Nẵng," after a role: where the organisation is, not another person.
_KNOWN_PLACES = PROVINCES | PLACES
_PLACE_ASIDE_RE = re.compile(r"(?:,\s*[^,;:]{2,30}?){1,3},?\s*")
_PLACE_WORD_RE = re.compile(r"(?:TP\.?|[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|[Qq]uận|[Tt]hị xã) ?")


def _is_place_aside(rest: str) -> bool:
    """', TP Đà Nẵng,', ', Chư Sê, Gia Lai,': after a role, where the organisation is: 1-3
    capitalised names, the last one a province's, a known place's or after a place word."""
    if not _PLACE_ASIDE_RE.fullmatch(rest):
        return False
    chunks = [chunk.strip() for chunk in rest.split(",") if chunk.strip()]
    bare = [chunk[m.end() :] if (m := _PLACE_WORD_RE.match(chunk)) else chunk for chunk in chunks]
    return all(_CAP_RUN_RE.fullmatch(chunk) for chunk in bare) and (
        bare[-1] in _KNOWN_PLACES or _PLACE_WORD_RE.match(chunks[-1]) is not None
    )


_MANY_WORD_COUNTRIES = frozenset({"Trung Quốc", "Thổ Nhĩ Kỳ", "Triều Tiên", "Hàn Quốc", "Nhật Bản"})


_TIME_WORDS = frozenset(
    "hôm qua nay kia sáng trưa chiều tối đêm ngày tuần tháng năm sau trước đó mới đây gần "
    "cùng cuối đầu".split()
)
_DATE_RE = re.compile(r"[\d/.-]+")


def _after_time_words(segment: str) -> str:
    """'hôm qua Nga' -> 'Nga': the words after a time that opens the segment."""
    words = segment.split()
    i = 0
    while i < len(words) - 1 and (words[i] in _TIME_WORDS or _DATE_RE.fullmatch(words[i])):
        i += 1
    return " ".join(words[i:])


def _is_country(segment: str) -> bool:
    """'Triều Tiên', 'Trung Quốc', 'Iran' (not 'Nga', 'Anh', 'Đức': Vietnamese given names
    too, and 'Anh' starts a sentence as 'he')."""
    if segment in _MANY_WORD_COUNTRIES:
        return True
    return " " not in segment and segment in _COUNTRIES and segment.isascii() and _foreign(segment)


def _looks_like_name(segment: str) -> bool:
    """Capitalised words that may be a person's name: 2-4 of them, no place's or office's."""
    words = segment.split()
    return (
        2 <= len(words) <= 4
        and bool(_CAP_RUN_RE.fullmatch(segment))
        and " ".join(words[:2]) not in PLACES
        and not any(w in _ORG_WORDS or w in _NEVER_IN_NAME for w in words)
    )


_LINK_OR_PASSIVE_RE = re.compile(
    r"(?<!\w)(?:bị|được|nhưng|mà|thì|còn|và|cho|với|của|khi|rồi|nhiều|người|khiến|làm|để)(?!\w)"
)


_AND_ALSO_IS_RE = re.compile(_AND_IS + r"\s*[^,]{1,160}(?=,|$)")


def _words_after_name(clause: str, end: int) -> _AfterName | None:
    """What stands between the name ending at `end` and the verb, when the name is the
    verb's subject; None when other words there make it no subject."""
    _, used = _appositive_run(clause[end:])
    rest = clause[end + used :]
    also = _AND_ALSO_IS_RE.match(rest)
    if also and used and not _VERB_RE.search(also.group()):
        # "X, biên tập viên tờ A và là người giữ kỷ lục …, chia sẻ": a second description
        rest = rest[also.end() :]
    extra = [seg.strip() for seg in rest.split(",")[1:]]
    adverbs = rest.strip()
    if (
        adverbs
        and "," not in adverbs
        and adverbs.islower()
        and (
            len(adverbs.split()) <= 2
            # "anh Tuấn đứng bật dậy nói" (not "X bị nhiều người gọi là", "X được … gọi")
            or (len(adverbs.split()) <= 4 and not _LINK_OR_PASSIVE_RE.search(adverbs))
        )
    ):
        return used, [], ""  # "ông Ga cũng khẳng định", "anh Tuấn đứng bật dậy nói"
    if (
        _MODIFIER_RE.match(rest)
        and "," not in rest
        and len(adverbs.split()) <= 8
        and not _VERB_RE.search(rest)
    ):
        # "HLV X của Sevilla nói", "Trung sỹ X thuộc đội cứu hộ nói": who X is.
        return used, [], adverbs
    if _ADJUNCT_RE.fullmatch(rest) or _is_place_aside(rest):
        # "…, cố vấn của ông Trump trong giai đoạn 2013-2016, cho biết", "…, Gia Lai, nói"
        return used, [], ""
    if rest.strip(" ,") and not (
        rest.lstrip().startswith(",")
        and all(len(seg.split()) <= 12 and not _VERB_RE.search(seg) for seg in extra)
        and not (extra and _looks_like_name(extra[0]))
    ):
        # Other words between the name and the verb: not its subject ("… “chửi” Hà Anh,
        # Trang Trần viết": the capitalised words after the comma are the one who writes).
        return None
    return used, extra, ""


class QuoteExtractor:
    """The quotes of one document, fed in windows of passages so that a big document never
    has to be held whole.

    Two passes over the passages, in document order: `scan(passage)` for every passage
    builds the registry of people (a role or a pronoun may point at someone named later in
    the text, as the whole document is known before any quote is attributed); then
    `feed(passages, sentences)` window by window returns the quotes found so far, and
    `finish()` the rest (and, with `reported=True`, reported speech, which is attributed
    once every quote is). Only the paragraphs a quote still open may reach are kept.
    The result is the same as `extract_quotes` on the whole document, up to order.
    """

    def __init__(self, sha256: str, reported: bool = False) -> None:
        self.sha256 = sha256
        self.reported = reported
        self.registry = Registry()
        self._scan_pos = 0  # stream position of the next passage, registry pass
        self._pos = 0  # stream position of the next passage, extraction pass
        # Body paragraphs by index among body paragraphs (kept while a quote may reach them),
        # their stream positions and sentences by passage ordinal.
        self._body: dict[int, Passage] = {}
        self._base: dict[int, int] = {}
        self._sentences: dict[int, list[Sentence]] = {}
        self._n_body = 0
        self._kept_from = 0
        self._scanner = _Scanner()
        self._pending: _Span | None = None  # a wholly quoted paragraph with no attribution yet
        self._last: _Found | None = None  # the quote taken last, for one that goes on
        self._covered: set[int] = set()  # sentences where a quote starts
        self._candidates: list[tuple[Sentence, int]] = []  # for reported speech, with position

    def scan(self, passage: Passage) -> None:
        """First pass: record the people a passage names."""
        if passage.kind in ("title", "body", "caption"):
            self.registry.scan(passage.text, self._scan_pos)
        self._scan_pos += len(passage.text) + 1

    def feed(self, passages: Iterable[Passage], sentences: Iterable[Sentence]) -> list[Quote]:
        """Second pass, one window at a time (every passage, in order, and its sentences)."""
        for sentence in sentences:
            self._sentences.setdefault(sentence.passage, []).append(sentence)
        quotes: list[Quote] = []
        for passage in passages:
            base = self._pos
            self._pos += len(passage.text) + 1
            if passage.kind != "body":
                own = self._sentences.pop(passage.ordinal, None)
                if passage.kind == "title" and own:
                    quotes.extend(
                        q for q in self._headline(own[0]) if self.reported or q.form == "direct"
                    )
                continue
            p = self._n_body
            self._n_body += 1
            self._body[p] = passage
            self._base[passage.ordinal] = base
            if self.reported:
                self._note_candidates(p)
            for span in self._scanner.feed(p, passage.text):
                quote = self._take(span)
                if quote is not None:
                    quotes.append(quote)
        self._forget()
        return quotes

    def finish(self) -> list[Quote]:
        """The quotes still open at the end of the document, then reported speech."""
        quotes = [q for span in self._scanner.finish() if (q := self._take(span)) is not None]
        if self.reported:
            quotes += self._reported_speech()
        self._pending = None
        self._forget()
        return quotes

    def _forget(self) -> None:
        """Drop the paragraphs no quote can reach any more: a later quote starts at the
        oldest open one (or the pending one, or a new one), and looks one paragraph back."""
        reach = self._n_body
        oldest = self._scanner.oldest()
        if oldest is not None:
            reach = min(reach, oldest)
        if self._pending is not None:
            reach = min(reach, self._pending.start[0])
        for p in range(self._kept_from, reach - 1):
            passage = self._body.pop(p)
            self._base.pop(passage.ordinal, None)
            self._sentences.pop(passage.ordinal, None)
        self._kept_from = max(self._kept_from, reach - 1)

    def _take(self, span: _Span) -> Quote | None:
        """One quoted span, in document order: its attribution, or none (a term, a title)."""
        if not self.quote_text(span).strip(" .,…"):
            return None
        pending = self._pending
        attribution = self.after(span) if span.closed else None
        if attribution and attribution[0].name is None and self.has_colon_intro(span):
            # `Chị X cho biết: “…”. Một chủ cửa hàng cũng xác nhận giá giảm.`: the speaker the
            # colon introduces, not an unnamed one of the next sentence.
            before = self.before(span)
            if before is not None and before[0].name:
                attribution = None
        if (
            attribution
            and pending is not None
            and span.start[0] == pending.end[0] + 1
            and (not span.opened or span.start[1] <= 1)
        ):
            # The quote began one paragraph earlier: `"…` ¶ `…", ông X nói.`
            span = _Span(pending.start, span.end, first_end=pending.end[1])
        self._pending = None
        found: _Found | None = None
        if attribution:
            speaker, end = attribution
            form = "direct" if self.starts_sentence(span) else "embedded"
            found = _Found(span, speaker, form, end)
        elif span.opened:
            before = self.before(span)
            if before is not None:
                found = _Found(span, before[0], before[1], span.end)
            elif not self.starts_sentence(span) and (embedded := self.embedded(span)):
                found = _Found(span, embedded, "embedded", span.end)
            elif (follows := self.continues(span)) is not None:
                found = _Found(span, follows, "direct", span.end)
            elif (reporter := self.after_reported_speech(span)) is not None:
                found = _Found(span, reporter, "direct", span.end)
            elif (subject := self.after_subject(span)) is not None:
                found = _Found(span, subject, "direct", span.end)
            elif self.is_whole_paragraph(span):
                self._pending = span
        if found is None:
            return None
        self._last = found
        said = self.registry.people.get(found.speaker.name or "")
        if said is not None:
            self.registry.last_said = (self.pos(*found.span.start), said)
        quote = self.record(found)
        self._covered.add(quote.sentence_ordinal)
        return quote

    def continues(self, span: _Span) -> Speaker | None:
        """`"…", ông X nói. "…".`: a quoted sentence right after a quote and its attribution,
        with nothing between them and none of its own, goes on with the same speaker."""
        last = self._last
        p, opened = span.start
        if last is None or last.attribution_end[0] != p or span.end[0] != p:
            return None
        between = self.text(p)[last.attribution_end[1] : max(0, opened - 1)]
        # (after a quoted fragment that ends its sentence: "… “nếu kẻ thù mắc sai lầm”. “…”")
        if between.strip(" .…" + _QUOTE_CLOSE + _STRAIGHT) or self.quote_words(span) < 4:
            return None
        after = self.text(p)[span.end[1] + 1 :].lstrip()
        if after[:1] not in ("", ".", "!", "?", "…") and self.quote_text(span)[-1:] not in ".!?…":
            return None  # the quoted words run on into a sentence of the narrator's
        return last.speaker

    def words_before_quote(self, p: int, opened: int) -> str | None:
        """The narrator's words right before a quote opened at `opened` of paragraph `p`: the
        start of its own sentence, else the sentence before; None when there is none."""
        sentences = self.sentences_of(p)
        current = _sentence_at(sentences, max(0, opened - 1))
        if current is None:
            return None
        index = sentences.index(current)
        if current.start < opened - 1 and current.text.lstrip()[:1] not in _QUOTE_OPEN + '"':
            return self.text(p)[current.start : max(0, opened - 1)]
        if index > 0:
            return sentences[index - 1].text
        return None

    def after_reported_speech(self, span: _Span) -> Speaker | None:
        """`Ông X cho biết, dự án sẽ xong trong tháng. "…".`: a quoted sentence with no
        attribution of its own, right after a sentence of the same paragraph where a named
        speaker says something, is that speaker's."""
        p, opened = span.start
        if span.end[0] != p or not span.opened or self.quote_words(span) < 5:
            return None
        if not self.starts_sentence(span):
            return None
        after = self.text(p)[span.end[1] + 1 :].lstrip()
        if span.closed and after[:1] not in ("", ".", "!", "?", "…"):
            return None  # the quoted words run on into a sentence of the narrator's
        previous_text = self.words_before_quote(p, opened)
        if previous_text is None:
            return None
        if _MARK_RE.search(_SHORT_QUOTED_RE.sub("", previous_text)):
            # a sentence with quotes of its own: the other rules read it (a quoted word or
            # two inside it, "anh hơi “yếu đuối”", are the narrator's, not a quote)
            return None
        pos = self.pos(p, opened)
        # A verb that introduces what was said ("cho biết, …", "nói rằng") before any other
        # ("Câu chuyện được X chia sẻ Còn Y thì cho biết, …": a caption run into the text).
        verbs = sorted(
            _VERB_RE.finditer(previous_text),
            key=lambda v: not _INTRODUCES_RE.match(previous_text, v.end()),
        )
        for verb in verbs:
            speaker = self.speaker_at_end(previous_text[: verb.start()], pos)
            if speaker is not None and (
                speaker.name
                # "Một nguồn tin thân cận với X tiết lộ rằng, …": an unnamed source
                or (speaker.role and _SOURCE_ROLE_RE.match(speaker.role))
            ):
                return speaker
        return None

    def after_subject(self, span: _Span) -> Speaker | None:
        """`Kelly cười khi được hỏi về bức ảnh. “Thực sự tôi đã mặc bộ đồ đó…”`: a quoted
        sentence in the first person, with no attribution, right after a sentence that a
        named person opens, is that person's."""
        p, opened = span.start
        if span.end[0] != p or self.quote_words(span) < 5 or not self.starts_sentence(span):
            return None
        if not _FIRST_PERSON_RE.search(self.quote_text(span)):
            return None
        after = self.text(p)[span.end[1] + 1 :].lstrip()
        if span.closed and after[:1] not in ("", ".", "!", "?", "…", *_QUOTE_OPEN, _STRAIGHT):
            return None
        previous = self.words_before_quote(p, opened)
        if previous is None:
            return None
        if previous.rstrip().endswith(":"):
            return None  # `… Người này viết: “…”`: the text says who, and no rule knew whom
        pos = self.pos(p, opened)
        first = _CAP_RUN_RE.match(previous.lstrip())
        if first is None:
            return None
        found = _names(previous.lstrip()[: first.end() + 1])
        if found and found[0][1] == 0:
            speaker, person = self.registry.resolve(found[0][0], pos)
            return speaker if person is not None else None
        word = first.group().split()[0]
        person = self.registry._short(word, pos) if word not in _NOT_A_NAME else None
        return Speaker(person.name, person.role_for(None)) if person is not None else None

    def has_colon_intro(self, span: _Span) -> bool:
        """Whether the quote opens right after a colon (`… nói: “…`)."""
        p, opened = span.start
        return self.text(p)[max(0, opened - 5) : max(0, opened - 1)].rstrip().endswith(":")

    def pos(self, p: int, offset: int) -> int:
        return self._base[self._body[p].ordinal] + offset

    def text(self, p: int) -> str:
        return self._body[p].text

    def sentences_of(self, p: int) -> list[Sentence]:
        return self._sentences.get(self._body[p].ordinal, [])

    def sentence_head(self, p: int, offset: int) -> str:
        """The text of the sentence that holds `offset`, up to it."""
        sentence = _sentence_at(self.sentences_of(p), offset)
        start = sentence.start if sentence is not None and sentence.start <= offset else 0
        return self.text(p)[start:offset]

    def speaker_at_end(self, head: str, pos: int) -> Speaker | None:
        """The speaker named at the very end of `head` (the words before a speech verb):
        'Tại Hội nghị, đồng chí X, Ủy viên …, Bộ trưởng …' -> X; '…, Thủ tướng' -> the
        Thủ tướng named earlier; 'lãnh đạo Cục Viễn thông' -> that role; 'báo A dẫn lời
        một cán bộ điều tra' -> that role; 'Nhà Trắng' -> a named body (no name).

        In order: cut the clause that ends at the verb (`_speaker_clause`), try the names in
        it from the last (`_subject_names`, `_words_after_name`, `_named_speaker`), else read
        the last comma-separated segment as an unnamed speaker (`_unnamed_speaker`)."""
        clause = _speaker_clause(head)
        if not clause.strip():
            return None
        objects = []
        for _name, start, end in reversed(_subject_names(clause)):
            if _object_of_preposition(clause, start):
                objects.append(start)
                continue  # "… quan hệ với bị cáo X, nhân chứng nói": X is no subject
            after_name = _words_after_name(clause, end)
            if after_name is not None:
                named = self._named_speaker(clause, start, end, after_name, pos)
                if named is not None or not _VERB_AT_START_RE.match(clause):
                    return named
                break  # "Phát biểu sau trận đấu, …, Erwin Koeman": read it as a bare name
        if objects and objects[-1] > clause.rfind(",") and len(objects) == len(_names(clause)):
            # "Một nguồn tin thân cận với ca sĩ X tiết lộ": the one before the preposition
            # speaks, the rest of the phrase says who they are
            head = _before_object(clause, objects[-1]).split(",")[-1].strip()
            if (
                len(head.split()) > 5
                or _VERB_RE.search(head)
                or _CLAUSE_WORD_RE.search(head)
                or re.search(r"(?<!\w)(?:đã|đang|sẽ|vừa|mới|cũng)(?!\w)", head)
                or not _SPEAKER_HEAD_RE.match(_ARTICLE_RE.sub("", head, count=1))
            ):
                return self._unnamed_speaker(clause, pos)
            speaker = self._unnamed_speaker(head, pos)
            if speaker is not None and speaker.name is None and speaker.role:
                return Speaker(None, _trim_phrase(clause.split(",")[-1]))
        bare = self._bare_foreign_subject(clause)
        if bare is not None:
            return bare
        speaker = self._unnamed_speaker(clause, pos)
        if speaker is None or speaker.name is None:
            return self._described_person(clause, pos) or speaker
        return speaker

    def _described_person(self, clause: str, pos: int) -> Speaker | None:
        """'Hỏi Hải về …, chàng trai vui vẻ đáp', '“…”. Người đứng đầu Chính phủ cũng cho
        rằng:': a description of a person with no name, standing for someone the text has
        named: the first one named earlier in the same sentence, else the one quoted last,
        else the one named just before (whose sex, when the text gives it, fits)."""
        segment = clause.split(",")[-1].strip()
        described = _DESCRIPTION_RE.match(segment)
        if described is None or _names(segment) or _ARTICLE_RE.match(segment):
            return None
        head = described["head"].lower()
        if head != "người đứng đầu" and any(
            run not in _COUNTRIES and run not in _MANY_WORD_COUNTRIES
            for run in _CAP_RUN_RE.findall(segment, described.end("head"))
        ):
            # "tỷ phú Warren Buffett": a name the family-name list does not know (but "tỷ
            # phú Trung Quốc" is a description)
            return None
        sex = "f" if head.startswith(_FEMALE_HEADS) else "m" if head.startswith(_MALE_HEADS) else ""
        sentence = _LAST_SENTENCE_RE.split(clause[: len(clause) - len(segment)])[-1]
        earlier = [self.registry.resolve(n[0], pos)[1] for n in _names(sentence)]
        for run in _CAP_RUN_RE.finditer(sentence):
            words = run.group().split()
            if len(words) == 2 and words[0] not in _NOT_A_NAME:
                words = words[1:]  # "Hỏi Hải về …": the sentence's first word, then a name
            if len(words) == 1 and words[0] not in _NOT_A_NAME:
                earlier.append(self.registry._short(words[0], pos))
        for person in earlier:
            if person is not None and (not sex or _sex_of(person) in ("", sex)):
                return Speaker(person.name, person.role_for(None))
        said = self.registry.last_said
        recent = said[1] if said is not None and 0 <= pos - said[0] <= _JUST_SAID else None
        if not sex:
            # "người đứng đầu Tỉnh ủy Sóc Trăng": someone whose role names that place or
            # body, or whose role holds all its words ("huyền thoại đầu tư" for the "Nhà đầu
            # tư huyền thoại"), else the one quoted last ("Người đứng đầu Chính phủ" after
            # the Thủ tướng's words)
            places = set(_CAP_RUN_RE.findall(segment[described.end("head") :]))
            said_words = set(segment.lower().split())
            for mention in self.registry._before(pos):
                roles = mention.person.roles
                if any(
                    (places and places & set(_CAP_RUN_RE.findall(r)))
                    or said_words <= set(r.lower().split())
                    for r in roles
                ):
                    recent = mention.person
                    break
            return Speaker(recent.name, recent.role_for(None)) if recent else None
        # Further back, only someone whose sex the text gives and fits ("nữ đạo diễn" is
        # not the man quoted last): the one quoted last, or the one the story is about.
        for person in (recent, self.registry.main_person()):
            if person is not None and _sex_of(person) == sex:
                return Speaker(person.name, person.role_for(None))
        return None

    def _bare_foreign_subject(self, clause: str) -> Speaker | None:
        """'Charles Helms, người quay lại video, nói', 'Khi …, Sir Geoff Hurst, một huyền
        thoại …, lên tiếng': a foreign name with no Vietnamese title or form of address
        (which `_names` does not take) opening the verb's sentence or its main clause, then
        only its descriptions (a description with a verb of its own is refused)."""
        sentence = _LAST_SENTENCE_RE.split(clause)[-1].lstrip()
        if len(sentence) > _SPEAKER_REACH // 2:
            return None
        for at in [0] + [m.end() for m in re.finditer(r",\s*", sentence)]:
            run = _BARE_FOREIGN_RE.match(sentence, at)
            if run is None:
                continue
            said = _VERB_RE.search(sentence, 0, at)
            if said and said.start() > 0:
                # "Khi X nói với Y, …": the name after it is no subject (but "Phát biểu sau
                # trận đấu, trợ lý HLV …, Erwin Koeman cho biết:" opens with the occasion)
                return None
            words = run.group().split()
            if words[0] in _BARE_ADDRESS and len(words) > 2:
                words = words[1:]
            name = " ".join(words)
            if (
                not any(map(_foreign, words))
                or any(w in _ORG_WORDS or w in _NEVER_IN_NAME for w in words)
                or any(w in _NOT_A_NAME or w in _NOT_IN_BARE_NAME or w in _OPENERS for w in words)
                or _ROLE_HEAD_RE.fullmatch(words[0])
                or words[0].lower() in _PERSON_TITLE_WORDS
                or words[0] in ("The", "A", "An")  # "The Diplomat": a title
                or name in PLACES
                or name in _COUNTRIES
            ):
                return None
            after_name = _words_after_name(sentence, run.end())
            if after_name is None or any(_names(seg) for seg in after_name[1]):
                return None
            person = self.registry.person(name)
            for seg in after_name[1]:
                if seg.startswith("một ") or _ROLE_HEAD_RE.match(seg):
                    person.add_role(seg)
            return Speaker(person.name, person.role_for(None))
        return None

    def _named_speaker(
        self, clause: str, start: int, end: int, after_name: _AfterName, pos: int
    ) -> Speaker | None:
        """The speaker when the name at `start:end` of `clause` is the verb's subject: that
        person, or someone of theirs who is not named ("người phát ngôn của Thủ tướng X")."""
        used, extra, modifier = after_name
        title = _title_before(clause[:start])
        honorific = _honorific_before(clause[:start])
        phrase_start = len(clause[:start].rstrip()) - len(honorific)
        if title:
            phrase_start = min(phrase_start, clause.rfind(title, 0, start))
        owner = clause[: max(0, phrase_start)].rstrip()
        of = _OF_RE.search(title)
        segment = _trim_phrase(clause[: end + used].split(",")[-1])
        if (
            (
                owner.endswith(" của")
                or owner == "của"
                or _RELATION_END_RE.search(owner, max(0, len(owner) - 12))
            )
            and _SPEAKER_HEAD_RE.match(segment)
        ) or (of and _ROLE_HEAD_RE.search(title, of.end())):
            # "người phát ngôn của Thủ tướng X nói", "vợ ông X kể": the one who speaks
            # belongs to X and is not named (but "tài khoản của ông X viết" is X).
            return Speaker(None, segment)
        speaker, person = self.registry.resolve(clause[max(0, phrase_start) : end + used], pos)
        if person is None and _INITIALS_ONLY_RE.fullmatch(clause[start:end]):
            # "Bạn H.Z cũng chia sẻ": initials, read with the word for a person before them
            speaker, person = self.registry.resolve(segment, pos)
        if person is not None:
            # "anh X, một nhân viên giao hàng, chia sẻ": a description in place of a role.
            for seg in extra:
                if seg.startswith("một ") or _ROLE_HEAD_RE.match(seg):
                    person.add_role(seg)
            if modifier and title:
                person.add_role(f"{title} {modifier}")
                title = f"{title} {modifier}"
            speaker = Speaker(person.name, person.role_for(title or None))
        return speaker

    def _unnamed_speaker(self, clause: str, pos: int) -> Speaker | None:
        """The speaker when no name in `clause` is the verb's subject, read from its last
        segment: a name the family-name list does not know, a description then a name, a
        named body, or a role ("lãnh đạo Cục Viễn thông", "Thủ tướng")."""
        segment = _trim_phrase(clause.split(",")[-1])
        if _names(segment) or len(segment.split()) > _MAX_ROLE_WORDS:
            return None
        first = segment.split()[0] if segment else ""
        if (
            " " not in segment
            and _CAP_RUN_RE.fullmatch(segment)
            and len(segment) > 2
            and segment not in _NOT_A_NAME
            and segment not in _ORG_WORDS
            and segment not in _NEVER_IN_NAME
            and not _ROLE_HEAD_RE.fullmatch(segment)
        ):
            # "…", Kala cho hay / Trump nói: one capitalised word right before the verb is
            # a person named before, or a foreign name ("Dòng chia sẻ", "Giọng bình luận": a
            # Vietnamese word that names no one known is a noun that starts a sentence).
            known = self.registry._short(segment, pos)
            if known is not None or (segment.isascii() and _foreign(segment)):
                person = known or self.registry.person(segment)
                return Speaker(person.name, person.role_for(None))
        country = _after_time_words(segment)
        if _is_country(country):
            # "Triều Tiên tuyên bố", "hôm qua Nga cho biết": the state speaks, a named body
            return Speaker(None, country)
        if (
            _CAP_RUN_RE.fullmatch(segment)
            and 2 <= len(segment.split()) <= 4
            and segment not in PROVINCES  # "…, Chư Sê, Gia Lai, cho biết": not who speaks
            and not any(w in _OFFICE_WORDS for w in segment.split())  # "Tân Hoa Xã"
            and (
                first not in _ORG_WORDS
                # "Trang Trần viết" (not "Trang Facebook …")
                or (first in _GIVEN_NOT_OFFICE and not any(map(_foreign, segment.split())))
            )
            and not _ROLE_HEAD_RE.match(segment)
        ):
            # Right before a speech verb, capitalised words are a name the family-name list
            # does not know ("Công Phượng nói", "Frank Bernhardt cho biết"), or the end of
            # one named before ("Cô bạn là Bùi Huyền Trang …", "…", Huyền Trang chia sẻ).
            person = self.registry._short(segment, pos) or self.registry.person(segment)
            return Speaker(person.name, person.role_for(None))
        titled = _ROLE_HEAD_RE.match(segment)
        if titled and titled.group().lower() in PERSON_TITLES:
            # "Facebooker Xuân Trần bình luận", "Ca sĩ Hồng Nhung nói": a person's title, then
            # capitalised words that no family name starts and no office word is in.
            rest = segment[titled.end() :].strip()
            words = rest.split()
            if (
                2 <= len(words) <= 4
                and _CAP_RUN_RE.fullmatch(rest)
                and not any(w in _ORG_WORDS or w in _NEVER_IN_NAME for w in words)
                and " ".join(words[:2]) not in PLACES
            ):
                person = self.registry.person(rest)
                person.add_role(titled.group())
                return Speaker(person.name, person.role_for(titled.group()))
        described = (
            _DESCRIBED_RE.fullmatch(segment) if " là " in segment or " tên " in segment else None
        )
        if described:
            # "em trai của anh ấy là Austin": the description is the role, then the name.
            person = self.registry.person(described["name"])
            person.add_role(described["role"])
            return Speaker(person.name, person.role_for(described["role"]))
        if (
            segment[:1].isupper()
            and _BODY_RE.match(segment)
            and not _SPEAKER_HEAD_RE.match(segment)
            and not _ROLE_STOP_RE.search(segment)
        ):
            return Speaker(None, segment)  # a named body: "Nhà Trắng", "Bộ Y tế", "VNPT"
        speaker, _ = self.registry.resolve(segment, pos)
        return speaker

    # `"…", ông X nói.` / `"…" - ông X nói.` / `"…". Ông X nói.`
    def after(self, span: _Span) -> tuple[Speaker, tuple[int, int]] | None:
        p, close = span.end
        text = self.text(p)
        quote_pos = self.pos(*span.start)
        post = text[close + 1 : close + 1 + _AFTER_REACH]
        stripped = post.lstrip()
        lead = len(post) - len(stripped)
        # "bác Tám (ngụ Q.Hoàng Mai) bức xúc": asides in brackets are blanked out, offsets kept.
        masked = _PAREN_RE.sub(lambda m: " " * len(m.group()), stripped)
        # "ở TP.HCM nói": a full stop inside a word does not end the sentence.
        masked = _INNER_DOT_RE.sub("·", masked)
        # "- chị Y. chia sẻ": a full stop before a word in lower case ends no sentence.
        masked = _DOT_BEFORE_LOWER_RE.sub("·", masked)
        quote = self.quote_text(span)
        that_was = _THAT_WAS_RE.match(masked)
        if that_was and len(quote.split()) >= 4:
            # `"…". Đó là chia sẻ của anh X, một ngư dân ở xã Y.`
            speaker = self.speaker_at_start(that_was["who"], quote_pos)
            if speaker is not None:
                return speaker, (p, close + 1 + lead + that_was.end())
        own_sentence = heading = False
        if masked[:1] in (",", "–", "—", "-"):
            clause_match = _AFTER_COMMA_RE.match(masked)
        elif masked[:1] == "." or (masked[:1].isupper() and quote[-1:] in ".!?…"):
            # `"…". Ông X nói.` / `"…." Ông X nói.`: a short sentence that only attributes.
            clause_match = _AFTER_STOP_RE.match(masked)
            own_sentence = True
        elif masked[:1].islower():
            # `"…" ông X kể.`: no comma, the attribution must end the sentence.
            clause_match = _AFTER_LOWER_RE.match(masked)
            own_sentence = True
        elif masked[:1].isupper() and quote[-1:] == ",":
            # `"…," Radke nói với …`: the comma inside the marks, as English writes it.
            clause_match = _AFTER_LOWER_RE.match(masked)
        elif masked[:1].isupper() and len(quote.split()) >= 5 and self.starts_sentence(span):
            # `‘…’ HLV X đánh giá …`: a quoted heading, then a sentence that its speaker
            # starts (and nothing else: see `heading` below).
            clause_match = _HEADING_AFTER_RE.match(masked)
            heading = True
        else:
            return None
        if not clause_match:
            return None
        clause = stripped[clause_match.start(1) : clause_match.end(1)]
        verb = _VERB_RE.search(clause)
        if verb is None:
            # `"…", báo A dẫn lời một người trong đoàn.`: the one quoted speaks
            quoting = _QUOTED_END_RE.search(clause)
            if quoting is None and not own_sentence and len(quote.split()) >= 5:
                # `"…", theo chuyên gia X.`: the source named after the words
                quoting = _THEO_AFTER_RE.fullmatch(clause.strip())
            if quoting is None:
                return None
            who = _trim_phrase(quoting["who"])
            speaker = self.speaker_at_end(who, quote_pos)
            if speaker is None and _UNNAMED_PERSON_RE.match(who) and not _names(who):
                speaker = Speaker(None, who)  # "dẫn lời người trong đoàn": unnamed
            if speaker is None:
                return None
            return speaker, (p, close + 1 + lead + clause_match.end())
        introduces = verb.group().endswith(":") or clause[verb.end() :].lstrip()[:1] == ":"
        if introduces and self.has_colon_intro(span):
            # `A chửi: “…”, B khuyên: “…”`: B's words come after the colon, A's before
            return None
        tail = len(clause[verb.end() :].split())
        if heading:
            if len(clause[: verb.start()].split()) > 6:
                return None
            tail = 0
        # A long tail ("…", ông X cho hay đang chỉ đạo …; "…" – BS X nói và cho biết thêm …)
        # only after a real statement, not after a quoted term that merely ends a clause.
        if tail > (3 if own_sentence else 12) and (own_sentence or len(quote.split()) < 5):
            return None
        speaker = self.speaker_at_end(clause[: verb.start()], quote_pos)
        if speaker is None:
            return None
        return speaker, (p, close + 1 + lead + clause_match.end())

    # `Ông X nhấn mạnh: "…` / `Ông X cho biết, "…` / `Theo ông X, "…` / `…cho biết:` ¶ `"…"`
    def before(self, span: _Span) -> tuple[Speaker, str] | None:
        p, opened = span.start
        quote_pos = self.pos(p, opened)
        pre = self.sentence_head(p, max(0, opened - 1)).rstrip()
        if not pre and opened <= 1 and p > 0:
            prev = self.text(p - 1).rstrip()
            if prev.endswith(":"):
                pre = self.sentence_head(p - 1, len(prev) - 1) + ":"
        colon = pre.endswith(":")
        if not (colon or pre.endswith(",") or _THAT_END_RE.search(pre)):
            quote = self.quote_text(span)
            after = self.text(span.end[0])[span.end[1] + 1 :].lstrip()
            if _POSTED_END_RE.search(pre) and len(quote.split()) >= 4:
                # "X đăng một bức ảnh cùng dòng trạng thái “…”": what X posted
                poster = self.colon_subject(pre, [], quote_pos, posted=True)
                return (poster, "direct") if poster is not None else None
            if not (
                quote[:1].isupper()
                and len(quote.split()) >= 4
                and (
                    _SAYS_END_RE.search(pre)
                    or (
                        _REPORTS_END_RE.search(pre)
                        and (after[:1] in ("", ".", "!", "?", "…") or quote[-1:] in ".!?…")
                    )
                )
            ):
                return None
            pre += ":"  # `anh bảo "Bố nói …"`: a verb of saying right before the words
            # ("X khẳng định “…”" reads as with a colon; not "X không thích câu nói “…”")
            colon = bool(_REPORTS_END_RE.search(pre[:-1]))
        body = pre.rstrip(":, ")
        if (
            pre.endswith(" là")
            and self.quote_words(span) <= 3
            and self.quote_text(span)[:1].isupper()
        ):
            return None  # `người hâm mộ gọi anh là “Messi Việt”`: a nickname, no one's words
        according = self.according_to(body, span, quote_pos, colon)
        if according is not None:
            return (according, "direct") if according.name or according.role else None
        verbs = list(_VERB_RE.finditer(body))
        near = bool(verbs) and len(body[verbs[-1].end() :].split()) <= 6
        if near:
            speaker = self.speaker_at_end(body[: verbs[-1].start()], quote_pos)
            if speaker is not None:
                # `ông X gọi đây là "cú hích"`: a fragment inside his sentence, not a
                # stand-alone quote.
                return speaker, "direct" if pre.endswith((":", ",")) else "embedded"
        if not pre.endswith(":"):
            return None
        # After a colon the sentence's subject speaks, whatever words come between: "Ông X
        # cho biết … và chia sẻ:", "HLV X nhấn mạnh vai trò của …:", "Một người dân lo lắng:".
        heads = [body[: verb.start()] for verb in (verbs[:-1] if near else verbs)]
        manner = _MANNER_END_RE.search(body)
        if manner:
            heads.append(body[: manner.start()])
        for head in reversed(heads):
            speaker = self.speaker_at_end(head, quote_pos)
            if speaker is not None:
                return speaker, "direct"
        said_as = _SAID_AS_RE.search(body) if colon else None
        if said_as is not None:
            # "nói như tiền vệ X thì sẽ hợp lý hơn:": to put it as X does
            speaker = self.speaker_at_start(said_as["who"], quote_pos)
            if speaker is not None:
                return speaker, "direct"
        if colon and self.quote_words(span) >= 4 and self.quote_text(span)[:1].isupper():
            posted = bool(_POSTED_END_RE.search(body))
            subject = self.colon_subject(body, verbs, quote_pos, posted)
            if subject is not None:
                return subject, "direct"
        return None

    def according_to(self, body: str, span: _Span, pos: int, colon: bool) -> Speaker | None:
        """The one the words before a quote are "according to" ("Theo X, “…”"; "Theo ông
        Hoài việc … sẽ mang lại nhiều lợi ích: “…”", the colon's words); an empty Speaker
        when "theo" names no one and no other rule may try; None when it does not apply."""
        theo = _THEO_RE.search(body)
        if theo:
            if self.quote_words(span) < 5:
                return Speaker(None, None)
            speaker = self.speaker_at_end(theo["who"], pos)
            if speaker is not None or not colon:
                return speaker or Speaker(None, None)
        lead = _THEO_PERSON_RE.match(body) if colon else None
        if lead is not None and self.quote_words(span) >= 5:
            speaker = self.speaker_at_start(lead["who"], pos)
            if speaker is not None and speaker.name:
                return speaker
        return None

    def colon_subject(
        self, body: str, verbs: list[re.Match[str]], pos: int, posted: bool = False
    ) -> Speaker | None:
        """`Thủ môn X cũng đồng tình: “…”`, `Trong buổi họp, bà Y nhìn thẳng vào phóng viên:
        “…”`: after a colon, when no verb of saying gave a speaker, the subject of the clause
        the colon ends speaks: a name that opens the sentence or one of its comma-separated
        parts (after a title, a form of address or a linking word), then its own predicate.
        Not when the verb of saying has a subject of its own that no one named ("…, tiền
        đạo này ám chỉ:"), nor after a title set off as a description ("X, Tổng thư ký …,")."""
        # (after a label run into the sentence: "Ảnh: FB Đoạn clip do …")
        sentence = _LABEL_RE.split(_LAST_SENTENCE_RE.split(body)[-1])[-1]
        if len(sentence) > _SPEAKER_REACH or _LIST_INTRO_END_RE.search(sentence):
            return None
        shift = len(body) - len(sentence)
        # "chị X (ở huyện Y, Hà Nội) đã gửi con …": no clause breaks inside brackets
        sentence = _PAREN_RE.sub(lambda m: " " * len(m.group()), sentence)
        starts = [0] + [m.end() for m in re.finditer(r",\s*", sentence)]
        found = _names(sentence)
        if verbs and verbs[-1].start() >= shift:
            at = max(a for a in starts if a <= verbs[-1].start() - shift)
            own = sentence[at:]
            if (_SPEAKER_HEAD_RE.match(own) or _ROLE_HEAD_RE.match(own)) and not any(
                a >= at for _, a, _ in found
            ):
                return None
        # The clause nearest the colon first: "Đạo Phật chủ trương …, theo đó, Đức Phật dạy:"
        for at, stop in reversed(list(zip(starts, [*starts[1:], len(sentence)], strict=True))):
            if (
                at
                and _ROLE_HEAD_RE.match(sentence, at)
                and _CAPITALISED_END_RE.search(sentence[: at - 1].rstrip(" ,") + " ")
            ):
                continue  # ", Tổng thư ký Nội các Nhật Bản,": who the name before it is
            name = next(((n, a, b) for n, a, b in found if at <= a < stop), None)
            if name is not None:
                lead = sentence[at : name[1]]
                title = _title_before(lead) or _honorific_before(lead)
                lead = lead[: len(lead.rstrip()) - len(title)] if title else lead
                if _SUBJECT_LEAD_RE.fullmatch(lead) or (posted and _AGENT_LEAD_RE.fullmatch(lead)):
                    end = name[2] + _appositive_run(sentence[name[2] :])[1]
                    # (or nothing after the name: `Ông X: "…"`, a caption's or a title's form)
                    if _is_predicate(sentence[end:]) or (at == 0 and not sentence[end:].strip()):
                        return self.speaker_at_end(sentence[:end], pos)
            speaker = self._run_subject(sentence, at, pos, posted)
            if speaker is not None:
                return speaker
            opening = _CAP_RUN_RE.match(sentence, at)
            if (
                (
                    opening is not None
                    and opening.group().split()[0] not in _OPENERS
                    and opening.group() not in _KNOWN_PLACES  # "…, quận X, Hà Nội cho biết"
                )
                or _SPEAKER_HEAD_RE.match(sentence, at)
                or _WRITING_RE.match(sentence, at)
            ):
                # a clause with a subject of its own that names no one known ("…, thông báo
                # ghi tiếp:")
                return None
        return None
        return None

    def _run_subject(self, sentence: str, at: int, pos: int, posted: bool) -> Speaker | None:
        """The subject of the clause at `at` when it is capitalised words `_names` does not
        read as a name: a short form of someone named ("Nga trả lời:", with a verb or an
        adverb next), a name the text gives in full elsewhere ("trên trang cá nhân Quang Lê
        cũng lên tiếng …:"), or, opening the sentence, a name of two or three words that is
        no place's nor office's, then a verb of saying ("Cẩm Chương thẹn thùng đáp lại:") or
        something posted ("Hoài Linh đăng một bức ảnh đầy tâm sự “…”"; not "Nhìn Minh
        Nguyệt ai cũng …:", a verb before a name)."""
        first = _CAP_RUN_RE.search(sentence, at, at + 40)
        if first is None or not _SUBJECT_LEAD_RE.fullmatch(sentence[at : first.start()]):
            return None
        run, rest = first.group(), sentence[first.end() :]
        if (
            not _is_predicate(rest)
            or any(w in _NOT_A_NAME for w in run.split())
            or run.split()[0] in _OPENERS
            or run.split()[0] in _SENTENCE_LINKS
        ):
            return None
        if " " not in run:
            # "Nga trả lời:", "Hòa liền quay sang Thành:": a short form of someone named
            # (or a manner before the verb: "Rooney phấn khích cho biết:")
            speaks = (
                _PREDICATE_START_RE.match(rest)
                or _VERB_RE.search(" ".join(rest.split()[:4]))
                or "như sau" in rest[-20:]  # "Barlow có một câu ví von như sau:"
            )
            known = self.registry._short(run, pos) if speaks else None
            return Speaker(known.name, known.role_for(None)) if known else None
        person = self.registry.people.get(run)
        if person is not None:
            return Speaker(person.name, person.role_for(None))
        says = _VERB_RE.search(" ".join(rest.split()[:4])) or _MANNER_RE.search(rest[:40])
        if (
            not (posted or says)
            or first.start() > 0
            or len(run.split()) > 3
            or not _looks_like_name(run)
            or run in _KNOWN_PLACES
            or _ROLE_HEAD_RE.match(run)
            # "Nữ Phó giám đốc này": a title, no name
            or any(_ROLE_HEAD_RE.match(sentence, m.end()) for m in re.finditer(" ", run))
        ):
            return None
        person = self.registry.person(run)
        return Speaker(person.name, person.role_for(None))

    # `Thủ tướng yêu cầu … phải “kiểm đếm được, ra sản phẩm cụ thể”`
    def embedded(self, span: _Span) -> Speaker | None:
        p, opened = span.start
        quote = self.quote_text(span)
        # Two words are a term ("truyền thống") unless they are a list ("đúng, trúng").
        n_words = len(quote.split())
        if span.end[0] != p or n_words < 2 or (n_words == 2 and "," not in quote):
            return None
        if quote[:1].isupper():
            return None  # mid-sentence and capitalised: a name or a title ("Ngày hội …")
        pre = self.sentence_head(p, max(0, opened - 1))
        if _TERM_BEFORE_RE.search(pre):
            return None  # `quy định "…"`, `như một “…”`: a term or a comparison
        pos = self.pos(p, opened)
        sources = list(_SOURCE_RE.finditer(pre))
        source = sources[-1].end() if sources else -1
        verbs = list(_VERB_RE.finditer(pre))
        if source >= 0 and not any(
            self.speaker_at_end(pre[: verb.start()], pos) for verb in verbs if verb.start() > source
        ):
            # `theo Kiểm toán Nhà nước là “…”`, `như lời ông X, …, thì “…”`: the source
            # named nearest the quote (but "Theo báo A, ông X nói rằng “…”" is X's).
            speaker = self.speaker_at_start(pre[source:], pos)
            if speaker is not None:
                return speaker
        # The first speaker of the sentence, a person before a body ("Văn phòng Chính phủ
        # thông báo ý kiến của Phó Thủ tướng X, yêu cầu “…”" is X's).
        body = None
        for verb in verbs:
            speaker = self.speaker_at_end(pre[: verb.start()], pos)
            if speaker is not None and speaker.name:
                return speaker
            body = body or speaker
        return body

    def speaker_at_start(self, phrase: str, pos: int) -> Speaker | None:
        """The speaker named at the start of `phrase` (the words after "theo", "như lời"):
        'ông X, lãnh đạo quỹ Y, tập đoàn … thì' -> X; 'Kiểm toán Nhà nước là' -> that body."""
        for _name, start, end in _names(phrase)[:1]:
            lead = phrase[:start]
            if len(lead.split()) > 4 or _ROLE_END_RE.search(lead):
                break
            _, used = _appositive_run(phrase[end:])
            speaker, _ = self.registry.resolve(phrase[: end + used], pos)
            return speaker
        segment = _SOURCE_END_RE.split(phrase, maxsplit=1)[0]
        return self.speaker_at_end(segment, pos) if segment.strip() else None

    def quote_words(self, span: _Span) -> int:
        return len(self.quote_text(span).split())

    def quote_text(self, span: _Span) -> str:
        (p0, s0), (p1, s1) = span.start, span.end
        if p0 == p1:
            return self.text(p0)[s0:s1].strip()
        # A paragraph that continues a quote may re-open it with a mark of its own.
        parts = [self.text(p0)[s0 : span.first_end].strip()]
        parts += [self.text(p).strip().lstrip(_QUOTE_OPEN + _STRAIGHT) for p in range(p0 + 1, p1)]
        parts.append(self.text(p1)[:s1].strip().lstrip(_QUOTE_OPEN + _STRAIGHT))
        return " ".join(part for part in parts if part)

    def is_whole_paragraph(self, span: _Span) -> bool:
        (_, s0), (p1, s1) = span.start, span.end
        return s0 <= 1 and s1 >= len(self.text(p1).rstrip(".… ")) - 1

    def starts_sentence(self, span: _Span) -> bool:
        p, opened = span.start
        if not span.opened:
            return True
        pre = self.sentence_head(p, max(0, opened - 1)).rstrip()
        # "• 10:30 “…”": a time or a bullet before the quote is no sentence of its own.
        pre = _LAST_SENTENCE_RE.split(pre)[-1]
        return not pre or pre.endswith(":") or not any(ch.isalpha() for ch in pre)

    def record(self, f: _Found) -> Quote:
        (p0, s0) = f.span.start
        p1, end_offset = max(f.attribution_end, f.span.end)
        first = _sentence_at(self.sentences_of(p0), max(0, s0 - 1))
        last = _sentence_at(self.sentences_of(p1), max(0, end_offset - 1))
        parts: list[str] = []
        for p in range(p0, p1 + 1):
            text = self.text(p)
            a = first.start if (p == p0 and first is not None) else 0
            b = last.end if (p == p1 and last is not None) else len(text)
            parts.append(text[a:b].strip())
        sentence = " ".join(part for part in parts if part)
        text = self.quote_text(f.span)
        offset = s0 - first.start if first is not None else 0
        offset = max(0, offset) if f.span.opened else 0
        ordinal = first.ordinal if first is not None else 0
        return Quote(
            text=text,
            speaker=f.speaker,
            form=f.form,  # type: ignore[arg-type]
            sentence=sentence,
            sentence_ordinal=ordinal,
            span=(offset, offset + len(text)),
            id=make_id(self.sha256, "quote", ordinal, offset, text),
        )

    def _note_candidates(self, p: int) -> None:
        """Sentences of paragraph p that may hold reported speech: no quote marks, and a
        reporting verb (attributed in `finish`, once every quote is)."""
        base = self._base[self._body[p].ordinal]
        for sentence in self.sentences_of(p):
            text = sentence.text
            if '"' in text or "“" in text or "”" in text:
                continue
            # A match ends with ",", ":" or "rằng": a sentence with none of them (about half
            # of them) needs no search.
            if (
                ("," in text or ":" in text or "rằng" in text or "cho " in text)
                and _REPORTING_HINT_RE.search(text)
                and _REPORTING_RE.search(text)
            ) or (":" in text and _THEO_COLON_RE.match(text)):
                self._candidates.append((sentence, base + sentence.start))

    def _headline(self, sentence: Sentence) -> list[Quote]:
        """`Bộ trưởng X: <statement>` as a title: the statement, reported speech of X (a title
        gives the gist, seldom the words), or X's words when quote marks hold them."""
        match = _HEADLINE_QUOTED_RE.match(sentence.text) or _HEADLINE_RE.match(sentence.text)
        if not match or len(match["said"].split()) < 4:
            return []
        who = match["who"].strip()
        speaker: Speaker | None = None
        if _names(who):
            speaker, _ = self.registry.resolve(who, 0)
        elif _ROLE_HEAD_RE.match(who):
            # A title comes before the text that names the person: look forward.
            person = self.registry.first_with_role(who.lower())
            if person is not None:
                speaker = Speaker(person.name, person.role_for(who))
            elif _cut_role(who) == who:
                speaker = Speaker(None, who)
        elif match["mark"] and _bare_name(who):
            # `Minh Nhí: “Tụi già cần tiền …”`: a stage name or a given name alone, in a title
            # that quotes its words (not a place's or a label's)
            speaker = Speaker(who, None)
        if speaker is None:
            return []  # "PAN Group: lãi …" gives a company's results, not anyone's words
        text = match["said"].strip()
        offset = match.start("said")
        return [
            Quote(
                text=text,
                speaker=speaker,
                form="direct" if match["mark"] else "reported",
                sentence=sentence.text,
                sentence_ordinal=sentence.ordinal,
                span=(offset, offset + len(text)),
                id=make_id(self.sha256, "quote", sentence.ordinal, offset, text),
            )
        ]

    def _reported_speech(self) -> list[Quote]:
        """`<named person> cho biết, <clause>.` with no quote marks: the clause."""
        out: list[Quote] = []
        for sentence, pos in self._candidates:
            if sentence.ordinal in self._covered:
                continue
            text = sentence.text
            theo = _THEO_COLON_RE.match(text)
            parts = theo["who"].split(",") if theo else []
            if theo and (
                # "Theo anh X (sinh năm 1984), nằm tại khoa Nội 1:" (not "Theo X, <a whole
                # clause> gồm:", nor "Theo bố của cháu X kể lại:", who is not X)
                len(parts) > 2
                or (len(parts) == 2 and len(parts[1].split()) > 8)
                or _RELATION_RE.match(theo["who"])
            ):
                theo = None
            if theo:
                speaker = self.speaker_at_start(theo["who"], pos)
                clause = text[theo.end() :].rstrip(" .;…")
                if speaker is not None and speaker.name and len(clause.split()) >= 6:
                    out.append(self._reported(sentence, speaker, clause, theo.end()))
                    continue
            for verb in _REPORTING_RE.finditer(text):
                head = text[: verb.start()]
                if (
                    verb["bare"]
                    and head.rstrip().endswith(",")
                    and not _ROLE_HEAD_RE.match(head.rstrip(" ,").rsplit(",", 1)[-1].strip())
                ):
                    # "…Tổng thống X, cho rằng chính phủ …": a clause hung on the sentence's
                    # subject, not said by X ("ông Y, Giám đốc Sở, cho biết …" is Y's).
                    continue
                speaker = self.speaker_at_end(head, pos)
                if speaker is None or speaker.name is None:
                    continue
                clause = text[verb.end() :].rstrip(" .;…")
                if "?" in clause:
                    break  # a question put to someone, not what they said
                if len(clause.split()) >= 6:
                    out.append(self._reported(sentence, speaker, clause, verb.end()))
                break
        self._candidates.clear()
        return out

    def _reported(self, sentence: Sentence, speaker: Speaker, clause: str, offset: int) -> Quote:
        return Quote(
            text=clause,
            speaker=speaker,
            form="reported",
            sentence=sentence.text,
            sentence_ordinal=sentence.ordinal,
            span=(offset, offset + len(clause)),
            id=make_id(self.sha256, "quote", sentence.ordinal, offset, clause),
        )


def extract_quotes(doc: Document, reported: bool = False) -> list[Quote]:
    """Every quote of a document with its speaker; `reported=False` leaves out reported
    speech without quote marks."""
    extractor = QuoteExtractor(doc.sha256, reported)
    for passage in doc.passages:
        extractor.scan(passage)
    quotes = extractor.feed(doc.passages, doc.sentences) + extractor.finish()
    quotes.sort(key=lambda q: (q.sentence_ordinal, q.span[0]))
    return quotes


def people(doc: Document) -> dict[str, list[str]]:
    """The document's registry of people: name -> roles as the document gives them."""
    extractor = QuoteExtractor(doc.sha256)
    for passage in doc.passages:
        extractor.scan(passage)
    return {person.name: list(person.roles) for person in extractor.registry.people.values()}
