"""Build the NLP assets in ``models/``: ``python -m nlp.build [--models-dir DIR]``.

Writes ``models/gazetteer/places.jsonl`` (:mod:`nlp.build.gazetteer`, about half a minute on 2 cores),
then trains the Ukrainian NER ``models/uk_ner/model`` (:mod:`nlp.build.uk_ner`) when it is missing or
its recipe changed (a few minutes; otherwise a no-op).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from crosscheck.settings import DEFAULT_MODELS_DIR, Settings
from nlp.build.gazetteer import build_entries, write_gazetteer
from nlp.build.uk_ner.train import ensure_model
from nlp.gazetteer import GAZETTEER_FILE
from nlp.normalize import morph

log = logging.getLogger("nlp.build")

FACILITIES_FILE = Path("gazetteer") / "facilities.csv"  # under models_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.build", description=__doc__.split("\n")[0])
    parser.add_argument("--models-dir", type=Path, default=None, help="default: Settings().models_dir")
    parser.add_argument(
        "--retrain-uk-ner", action="store_true", help="retrain the Ukrainian NER even if its recipe is unchanged"
    )
    parser.add_argument("--skip-uk-ner", action="store_true", help="build the gazetteer only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    models_dir: Path = args.models_dir or Settings().models_dir
    facilities = models_dir / FACILITIES_FILE
    if not facilities.exists():
        # A fresh --models-dir: use the curated list shipped in the repository.
        facilities = DEFAULT_MODELS_DIR / FACILITIES_FILE
    started = time.monotonic()
    morph("uk"), morph("ru")
    entries = build_entries(facilities)
    path = models_dir / GAZETTEER_FILE
    n_forms = write_gazetteer(entries, path)
    log.info(
        "wrote %s: %d places, %d forms, %.1f MB in %.0f s",
        path,
        len(entries),
        n_forms,
        path.stat().st_size / 1e6,
        time.monotonic() - started,
    )
    if not args.skip_uk_ner:
        # The Ukrainian NER is trained on silver data made with the gazetteer just built; it is
        # retrained only when missing or when its recipe changed (models/uk_ner/recipe.sha256).
        ensure_model(models_dir, force=args.retrain_uk_ner)
    return 0


if __name__ == "__main__":
    sys.exit(main())
