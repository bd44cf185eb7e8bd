"""The saved-query catalogue as data: the shipped files load, and a broken catalogue names its file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from crosscheck.errors import ConfigError
from graph import query_runner
from graph.catalogue import DERIVATIONS, ORDER_FILE, QUERIES_DIR, cypher_params, load_catalogue
from graph.queries import BY_NAME, CATALOGUE

GOOD_TOML = """\
name = "by-name"
title = "People by name"
description = "Every person whose name contains the text."

[[params]]
name = "person"
description = "part of a name"
example = "Kovalchuk"
derive = { person_keys = "search_keys" }

[[params]]
name = "limit"
description = "how many rows at most"
type = "int"
example = 5
default = 20
"""
GOOD_CYPHER = """
MATCH (p:Person) WHERE p.key IN $person_keys OR p.name CONTAINS $person
RETURN p.name AS person LIMIT $limit
"""


def _catalogue(tmp_path: Path) -> Path:
    (tmp_path / "by-name.toml").write_text(GOOD_TOML, encoding="utf-8")
    (tmp_path / "by-name.cypher").write_text(GOOD_CYPHER, encoding="utf-8")
    (tmp_path / ORDER_FILE).write_text('order = ["by-name"]\n', encoding="utf-8")
    return tmp_path


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(directory: Path) -> None:
        path = directory / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def _remove(name: str) -> Callable[[Path], None]:
    return lambda directory: (directory / name).unlink()


def _add(name: str, text: str) -> Callable[[Path], None]:
    return lambda directory: (directory / name).write_text(text, encoding="utf-8")


def test_the_shipped_catalogue_loads_in_the_order_file_gives():
    order = tomllib.loads((QUERIES_DIR / ORDER_FILE).read_text(encoding="utf-8"))["order"]
    assert [q.name for q in CATALOGUE] == order
    assert list(BY_NAME) == order
    assert sorted(p.stem for p in QUERIES_DIR.glob("*.cypher")) == sorted(order)


def test_the_runner_implements_exactly_the_derivations_the_catalogue_accepts():
    assert set(query_runner.DERIVATIONS) == DERIVATIONS


def test_a_valid_catalogue_loads_typed_params_as_the_strings_the_runner_coerces(tmp_path):
    (query,) = load_catalogue(_catalogue(tmp_path))
    assert query.name == "by-name" and query.cypher == GOOD_CYPHER  # the file verbatim
    person, limit = query.params
    assert (person.type, person.example, person.default, person.derive) == (
        "string",
        "Kovalchuk",
        None,
        {"person_keys": "search_keys"},
    )
    assert (limit.type, limit.example, limit.default, limit.derive) == ("int", "5", "20", {})


def test_cypher_params_skip_string_literals_and_comments():
    cypher = "MATCH (n) WHERE n.x = $a AND n.y = '$not' // $nor\n/* $neither */ RETURN \"$no\", $b"
    assert cypher_params(cypher) == {"a", "b"}


BROKEN = {
    "cypher without toml": (_remove("by-name.toml"), "by-name.cypher", "no description file"),
    "toml without cypher": (_remove("by-name.cypher"), "by-name.toml", "no Cypher file"),
    "name not the file name": (_edit("by-name.toml", 'name = "by-name"', 'name = "byname"'), "by-name.toml", "match"),
    "undeclared param": (_edit("by-name.cypher", "$limit", "$top"), "by-name.cypher", "$top"),
    "unused param": (_edit("by-name.cypher", "LIMIT $limit", ""), "by-name.toml", "$limit"),
    "unused derived param": (_edit("by-name.cypher", "p.key IN $person_keys OR ", ""), "by-name.toml", "$person_keys"),
    "param declared twice": (
        _edit("by-name.toml", 'name = "limit"', 'name = "person"'),
        "by-name.toml",
        "more than once",
    ),
    "unknown type": (_edit("by-name.toml", 'type = "int"', 'type = "float"'), "by-name.toml", "'float'"),
    "default of another type": (_edit("by-name.toml", "default = 20", 'default = "20"'), "by-name.toml", "'20'"),
    "bool default for an int": (_edit("by-name.toml", "default = 20", "default = true"), "by-name.toml", "True"),
    "int example for a string": (_edit("by-name.toml", '"Kovalchuk"', "7"), "by-name.toml", "example"),
    "empty example": (_edit("by-name.toml", '"Kovalchuk"', '""'), "by-name.toml", "example"),
    "unknown derivation": (_edit("by-name.toml", '"search_keys"', '"soundex"'), "by-name.toml", "'soundex'"),
    "unknown key": (_edit("by-name.toml", "title =", "tags = []\ntitle ="), "by-name.toml", "'tags'"),
    "missing title": (_edit("by-name.toml", 'title = "People by name"\n', ""), "by-name.toml", "title"),
    "param without example": (_edit("by-name.toml", "example = 5\n", ""), "by-name.toml", "'example'"),
    "bad query name": (
        lambda d: [
            _add("By_Name.cypher", GOOD_CYPHER)(d),
            _add("By_Name.toml", GOOD_TOML.replace("by-name", "By_Name"))(d),
        ],
        "By_Name.toml",
        "lower-case",
    ),
    "toml syntax error": (_edit("by-name.toml", 'title = "People by name"', "title = People"), "by-name.toml", "read"),
    "empty cypher": (_add("by-name.cypher", "\n"), "by-name.cypher", "empty"),
    "stray file": (_add("notes.txt", "todo"), "notes.txt", "not a saved query"),
    "query not in order": (_add(ORDER_FILE, "order = []\n"), ORDER_FILE, "'by-name'"),
    "order lists a missing query": (_add(ORDER_FILE, 'order = ["by-name", "gone"]\n'), ORDER_FILE, "'gone'"),
    "order lists a query twice": (_add(ORDER_FILE, 'order = ["by-name", "by-name"]\n'), ORDER_FILE, "more than once"),
    "no order file": (_remove(ORDER_FILE), ORDER_FILE, "missing"),
}


@pytest.mark.parametrize(("break_it", "file_name", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_catalogue_raises_config_error_naming_the_file(tmp_path, break_it, file_name, message):
    directory = _catalogue(tmp_path)
    break_it(directory)
    with pytest.raises(ConfigError) as raised:
        load_catalogue(directory)
    assert str(directory / file_name) in raised.value.message
    assert message in raised.value.message


def test_a_missing_catalogue_directory_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="missing"):
        load_catalogue(tmp_path / "nowhere")
