"""Vietnam's provinces and cities under the centre: where a figure holds or a person lives.

Used by the quote extractor (a place is no speaker) and by `check` (a claim about one
province is not about the whole country).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mickb.text.fold import fold

# Vietnam's provinces and cities under the centre (most start with no family name: PLACES
# holds those that do).
PROVINCES = frozenset(
    """An Giang|Bà Rịa - Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|
    Bình Dương|Bình Phước|Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|
    Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|
    Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|
    Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|
    Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|
    Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|
    Vĩnh Phúc|Yên Bái|Hồ Chí Minh|TP.HCM|TPHCM|Huế""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

# Other ways the big cities are written, folded.
_ALIASES = {
    "hanoi": "ha noi",
    "saigon": "ho chi minh",
    "sai gon": "ho chi minh",
    "hcmc": "ho chi minh",
    "tp.hcm": "ho chi minh",
    "tphcm": "ho chi minh",
    "danang": "da nang",
    "haiphong": "hai phong",
}


@lru_cache(maxsize=1)
def _province_re() -> re.Pattern[str]:
    names = {fold(p).lower() for p in PROVINCES} | set(_ALIASES)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w.])(?:" + alternation + r")(?![\w])")


def province_in(text: str) -> str | None:
    """The province or city a text names, capitalised as a name is (folded: "da nang", "ho
    chi minh"), if any; "long an ninh" (lasting security) names no Long An."""
    folded = fold(text)
    aligned = len(folded) == len(text)
    for m in _province_re().finditer(folded):
        if aligned and not text[m.start()].isupper():
            continue
        return _ALIASES.get(m.group(0), m.group(0))
    return None
