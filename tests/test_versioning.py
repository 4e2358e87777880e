import pytest

from cn_gov_reports import versioning
from cn_gov_reports.diff import TableDiff, markdown, table_diff


@pytest.mark.parametrize("old, new, level", [("1.2.3", "1.2.4", "patch"), ("1.2.3", "1.3.0", "minor"),
                                             ("1.2.3", "2.0.0", "major"), ("0.1.0", "0.1.1", "patch")])
def test_bump_level(old, new, level):
    assert versioning.bump_level(old, new) == level


@pytest.mark.parametrize("old, new", [("1.2.3", "1.2.3"), ("1.2.3", "1.2.2"), ("1.2.3", "1.4.0"),
                                      ("1.2.3", "1.3.3"), ("1.2.3", "v1.3.0"), ("1.2.3", "1.3")])
def test_bump_level_refuses(old, new):
    with pytest.raises(ValueError):
        versioning.bump_level(old, new)


def test_tags_and_database_names():
    assert versioning.tag("1.2.0") == "v1.2.0" and versioning.version_of_tag("v1.2.0") == "1.2.0"
    assert versioning.version_of_tag("v1.2") is None and versioning.version_of_tag("release-1") is None
    assert versioning.database_name("1.2.0") == "reports_1_2_0"


def resource(name, fields, descriptions="d"):
    return {"name": name, "schema": {"fields": [{"name": f, "type": t, "description": descriptions} for f, t in fields],
                                     "primaryKey": ["id"]}}


BASE = {"resources": [resource("documents", [("id", "string"), ("title", "string")])]}


@pytest.mark.parametrize("new, diffs, level", [
    pytest.param(BASE, {"documents": TableDiff(changed={"a": ["title"]})}, "patch", id="corrected value"),
    pytest.param({"resources": [resource("documents", [("id", "string"), ("title", "string")], "new")]}, {},
                 "patch", id="description changed"),
    pytest.param(BASE, {"documents": TableDiff(added=["b"])}, "minor", id="rows added"),
    pytest.param({"resources": BASE["resources"] + [resource("projects", [("id", "string")])]}, {}, "minor",
                 id="resource added"),
    pytest.param(BASE, {"documents": TableDiff(removed=["a"], added=["b"])}, "major", id="row removed"),
    pytest.param({"resources": [resource("documents", [("id", "string"), ("title", "string"), ("x", "integer")])]},
                 {}, "major", id="field added"),
    pytest.param({"resources": [resource("documents", [("id", "string"), ("title", "integer")])]}, {}, "major",
                 id="type changed"),
    pytest.param({"resources": []}, {}, "major", id="resource removed"),
])
def test_required_bump_follows_the_data_package_version_pattern(new, diffs, level):
    assert versioning.required_bump(BASE, new, diffs)[0] == level


def test_set_version_keeps_comments():
    text = "# comment\nname: x\nversion: 0.1.0\ncreated: \"2026-01-01T00:00:00Z\"\n"
    assert versioning.set_version(text, "0.2.0", "2026-02-01T00:00:00Z") == (
        "# comment\nname: x\nversion: 0.2.0\ncreated: \"2026-02-01T00:00:00Z\"\n")


def test_table_diff_by_row_id():
    old = {"a": {"id": "a", "v": "1"}, "b": {"id": "b", "v": "2"}, "c": {"id": "c", "v": "3"}}
    new = {"a": {"id": "a", "v": "1"}, "b": {"id": "b", "v": "20"}, "d": {"id": "d", "v": "4"}}
    d = table_diff(old, new)
    assert (d.added, d.removed, d.changed, d.rows) == (["d"], ["c"], {"b": ["v"]}, 3)


def test_markdown_lists_counts_and_ids():
    text = markdown({"documents": TableDiff(added=["d"], removed=["c"], changed={"b": ["v"]}, rows=3)}, "1.0.0")
    assert "| documents | 3 | 1 | 1 | 1 |" in text
    assert "- added: `d`" in text and "- removed: `c`" in text and "- changed (v): `b`" in text
