"""The data diff between two releases by row id: rows added, removed and changed, per table.

A package is read from a directory holding datapackage.json and its CSV files (a build, or a release
exported from its git tag). Rows are compared as the CSV text of their cells, so a diff says exactly
what a reader of the CSV files would see change.
"""
import csv
import json
import os
from dataclasses import dataclass, field

MAX_LISTED = 100  # ids listed per kind of change in the changelog; the rest are counted


@dataclass
class TableDiff:
    added: list = field(default_factory=list)  # ids
    removed: list = field(default_factory=list)
    changed: dict = field(default_factory=dict)  # id -> [changed column names]
    rows: int = 0  # rows in the new release

    @property
    def empty(self):
        return not (self.added or self.removed or self.changed)


def read_descriptor(package_dir):
    with open(os.path.join(package_dir, "datapackage.json"), encoding="utf-8") as fh:
        return json.load(fh)


def read_rows(package_dir, resource):
    """{primary key: row dict} of one resource."""
    key = resource["schema"]["primaryKey"][0]
    with open(os.path.join(package_dir, resource["path"]), encoding="utf-8", newline="") as fh:
        return {row[key]: row for row in csv.DictReader(fh)}


def table_diff(old_rows, new_rows):
    d = TableDiff(rows=len(new_rows))
    d.added = sorted(set(new_rows) - set(old_rows))
    d.removed = sorted(set(old_rows) - set(new_rows))
    for row_id in sorted(set(old_rows) & set(new_rows)):
        old, new = old_rows[row_id], new_rows[row_id]
        columns = [c for c in dict.fromkeys(list(old) + list(new)) if old.get(c) != new.get(c)]
        if columns:
            d.changed[row_id] = columns
    return d


def diff_packages(old_dir, new_dir):
    """{table: TableDiff} from the package in old_dir (None: no previous release) to new_dir."""
    new = read_descriptor(new_dir)
    old = read_descriptor(old_dir) if old_dir else {"resources": []}
    old_resources = {r["name"]: r for r in old["resources"]}
    result = {}
    for resource in new["resources"]:
        previous = old_resources.get(resource["name"])
        old_rows = read_rows(old_dir, previous) if previous else {}
        result[resource["name"]] = table_diff(old_rows, read_rows(new_dir, resource))
    for name, resource in old_resources.items():
        if name not in result:
            result[name] = table_diff(read_rows(old_dir, resource), {})
    return result


def _id_list(ids, limit=MAX_LISTED):
    shown = ", ".join(f"`{i}`" for i in ids[:limit])
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return shown + more


def markdown(diffs, previous_version):
    """The changelog's data-diff part: a summary table, then the ids per table and kind of change."""
    against = f"against {previous_version}" if previous_version else "first release: every row is new"
    lines = [f"Data diff by row id ({against}):", "", "| table | rows | added | removed | changed |",
             "|---|---:|---:|---:|---:|"]
    for name, d in diffs.items():
        lines.append(f"| {name} | {d.rows} | {len(d.added)} | {len(d.removed)} | {len(d.changed)} |")
    for name, d in diffs.items():
        if d.empty or not previous_version:
            continue
        lines += ["", f"**{name}**", ""]
        if d.added:
            lines.append(f"- added: {_id_list(d.added)}")
        if d.removed:
            lines.append(f"- removed: {_id_list(d.removed)}")
        if d.changed:
            ids = list(d.changed)
            columns = sorted({c for cs in d.changed.values() for c in cs})
            lines.append(f"- changed ({', '.join(columns)}): {_id_list(ids)}")
    return "\n".join(lines) + "\n"
