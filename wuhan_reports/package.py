"""Write the tables as CSV and describe them in datapackage.json (Frictionless Data Package v1).

Output is deterministic: rows in a fixed order, numbers in one canonical form, LF line ends, UTF-8
without BOM, JSON with fixed key order. Two builds of the same inputs are byte-identical.
"""
import csv
import functools
import hashlib
import io
import json
import math
import os

import yaml

from . import fields

HERE = os.path.dirname(__file__)
DATA_DIR = "data"
DATABASE_NAME = "reports"


@functools.lru_cache(maxsize=1)
def dataset():
    """Package-level metadata from dataset.yml (name, title, version, licenses, ...)."""
    with open(os.path.join(HERE, "dataset.yml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def format_value(value):
    """The CSV text of one cell: '' for None, integers without '.0', floats in shortest form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"not a finite number: {value}")
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    return str(value)


def csv_bytes(table, rows):
    """The CSV file of `rows` (dicts) with the table's columns, in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in rows:
        writer.writerow([format_value(row.get(c)) for c in table.columns])
    return out.getvalue().encode("utf-8")


def field_schema(f):
    schema = {"name": f.name, "type": f.type, "description": f.description}
    constraints = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.pattern:
        constraints["pattern"] = f.pattern
    if constraints:
        schema["constraints"] = constraints
    return schema


def table_schema(table):
    schema = {
        "fields": [field_schema(f) for f in table.fields],
        "primaryKey": [table.primary_key],
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [col], "reference": {"resource": "" if ref == table.name else ref, "fields": [ref_col]}}
            for col, ref, ref_col in table.foreign_keys
        ]
    return schema


def resource(table, data):
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": f"{DATA_DIR}/{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": table_schema(table),
    }


def descriptor(resources, documents):
    """The datapackage.json content for the given resources and documents rows."""
    ds = dataset()
    return {
        "profile": "tabular-data-package",
        "name": ds["name"],
        "title": ds["title"],
        "description": ds["description"],
        "version": ds["version"],
        "created": ds["created"],
        "homepage": ds.get("homepage") or None,
        "keywords": ds["keywords"],
        "licenses": ds["licenses"],
        "contributors": ds["contributors"],
        "sources": [source(d) for d in documents],
        "resources": resources,
    }


def source(document):
    s = {"title": f"{document['title'] or document['source_file']} ({document['source_file']}, "
                  f"sha256 {document['source_sha256'][:12]})"}
    if document.get("source_url"):
        s["path"] = document["source_url"]
    return s


def write_package(out_dir, tables):
    """Write data/*.csv and datapackage.json for {table name: rows} into out_dir; return the descriptor."""
    os.makedirs(os.path.join(out_dir, DATA_DIR), exist_ok=True)
    resources = []
    for table in fields.TABLES:
        data = csv_bytes(table, tables[table.name])
        with open(os.path.join(out_dir, DATA_DIR, f"{table.name}.csv"), "wb") as fh:
            fh.write(data)
        resources.append(resource(table, data))
    desc = descriptor(resources, tables["documents"])
    desc = {k: v for k, v in desc.items() if v is not None}
    with open(os.path.join(out_dir, "datapackage.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(desc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return desc


def duplicate_keys(tables):
    """Problems for values repeated in a primary-key or unique column of {table name: rows}."""
    problems = []
    for table in fields.TABLES:
        for f in table.fields:
            if f.name != table.primary_key and not f.unique:
                continue
            seen, repeated = set(), set()
            for row in tables[table.name]:
                value = row.get(f.name)
                (repeated if value in seen else seen).add(value)
            problems += [f"{table.name}: {f.name} {value!r} occurs more than once" for value in sorted(repeated)][:20]
    return problems


def validate(out_dir):
    """Frictionless validation of the package in out_dir: a list of error messages (empty if valid)."""
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(os.path.join(out_dir, "datapackage.json")).validate()
    if report.valid:
        return []
    return [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors][:50] + \
        [err.message for err in report.errors]
