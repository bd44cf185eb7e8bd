"""Runtime loading of the project's trained Ukrainian NER (``models/uk_ner/model``).

The model is built by the training code (:mod:`nlp.build`); the runtime only loads it, from here, so
the pipelines never import build-time code. ``doc.ents`` of the loaded model carry PERSON, UNIT,
PLACE and ORG spans.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

__all__ = ["MODEL_SUBDIR", "NER_DIR", "has_uk_model", "load_uk_ner", "model_path"]

NER_DIR = "uk_ner"  # under models_dir
MODEL_SUBDIR = "model"


def model_path(models_dir: Path) -> Path:
    """Where the trained model lives (``<models_dir>/uk_ner/model``), built or not."""
    return Path(models_dir) / NER_DIR / MODEL_SUBDIR


@lru_cache(maxsize=4)
def load_uk_ner(models_dir: Path) -> Language | None:
    """The trained Ukrainian NER (labels PERSON, UNIT, PLACE, ORG) or None if it is not built.

    Loaded once per process with ``spacy.load`` (offline; ~0.3 s). ``doc.ents`` holds its spans.
    """
    path = model_path(Path(models_dir))
    if not (path / "meta.json").exists():
        return None
    return spacy.load(path)


def has_uk_model(models_dir: Path) -> bool:
    """True if the model is built under ``models_dir`` (loads it, once per process)."""
    return load_uk_ner(Path(models_dir)) is not None
