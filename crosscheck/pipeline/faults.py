"""The one fault policy: what a failure costs, decided here and nowhere else.

* **Bad input** (``crosscheck.errors.InputError``: empty, corrupt, encrypted, oversized, mislabelled ...):
  the file is quarantined with the error's reason; the batch goes on.
* **Not the file's fault** (any other ``CrosscheckError``: tesseract missing, graph down, bad settings):
  the batch stops with that error's exit code; nothing is quarantined.
* **A bug while reading the file** (an unexpected exception in parsing or language detection, the stages
  without which there is no document): the file is quarantined as ``internal-error``; the batch goes on.
* **A bug in one extractor** (``CONTAINED`` stages): only that extractor's output is dropped: the document's
  date (it is then undated, source ``none``), the page's mentions (per page), the document's list rows,
  identity resolution, or the document's claims. The
  document is written with everything else, a warning on it says what was lost, the log has the traceback,
  and the batch summary counts it per stage. An extractor that can skip a smaller unit (the list reader:
  one table, one page's numbered lines, one row, the title) reports the bug through :func:`reporter` and
  loses only that unit, at the same price: a warning, the traceback in the log, a count.
* **A worker process that dies** (killed for memory, a crash in a C library): the file is quarantined as
  ``worker-crashed``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from crosscheck.errors import CrosscheckError, FaultReporter
from crosscheck.records.document import FileResult

log = logging.getLogger(__name__)

INTERNAL_ERROR = "internal-error"
WORKER_CRASHED = "worker-crashed"


class Stage(StrEnum):
    PARSE = "parse"
    LANGUAGE = "language"
    DATE = "date"
    MENTIONS = "mentions"
    LISTS = "lists"
    IDENTITY = "identity"
    CLAIMS = "claims"


# What each contained stage loses when it fails, as the warning on the document says it.
CONTAINED: dict[Stage, str] = {
    Stage.DATE: "document not dated (its relative and year-less dates stay unresolved)",
    Stage.MENTIONS: "entities not extracted from page {page}",
    Stage.LISTS: "list rows not extracted",
    Stage.IDENTITY: "surnames not resolved to full names",
    Stage.CLAIMS: "claims not extracted",
}


def _contain(result: FileResult, stage: Stage, message: str, exc: Exception) -> None:
    log.warning("%s: %s", result.path, message, exc_info=exc)
    result.document.warnings.append(message)
    result.contained[stage] = result.contained.get(stage, 0) + 1


def reporter(result: FileResult, stage: Stage) -> FaultReporter:
    """For an extractor that skips a unit of its input on a bug (``crosscheck.errors.FaultReporter``)."""

    def report(skipped: str, exc: Exception) -> None:
        if isinstance(exc, CrosscheckError):
            raise exc
        _contain(result, stage, f"{stage.value}: {skipped} skipped: {describe(exc)}", exc)

    return report


def describe(exc: BaseException) -> str:
    """One line for investigators: the exception's type and message, no traceback."""
    return traceback.format_exception_only(type(exc), exc)[-1].strip()


@contextmanager
def contained(result: FileResult, stage: Stage, page: int | None = None) -> Iterator[None]:
    """Run one extractor on ``result``: a bug in it costs its own output only (see the module docstring)."""
    try:
        yield
    except CrosscheckError:
        raise
    except Exception as exc:  # the policy above: an extractor bug must not cost the investigator the document
        _contain(result, stage, f"{CONTAINED[stage].format(page=page)}: {describe(exc)}", exc)
