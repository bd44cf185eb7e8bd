"""Train / measure the Ukrainian NER: ``python -m nlp.build.uk_ner {data,train,bench,eval} [--models-dir DIR]``.

``data`` writes the silver train/dev sets (``--out``), ``train`` trains when the recipe changed
(``--force``: always), ``bench`` prints the model's words/s, ``eval`` P/R/F1 of rules, model and
model ∪ rules on the dev split of ``--gold``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from crosscheck.settings import Settings
from nlp.build.evaluate import default_gold_dir
from nlp.build.uk_ner.measure import bench, evaluate
from nlp.build.uk_ner.train import ensure_model, write_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.build.uk_ner", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("data", "train", "bench", "eval"))
    parser.add_argument("--models-dir", type=Path, default=None, help="default: Settings().models_dir")
    parser.add_argument("--force", action="store_true", help="train: retrain even if the recipe is unchanged")
    parser.add_argument("--gold", type=Path, default=None, help="eval: the gold file; default tests/gold/ner_uk.jsonl")
    parser.add_argument("--out", type=Path, default=Path("models/build/uk_ner_data"), help="data: output dir")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    models_dir: Path = args.models_dir or Settings().models_dir
    if args.command == "data":
        print(json.dumps(write_data(models_dir, args.out), ensure_ascii=False))
    elif args.command == "train":
        ensure_model(models_dir, force=args.force)
    elif args.command == "bench":
        print(f"{bench(models_dir):.0f} words/s")
    else:
        gold: Path = args.gold or default_gold_dir() / "ner_uk.jsonl"
        print(json.dumps(evaluate(models_dir, gold), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
