"""Format parsers and ``parse_bytes``, on inputs built in code. No OCR runs here (see integration).

Every person and company named here is invented.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import datetime

import pytest
from PIL import Image

from crosscheck.errors import (
    CorruptFile,
    DecompressionBomb,
    EmptyFile,
    EncryptedFile,
    NoTextFound,
    OversizedFile,
)
from crosscheck.records.pages import Page, ParsedDocument
from crosscheck.settings import Settings
from ingest import registry
from ingest.parsers.docx import DOCX as DOCX_FORMAT
from ingest.parsers.html import HTML as HTML_FORMAT
from ingest.parsers.html import visible_body_text
from ingest.parsers.pdf import PDF as PDF_FORMAT
from ingest.parsers.pdf import pdf_date_to_iso
from ingest.parsers.text import MARKDOWN as MARKDOWN_FORMAT
from ingest.parsers.text import PLAIN as PLAIN_FORMAT
from ingest.registry import FORMATS, PARSERS, parse_bytes

DOCX, HTML, PDF = DOCX_FORMAT.media_type, HTML_FORMAT.media_type, PDF_FORMAT.media_type
MARKDOWN, PLAIN = MARKDOWN_FORMAT.media_type, PLAIN_FORMAT.media_type

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Pages in these tests all have text layers; 1 char keeps any OCR from running in unit tests.
SETTINGS = Settings(min_text_layer_chars=1)


# --- builders --------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]], *, title: str = "", encrypt: object = None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    buf = io.BytesIO()
    # invariant=1 fixes the creation date at 2000-01-01, so the metadata date is predictable.
    c = canvas.Canvas(buf, invariant=1, encrypt=encrypt)
    c.setTitle(title)
    for lines in pages:
        c.setFont("DejaVuSans", 12)
        y = 780
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(build, *, title: str = "", created: datetime | None = None) -> bytes:
    from docx import Document

    document = Document()
    build(document)
    document.core_properties.title = title
    if created is not None:
        document.core_properties.created = created
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def noise_png(side: int) -> bytes:
    rng = random.Random(3)
    image = Image.frombytes("L", (side, side), bytes(rng.randrange(256) for _ in range(side * side)))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_text_layer_pages_title_and_date() -> None:
    data = make_pdf(
        [
            ["Тарас Вигаданенко підписав договір.", "Иван Выдумкин получил деньги."],
            ["Second page about Olena Fictional."],
        ],
        title="Звіт про закупівлі",
    )
    doc = parse_bytes(data, "report.pdf", SETTINGS)
    assert doc.media_type == PDF
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.pages[0].text == "Тарас Вигаданенко підписав договір.\nИван Выдумкин получил деньги."
    assert doc.pages[1].text == "Second page about Olena Fictional."
    assert {p.method for p in doc.pages} == {"text-layer"}
    assert doc.title == "Звіт про закупівлі"
    # CreationDate says when the file was made: a file date, not a publication date.
    assert doc.file_date == "2000-01-01T00:00:00+00:00" and doc.published is None
    assert doc.ocr_pages == 0


def test_pdf_with_user_password_is_encrypted() -> None:
    from reportlab.lib import pdfencrypt

    data = make_pdf([["Таємний текст"]], encrypt=pdfencrypt.StandardEncryption("secret", strength=128))
    with pytest.raises(EncryptedFile, match="password"):
        parse_bytes(data, "secret.pdf", SETTINGS)


def test_pdf_with_only_an_owner_password_opens() -> None:
    # Permissions-only "encryption" (no password to open) must not stop us reading.
    from reportlab.lib import pdfencrypt

    data = make_pdf([["Відкритий текст"]], encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    assert parse_bytes(data, "open.pdf", SETTINGS).pages[0].text == "Відкритий текст"


@pytest.mark.parametrize("cut", [0.4, 0.7])
def test_truncated_pdf_is_corrupt(cut: float) -> None:
    data = make_pdf([["Рядок тексту"] * 20] * 3)
    with pytest.raises(CorruptFile):
        parse_bytes(data[: int(len(data) * cut)], "cut.pdf", SETTINGS)


def test_pdf_garbage_after_header_is_corrupt() -> None:
    rng = random.Random(5)
    data = b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000))
    with pytest.raises(CorruptFile):
        parse_bytes(data, "junk.pdf", SETTINGS)


def test_pdf_over_page_limit_is_oversized() -> None:
    data = make_pdf([["одна"], ["дві"], ["три"]])
    with pytest.raises(OversizedFile, match="2 pages"):
        parse_bytes(data, "long.pdf", SETTINGS.model_copy(update={"max_pages": 2}))


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20240305102000+02'00'", "2024-03-05T10:20:00+02:00"),
        ("D:20240305102000Z", "2024-03-05T10:20:00+00:00"),
        ("D:20240305102000-05'30", "2024-03-05T10:20:00-05:30"),
        ("D:20240305102000", "2024-03-05T10:20:00"),
        ("D:20240305", "2024-03-05"),
        ("D:2024", "2024-01-01"),
        ("D:20241305", None),  # month 13
        ("yesterday", None),
        (None, None),
        (b"D:2024", None),
    ],
)
def test_pdf_date_to_iso(raw: object, iso: str | None) -> None:
    assert pdf_date_to_iso(raw) == iso


# --- images (only the refusals: anything readable goes to OCR, tested in integration) ----------


def test_image_over_pixel_limit_is_a_bomb() -> None:
    data = noise_png(100)  # 10 000 px
    # Far over the limit Pillow raises; between 1x and 2x it only warns. Both must refuse.
    for limit in (1000, 6000):
        with pytest.raises(DecompressionBomb):
            parse_bytes(data, "big.png", SETTINGS.model_copy(update={"max_image_pixels": limit}))


def test_truncated_image_is_corrupt() -> None:
    data = noise_png(200)
    with pytest.raises(CorruptFile):
        parse_bytes(data[: len(data) // 2], "cut.png", SETTINGS)


def test_jpeg_header_only_is_corrupt() -> None:
    data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    with pytest.raises(CorruptFile):
        parse_bytes(data, "photo.jpg", SETTINGS)


def multi_frame_tiff(sizes: list[tuple[int, int]]) -> bytes:
    frames = [Image.new("L", size, 255) for size in sizes]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:])
    return buf.getvalue()


def test_tiff_with_too_many_frames_is_oversized() -> None:
    data = multi_frame_tiff([(10, 10)] * 3)
    with pytest.raises(OversizedFile, match="3 pages"):
        parse_bytes(data, "scan.tif", SETTINGS.model_copy(update={"max_pages": 2}))


def test_tiff_bomb_hidden_in_a_later_frame_is_refused_before_any_ocr() -> None:
    data = multi_frame_tiff([(10, 10), (400, 400)])
    with pytest.raises(DecompressionBomb, match="Page 2"):
        parse_bytes(data, "scan.tif", SETTINGS.model_copy(update={"max_image_pixels": 50_000}))


# --- HTML ------------------------------------------------------------------------------------

NAV = (
    "<nav><ul><li><a href='/'>Головна</a></li><li><a href='/news'>Новини</a></li>"
    "<li><a href='/about'>Про нас</a></li></ul></nav>"
    "<header><div>Вигаданський вісник — щоденні новини</div></header>"
)
FOOTER = (
    "<footer><p>© 2024 Вигаданський вісник. Усі права захищено.</p>"
    "<p><a href='/privacy'>Політика конфіденційності</a></p></footer>"
)
ARTICLE = """
<article><h1>Схема з тендерами</h1>
<p>Компанія «Зоряний Обрій», яку пов'язують з Тарасом Вигаданенком, виграла дванадцять тендерів
у 2023 році на загальну суму понад сорок мільйонів гривень.</p>
<p>Журналісти встановили, що засновник фірми раніше працював у міській раді Вигаданська.<br>
Він відмовився від коментарів.</p>
<table><tr><td>Рік</td><td>Сума</td></tr><tr><td>2023</td><td>40 млн</td></tr></table>
</article>"""


def html_page(head: str = "", body: str = ARTICLE, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Схема | Вісник</title>{head}</head>'
        f"<body>{NAV}<main>{body}</main>{FOOTER}</body></html>"
    )


def test_html_article_text_without_boilerplate() -> None:
    head = (
        '<link rel="canonical" href="https://example.org/news/tenders">'
        '<meta property="og:url" content="https://example.org/og/tenders">'
        '<meta property="article:published_time" content="2024-03-05T10:20:00+02:00">'
    )
    doc = parse_bytes(html_page(head).encode(), "article.html", SETTINGS)
    text = doc.pages[0].text
    assert doc.media_type == HTML and doc.pages[0].method == "html"
    assert "Тарасом Вигаданенком" in text
    for boilerplate in ("Головна", "Про нас", "Усі права захищено", "Політика конфіденційності"):
        assert boilerplate not in text
    # Paragraphs apart by a blank line; a <br> inside a paragraph stays a single newline.
    assert "гривень.\n\nЖурналісти" in text
    assert "Вигаданська.\nВін відмовився" in text
    assert "Рік | Сума\n2023 | 40 млн" in text
    assert doc.title == "Схема з тендерами"
    assert doc.source_url == "https://example.org/news/tenders"
    assert doc.published == "2024-03-05T10:20:00+02:00"


def test_html_json_ld_date_and_og_url() -> None:
    head = (
        '<meta property="og:url" content="https://example.org/og/tenders">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2024-03-06T08:00:00Z"}]}</script>'
    )
    doc = parse_bytes(html_page(head).encode(), "article.html", SETTINGS)
    assert doc.source_url == "https://example.org/og/tenders"
    assert doc.published == "2024-03-06T08:00:00+00:00"


def test_html_time_element_date() -> None:
    body = ARTICLE.replace("<h1>", '<time datetime="2024-03-07">7 березня</time><h1>')
    doc = parse_bytes(html_page(body=body).encode(), "article.html", SETTINGS)
    assert doc.published == "2024-03-07"


def test_html_in_cp1251_declared_by_meta() -> None:
    data = html_page(charset="windows-1251").encode("cp1251")
    assert "Тарасом Вигаданенком" in parse_bytes(data, "a.html", SETTINGS).pages[0].text


def test_html_with_a_false_utf8_declaration_is_still_decoded() -> None:
    data = html_page(charset="utf-8").encode("cp1251")
    assert "Тарасом Вигаданенком" in parse_bytes(data, "a.html", SETTINGS).pages[0].text


def test_html_with_xml_declaration() -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + html_page()).encode()
    assert "Тарасом Вигаданенком" in parse_bytes(data, "a.xhtml", SETTINGS).pages[0].text


def test_html_without_article_falls_back_to_visible_text() -> None:
    # No <main>/<article>: trafilatura scrapes the menu instead ("ГоловнаНовини...").
    body = "<div><div><b>Телефон: 555-01-01</b></div></div><script>var x = 1;</script>"
    nav = "<nav><a href='/'>Головна</a><a href='/news'>Новини</a></nav>"
    page = f"<html><head><title>T</title></head><body>{nav}{body}<footer>© 2024 Вісник</footer></body></html>"
    doc = parse_bytes(page.encode(), "a.html", SETTINGS)
    assert doc.pages[0].text == "Телефон: 555-01-01"
    assert any("No article" in w for w in doc.warnings)


def test_html_copyright_year_is_not_a_publication_date() -> None:
    assert parse_bytes(html_page().encode(), "a.html", SETTINGS).published is None


def test_visible_body_text_keeps_blocks_on_their_own_lines() -> None:
    import lxml.html

    tree = lxml.html.document_fromstring(
        "<html><body><nav>Меню</nav><h2>Розділ</h2><p>Перший   абзац</p><div>Другий<br>рядок</div>"
        "<style>p {}</style><footer>Підвал</footer></body></html>"
    )
    assert visible_body_text(tree) == "Розділ\nПерший абзац\nДругий\nрядок"


def test_html_with_only_boilerplate_has_no_text() -> None:
    data = f"<html><body>{NAV}<script>track()</script>{FOOTER}</body></html>".encode()
    with pytest.raises(NoTextFound):
        parse_bytes(data, "empty.html", SETTINGS)


# --- text ------------------------------------------------------------------------------------


def test_plain_text_koi8u_with_crlf_and_form_feed() -> None:
    text = "Протокол зустрічі\r\nПрисутні: Олена Придумана.\r\n\fДруга сторінка: Іван Вигаданий.\r\n\f\r\n"
    doc = parse_bytes(text.encode("koi8_u"), "minutes.txt", SETTINGS)
    assert doc.media_type == PLAIN
    assert [p.text for p in doc.pages] == [
        "Протокол зустрічі\nПрисутні: Олена Придумана.\n",
        "Друга сторінка: Іван Вигаданий.\n",
    ]
    assert [p.number for p in doc.pages] == [1, 2]
    assert {p.method for p in doc.pages} == {"plain"}
    assert doc.title == "Протокол зустрічі"
    assert any("koi8-u" in w for w in doc.warnings)


def test_plain_text_without_a_short_first_line_has_no_title() -> None:
    text = "\n\n" + "Дуже довгий перший рядок без жодної назви, " * 5 + "\nДалі."
    assert parse_bytes(text.encode(), "note.txt", SETTINGS).title is None


def test_markdown_title_is_the_first_heading() -> None:
    text = "Чернетка\n\n# Розслідування щодо «Зоряного Обрію» #\n\n## Деталі\n\nТекст."
    doc = parse_bytes(text.encode(), "draft.md", SETTINGS)
    assert doc.media_type == MARKDOWN
    assert doc.title == "Розслідування щодо «Зоряного Обрію»"
    assert doc.pages[0].text == text


# --- DOCX ------------------------------------------------------------------------------------


def _contract(document) -> None:
    document.add_heading("Договір поставки", level=1)
    document.add_paragraph("Постачальник: ТОВ «Зоряний Обрій», директор Тарас Вигаданенко.")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows, [("Товар", "Кількість", "Ціна"), ("Цемент", "10 т", "50 000"), ("", "", "")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "Разом: 50 000 грн"
    document.add_paragraph("")
    document.add_paragraph("Підписи сторін.")


def test_docx_paragraphs_and_tables_in_order() -> None:
    data = make_docx(_contract, title="Договір № 7", created=datetime(2023, 11, 2, 9, 30))
    doc = parse_bytes(data, "contract.docx", SETTINGS)
    assert doc.media_type == DOCX and doc.pages[0].method == "docx"
    assert doc.pages[0].text == (
        "Договір поставки\n\n"
        "Постачальник: ТОВ «Зоряний Обрій», директор Тарас Вигаданенко.\n\n"
        "Товар | Кількість | Ціна\nЦемент | 10 т | 50 000\nРазом: 50 000 грн\n\n"
        "Підписи сторін."
    )
    assert doc.title == "Договір № 7"
    assert doc.file_date is not None and doc.file_date.startswith("2023-11-02T09:30:00")
    assert doc.published is None  # the core properties say when the file was made, not when it was published


def test_docx_title_falls_back_to_first_heading_and_template_date_is_ignored() -> None:
    # python-docx's template says "created 2013-12-23": not a fact about this document.
    doc = parse_bytes(make_docx(_contract), "contract.docx", SETTINGS)
    assert doc.title == "Договір поставки"
    assert doc.file_date is None and doc.published is None


def test_docx_without_text_has_no_text() -> None:
    with pytest.raises(NoTextFound):
        parse_bytes(make_docx(lambda d: d.add_paragraph("   ")), "blank.docx", SETTINGS)


def test_docx_highly_compressed_member_is_a_bomb() -> None:
    data = make_docx(lambda d: d.add_paragraph("x"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members["word/media/padding.xml"] = b" " * (4 * 1024 * 1024)  # ~1000:1
    with pytest.raises(DecompressionBomb, match="compressed"):
        parse_bytes(make_zip(members), "bomb.docx", SETTINGS)


def test_docx_unpacking_past_the_cap_is_a_bomb() -> None:
    data = make_docx(lambda d: d.add_paragraph("x"))
    with pytest.raises(DecompressionBomb, match="unpack"):
        parse_bytes(data, "big.docx", SETTINGS.model_copy(update={"max_unpacked_bytes": 100_000}))


def test_docx_broken_zip_is_corrupt() -> None:
    data = make_docx(lambda d: d.add_paragraph("x"))
    with pytest.raises(CorruptFile):
        parse_bytes(data[: len(data) // 2], "cut.docx", SETTINGS)


def test_docx_with_broken_document_xml_is_corrupt() -> None:
    data = make_docx(lambda d: d.add_paragraph("x"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><unclosed"
    with pytest.raises(CorruptFile, match="Word document"):
        parse_bytes(make_zip(members), "broken.docx", SETTINGS)


# --- registry --------------------------------------------------------------------------------


def test_every_supported_type_has_a_parser() -> None:
    assert list(PARSERS) == [fmt.media_type for fmt in FORMATS]
    for media_type, parser in PARSERS.items():
        assert media_type in [fmt.media_type for fmt in parser.formats]


def test_empty_and_oversized_files() -> None:
    with pytest.raises(EmptyFile):
        parse_bytes(b"", "nothing.txt", SETTINGS)
    with pytest.raises(OversizedFile, match="limit"):
        parse_bytes(b"x" * 101, "big.txt", SETTINGS.model_copy(update={"max_file_bytes": 100}))


def test_file_size_rule_refuses_over_the_limit_only() -> None:
    settings = SETTINGS.model_copy(update={"max_file_bytes": 1_000_000})
    registry.check_file_size(1_000_000, settings)
    with pytest.raises(OversizedFile, match=r"1,000,001 bytes, over the limit of 1,000,000 bytes"):
        registry.check_file_size(1_000_001, settings)
    with pytest.raises(OversizedFile, match=r"5.0 MB, over the limit of 1.0 MB; .*CROSSCHECK_MAX_FILE_BYTES"):
        registry.check_file_size(5_000_000, settings)


def test_extension_mismatch_becomes_a_document_warning() -> None:
    doc = parse_bytes(html_page().encode(), "saved-page.txt", SETTINGS)
    assert doc.media_type == HTML
    assert any(".txt" in w and "web page" in w for w in doc.warnings)


@dataclass
class _Exploding:
    exc: Exception
    name: str = "exploding"
    formats: tuple = ()

    def parse(self, data: bytes, ctx) -> ParsedDocument:
        raise self.exc


def test_library_exceptions_become_corrupt_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.PARSERS, PLAIN, _Exploding(KeyError("/Root")))
    with pytest.raises(CorruptFile, match="damaged") as info:
        parse_bytes(b"some text", "a.txt", SETTINGS)
    assert isinstance(info.value.__cause__, KeyError)


def test_our_own_errors_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.PARSERS, PLAIN, _Exploding(EncryptedFile("locked")))
    with pytest.raises(EncryptedFile, match="locked"):
        parse_bytes(b"some text", "a.txt", SETTINGS)


def test_no_text_message_mentions_ocr_for_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    class BlankScan:
        name = "blank"
        formats = ()

        def parse(self, data: bytes, ctx) -> ParsedDocument:
            return ParsedDocument(PLAIN, [Page(number=1, text=" \n", method="ocr")])

    monkeypatch.setitem(registry.PARSERS, PLAIN, BlankScan())
    with pytest.raises(NoTextFound, match="OCR"):
        parse_bytes(b"some text", "a.txt", SETTINGS)
