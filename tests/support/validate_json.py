#!/usr/bin/python3
"""Validate stukwerk JSON output against the document schema.

An independent check: Debian's python3-jsonschema, not stukwerk's own
code, decides whether a file is valid. Usage:
    validate_json.py SCHEMA FILE...
A .jsonl file is checked line by line. Exits 0 when everything is valid;
otherwise prints one line per error and exits 1.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    errors = 0
    checked = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".jsonl"):
                docs = [(f"{path}:{n}", json.loads(line)) for n, line in enumerate(f, 1) if line.strip()]
            else:
                docs = [(path, json.load(f))]
        for where, doc in docs:
            checked += 1
            for error in validator.iter_errors(doc):
                errors += 1
                location = "/".join(str(p) for p in error.absolute_path)
                print(f"{where}: at /{location}: {error.message}")
    if checked == 0:
        print("no documents to validate")
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
