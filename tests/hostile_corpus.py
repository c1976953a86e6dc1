"""A corpus of odd and hostile files, made on the spot: what a careless or malicious folder can hold.

Each case is one folder entry with what the build must make of it: "read" (a document row with status ok) or
"problem" (a problem row, or a failed document row, whose reason holds `words`). The files are written beside
the five seeds; tests/test_hostile_corpus.py builds the folder through the command line and uploads every regular
file through the library (the Add documents page's functions). Run it to look at the files:

    .venv/bin/python tests/hostile_corpus.py /tmp/hostile     # writes the folder, prints one line per case
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from document_fixtures import docx_bytes, html_bytes, menu_only_html_bytes, pdf_bytes, scanned_pdf_bytes
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from data_pipeline.documents import readable_name

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MB = 1024 * 1024


@dataclass
class Case:
    """One entry of the corpus folder. `data` None: made by `make` (a link, a pipe, a folder)."""

    name: str  # as the file system holds it (a name that is not UTF-8 has surrogate escapes)
    kind: str  # the class of hostile input, for the summary
    expect: str  # "read" or "problem"
    words: str = ""  # a phrase the problem must hold (any problem when empty)
    data: bytes | None = None
    make: Callable[[Path], None] | None = None
    sparse_size: int = 0  # written as a sparse file of this size (oversize cases cost no disk)

    @property
    def shown(self) -> str:
        """The name as the tables show it."""
        return readable_name(self.name)


def good_text(n: int, extra: str = "") -> str:
    """A short readable document with one pledge of its own (Portugal, never a seed's donor), unique per n."""
    return (
        f"Lisbon, 2024-05-{1 + n % 28:02d}. Portugal will provide €{n + 1} million in humanitarian aid to Ukraine "
        f"in 2024, the ministry said in its statement number {n}.{extra}\n"
    )


def long_line(size: int) -> str:
    """One line of figures and words without a full stop."""
    parts, length, n = [], 0, 0
    while length < size:
        parts.append(f"Portugal will provide €{n + 1} million for ammunition to Ukraine in 2024 and ")
        length += len(parts[-1])
        n += 1
    return "".join(parts)[:size]


def figure_list(n_lines: int) -> str:
    """A list of one figure per line, without full stops."""
    return "".join(f"- Portugal €{n + 1} million for demining {2023 + n % 3}\n" for n in range(n_lines))


def _zip_replace(data: bytes, part: str, body: bytes | None) -> bytes:
    """The zip with `part` replaced by `body` (left out when None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != part:
                target.writestr(item.filename, source.read(item))
            elif body is not None:
                target.writestr(item.filename, body)
    return out.getvalue()


def _zip_add(data: bytes, part: str, body: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(part, body)
    return out.getvalue()


def _pdf(text: str, method: EncryptionMethod | None = None, user_password: str = "") -> bytes:
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    if method is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password, encryption_method=method)
    return bytes(pdf.output())


LOL_ENTITIES = b"".join(
    b'<!ENTITY l%d "%s">' % (level, (b"&l%d;" % (level - 1)) * 10 if level else b"lol") for level in range(10)
)


def text_cases() -> list[Case]:
    cases = [
        Case("empty.txt", "empty", "problem", "empty", b""),
        Case("empty.md", "empty", "problem", "empty", b""),
        Case("empty.html", "empty", "problem", "empty", b""),
        Case("empty.pdf", "empty", "problem", "empty", b""),
        Case("empty.docx", "empty", "problem", "empty", b""),
        Case("spaces.txt", "empty", "problem", "empty", b"   \n\t \r\n  "),
        Case("newlines.md", "empty", "problem", "empty", b"\n" * 5000),
        Case("nbsp-only.txt", "empty", "problem", "whitespace", "\u00a0\u2003\u3000\n".encode()),
        Case("bom-only.txt", "empty", "problem", "whitespace", b"\xef\xbb\xbf"),
        Case("zero-width-only.txt", "empty", "problem", "", "\u200b\u200b\u200d\n".encode()),
        Case("png.txt", "binary", "problem", "binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        Case("elf.md", "binary", "problem", "binary", b"\x7fELF\x02\x01\x01\x00" + bytes(4000)),
        Case("nul-late.txt", "binary", "problem", "binary", good_text(1).encode() + b"\x00" + b"x" * 20_000),
        Case("random.txt", "binary", "problem", "", bytes((i * 7919 + 13) % 256 for i in range(30_000))),
        Case("gzip.txt", "binary", "problem", "", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4),
        Case("exe.md", "binary", "problem", "", b"MZ\x90\x00\x03" + bytes(range(256)) * 8),
        Case(
            "latin1.txt",
            "encoding",
            "problem",
            "save it as UTF-8",
            "Oekraïne krijgt € 5 miljoen".encode("latin-1", "replace"),
        ),
        Case(
            "cp1252.md", "encoding", "problem", "save it as UTF-8", "Steun voor Oekraïne – €5 miljoen".encode("cp1252")
        ),
        Case("shift-jis.txt", "encoding", "problem", "save it as UTF-8", "ウクライナ支援 50億円".encode("shift_jis")),
        Case("truncated-utf8.txt", "encoding", "problem", "UTF-8", good_text(2).encode() + "€".encode()[:2]),
        Case("overlong-utf8.txt", "encoding", "problem", "UTF-8", b"Ukraine \xc0\xaf aid"),
        Case("cesu-surrogate.txt", "encoding", "problem", "UTF-8", b"Ukraine \xed\xa0\x80 aid"),
        Case("utf16-no-bom.txt", "encoding", "problem", "byte order mark", good_text(3).encode("utf-16-le")),
        Case("utf16-bad-bom.txt", "encoding", "problem", "UTF-16", b"\xff\xfe" + good_text(4).encode("utf-16-le")[:-1]),
        Case("utf16le.txt", "bom", "read", data=b"\xff\xfe" + good_text(5).encode("utf-16-le")),
        Case("utf16be.md", "bom", "read", data=b"\xfe\xff" + good_text(6).encode("utf-16-be")),
        Case("utf32le.txt", "bom", "read", data=b"\xff\xfe\x00\x00" + good_text(7).encode("utf-32-le")),
        Case("utf32be.txt", "bom", "read", data=b"\x00\x00\xfe\xff" + good_text(8).encode("utf-32-be")),
        Case("utf8-bom.txt", "bom", "read", data=b"\xef\xbb\xbf" + good_text(9).encode()),
        Case("utf8-bom-crlf.txt", "bom", "read", data=b"\xef\xbb\xbf" + good_text(10).replace("\n", "\r\n").encode()),
        Case("cr-only.txt", "bom", "read", data=good_text(11).replace("\n", "\r").encode() * 3),
        Case("control-chars.txt", "text", "read", data=good_text(12, " \x1b[31mred\x1b[0m \x0b\x0c\x07 bell").encode()),
        Case("bidi-override.txt", "text", "read", data=good_text(13, " \u202egnp.exe\u202c").encode()),
        Case(
            "formula-lines.txt",
            "text",
            "read",
            data=('=HYPERLINK("http://x")\n+1+1\n-2\n@SUM(A1)\n' + good_text(14)).encode(),
        ),
        Case("formula-pledge.md", "text", "read", data=f"- {good_text(15)}=cmd|' /C calc'!A0\n".encode()),
        Case(
            "script.md",
            "text",
            "read",
            data=(f"<script>alert(1)</script>\n{good_text(16)}<img src=x onerror=alert(2)>\n").encode(),
        ),
        Case("markdown-links.md", "text", "read", data=(f"[click](javascript:alert(1)) {good_text(17)}").encode()),
        Case("emoji.txt", "text", "read", data=("🇵🇹🤝🇺🇦 " + good_text(18)).encode()),
        Case("combining.txt", "text", "read", data=("Z̸̢͎a̷l̶g̵o̷ " * 50 + good_text(19)).encode()),
        Case("nfd.txt", "text", "read", data=("Oekrai\u0308ne " + good_text(20)).encode()),
        Case("utf7.txt", "encoding", "read", data=good_text(22).encode("utf-7")),
        Case("gb18030.txt", "encoding", "problem", "save it as UTF-8", "乌克兰援助五十亿欧元".encode("gb18030")),
        Case("koi8r.txt", "encoding", "problem", "save it as UTF-8", "Помощь Украине".encode("koi8_r")),
        Case("ebcdic.txt", "encoding", "problem", "", good_text(23).replace("€", "EUR ").encode("cp500")),
        Case("mac-roman.md", "encoding", "problem", "save it as UTF-8", "Oekraïne steun €5".encode("mac_roman")),
        Case(
            "bom-then-invalid.txt", "encoding", "problem", "UTF-8", b"\xef\xbb\xbf" + good_text(24).encode() + b"\xff"
        ),
        Case("double-bom.txt", "bom", "read", data=b"\xef\xbb\xbf\xef\xbb\xbf" + good_text(25).encode()),
        Case(
            "utf16-bom-nul-text.txt",
            "encoding",
            "problem",
            "binary",
            b"\xff\xfe" + ("a\x00b " + good_text(26)).encode("utf-16-le"),
        ),
        Case("huge-line-of-words.txt", "long", "read", data=(("word " * 4000) + good_text(21)).encode()),
        # One line of 200 KB without a full stop took 243 s before sentences were bounded; a list of 2,500
        # one-figure lines over 120 s; a run of 100,000 dotted letters walked back over itself for every dot.
        Case("long-line-200k.txt", "long", "read", data=long_line(200_000).encode()),
        Case("list-2500-lines.txt", "long", "read", data=figure_list(2500).encode()),
        Case("dotted-run.txt", "long", "read", data=(good_text(27) + "a." * 100_000).encode()),
        Case(
            "one-line-of-sentences.txt",
            "long",
            "read",
            data=" ".join(good_text(2000 + n).strip() for n in range(3000)).encode(),
        ),
        Case(
            "many-paragraphs.md", "long", "read", data=("\n\n".join(good_text(1000 + n) for n in range(300))).encode()
        ),
    ]
    return cases


def figure_cases() -> list[Case]:
    """Readable texts with figures no pledge can be: read, and never a pledge (checked in the test)."""
    sentences = [
        "Portugal will provide €-5 billion to Ukraine in 2024.",
        "Portugal will provide minus €2 billion to Ukraine in 2024.",
        "Portugal will provide -€7 billion to Ukraine in 2024.",
        "Portugal will provide \u2212€3 billion to Ukraine in 2024.",
        "Portugal will provide €999999999999999999999 billion to Ukraine in 2024.",
        "Portugal will provide €" + "9" * 5000 + " billion to Ukraine in 2024.",
        "Portugal will provide " + "8" * 400 + " tanks to Ukraine in 2024.",
        "Portugal will provide €1.5 trillion to Ukraine in 2024.",
        "Portugal will provide €1e309 billion to Ukraine in 2024.",
        "Portugal will provide €inf billion and €NaN million to Ukraine in 2024.",
        "Portugal will provide ２ billion euros to Ukraine in 2024.",
        "Portugal will provide €٢ billion to Ukraine in 2024.",
        "Portugal will provide €²³ billion to Ukraine in 2024.",
        "Portugal will provide €0 to Ukraine in 2024.",
        "Portugal will provide €0.0000001 billion to Ukraine in 2024.",
        "Portugal will provide €9,999,999,999,999,999 billion to Ukraine in 2024.",
        "Portugal will provide " + "1,000," * 300 + "000 euros to Ukraine in 2024.",
        "Portugal will provide €2\u200bbillion to Ukraine in 2024.",
        "Portugal will provide €2\u200b500 million to Ukraine in 2024.",
        "Portugal will provide €\u202e5 billion\u202c to Ukraine in 2024.",
        "Portugal will provide " + "one hundred " * 200 + "euros to Ukraine in 2024.",
        "Portugal will provide a billion billion billion euros to Ukraine in 2024.",
        "Portugal will provide €1,000,000,000,000,001 to Ukraine in 2024.",
        "Portugal will provide €5 billion billion to Ukraine in 2024.",
        "Portugal zal €1.000.000.000.000.000 aan Oekraïne geven in 2024.",
        "Portugal will provide 300 quadrillion euros to Ukraine in 2024.",
        "Portugal will provide minus 5 tanks to Ukraine in 2024.",
        "Portugal will provide \u22125 F-16s to Ukraine in 2024.",
        "Portugal will provide 0 tanks and €0 million to Ukraine in 2024.",
        "Portugal will provide €1 trillion and one euro to Ukraine in 2024.",
        "Portugal will provide €" + "1" * 24 + " to Ukraine in 2024.",
        "Portugal will provide €12.345.678,90 miljard aan Oekraïne.",
    ]
    return [
        Case(f"figure-{n:02d}.txt", "absurd figure", "read", data=f"Lisbon, 2024-06-01.\n{sentence}\n".encode())
        for n, sentence in enumerate(sentences)
    ]


def office_cases() -> list[Case]:
    good_docx = docx_bytes([good_text(30)])
    with zipfile.ZipFile(io.BytesIO(good_docx)) as archive:
        document_xml = archive.read("word/document.xml")
    body = document_xml[document_xml.index(b"<w:document") :]
    header = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    lol = header + b"<!DOCTYPE w:document [" + LOL_ENTITIES + b"]>" + body.replace(b"Portugal", b"&l9;", 1)
    xxe = (
        header
        + b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + body.replace(b"Portugal", b"&x;", 1)
    )
    bomb = _zip_add(docx_bytes([good_text(31)]), "word/media/zeros.bin", bytes(210 * MB))
    cases = [
        Case("word.docx", "word", "read", data=good_docx),
        Case("zz-copy-of-word.docx", "duplicate", "problem", "same content as word.docx", good_docx),
        Case(
            "word-table.docx", "word", "read", data=docx_bytes([good_text(32)], table=[["a", "b"], ["€1", "=SUM(A1)"]])
        ),
        Case("zip-bomb.docx", "zip bomb", "problem", "zip bomb", bomb),
        Case("zip-bomb-2.docx", "zip bomb", "problem", "zip bomb", _zip_add(bomb, "word/media/more.bin", b"x")),
        Case("billion-laughs.docx", "word", "problem", "Word", _zip_replace(good_docx, "word/document.xml", lol)),
        Case("xxe.docx", "word", "read", "", _zip_replace(good_docx, "word/document.xml", xxe)),
        Case(
            "huge-text-node.docx",
            "word",
            "problem",
            "Word",
            _zip_replace(good_docx, "word/document.xml", body.replace(b"Portugal", b"A" * 11 * MB, 1)),
        ),
        Case("no-document-part.docx", "word", "problem", "Word", _zip_replace(good_docx, "word/document.xml", None)),
        Case(
            "broken-xml.docx",
            "word",
            "problem",
            "Word",
            _zip_replace(good_docx, "word/document.xml", b"<w:document><w:body>"),
        ),
        Case(
            "not-xml.docx", "word", "problem", "Word", _zip_replace(good_docx, "word/document.xml", bytes(range(256)))
        ),
        Case("renamed-pdf.docx", "word", "problem", "Word", pdf_bytes([good_text(33)])),
        Case("plain-text.docx", "word", "problem", "Word", good_text(34).encode()),
        Case("truncated.docx", "word", "problem", "Word", good_docx[: len(good_docx) // 2]),
        Case("empty-zip.docx", "word", "problem", "Word", b"PK\x05\x06" + bytes(18)),
        Case("macro.docm", "word", "problem", "unsupported file type", good_docx),
        Case("pdf.pdf", "pdf", "read", data=pdf_bytes([good_text(35)])),
        Case("pdf-rc4-open.pdf", "pdf", "read", data=_pdf(good_text(36), EncryptionMethod.RC4)),
        Case("pdf-aes128-open.pdf", "pdf", "read", data=_pdf(good_text(37), EncryptionMethod.AES_128)),
        Case("pdf-aes256-open.pdf", "pdf", "read", data=_pdf(good_text(38), EncryptionMethod.AES_256)),
        Case("pdf-rc4-password.pdf", "pdf", "problem", "password", _pdf(good_text(39), EncryptionMethod.RC4, "secret")),
        Case("pdf-aes-password.pdf", "pdf", "problem", "password", _pdf(good_text(40), EncryptionMethod.AES_256, "s")),
        Case("scan.pdf", "pdf", "problem", "no text layer", scanned_pdf_bytes()),
        Case("truncated-pdf.pdf", "pdf", "problem", "PDF", pdf_bytes([good_text(41)])[:400]),
        Case("header-only.pdf", "pdf", "problem", "PDF", b"%PDF-1.7\n"),
        Case("garbage.pdf", "pdf", "problem", "PDF", b"%PDF-1.7\n" + bytes(range(256)) * 40),
        Case("html-as.pdf", "pdf", "problem", "PDF", html_bytes([good_text(42)])),
        Case(
            "js.pdf",
            "pdf",
            "read",
            data=pdf_bytes([good_text(43)]).replace(
                b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>", 1
            ),
        ),
    ]
    return cases


def html_cases() -> list[Case]:
    script_heavy = html_bytes([good_text(50)], head="<script>" + "var a=1;" * 20_000 + "</script>")
    cases = [
        Case("page.html", "html", "read", data=html_bytes([good_text(51)])),
        Case("page-htm.htm", "html", "read", data=html_bytes([good_text(52)], charset="windows-1252")),
        Case("script-heavy.html", "html", "read", data=script_heavy),
        Case("menu-only.html", "html", "problem", "no main text", menu_only_html_bytes()),
        Case(
            "scripts-only.html",
            "html",
            "problem",
            "no main text",
            b"<html><script>" + b"document.write('Portugal will provide EUR 9 billion');" * 100 + b"</script></html>",
        ),
        Case("onerror.html", "html", "read", data=html_bytes([good_text(53) + '<img src=x onerror="alert(1)">'])),
        Case(
            "iframe.html",
            "html",
            "read",
            data=html_bytes([good_text(54) + '<iframe src="javascript:alert(1)"></iframe>']),
        ),
        Case(
            "svg-script.html", "html", "read", data=html_bytes([good_text(55) + "<svg><script>alert(1)</script></svg>"])
        ),
        Case(
            "style-expression.html",
            "html",
            "read",
            data=html_bytes([good_text(56)], head="<style>p{x:expression(alert(1))}</style>"),
        ),
        Case(
            "meta-refresh.html",
            "html",
            "read",
            data=html_bytes([good_text(57)], head='<meta http-equiv="refresh" content="0;url=http://example.com">'),
        ),
        Case(
            "deep-nesting.html",
            "html",
            "problem",
            "",
            b"<html><body>" + b"<div>" * 200_000 + good_text(58).encode() + b"</body></html>",
        ),
        Case(
            "huge-attribute.html",
            "html",
            "read",
            data=html_bytes([good_text(59)], head='<meta name="x" content="' + "A" * 2 * MB + '">'),
        ),
        Case(
            "comment-only.html",
            "html",
            "problem",
            "no main text",
            b"<html><!-- " + good_text(60).encode() + b" --></html>",
        ),
        Case("binary.html", "html", "problem", "", bytes(range(256)) * 100),
        Case("nul-in.html", "html", "read", data=html_bytes([good_text(61)]).replace(b"<nav>", b"<nav>\x00", 1)),
        Case("charset-lie.html", "html", "read", data=html_bytes([good_text(62)]).replace(b"utf-8", b"utf-16", 1)),
        Case("entity-flood.html", "html", "read", data=html_bytes([good_text(63) + "&amp;" * 50_000])),
        Case("not-html.html", "html", "problem", "", b"just a few words"),
        Case("unclosed.html", "html", "read", data=b"<html><body><p>" + good_text(64).encode() + b"<p><b><i><u>"),
        Case(
            "xml-bomb.html",
            "html",
            "problem",
            "",
            b'<?xml version="1.0"?><!DOCTYPE h [' + LOL_ENTITIES + b"]><html><body><p>&l9;</p></body></html>",
        ),
        Case("base-href.html", "html", "read", data=html_bytes([good_text(66)], head='<base href="http://evil/">')),
        Case(
            "object-embed.html",
            "html",
            "read",
            data=html_bytes([good_text(67) + '<object data="x.swf"></object><embed src="y">']),
        ),
        Case(
            "data-url.html",
            "html",
            "read",
            data=html_bytes([good_text(68) + '<img src="data:image/png;base64,' + "A" * 50_000 + '">']),
        ),
        Case(
            "utf16-bom.html",
            "html",
            "read",
            data=b"\xff\xfe" + html_bytes([good_text(69)]).decode().encode("utf-16-le"),
        ),
        Case(
            "links-only.html", "html", "read", "", b"<html><body>" + b"<a href='/x'>x</a> " * 5000 + b"</body></html>"
        ),
        Case(
            "form.html",
            "html",
            "read",
            data=html_bytes([good_text(65) + '<form action="http://evil"><input name=p></form>']),
        ),
    ]
    return cases


def name_cases() -> list[Case]:
    names = [
        ("with spaces and (parens).txt", "read"),
        ("Brief; Kamer.txt", "read"),
        ("a;b;c;.txt", "read"),
        ("cr\rname.txt", "read"),
        ("lf\nname.txt", "read"),
        ("tab\tname.txt", "read"),
        ("=HYPERLINK(1).txt", "read"),
        ("+plus.txt", "read"),
        ("-minus.txt", "read"),
        ("@at.txt", "read"),
        ('quote"name.txt', "read"),
        ("single'quote.txt", "read"),
        ("back`tick$(id).txt", "read"),
        ("percent%s%n.txt", "read"),
        ("<script>alert(1)<script>.txt", "read"),
        ("emoji 🇺🇦.txt", "read"),
        ("Oekraïne.txt", "read"),
        ("Oekrai\u0308ne-nfd.txt", "read"),
        ("rtl \u202etxt.exe.txt", "read"),
        ("zero\u200bwidth.txt", "read"),
        ("UPPER.TXT", "read"),
        ("Mixed.Md", "read"),
        ("double.txt.exe", "problem"),
        ("no-extension", "problem"),
        ("trailing-dot.", "problem"),
        ("archive.zip", "problem"),
        ("sheet.xlsx", "problem"),
        ("x" * 240 + ".txt", "read"),
        ("caf\udce9.txt", "read"),
        ("\udcff\udcfe.md", "read"),
        ("con.txt", "read"),
        ("nul.md", "read"),
        ("trailing-space .txt", "read"),
        (" leading-space.txt", "read"),
        ("semi;=formula.txt", "read"),
        ("#hash&amp|pipe.txt", "read"),
        ("star*question?.txt", "read"),
        ("colon:back\\slash.txt", "read"),
        ("\x1b[31mesc.txt", "read"),
        ("bell\x07.txt", "read"),
        ("\u00a0nbsp.txt", "read"),
        ("same-stem.md", "read"),
        ("same-stem.txt", "problem"),  # after same-stem.md in name order: the doc_id is taken
        ("a;b.txt", "read"),
        ("a_b.txt", "problem"),  # "a;b" has the doc_id a_b (';' joins doc_ids), and ';' sorts before '_'
    ]
    cases = []
    for n, (name, expect) in enumerate(names):
        words = (
            ""
            if expect == "read"
            else ("doc_id must be unique" if "same" in name or name == "a_b.txt" else "unsupported file type")
        )
        cases.append(Case(name, "odd name", expect, words, good_text(100 + n).encode()))
    cases.append(Case(".hidden.txt", "odd name", "ignored", "", good_text(199).encode()))
    cases.append(Case("..dots...txt", "odd name", "ignored", "", good_text(198).encode()))
    return cases


def special_cases(outside: Path) -> list[Case]:
    def link(target: str | Path) -> Callable[[Path], None]:
        return lambda path: os.symlink(target, path)

    def fifo(path: Path) -> None:
        os.mkfifo(path)

    def unix_socket(path: Path) -> None:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))

    def folder(path: Path) -> None:
        path.mkdir()
        (path / "inside.txt").write_text(good_text(300))

    cases = [
        Case("passwd.txt", "symlink", "problem", "outside the documents folder", make=link("/etc/passwd")),
        Case("status.txt", "symlink", "problem", "outside the documents folder", make=link("/proc/self/status")),
        Case(
            "os-release.txt",
            "symlink",
            "problem",
            "outside the documents folder",
            make=link("../../../../../../etc/os-release"),
        ),
        Case("outside.txt", "symlink", "problem", "outside the documents folder", make=link(outside)),
        Case(
            "outside-relative.txt",
            "symlink",
            "problem",
            "outside the documents folder",
            make=link(f"../{outside.name}"),
        ),
        Case("zero.txt", "symlink", "problem", "outside the documents folder", make=link("/dev/zero")),
        Case("null.md", "symlink", "problem", "outside the documents folder", make=link("/dev/null")),
        Case("urandom.pdf", "symlink", "problem", "outside the documents folder", make=link("/dev/urandom")),
        Case("broken.txt", "symlink", "problem", "broken symbolic link", make=link("no-such-file.txt")),
        Case("loop.txt", "symlink", "problem", "loops", make=link("loop.txt")),
        Case("loop-a.txt", "symlink", "problem", "loops", make=link("loop-b.txt")),
        Case("loop-b.txt", "symlink", "problem", "loops", make=link("loop-a.txt")),
        Case("to-folder.txt", "symlink", "problem", "outside the documents folder", make=link("/tmp")),
        Case("to-own-folder.txt", "symlink", "problem", "a folder", make=link(".")),
        Case("zz-alias-of-utf8-bom.txt", "symlink", "problem", "same content as", make=link("utf8-bom.txt")),
        Case("pipe.txt", "special", "problem", "named pipe", make=fifo),
        Case("socket.txt", "special", "problem", "socket", make=unix_socket),
        Case("subfolder", "special", "problem", "a folder", make=folder),
        Case("subfolder.txt", "special", "problem", "a folder", make=folder),
        Case("huge-txt.txt", "oversize", "problem", "larger than 20 MB", sparse_size=20 * MB + 1),
        Case("huge-pdf.pdf", "oversize", "problem", "larger than 20 MB", sparse_size=64 * MB),
        Case("huge.docx", "oversize", "problem", "larger than 20 MB", sparse_size=21 * MB),
        Case("huge-html.html", "oversize", "problem", "larger than 20 MB", sparse_size=30 * MB),
    ]
    return cases


# The manifest beside the files: damaged rows the build reads past (each case names its line's problem).
MANIFEST_ROWS = [
    ("file", "title", "publisher", "published", "language", "url"),
    ("page.html", '=HYPERLINK("http://evil","click")', "+cmd", "2024-13-45", "xx", "javascript:alert(1)"),
    ("pdf.pdf", "@SUM(1)", "-publisher", "not a date", "EN", "file:///etc/passwd"),
    ("word.docx", "T" * 140_000, "", "", "", ""),
    ("emoji.txt", "\x1b[31mred title\x1b[0m", "\x00nul", "2024-02", "nl", ""),
    ("missing-file.txt", "listed but absent", "", "", "", ""),
    ("cr\rname.txt", "title\rwith\ncarriage", "pub\r", "2024", "de", ""),
]
MANIFEST_TAIL = '"emoji 🇺🇦.txt","an unterminated quote\n'


def manifest_bytes(seed_manifest: str) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in MANIFEST_ROWS:
        writer.writerow(row)
    seed_rows = seed_manifest.split("\n", 1)[1]  # the seeds' own rows, after our header
    return (buffer.getvalue() + seed_rows.rstrip("\n") + "\n" + MANIFEST_TAIL).encode("utf-8")


def all_cases(outside: Path) -> list[Case]:
    cases = text_cases() + figure_cases() + office_cases() + html_cases() + name_cases()
    if sys.platform != "win32":
        cases += special_cases(outside)
    return cases


def write_corpus(folder: Path) -> list[Case]:
    """The seeds, their manifest with damaged rows, and every case, in `folder` (created). The file a link
    points out to is written beside the folder."""
    folder.mkdir(parents=True)
    for seed in SEEDS.iterdir():
        if seed.name != "manifest.csv":
            shutil.copy2(seed, folder / seed.name)
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text("Portugal will provide €999 million in secret aid to Ukraine in 2024.\n", encoding="utf-8")
    cases = all_cases(outside)
    for case in cases:
        path = Path(os.path.join(os.fsencode(folder), os.fsencode(case.name)).decode("utf-8", "surrogateescape"))
        if case.make is not None:
            case.make(path)
        elif case.sparse_size:
            with open(path, "wb") as handle:
                handle.truncate(case.sparse_size)
        else:
            path.write_bytes(case.data or b"")
    (folder / "manifest.csv").write_bytes(manifest_bytes((SEEDS / "manifest.csv").read_text(encoding="utf-8")))
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in write_corpus(target):
        print(f"{case.expect:8} {case.kind:14} {case.shown!r}")
