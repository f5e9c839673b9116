#!/usr/bin/python3
"""Writes a large SyncFeed dump for memory and speed measurements.

    make_big_feed.py OUT.xml MEGABYTES

The dump is one Atom <feed> whose entries are the 24 entries of the
reconstructed page tests/data/tk-opendata/syncfeed-zaak-records.xml (eight
Zaak, Document and DocumentVersie records each), repeated with fresh GUIDs
per copy so every copy is a distinct set of entities whose relations still
resolve within it. Never commit its output.
"""

import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "tests/data/tk-opendata/syncfeed-zaak-records.xml"
GUID = re.compile(r"\b[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b")


def main():
    out, megabytes = Path(sys.argv[1]), float(sys.argv[2])
    text = SOURCE.read_text(encoding="utf-8")
    first = text.index("<entry>")
    last = text.rindex("</entry>") + len("</entry>")
    head, entries, tail = text[:first], text[first:last] + "\n", text[last:]
    target = int(megabytes * 1024 * 1024)
    written = 0
    copies = 0
    with out.open("w", encoding="utf-8") as f:
        f.write(head)
        written += len(head)
        while written + len(tail) < target:
            copy = GUID.sub(lambda m: f"{copies:08x}{m.group(1)}", entries)
            f.write(copy)
            written += len(copy.encode("utf-8"))
            copies += 1
        f.write(tail)
    print(copies * 8)  # the number of Document entities


if __name__ == "__main__":
    main()
