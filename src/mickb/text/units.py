"""What follows a number: percent words, scale words, currencies, units and counted nouns.

Used by the number reader (numbers.py). Each reader takes the text and the offset just after
the digits and says what it read there and where it ends:

- `read_unit`: "%", "điểm phần trăm", scale words ("tỷ", "nghìn tỷ", "billion"), a currency
  ("đồng", "USD", "đô la"), a measurement unit ("km2", "độ C", "MW") or a count noun of the
  vocabulary ("lao động", "doanh nghiệp"), then a rate ("/năm", "/lượng", "/thuê bao/tháng").
- `read_counted_noun`: for a figure with no unit, the noun phrase it counts ("1.300 cây xanh"
  -> "cây xanh", "2,7 triệu lượt du khách" -> "lượt"): words up to the first that begins a
  verb, a preposition, a determiner, a name or another clause.

Words are matched by their spelling with diacritics (tone placement aside: "hoà" = "hòa"), so
"trạm" (station) is not "trăm" (hundred) and "ngân hàng" is not "ngàn"; in a text typed without
diacritics ("138.000 ty dong") by their folded letters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mickb.text.fold import canon, fold

__all__ = [
    "PEOPLE_NOUNS",
    "CURRENCY_CODES",
    "MEASUREMENT_UNITS",
    "UnitReading",
    "read_unit",
    "read_counted_noun",
    "is_measurement",
]

# --- vocabulary ------------------------------------------------------------------------------

SCALES: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "trăm": 1e2,
    "vạn": 1e4,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "quadrillion": 1e15,
    "bn": 1e9,
    "mn": 1e6,
    "tn": 1e12,
}
# Currency words after (or glued before) the number -> ISO-ish code.
CURRENCIES: dict[str, str] = {
    "đô la hồng kông": "HKD",
    "đô la singapore": "SGD",
    "đô la úc": "AUD",
    "đô la đài loan": "TWD",
    "đồng việt nam": "VND",
    "việt nam đồng": "VND",
    "đôla mỹ": "USD",
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đôla": "USD",
    "đô la": "USD",
    "đô-la": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "vnd": "VND",
    "vnđ": "VND",
    "đồng": "VND",
    "dong": "VND",
    "euro": "EUR",
    "eur": "EUR",
    "yên": "JPY",
    "yen": "JPY",
    "nhân dân tệ": "CNY",
    "won": "KRW",
    "bảng anh": "GBP",
    "bảng": "GBP",
    "nzd": "NZD",
    "baht": "THB",
    "bạt": "THB",
    "ringgit": "MYR",
    "rupee": "INR",
    "rupi": "INR",
    "rúp": "RUB",
    "ruble": "RUB",
    "yuan": "CNY",
    "đô": "USD",
    "aud": "AUD",
    # ISO codes written after the number ("4.088 CNY", "2.500 EUR")
    "cny": "CNY",
    "rmb": "CNY",
    "ndt": "CNY",
    "jpy": "JPY",
    "krw": "KRW",
    "gbp": "GBP",
    "thb": "THB",
    "sgd": "SGD",
    "hkd": "HKD",
    "twd": "TWD",
    "myr": "MYR",
    "inr": "INR",
    "rub": "RUB",
    "chf": "CHF",
    "cad": "CAD",
}
CURRENCY_CODES = frozenset(CURRENCIES.values())
# "đô" (dollars, informally) begins "đô thị" (a town), "đô đốc" (an admiral)
_DO_NOT_CURRENCY = frozenset(("thị", "đốc", "vật", "hộ", "sát", "úy", "thành"))
# "đồng" is also the first syllable of common words ("3 đồng chí"): not a currency then.
_DONG_NOT_CURRENCY = frozenset(
    "chí bộ thời ý hành nghiệp bào tình đội loạt hồ phục minh đẳng thuận nát ruộng bằng lòng "
    "tâm hương cỏ dao tác sở".split()
)

# Measurement units: the figure is an amount of them (measure "level"), not a count.
MEASUREMENT_UNITS: tuple[str, ...] = (
    "km2",
    "km vuông",
    "km",
    "m2",
    "m3",
    "mét vuông",
    "mét khối",
    "mét",
    "cm",
    "mm",
    "kg",
    "gam",
    "gram",
    "grams",
    "mg",
    "tấn",
    "tạ",
    "lít",
    "ml",
    "ha",
    "hécta",
    "hecta",
    "héc-ta",
    "hec-ta",
    "độ c",
    "độ",
    "inch",
    "cara",
    "carat",
    "ounce",
    "oz",
    "lượng vàng",
    "chỉ vàng",
    "lượng",
    "mw",
    "kw",
    "kwh",
    "mwh",
    "gw",
    "gwh",
    "mhz",
    "ghz",
    "mbps",
    "gbps",
    "gb",
    "tb",
    "mah",
    "megapixel",
    "mp",
    "pixel",
    "pixels",
    "inches",
    "hz",
    "khz",
    "ppi",
    "nit",
    "nits",
    "fps",
    "hải lý",
    "dặm",
    "feet",
    "thùng",
    "tháng lương",
    "nm",
    "mã lực",
    "cc",
    "cm3",
    "hp",
)
# (one-letter units are read by _METRE_RE: "50m", "5 m", "1,5 m")
# (a square or cubic metre whose superscript the page lost: "2.000m 2", "643.000 m 3 /ngày")
# (and before a word: "4.800 m 3 một ngày đêm", not before a number: "1 m 2 0")
_METRE_RE = re.compile(r"[ \t\u00a0]?(m)(?:[ \t]([23])(?=[ \t]*(?:[/.,;:)]|$|[^\W\d_])))?(?!\w)")
# "40 °C", and "40oC" as news often types it
_DEGREE_RE = re.compile(r"[ \t\u00a0]?(?:°|o(?=C))[ \t\u00a0]?([CF])(?!\w)")

# Countable nouns that can follow a number as its unit ("1.510.027 lao động", "70.000 doanh
# nghiệp"). People nouns share the base unit "người".
PEOPLE_NOUNS: tuple[str, ...] = (
    "người đăng ký",  # subscribers ("người dùng" may be "2 người dùng dao": people using)
    "người",
    "lao động",
    "nhân viên",
    "nhân sự",
    "cán bộ",
    "công chức",
    "viên chức",
    "khách hàng",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "bác sĩ",
    "chuyên gia",
    "kỹ sư",
    "lập trình viên",
    "phóng viên",
    "nhà báo",
    "đảng viên",
    "thành viên",
    "cư dân",
    "du khách",
    "bị cáo",
    "bị can",
    "bị hại",
    "lượt khách",
    "khách du lịch",
    "khách",
    "people",
    "persons",
    "users",
    "workers",
    "employees",
    "staff",
    "customers",
    "residents",
    "citizens",
)
COUNT_NOUNS: tuple[str, ...] = (
    "doanh nghiệp",
    "công ty",
    "tổng công ty",
    "tập đoàn",
    "hợp tác xã",
    "cơ sở",
    "đơn vị",
    "cơ quan báo chí",
    "cơ quan",
    "tổ chức",
    "thuê bao",
    "trang web",
    "trang thông tin điện tử",
    "trang thông tin",
    "trang",
    "website",
    "tên miền",
    "ứng dụng",
    "nền tảng",
    "tài khoản",
    "hồ sơ",
    "thủ tục",
    "dịch vụ công",
    "dịch vụ",
    "sản phẩm",
    "chỉ tiêu",
    "điểm phục vụ",
    "điểm",
    "trạm bts",
    "trạm",
    "hộ gia đình",
    "hộ",
    "lượt truy cập",
    "lượt",
    "lần",
    "cuộc gọi",
    "tin nhắn",
    "bưu gửi",
    "bưu phẩm",
    "bưu cục",
    "vụ việc",
    "vụ tấn công",
    "cuộc tấn công",
    "vụ",
    "ca",
    "trường hợp",
    "năm sinh",
    "mã độc",
    "lỗ hổng",
    "thiết bị",
    "máy tính",
    "máy bay",
    "máy",
    "điện thoại",
    "smartphone",
    "chiếc",
    "cuốn",
    "đầu sách",
    "xuất bản phẩm",
    "bản in",
    "tờ báo",
    "tạp chí",
    "kênh",
    "đài",
    "tỉnh thành",
    "tỉnh",
    "thành phố",
    "địa phương",
    "huyện",
    "xã",
    "thôn",
    "làng",
    "trường",
    "bệnh viện",
    "danh mục",
    "dự án",
    "chương trình",
    "đề án",
    "văn bản",
    "sáng kiến",
    "bằng sáng chế",
    "startup",
    "quốc gia",
    "nước",
    "thị trường",
    "mạng",
    "đường trục",
    "tuyến cáp",
    "cột",
    "subscribers",
    "enterprises",
    "businesses",
    "companies",
    "firms",
    "websites",
    "sites",
    "points",
    "times",
    "accounts",
    "apps",
    "devices",
    "stations",
    "provinces",
    "titles",
)
# Nouns that count pieces of something ("51 chiếc điện thoại", "2,7 triệu lượt du khách"): the
# classifier alone is the unit.
# Containers count as classifiers do ("13.000 lọ mỹ phẩm giả" -> "lọ", "3 chai rượu" -> "chai").
_CLASSIFIERS = frozenset("chiếc lượt cái tấm bức cuốn quyển lần lọ chai hộp gói hũ vỉ bịch".split())
# Pairs a count names together ("12 tỉnh, thành phố", "31 bộ, ngành").
_PAIRED_NOUNS: dict[str, tuple[str, ...]] = {
    "tỉnh": ("thành phố", "thành"),
    "bộ": ("ngành", "địa phương", "cơ quan"),
    "địa phương": ("đơn vị",),
    "cơ quan": ("đơn vị", "tổ chức"),
    "tổ chức": ("cá nhân",),
    "cá nhân": ("tổ chức",),
}

# Syllables that end the noun phrase a number counts: function words, verbs, adjectives and
# adverbs that follow a count in news text ("2.141 cơ sở khám chữa bệnh" -> "cơ sở", "7 người
# liên quan" -> "người", "2 kỷ lục ấn tượng" -> "kỷ lục").
_FUNCTION_WORDS = frozenset(
    """và hoặc hay với của cho trong ngoài trên dưới tại ở từ đến tới về theo thuộc bằng như
    để vì do bởi nhưng mà thì là nên rằng nếu khi sau trước giữa cùng qua vào ra lên xuống
    gồm kể ngay cả mỗi mọi các những này đó kia ấy nọ khác nào đây đấy hết đều
    đã đang sẽ vừa mới được bị có không chưa chẳng cũng vẫn còn lại luôn thường rất quá khá
    hơn nhất nữa nhiều thêm chỉ nay vậy thế riêng tổng cộng mặc dù tuy song nhằm càng đúng một rồi
    trở hoàn dành
    ngày tháng năm hôm sáng chiều tối đêm trưa lúc giờ phút giây tuần quý tuổi
    đạt tăng giảm chiếm
    the of and in on at to for from with by as per than""".split()
)
_NOUN_STOPS = _FUNCTION_WORDS | frozenset(
    """khoảng chừng xấp tầm
    tương ứng lượt chung bán mua chết thiệt bắt gây xảy tham liên nằm đi chuyển lập báo cấm
    trúng chờ làm gửi nhận đưa phải cần muốn thực tiến sử hoạt giành ghi nộp thu chi trả
    vay bỏ mất chạy dôi cung khám điều đánh nói tuyên kêu xin lấy ký trị đồng sở đối
    bao dự ước tính đề đặt xây tổ hỗ xử kiểm thanh chịu tử tự bảo
    lớn nhỏ cũ cao thấp tốt xấu nặng nhẹ ấn đặc nổi gần xa phía khu vực toàn tiêu đáng thay
    chủ yếu đăng sống chơi tiêm mắc nhiễm khỏi rời thoát kết ly vượt đỗ trượt thi đón
    nghỉ bay chở chứa tuyển thắng thua hòa phát cho biết""".split()
)
# Verbs and prepositions that follow what a count counts and are the second syllable of no
# common noun ("4 trẻ nhập viện", "3 nghi can thuê giang hồ", "2 thanh niên đuổi theo"); and
# from the third syllable on, words that may end a two-syllable noun ("chỗ ngồi", "người
# dùng", "xe cứu thương", "con nuôi") but not a longer one ("3 đô thị loại I").
_VERB_STOPS = frozenset(
    """từng so nhau khiến đâm giúp giữ nghe thấy xét chia cầm xông khóc ôm tặng hủy đòi
    đuổi nháy dính gặp thuê nhập quanh kém lạ đựng kéo ăn đau văng bật cực rất quá lật lao vỡ
    di""".split()
)
_LATE_STOPS = frozenset(
    "ngồi dẫn dùng cứu nuôi lái ăn uống chọn loại bên hai mang hạng "
    # what is said of the things counted: "3 chế độ bật đèn", "2 đoạn văn bản ngắn", "8 ngành
    # nghề kinh doanh", "12 tính năng ẩn", "mỹ phẩm giả" ("tác giả", "ngắn hạn" open no count)
    "bật tắt ẩn gắn giả ngắn dài kinh mới vi hiện đa chống ngụy miễn siêu kháu xuất viễn "
    "đoạn nướng đóng giao".split()
)
# two-syllable words that hold one of those ("thức ăn", "xét nghiệm", "nghiên cứu")
_COMPOUNDS = frozenset(
    tuple(w.split("_"))
    for w in """phần_quà phần_thưởng phần_thi phần_mềm thường_dân
    thức_ăn đồ_ăn món_ăn đồ_uống lựa_chọn tùy_chọn tuỳ_chọn người_dùng tiêu_dùng
    nghiên_cứu cấp_cứu thu_nhập xét_nghiệm xét_xử hướng_dẫn chỗ_ngồi con_nuôi tay_lái
    bằng_lái cầm_quân giữ_gìn thuê_bao nhập_khẩu nhập_cảnh hấp_dẫn chuyên_dùng sử_dụng
    vấn_đề chủ_đề hợp_đồng cộng_đồng hội_đồng độc_lập danh_thắng chiến_thắng tiểu_khu
    bữa_ăn quán_ăn nhà_ăn cơn_đau trò_chơi đồ_chơi sân_chơi chi_nhánh chi_cục chi_bộ chi_hội tác_giả
    lĩnh_vực khu_vực vi_khuẩn vi_rút vi_mạch vi_sinh ông_lớn người_đẹp di_động di_sản
    di_tích di_vật di_cư việc_làm nhà_cung dân_thường sân_bay chuyến_bay đường_bay
    chứng_nhận""".split()
)
# Words that cannot open a counted noun (a figure followed by them counts nothing named).
# (nor do words that name what money measures: "370 tỷ tiền gửi" is 370 tỷ of deposits)
_NOT_NOUN_HEADS = _FUNCTION_WORDS | frozenset(
    "phần độ thứ kế dự so cùng tiền doanh lợi lãi lỗ vốn kinh chi giá kim ngân gặp".split()
)
# Words that make a count noun of the vocabulary a longer one: "2 công ty con", "3 dự án
# thành phần", "1 điện thoại di động".
# Verbs that open no counted noun: after a bare count the counted noun is left unsaid ("1
# [người] đánh chiêng, 1 cầm cờ"), after a scale word it is money or the metric's thing ("lỗ
# ròng 727 tỷ nâng số lỗ lũy kế lên ...").
_VERB_HEADS = _VERB_STOPS | frozenset(
    """đánh nâng đẩy kéo đưa gửi nhận làm chết bắt gây xảy nằm chạy nói kêu xin lấy trúng
    ném giết cướp trộm rút mua bán thổi múa hát khiêng vác dắt bưng gánh""".split()
)
_NOUN_EXTENSIONS = ("con", "thành phần", "thành viên", "di động", "liên kết", "du lịch")
_MAX_NOUN_SYLLABLES = 4


def _canon_key(words: str) -> str:
    return " ".join(canon(w) for w in words.split())


def _fold_key(words: str) -> str:
    return " ".join(fold(w) for w in words.split())


class Word(NamedTuple):
    """A vocabulary entry: its words as spelled, what kind it is, and what it stands for."""

    spelled: str
    kind: str  # scale | currency | measure | people | count
    meaning: str | float  # scale factor, currency code, or base unit


class _Vocabulary:
    """Entries by their first word, longest first, keyed by canon (marked text) and by folded
    letters (text without diacritics); an entry spelled in ASCII matches either way."""

    __slots__ = ("by_canon", "by_fold", "most_words", "first_words", "first_canon")

    def __init__(self, entries: list[Word]) -> None:
        self.by_canon: dict[str, list[tuple[tuple[str, ...], Word]]] = {}
        self.by_fold: dict[str, list[tuple[tuple[str, ...], Word]]] = {}
        self.most_words = 1
        # the folded first word of every entry and of the percent words
        self.first_words = {_fold_key(w.spelled).split()[0] for w in entries}
        self.first_words |= {words[0] for words, _ in _PERCENT_KEYS}
        # and spelled (in text written with diacritics, "do" (because) is no "đô" or "độ")
        self.first_canon = {_canon_key(w.spelled).split()[0] for w in entries}
        self.first_canon |= {_canon_key(w).split()[0] for w, _ in _PERCENT_WORDS}
        for w in entries:
            ck = tuple(_canon_key(w.spelled).split())
            fk = tuple(_fold_key(w.spelled).split())
            self.by_canon.setdefault(ck[0], []).append((ck, w))
            self.by_fold.setdefault(fk[0], []).append((fk, w))
            self.most_words = max(self.most_words, len(ck))
        for table in (self.by_canon, self.by_fold):
            for group in table.values():
                group.sort(key=lambda item: -len(item[0]))

    def match(self, words: list[str], marked: bool) -> tuple[Word, int] | None:
        """The longest entry the words start with, and how many words it takes. `words` are
        canon forms in marked text, folded forms otherwise."""
        if not words:
            return None
        table = self.by_canon if marked else self.by_fold
        for key, entry in table.get(words[0], ()):
            n = len(key)
            if tuple(words[:n]) == key:
                return entry, n
        return None


def _entries() -> list[Word]:
    out = [Word(w, "scale", f) for w, f in SCALES.items()]
    out += [Word(w, "currency", code) for w, code in CURRENCIES.items()]
    out += [Word(w, "measure", w) for w in MEASUREMENT_UNITS]
    out += [Word(w, "people", "người") for w in PEOPLE_NOUNS]
    out += [Word(w, "count", w) for w in COUNT_NOUNS]
    return out


_VOCABULARY: _Vocabulary | None = None


def _vocabulary() -> _Vocabulary:
    global _VOCABULARY
    if _VOCABULARY is None:
        _VOCABULARY = _Vocabulary(_entries())
    return _VOCABULARY


_MEASURE_KEYS = frozenset(_fold_key(w) for w in MEASUREMENT_UNITS) | {
    "m",
    "g",
    "°c",
    "°f",
    "oc",
    "of",
}


@lru_cache(maxsize=1024)
def is_measurement(base_unit: str | None) -> bool:
    """Is this base unit a measurement unit (km, tấn, MW, độ C), not a count or money?"""
    if not base_unit:
        return False
    head = base_unit.split("/")[0]
    return _fold_key(head) in _MEASURE_KEYS or head.strip().lower() in _MARKED_MEASURES


# Measurement units whose folded spelling is another word's: "lạng" (a tenth of a kilo) is
# not "làng" (a village), so they are known with their marks only.
_MARKED_MEASURES = frozenset(("lạng",))


# --- reading the words after a number ----------------------------------------------------------

# A word after a number: letters, possibly hyphenated ("đô-la"); spaces before it.
_WORD_RE = re.compile(r"[ \t\u00a0]*([^\W\d_]+(?:-[^\W\d_]+)*(?:(?<=m)[23](?![\d.,]?\d))?)")
_SPACES_RE = re.compile(r"[ \t\u00a0]*")


class _Token(NamedTuple):
    text: str  # as written
    start: int
    end: int


_WORD = r"([^\W\d_]+(?:-[^\W\d_]+)*(?:(?<=[mM])[23](?![\d.,]?\d))?)"
# up to six words separated by spaces only, read by one match
_WORDS_RE = re.compile(
    r"[ \t\u00a0]*"
    + _WORD
    + r"(?:[ \t\u00a0]+"
    + _WORD
    + r"(?:[ \t\u00a0]+"
    + _WORD
    + r"(?:[ \t\u00a0]+"
    + _WORD
    + r"(?:[ \t\u00a0]+"
    + _WORD
    + r"(?:[ \t\u00a0]+"
    + _WORD
    + r")?)?)?)?)?"
)


_FIRST_WORD_RE = re.compile(r"[ \t\u00a0]*" + _WORD)


def _tokens(text: str, pos: int, n: int) -> list[_Token]:
    """Up to n (at most six) words right after `pos`, separated by spaces only."""
    m = _WORDS_RE.match(text, pos)
    if m is None:
        return []
    out = []
    for k in range(1, min(n, 6) + 1):
        word = m.group(k)
        if word is None:
            break
        out.append(_Token(word, m.start(k), m.end(k)))
    return out


@lru_cache(maxsize=8192)
def _canon_word(word: str) -> str:
    return canon(word)


@lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    return fold(word)


def _keys(tokens: list[_Token], marked: bool) -> list[str]:
    if marked:
        return [_canon_word(t.text) for t in tokens]
    return [_fold_word(t.text) for t in tokens]


class UnitReading:
    """What `read_unit` read after a number."""

    __slots__ = ("unit", "end", "scale", "base_unit", "is_percent", "kind", "glued")

    def __init__(self) -> None:
        self.unit = ""  # as written: "tỷ đồng", "%", "triệu người", "km2", "đồng/USD"
        self.end = -1  # end of the unit in the text (-1: nothing read)
        self.scale = 1.0
        self.base_unit: str | None = None  # VND, USD, %, điểm %, người, a noun, a unit
        self.is_percent = False
        self.kind = ""  # percent | money | measure | people | count | scale | ""
        self.glued = False  # written against the digits ("350km", "$148bn")


_PERCENT_WORDS = (
    ("điểm phần trăm", "điểm %"),
    ("điểm %", "điểm %"),
    ("phần trăm", "%"),
    ("percentage points", "điểm %"),
    ("percentage point", "điểm %"),
    ("percent", "%"),
    ("per cent", "%"),
)
_PERCENT_KEYS = [(tuple(_fold_key(w).split()), base) for w, base in _PERCENT_WORDS]
_PERCENT_FIRST = frozenset(words[0] for words, _ in _PERCENT_KEYS)
_PERCENT_PER_RE = re.compile(r"[ \t]?/[ \t]?(năm|year|tháng|month|quý|ngày)(?!\w)", re.I)
# a rate after a unit: "/năm", "/thuê bao/tháng", "/lượng", "/ounce", "/USD", "/cổ phiếu",
# or in words: "đồng mỗi lượng", "USD mỗi thùng"
_PER_RE = re.compile(
    r"(?:[ \t]?/[ \t]?(?:một[ \t]+)?|[ \t]+mỗi[ \t]+)([^\W\d_]+(?:[ \t][^\W\d_]+)?)"
)
_PER_WORDS = frozenset(
    w.replace("_", " ")
    for w in """năm tháng quý ngày giờ tuần người thuê_bao căn m2 kg tấn lít kwh cổ_phiếu lượng
    chỉ ounce oz thùng usd vnd đồng h giây year month day hour person share unit barrel pound
    vé suất lượt hộ xe chiếc khách ha sào tạ thiết_bị sản_phẩm máy km2 km m3 m con cái cây
    bộ gói hộp túi thùng miếng""".split()
)
_TY_WORDS_MARKED = frozenset(canon(w) for w in ("lệ", "trọng", "giá", "số", "suất"))
_TY_WORDS_FOLDED = frozenset(("le", "trong", "gia", "so", "suat"))


def read_unit(text: str, pos: int, marked: bool, currency_before: str | None = None) -> UnitReading:
    """Read %, scale words, a currency, a measurement unit or a count noun after `pos`.

    `marked`: the sentence is written with diacritics (match spellings, not folded letters).
    `currency_before`: a currency code written before the number ("US$148", "VND138,000").
    """
    r = UnitReading()
    p = pos
    if p < len(text) and text[p] in " \t\u00a0":
        p = _SPACES_RE.match(text, p).end()  # type: ignore[union-attr]
    if p < len(text) and text[p] == "%" and p - pos <= 1:
        return _percent_sign(text, p, r)
    if text.startswith("pc", pos) and not text[pos + 2 : pos + 3].isalnum():
        return _glued_pc(pos, r)
    head = _FIRST_WORD_RE.match(text, pos)
    vocab = _vocabulary()
    if head is None or (
        _canon_word(head.group(1).lower()) not in vocab.first_canon
        if marked
        else _fold_word(head.group(1).lower()) not in vocab.first_words
    ):
        # (no unit word starts here: most numbers of news are followed by other words)
        return _no_unit_word(text, pos, r, currency_before)
    tokens = _tokens(text, pos, 6)
    keys = _keys(tokens, marked)
    # (percent words are looked for, and the words folded for them, only after a word that
    # opens one: "điểm", "phần", "percent"...)
    if tokens and (keys[0] if not marked else _fold_word(tokens[0].text)) in _PERCENT_FIRST:
        folded = keys if not marked else [_fold_word(t.text) for t in tokens]
        if _percent_words(text, tokens, folded, r):
            return r
    start, i = _scale_words(tokens, keys, marked, r)
    # then a currency, a measurement unit or a count noun
    found = vocab.match(keys[i:], marked) if i < len(tokens) else None
    if found is not None and _unit_word_ok(text, tokens, i, found[0], pos):
        entry, k = found
        first, last = tokens[i], tokens[i + k - 1]
        start = first.start if start is None else start
        r.end = last.end
        if entry.kind == "currency":
            r.base_unit, r.kind = str(entry.meaning), "money"
        elif entry.kind == "people":
            r.base_unit, r.kind = "người", "people"
        else:  # a measurement unit or a count noun: itself
            r.kind = entry.kind
            if entry.kind == "count":
                r.end = _extended_noun(text, r.end, entry.spelled)
            r.base_unit = text[first.start : r.end].lower()
    elif not currency_before:
        # "50m", "100 °C"; after a scale word, "3,9 triệu m 2"
        sym = _symbol_unit(text, pos if start is None else r.end)
        if sym is not None:
            start, r.end, r.base_unit = (start if start is not None else sym[0]), sym[1], sym[2]
            r.kind = "measure"
    if currency_before and r.base_unit is None:
        r.base_unit, r.kind = currency_before, "money"
    if start is None:
        return r
    r.kind = r.kind or "scale"
    r.glued = start == pos
    if r.base_unit:
        r.end, r.base_unit = _rate(text, r.end, r.base_unit)
    unit = _LOST_SUPERSCRIPT_RE.sub(r"\1\2", text[start : r.end])  # "m 2" -> "m2"
    if currency_before and r.base_unit and r.base_unit.split("/")[0] not in unit.upper():
        unit = f"{unit} {currency_before}".strip()  # "$148 billion" -> "billion USD"
    r.unit = unit
    return r


def _glued_pc(pos: int, r: UnitReading) -> UnitReading:
    """ "up 12.7pc": the English press's percent, glued to the number."""
    r.unit, r.end, r.base_unit, r.is_percent, r.kind, r.glued = (
        "%",
        pos + 2,
        "%",
        True,
        "percent",
        True,
    )
    return r


def _scale_words(
    tokens: list[_Token], keys: list[str], marked: bool, r: UnitReading
) -> tuple[int | None, int]:
    """The scale words after a number ("tỷ", "nghìn tỷ", "billion"): where they start (None
    when there are none) and the index of the token after them; `r` takes their scale and end."""
    vocab = _vocabulary()
    start: int | None = None
    i = 0
    while i < len(tokens):
        found = vocab.match(keys[i:], marked)
        if found is None or found[0].kind != "scale":
            break
        entry, k = found
        ty_words = _TY_WORDS_MARKED if marked else _TY_WORDS_FOLDED
        if entry.spelled in ("tỷ", "tỉ") and i + 1 < len(tokens) and keys[i + 1] in ty_words:
            break  # "tỷ lệ", "tỷ trọng", "tỷ giá" are words of their own ("tỷ trong" is not)
        r.scale *= float(entry.meaning)
        start = tokens[i].start if start is None else start
        r.end = tokens[i + k - 1].end
        i += k
    return start, i


def _no_unit_word(text: str, pos: int, r: UnitReading, currency_before: str | None) -> UnitReading:
    """What read_unit reads where no word of its vocabulary follows: a one-letter unit or a
    symbol ("50m", "100 °C"), or the currency written before the number ("US$148")."""
    start: int | None = None
    sign = _SIGN_AFTER_RE.match(text, pos) if not currency_before else None
    if sign is not None:
        # "900$", "1,000$", "50 €": a currency's sign after the number, as tech news write it
        start, r.end, r.base_unit = sign.start(1), sign.end(1), _SIGN_CODES[sign.group(1)]
        r.kind = "money"
    elif not currency_before:
        sym = _symbol_unit(text, pos)
        if sym is not None:
            start, r.end, r.base_unit = sym
            r.kind = "measure"
    else:
        r.base_unit, r.kind = currency_before, "money"
        million = _GLUED_MILLION_RE.match(text, pos)
        if million is not None:
            # "VND648m", "US$34m": the English press's million, glued to the number
            r.end, r.scale, r.glued = million.end(), 1e6, True
            r.unit = f"m {currency_before}"
            return r
    if r.base_unit is None:
        return r
    if start is None:
        start = r.end = pos
    r.glued = start == pos
    r.end, r.base_unit = _rate(text, r.end, r.base_unit)
    r.unit = (
        _LOST_SUPERSCRIPT_RE.sub(r"\1\2", text[start : r.end])
        if not currency_before
        else currency_before
    )
    return r


_GLUED_MILLION_RE = re.compile(r"[mM](?![\w.,]?\w)")
_SIGN_AFTER_RE = re.compile(r"[ \t\u00a0]?([$€£])(?![\d$€£])")
_SIGN_CODES = {"$": "USD", "€": "EUR", "£": "GBP"}
_LOST_SUPERSCRIPT_RE = re.compile(r"(?<![^\W\d_])(m)[ \t]([23])(?!\d)")


def _percent_sign(text: str, p: int, r: UnitReading) -> UnitReading:
    r.is_percent, r.base_unit, r.kind = True, "%", "percent"
    end = p + 1
    m = _PERCENT_PER_RE.match(text, end)
    if m:
        end = m.end()
    r.unit, r.end = text[p:end], end
    return r


def _percent_words(text: str, tokens: list[_Token], folded: list[str], r: UnitReading) -> bool:
    for words, base in _PERCENT_KEYS:
        if tuple(folded[: len(words)]) == words:
            last = tokens[len(words) - 1]
            r.is_percent = base == "%"
            r.base_unit, r.kind = base, "percent"
            r.unit, r.end = text[tokens[0].start : last.end], last.end
            return True
    return False


def _unit_word_ok(text: str, tokens: list[_Token], i: int, entry: Word, pos: int) -> bool:
    """May this vocabulary word stand as the unit here?"""
    first = tokens[i]
    if entry.kind == "scale":
        return False
    if first.start == pos and entry.kind not in ("measure", "currency"):
        return False  # letters glued to the digits name a thing ("5G"), unless a unit ("350km")
    if entry.spelled == "bảng" and i == 0:
        return False  # "3 bảng" counts tables; "185 triệu bảng" is money
    if entry.spelled == "đô":
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        return nxt not in _DO_NOT_CURRENCY
    if entry.kind == "currency" and entry.spelled in ("đồng", "dong") and i == 0:
        # ("tỷ đồng bằng 47%": after a scale word "đồng" is the currency, whatever follows)
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        return nxt not in _DONG_NOT_CURRENCY and _fold_word(nxt) not in _DONG_FOLDED
    if entry.kind in ("people", "count"):
        return _may_be_noun(first.text, text)
    return True


_DONG_FOLDED = frozenset(fold(x) for x in _DONG_NOT_CURRENCY)


def _may_be_noun(word: str, text: str) -> bool:
    """A count noun is written in lower case ("3 tập đoàn"); "2016 Tập đoàn Viettel" starts a
    name (a sentence in capitals aside)."""
    return not word[:1].isupper() or word.isupper() and len(word) > 1 or text.isupper()


def _symbol_unit(text: str, pos: int) -> tuple[int, int, str] | None:
    """One-letter units and symbols: "50m", "1,5 m", "100 °C": (start, end, base unit)."""
    head = text[pos : pos + 2]
    if "m" not in head and "°" not in head and "o" not in head:
        return None  # (what both patterns start with, one space allowed before)
    m = _DEGREE_RE.match(text, pos) or _METRE_RE.match(text, pos)
    if m is None:
        return None
    start = m.start(1) if m.re is _METRE_RE else m.start() + (text[m.start()] in " \t\u00a0")
    return start, m.end(), text[start : m.end()].replace(" ", "").replace("\t", "").lower()


def _rate(text: str, end: int, base: str) -> tuple[int, str]:
    """A rate after a unit: "30 triệu đồng/năm" is a different kind of thing from "30 triệu
    đồng"; "22.755 đồng/USD", "1.264 USD/ounce", "250.000 đồng/thuê bao/tháng"; a price in
    words: "200.000 đồng mỗi lượng" ("5 người mỗi ngày" stays a count of people)."""
    while True:
        m = _PER_RE.match(text, end)
        if not m:
            return end, base
        if text[m.start()] != "/" and text[m.start() + 1] != "/":
            if base.split("/")[0] not in CURRENCY_CODES:
                return end, base
        words = m.group(1).split()
        word = words[0].lower()
        if len(words) > 1 and f"{word} {words[1].lower()}" in _PER_WORDS:
            take_end = m.end(1)
        elif word in _PER_WORDS or _fold_word(word) in _PER_FOLDED:
            take_end = m.start(1) + len(words[0])
        else:
            return end, base
        base = f"{base}/{text[m.start(1) : take_end].lower()}"
        end = take_end


_PER_FOLDED = frozenset(fold(w) for w in _PER_WORDS)


def _extended_noun(text: str, end: int, noun: str) -> int:
    """Where a count noun of the vocabulary ends: with the word that makes it a longer one
    ("công ty con"), or with the noun it is paired with ("12 tỉnh, thành phố")."""
    tokens = _tokens(text, end, 2)
    for ext in _NOUN_EXTENSIONS:
        words = ext.split()
        if [t.text for t in tokens[: len(words)]] == words:
            return tokens[len(words) - 1].end
    return _paired_noun(text, end, noun)


def _paired_noun(text: str, end: int, noun: str) -> int:
    """A count of a pair of nouns names both: "12 tỉnh, thành phố"."""
    partners = _PAIRED_NOUNS.get(noun)
    if not partners or not text.startswith(",", end):
        return end
    tokens = _tokens(text, end + 1, 4)
    for partner in partners:
        words = partner.split()
        if [t.text.lower() for t in tokens[: len(words)]] == words:
            end = tokens[len(words) - 1].end
            if partner != "cơ quan":
                return end
            for tok in tokens[len(words) : len(words) + 2]:  # "bộ, cơ quan trung ương"
                if not tok.text[:1].islower() or tok.text.lower() in _NOUN_STOPS:
                    break
                end = tok.end
            return end
    return end


_PREFIX_CURRENCY_RE = re.compile(r"(?:^|(?<=[^\w$]))(US\$|U\.S\.\$|\$|USD|VNĐ|VND|đ)[ \t]?$", re.I)


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """A currency written just before a number ("US$148", "$148", "VND138,000", "USD 5"):
    its code and where it starts."""
    if start == 0:
        return None
    head = text[max(0, start - 6) : start]
    if not head or not (head[-1] in "$DdĐđ " or head[-1].isalpha()):
        return None
    m = _PREFIX_CURRENCY_RE.search(head)
    if not m:
        return None
    word = m.group(1).upper()
    if word == "Đ":
        return None  # (a lone "đ" before a number is not a currency prefix in news)
    code = "VND" if word.startswith("VN") else "USD"
    return code, start - len(head) + m.start(1)


def verb_follows(text: str, pos: int) -> bool:
    """Does a verb that opens no counted noun come right after `pos` ("1 đánh chiêng")?"""
    tokens = _tokens(text, pos, 2)
    if not tokens or tokens[0].start == pos:
        return False
    words = [t.text.lower() for t in tokens]
    return words[0] in _VERB_HEADS and tuple(words[:2]) not in _COMPOUNDS


def read_counted_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The noun phrase a bare count counts ("1.300 cây xanh ở đường ..." -> "cây xanh"), and
    where it ends; None when the word after the number opens no noun phrase."""
    tokens = _tokens(text, pos, _MAX_NOUN_SYLLABLES + 1)
    if not tokens or tokens[0].start == pos:
        return None  # nothing after it, or letters glued to the digits
    first = tokens[0].text
    low = first.lower()
    if low == "x":
        return None  # "143 x 71 mm": the sign of a size
    if low in _NOT_NOUN_HEADS or low in _VERB_HEADS or _is_time_head(low):
        if len(tokens) < 2 or (low, tokens[1].text.lower()) not in _COMPOUNDS:
            return None  # ("chi nhánh", "chi cục": nouns that open with "chi", spend)
    if first[:1].isupper():
        if not (first.isupper() and 2 <= len(first) <= 6 and first.isalpha()):
            return None  # a name ("Atletico"), not a noun; an acronym ("908 HTX") may be one
        return first, tokens[0].end
    if low in _CLASSIFIERS:
        return first, tokens[0].end
    end = tokens[0].end
    words = [t.text.lower() for t in tokens]
    for k, tok in enumerate(tokens[1:_MAX_NOUN_SYLLABLES], 1):
        w = tok.text
        low = words[k]
        if not w[:1].islower() or "-" in w:
            break
        if low in _NOUN_STOPS and (words[k - 1], low) not in _COMPOUNDS:
            break
        if (low in _VERB_STOPS or k >= 2 and low in _LATE_STOPS) and not (
            (words[k - 1], low) in _COMPOUNDS
            or k + 1 < len(words)
            and (low, words[k + 1]) in _COMPOUNDS
        ):
            break
        if k + 1 < len(words) and (low, words[k + 1]) in _STOP_PAIRS:
            break  # "2 tầng đầu tiên": the first two floors; "9.000 container thông qua SNI"
        end = tok.end
    end = _noun_pair_slash(text, end)
    paired = _paired_noun(text, end, low) if end == tokens[0].end else end
    if paired != end:
        end = paired
    else:
        end = _rate(text, end, "")[0]  # "138 triệu đôi/năm"
    return text[tokens[0].start : end], end


_STOP_PAIRS = frozenset(
    (("đầu", "tiên"), ("thông", "qua"), ("bao", "gồm"), ("trong", "đó"), ("vô", "cùng"))
)
_TIME_HEADS = frozenset(("nam", "thang", "ngay", "gio", "phut", "giay", "tuan", "quy"))
# The same words as written: folded, "giấy" (paper), "nấm" (mushroom), "giỏ" (basket) are
# "giay", "nam", "gio" too.
TIME_WORDS_MARKED = frozenset(("năm", "tháng", "ngày", "giờ", "phút", "giây", "tuần", "quý", "quí"))


def _is_time_head(low: str) -> bool:
    """A word of time ("3 năm", "20 giây"); typed with its marks, only those words: "3.000
    giấy phép" are permits, "2 tấn nấm" mushrooms, "3 giỏ" baskets."""
    if low.isascii():
        return _fold_word(low) in _TIME_HEADS
    return low in TIME_WORDS_MARKED


_SLASH_NOUN_RE = re.compile(r"/([^\W\d_]+(?:[23](?!\d))?(?: [^\W\d_]+)?)")  # ("con/m2")


def _noun_pair_slash(text: str, end: int) -> int:
    """Two nouns joined by a slash are one unit: "37 nghị quyết/quyết định"."""
    m = _SLASH_NOUN_RE.match(text, end)
    if m and m.group(1)[:1].islower() and m.group(1).split()[0] not in _NOUN_STOPS:
        words = m.group(1).split()
        if len(words) == 2 and (words[1] in _NOUN_STOPS or words[1] in _VERB_STOPS):
            return m.start(1) + len(words[0])  # "40 con/kg tăng 20.000 đồng": the verb is not
        return m.end()
    return end
