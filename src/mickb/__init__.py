"""mickb: a knowledge base of the figures and quotes in Vietnamese ICT-sector reports.

The importable core; the CLI in `mickb.cli` is a thin layer over it.
"""

__version__ = "0.1.0"
