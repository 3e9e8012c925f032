"""A base for small record classes on the start-up path, instead of dataclasses.

Importing `dataclasses` pulls in inspect, ast and dis, and each @dataclass compiles its
methods at import: together ~10 ms of a ~70 ms `mickb find --json` (issue 5 wants <= 7x the
bare interpreter). Classes that `find` imports (search, store, numbers, glossary) write their
__init__ by hand and take equality and repr from here, over their __slots__.
"""

from __future__ import annotations


class PlainRecord:
    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, PlainRecord)
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable records, as dataclasses make them

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
