#!/usr/bin/python3
"""Parses RDF files with rdflib (Debian's python3-rdflib), an implementation
independent of the exporters, and answers SPARQL queries over them:

    check_rdf.py GRAPH... [--query SPARQL]...

A GRAPH is a file (.ttl Turtle, .nt N-Triples, .jsonld JSON-LD) or several
joined by '+', loaded into one graph. Prints one JSON object:

    {"triples": [n, ...],            per GRAPH
     "isomorphic": [true, ...],      per GRAPH: the same graph as the first GRAPH
     "results": [[[[cell, ...], ...], ...], ...]}
                                     per GRAPH, per query: rows of cells (str(term) or null)

Exit status 1 with the parser's message on stderr when a file does not parse.
Nothing is fetched from the network: the JSON-LD context is in the file.
"""
import json
import sys

import rdflib
from rdflib.compare import isomorphic

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def load(spec):
    g = rdflib.Graph()
    for path in spec.split("+"):
        fmt = next(f for ext, f in FORMATS.items() if path.endswith(ext))
        g.parse(path, format=fmt)
    return g


def main():
    args = sys.argv[1:]
    graphs, queries = [], []
    while args:
        a = args.pop(0)
        if a == "--query":
            queries.append(args.pop(0))
        else:
            graphs.append(a)
    try:
        loaded = [load(spec) for spec in graphs]
    except Exception as e:  # any parser error is a failed check
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    results = [[[[None if cell is None else str(cell) for cell in row] for row in g.query(q)] for q in queries]
               for g in loaded]
    json.dump({
        "triples": [len(g) for g in loaded],
        "isomorphic": [isomorphic(loaded[0], g) for g in loaded],
        "results": results,
    }, sys.stdout)  # ASCII with \u escapes, whatever the locale
    return 0


if __name__ == "__main__":
    sys.exit(main())
