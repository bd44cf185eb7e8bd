"""The one fault policy: what a failure costs, decided here and nowhere else.

* **Bad input** (``crosscheck.errors.InputError``: empty, corrupt, encrypted, oversized, mislabelled ...):
  the file is quarantined with the error's reason; the batch goes on.
* **Not the file's fault** (any other ``CrosscheckError``: tesseract missing, graph down, bad settings):
  the batch stops with that error's exit code; nothing is quarantined.
* **A bug while reading the file** (an unexpected exception in parsing or language detection, the stages
  without which there is no document): the file is quarantined as ``internal-error``; the batch goes on.
* **A bug in one extractor** (``CONTAINED`` stages): only that extractor's output is dropped: the page's
  mentions (per page), the document's list rows, identity resolution, or the document's claims. The
  document is written with everything else, a warning on it says what was lost, the log has the traceback,
  and the batch summary counts it per stage.
* **A worker process that dies** (killed for memory, a crash in a C library): the file is quarantined as
  ``worker-crashed``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from crosscheck.errors import CrosscheckError
from crosscheck.records.document import FileResult

log = logging.getLogger(__name__)

INTERNAL_ERROR = "internal-error"
WORKER_CRASHED = "worker-crashed"


class Stage(StrEnum):
    PARSE = "parse"
    LANGUAGE = "language"
    MENTIONS = "mentions"
    LISTS = "lists"
    IDENTITY = "identity"
    CLAIMS = "claims"


# What each contained stage loses when it fails, as the warning on the document says it.
CONTAINED: dict[Stage, str] = {
    Stage.MENTIONS: "entities not extracted from page {page}",
    Stage.LISTS: "list rows not extracted",
    Stage.IDENTITY: "surnames not resolved to full names",
    Stage.CLAIMS: "claims not extracted",
}


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
        message = f"{CONTAINED[stage].format(page=page)}: {describe(exc)}"
        log.warning("%s: %s", result.path, message, exc_info=True)
        result.document.warnings.append(message)
        result.contained[stage] = result.contained.get(stage, 0) + 1
