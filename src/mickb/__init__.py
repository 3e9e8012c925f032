"""mickb: a knowledge base of the figures and quotes in Vietnamese news and ICT-sector reports.

The importable core (see mickb.api); the CLI in mickb.cli is a thin layer over it. The
names below are loaded on first use: `mickb find` imports this package and should not pay
for the library's front door.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mickb.api import build, check, find, ingest, open_kb, verify_quote

__version__ = "0.2.0"
__all__ = ["build", "check", "find", "ingest", "open_kb", "verify_quote", "__version__"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from mickb import api

        return getattr(api, name)
    raise AttributeError(f"module 'mickb' has no attribute {name!r}")
