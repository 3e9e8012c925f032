"""Named exceptions of the core library and the exit codes they map to.

The core raises these; only the CLI turns them into `error:` lines and exit codes
(see `cli._run`). Codes follow grep: 0 found, 1 nothing found, 2 bad input, 3 KB problem.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_FOUND = 1
    BAD_INPUT = 2
    KB_ERROR = 3


class MickbError(Exception):
    """Base class: every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class BadInput(MickbError):
    """The user's input (query, claim, option, file) cannot be used."""

    exit_code = ExitCode.BAD_INPUT


class UnreadableDocument(BadInput):
    """A source file that is missing, binary, empty or in an unknown encoding."""


class RecordNotFound(MickbError):
    """`show ID` for an id the KB does not hold."""

    exit_code = ExitCode.NOT_FOUND


class KBError(MickbError):
    """The knowledge base is missing, corrupt, not a mickb KB, or locked."""

    exit_code = ExitCode.KB_ERROR


class KBMissing(KBError):
    pass


class KBCorrupt(KBError):
    pass


class NotAMickbKB(KBError):
    pass


class KBLocked(KBError):
    pass


class KBReadOnly(KBError):
    pass


class KBOutdated(KBError):
    """The KB's schema is older than this mickb and cannot be upgraded here (read-only file),
    or newer than this mickb knows how to write."""
