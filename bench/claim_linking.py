"""Linking cost: what writing one more report costs when the graph already holds many reports of its exchange.

    python -m bench.claim_linking [--small 20] [--large 2000] [--others 1000] [--repeat 5] [--budget 6]

Issue 11's target: with 2,000 reports of one exchange in the graph, ingesting one more takes no longer than
2x what it takes with 20. Inputs are invented report texts (English, Ukrainian, Russian; invented reporters)
about ONE exchange, the first stage of 16 October 2025: 205 people returned, 180 servicemen and 25
civilians; each a distinct document (reporter, update time, closing sentence vary); one in eight says 206 /
181, so sources both corroborate and contradict each other. ``--others``: reports of 50 OTHER exchanges, 20
days apart from June 2022 (two of them fall on mid-October days of other years). Texts go through
``process_file`` in a process pool, a chunk at a time, never while a timed write runs. On a private graph
server (own home and ports in a temporary directory; never the user's graph), each point is the median of
``--repeat`` reports written one by one with ``write_document`` and timed alone:

  - floor: each probe report into an emptied graph (nothing to link to);
  - small: after ``--small`` reports of the exchange;
  - +others: the same probes at the same count, in a graph that also holds the ``--others`` reports;
  - large: after ``--large`` reports of the exchange, or as many as ``--budget`` minutes of writing allow
    (the time of the write at ``--large`` is then extrapolated from the growth below).

Printed: write and end-to-end time (``process_file`` in this process + ``write_document``, issue 11's
"ingesting one more"), Claim nodes, the exchange's Event nodes and links (CORROBORATES, of which sums of
parts, CONTRADICTS), ratios large / small (target <= 2.0), large / floor and +others / small; where a write's
time goes (the writer's steps and every Cypher statement, timed by wrapping them in this process, with the
claims read and links written); and the same for the bulk writes at growing counts of reports.

How the cost grows (graph/writer.py, graph/cypher.py): a new report whose claims' evidence (kind, day, stage,
date source, names: Claim.event_signature) is already in the graph joins where that evidence went, one indexed
lookup per evidence (EVIDENCE_ATTACHMENT), with no re-resolution: resolution depends only on which evidence
there is. New evidence resolves the window of its days, one claim per distinct evidence (EVENT_SIGNATURES, an
aggregation over the window's claims in the graph). Links: a new claim is compared with the claims its
event's (:Figure) nodes name, at most 25 per figure (LINK_FANOUT), and its links are CREATEd. So the write
of a report of a known kind of evidence is bounded by the event's figures, not its sources; reports of other
exchanges are read only when they fall in the same days (of any year, for dates without a year).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --- report texts ------------------------------------------------------------------------------

EVENT_DAY = date(2025, 10, 16)  # a Thursday
TEMPLATES = {
    "en-anchored": """Ukraine brings home {total} people

Published {pub_en}

Kyiv, {day_en} — Ukraine brought home {total} people on {weekday} in {stage_en}, the Coordination \
Headquarters said. Among them were {soldiers} servicemen and {civilians} civilians.

{extra_en} Updated {clock}.

Reporting by {reporter_en}.
""",
    "en-ombudsman": """Prisoner swap: {total} Ukrainians return

Published {next_en}

On {day_en}, {total} Ukrainians returned home from Russian captivity in {stage_en}, the ombudsman said. \
Among the freed were {soldiers} servicemen and {civilians} civilians.

{extra_en} Updated {clock}.

By {reporter_en}
""",
    "en-yesterday": """Exchange of prisoners

Published {next_en}

Yesterday Ukraine and Russia exchanged prisoners: {total} Ukrainians came home, including {soldiers} \
servicemen and {civilians} civilians, the Coordination Headquarters said.

{extra_en} Updated {clock}.

{reporter_en}, Kyiv
""",
    "uk": """Україна повернула додому {total} людей

{pub_uk}

Київ, {day_uk} — Україна повернула додому {total} людей {stage_uk}, повідомив Координаційний штаб. \
Серед них {soldiers} військовослужбовців і {civilians} цивільних.

{extra_uk} Оновлено о {clock}.

Автор: {reporter_uk}
""",
    "ru": """Украина вернула домой {total} человек

{pub_ru}

{day_ru} года {stage_ru} на родину вернулись {total} украинцев, сообщил Координационный штаб. Среди них \
{soldiers} военнослужащих и {civilians} гражданских.

{extra_ru} Обновлено в {clock}.

Автор: {reporter_ru}
""",
}
EXTRAS = {
    "en": ["The freed were taken to hospitals for medical checks.", "Families waited for news for hours.", ""],
    "uk": ["Звільнених доправили до лікарень на обстеження.", "Родини годинами чекали на новини.", ""],
    "ru": ["Освобождённых доставили в больницы на обследование.", "Семьи часами ждали новостей.", ""],
}
# Invented reporters (private people): a pool, so a reporter signs many reports, as in life.
_GIVEN = [("Olena", "Олена"), ("Marta", "Марта"), ("Ihor", "Ігор"), ("Bohdan", "Богдан"), ("Yana", "Яна")]
_FAMILY = [("Marchuk", "Марчук"), ("Hrytsai", "Грицай"), ("Zadorozhna", "Задорожна"), ("Pylypets", "Пилипець")]
_FAMILY += [("Tkachuk", "Ткачук"), ("Levytska", "Левицька"), ("Bondarets", "Бондарець"), ("Klymko", "Климко")]
_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
}


def _day(d: date, lang: str) -> str:
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"


def report(i: int, day: date = EVENT_DAY, figures: tuple[int, int] = (180, 25), staged: bool = True) -> str:
    """Report number ``i`` of the exchange on ``day``: a template, a reporter and a closing chosen by ``i``;
    every report's bytes differ (the update time and the choices)."""
    name = list(TEMPLATES)[i % len(TEMPLATES)]
    soldiers, civilians = figures
    if i % 8 == 7:  # a source with another figure
        soldiers += 1
    given, family = _GIVEN[(i // 5) % len(_GIVEN)], _FAMILY[(i // 25) % len(_FAMILY)]
    extra = (i // 3) % 3
    nxt = day + timedelta(days=1)
    return TEMPLATES[name].format(
        total=soldiers + civilians,
        soldiers=soldiers,
        civilians=civilians,
        weekday=day.strftime("%A"),
        pub_en=_day(day, "en"),
        next_en=_day(nxt, "en"),
        day_en=_day(day, "en"),
        pub_uk=_day(day, "uk"),
        day_uk=_day(day, "uk"),
        pub_ru=_day(day, "ru"),
        day_ru=_day(day, "ru"),
        stage_en="the first stage of the exchange" if staged else "an exchange",
        stage_uk="у першому етапі обміну" if staged else "в результаті обміну",
        stage_ru="в ходе первого этапа обмена" if staged else "в ходе обмена",
        extra_en=EXTRAS["en"][extra],
        extra_uk=EXTRAS["uk"][extra],
        extra_ru=EXTRAS["ru"][extra],
        # 1,440 minutes x 25 x 3 choices: distinct for far more reports than any run writes
        clock=f"{(i // 60) % 24:02d}:{i % 60:02d}",
        reporter_en=f"{given[0]} {family[0]}",
        reporter_uk=f"{given[1]} {family[1]}",
        reporter_ru=f"{given[1]} {family[1]}",
    )


def other_report(i: int) -> str:
    """Report ``i`` of 50 other exchanges, each on its own day 20 days apart (June 2022 - February 2025)."""
    k = i % 50
    day = date(2022, 6, 1) + timedelta(days=20 * k)
    return report(i // 50 * 7 + k, day, (100 + 3 * k, 10 + k), staged=False)


def _write_texts(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- extraction (not timed) --------------------------------------------------------------------


def _process(args: tuple[str, str]):
    from crosscheck.pipeline.worker import process_file
    from crosscheck.settings import Settings

    return process_file(args[0], args[1], Settings(workers=0))


class Extractor:
    """process_file in a process pool, one chunk at a time: never while a timed write runs."""

    def __init__(self, folder: Path, workers: int) -> None:
        self.folder, self.pool, self.seconds, self.files = folder, ProcessPoolExecutor(workers), 0.0, 0

    def __call__(self, paths: list[Path]) -> list:
        t0 = time.perf_counter()
        results = list(self.pool.map(_process, [(str(p), str(self.folder)) for p in paths], chunksize=16))
        self.seconds += time.perf_counter() - t0
        self.files += len(paths)
        failed = [r.location for r in results if r.document.status != "ingested" or not r.claims]
        if failed:
            raise SystemExit(f"{len(failed)} generated reports gave no claims, e.g. {failed[0]}")
        return results

    def close(self) -> None:
        self.pool.shutdown()


# --- where a write's time goes -----------------------------------------------------------------


@dataclass
class Write:
    """One timed write_document: how many reports of the exchange the graph held before it, its seconds, and
    where they went (the writer's steps and each Cypher statement, seconds) and what they handled (counts)."""

    reports: int
    seconds: float
    nlp: float = 0.0  # process_file of the same report, for the probes
    steps: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


STEPS: Counter = Counter()
SIZES: Counter = Counter()


def _statement_names() -> dict[str, str]:
    from graph import cypher

    names = {}
    for name, value in vars(cypher).items():
        if isinstance(value, str) and "\n" in value:
            names[value] = name
        elif isinstance(value, dict):
            names.update({v: f"{name}[{k}]" for k, v in value.items() if isinstance(v, str)})
    return names


class _EagerResult:
    def __init__(self, records: list, summary) -> None:
        self.records, self.summary = records, summary

    def __iter__(self):
        return iter(self.records)

    def single(self):
        return self.records[0] if self.records else None

    def consume(self):
        return self.summary


class _TimedTx:
    """A transaction whose every statement is run to the end and timed, under its name in graph.cypher."""

    def __init__(self, tx, names: dict[str, str]) -> None:
        self.tx, self.names = tx, names

    def __getattr__(self, name: str):
        return getattr(self.tx, name)

    def run(self, query: str, *args, **kwargs):
        t0 = time.perf_counter()
        result = self.tx.run(query, *args, **kwargs)
        records = list(result)
        summary = result.consume()
        name = self.names.get(query, "other statement")
        STEPS[f"cypher {name}"] += time.perf_counter() - t0
        if name.startswith("MERGE_CLAIM_LINKS"):
            SIZES["links MERGEd"] += len(kwargs.get("links") or ())
            SIZES["links created"] += summary.counters.relationships_created
        if name.startswith("DELETE") and "LINKS" in name:
            SIZES["links deleted"] += summary.counters.relationships_deleted
        return _EagerResult(records, summary)


def _instrument() -> None:
    """Wrap graph.writer's steps (module attributes, looked up at call time) to time them, count what they read
    and write, and time each statement of the transaction. Nothing in graph/ changes; the wrappers read each
    result to its end where the writer would have (microseconds of overhead)."""
    from graph import writer

    def timed(name, fn, sizes=None):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                out = fn(*args, **kwargs)
            finally:
                STEPS[name] += time.perf_counter() - t0
            if sizes is not None:
                sizes(args, out)
            return out

        return wrapper

    def resolve_sizes(args, out):
        SIZES["event candidates read"] += len(args[0])

    def link_sizes(args, out):
        SIZES["link candidates read"] = max(SIZES["link candidates read"], len(args[1]))

    names = _statement_names()
    write_document = writer._write_document
    writer._write_document = lambda tx, *args: write_document(_TimedTx(tx, names), *args)
    # The writer changes while others work on it: wrap what it has.
    wrapped = [
        ("resolve_claim_events", "resolve_claim_events", None),
        ("update_claim_links", "update_claim_links", None),
        ("update_identity_links", "update_identity_links", None),
        ("resolve_events", "python resolve_events", resolve_sizes),
        ("link_claims", "python link_claims", link_sizes),
        ("sum_links", "python sum_links", None),
    ]
    for attr, name, sizes in wrapped:
        if hasattr(writer, attr):
            setattr(writer, attr, timed(name, getattr(writer, attr), sizes))


def _timed_write(graph, result, reports: int) -> Write:
    from graph.writer import write_document

    STEPS.clear()
    SIZES.clear()
    t0 = time.perf_counter()
    write_document(graph, result)
    return Write(reports, time.perf_counter() - t0, steps=dict(STEPS), sizes=dict(SIZES))


# --- the graph ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _empty(graph) -> None:
    graph.write(lambda tx: tx.run("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n").consume())


SUM = "sum of parts"  # how the reason of a sum-of-parts link begins (nlp.claims.link)
EXCHANGE = f"exchange:{EVENT_DAY.isoformat()[:8]}"  # event keys of the exchange; the others' are years before


def _census(graph) -> dict[str, int]:
    """Claim nodes in the graph; the exchange's Event nodes and its CORROBORATES (of which sums of parts) and
    CONTRADICTS links."""
    queries = {
        "claims": "MATCH (c:Claim) RETURN count(c) AS n",
        "events": "MATCH (e:Event) WHERE e.key STARTS WITH $x RETURN count(e) AS n",
        "corroborates": "MATCH ()-[r:CORROBORATES]->() WHERE r.event_key STARTS WITH $x RETURN count(r) AS n",
        "sums": "MATCH ()-[r:CORROBORATES]->() WHERE r.event_key STARTS WITH $x AND r.reason STARTS WITH $sum "
        "RETURN count(r) AS n",
        "contradicts": "MATCH ()-[r:CONTRADICTS]->() WHERE r.event_key STARTS WITH $x RETURN count(r) AS n",
    }

    def work(tx):
        return {name: tx.run(q, x=EXCHANGE, sum=SUM).single()["n"] for name, q in queries.items()}

    with graph.session() as session:
        return session.execute_read(work)


@dataclass
class Point:
    name: str
    reports: int  # reports of the exchange in the graph before the timed writes
    census: dict[str, int] = field(default_factory=dict)
    writes: list[Write] = field(default_factory=list)

    @property
    def write(self) -> float:
        return statistics.median(w.seconds for w in self.writes)

    @property
    def end(self) -> float:
        return statistics.median(w.nlp + w.seconds for w in self.writes)


def _probe(graph, path: Path, folder: Path, settings, point: Point, empty_first: bool = False) -> None:
    """Ingest one more report, timed: its extraction in this process, then its write alone."""
    from crosscheck.pipeline.worker import process_file

    if empty_first:
        _empty(graph)
    t0 = time.perf_counter()
    result = process_file(str(path), str(folder), settings)
    nlp_s = time.perf_counter() - t0
    write = _timed_write(graph, result, point.reports + (0 if empty_first else len(point.writes)))
    write.nlp = nlp_s
    point.writes.append(write)


def _bulk(graph, results: list, label: str, first: int = 0, deadline: float = math.inf) -> list[Write]:
    """Write ``results`` one document per transaction, as an ingest does, until ``deadline`` (perf_counter);
    ``first``: reports of the exchange already in the graph (for the growth table)."""
    writes = []
    t0 = last = time.perf_counter()
    for i, result in enumerate(results):
        if time.perf_counter() > deadline:
            print(f"  {label}: stopped at {i}/{len(results)} by --budget, {time.perf_counter() - t0:.0f} s")
            break
        writes.append(_timed_write(graph, result, first + i))
        now = time.perf_counter()
        if now - last > 20 or i == len(results) - 1:
            recent = statistics.median(w.seconds for w in writes[-5:])
            print(f"  {label}: {i + 1}/{len(results)} written, {now - t0:.0f} s (last writes {recent * 1e3:.0f} ms)")
            last = now
    return writes


# --- report ------------------------------------------------------------------------------------

_SHOWN_STEPS = (
    "resolve_claim_events",
    "cypher NAMED_EVENT_CLAIMS",
    "cypher EVENT_CANDIDATE_CLAIMS",
    "python resolve_events",
    "update_claim_links",
    "cypher DELETE_CLAIM_EVENT_LINKS",
    "cypher CLAIM_CANDIDATES",
    "python link_claims",
    "python sum_links",
    "cypher DELETE_SUM_LINKS",
    "cypher MERGE_CLAIM_LINKS[CORROBORATES]",
    "cypher MERGE_CLAIM_LINKS[CONTRADICTS]",
    "update_identity_links",
)


def _step_ms(writes: list[Write], key: str) -> float:
    return statistics.median(w.steps.get(key, 0.0) for w in writes) * 1e3


def _size(writes: list[Write], key: str) -> float:
    return statistics.median(w.sizes.get(key, 0) for w in writes)


def _breakdown(columns: list[tuple[str, list[Write]]], first: tuple[str, list[float]] | None = None) -> None:
    """Median ms per step and statement, and median counts, one column per group of writes."""
    print(f"{'':<40}" + "".join(f"{name:>14}" for name, _ in columns))
    if first:
        print(f"{first[0]:<40}" + "".join(f"{v:>14.0f}" for v in first[1]))
    steps = {key for _, ws in columns for w in ws for key in w.steps}
    others = sorted(steps - set(_SHOWN_STEPS), key=lambda key: -max(_step_ms(ws, key) for _, ws in columns))
    for key in [key for key in _SHOWN_STEPS if key in steps] + others[:4]:
        indent = "" if key in ("resolve_claim_events", "update_claim_links", "update_identity_links") else "  "
        print(f"{indent + key + ' (ms)':<40}" + "".join(f"{_step_ms(ws, key):>14.1f}" for _, ws in columns))
    for key in sorted({key for _, ws in columns for w in ws for key in w.sizes}):
        print(f"{key:<40}" + "".join(f"{_size(ws, key):>14.0f}" for _, ws in columns))


def _checkpoints(small: int, large: int) -> list[int]:
    marks = [20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 400, 500, 700, 1000, 1500, 2000, 3000, 5000]
    return sorted({m for m in marks if small <= m <= large} | {large})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=20, help="reports of the exchange at the first point")
    ap.add_argument("--large", type=int, default=2000, help="reports of the exchange at the last point")
    ap.add_argument("--others", type=int, default=1000, help="reports of other exchanges, for the 'others' point")
    ap.add_argument("--repeat", type=int, default=5, help="timed writes per point; the median is printed")
    ap.add_argument(
        "--budget",
        type=float,
        default=6.0,
        help="minutes for writing the reports of the exchange up to --large; past it, the large point is "
        "measured where the writing stopped and the write at --large is extrapolated",
    )
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes for extraction")
    ap.add_argument("--keep", type=Path, help="keep the generated texts and the graph home here")
    args = ap.parse_args(argv)
    k = args.repeat
    if not args.small > 0 or args.large < args.small + 2 * k:
        ap.error("need 0 < --small and --large >= --small + 2 * --repeat")

    from crosscheck.pipeline.worker import process_file
    from crosscheck.settings import Settings
    from graph import server
    from graph.migrations import open_writer

    work = args.keep or Path(tempfile.mkdtemp(prefix="crosscheck-bench-links-"))
    folder = work / "reports"
    # Reports of the exchange 0..large-1 are the bulk; the probes come after them, so none is in the bulk.
    bulk = _write_texts(folder, {f"same-{i:05d}": report(i) for i in range(args.large)})
    probes = {
        name: _write_texts(folder, {f"{name}-{j}": report(args.large + n * k + j) for j in range(k)})
        for n, name in enumerate(("small", "large"))
    }
    others = _write_texts(folder, {f"other-{i:05d}": other_report(i) for i in range(args.others)})
    warm = _write_texts(folder, {f"warm-{i:03d}": other_report(10_000 + i) for i in range(60)})
    extract = Extractor(folder, args.workers)

    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    settings = Settings(
        home=home, bolt_port=_free_port(), http_port=_free_port(), workers=0, neo4j_uri=None, scheduler=None
    )
    for path in warm[:5]:  # one report per template, so the models of each language load in this process
        process_file(str(path), str(folder), settings)
    _instrument()
    t0 = time.perf_counter()
    server.ensure_started(settings)
    print(f"private graph server started in {time.perf_counter() - t0:.1f} s ({home})", flush=True)
    points: dict[str, Point] = {}
    bulk_writes: list[Write] = []
    seconds: Counter = Counter()
    run_t0 = time.perf_counter()
    try:
        graph = open_writer(settings)
        # A cold JVM compiles its first minute of work: warm it on reports of other exchanges, not timed.
        t0 = time.perf_counter()
        _bulk(graph, extract(warm), "warm-up")
        seconds["warm-up"] = time.perf_counter() - t0

        floor = points["floor"] = Point("floor", 0)
        for path in probes["large"]:
            _probe(graph, path, folder, settings, floor, empty_first=True)
        floor.census = _census(graph)
        _empty(graph)

        first = extract(bulk[: args.small])
        t0 = time.perf_counter()
        bulk_writes += _bulk(graph, first, "exchange")
        seconds["exchange"] += time.perf_counter() - t0
        small = points["small"] = Point("small", args.small, _census(graph))
        for path in probes["small"]:
            _probe(graph, path, folder, settings, small)

        # The same probes at the same count of reports of the exchange, in a graph that also holds the others.
        _empty(graph)
        t0 = time.perf_counter()
        _bulk(graph, first, "exchange again")
        _bulk(graph, extract(others), "other exchanges")
        seconds["others"] = time.perf_counter() - t0
        with_others = points["others"] = Point(f"+{args.others} other", args.small, _census(graph))
        for path in probes["small"]:
            _probe(graph, path, folder, settings, with_others)

        # Up to --large reports of the exchange (the small probes are among them), within --budget.
        deadline = time.perf_counter() + args.budget * 60
        reached = args.small + k
        for lo in range(args.small, args.large - k, 100):
            chunk = extract(bulk[lo : min(lo + 100, args.large - k)])
            t0 = time.perf_counter()
            fill = _bulk(graph, chunk, f"exchange {reached}+", reached, deadline)
            seconds["exchange"] += time.perf_counter() - t0
            bulk_writes += fill
            reached += len(fill)
            if len(fill) < len(chunk):
                break
        large = points["large"] = Point("large", reached, _census(graph))
        for path in probes["large"]:
            _probe(graph, path, folder, settings, large)
        graph.close()
    finally:
        server.stop(settings)
        extract.close()
    seconds["whole run on the graph"] = time.perf_counter() - run_t0
    per_report = statistics.mean(len(r.claims) for r in first)
    print(
        f"\nprocess_file of {extract.files} generated reports on {args.workers} processes: {extract.seconds:.0f} s "
        f"({per_report:.1f} claims per report of the exchange)"
    )
    print("seconds: " + ", ".join(f"{name} {s:.0f}" for name, s in seconds.items()))
    print("\none more report of the exchange, median of", k, "(e2e: process_file + write_document):")
    print("(claims: in the graph; events and links: of the exchange)")
    heads = ("reports", "claims", "events", "corrob.", "of sums", "contra.", "write ms", "e2e ms")
    print(f"{'':<14}" + "".join(f"{h:>9}" for h in heads))
    for p in points.values():
        c = p.census
        cells = [p.reports, c["claims"], c["events"], c["corroborates"], c["sums"], c["contradicts"]]
        cells += [round(p.write * 1e3), round(p.end * 1e3)]
        print(f"{p.name:<14}" + "".join(f"{v:>9}" for v in cells))
    print(
        f"write: large ({large.reports}) / small ({small.reports}) {large.write / small.write:.2f} (target <= 2.0), "
        f"large / floor {large.write / floor.write:.2f}, +others / small {with_others.write / small.write:.2f}; "
        f"end to end: large / small {large.end / small.end:.2f}"
    )
    print("\nwhere a write's time goes (medians):")
    _breakdown([(p.name, p.writes) for p in points.values()])

    print("\ngrowth: the bulk writes of the exchange, median of the 5 writes before each count of reports:")
    columns = []
    for mark in _checkpoints(args.small, reached):
        window = [w for w in bulk_writes if mark - 5 <= w.reports < mark]
        if window:
            columns.append((str(mark), window))
    _breakdown(columns, first=("write (ms)", [statistics.median(w.seconds for w in ws) * 1e3 for _, ws in columns]))
    if len(columns) >= 3:
        # The slope of log(write time) over log(reports) at the last three counts: the growth now.
        xs = [math.log(int(name)) for name, _ in columns[-3:]]
        ys = [math.log(statistics.median(w.seconds for w in ws)) for _, ws in columns[-3:]]
        slope = statistics.linear_regression(xs, ys).slope
        print(f"\nwrite time grows as reports^{slope:.2f} between {columns[-3][0]} and {columns[-1][0]} reports")
        if reached < args.large:
            at_large = large.write * (args.large / reached) ** slope
            print(
                f"--budget stopped the writing at {reached} reports; extrapolated write at {args.large}: "
                f"{at_large:.1f} s, {at_large / small.write:.0f}x the write at {args.small}"
            )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
