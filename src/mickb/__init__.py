"""mickb: a knowledge base of the figures and quotes in Vietnamese ICT-sector reports.

The importable core (see mickb.api); the CLI in mickb.cli is a thin layer over it.
"""

from mickb.api import build, check, find, ingest, open_kb, verify_quote

__version__ = "0.1.0"
__all__ = ["build", "check", "find", "ingest", "open_kb", "verify_quote", "__version__"]
