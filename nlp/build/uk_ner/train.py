"""Training the Ukrainian NER: the silver mix, ``spacy train``, and the recipe hash that says when to retrain.

``ensure_model`` (called by ``python -m nlp.build``) trains only when the model is missing or the
recipe hash differs from ``models/uk_ner/recipe.sha256``. The hash covers what determines the model:
the code of the recipe modules (:data:`RECIPE_MODULES`), the organisation case forms the generator
draws from, the config, and the ua-gec and spaCy versions. The code is hashed as its syntax tree
without imports, docstrings and comments (:func:`code_fingerprint`) and the config as spaCy parses
it, so moving a module the recipe imports or rewording a comment does not cost a retrain. The rules
that label the silver data and the built gazetteer are deliberately not covered (every rule edit
would cost a retrain); force one with ``--force`` / ``--retrain-uk-ner``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import load_config

from crosscheck.settings import DEFAULT_MODELS_DIR
from nlp.build.uk_ner.domain import domain_sentences
from nlp.build.uk_ner.silver import SEED, SilverExample, silver_from_rules, uagec_sentences, with_rule_extras
from nlp.components.organisations import ORGANISATIONS_FILE, load_organisation_forms
from nlp.uk_model import NER_DIR, load_uk_ner, model_path

__all__ = [
    "RECIPE_FILE",
    "RECIPE_MODULES",
    "build_silver",
    "code_fingerprint",
    "config_path",
    "ensure_model",
    "recipe_hash",
    "to_docbin",
    "train",
    "write_data",
]

log = logging.getLogger(__name__)

RECIPE_FILE = "recipe.sha256"  # under models_dir / NER_DIR
CONFIG_FILE = "config.cfg"
MAX_UAGEC_WITH_ENTITIES = 2600
MAX_UAGEC_WITHOUT = 900  # negatives: sentences with no entity and no unexplained capitalised word
DEV_FRACTION = 0.1
# The modules whose code determines the training data and the run, hashed in this order.
RECIPE_MODULES = ("silver.py", "domain.py", "train.py")


# --- the silver mix ---------------------------------------------------------------------------------
def build_silver(models_dir: Path) -> list[SilverExample]:
    """The whole training set, deterministic: kept ua-gec sentences (with and without entities) and
    the generated domain sentences, shuffled with a fixed seed."""
    models_dir = Path(models_dir)
    rng = random.Random(SEED)
    kept = silver_from_rules(uagec_sentences(), models_dir)
    with_entities = [e for e in kept if e.spans]
    without = [e for e in kept if not e.spans]
    rng.shuffle(with_entities)
    rng.shuffle(without)
    examples = with_entities[:MAX_UAGEC_WITH_ENTITIES] + without[:MAX_UAGEC_WITHOUT]
    examples += with_rule_extras(domain_sentences(models_dir), models_dir)
    rng.shuffle(examples)
    return examples


def to_docbin(examples: Iterable[SilverExample]) -> DocBin:
    """spaCy training docs (blank ``uk`` tokenizer); a span that does not align to tokens is widened."""
    nlp = spacy.blank("uk")
    db = DocBin(store_user_data=False)
    for ex in examples:
        doc = nlp.make_doc(ex.text)
        ents = []
        for s, e, label in ex.spans:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None and not any(span.start < o.end and o.start < span.end for o in ents):
                ents.append(span)
        doc.ents = ents
        db.add(doc)
    return db


def write_data(models_dir: Path, out_dir: Path) -> dict[str, int]:
    """train.spacy / dev.spacy in ``out_dir``; returns counts."""
    examples = build_silver(models_dir)
    n_dev = max(1, int(len(examples) * DEV_FRACTION))
    dev, train = examples[:n_dev], examples[n_dev:]
    out_dir.mkdir(parents=True, exist_ok=True)
    to_docbin(train).to_disk(out_dir / "train.spacy")
    to_docbin(dev).to_disk(out_dir / "dev.spacy")
    counts: dict[str, int] = {"train": len(train), "dev": len(dev)}
    for ex in examples:
        counts[ex.source] = counts.get(ex.source, 0) + 1
        for _, _, label in ex.spans:
            counts[label] = counts.get(label, 0) + 1
    return counts


# --- training and the recipe hash -------------------------------------------------------------------
def _dir_with(models_dir: Path, name: str) -> Path:
    """``models_dir`` if it holds ``name``, else the repository's models dir (a fresh ``--models-dir``)."""
    return Path(models_dir) if (Path(models_dir) / name).exists() else DEFAULT_MODELS_DIR


def config_path(models_dir: Path) -> Path:
    name = f"{NER_DIR}/{CONFIG_FILE}"
    return _dir_with(models_dir, name) / name


def code_fingerprint(source: str) -> str:
    """The code of a module as a syntax-tree dump, without its imports, docstrings and comments."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = [n for n in node.body if not isinstance(n, ast.Import | ast.ImportFrom)]
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring
            node.body = body or [ast.Pass()]
    return ast.dump(tree)


def recipe_hash(models_dir: Path) -> str:
    """sha256 over what determines the model: the code of the recipe modules, the organisation case
    forms the generator draws from, the config, the versions of ua-gec and spaCy."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in RECIPE_MODULES:
        h.update(code_fingerprint((here / name).read_text(encoding="utf-8")).encode())
    forms = load_organisation_forms(_dir_with(models_dir, ORGANISATIONS_FILE))
    h.update(json.dumps(forms, ensure_ascii=False).encode())
    h.update(load_config(config_path(models_dir), interpolate=False).to_str().encode())  # without its comments
    for package in ("ua-gec", "spacy"):
        h.update(f"{package}=={metadata.version(package)}\n".encode())
    return h.hexdigest()


def train(models_dir: Path, seed: int = SEED) -> dict[str, float]:
    """Build the silver data and train; the model replaces ``models/uk_ner/model``. Returns stats."""
    models_dir = Path(models_dir)
    target = model_path(models_dir)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="uk_ner_") as tmp:
        work = Path(tmp)
        counts = write_data(models_dir, work)
        data_s = time.monotonic() - started
        log.info("silver data: %s (%.0f s)", counts, data_s)
        cmd = [
            sys.executable, "-m", "spacy", "train", str(config_path(models_dir)),
            "--output", str(work / "out"),
            "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
            "--system.seed", str(seed), "--gpu-id", "-1",
        ]  # fmt: skip
        t0 = time.monotonic()
        subprocess.run(cmd, check=True)
        train_s = time.monotonic() - t0
        best = work / "out" / "model-best"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(best, target)
    (models_dir / NER_DIR / RECIPE_FILE).write_text(recipe_hash(models_dir) + "\n", encoding="utf-8")
    load_uk_ner.cache_clear()  # this process may have loaded the model it just replaced
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    stats = {"data_s": data_s, "train_s": train_s, "size_mb": size / 1e6, **{k: float(v) for k, v in counts.items()}}
    log.info("uk NER: %s", stats)
    return stats


def ensure_model(models_dir: Path, force: bool = False) -> bool:
    """Train the uk NER if it is missing or its recipe changed; True if it (re)trained."""
    models_dir = Path(models_dir)
    stamp = models_dir / NER_DIR / RECIPE_FILE
    current = recipe_hash(models_dir)
    built = (model_path(models_dir) / "meta.json").exists()
    if not force and built and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == current:
        log.info("uk NER up to date (%s)", model_path(models_dir))
        return False
    repo_stamp = DEFAULT_MODELS_DIR / NER_DIR / RECIPE_FILE
    repo_model = model_path(DEFAULT_MODELS_DIR)
    if (
        not force
        and models_dir.resolve() != DEFAULT_MODELS_DIR.resolve()
        and (repo_model / "meta.json").exists()
        and repo_stamp.exists()
        and repo_stamp.read_text(encoding="utf-8").strip() == current
    ):
        # Another models dir (a fresh --models-dir): the committed model of the same recipe will do.
        if model_path(models_dir).exists():
            shutil.rmtree(model_path(models_dir))
        shutil.copytree(repo_model, model_path(models_dir))
        stamp.write_text(current + "\n", encoding="utf-8")
        log.info("uk NER copied from %s", repo_model)
        return False
    log.info("training the uk NER (≤ 5 min on 2 cores)")
    train(models_dir)
    return True
