#!/usr/bin/python3
"""Builds the reconstructed SyncFeed pages of this folder from real OData JSON.

No SyncFeed XML file was found in any public repository (see
tests/data/corpus/SOURCES.md, notes 2 and 7), but the OData API serves the
same entities with the same attributes. This script writes each OData
entity as the SyncFeed would: an Atom <entry> whose <content> embeds the
entity element in the tkData namespace, with

  * the entity's child elements in the order of its official XSD
    (tests/data/corpus/schemas/tkData-v1-0-*.xsd, read here, not copied),
  * Id -> @id, GewijzigdOp -> @tk:bijgewerkt, Verwijderd -> @tk:verwijderd,
    ContentType/ContentLength -> @tk:contentType/@tk:contentLength,
    ApiGewijzigdOp -> the entry's <updated> (as the portal's documentation
    maps them), relations -> <relation ref="GUID"/>, nulls -> xsi:nil on
    nillable elements and absent otherwise,
  * entries ordered by <updated>, as the feed orders changes.

The skiptoken numbers in the links are placeholders: the real ones are not
known. Run from anywhere:

    /usr/bin/python3 tests/data/tk-opendata/make_syncfeed.py [OUTPUT-FOLDER]
"""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests/data/corpus"
HERE = ROOT / "tests/data/tk-opendata"
SAMPLE = ROOT / "samples/kst-33279-36"
XS = "{http://www.w3.org/2001/XMLSchema}"
TK = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
FEED = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"

# OData entity type -> XSD element name (the XSD file is tkData-v1-0-<lower>.xsd).
ELEMENT = {"Document": "document", "DocumentVersie": "documentVersie", "Zaak": "zaak",
           "Kamerstukdossier": "kamerstukdossier", "DocumentActor": "documentActor"}
# Navigation properties whose entities the v1-0 XSDs do not define.
NOT_IN_XSD = {"DocumentPublicatie", "DocumentPublicatieMetadata"}
ENVELOPE = {"Id", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd", "ContentType", "ContentLength"}


def xsd_sequence(element):
    """[(name, is_relation, nillable)] of the entity's XSD, in order."""
    schema = ET.parse(CORPUS / "schemas" / f"tkData-v1-0-{element.lower()}.xsd").getroot()
    ctype = next(c for c in schema.iter(XS + "complexType") if c.get("name") == element + "Type")
    out = []
    for el in ctype.iter(XS + "element"):
        out.append((el.get("name"), el.get("type") == "referentieLiteral", el.get("nillable") == "true"))
    return out


def text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def entity_xml(etype, odata, refs, prefix=""):
    """The entity element; `refs` maps a relation name (OData) to GUIDs."""
    element = ELEMENT[etype]
    p = prefix + ":" if prefix else ""
    ns_decl = f'xmlns:{prefix}="{TK}"' if prefix else f'xmlns="{TK}" xmlns:tk="{TK}"'
    att = "tk" if not prefix else prefix
    attrs = [ns_decl, f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', f'id="{odata["Id"]}"']
    attrs.append(f'{att}:bijgewerkt={quoteattr(odata["GewijzigdOp"])}')
    attrs.append(f'{att}:verwijderd="{text(bool(odata.get("Verwijderd")))}"')
    for key, name in (("ContentType", "contentType"), ("ContentLength", "contentLength")):
        if odata.get(key) is not None:
            attrs.append(f"{att}:{name}={quoteattr(text(odata[key]))}")
    lower = {k.lower(): k for k in odata}
    used = set(ENVELOPE)
    children = []
    for name, is_relation, nillable in xsd_sequence(element):
        if is_relation:
            for guid in refs.get(name[0].upper() + name[1:], []):
                children.append(f'<{p}{name} ref="{guid}"/>')
            continue
        key = lower.get(name.lower())
        if key is None:
            continue
        used.add(key)
        value = odata[key]
        if value is None:
            if nillable:
                children.append(f'<{p}{name} xsi:nil="true"/>')
            continue
        children.append(f"<{p}{name}>{escape(text(value))}</{p}{name}>")
    unused = [k for k, v in odata.items()
              if k not in used and not k.endswith("_Id") and not k.startswith("@") and not isinstance(v, (dict, list))]
    if unused:
        sys.exit(f"{etype} {odata['Id']}: OData properties with no XSD element: {unused}")
    body = "".join(children)
    return f'<{p}{element} {" ".join(attrs)}>{body}</{p}{element}>'


def entry(etype, odata, refs, prefix=""):
    guid = odata["Id"]
    links = ""
    if etype == "Document" and odata.get("ContentType"):
        links += f'<link rel="enclosure" href="{FEED}/Resources/{guid}"/>'
    return (f"<entry><title>{guid}</title><id>{FEED}/Entiteiten/{guid}</id>"
            f"<updated>{odata['ApiGewijzigdOp']}</updated>"
            f'<category term="{ELEMENT[etype]}"/>{links}'
            f'<content type="application/xml">{entity_xml(etype, odata, refs, prefix)}</content></entry>')


def page(entries, first_token):
    """An Atom page: entries as (updated, xml), ordered by updated."""
    entries = sorted(entries, key=lambda e: e[0])
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             "<title type=\"text\">Gegevensmagazijn SyncFeed</title>",
             f"<id>{FEED}/Feed</id>",
             f"<updated>{entries[-1][0]}</updated>",
             f'<link rel="self" href="{FEED}/Feed?skiptoken={first_token}"/>',
             f'<link rel="next" href="{FEED}/Feed?skiptoken={first_token + len(entries)}"/>']
    lines += [xml for _, xml in entries]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def document_entries(doc, extra_refs, dossier=None):
    """Entries for one OData Document and the related entities it expands."""
    out = []
    refs = {k: list(v) for k, v in extra_refs.items()}
    version = doc.get("HuidigeDocumentVersie")
    if doc.get("HuidigeDocumentVersie_Id"):
        refs["HuidigeDocumentVersie"] = [doc["HuidigeDocumentVersie_Id"]]
    for zaak in doc.get("Zaak", []):
        refs.setdefault("Zaak", []).append(zaak["Id"])
        out.append((zaak["ApiGewijzigdOp"] or "", entry("Zaak", zaak, {}, prefix="ns1")))
    if doc.get("Kamerstukdossier"):
        k = doc["Kamerstukdossier"]
        refs["Kamerstukdossier"] = [k["Id"]]
        out.append((k["ApiGewijzigdOp"] or "", entry("Kamerstukdossier", k, {})))
    out.append((doc["ApiGewijzigdOp"] or "", entry("Document", doc, refs)))
    if version:
        missing = [k for k in version if k in NOT_IN_XSD]
        if missing:
            print(f"{version['Id']}: left out {missing} (no entity in the v1-0 XSDs)", file=sys.stderr)
        out.append((version["ApiGewijzigdOp"] or "", entry("DocumentVersie", version, {"Document": [doc["Id"]]})))
    return out


def zaak_records():
    entries = []
    for path in sorted((CORPUS / "tk-opendata").glob("*.odata-zaak.json")):
        zaak = json.loads(path.read_text(encoding="utf-8"))
        # The zaak as its own entry (prefixed, as some real feeds write
        # entities), each of its documents with a <zaak ref> to it.
        entries.append((zaak["ApiGewijzigdOp"], entry("Zaak", zaak, {}, prefix="ns1")))
        for doc in zaak["Document"]:
            entries += document_entries(doc, {"Zaak": [zaak["Id"]]})
    return page(entries, 19000000)


def document_page():
    docs = json.loads((CORPUS / "tk-opendata/odata-document-page-100.json").read_text(encoding="utf-8"))
    return page([(d["ApiGewijzigdOp"], entry("Document", d, {})) for d in docs], 19100000)


def flagship():
    doc = json.loads((SAMPLE / "kst-33279-36.odata.json").read_text(encoding="utf-8"))
    return page(document_entries(doc, {}), 19200000)


def main():
    # With a folder argument the pages go there instead (the tests use this
    # to check that the committed fixtures are exactly this script's output).
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    sample = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    (here / "syncfeed-zaak-records.xml").write_text(zaak_records(), encoding="utf-8")
    (here / "syncfeed-document-page-100.xml").write_text(document_page(), encoding="utf-8")
    (sample / "kst-33279-36.syncfeed.xml").write_text(flagship(), encoding="utf-8")


if __name__ == "__main__":
    main()
