"""The optional catalog of a seeds directory: per-document metadata the text cannot give.

`catalog.jsonl` holds one JSON object per line, keyed by `file` (the report's file name):
- provenance: `source_url` (or `url`), `retrieved`, `original_file`, `note`;
- fill-ins, used only where the text says nothing: `title`, `doc_type` (or `kind`), `region`, `issuer`,
  `published`, `review_year`, `plan_year`, `doc_number`, `index_number`;
- `corrections`: an object of documents columns that override what the text gives, each for a
  reason stated in `note` (an audited correction, never a parsing fix).
A report without an entry builds from its text alone.
"""
import json
import os

CATALOG = "catalog.jsonl"
FILL_INS = ("title", "doc_type", "region", "issuer", "published", "review_year", "plan_year", "doc_number",
            "index_number")
ALIASES = {"url": "source_url", "kind": "doc_type"}


class CatalogError(Exception):
    pass


def load(seeds_dir):
    """{file name: entry} from the seeds directory's catalog, or {} when there is none."""
    path = os.path.join(seeds_dir, CATALOG)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        return parse(fh)


def parse(lines):
    """{file name: entry} from the lines of a catalog (a file, or any iterable of str); CatalogError."""
    entries = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as e:
            raise CatalogError(f"{CATALOG} line {n}: not valid JSON ({e.msg})") from None
        if not isinstance(entry, dict) or "file" not in entry:
            raise CatalogError(f"{CATALOG} line {n}: an entry needs a \"file\" key")
        entries[entry["file"]] = {ALIASES.get(k, k): v for k, v in entry.items()}
    return entries


def apply(row, entry, valid_doc_types):
    """The documents row with the catalog entry's provenance, fill-ins and corrections applied."""
    row = dict(row)
    row["source_url"] = entry.get("source_url", "") or row.get("source_url", "")
    row["source_note"] = entry.get("note", "") or row.get("source_note", "")
    row["retrieved"] = entry.get("retrieved", "") or row.get("retrieved", "")
    for key in FILL_INS:
        value = entry.get(key)
        if key == "doc_type" and value not in valid_doc_types:
            continue
        if key == "region" and isinstance(value, str):
            value = value.split(" (")[0].split(" / ")[-1].strip()  # "江漢區 / 江汉区 (武汉市, 湖北)"
        if value not in (None, "") and row.get(key) in (None, "", "other"):
            row[key] = value
    for key, value in (entry.get("corrections") or {}).items():
        if key not in row:
            raise CatalogError(f"{CATALOG}: correction of unknown column {key!r} for {entry['file']}")
        row[key] = value
    return row
