import os

import yaml

from cn_gov_reports import fields, site

from conftest import ROOT


def test_committed_metadata_yml_is_generated():
    with open(os.path.join(ROOT, "metadata.yml"), encoding="utf-8") as fh:
        assert fh.read() == site.render(), "metadata.yml is stale: run python scripts/build.py and commit"


def test_every_table_and_column_is_described():
    meta = yaml.safe_load(site.render())
    db = meta["databases"]["reports"]
    for key in ("title", "description", "license", "license_url", "source", "about"):
        assert meta[key] and db[key], key
    for table in fields.TABLES:
        t = db["tables"][table.name]
        for key in ("title", "description", "license", "source", "about"):
            assert t[key], (table.name, key)
        assert set(t["columns"]) == set(table.columns)
        assert all(t["columns"].values())


def test_default_facets_and_label_columns():
    tables = yaml.safe_load(site.render())["databases"]["reports"]["tables"]
    assert tables["documents"]["facets"] == ["doc_type", "region"]
    assert tables["sections"]["facets"] == ["document_id", "level"]
    assert tables["indicators"]["facets"] == ["document_id", "status", "measure", "indicator", "unit"]
    assert tables["projects"]["facets"] == ["document_id", "stage", "status"]
    assert tables["documents"]["label_column"] == "title" and tables["sections"]["label_column"] == "heading"


def test_at_least_four_canned_queries():
    queries = yaml.safe_load(site.render())["databases"]["reports"]["queries"]
    assert {"targets_2019", "gdp_across_documents", "projects_started_per_document", "section_tree"} <= set(queries)


def test_readme_lists_every_table_and_column():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        assert site.columns_markdown() in fh.read(), "README's table of columns is stale: paste site.columns_markdown()"
