#!/usr/bin/python3
"""The facts a publication's own metadata states, read independently of the
importer (Python's xml.etree), for the tests to compare with.

    expected_facts.py PUBLICATION.xml

Prints one fact per line, "key<TAB>value" (dossiers as "dossier<TAB>number<TAB>title"):
id, title, date, item_number, document_type, and the record they came from.

The record is the companion metadata file beside the publication when there
is one (X.metadata.xml, X.metadata_owms.xml, metadata.xml, metadata_owms.xml,
in that order), else the inline <metadata>; where neither states a fact, the
printed text does (docs/model-conventions.md): the stuk's title, the
datum/@isodatum of the date line, the ondernummer, the dossiers as printed,
and the id built from them.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def local(tag):
    return tag.rsplit("}", 1)[-1]


def squash(text):
    return " ".join((text or "").split())


def all_text(element):
    return squash("".join(element.itertext())) if element is not None else ""


def text_without_notes(element):
    """The text of an element, leaving out footnotes (their label and text)."""
    if element is None:
        return ""
    parts = []

    def walk(e):
        parts.append(e.text or "")
        for child in e:
            if local(child.tag) != "noot":
                walk(child)
            parts.append(child.tail or "")
    walk(element)
    return squash("".join(parts))


def parse(path):
    raw = path.read_bytes()
    if raw.startswith(b"\xc3\xaf\xc2\xbb\xc2\xbf"):
        raw = raw.decode("utf-8").encode("latin-1").decode("utf-8").lstrip("\ufeff").encode("utf-8")
    return ET.fromstring(raw.lstrip())


def record_fields(root):
    """(name, scheme, value) of a metadata_gegevens, owms-metadata or inline metadata element."""
    out = []
    if local(root.tag) in ("metadata_gegevens", "metadata"):
        for m in root:
            out.append((m.get("name", ""), m.get("scheme", ""), squash(m.get("content"))))
    elif local(root.tag) == "owms-metadata":
        names = {"identifier": "DC.identifier", "title": "DC.title", "type": "DC.type", "issued": "DCTERMS.issued"}
        for e in root.iter():
            tag = e.tag
            ns, name = (tag[1:].split("}") if tag.startswith("{") else ("", tag))
            if len(e):
                continue
            if ns == "http://purl.org/dc/terms/" and name in names:
                out.append((names[name], e.get("scheme", ""), squash(e.text)))
            elif ns == "http://standaarden.overheid.nl/oep/meta/":
                out.append(("OVERHEIDop." + name, e.get("scheme", ""), squash(e.text)))
    return out


def first(fields, name, scheme=None):
    for n, s, v in fields:
        if n.lower() == name.lower() and v and (scheme is None or scheme(s)):
            return v
    return ""


def type_scheme(scheme):
    """KamerstukTypen, AanhangselTypen, ...: the vocabularies of document types."""
    return scheme.startswith("OVERHEIDop.") and scheme.endswith("Typen") and scheme != "OVERHEIDop.Parlementair"


def main():
    path = Path(sys.argv[1])
    root = parse(path)
    inline = next((e for e in root if local(e.tag) == "metadata"), None)
    inline_fields = record_fields(inline) if inline is not None else []
    stem = path.name[:-4] if path.name.endswith(".xml") else path.stem
    companion = None
    for name in (stem + ".metadata.xml", stem + ".metadata_owms.xml", "metadata.xml", "metadata_owms.xml"):
        if (path.parent / name).exists() and name != path.name:
            companion = path.parent / name
            break
    fields = (record_fields(parse(companion)) if companion else []) + inline_fields
    source = "companion" if companion else ("inline" if first(fields, "DC.identifier") else "printed")

    # What the text prints.
    stuk = root.find(".//stuk")
    dossiers = []
    for d in root.iter("dossier"):
        number = d.find("dossiernummer")
        parts = [squash(number.findtext("dossiernr"))]
        parts += [squash(p.text) for p in number if p.tag in ("raadnr", "begrotingshoofdstuk")]
        compact = re.sub(r"\s", "", parts[0]) + "".join("-" + p for p in parts[1:] if p)
        dossiers.append((compact, all_text(d.find("titel"))))
    printed_title = ""
    printed_date = ""
    printed_number = ""
    if stuk is not None:
        printed_title = text_without_notes(stuk.find("titel"))
        datum = stuk.find("datumtekst/datum")
        printed_date = datum.get("isodatum", "") if datum is not None else ""
        printed_number = squash(stuk.findtext("stuknr/ondernummer"))
    if root.find(".//kamervraagnummer") is not None:
        printed_number = squash(root.findtext(".//kamervraagnummer"))
    items = root.findall(".//agendapunt") + root.findall(".//handeling_bijlage")
    item = items[0] if len(items) == 1 else None
    if item is not None and not printed_title:
        printed_title = all_text(item.find("item-titel"))
    extern = first(inline_fields, "OVERHEIDop.externMetadataRecord")
    extern_id = extern.rstrip("/").rsplit("/", 2)[-2] if extern.endswith("/metadata.xml") else ""
    printed_id = f"kst-{dossiers[0][0]}-{printed_number}" if dossiers and printed_number else ""

    words = printed_title.split(" VAN ")[0] if printed_title.isupper() else ""
    printed_type = words[:1] + words[1:].lower() if words else ""

    facts = {
        "source": source,
        "id": first(fields, "DC.identifier") or extern_id or printed_id,
        "title": first(fields, "OVERHEIDop.documenttitel") or first(fields, "DC.title") or printed_title,
        "date": first(fields, "DCTERMS.issued") or printed_date,
        "item_number": first(fields, "OVERHEIDop.ondernummer") or first(fields, "OVERHEIDop.aanhangselnummer")
        or printed_number,
        "document_type": first(fields, "DC.type", type_scheme) or printed_type,
    }
    for k, v in facts.items():
        print(f"{k}\t{v}")
    if dossiers:
        for number, title in dossiers:
            print(f"dossier\t{number}\t{title}")
    elif first(fields, "OVERHEIDop.dossiernummer"):
        print(f"dossier\t{first(fields, 'OVERHEIDop.dossiernummer')}\t{first(fields, 'OVERHEIDop.dossiertitel')}")


if __name__ == "__main__":
    main()
