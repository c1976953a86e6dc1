"""Small documents in every supported format, made in the test run (fpdf2 writes PDFs, python-docx Word files)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from fpdf import FPDF

PLEDGE = "The Netherlands will provide EUR 200 million in military aid to Ukraine in 2025."
FIXED_TIME = datetime(2025, 1, 1, tzinfo=UTC)
NO_PLEDGE = "The ministers met in The Hague to discuss the weather and the agenda of the next meeting."


def pdf_bytes(paragraphs: list[str], user_password: str | None = None) -> bytes:
    """A PDF with a text layer (one paragraph after another); encrypted when a user password is given."""
    pdf = FPDF()
    # NOTE: fpdf2's built-in fonts default to Latin-1; Windows-1252 (the fonts' own WinAnsi encoding) adds
    # €, – and curly quotes without shipping a font file.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(FIXED_TIME)  # same call, same bytes
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return bytes(pdf.output())


def scanned_pdf_bytes() -> bytes:
    """A PDF whose page is only a picture (a filled shape): no text layer, like a scan."""
    pdf = FPDF()
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    pdf.rect(20, 20, 120, 160, style="F")
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None, heading: str = "") -> bytes:
    """A Word document: an optional heading, the paragraphs, then an optional table."""
    document = docx.Document()
    # Fixed times: otherwise python-docx stamps "now" and the same call gives other bytes a second later.
    document.core_properties.created = document.core_properties.modified = FIXED_TIME
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def html_bytes(
    body_paragraphs: list[str], title: str = "Press release", charset: str = "utf-8", head: str = ""
) -> bytes:
    """A news page: menu, script, an article with the paragraphs, a cookie footer."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body_paragraphs)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title>
<script>var tracking = "Germany will provide EUR 999 million";</script>
<style>body {{ font-family: sans-serif; }}</style>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li></ul></nav>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<footer><p>Copyright 2025 Ministry. Cookie settings. Privacy statement. Follow us on social media.</p></footer>
</body></html>"""
    return page.encode(charset)


def menu_only_html_bytes() -> bytes:
    return (
        b"<html><head><script>document.write('Loading...')</script></head><body>"
        b"<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/contact'>Contact</a></nav>"
        b"</body></html>"
    )
