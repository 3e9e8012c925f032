"""Patterns compiled on first use behave as compiled ones (text/lazy_re.py)."""

from __future__ import annotations

import re

from mickb.text.lazy_re import lazy


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    text = "Năm 2022 doanh thu đạt 138.000 tỷ đồng, tăng 1,6%"
    for source, flags in ((r"\d+(?:[.,]\d+)*", 0), (r"\bdoanh THU\b", re.IGNORECASE)):
        eager, late = re.compile(source, flags), lazy(source, flags)
        assert late.findall(text) == eager.findall(text)
        assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
        assert late.sub("#", text) == eager.sub("#", text)
        assert bool(late.search(text)) == bool(eager.search(text))
        assert late.pattern == source and late.flags == eager.flags


def test_a_bad_lazy_pattern_fails_when_first_used() -> None:
    late = lazy("(unclosed")  # nothing is compiled yet
    try:
        late.search("x")
    except re.error:
        return
    raise AssertionError("an invalid pattern must raise re.error on first use")
