"""Regular expressions compiled when first used rather than when their module is imported.

`check` and `find` start in a fresh process for every call: compiling the hundred-odd rules
of identifiers and claim reading at import costs milliseconds that most claims never use. A
`lazy(...)` pattern behaves as the compiled pattern (its methods are the compiled one's, bound
on first use, so later calls cost what the compiled pattern's do).
"""

from __future__ import annotations

import re
from typing import Any, cast

_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # only called for what is not set yet: compile once, then bind the compiled pattern's
        # attributes on this object
        compiled = re.compile(self._source, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A pattern compiled on its first use."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
