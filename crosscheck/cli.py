"""The ``crosscheck`` command. The one place where exceptions become exit codes.

Each command imports the layers it needs inside its function: ``crosscheck queries`` must not pay for
loading the NLP pipelines, dask or the graph driver.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck import __version__
from crosscheck.errors import CrosscheckError, ExitCode, InputError, QueryError, UsageError
from crosscheck.settings import Settings

if TYPE_CHECKING:
    from crosscheck.pipeline.worker import ExtractedMention

EPILOG = """exit codes:
  0  success
  3  the batch finished but some files failed (quarantined, see 'Failed' above)
  4  configuration error (settings, folder, ports)
  5  graph server unreachable, refused credentials, or failed to start
  6  query refused (writes are not allowed) or invalid
  2  bad command line, or a bad input line for 'crosscheck extract --format jsonl'
  1  internal error (a bug: please report it with the traceback)
"""


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from crosscheck.pipeline.batch import run_batch
    from graph.migrations import open_writer

    if args.workers is not None:
        settings = settings.model_copy(update={"workers": args.workers})
    with open_writer(settings) as graph:
        summary = run_batch(Path(args.folder), settings, graph, force=args.force)
    entities = {label: len(keys) for label, keys in sorted(summary.entities.items())}
    if args.format == "json":
        print(
            json.dumps(
                {
                    "files": summary.files,
                    "ingested": summary.ingested,
                    "unchanged": summary.unchanged,
                    "replaced": summary.replaced,
                    "failed": len(summary.failures),
                    "pages": summary.pages,
                    "ocr_pages": summary.ocr_pages,
                    "mentions": summary.mentions,
                    "entities": entities,
                    "lists": summary.lists,
                    "listed_rows": summary.listed_rows,
                    "failures": [f.__dict__ for f in summary.failures],
                    "contained": summary.contained,
                    "seconds": round(summary.seconds, 2),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Files:     {summary.files} ({summary.ingested} new, {summary.unchanged} already in graph)")
        if summary.replaced:
            print(f"Replaced:  {summary.replaced} earlier version(s) of changed files")
        print(f"Pages:     {summary.pages} ({summary.ocr_pages} OCR'd)")
        ents = ", ".join(f"{n} {label}" for label, n in entities.items()) or "none"
        print(f"Entities:  {ents} ({summary.mentions} mentions)")
        if summary.listed_rows:
            print(f"Lists:     {summary.listed_rows} person rows in {summary.lists} document(s)")
        print(f"Failed:    {len(summary.failures)}")
        for f in summary.failures:
            print(f"  {f.path}: [{f.reason}] {f.error}")
        if summary.failures:
            print(f"  (copies and reasons in {settings.quarantine_dir})")
        if summary.contained:
            faults = ", ".join(f"{n} in {stage}" for stage, n in sorted(summary.contained.items()))
            print(f"Contained: {faults} (that output dropped; a warning on each document, details in the log)")
        print(f"Time:      {summary.seconds:.1f} s")
    return ExitCode.FILES_FAILED if summary.failures else ExitCode.OK


def _cmd_graph(args: argparse.Namespace, settings: Settings) -> int:
    from graph import server

    if not settings.embedded:
        print(f"crosscheck uses the Neo4j server at {settings.neo4j_uri}; nothing to {args.action}.")
        return ExitCode.OK
    if args.action == "start":
        pid = server.ensure_started(settings)
        print(f"graph server running (pid {pid}) at {server.bolt_uri(settings)}")
    elif args.action == "stop":
        print("graph server stopped" if server.stop(settings) else "graph server was not running")
    else:
        st = server.status(settings)
        print(f"running:   {f'yes (pid {st.pid})' if st.running else 'no'}")
        print(f"bolt:      {st.bolt_uri}")
        print(f"data:      {st.data_dir}")
        if st.reader:
            r = st.reader
            print(f"read-only: user {r.user!r} password {r.password!r} database {r.database!r}")
            print(f"           e.g. cypher-shell -a {st.bolt_uri} -u {st.reader.user} -d {st.reader.database}")
    return ExitCode.OK


def _cmd_queries(args: argparse.Namespace, settings: Settings) -> int:
    from graph.queries import CATALOGUE, catalogue_markdown

    if args.format == "markdown":
        print(catalogue_markdown(), end="")
        return ExitCode.OK
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "name": q.name,
                        "title": q.title,
                        "description": q.description,
                        "params": [p.__dict__ for p in q.params],
                        "cypher": q.cypher.strip(),
                    }
                    for q in CATALOGUE
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return ExitCode.OK
    for q in CATALOGUE:
        params = " ".join(f"--param {p.name}={p.example!r}" for p in q.params)
        print(f"{q.name}: {q.title}\n    {q.description}")
        for p in q.params:
            default = f" (default {p.default!r})" if p.default is not None else ""
            print(f"    {p.name}: {p.description}{default}")
        print(f"    e.g. crosscheck query --saved {q.name} {params}".rstrip())
        print("    " + q.cypher.strip().replace("\n", "\n    "))
        print()
    return ExitCode.OK


def _cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from graph.connection import connect
    from graph.queries import BY_NAME
    from graph.query_runner import params_for, parse_param, render, run

    given = dict(parse_param(p) for p in args.param)
    if args.saved:
        if args.cypher:
            raise QueryError("give either CYPHER or --saved NAME, not both")
        if args.saved not in BY_NAME:
            raise QueryError(f"no saved query {args.saved!r}; 'crosscheck queries' lists them")
        saved = BY_NAME[args.saved]
        cypher = saved.cypher
    elif args.cypher:
        saved, cypher = None, args.cypher
    else:
        raise QueryError("give a Cypher query or --saved NAME ('crosscheck queries' lists them)")
    params = params_for(saved, given, settings)
    with connect(settings, "reader") as graph:
        columns, rows = run(graph, cypher, params)
    print(render(columns, rows, args.format))
    return ExitCode.OK


def _mention_json(m: ExtractedMention) -> dict[str, object]:
    x = m.mention
    return {
        "label": x.label,
        "start": x.start,
        "end": x.end,
        "surface": x.surface,
        "name": x.name,
        "key": m.key,
        "confidence": round(x.confidence, 3),
        "method": x.method,
        "page": x.page,
    }


def _extract_stdin(settings: Settings) -> int:
    """JSON lines ``{"id", "text", "lang"?}`` in, one ``{"id", "lang", "mentions"}`` line out per input."""
    from crosscheck.pipeline.worker import extract_entities
    from crosscheck.records.pages import Page

    for n, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, lang = item["text"], item.get("lang")
            if not isinstance(text, str) or not (lang is None or isinstance(lang, str)):
                raise TypeError("text and lang must be strings")
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f'input line {n} is not {{"id", "text", "lang"?}} JSON ({exc})') from exc
        langs, found = extract_entities([Page(number=1, text=text, method="plain")], settings, lang)
        out = {"id": item.get("id"), "lang": langs[0], "mentions": [_mention_json(m) for m in found]}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return ExitCode.OK


def _cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from crosscheck.pipeline.worker import extract_entities
    from ingest.registry import parse_bytes

    if not args.files:
        if args.format != "jsonl":
            raise UsageError("give FILEs, or --format jsonl to read JSON lines on standard input")
        return _extract_stdin(settings)
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            if not path.is_file():
                raise UsageError(f"{name}: no such file")
            parsed = parse_bytes(path.read_bytes(), path.name, settings)
        except InputError as exc:
            print(f"crosscheck: {name}: [{exc.reason}] {exc.message}", file=sys.stderr)
            failed += 1
            continue
        langs, found = extract_entities(parsed.pages, settings, args.lang)
        if args.format == "jsonl":
            out = {"id": name, "lang": langs[0] if langs else None, "mentions": [_mention_json(m) for m in found]}
            print(json.dumps(out, ensure_ascii=False), flush=True)
            continue
        print(f"== {name} ({', '.join(sorted(set(langs))) or 'no text'})")
        for m in found:
            x = m.mention
            print(f"p{x.page} {x.start}-{x.end}\t{x.label}\t{' '.join(x.surface.split())}\t{x.name}\t{m.key}")
    return ExitCode.FILES_FAILED if failed else ExitCode.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Ingest a drop folder of documents and scans into an evidence graph, and query it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "ingest",
        help="ingest every new file of a drop folder",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", help="the drop folder")
    p.add_argument("--force", action="store_true", help="re-process files already in the graph")
    p.add_argument("--workers", type=int, help="worker processes (0 = in this process); default: cores")
    p.add_argument("--format", choices=["text", "json"], default="text", help="summary format")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser(
        "extract",
        help="print the entities of files, or of JSON lines on standard input (what the ingest finds)",
        description="Entity mentions, found by the same code the ingest runs. With FILEs: each file's mentions "
        "(page, span, label, surface, nominative, key). With --format jsonl and no FILE: reads JSON lines "
        '{"id", "text", "lang"?} and writes {"id", "lang", "mentions": [...]} per line (README: crosscheck extract).',
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="documents in any format crosscheck reads")
    p.add_argument("--format", choices=["text", "jsonl"], default="text")
    p.add_argument("--lang", help="the language of every page (uk, ru, en, ...); default: detected per page")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("graph", help="start, stop or inspect the embedded graph server")
    p.add_argument("action", choices=["start", "stop", "status"])
    p.set_defaults(func=_cmd_graph)

    p = sub.add_parser("queries", help="list the saved investigator queries")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.set_defaults(func=_cmd_queries)

    p = sub.add_parser("query", help="run a read-only Cypher query, or a saved one")
    p.add_argument("cypher", nargs="?", help="Cypher text, with $parameters")
    p.add_argument("--saved", metavar="NAME", help="run the saved query NAME")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=_cmd_query)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings()
        return int(args.func(args, settings))
    except CrosscheckError as exc:
        print(f"crosscheck: error: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("crosscheck: interrupted; files written so far are complete, run again to finish", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except Exception:
        traceback.print_exc()
        print("crosscheck: internal error (a bug); please report it with the traceback above", file=sys.stderr)
        return int(ExitCode.INTERNAL)


if __name__ == "__main__":
    sys.exit(main())
