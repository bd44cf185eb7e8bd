"""NER throughput per language and the share of ingest time spent in NLP.

    .venv/bin/python -m bench.ner_throughput [--words 20000] [--repeat 2]

Prints, for uk, ru, en and de (the language-independent pipeline):
  - words/s of ``nlp.extract.extract_mentions`` (the full pipeline: models, rules, gazetteer, merge and
    normalisation of every mention), one process, one thread (target >= 5,000 words/s per core);
    model loading is outside the timing (once per process in production);
  - for each file of samples/: ingest time by stage from ``crosscheck.pipeline.worker.process_file`` (workers=0,
    so everything runs in this process) and the share of it in NLP (language + lists + ner).

Text: the "dev" split of tests/gold/ner_<lang>.jsonl when it exists (never "heldout"), else
generated domain sentences (exchange reports, unit and place names, invented persons), repeated up to
``--words`` words per language, in pages of ~400 words as ingest sees them.
"""

# crosscheck modules are imported inside the functions that use them: loading the pipelines is kept out of the
# timed loops and out of the start of a run that measures something else.

from __future__ import annotations

import argparse
import json
import os

# One core: the BLAS under natasha and spaCy must not spread over the others (set before numpy loads).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGE_WORDS = 400

# Invented persons, real places and units: the mix a war-news page has.
_GENERATED: dict[str, tuple[list[str], dict[str, list[str]]]] = {
    "uk": (
        [
            "Командир {unit} {person} повернувся з полону до {place}.",
            "За словами омбудсмана {person}, полонених утримували в {place}.",
            "Бійці {unit} обороняли {place} до квітня 2022 року.",
            "Координаційний штаб повідомив, що {person} з {place} звільнено.",
            "Мати військового {unit} {person} звернулася до МКЧХ.",
            "Після обміну {person} доправили до лікарні в {place}.",
        ],
        {
            "person": ["Іван Петренко", "Олена Коваленко", "Дмитра Бондаренка", "Тарас Ковальчук", "Ірини Бондар"],
            "unit": ["36-ї окремої бригади морської піхоти", "72-ї ОМБр", "3 ОШБр", "в/ч А1234", "полку «Азов»"],
            "place": ["Харкова", "Маріуполя", "Оленівки", "Києва", "Запоріжжя", "Дніпра"],
        },
    ),
    "ru": (
        [
            "Командир {unit} {person} вернулся из плена в {place}.",
            "По словам омбудсмена {person}, пленных содержали в {place}.",
            "Бойцы {unit} обороняли {place} до апреля 2022 года.",
            "Координационный штаб сообщил, что {person} из {place} освобождён.",
            "Мать военнослужащего {unit} {person} обратилась в МККК.",
            "После обмена {person} доставили в больницу в {place}.",
        ],
        {
            "person": ["Иван Петренко", "Ольга Мельниченко", "Дмитрия Бондаренко", "Тарас Ковальчук"],
            "unit": ["36-й отдельной бригады морской пехоты", "155-й бригады морской пехоты", "в/ч 12345"],
            "place": ["Харькове", "Мариуполе", "Еленовке", "Таганроге", "Курской области"],
        },
    ),
    "en": (
        [
            "{person} of the {unit} was captured in {place} in April 2022.",
            "According to the ombudsman {person}, prisoners were held in {place}.",
            "Soldiers of the {unit} defended {place} until May.",
            "The Coordination Headquarters said {person} from {place} was released.",
            "The mother of {person}, a marine of the {unit}, wrote to the ICRC.",
            "After the exchange {person} was taken to a hospital in {place}.",
        ],
        {
            "person": ["Oleksandr Petrenko", "Olena Kovalenko", "Taras Kovalchuk", "Iryna Bondar"],
            "unit": ["36th Separate Marine Brigade", "72nd Mechanized Brigade", "Azov Regiment"],
            "place": ["Mariupol", "Kharkiv", "Olenivka", "Azovstal", "Kyiv", "Zaporizhzhia"],
        },
    ),
    "de": (
        [
            "{person} von der {unit} wurde im April 2022 in {place} gefangen genommen.",
            "Laut der Ombudsfrau {person} wurden die Gefangenen in {place} festgehalten.",
            "Soldaten der {unit} verteidigten {place} bis Mai.",
            "Nach dem Austausch wurde {person} in ein Krankenhaus in {place} gebracht.",
        ],
        {
            "person": ["Oleksandr Petrenko", "Olena Kovalenko", "Taras Kowaltschuk"],
            "unit": ["36th Separate Marine Brigade", "72. Mechanisierten Brigade", "Asow-Regiment"],
            "place": ["Mariupol", "Charkiw", "Oleniwka", "Kiew", "Saporischschja"],
        },
    ),
}


def _gold_sentences(lang: str) -> list[str]:
    """Texts of the dev split of the gold set (heldout is never read, not even for timing)."""
    path = REPO / "tests" / "gold" / f"ner_{lang}.jsonl"
    if not path.exists():
        return []
    texts: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("split", "dev") == "dev" and row.get("text"):
                texts.append(row["text"])
    return texts


def _generated(lang: str, n: int, rng: random.Random) -> list[str]:
    templates, slots = _GENERATED[lang]
    return [rng.choice(templates).format(**{k: rng.choice(v) for k, v in slots.items()}) for _ in range(n)]


def pages_for(lang: str, words: int) -> tuple[list[str], str]:
    """Pages of ~PAGE_WORDS words adding up to ``words`` words, and where the sentences came from."""
    rng = random.Random(0)
    sentences = _gold_sentences(lang)
    source = "gold dev" if sentences else "generated"
    if not sentences:
        sentences = _generated(lang, 500, rng)
    pages: list[str] = []
    page: list[str] = []
    count = page_count = 0
    i = 0
    while count < words:
        s = sentences[i % len(sentences)]
        i += 1
        page.append(s)
        n = len(s.split())
        count += n
        page_count += n
        if page_count >= PAGE_WORDS:
            pages.append(" ".join(page))
            page, page_count = [], 0
    if page:
        pages.append(" ".join(page))
    return pages, source


def ner_throughput(lang: str, words: int, repeat: int, models_dir: Path) -> tuple[float, int, int, str]:
    """(best words/s over ``repeat`` runs, words, mentions, text source) for one language."""
    from nlp.extract import extract_mentions
    from nlp.pipelines import load_pipeline

    pages, source = pages_for(lang, words)
    n_words = sum(len(p.split()) for p in pages)
    load_pipeline(lang if lang in ("uk", "ru", "en") else "xx", models_dir)
    extract_mentions(pages[0], lang, models_dir)  # warm caches once: production workers are long-lived
    best = float("inf")
    mentions = 0
    for _ in range(repeat):
        # CPU time of this process, not wall time: per core, and not skewed by other jobs on the machine.
        t0 = time.process_time()
        mentions = sum(len(extract_mentions(p, lang, models_dir)) for p in pages)
        best = min(best, time.process_time() - t0)
    return n_words / best, n_words, mentions, source


def ingest_share(settings) -> list[tuple[str, float, float, dict[str, float]]]:
    """(file, total s, NLP s, timings) per file of samples/, processed in this process."""
    from crosscheck.pipeline.worker import process_file

    rows = []
    for path in sorted((REPO / "samples").iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        process_file(str(path), str(path.parent), settings)  # warm: models load once per worker
        t0 = time.perf_counter()
        result = process_file(str(path), str(path.parent), settings)
        total = time.perf_counter() - t0
        timings = {k: float(v) for k, v in result.timings.items()}
        nlp = sum(timings.get(k, 0.0) for k in ("language", "lists", "ner"))
        rows.append((path.name, total, nlp, timings))
    return rows


def main(argv: list[str] | None = None) -> int:
    from crosscheck.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=20_000, help="words per language")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per language (best is reported)")
    parser.add_argument("--langs", default="uk,ru,en,de")
    parser.add_argument("--no-ingest", action="store_true", help="skip the samples/ ingest share")
    args = parser.parse_args(argv)
    settings = Settings(workers=0)
    print(f"NER throughput, one process ({os.cpu_count()} cores on this machine; target >= 5,000 words/s/core)")
    print(f"{'lang':<5} {'words':>7} {'mentions':>9} {'words/s':>9}  source   (words per CPU second)")
    for lang in args.langs.split(","):
        wps, n_words, mentions, source = ner_throughput(lang, args.words, args.repeat, settings.models_dir)
        flag = "" if wps >= 5000 else "  (below target)"
        print(f"{lang:<5} {n_words:>7} {mentions:>9} {wps:>9,.0f}  {source}{flag}")
    if not args.no_ingest:
        print("\nIngest of samples/ (workers=0, warm models): time by stage")
        print(f"{'file':<22} {'total s':>8} {'NLP s':>7} {'NLP %':>6}  stages")
        all_total = all_nlp = 0.0
        for name, total, nlp, timings in ingest_share(settings):
            all_total += total
            all_nlp += nlp
            stages = ", ".join(f"{k} {v:.3f}" for k, v in sorted(timings.items()))
            print(f"{name:<22} {total:>8.3f} {nlp:>7.3f} {100 * nlp / max(total, 1e-9):>5.0f}%  {stages}")
        print(f"{'all':<22} {all_total:>8.3f} {all_nlp:>7.3f} {100 * all_nlp / max(all_total, 1e-9):>5.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
