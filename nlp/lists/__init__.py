"""Lists and tables of people to records: one ``ListRow`` per person row, with provenance.

Two sources of rows, one module each:

* ``tables``: ``Page.tables`` (ruled/aligned OCR grids, pdfplumber tables). Columns are mapped to
  fields by their header (``headers``: uk/ru/en vocabulary in ``models/lists/headers.json``, matched
  exactly, then fuzzily, then by keyword, so that OCR-damaged headers still map); columns without a
  recognised header are mapped by the shape of their values (dates, years, unit codes, ranks,
  capitalised names).
* ``numbered``: numbered lines of page text ("1. Гайдук Степан Іванович, 04.11.1987, солдат, 36 ОБрМП")
  outside any table; fields are found by value shape (``fields``).

Both give candidate rows that ``records`` repairs and checks: a row is a person only if it holds a
plausible name (``names``), so "1. Обмін відбувся ..." gives nothing. ``title`` finds the list's title
and gives its status and date to the rows; ``extract`` runs it all.

OCR repair (``lookalikes``, ``repair``, ``dates``): look-alikes are repaired by dictionary, not by
confidence, and every repair is listed in ``ListRow.repairs``; ``name_raw`` and ``raw`` keep what was
read.

Decisions:

* A birth year without day and month ("1987 р.н.", "1987 г.р.", a bare year in a birth-date column)
  gives ``birth_date = "1987"`` (ISO 8601 reduced precision), so the key is ``name|1987``. A list that
  gives the full date for the same person makes another key: matching "1987" against "1987-11-04" is
  left to the graph, which sees both.
* Status: a row's own status column (or a status phrase in its notes or its text) wins over the
  title's; the title's date is only used for a row whose status is the title's status.
* Ranks and status words in free text must be lower case: "Майор", "Загинайко" are surnames.

Vocabulary: data under ``models_dir`` (``vocab``), never code.
"""

from nlp.lists.dates import parse_date
from nlp.lists.extract import extract_list
from nlp.lists.names import listed_person_key
from nlp.lists.repair import repair_name

__all__ = ["extract_list", "listed_person_key", "parse_date", "repair_name"]
