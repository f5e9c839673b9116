#!/usr/bin/python3
"""What a KOOP "html" manifestation (XHTML) shows, read with Python's own XML
reader, for comparing the XML import of the same publication with it.

    html_view.py PUBLICATION.html

Prints "meta<TAB>name<TAB>scheme<TAB>content" for every <meta name=...> and
"text<TAB>..." for every heading and paragraph of div#broodtekst in reading
order (whitespace collapsed).
"""
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


def squash(text):
    return " ".join(text.replace("\u00a0", " ").split())


def main():
    root = ET.parse(sys.argv[1]).getroot()
    for meta in root.iter(XHTML + "meta"):
        if meta.get("name"):
            print(f"meta\t{meta.get('name')}\t{meta.get('scheme', '')}\t{squash(meta.get('content', ''))}")
    body = next(d for d in root.iter(XHTML + "div") if d.get("id") == "broodtekst")
    for element in body.iter():
        if element.tag in (XHTML + "h1", XHTML + "h2", XHTML + "h3", XHTML + "p"):
            print(f"text\t{squash(''.join(element.itertext()))}")


if __name__ == "__main__":
    main()
