"""Downloads of a filtered table view: self-describing file names, flat CSV and JSON, and a zip that carries
its data dictionary, license and citation.

The rows come from Datasette's own CSV of the view (its filters, search and sort: plugins/downloads.py
fetches them), and are written here in the published form (package.csv_bytes: the columns of fields.py,
true/false, numbers as in data/*.csv). A file is named after its table, the view's filters and the dataset
version: indicators_region-洪山区_year_start-2019_v0.1.0.csv, and ..._excel.csv for the CSV with a UTF-8 byte
order mark (Excel on a Chinese Windows system reads it as UTF-8).
"""
import csv
import hashlib
import io
import json
import re
import zipfile
from urllib.parse import quote

from . import fields
from .archive import zip_date_time
from .package import csv_bytes, table_schema

BOM = "\ufeff".encode("utf-8")
# Query arguments that choose rows or their order; every other _argument (paging, facets, labels, columns,
# format) is presentation and is left out of a download.
ROW_ARGS = ("_search", "_where", "_sort", "_sort_desc", "_through")
ORDER_ARGS = ("_sort", "_sort_desc")
UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')
MAX_FILTER_CHARS = 80  # of a file name's filter part; longer ones end in a hash of the rest
FORMATS = ("csv", "json", "zip")


def view_args(pairs):
    """The (key, value) query arguments of a table view that decide its rows and their order."""
    return [(k, v) for k, v in pairs if not k.startswith("_") or k in ROW_ARGS or k.startswith("_search_")]


def _part(key, value):
    """'region-洪山区' for region=洪山区, 'year_start-gte-2019' for year_start__gte=2019, 'search-光谷'."""
    if key == "_where":
        return "where-" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:8]
    words = [w for w in key.lstrip("_").split("__") if w and w != "exact"] + ([value] if value != "" else [])
    return UNSAFE.sub("-", "-".join(words)).strip("-.")


def filter_label(pairs):
    """The file-name part naming a view's filters ('' when it has none)."""
    label = "_".join(p for p in (_part(k, v) for k, v in view_args(pairs) if k not in ORDER_ARGS) if p)
    if len(label) > MAX_FILTER_CHARS:
        label = label[:MAX_FILTER_CHARS - 9] + "-" + hashlib.sha256(label.encode("utf-8")).hexdigest()[:8]
    return label


def file_name(table_name, pairs, version, extension, excel=False):
    """indicators_region-洪山区_v0.1.0.csv (with _excel before the extension for the Excel CSV)."""
    parts = [table_name, filter_label(pairs), f"v{version}" if version else ""]
    return "_".join(p for p in parts if p) + ("_excel" if excel else "") + "." + extension


def content_disposition(name):
    """An attachment header naming `name`: ASCII fallback plus the UTF-8 name (RFC 6266 / 5987)."""
    fallback = name.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _value(f, text):
    """The typed value of one cell of Datasette's CSV for field `f` (booleans come as 1/0)."""
    if text == "":
        return None
    if f.type == "integer":
        return int(float(text))
    if f.type == "number":
        return float(text)
    if f.type == "boolean":
        return text in ("1", "true", "True")
    return text


def read_rows(table, data):
    """Typed row dicts of Datasette's CSV of `table` (bytes), the table's columns only (a database-only column,
    such as a generated sort key, is left out); ValueError when one of the table's columns is missing (an old
    release's table, or a view with _col/_nocol)."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header = next(reader, [])
    missing = [c for c in table.columns if c not in header]
    if missing:
        raise ValueError(f"{table.name}: the view has no column {', '.join(missing)} (columns {header}), so it "
                         f"is not this release's table")
    where = [header.index(c) for c in table.columns]
    return [{f.name: _value(f, record[i]) for f, i in zip(table.fields, where)} for record in reader]


def json_bytes(table, rows):
    """A JSON array of flat objects, one per row, keys in the table's column order (as the CSV)."""
    out = [{c: row.get(c) for c in table.columns} for row in rows]
    return (json.dumps(out, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def dictionary_rows(table):
    """The data dictionary of a table: one row per column, from fields.py and vocab/codes.csv."""
    out = []
    for f in table.fields:
        codes = fields.CODES.get((table.name, f.name), ())
        out.append({"column": f.name, "type": f.type, "required": "yes" if f.required else "no",
                    "description": f.en, "说明": f.zh,
                    "values": "; ".join(f"{c.value} = {c.label_zh} {c.label_en}" for c in codes),
                    "in_spec": "no (extension)" if f.extension else "yes"})
    return out


def dictionary_csv(table):
    out = io.StringIO()
    rows = dictionary_rows(table)
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def descriptor(table, csv_name, data, meta, view_url):
    """A Frictionless Data Package for the one CSV file of the zip (the table's schema from fields.py; its
    foreign keys point at tables the zip does not hold, so they are left out)."""
    schema = {k: v for k, v in table_schema(table).items() if k != "foreignKeys"}
    return {
        "profile": "tabular-data-package",
        "name": f"{meta['name']}-{table.name}",
        "title": f"{meta['title']}: {table.title}",
        "version": meta["version"],
        "created": meta["created"],
        "licenses": meta["licenses"],
        "sources": [{"title": "The table view this file was downloaded from", "path": view_url}],
        "resources": [{
            "name": table.name, "title": table.title, "description": table.description, "path": csv_name,
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "schema": schema}],
    }


def license_text(meta):
    return "\n\n".join(f"{lic['name']}: {lic.get('title', '')}\n{lic.get('path', '')}" for lic in meta["licenses"]) + "\n"


def citation_text(cite, view_url):
    """How to cite the data (the page's dataset citation, served.cite_dataset: APA, GB/T 7714-2015 and BibTeX of
    the version at its public URL, with release and access dates), and where the rows come from."""
    return (f"APA:\n{cite['apa']}\n\nGB/T 7714-2015:\n{cite['gbt7714']}\n\nBibTeX:\n{cite['bibtex']}\n\n"
            f"The rows of this file: {view_url}\n")


def readme_text(table, pairs, meta, view_url, rows, csv_name):
    filters = "\n".join(f"  {k} = {v}" for k, v in view_args(pairs)) or "  (none: every row)"
    return (f"{meta['title']}, version {meta['version']}\n\n{csv_name}: {rows} rows of table {table.name} "
            f"({table.description})\nView: {view_url}\nFilters and order:\n{filters}\n\n"
            "datapackage.json describes the CSV file (Frictionless Data; `frictionless validate datapackage.json`);\n"
            "data-dictionary.csv says what each column means; LICENSE.txt and CITATION.txt say how to reuse and cite it.\n")


def zip_bytes(table, rows, pairs, meta, cite, view_url):
    """The zip of a filtered view: the rows as CSV, datapackage.json, data-dictionary.csv, LICENSE.txt,
    CITATION.txt and README.txt."""
    csv_name = file_name(table.name, pairs, meta["version"], "csv")
    data = csv_bytes(table, rows)
    files = {
        csv_name: data,
        "datapackage.json": (json.dumps(descriptor(table, csv_name, data, meta, view_url), ensure_ascii=False,
                                        indent=2) + "\n").encode("utf-8"),
        "data-dictionary.csv": dictionary_csv(table),
        "LICENSE.txt": license_text(meta).encode("utf-8"),
        "CITATION.txt": citation_text(cite, view_url).encode("utf-8"),
        "README.txt": readme_text(table, pairs, meta, view_url, len(rows), csv_name).encode("utf-8"),
    }
    out = io.BytesIO()
    date_time = zip_date_time(meta.get("created"))  # the same view of the same release gives the same bytes
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=date_time), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def csv_download(table, rows):
    """The CSV file of a view (Excel's byte order mark, for ?_bom=1, is added by web/plugins/ui_csv_bom.py)."""
    return csv_bytes(table, rows)

