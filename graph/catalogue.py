"""Load and validate the saved-query catalogue: one ``NAME.cypher`` plus one ``NAME.toml`` per query.

The queries live as data in ``graph/saved_queries/`` (datasette-style canned queries), so an
investigator's query can be read, reviewed and added without touching Python:

- ``NAME.cypher`` is the query text, verbatim (sent to the server as is, so keep it byte-stable);
- ``NAME.toml`` describes it: ``name`` (= NAME), ``title``, ``description`` and ``[[params]]``
  tables with ``name``, ``description``, ``example``, optional ``type`` (``"string"``, the default,
  or ``"int"``), ``default`` and ``derive`` (derived parameter name -> derivation, see
  ``graph/query_runner.py``);
- ``_catalogue.toml`` gives the order of the catalogue (``order = [...]``, every query once).

Everything is checked when the catalogue loads, so a broken file stops crosscheck at start with a
``ConfigError`` naming the file instead of failing on an investigator's query later: both files of
every pair exist, names match file names, every ``$param`` in the Cypher is declared (or derived)
and every declared one is used, types and derivations are known, examples and defaults have the
declared type.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.errors import ConfigError

QUERIES_DIR = Path(__file__).resolve().parent / "saved_queries"
ORDER_FILE = "_catalogue.toml"

# The parameter types the runner can coerce a typed value to (graph/query_runner.params_for).
PARAM_TYPES: dict[str, type] = {"string": str, "int": int}
# The derivations graph/query_runner.DERIVATIONS implements; a unit test keeps the two in step.
DERIVATIONS = frozenset({"search_keys", "search_fold"})

_QUERY_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Cypher parameters; string literals and comments are removed first so a '$' inside them is no parameter.
_CYPHER_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CYPHER_NOISE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.DOTALL)

_QUERY_KEYS = {"name": True, "title": True, "description": True, "params": False}  # key -> required
_PARAM_KEYS = {"name": True, "description": True, "example": True, "type": False, "default": False, "derive": False}


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    example: str
    type: str = "string"  # "string" | "int"
    default: str | None = None
    derive: dict[str, str] = field(default_factory=dict)  # derived param name -> derivation


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    cypher: str


def cypher_params(cypher: str) -> set[str]:
    """The ``$name`` parameters a Cypher text uses (outside string literals and comments)."""
    return set(_CYPHER_PARAM.findall(_CYPHER_NOISE.sub(" ", cypher)))


def load_catalogue(directory: Path = QUERIES_DIR) -> tuple[SavedQuery, ...]:
    """Every saved query in ``directory``, in the order ``_catalogue.toml`` gives; raises ConfigError."""
    if not directory.is_dir():
        raise ConfigError(f"saved-query catalogue {directory} is missing")
    cyphers: dict[str, Path] = {}
    descriptions: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.name == "__pycache__" or path.name == ORDER_FILE:
            continue
        if path.suffix == ".cypher":
            cyphers[path.stem] = path
        elif path.suffix == ".toml":
            descriptions[path.stem] = path
        else:
            raise ConfigError(f"{path}: not a saved query (expected NAME.cypher and NAME.toml only)")
    for name in sorted(cyphers.keys() - descriptions.keys()):
        raise ConfigError(f"{cyphers[name]}: saved query has no description file {name}.toml")
    for name in sorted(descriptions.keys() - cyphers.keys()):
        raise ConfigError(f"{descriptions[name]}: saved query has no Cypher file {name}.cypher")
    queries = {name: _load_query(descriptions[name], cyphers[name]) for name in sorted(cyphers)}
    return tuple(queries[name] for name in _load_order(directory / ORDER_FILE, set(queries)))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc


def _load_order(path: Path, names: set[str]) -> list[str]:
    if not path.is_file():
        raise ConfigError(f"{path} is missing: it gives the order of the saved queries")
    order = _read_toml(path).get("order")
    if not isinstance(order, list) or not all(isinstance(n, str) for n in order):
        raise ConfigError(f"{path}: needs order = [query names]")
    for name in order:
        if order.count(name) > 1:
            raise ConfigError(f"{path}: query {name!r} is listed more than once")
        if name not in names:
            raise ConfigError(f"{path}: lists {name!r}, which has no {name}.cypher and {name}.toml")
    for name in sorted(names - set(order)):
        raise ConfigError(f"{path}: query {name!r} is not listed in order")
    return order


def _load_query(toml_path: Path, cypher_path: Path) -> SavedQuery:
    data = _read_toml(toml_path)
    _check_keys(toml_path, "the query", data, _QUERY_KEYS)
    for key in ("name", "title", "description"):
        _check_text(toml_path, key, data[key])
    name = data["name"]
    if name != toml_path.stem:
        raise ConfigError(f"{toml_path}: name {name!r} does not match the file name {toml_path.stem!r}")
    if not _QUERY_NAME.fullmatch(name):
        raise ConfigError(f"{toml_path}: query name {name!r} must be lower-case words joined by '-'")
    raw_params = data.get("params", [])
    if not isinstance(raw_params, list):
        raise ConfigError(f"{toml_path}: params must be [[params]] tables")
    params = tuple(_load_param(toml_path, raw) for raw in raw_params)

    declared: list[str] = [p.name for p in params] + [d for p in params for d in p.derive]
    for pname in declared:
        if declared.count(pname) > 1:
            raise ConfigError(f"{toml_path}: parameter ${pname} is declared more than once")
    try:
        cypher = cypher_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{cypher_path}: cannot read: {exc}") from exc
    if not cypher.strip():
        raise ConfigError(f"{cypher_path}: the Cypher is empty")
    used = cypher_params(cypher)
    for pname in sorted(used - set(declared)):
        raise ConfigError(f"{cypher_path}: uses ${pname}, which {toml_path.name} does not declare")
    for pname in sorted(set(declared) - used):
        raise ConfigError(f"{toml_path}: declares ${pname}, which {cypher_path.name} does not use")
    return SavedQuery(name=name, title=data["title"], description=data["description"], params=params, cypher=cypher)


def _load_param(path: Path, raw: Any) -> Param:
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: params must be [[params]] tables")
    _check_text(path, "params.name", raw.get("name"))
    name = raw["name"]
    where = f"parameter {name!r}"
    _check_keys(path, where, raw, _PARAM_KEYS)
    if not _PARAM_NAME.fullmatch(name):
        raise ConfigError(f"{path}: {where} is not a Cypher parameter name")
    _check_text(path, f"{where} description", raw["description"])
    type_name = raw.get("type", "string")
    if type_name not in PARAM_TYPES:
        raise ConfigError(f"{path}: {where} has type {type_name!r}; known types: {', '.join(PARAM_TYPES)}")
    example = _typed_value(path, f"{where} example", raw["example"], type_name)
    if not example.strip():
        raise ConfigError(f"{path}: {where} needs a non-empty example (it is shown in the docs and tested)")
    default = None if "default" not in raw else _typed_value(path, f"{where} default", raw["default"], type_name)
    derive = raw.get("derive", {})
    if not isinstance(derive, dict):
        raise ConfigError(f"{path}: {where} derive must be a table of derived name = derivation")
    for derived, how in derive.items():
        if not _PARAM_NAME.fullmatch(derived):
            raise ConfigError(f"{path}: {where} derives {derived!r}, which is not a Cypher parameter name")
        if how not in DERIVATIONS:
            raise ConfigError(
                f"{path}: {where} derives ${derived} by {how!r}; known derivations: {', '.join(sorted(DERIVATIONS))}"
            )
    return Param(name, raw["description"], example, type=type_name, default=default, derive=dict(derive))


def _typed_value(path: Path, what: str, value: Any, type_name: str) -> str:
    """A value of the declared type, as the string an investigator would type (the runner coerces it)."""
    # bool is an int subclass in Python; a TOML true/false is never a valid int value.
    if isinstance(value, bool) or not isinstance(value, PARAM_TYPES[type_name]):
        raise ConfigError(f"{path}: {what} {value!r} is not of type {type_name!r}")
    return str(value)


def _check_keys(path: Path, where: str, data: dict[str, Any], keys: dict[str, bool]) -> None:
    for key in sorted(data.keys() - keys.keys()):
        raise ConfigError(f"{path}: {where} has unknown key {key!r}; known keys: {', '.join(keys)}")
    for key, required in keys.items():
        if required and key not in data:
            raise ConfigError(f"{path}: {where} needs {key!r}")


def _check_text(path: Path, key: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: {key} must be a non-empty string")
