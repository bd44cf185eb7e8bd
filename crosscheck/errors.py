"""Every error crosscheck raises on purpose, and the exit code each one maps to.

A user-facing message lives on the exception; the CLI turns exceptions into exit
codes in one place (``crosscheck.cli.main``). Input errors are per file: the batch
quarantines the file and goes on, so they never become an exit code on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1  # a bug: unexpected exception
    USAGE = 2  # bad command line (argparse's own code)
    FILES_FAILED = 3  # the batch finished, some files were quarantined
    CONFIG = 4  # settings or environment unusable
    GRAPH = 5  # graph server unreachable, refused credentials, or failed to start
    QUERY = 6  # a query was refused (e.g. it tried to write) or is invalid
    INTERRUPTED = 130


class CrosscheckError(Exception):
    """Root of crosscheck's own errors. ``message`` is shown to the user as is."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(CrosscheckError):
    """What was given on the command line or its standard input is not what the command takes."""

    exit_code = ExitCode.USAGE


class ConfigError(CrosscheckError):
    exit_code = ExitCode.CONFIG


class GraphError(CrosscheckError):
    exit_code = ExitCode.GRAPH


class GraphUnavailable(GraphError):
    """The graph server could not be reached or started."""


class QueryError(CrosscheckError):
    exit_code = ExitCode.QUERY


class ReadOnlyViolation(QueryError):
    """An investigator query tried to change the graph."""


# --- per-file input errors: the file is quarantined with ``reason`` -----------------


class InputError(CrosscheckError):
    """A file that cannot be ingested. ``reason`` is a stable machine-readable code."""

    exit_code = ExitCode.FILES_FAILED
    reason = "input-error"


class EmptyFile(InputError):
    reason = "empty"


class OversizedFile(InputError):
    reason = "oversized"


class DecompressionBomb(InputError):
    reason = "decompression-bomb"


class CorruptFile(InputError):
    reason = "corrupt"


class EncryptedFile(InputError):
    reason = "encrypted"


class UnsupportedType(InputError):
    reason = "unsupported-type"


class MislabelledFile(InputError):
    """The extension promises a format the content is not (and the content is nothing we read)."""

    reason = "mislabelled"


class NoTextFound(InputError):
    """Parsed fine but yielded no text at all (e.g. a blank scan)."""

    reason = "no-text"


# --- extractor faults ----------------------------------------------------------------------------

# An extractor that can skip one unit of its input (a table, a row of a list) hands a bug in that unit to
# a reporter, with what it skipped, and goes on. What the skip costs (a warning on the document and a
# count) is decided by crosscheck.pipeline.faults, which passes the reporter in; without one, the error
# propagates, so tests and direct callers see the bug.
FaultReporter = Callable[[str, Exception], None]


def raise_fault(skipped: str, exc: Exception) -> None:
    """The default reporter: no containment."""
    raise exc
