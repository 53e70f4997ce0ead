#!/usr/bin/env python3
"""Writes a Claim.ndjson of N claims for measuring validate-claims: the example Claims of
fhir-resources/examples repeated, each with its own id and one of N/4 patients.

Usage: scripts/bulk-sample.py N OUT_DIR
"""
import csv
import json
import pathlib
import sys

count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
examples = pathlib.Path(__file__).resolve().parent.parent / "fhir-resources" / "examples"
with open(examples / "expected-rule-ids.csv") as table:
    claims = [json.loads((examples / row[0]).read_text()) for row in csv.reader(table)
              if row and row[0].startswith("claim-")]
out.mkdir(parents=True, exist_ok=True)
with open(out / "Claim.ndjson", "w") as ndjson:
    for i in range(count):
        claim = dict(claims[i % len(claims)], id=f"c{i}", patient={"reference": f"Patient/p{i % max(1, count // 4)}"})
        ndjson.write(json.dumps(claim) + "\n")
