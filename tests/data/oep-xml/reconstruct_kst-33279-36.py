#!/usr/bin/python3
"""Rebuilds samples/kst-33279-36/kst-33279-36.xml, the RECONSTRUCTED
officiele-publicatie XML of Kamerstuk 33 279, nr. 36 (see SOURCES.md here and
in samples/kst-33279-36/).

Every word of the text comes from kst-33279-36.page.txt (the document's text
as published, beside this script); nothing is typed in by hand except the
markup. The structure below (which paragraph is a heading, a list item, a
footnote, the closing) is the reading of that text; the element vocabulary
and nesting follow the real KOOP files in tests/data/corpus/oep-xml/.

Run from the repository root:  /usr/bin/python3 tests/data/oep-xml/reconstruct_kst-33279-36.py
"""
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "kst-33279-36.page.txt"
TARGET = HERE.parents[2] / "samples" / "kst-33279-36" / "kst-33279-36.xml"

# Section headings of the letter, in order, and the three numbered
# sub-headings of "Nederlandse inzet en randvoorwaarden".
HEADINGS = [
    "Aanleiding",
    "Specialisatie betekent «samen sterker»",
    "Duiding van «specialisatie» en appreciatie van het Clingendael-rapport",
    "Afwegingen bij specialisatie",
    "Nederlandse inzet en randvoorwaarden",
    "Tot slot",
]
SUBHEADING_PREFIXES = ["1. Inzet op interoperabiliteit", "2. Gezamenlijk invullen", "3. Eigen bijdrage"]
# First words of the items of the two numbered lists.
LIST_ITEM_PREFIXES = [
    "1. Gecoördineerde Europese", "2. Specialisatie via ondersteuning", "3. Traditionele specialisatie",
    "1. Het eerste uitgangspunt", "2. Het tweede uitgangspunt", "3. Het derde uitgangspunt",
]
# Where each footnote marker stands: the text just before it.
MARKERS = {
    1: "zijn ingediend.", 2: "strategic enablers", 3: "PESCO-programma", 4: "veiligheidsarchitectuur.",
    5: "bij de MRTT.", 6: "routes naar specialisatie.", 7: "vormgegeven».", 8: "budgetrecht.",
    9: "te garanderen.", 10: "aan specialisatie.", 11: "gestandaardiseerd. ", 12: "en partners.",
    13: "(ISR) capaciteiten.",
}


def read_reference():
    text = REFERENCE.read_text(encoding="utf-8")
    text = text[text.index("Preview document"):]
    paragraphs = [p.strip("\n") for p in text.split("\n\n") if p.strip()][1:]
    body = [p for p in paragraphs if not p.startswith("  ")]
    notes = {}
    for p in paragraphs:
        if p.startswith("  "):
            number, _, rest = p.strip().partition(". ")
            notes[int(number)] = rest.removesuffix("\u21a9\ufe0e")
    assert sorted(notes) == list(range(1, 14)), sorted(notes)
    return body, notes


def with_notes(text, notes, used):
    out = escape(text)
    for number, anchor in MARKERS.items():
        needle = escape(anchor) + str(number)
        if needle not in out:
            continue
        assert out.count(needle) == 1, needle
        assert number not in used, number
        used.add(number)
        note = (f'<noot type="voet"><noot.nr>{number}</noot.nr>'
                f"<noot.al>{escape(notes[number])}</noot.al></noot>")
        out = out.replace(needle, escape(anchor) + note)
    return out


def build():
    body, notes = read_reference()
    header, body = body[:5], body[5:]
    assert header[0] == "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2022-2023", header[0]
    assert header[1] == "33 279 Internationale militaire samenwerking"
    assert header[2] == "Nr. 36 BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE"
    assert header[3] == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert header[4] == "Den Haag, 22\u00a0december 2022"
    signatures = body[-2:]
    assert signatures == ["De Minister van Defensie,\nK.H. Ollongren", "De Staatssecretaris van Defensie,\nC.A. van der Maat"]
    body = body[:-2]

    used = set()
    lines = []
    emit = lines.append
    depth = 6  # indentation level of the tekst element's children
    in_section = in_subsection = in_list = False

    def pad(extra=0):
        return "  " * (depth + extra)

    def close_list():
        nonlocal in_list
        if in_list:
            emit(f"{pad(1)}</lijst>")
            in_list = False

    def close_subsection():
        nonlocal in_subsection
        close_list()
        if in_subsection:
            emit(f"{pad(1)}</divisie>")
            in_subsection = False

    emit(f"{pad()}<al>{escape(header[3])}</al>")
    emit(f'{pad()}<al>Den Haag, <datum isodatum="2022-12-22">22\u00a0december 2022</datum></al>')
    for p in body:
        inner = in_section + in_subsection
        if p in HEADINGS:
            close_subsection()
            if in_section:
                emit(f"{pad()}</divisie>")
            emit(f"{pad()}<divisie>")
            emit(f"{pad(1)}<kop>")
            emit(f"{pad(2)}<titel>{escape(p)}</titel>")
            emit(f"{pad(1)}</kop>")
            in_section = True
        elif any(p.startswith(s) for s in SUBHEADING_PREFIXES):
            close_subsection()
            number, _, title = p.partition(" ")
            emit(f"{pad(1)}<divisie>")
            emit(f"{pad(2)}<kop>")
            emit(f"{pad(3)}<nr>{escape(number)}</nr>")
            emit(f"{pad(3)}<titel>{with_notes(title, notes, used)}</titel>")
            emit(f"{pad(2)}</kop>")
            in_subsection = True
        elif any(p.startswith(s) for s in LIST_ITEM_PREFIXES):
            if not in_list:
                emit(f'{pad(inner)}<lijst type="expliciet" start="1" level="single" nr-sluiting=".">')
                in_list = True
            number, _, text = p.partition(" ")
            emit(f"{pad(inner + 1)}<li>")
            emit(f"{pad(inner + 2)}<li.nr>{escape(number)}</li.nr>")
            emit(f"{pad(inner + 2)}<al>{with_notes(text, notes, used)}</al>")
            emit(f"{pad(inner + 1)}</li>")
        else:
            close_list()
            emit(f"{pad(inner)}<al>{with_notes(p, notes, used)}</al>")
    close_subsection()
    emit(f"{pad()}</divisie>")
    assert used == set(range(1, 14)), set(range(1, 14)) - used

    signature_lines = []
    for function, first, last in (("De Minister van Defensie,", "K.H.", "Ollongren"),
                                  ("De Staatssecretaris van Defensie,", "C.A.", "van der Maat")):
        signature_lines.append(
            f"        <ondertekening>\n"
            f"          <functie>{function}</functie>\n"
            f"          <naam><voornaam>{first}</voornaam><achternaam>{last}</achternaam></naam>\n"
            f"        </ondertekening>")

    text = "\n".join(lines)
    signatures_xml = "\n".join(signature_lines)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/repository/schemas/op-consolidated/op-consolidated_2014-05-15/xsd/op-xsd-2014-05-15.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <!-- RECONSTRUCTED by the stukwerk project, not a KOOP original: the text of
       Kamerstuk 33 279, nr. 36 in the officiele-publicatie structure.
       See samples/kst-33279-36/SOURCES.md. -->
  <metadata>
    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/kst-33279-36/metadata.xml"/>
  </metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2022-2023</tekstregel>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
      <tekstregel inhoud="kamernummer">2</tekstregel>
      <tekstregel inhoud="documenttype">Kamerstukken</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer>
        <dossiernr>33 279</dossiernr>
      </dossiernummer>
      <titel>Internationale militaire samenwerking</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">36</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE</titel>
      <algemeen>
        <vrije-tekst>
          <tekst status="goed">
{text}
          </tekst>
        </vrije-tekst>
      </algemeen>
      <tekst-sluiting>
{signatures_xml}
      </tekst-sluiting>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET}")
