#!/usr/bin/python3
"""Writes the exporter test documents of this folder (see SOURCES.md).

    make_fixtures.py REFERENCE_TEXT OUT_DIR

REFERENCE_TEXT is the full text of Kamerstuk 33 279 nr. 36 as the
workplace's shared reference holds it (reference/kst-33279-36.page.txt).
The output is deterministic: running it again gives the same bytes, so the
committed files can be checked against it.

Both documents are stukwerk's own JSON form (sdk/schema/document.schema.json),
read back into the model by the json importer. They are test input written
for the exporters, not originals: see SOURCES.md.
"""
import json
import re
import sys

PLACEHOLDER_SHA = "0" * 64  # the host replaces the whole source block on import


def para(text, role=None):
    b = {"type": "paragraph", "text": text}
    if role:
        b["role"] = role
    return b


def heading(text, level, role=None, label=None):
    b = {"type": "heading", "level": level, "text": text}
    if role:
        b["role"] = role
    if label:
        b["label"] = label
    return b


# Footnote markers of the letter: the words they follow, as printed in the
# reference text ("… zijn ingediend.1"), in order.
MARKERS = [
    ("zijn ingediend.", "1"),
    ("strategic enablers", "2"),
    ("PESCO-programma", "3"),
    ("veiligheidsarchitectuur.", "4"),
    ("bij de MRTT.", "5"),
    ("routes naar specialisatie.", "6"),
    ("kan worden vormgegeven».", "7"),
    ("van het budgetrecht.", "8"),
    ("te garanderen.", "9"),
    ("gekoppeld aan specialisatie.", "10"),
    ("wordt gestandaardiseerd. ", "11"),
    ("bondgenoten en partners.", "12"),
    ("capaciteiten.", "13"),
]


def with_markers(text, pending):
    """Splits a paragraph at the footnote labels printed in it into text runs
    and note_ref inlines; `pending` is the list of markers not yet placed."""
    inlines = []
    rest = text
    while pending:
        words, label = pending[0]
        at = rest.find(words + label)
        if at < 0:
            break
        cut = at + len(words)
        if rest[:cut]:
            inlines.append({"text": rest[:cut]})
        inlines.append({"kind": "note_ref", "text": label, "target": "fn" + label, "styles": ["superscript"]})
        rest = rest[cut + len(label):]
        pending.pop(0)
    if not inlines:
        return None
    if rest:
        inlines.append({"text": rest})
    return inlines


def flagship(reference):
    lines = [l.strip() for l in reference.splitlines()]
    start = next(i for i, l in enumerate(lines) if l.startswith("Den Haag, "))
    end = lines.index("De Minister van Defensie,")
    text_lines = [l for l in lines[start + 1:end] if l]
    notes = {}
    for l in lines[end:]:
        m = re.match(r"^(\d+)\. (.*?)↩︎$", l)
        if m:
            notes[m.group(1)] = m.group(2)

    section_titles = {
        "Aanleiding", "Specialisatie betekent «samen sterker»",
        "Duiding van «specialisatie» en appreciatie van het Clingendael-rapport",
        "Afwegingen bij specialisatie", "Nederlandse inzet en randvoorwaarden", "Tot slot",
    }
    body = [
        heading("Internationale militaire samenwerking", 1, "dossier-title", "33 279"),
        heading("BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE", 1, "document-title", "Nr. 36"),
        para("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "addressee"),
        para(lines[start], "place-date"),  # with its no-break space, as printed
    ]
    pending = list(MARKERS)
    section = None
    in_line_numbers = "De drie varianten", "Op basis van deze afwegingen"
    list_block = None
    for i, l in enumerate(text_lines):
        numbered = re.match(r"^(\d)\. (.*)$", l)
        if l in section_titles:
            section = {"type": "section", "children": [heading(l, 2)]}
            body.append(section)
            list_block = None
            continue
        if numbered and list_block is None and text_lines[i - 1].startswith(in_line_numbers):
            list_block = {"type": "list", "ordered": True, "items": []}
            section["children"].append(list_block)
        if numbered and list_block is not None:
            item = {"type": "list_item", "label": numbered.group(1) + ".", "text": numbered.group(2)}
            inl = with_markers(numbered.group(2), pending)
            if inl:
                item["inlines"] = inl
            list_block["items"].append(item)
            continue
        list_block = None
        if numbered:  # "1. Inzet op …": the numbered sub-headings of the last section
            section["children"].append(heading(numbered.group(2), 3, label=numbered.group(1) + "."))
            continue
        b = para(l)
        inl = with_markers(l, pending)
        if inl:
            b["inlines"] = inl
        section["children"].append(b)
    assert not pending, pending

    for fn, name in (("De Minister van Defensie,", "K.H. Ollongren"),
                     ("De Staatssecretaris van Defensie,", "C.A. van der Maat")):
        body.append({"type": "signature", "children": [para(fn, "function"), para(name, "name")]})

    footnotes = [{"id": "fn" + k, "label": k, "text": notes[k]} for k in sorted(notes, key=int)]
    assert len(footnotes) == 13

    return {
        "id": "kst-33279-36",
        "metadata": {
            "title": "Europese defensiesamenwerking en specialisatie en appreciatie van rapport "
                     "Specialising in European defence van Instituut Clingendael",
            "document_type": "Brief regering",
            "publication_type": "Kamerstuk",
            "date": "2022-12-22",
            "modified": "2024-02-19T10:56",
            "version": "4",
            "session_year": "2022-2023",
            "chamber": "Tweede Kamer",
            "dossiers": [{"number": "33279", "title": "Internationale militaire samenwerking"}],
            "item_number": "36",
            "people": [
                {"name": "K.H. Ollongren", "role": "signatory", "function": "Minister van Defensie"},
                {"name": "C.A. van der Maat", "role": "signatory", "function": "Staatssecretaris van Defensie"},
            ],
            "language": "nl",
            "subjects": [],
            "identifiers": [
                {"scheme": "tk-document-number", "value": "2022D56473"},
                {"scheme": "tk-zaak", "value": "2022Z26183"},
            ],
            "raw": [],
        },
        "body": body,
        "footnotes": footnotes,
        "references": [],
        "source": {"format": "json", "media_type": "application/json", "path": "kst-33279-36.json",
                   "sha256": PLACEHOLDER_SHA, "importer": {"name": "json", "version": "1.0.0"}},
        "warnings": [],
    }


CONTROLS = "".join(chr(c) for c in range(0x01, 0x20))  # U+0001..U+001F, tab, LF and CR among them
RTL = "مرحبا بالعالم — שלום עולם"
EMOJI = "🙂👩🏽‍⚖️🇳🇱"


def long_text():
    # Longer than a spreadsheet cell holds (32 767 characters), in a mix of
    # scripts so that a cut in the middle of a multi-byte character would show.
    unit = "Lange tekst, met \"quotes\", komma's en ‘curly’ — " + RTL + " " + EMOJI + ".\n"
    return "".join(f"{i:05d} {unit}" for i in range(600))


def hostile():
    nasty = "Quote \" apostrophe ' <tag> & ampersand > gt \\ backslash, comma; semicolon"
    return {
        "id": "hostile doc <1> \"quoted\" & ampersand/slash?#",
        "metadata": {
            "title": nasty + "\nline two\r\nline three\ttab " + CONTROLS + " " + RTL + " " + EMOJI,
            "document_type": "=HYPERLINK(\"http://evil.example/\",\"click\")",
            "publication_type": "+SUM(1,2)",
            "date": "2023-01-31",
            "published": "2023-02-01",
            "modified": "2023-02-01T08:09:10Z",
            "version": "-1",
            "session_year": "2022-2023",
            "chamber": "@chamber",
            "dossiers": [
                {"number": "36200-X", "title": "Dossier \"one\", with <markup> & more\nsecond line"},
                {"number": "21501-20", "title": RTL},
            ],
            "item_number": "",
            "people": [
                {"name": "=cmd|' /C calc'!A0", "role": "signatory", "function": "-minus function"},
                {"name": "Ada \"the\" <Countess>", "role": "co-submitter", "function": "lid, \"fractie\"",
                 "party": "@party"},
                {"name": RTL, "role": "role with spaces/and <angles>", "function": ""},
                {"name": "\t tab-led name", "role": "speaker", "function": "\r carriage"},
            ],
            "language": "nl\" xml:lang=\"en",
            "subjects": ["a, b", "c\nd"],
            "identifiers": [{"scheme": "url", "value": "https://example.org/a b?c=\"d\"&e=<f>"}],
            "raw": [{"name": "x\u0001", "value": "y\u001f", "scheme": ""}],
        },
        "body": [
            heading("Kop met \"quotes\" & <tags>", 1, "document-title", "Nr. <1>"),
            {"type": "section", "children": [
                heading(RTL, 2, label="§ 1"),
                para("Comma, \"quote\", newline\nand CRLF\r\nand CR\ronly " + CONTROLS),
                para("=1+1"), para("+31 6 12345678"), para("-5"), para("@mention"),
                para(""),
                {"type": "list", "ordered": False, "items": [
                    {"type": "list_item", "label": "–", "text": "dash item",
                     "children": [{"type": "list", "ordered": True, "items": [
                         {"type": "list_item", "label": "a.", "text": "nested " + EMOJI}]}]},
                ]},
                {"type": "paragraph", "text": "marker here*",
                 "inlines": [{"text": "marker here"},
                             {"kind": "note_ref", "text": "*", "target": "fn <1> \"x\""}]},
                para(long_text(), "very-long"),
            ]},
            {"type": "table", "rows": [{"type": "table_row", "header": True, "cells": [
                {"type": "table_cell", "text": "cell, \"one\""},
                {"type": "table_cell", "text": RTL}]}]},
        ],
        "footnotes": [
            {"id": "fn <1> \"x\"", "label": "*", "text": "Note with \"quotes\", <angles> & newline\nhere " + RTL},
            {"id": "fn2", "label": "2", "text": ""},
        ],
        "references": [
            {"text": "a link with spaces", "target": "https://example.org/a b?c=\"d\"&e=<f>#frag", "kind": "url",
             "where": "body/1/1"},
            {"text": "an id with spaces", "target": "kst 1 <2>", "kind": "kamerstuk", "where": "body/1/2"},
            {"text": "Kamerstuk 36 200 X, nr. 37", "target": "kst-36200-X-37", "kind": "kamerstuk",
             "where": "footnote/fn2"},
        ],
        "source": {"format": "json", "media_type": "application/json", "path": "hostile.json",
                   "sha256": PLACEHOLDER_SHA, "importer": {"name": "json", "version": "1.0.0"}},
        "warnings": [],
    }


def write(path, doc):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    reference, out = sys.argv[1], sys.argv[2]
    with open(reference, encoding="utf-8") as f:
        write(out + "/kst-33279-36.json", flagship(f.read()))
    write(out + "/hostile.json", hostile())


if __name__ == "__main__":
    main()
