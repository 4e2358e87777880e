"""Version numbers of the dataset: semantic versions as the Frictionless data-package-version pattern
defines them for data, and the one place they are written (dataset.yml).

MAJOR: an incompatible change: a resource removed or renamed, a field added, removed, renamed or
re-ordered, a field's type or a primary key changed, or rows deleted (a citation of a deleted row no
longer resolves). MINOR: data added in a compatible way: a new resource, new rows. PATCH: compatible
fixes: values of existing rows corrected, descriptions changed.
"""
import re

from .package import DATABASE_NAME
from .paths import DATASET_YML  # noqa: F401 (release.py writes the version there)

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
TAG_PREFIX = "v"
LEVELS = ("patch", "minor", "major")


def parse(version):
    """(major, minor, patch) of a version like 1.2.0; ValueError for anything else."""
    m = SEMVER.match(version or "")
    if not m:
        raise ValueError(f"{version!r} is not a version MAJOR.MINOR.PATCH (e.g. 1.2.0)")
    return tuple(int(p) for p in m.groups())


def tag(version):
    return f"{TAG_PREFIX}{version}"


def version_of_tag(name):
    """The version of a release tag (v1.2.0 -> 1.2.0), or None for any other tag."""
    if name.startswith(TAG_PREFIX) and SEMVER.match(name[len(TAG_PREFIX):]):
        return name[len(TAG_PREFIX):]
    return None


def bump_level(old, new):
    """'major', 'minor' or 'patch': the part that increases from old to new; ValueError if new <= old
    or if it skips numbers (1.2.0 -> 1.4.0) or leaves lower parts non-zero (1.2.3 -> 1.3.3)."""
    o, n = parse(old), parse(new)
    if n <= o:
        raise ValueError(f"{new} is not after {old}")
    expected = {"major": (o[0] + 1, 0, 0), "minor": (o[0], o[1] + 1, 0), "patch": (o[0], o[1], o[2] + 1)}
    for level, version in expected.items():
        if n == version:
            return level
    raise ValueError(f"{new} does not follow {old}: the next version is one of "
                     f"{', '.join('.'.join(map(str, v)) for v in expected.values())}")


def database_name(version, base=DATABASE_NAME):
    """The name a release's database is served under: 1.2.0 -> reports_1_2_0."""
    parse(version)
    return f"{base}_{version.replace('.', '_')}"


def _field_signature(resource):
    return [(f["name"], f["type"]) for f in resource["schema"]["fields"]], resource["schema"].get("primaryKey")


def required_bump(old_descriptor, new_descriptor, data_diff):
    """(level, reasons): the smallest bump the changes from old to new need, with why.

    data_diff is {table: TableDiff} (see diff.py)."""
    old = {r["name"]: r for r in old_descriptor["resources"]}
    new = {r["name"]: r for r in new_descriptor["resources"]}
    reasons = {"major": [], "minor": [], "patch": []}
    for name in sorted(set(old) - set(new)):
        reasons["major"].append(f"resource {name} removed")
    for name in sorted(set(new) - set(old)):
        reasons["minor"].append(f"resource {name} added")
    for name in sorted(set(old) & set(new)):
        if _field_signature(old[name]) != _field_signature(new[name]):
            reasons["major"].append(f"fields, types or primary key of {name} changed")
        elif old[name]["schema"] != new[name]["schema"]:
            reasons["patch"].append(f"schema descriptions or constraints of {name} changed")
    for name, d in sorted(data_diff.items()):
        if d.removed:
            reasons["major"].append(f"{len(d.removed)} rows removed from {name}")
        if d.added:
            reasons["minor"].append(f"{len(d.added)} rows added to {name}")
        if d.changed:
            reasons["patch"].append(f"{len(d.changed)} rows changed in {name}")
    for level in reversed(LEVELS):
        if reasons[level]:
            return level, reasons[level]
    return "patch", ["no data change"]


def set_version(text, version, created):
    """dataset.yml's text with `version:` and `created:` replaced (comments and order kept)."""
    parse(version)
    text, n = re.subn(r"(?m)^version:.*$", f"version: {version}", text)
    text, m = re.subn(r"(?m)^created:.*$", f'created: "{created}"', text)
    if n != 1 or m != 1:
        raise ValueError("dataset.yml must have exactly one top-level `version:` and one `created:` line")
    return text
