#!/usr/bin/python3
"""Reads CSV tables with Python's csv module, an implementation independent
of the exporter, and prints them as one JSON object:

    read_tables.py [--bom] FILE...   ->   {"FILE": [[header...], [row...], ...], ...}

strict mode: a malformed quote is an error, not a guess. Every table must be
RFC 4180 as written: records end with CRLF and all have the header's number
of fields, and Python's own csv.writer (RFC 4180 quoting: only fields with a
comma, quote, CR or LF) must write the rows it read back to the very same
bytes. With --bom each file must start with a UTF-8 byte-order mark;
without it none may. Exit status 1 with the reason on stderr otherwise.
"""
import csv
import io
import json
import sys

BOM = b"\xef\xbb\xbf"


def read(path, bom):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(BOM) != bom:
        raise ValueError(f"{path}: byte-order mark {'missing' if bom else 'present'}")
    if raw and not raw.endswith(b"\r\n"):
        raise ValueError(f"{path}: the last record does not end with CRLF")
    raw.decode("utf-8")  # strict: bad UTF-8 is an error, not a replacement character
    csv.field_size_limit(1 << 30)
    # newline="" as the csv module asks: CR and LF inside quoted fields reach
    # the reader untranslated.
    with open(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    for i, row in enumerate(rows):
        if len(row) != len(rows[0]):
            raise ValueError(f"{path}: record {i + 1} has {len(row)} fields, the header {len(rows[0])}")
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue().encode("utf-8") != raw[len(BOM) if bom else 0:]:
        raise ValueError(f"{path}: Python's csv.writer writes these rows differently")
    return rows


def main():
    args = sys.argv[1:]
    bom = args[:1] == ["--bom"]
    if bom:
        args = args[1:]
    try:
        out = {path: read(path, bom) for path in args}
    except (ValueError, csv.Error, UnicodeDecodeError) as e:
        print(e, file=sys.stderr)
        return 1
    json.dump(out, sys.stdout)  # ASCII with \u escapes, whatever the locale
    return 0


if __name__ == "__main__":
    sys.exit(main())
