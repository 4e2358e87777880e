"""Write the tables as CSV and describe them in datapackage.json (Frictionless Data Package v1).

Output is deterministic: rows in a fixed order, numbers in one canonical form, LF line ends, UTF-8
without BOM, JSON with fixed key order. Two builds of the same inputs are byte-identical.
"""
import csv
import dataclasses
import functools
import hashlib
import io
import json
import math
import os

import yaml

from . import fields, paths

DATA_DIR = "data"
DATABASE_NAME = "reports"


@functools.lru_cache(maxsize=1)
def dataset():
    """Package-level metadata from dataset.yml (name, title, version, licenses, ...)."""
    with open(paths.DATASET_YML, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def format_value(value):
    """The CSV text of one cell: '' for None, integers without '.0', floats in shortest form."""
    if value.__class__ is str:  # most cells, first
        return value
    if value.__class__ is int:  # not bool (a subclass of int)
        return str(value)
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
    return csv_rows(table, [dict(zip(table.columns, table.columns))]) + csv_rows(table, rows)


def csv_rows(table, rows):
    """The CSV lines of `rows` (dicts), without the header line. A row's line does not depend on the rows
    around it, so a table's file is its header followed by any split of its rows, concatenated."""
    out = io.StringIO()
    columns = table.columns
    csv.writer(out, lineterminator="\n").writerows([format_value(row.get(c)) for c in columns] for row in rows)
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


def table_of(resource):
    """The fields.Table a datapackage.json resource describes (the inverse of `resource`, as far as loading
    a database needs: names, types, required columns, keys; its foreign-key columns are indexed)."""
    schema = resource["schema"]
    columns = tuple(fields.Field(f["name"], f["type"], f.get("description", ""), "",
                                 required=f.get("constraints", {}).get("required", False)) for f in schema["fields"])
    foreign_keys = tuple((fk["fields"][0], fk["reference"]["resource"] or resource["name"],
                          fk["reference"]["fields"][0]) for fk in schema.get("foreignKeys", []))
    return fields.Table(resource["name"], resource.get("title", ""), "", resource.get("description", ""), "",
                        columns, primary_key=schema["primaryKey"][0], foreign_keys=foreign_keys,
                        indexes=tuple(col for col, _, _ in foreign_keys))


def resource(table, data=None, size=None, digest=None):
    """The resource of a table whose CSV file is `data` (or has `size` bytes and sha256 hex `digest`)."""
    if data is not None:
        size, digest = len(data), hashlib.sha256(data).hexdigest()
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": f"{DATA_DIR}/{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": size,
        "hash": "sha256:" + digest,
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


@dataclasses.dataclass(frozen=True)
class Span:
    """The bytes [offset, offset + length) of the file at `path`: a part of a previous build's CSV file that
    an incremental build copies rather than writes again (see write_package_parts)."""
    path: str
    offset: int
    length: int

    def follows(self, other):
        return self.path == other.path and self.offset == other.offset + other.length


COPY_CHUNK = 16 * 1024 * 1024


def write_package_parts(out_dir, documents, parts, layout=None):
    """Write data/*.csv and datapackage.json into out_dir; return the descriptor.

    `parts` is an iterable of {table name: CSV lines (bytes, csv_rows) or a Span of an existing file}:
    each table's file is its header followed by its parts in order. It is consumed once, as it comes
    (nothing is held but the files' sizes). `documents` are the documents rows (for the package's sources), in
    the same order: any iterable, read once, after the parts, and written out as it is read (the descriptor
    returned has no `sources`). `layout`, a list, receives {table name: [offset, length]} of each part in its
    file. A run of Spans is copied in one go, by the kernel where it can (copy_span), and a file with copied
    bytes is hashed once written, by reading it back (hashing as it is written would read every copied byte into
    Python); a file of written parts only is hashed as it is written."""
    os.makedirs(os.path.join(out_dir, DATA_DIR), exist_ok=True)
    paths = {t.name: os.path.join(out_dir, DATA_DIR, f"{t.name}.csv") for t in fields.TABLES}
    files = {name: open(path, "wb", buffering=0) for name, path in paths.items()}  # copy_span writes at the fd
    sizes, pending, hashes = {}, {}, {}

    def write(name, data):
        _write_all(files[name], data)
        sizes[name] += len(data)
        if hashes[name] is not None:
            hashes[name].update(data)

    def flush(name):
        span = pending.pop(name, None)
        if span:
            copy_span(span, files[name])
            sizes[name] += span.length
            hashes[name] = None  # hashed once written

    try:
        for table in fields.TABLES:
            sizes[table.name], hashes[table.name] = 0, hashlib.sha256()
            write(table.name, csv_bytes(table, []))
        for part in parts:
            placed = {}
            for name, data in part.items():
                length = len(data) if isinstance(data, bytes) else data.length
                placed[name] = [sizes[name] + (pending[name].length if name in pending else 0), length]
                if isinstance(data, bytes):
                    flush(name)
                    write(name, data)
                elif name in pending and data.follows(pending[name]):  # one copy for a run of parts
                    pending[name] = Span(data.path, pending[name].offset, pending[name].length + data.length)
                else:
                    flush(name)
                    pending[name] = data
            if layout is not None:
                layout.append(placed)
        for name in list(pending):
            flush(name)
    finally:
        for fh in files.values():
            fh.close()
    digests = {name: h.hexdigest() if h is not None else file_sha256(paths[name]) for name, h in hashes.items()}
    resources = [resource(t, size=sizes[t.name], digest=digests[t.name]) for t in fields.TABLES]
    desc = descriptor(resources, ())
    desc = {k: v for k, v in desc.items() if v is not None}
    # json.dump's text with the sources written as the documents come: a list of every source is not held
    before, after = json.dumps(desc, ensure_ascii=False, indent=2).split('"sources": []', 1)
    with open(os.path.join(out_dir, "datapackage.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(before + '"sources": ')
        _write_list(fh, (source(d) for d in documents), "  ")
        fh.write(after + "\n")
    del desc["sources"]
    return desc


def _write_list(fh, items, indent):
    """Write a JSON list of `items` as json.dump(indent=2) writes it at the nesting level of `indent`."""
    inner, opened = indent + "  ", False
    for item in items:
        fh.write(",\n" if opened else "[\n")
        fh.write(inner + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner))
        opened = True
    fh.write("\n" + indent + "]" if opened else "[]")


def _write_all(fh, data):
    """Write all of `data` to an unbuffered file (whose write may take only part of it)."""
    view = memoryview(data)
    while view:
        view = view[fh.write(view):]


def copy_span(span, fh):
    """Append the bytes of a Span to the unbuffered file fh: copied by the kernel (os.copy_file_range, no
    byte through Python) where the system has it, else read and written in chunks; OSError if the file is
    shorter than the span."""
    with open(span.path, "rb") as src:
        offset, left = span.offset, span.length
        kernel = hasattr(os, "copy_file_range")
        while left:
            if kernel:
                try:
                    n = os.copy_file_range(src.fileno(), fh.fileno(), min(left, COPY_CHUNK), offset)
                except OSError:  # not between these files here (an old kernel, another file system): by hand
                    kernel = False
                    continue
            else:
                src.seek(offset)
                data = src.read(min(left, COPY_CHUNK))
                _write_all(fh, data)
                n = len(data)
            if not n:
                raise OSError(f"{span.path}: shorter than the previous build recorded")
            offset, left = offset + n, left - n


def file_sha256(path):
    """The sha256 of a file's bytes, as hex."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def key_fields(table):
    """The primary-key and unique fields of a table."""
    return [f for f in table.fields if f.name == table.primary_key or f.unique]


def repeated_keys(values):
    """Problems for values repeated in {table name: {key column: [values]}}."""
    problems = []
    for table in fields.TABLES:
        for f in key_fields(table):
            seen, repeated = set(), set()
            for value in values.get(table.name, {}).get(f.name, []):
                (repeated if value in seen else seen).add(value)
            problems += [f"{table.name}: {f.name} {value!r} occurs more than once" for value in sorted(repeated)][:20]
    return problems


def validate(out_dir, ignore=(), lookups=True):
    """Frictionless validation of the package in out_dir: a list of error messages (empty if valid).
    `ignore`: (resource name, error type) pairs not to report (checked another way).

    Without `lookups`, frictionless checks everything but the foreign keys, and foreign_key_problems checks
    those: frictionless builds each foreign key's lookup by reading the whole referenced table again, every
    field cast (sections, with the report's text, once per table that points into it: half the time of a
    validation); foreign_key_problems reads only the key columns, once."""
    from frictionless import Package, system

    path = os.path.join(out_dir, "datapackage.json")
    with open(path, encoding="utf-8") as fh:
        descriptor = json.load(fh)
    problems = [] if lookups else foreign_key_problems(out_dir, descriptor, ignore)
    if not lookups:  # the descriptor was read just now, for this validation only
        for resource in descriptor["resources"]:
            resource["schema"].pop("foreignKeys", None)
    with system.use_context(trusted=True):
        report = Package(descriptor, basepath=out_dir).validate()
    if report.valid:
        return problems
    return ([f"{task.name}: {err.message}" for task in report.tasks for err in task.errors
             if (task.name, err.type) not in ignore] + problems)[:50] + [err.message for err in report.errors]


MISSING = ""  # a missing value in these CSV files (missingValues): a foreign key left empty points nowhere


def foreign_key_problems(out_dir, descriptor, ignore=()):
    """Problems for rows of the package in out_dir whose foreign keys (as datapackage.json declares them) are
    not keys of the table they point into, as frictionless words them; a row whose key cells are all empty
    points nowhere and is no problem (frictionless's rule). `ignore` as in validate. Each file is read once for
    the keys pointing out of it, and once for each set of columns pointed at; only those columns are kept."""
    resources = {r["name"]: r for r in descriptor["resources"]}
    problems, known = [], {}

    def keys(name, columns):
        if (name, columns) not in known:
            known[name, columns] = {cells for _, (cells,) in _csv_columns(out_dir, resources[name], [columns])}
        return known[name, columns]

    for resource in descriptor["resources"]:
        name = resource["name"]
        if (name, "foreign-key") in ignore:
            continue
        fks = [(tuple(fk["fields"]), fk["reference"]) for fk in resource["schema"].get("foreignKeys", [])]
        wanted = [keys(ref["resource"] or name, tuple(ref["fields"])) for _, ref in fks]
        for number, row in _csv_columns(out_dir, resource, [columns for columns, _ in fks]):
            for (columns, ref), cells, known_cells in zip(fks, row, wanted):
                if cells != (MISSING,) * len(cells) and cells not in known_cells:
                    problems.append(f"{name}: Row at position \"{number}\" violates the foreign key: for "
                                    f"\"{', '.join(columns)}\": values \"{', '.join(cells)}\" not found in the "
                                    f"lookup table \"{ref['resource']}\" as \"{', '.join(ref['fields'])}\"")
    return problems


def _csv_columns(out_dir, resource, column_sets):
    """(row number as frictionless counts it, [tuple of the row's cells of each set of columns]) of every row
    of a resource's CSV file; a cell a short row lacks is empty, and a file whose header lacks a column gives no
    rows (frictionless reports the short row and the header itself)."""
    with open(os.path.join(out_dir, resource["path"]), encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if not column_sets or not {c for columns in column_sets for c in columns} <= set(header):
            return
        at = [[header.index(c) for c in columns] for columns in column_sets]
        for number, record in enumerate(reader, start=2):
            if len(record) < len(header):
                record = record + [MISSING] * (len(header) - len(record))
            yield number, [tuple(record[i] for i in indexes) for indexes in at]
