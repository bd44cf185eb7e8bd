"""The one loader of vocabularies (data under ``Settings.models_dir``) and the one pattern language they use.

Vocabularies are JSON files under ``models/`` (``models/README.md`` lists them). Every NLP module reads them
through :func:`load_json` with the ``models_dir`` its caller was given, so ``CROSSCHECK_MODELS_DIR`` reaches
every table; each file is parsed once per process and directory.

Pattern language (lists, claims, statuses): words separated by spaces match any whitespace; a trailing
``*`` matches any word ending; a pattern matches whole words only.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from crosscheck.settings import DEFAULT_MODELS_DIR

__all__ = ["DEFAULT_MODELS_DIR", "load_json", "pattern_alternation", "pattern_regex", "status_vocab"]


@lru_cache(maxsize=64)
def _load(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_json(models_dir: Path | str, name: str) -> Any:
    """The parsed JSON file ``name`` (a path relative to ``models_dir``, e.g. ``"lists/headers.json"``).

    Cached per resolved path: treat the result as read-only.
    """
    path = Path(models_dir) / name
    if not path.is_file():
        raise FileNotFoundError(f"vocabulary {name} not found under {models_dir} (CROSSCHECK_MODELS_DIR)")
    return _load(str(path.resolve()))


def pattern_regex(pattern: str) -> str:
    """'зник* безвісти' → regex: '*' any word ending, spaces any whitespace, whole words only."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in pattern.split()]
    return r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])"


def pattern_alternation(patterns: list[str]) -> str:
    """One regex alternation of ``patterns``, longest first: "prisoners of war" wins over "prisoners"."""
    return "|".join(pattern_regex(p) for p in sorted(set(patterns), key=lambda p: (-len(p), p)))


def status_vocab(models_dir: Path | str) -> dict[str, Any]:
    """``models/statuses.json``: the statuses shared by lists and claims, with list-title and running-text phrases."""
    return load_json(models_dir, "statuses.json")
