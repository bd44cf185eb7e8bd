"""Documents in languages crosscheck has no full pipeline for (German, Polish): the language is
recorded, places and units are still found, and people the graph already knows are recognised under
their other-language spellings, inflected Polish forms included. All people are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

EN = (
    "Marine Taras Kovalchuk of the 36th Separate Marine Brigade was released in a prisoner exchange on "
    "Friday, the Coordination Headquarters said. He had been held since the fall of Mariupol and came "
    "home to Kharkiv, where his family lives.\n"
)
DE = (
    "Der ukrainische Marineinfanterist Taras Kowaltschuk ist nach einem Gefangenenaustausch am Freitag "
    "nach Hause zurückgekehrt. Er war seit dem Fall von Mariupol in russischer Gefangenschaft und lebt "
    "mit seiner Familie in Charkiw.\n"
)
PL = (
    "Rodzina Tarasa Kowalczuka potwierdziła w piątek, że żołnierz wrócił z niewoli w ramach wymiany "
    "jeńców. Był przetrzymywany od upadku Mariupola, a teraz wrócił do Charkowa, gdzie mieszka jego rodzina.\n"
)


def test_german_and_polish_news_meet_the_known_person_and_places(rows, ingest, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "wire-en.md").write_text(EN, encoding="utf-8")
    ingest(folder)
    # Later articles in other languages about the same man.
    (folder / "bericht-de.txt").write_text(DE, encoding="utf-8")
    (folder / "relacja-pl.txt").write_text(PL, encoding="utf-8")
    ingest(folder)

    languages = {
        r["file"]: r["language"] for r in rows("MATCH (d:Document) RETURN d.file_name AS file, d.language AS language")
    }
    assert languages == {"wire-en.md": "en", "bericht-de.txt": "de", "relacja-pl.txt": "pl"}

    people = rows(
        """MATCH (d:Document)-[m:MENTIONS]->(p:Person)
           RETURN p.key AS key, collect(DISTINCT d.file_name) AS files, collect(DISTINCT m.surface) AS surfaces""",
    )
    kovalchuk = [p for p in people if "wire-en.md" in p["files"]]
    assert len(kovalchuk) == 1
    assert sorted(kovalchuk[0]["files"]) == ["bericht-de.txt", "relacja-pl.txt", "wire-en.md"]
    assert "Tarasa Kowalczuka" in kovalchuk[0]["surfaces"]

    places = rows(
        """MATCH (d:Document)-[:MENTIONS]->(p:Place)
           WITH p, collect(DISTINCT d.file_name) AS files WHERE size(files) = 3
           RETURN p.name AS name""",
    )
    assert len(places) >= 2  # Kharkiv (Charkiw, Charkowa) and Mariupol (Mariupola)

    adopted = rows(
        """MATCH (d:Document {file_name: 'relacja-pl.txt'})-[m:MENTIONS]->(:Person)
           RETURN m.surface AS surface, m.resolved_from AS resolved_from""",
    )
    assert any(r["surface"] == "Tarasa Kowalczuka" and r["resolved_from"] for r in adopted)
