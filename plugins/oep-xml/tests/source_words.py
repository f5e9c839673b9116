#!/usr/bin/python3
"""Checks that no word of an XML source is lost in stukwerk's JSON output.

    source_words.py SOURCE.xml OUTPUT_DIR

Reads SOURCE.xml with Python's own xml.etree (not with the importer's code),
lists every word of every text node and of the attribute values the importer
maps (meta/metadata content, extref doc, lijst type, illustratie naam,
tekstregel inhoud, itemUrl manifestation, hasVersion resourceIdentifier; a
`scheme` is not counted: it chooses the field a value lands in),
and checks that each occurs at least as often in the documents of OUTPUT_DIR
(*.json): their id, metadata (raw included), body text, labels, link targets,
speakers and footnotes. Warnings and provenance do not count.

Prints "ok: N words" and exits 0, or lists the missing words and exits 1.
"""
import collections
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

MAPPED_ATTRIBUTES = {
    "meta": ("content",),
    "metadata": ("content",),
    "extref": ("doc",),
    "lijst": ("type",),
    "illustratie": ("naam",),
    "tekstregel": ("inhoud",),
    "itemUrl": ("manifestation",),
    "hasVersion": ("resourceIdentifier",),
}
WORD = re.compile(r"\w+")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def source_text(raw: bytes) -> bytes:
    # The 2018 Handelingen of the corpus were UTF-8 encoded twice; undo that
    # the way Python's codecs do, independently of the importer.
    if raw.startswith(b"\xc3\xaf\xc2\xbb\xc2\xbf"):
        raw = raw.decode("utf-8").encode("latin-1").decode("utf-8").lstrip("\ufeff").encode("utf-8")
    return raw.lstrip()


def source_words(path: Path) -> collections.Counter:
    root = ET.fromstring(source_text(path.read_bytes()))
    words = collections.Counter()
    for element in root.iter():
        name = local(element.tag) if isinstance(element.tag, str) else ""
        if element.text:
            words.update(WORD.findall(element.text))
        if element is not root and element.tail:
            words.update(WORD.findall(element.tail))
        for attribute in MAPPED_ATTRIBUTES.get(name, ()):
            value = element.get(attribute)
            if value:
                words.update(WORD.findall(value))
    return words


SKIP = {"type", "role", "kind", "styles", "level", "ordered", "header", "row_span", "col_span", "source", "inlines",
        "warnings", "references", "status"}


def output_strings(value, key=""):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from output_strings(item, key)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k in SKIP:
                continue
            yield from output_strings(v, k)


def inline_strings(holder):
    """The text of a block or footnote run by run, so that a footnote label
    is not glued to the word before it ("enablers" + "2"), and link targets."""
    if "inlines" not in holder:
        if holder.get("text"):
            yield holder["text"]
        return
    for inline in holder["inlines"]:
        if inline.get("text"):
            yield inline["text"]
        if inline.get("kind") == "link" and inline.get("target"):
            yield inline["target"]


def block_strings(block):
    """A block's text, its label and speaker, and the same of its children."""
    yield from inline_strings(block)
    if block.get("label"):
        yield block["label"]
    speaker = block.get("speaker", {})
    yield from (v for v in speaker.values() if isinstance(v, str))
    for k in ("children", "items", "rows", "cells"):
        for child in block.get(k, []):
            yield from block_strings(child)


def document_words(doc) -> collections.Counter:
    words = collections.Counter(WORD.findall(doc.get("id", "")))
    metadata = doc.get("metadata", {})
    for s in output_strings({k: v for k, v in metadata.items() if k != "raw"}):
        words.update(WORD.findall(s))
    for field in metadata.get("raw", []):  # the value and scheme of each field; its name is not source text
        words.update(WORD.findall(field.get("value", "")))
        words.update(WORD.findall(field.get("scheme", "")))
    for block in doc.get("body", []):
        for s in block_strings(block):
            words.update(WORD.findall(s))
    for note in doc.get("footnotes", []):
        words.update(WORD.findall(note.get("label", "")))
        for s in inline_strings(note):
            words.update(WORD.findall(s))
    return words


def main() -> int:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    wanted = source_words(source)
    got = collections.Counter()
    documents = sorted(out.glob("*.json"))
    for f in documents:
        got.update(document_words(json.loads(f.read_text(encoding="utf-8"))))
    missing = {w: n - got[w] for w, n in wanted.items() if got[w] < n}
    if not documents:
        print(f"{source.name}: no documents in {out}")
        return 1
    if missing:
        shown = ", ".join(f"{w!r}x{n}" for w, n in sorted(missing.items())[:40])
        print(f"{source.name}: {sum(missing.values())} source word(s) missing from the output: {shown}")
        return 1
    print(f"ok: {sum(wanted.values())} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
