import os

import yaml

from cn_gov_reports import fields, site, ui

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
    assert tables["indicators"]["facets"] == ["region", "year_start", "document_id", "status", "measure", "indicator",
                                              "unit"]
    assert tables["projects"]["facets"] == ["region", "year_start", "document_id", "stage", "status"]
    assert tables["documents"]["label_column"] == "title" and tables["sections"]["label_column"] == "heading"


def test_at_least_four_canned_queries():
    queries = yaml.safe_load(site.render())["databases"]["reports"]["queries"]
    assert {"targets_2019", "gdp_across_documents", "projects_started_per_document", "section_tree"} <= set(queries)


def test_readme_lists_every_table_and_column():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        assert site.columns_markdown() in fh.read(), "README's table of columns is stale: paste site.columns_markdown()"


def test_readme_lists_every_coded_value():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        assert site.codes_markdown() in fh.read(), "README's table of coded values is stale: paste site.codes_markdown()"


def test_every_enum_is_the_codes_table():
    """The enum of every column is its values in vocab/codes.csv, and every column there has an enum."""
    enums = {(t.name, f.name): f.enum for t in fields.TABLES for f in t.fields if f.enum}
    assert enums == {key: tuple(c.value for c in codes) for key, codes in fields.CODES.items()}


def test_the_codes_table_is_complete_and_agrees_with_itself():
    labels = {}
    for (table, column), codes in fields.CODES.items():
        assert len({c.value for c in codes}) == len(codes), (table, column)
        assert all(c.label_zh and c.label_en for c in codes), (table, column)
        for c in codes:  # a value means the same in every table that has the column
            assert labels.setdefault((column, c.value), (c.label_zh, c.label_en)) == (c.label_zh, c.label_en)


def test_descriptions_metadata_and_pages_say_what_the_codes_table_says():
    columns = yaml.safe_load(site.render())["databases"]["reports"]["tables"]
    for (table, column), codes in fields.CODES.items():
        f = fields.BY_NAME[table].field(column)
        assert columns[table]["columns"][column] == f.description
        for c in codes:
            assert c.value in f.en and c.description in f.en, (table, column, c.value)
            assert ui.label(column, c.value) == f"{c.label_zh} {c.value}"
        if ":" in f.zh:  # a Chinese description that lists the values lists their labels, in order
            assert f.zh.split(":", 1)[1] == fields.listing([c.label_zh for c in codes], "或", "、")
