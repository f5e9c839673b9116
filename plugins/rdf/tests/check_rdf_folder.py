#!/usr/bin/python3
"""Parses every document's RDF in a folder with rdflib, in one process:

    check_rdf_folder.py DIR   ->   {"STEM": {"triples": [ttl, nt, jsonld], "isomorphic": bool}, ...}

For each STEM.ttl in DIR, STEM.nt and STEM.jsonld must exist too; the three
are parsed and compared as graphs. Exit status 1 with the file and the
parser's message on stderr when one is missing or does not parse.
"""
import json
import os
import sys

import rdflib
from rdflib.compare import isomorphic


def main():
    folder = sys.argv[1]
    out = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ttl"):
            continue
        stem = name[:-4]
        graphs = []
        for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
            path = os.path.join(folder, stem + ext)
            try:
                graphs.append(rdflib.Graph().parse(path, format=fmt))
            except Exception as e:  # a missing or unparsable file is a failed check
                print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
                return 1
        out[stem] = {"triples": [len(g) for g in graphs],
                     "isomorphic": isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
