#!/usr/bin/env python3
"""Typesets the corpus's acuerdos with three producers that are not mpp.

Each source in fuentes/ (an acuerdo's text: paragraphs between blank lines,
tab-separated table rows, quoted lines opened by a backslash) is laid out as
INE publishes its acuerdos: the acuerdo's code in a running header on every
page, page numbers, bordered tables (the glosario, Subproceso |
Procedimientos), three footnotes, a two-column signature block. Producers:

  chromium     HTML with CSS paged media, printed by headless Chromium
               (@page margin boxes; footnotes as notes at the end: Chromium
               has no CSS footnotes)
  libreoffice  a Flat ODF text document (.fodt) converted by LibreOffice
               (soffice --headless --convert-to pdf): real footnotes, header
               and footer fields
  groff        groff's ms macros with tbl, to PDF with gropdf: real
               footnotes, page number as «- N -», and the code only in the
               running header (not in the body)

and, from each PDF, pdftotext's text (plain and -layout). Usage:

  python3 generar.py            # PDFs and texts into each producer's folder
  python3 generar.py escanear SALIDA/   # the scans (300 dpi gray, degraded;
                                        # 200 dpi bilevel), as multipage TIFF
  python3 generar.py escanear SALIDA/ [CARPETA...] [--solo ACUERDO,...]
                                        # also the PDFs of other producers'
                                        # folders (mpp's own); only some acuerdos

Standard library only; the tools are Debian's: chromium, libreoffice-writer,
groff, poppler-utils, imagemagick. Tool versions used are written to
versiones.txt.
"""
import concurrent.futures
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "fuentes")
HEADINGS = {"GLOSARIO", "GLOSARIO DE TÉRMINOS", "ANTECEDENTES", "CONSIDERANDOS", "ACUERDOS"}
GROUP = re.compile(r"^(PRIMERO|SEGUNDO|TERCERO|CUARTO|QUINTO)\. [A-ZÁÉÍÓÚ]")

# Three footnotes per acuerdo: (the start of the paragraph that cites it,
# the note's text). Spread over the document so that they fall on three
# pages.
NOTES = {
    "INE-JGE248-2022": [
        ("I. El 21 de diciembre del 2016", "Consultable en la Gaceta Electoral del Instituto Nacional Electoral."),
        ("13. El artículo 80", "Reglamento Interior del Instituto Nacional Electoral, publicado en el DOF el 23 de julio de 2020."),
        ("37. El Manual de Proceso", "El dictamen técnico obra en los archivos de la Coordinación de Innovación y Procesos."),
    ],
    "INE-JGE52-2022": [
        ("I. El 21 de diciembre del 2016", "Consultable en la Gaceta Electoral del Instituto Nacional Electoral."),
        ("12. El artículo", "Lineamientos aprobados mediante acuerdo INE/JGE91/2020."),
        ("40. El Manual de Proceso", "El dictamen técnico obra en los archivos de la Coordinación de Innovación y Procesos."),
    ],
    "INE-JGE115-2023": [
        ("I. El 23 de enero de 2019", "Publicado en el DOF el 7 de febrero de 2019."),
        ("5. El artículo 7", "Lineamientos modificados por la Junta General Ejecutiva el 24 de noviembre de 2022."),
        ("9. El Manual de Proceso", "El dictamen técnico obra en los archivos de la Coordinación de Innovación y Procesos."),
    ],
}


def blocks(text):
    """The source as (kind, content) blocks."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
    code = paras[0].strip()
    out = [("title", paras[1].strip())]
    rest = paras[2:]
    vote = next(i for i, p in enumerate(rest) if p.startswith("El presente Acuerdo fue aprobado"))
    for p in rest[:vote]:
        lines = p.split("\n")
        if all("\t" in l for l in lines):
            out.append(("table", [l.split("\t") for l in lines]))
        elif p.strip() in HEADINGS:
            out.append(("heading", p.strip()))
        elif GROUP.match(p):
            out.append(("group", p.strip()))
        elif p.startswith("\\"):
            out.append(("quote", p[1:].strip()))
        else:
            out.append(("para", p.strip()))
    out.append(("para", rest[vote].strip()))
    sig = rest[vote + 1:]
    half = len(sig) // 2
    out.append(("signatures", list(zip(sig[:half], sig[half:]))))
    return code, out


def with_notes(name, bs):
    """Marks the paragraphs that carry a footnote: (kind, text, note)."""
    notes = list(NOTES.get(name, []))
    out = []
    for k, c in bs:
        note = None
        if k == "para" and notes and c.startswith(notes[0][0]):
            note = notes.pop(0)[1]
        out.append((k, c, note))
    if notes:
        raise SystemExit(f"{name}: no paragraph starts with «{notes[0][0]}»")
    return out


# --- Chromium: HTML with CSS paged media ---------------------------------

CSS = """
@page { size: Letter; margin: 25mm 22mm 22mm 22mm;
  @top-right { content: "%(code)s"; font: bold 9pt Arial, "Liberation Sans", sans-serif; }
  @top-left { content: "INSTITUTO NACIONAL ELECTORAL"; font: 8pt Arial, "Liberation Sans", sans-serif; color: #555; }
  @bottom-center { content: "Página " counter(page) " de " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; } }
body { font: 11pt/1.35 Arial, "Liberation Sans", sans-serif; text-align: justify; hyphens: auto; }
.code { text-align: right; font-weight: bold; }
h1 { font-size: 11pt; text-align: center; }
h2 { font-size: 11pt; text-align: center; letter-spacing: 0.3em; margin-top: 1.2em; }
h3 { font-size: 11pt; }
table.b { border-collapse: collapse; width: 100%%; margin: 0.6em 0; }
table.b td, table.b th { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
blockquote { margin: 0.4em 2em; font-size: 10pt; }
table.sig { width: 100%%; margin-top: 3em; } table.sig td { width: 50%%; text-align: center; font-weight: bold; vertical-align: top; padding: 0 1em 2.5em; }
.notes { font-size: 8.5pt; border-top: 0.6pt solid #000; margin-top: 2em; }
sup { font-size: 7pt; }
"""


def chromium_html(name, code, bs):
    h = ["<!DOCTYPE html><html lang='es-MX'><head><meta charset='utf-8'><style>", CSS % {"code": code}, "</style></head><body>"]
    h.append(f"<p class='code'>{html.escape(code)}</p>")
    notes = []
    for k, c, note in bs:
        if k == "title":
            h.append(f"<h1>{html.escape(c)}</h1>")
        elif k == "heading":
            h.append(f"<h2>{html.escape(c)}</h2>")
        elif k == "group":
            h.append(f"<h3>{html.escape(c)}</h3>")
        elif k == "quote":
            h.append(f"<blockquote>{html.escape(c)}</blockquote>")
        elif k == "table":
            rows = []
            for i, r in enumerate(c):
                cells = "".join(f"<td>{html.escape(x)}</td>" for x in r)
                rows.append(f"<tr>{cells}</tr>")
            h.append("<table class='b'>" + "".join(rows) + "</table>")
        elif k == "signatures":
            rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in c)
            h.append(f"<table class='sig'>{rows}</table>")
        else:
            t = html.escape(c)
            if note:
                notes.append(note)
                t += f"<sup>{len(notes)}</sup>"
            h.append(f"<p>{t}</p>")
    if notes:
        h.append("<div class='notes'>" + "".join(f"<p><sup>{i + 1}</sup> {html.escape(n)}</p>" for i, n in enumerate(notes)) + "</div>")
    h.append("</body></html>")
    return "\n".join(h)


def chromium(name, code, bs, pdf):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(chromium_html(name, code, bs))
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={d}/perfil", f"--print-to-pdf={pdf}", "file://" + src])


# --- LibreOffice: Flat ODF text ------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="es" fo:country="MX" fo:hyphenate="true"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Cuerpo" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="130%%"/></style:style>
 <style:style style:name="Codigo" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Titulo" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Seccion" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Grupo" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Cita" style:family="paragraph"><style:paragraph-properties fo:margin-left="1.2cm" fo:margin-right="1.2cm" fo:text-align="justify"/><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Celda" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Firma" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="1.2cm"/><style:text-properties fo:font-weight="bold" fo:font-size="10pt"/></style:style>
 <style:style style:name="Encabezado" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Pie" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Tabla" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
 <style:style style:name="Borde" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
 <style:style style:name="SinBorde" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.1cm"/></style:style>
 <style:page-layout style:name="Carta"><style:page-layout-properties fo:page-width="21.59cm" fo:page-height="27.94cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.3cm" fo:margin-right="2.3cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Carta">
 <style:header><text:p text:style-name="Encabezado">%(code)s</text:p></style:header>
 <style:footer><text:p text:style-name="Pie"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
"""


def x(s):
    return html.escape(s, quote=False)


def fodt(name, code, bs):
    out = [FODT_HEAD % {"code": x(code)}, f'<text:p text:style-name="Codigo">{x(code)}</text:p>']
    n = 0
    for k, c, note in bs:
        if k == "title":
            out.append(f'<text:p text:style-name="Titulo">{x(c)}</text:p>')
        elif k == "heading":
            out.append(f'<text:p text:style-name="Seccion">{x(c)}</text:p>')
        elif k == "group":
            out.append(f'<text:p text:style-name="Grupo">{x(c)}</text:p>')
        elif k == "quote":
            out.append(f'<text:p text:style-name="Cita">{x(c)}</text:p>')
        elif k in ("table", "signatures"):
            cell = "Borde" if k == "table" else "SinBorde"
            para = "Celda" if k == "table" else "Firma"
            rows = c if k == "table" else [list(r) for r in c]
            cols = max(len(r) for r in rows)
            t = [f'<table:table table:style-name="Tabla"><table:table-column table:number-columns-repeated="{cols}"/>']
            for r in rows:
                t.append("<table:table-row>" + "".join(f'<table:table-cell table:style-name="{cell}"><text:p text:style-name="{para}">{x(v)}</text:p></table:table-cell>' for v in r) + "</table:table-row>")
            t.append("</table:table>")
            out.append("".join(t))
        else:
            t = x(c)
            if note:
                n += 1
                t += (f'<text:note text:id="n{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                      f'<text:note-body><text:p text:style-name="Footnote">{x(note)}</text:p></text:note-body></text:note>')
            out.append(f'<text:p text:style-name="Cuerpo">{t}</text:p>')
    out.append("</office:text></office:body></office:document>\n")
    return "\n".join(out)


def libreoffice(name, code, bs, pdf):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, name + ".fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt(name, code, bs))
        run(["soffice", f"-env:UserInstallation=file://{d}/perfil", "--headless", "--convert-to", "pdf", "--outdir", d, src])
        shutil.move(os.path.join(d, name + ".pdf"), pdf)


# --- groff: ms with tbl ---------------------------------------------------

def r(s):
    """Text safe for troff: no line starting with a control character."""
    s = s.replace("\\", "\\e")
    return "\\&" + s if s[:1] in ".'" else s


def groff_src(name, code, bs):
    # The code only in the running header (CH is centred, RH right), on every
    # page from the first (.P1); page numbers at the foot as «- N -».
    out = [".nr PS 11", ".nr VS 14", ".nr PO 1i", ".nr LL 6.5i", ".nr HM 1i", ".nr FM 1i",
           ".ds LH INSTITUTO NACIONAL ELECTORAL", ".ds CH", f".ds RH \\fB{r(code)}\\fP", ".ds CF - % -", ".P1", ".ad b", ".hy 14"]
    for k, c, note in bs:
        if k == "title":
            out += [".LP", ".ce 10", ".B", r(c), ".ce 0", ".R"]
        elif k == "heading":
            out += [".SH", ".ce", r(c)]
        elif k == "group":
            out += [".LP", ".B", r(c), ".R"]
        elif k == "quote":
            out += [".QP", r(c)]
        elif k == "table":
            out += [".LP", ".TS", "box expand tab(\t);", "lw(1.7i) | lw(4.5i) .", "\n_\n".join("\t".join("T{\n" + r(v) + "\nT}" for v in row) for row in c), ".TE"]
        elif k == "signatures":
            out += [".sp 2", ".TS", "tab(\t);", "cw(3i) cw(3i) .", "\n.sp\n".join("\t".join("T{\n\\fB" + r(v) + "\\fP\nT}" for v in row) for row in c), ".TE"]
        else:
            out += [".LP", r(c) + ("\\**" if note else "")]
            if note:
                out += [".FS", r(note), ".FE"]
    return "\n".join(out) + "\n"


def groff(name, code, bs, pdf):
    src = groff_src(name, code, bs)
    p = subprocess.run(["groff", "-ms", "-t", "-Kutf8", "-Tpdf", "-dpaper=letter", "-P-pletter"], input=src.encode("utf-8"), capture_output=True, check=True)
    with open(pdf, "wb") as f:
        f.write(p.stdout)


PRODUCERS = {"chromium": chromium, "libreoffice": libreoffice, "groff": groff}


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def sources():
    return sorted(f[:-4] for f in os.listdir(SOURCES) if f.endswith(".txt"))


def typeset():
    for name in sources():
        with open(os.path.join(SOURCES, name + ".txt"), encoding="utf-8") as f:
            code, bs = blocks(f.read())
        bs = with_notes(name, bs)
        for prod, fn in PRODUCERS.items():
            d = os.path.join(HERE, prod)
            os.makedirs(d, exist_ok=True)
            pdf = os.path.join(d, name + ".pdf")
            fn(name, code, bs, pdf)
            for form, args in (("txt", []), ("layout.txt", ["-layout"])):
                run(["pdftotext", *args, "-enc", "UTF-8", pdf, os.path.join(d, f"{name}.{form}")])
            print(f"{prod}/{name}.pdf")
    versions()


def versions():
    out = []
    for cmd in (["chromium", "--version"], ["soffice", "--version"], ["groff", "--version"], ["pdftotext", "-v"], ["convert", "-version"]):
        try:
            p = subprocess.run(cmd, capture_output=True, text=True)
            out.append((p.stdout or p.stderr).strip().split("\n")[0])
        except FileNotFoundError:
            out.append(cmd[0] + ": no instalado")
    with open(os.path.join(HERE, "versiones.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def scan(pdf, out_gray, out_bilevel, seed):
    """A degraded 300 dpi gray scan and a 200 dpi bilevel one, as TIFF.

    The same seed gives the same scan: the page's angle and JPEG quality
    come from it, and ImageMagick's noise too (its -seed holds only on one
    thread, so each convert runs on one, and the pages in parallel).
    """
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as d:
        run(["pdftoppm", "-r", "300", "-gray", "-png", pdf, os.path.join(d, "g")])
        run(["pdftoppm", "-r", "200", "-gray", "-png", pdf, os.path.join(d, "b")])
        gray = sorted(f for f in os.listdir(d) if f.startswith("g"))
        jobs, pages = [], []
        for i, f in enumerate(gray):
            src, dst = os.path.join(d, f), os.path.join(d, f"deg{i:03}.jpg")
            angle = rnd.uniform(-1.5, 1.5)
            quality = rnd.randint(50, 60)
            jobs.append(["convert", "-limit", "thread", "1", "-seed", str(seed * 1000 + i), src, "-background", "white",
                         "-rotate", f"{angle:.2f}", "-attenuate", "0.35", "+noise", "Gaussian",
                         "-blur", "0x0.6", "-quality", str(quality), dst])
            pages.append(dst)
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(run, jobs))
        run(["convert", *pages, "-density", "300", "-units", "PixelsPerInch", "-compress", "JPEG", out_gray])
        bil = sorted(os.path.join(d, f) for f in os.listdir(d) if f.startswith("b"))
        run(["convert", *bil, "-threshold", "60%", "-density", "200", "-units", "PixelsPerInch", "-compress", "Group4", out_bilevel])


def scans(outdir, extra=(), only=None):
    """Scans every producer's PDFs into outdir (PRODUCTOR-ACUERDO-gris300.tif
    and -bn200.tif); extra are more producers' folders of PDFs (mpp's own,
    which the test renders), named by the folder; only keeps the acuerdos
    named. A scan's seed is its place in the whole list, so that a subset
    gives the same scans as the whole."""
    os.makedirs(outdir, exist_ok=True)
    folders = [(prod, os.path.join(HERE, prod)) for prod in PRODUCERS]
    folders += [(os.path.basename(os.path.normpath(f)), f) for f in extra]
    k = 0
    for prod, folder in folders:
        for name in sources():
            if only is None or name in only:
                pdf = os.path.join(folder, name + ".pdf")
                scan(pdf, os.path.join(outdir, f"{prod}-{name}-gris300.tif"), os.path.join(outdir, f"{prod}-{name}-bn200.tif"), k)
                print(f"{prod}-{name}")
            k += 1


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "escanear":
        args, only = sys.argv[3:], None
        if "--solo" in args:
            i = args.index("--solo")
            only, args = set(args[i + 1].split(",")), args[:i] + args[i + 2:]
        scans(sys.argv[2], args, only)
    else:
        typeset()
