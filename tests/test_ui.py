"""The web UI's logic (cn_gov_reports/ui.py) and plugins, without a browser."""
import csv
import importlib.util
import io
import os

import pytest
import yaml

from cn_gov_reports import fields, paths, site, ui


def _plugin(name):
    """A plugin module loaded by file, as Datasette's --plugins-dir loads it."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(paths.PLUGINS_DIR, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ui_csv_bom = _plugin("ui_csv_bom")


@pytest.mark.parametrize("sentence, start, char_start, char_end, expected", [
    pytest.param("GDP增长9.7%;", 100, 105, 109, ("GDP增长", "9.7%", ";"), id="middle"),
    pytest.param("788亿元", 0, 0, 3, ("", "788", "亿元"), id="at start"),
    pytest.param("投资50亿元", 7, 9, 13, ("投资", "50亿元", ""), id="at end"),
])
def test_highlight(sentence, start, char_start, char_end, expected):
    assert ui.highlight(sentence, start, char_start, char_end) == expected


def test_highlight_refuses_offsets_outside_the_sentence():
    with pytest.raises(ValueError, match="outside the sentence"):
        ui.highlight("GDP增长9.7%", 100, 99, 104)


@pytest.mark.parametrize("value, text", [(788.0, "788"), (9.7, "9.7"), (27900000000.0, "27,900,000,000"),
                                         (0.125, "0.125"), (1234.5, "1,234.5"), (None, ""), (3, "3")])
def test_format_number(value, text):
    assert ui.format_number(value) == text


@pytest.mark.parametrize("kind, value, text", [("status", "target", "目标 target"), ("doc_type", "five_year_plan",
                                                "五年规划 five_year_plan"), ("status", "odd", "odd"), ("x", None, "")])
def test_label(kind, value, text):
    assert ui.label(kind, value) == text


def test_short_label():
    assert ui.short_label(fields.DOCUMENTS.field("doc_type").zh) == "文档类型"
    assert ui.short_label("文号") == "文号"


SECTIONS = [
    {"id": "r", "parent_id": None, "level": 0, "label": "", "heading": None},
    {"id": "a", "parent_id": "r", "level": 1, "label": "一、", "heading": "回顾"},
    {"id": "a1", "parent_id": "a", "level": 2, "label": "(一)", "heading": "经济"},
    {"id": "a1x", "parent_id": "a1", "level": 3, "label": "1.", "heading": "工业"},
    {"id": "b", "parent_id": "r", "level": 1, "label": "二、", "heading": "安排"},
]


def test_section_tree_nests_in_document_order():
    tree = ui.section_tree(SECTIONS)
    assert [n["id"] for n in tree] == ["r"]
    assert [n["id"] for n in tree[0]["children"]] == ["a", "b"]
    assert tree[0]["children"][0]["children"][0]["children"][0]["id"] == "a1x"


def test_per_section_counts_roll_up_to_level_one():
    mentions = [{"section_id": "a1x", "status": "actual"}, {"section_id": "a", "status": "actual"},
                {"section_id": "b", "status": "target"}, {"section_id": "r", "status": "target"}]
    counts = ui.per_section_counts(SECTIONS, mentions)
    assert counts["labels"] == ["(前言 preamble)", "一、回顾", "二、安排"]
    assert counts["series"] == {"实际 actual": [0, 2, 0], "目标 target": [1, 0, 1]}


def test_targets_against_actuals():
    def row(doc, region, status, period, value, indicator="gdp", measure="level"):
        return {"indicator": indicator, "label_zh": "地区生产总值", "label_en": "GRP", "measure": measure,
                "unit_base": "元", "status": status, "region": region, "document_id": doc, "period": period,
                "value_base": value}
    rows = [row("d1", "洪山区", "actual", "2018", 8e10), row("d1", "洪山区", "target", "2019", 9e10),
            row("d1", "洪山区", "actual", "2018", 1.0), row("d2", "东西湖区", "actual", "2024", 1.9e11),
            row("d2", "东西湖区", "actual", "2024", 8.0, indicator="gdp", measure="growth")]
    charts = ui.targets_against_actuals(rows)
    assert [c["unit"] for c in charts] == ["亿元", "元"]  # level has more documents and rows, then growth
    level = charts[0]
    assert level["labels"] == ["洪山区 2018", "洪山区 2019", "东西湖区 2024"]
    assert level["series"] == {"实际 actual": [800.0, None, 1900.0], "目标 target": [None, 900.0, None]}


@pytest.mark.parametrize("path, query, wanted", [
    ("/reports/sections.csv", b"_bom=1", True), ("/reports/sections.csv", b"level=1&_bom=on&_dl=1", True),
    ("/reports/sections.csv", b"", False), ("/reports/sections.json", b"_bom=1", False),
    ("/reports/sections.csv", b"_bom=0", False),
])
def test_wants_bom(path, query, wanted):
    assert ui_csv_bom.wants_bom({"type": "http", "path": path, "query_string": query}) is wanted


def test_every_table_title_is_chinese_then_english():
    tables = yaml.safe_load(site.render())["databases"]["reports"]["tables"]
    for table in fields.TABLES:
        zh, en = tables[table.name]["title"].split(" / ")
        assert zh == table.title_zh and en == table.title


@pytest.mark.server
def test_csv_with_bom_through_the_server(client):
    with_bom = client.get("/reports/sections.csv", params={"level": "1", "_bom": "1", "_stream": "on"})
    assert with_bom.status_code == 200 and with_bom.content.startswith(b"\xef\xbb\xbf")
    plain = client.get("/reports/sections.csv", params={"level": "1", "_stream": "on"})
    assert with_bom.content[3:] == plain.content
    rows = list(csv.DictReader(io.StringIO(with_bom.content.decode("utf-8-sig"))))
    assert rows and all(r["level"] == "1" for r in rows)


@pytest.mark.server
def test_charts_and_document_pages_render(client):
    charts = client.get("/-/charts")
    assert charts.status_code == 200 and "/static/vendor/chart.js/chart.umd.min.js" in charts.text
    assert client.get("/static/vendor/chart.js/chart.umd.min.js").status_code == 200
    doc = client.get("/reports/documents.json?_shape=array&_size=1").json()[0]
    page = client.get(f"/reports/documents/{doc['id']}").text
    assert doc["title"] in page and "章节目录" in page


def test_targets_by_place():
    base = dict(region="青溪区", region_code="", indicator="gdp", target_relative_to="", actual_status="actual",
                label_zh="地区生产总值", label_en="GDP", unit="%")
    rows = [dict(base, year=2020, target_value=7, target_value_high=None, target_comparator=">=",
                 target_indicator_id="t2", actual_value=6.2, actual_indicator_id="a2", met=0),
            dict(base, year=2019, target_value=6, target_value_high=6.5, target_comparator="range",
                 target_indicator_id="t1", actual_value=6.8, actual_indicator_id="a1", met=1)]
    [chart] = ui.targets_by_place(rows)
    assert chart["labels"] == ["2019", "2020"] and chart["title"] == "青溪区 · 地区生产总值 GDP"
    assert chart["series"] == {"目标 target": [6, 7], "实际 actual": [6.8, 6.2]}
    assert chart["links"]["目标 target"] == ["/reports/indicators/t1", "/reports/indicators/t2"]
    assert chart["links"]["实际 actual"] == ["/reports/indicators/a1", "/reports/indicators/a2"]
    assert [(r["ui_target"], r["ui_met"]) for r in chart["rows"]] == [("6 – 6.5", "完成 met"), ("≥ 7", "未完成 not met")]


@pytest.mark.server
def test_targets_page_renders(client):
    page = client.get("/-/targets")
    assert page.status_code == 200 and "目标与实际" in page.text and "/reports/target_outcomes.csv" in page.text
    assert client.get("/-/targets", params={"indicator": "gdp"}).status_code == 200
    assert "/-/targets" in client.get("/-/charts").text


def test_label_parts_of_coded_and_boolean_values():
    assert ui.label_parts("status", "target") == ("目标", "target")
    assert ui.label_parts("comparator", ">=") == ("不低于", ">=")
    assert ui.label_parts("main_target", 1) == ("是", "true")
    assert ui.label_parts("met", 0) == ("未完成", "false")
    assert ui.label_parts("level", 2) is None  # sections.level is a number, not a code
    assert ui.label_parts("status", None) is None


def test_query_result_ids_link_to_their_tables():
    assert ui.LINK_COLUMNS["indicator_id"] == "indicators"
    assert ui.LINK_COLUMNS["section_id"] == "sections"
    assert ui.LINK_COLUMNS["document_id"] == "documents"
    assert ui.LINK_COLUMNS["target_indicator_id"] == "indicators"
