"""Main targets (targets.py) and targets against outcomes (outcomes.py), on short synthetic reports of their own:
one test per phrasing of a main-targets sentence, with the verbatim sentence and the exact fields, and three
consecutive synthetic reports of one district (tests/fixtures/targets) whose target_outcomes pairs are known."""
import csv
import os

import pytest

from cn_gov_reports import outcomes
from cn_gov_reports.build import build
from cn_gov_reports.pipeline import process_report

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "targets")
TEMPLATE = """江夏区{year}年政府工作报告

——{year}年1月10日在江夏区第一届人民代表大会第三次会议上

各位代表:

一、{last}年工作回顾

{last}年,全区地区生产总值完成520亿元,同比增长7.1%。

二、{year}年工作安排

{plan}

各位代表,让我们团结一心,奋力完成全年目标任务。
"""


def report(tmp_path, plan, year=2020):
    path = tmp_path / f"jiangxia_{year}.txt"
    path.write_text(TEMPLATE.format(year=year, last=year - 1, plan=plan), encoding="utf-8")
    return process_report(str(path))


def target(rep, indicator="gdp"):
    found = [t for t in rep.main_targets if t["indicator"] == indicator]
    assert len(found) == 1, rep.main_targets
    row = dict(found[0])
    if row["indicator_id"]:  # the indicators row it names states that number
        stated = next(i for i in rep.indicators if i["id"] == row["indicator_id"])
        assert stated["main_target"] and stated["status"] == "target" and stated["period"] == str(row["year"])
        row["mention"] = rep.text[stated["char_start"]:stated["char_end"]]
    return {k: v for k, v in row.items() if k not in ("id", "document_id", "region_code", "indicator_id")}


def expected(sentence, kind="number", comparator="=", value=None, value_high=None, unit="%", relative_to="",
             note="", mention=None, year=2020, indicator="gdp"):
    row = {"region": "江夏区", "year": year, "indicator": indicator, "kind": kind, "comparator": comparator,
           "value": value, "value_high": value_high, "unit": unit, "relative_to": relative_to,
           "sentence": sentence, "note": note}
    if mention is not None:
        row["mention"] = mention
    return row


PHRASINGS = [
    pytest.param("2020年全区经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人。",
                 dict(comparator="~", value=6, mention="6%"), id="主要预期目标是: ...左右"),
    pytest.param("今年经济社会发展的主要预期目标是:地区生产总值增长6%-6.5%,社会消费品零售总额增长8%。",
                 dict(comparator="range", value=6, value_high=6.5, mention="6%"), id="range 6%-6.5%"),
    pytest.param("主要预期目标为:地区生产总值增长5.5%至6%。",
                 dict(comparator="range", value=5.5, value_high=6, mention="5.5%"), id="range 5.5%至6%"),
    pytest.param("今年全区经济社会发展的主要预期目标是:地区生产总值增长7%以上、力争更好,社会消费品零售总额增长8%左右。",
                 dict(comparator=">=", value=7, note="力争更好", mention="7%"), id="以上、力争更好"),
    pytest.param("主要预期目标是:地区生产总值增长7%,在实际工作中努力争取更好结果;城镇新增就业1万人。",
                 dict(value=7, note="在实际工作中努力争取更好结果", mention="7%",
                      sentence="主要预期目标是:地区生产总值增长7%,在实际工作中努力争取更好结果;"), id="在实际工作中争取更好结果"),
    pytest.param("全区经济社会发展主要预期目标是:地区生产总值增长高于全省0.5个百分点左右,城镇新增就业1万人。",
                 dict(kind="relative", comparator="~", value=0.5, unit="个百分点", relative_to="全省",
                      mention="0.5个百分点"), id="relative 高于全省"),
    pytest.param("主要预期目标是:地区生产总值增速高于全省平均水平,城镇新增就业1万人。",
                 dict(kind="relative", comparator=">", unit="", relative_to="全省"), id="relative, no number"),
    pytest.param("主要预期目标是:经济增长6.5%左右,居民消费价格涨幅3%左右。",
                 dict(comparator="~", value=6.5, mention="6.5%"), id="经济增长"),
    pytest.param("预期目标为:全区生产总值增速达到8%,固定资产投资增长10%。",
                 dict(value=8, mention="8%"), id="全区生产总值增速"),
    pytest.param("综合考虑各方面因素,今年地区生产总值增长7.5%,社会消费品零售总额增长10%。",
                 dict(value=7.5, mention="7.5%"), id="no cue: the equivalent sentence of the plan part"),
    pytest.param("“十四五”时期主要目标是:地区生产总值年均增长6%。主要预期目标是:地区生产总值增长6.5%。",
                 dict(value=6.5, mention="6.5%", sentence="主要预期目标是:地区生产总值增长6.5%。"),
                 id="a five-year average is not the year's target"),
]


@pytest.mark.parametrize("plan, fields", PHRASINGS)
def test_main_target_phrasings(tmp_path, plan, fields):
    sentence = fields.pop("sentence", plan if fields.get("mention") or fields.get("kind") == "relative" else "")
    assert target(report(tmp_path, plan)) == expected(sentence, **fields)


def test_no_numeric_target_is_absent_and_never_invented(tmp_path):
    plan = "今年全区经济社会发展的主要预期目标是:保持经济平稳健康发展,城镇新增就业1万人。"
    rep = report(tmp_path, plan)
    assert target(rep) == expected("", kind="absent", comparator=None, unit="", note=(
        "no numeric GDP growth target / 未设定地区生产总值增长的数字目标; 原文: 保持经济平稳健康发展"))
    assert not [i for i in rep.indicators if i["indicator"] == "gdp" and i["status"] == "target"]
    jobs = target(rep, "urban_new_jobs")
    assert (jobs["kind"], jobs["value"], jobs["unit"], jobs["mention"]) == ("number", 1, "万人", "1万人")


def test_other_headline_targets_in_order(tmp_path):
    plan = ("2020年全区经济社会发展的主要预期目标是:地区生产总值增长6%左右,居民消费价格涨幅3%左右,"
            "城镇调查失业率控制在5.5%以内,社会消费品零售总额增长8%,城镇新增就业1.2万人。")
    rep = report(tmp_path, plan)
    assert [t["indicator"] for t in rep.main_targets] == [
        "gdp", "cpi", "urban_new_jobs", "urban_surveyed_unemployment", "retail_sales"]
    unemployment = target(rep, "urban_surveyed_unemployment")
    assert (unemployment["comparator"], unemployment["value"]) == ("<=", 5.5)


def test_a_review_of_last_years_targets_is_not_this_years(tmp_path):
    plan = "去年主要预期目标是:地区生产总值增长8%。今年主要预期目标是:地区生产总值增长6%左右。"
    assert target(report(tmp_path, plan))["value"] == 6


def test_five_year_plans_have_no_main_targets(tmp_path):
    rep = report(tmp_path, "主要预期目标是:地区生产总值增长6%左右。")
    assert rep.document["doc_type"] == "government_work_report"
    rep.document.update(doc_type="five_year_plan", plan_end_year=2025)
    from cn_gov_reports.targets import main_targets
    from cn_gov_reports.sentences import section_sentences
    assert main_targets(rep.text, rep.sections, rep.document, section_sentences(rep.text, rep.sections),
                        rep.indicators) == []
    assert not any(i["main_target"] for i in rep.indicators)


@pytest.mark.parametrize("indicator, measure, comparator, value, high, actual, met", [
    ("gdp", "growth", "=", 6, None, 6.8, True), ("gdp", "growth", "=", 7, None, 6.9, False),
    ("gdp", "growth", "~", 7, None, 7, True), ("gdp", "growth", ">", 7, None, 7, False),
    ("gdp", "growth", "range", 6, 6.5, 6.2, True), ("gdp", "growth", "range", 6, 6.5, 5.9, False),
    ("cpi", "other", "~", 3, None, 2.5, True), ("cpi", "other", "~", 3, None, 3.2, False),
    ("urban_surveyed_unemployment", "share", "<=", 5.5, None, 5.5, True),
    ("energy_intensity", "decline", "~", 3, None, 3.5, True), ("energy_intensity", "decline", "~", 3, None, 2, False),
])
def test_met(indicator, measure, comparator, value, high, actual, met):
    t = {"kind": "number", "comparator": comparator, "value_base": value, "value_high_base": high,
         "unit_base": "%", "measure": measure}
    assert outcomes.met(indicator, t, {"value_base": actual, "unit_base": "%", "measure": measure}) is met


def test_met_is_undecidable_for_relative_targets_and_other_units():
    t = {"kind": "relative", "comparator": "~", "value_base": 0.5, "value_high_base": None, "unit_base": "百分点",
         "measure": "other"}
    assert outcomes.met("gdp", t, {"value_base": 7, "unit_base": "%", "measure": "growth"}) is None
    t = dict(t, kind="number", unit_base="元", measure="level")
    assert outcomes.met("gdp", t, {"value_base": 7, "unit_base": "%", "measure": "level"}) is None


def rows(out, table):
    with open(out / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    out = tmp_path_factory.mktemp("district")
    build(FIXTURES, str(out), jobs=1, cache_dir=None)
    return out


def test_three_years_of_one_district(district):
    targets = {(t["document_id"], t["indicator"]): t for t in rows(district, "main_targets")}
    gdp = [targets[(f"jiangxia-{y}", "gdp")] for y in (2019, 2020, 2021)]
    assert [(t["kind"], t["comparator"], t["value"], t["value_high"]) for t in gdp] == [
        ("number", "range", "6", "6.5"), ("number", ">=", "7", ""), ("absent", "", "", "")]
    paired = {(o["indicator"], o["year"]): o for o in rows(district, "target_outcomes")}
    assert {k: (o["target_value"], o["actual_value"], o["actual_status"], o["met"]) for k, o in paired.items()} == {
        ("gdp", "2019"): ("6", "6.8", "actual", "true"),  # 6%-6.5%, and 6.8% came
        ("gdp", "2020"): ("7", "6.2", "actual", "false"),  # 7%以上、力争更好, and 6.2% came
        ("cpi", "2019"): ("3", "2.5", "actual", "true"),  # 3%左右 is a ceiling
        ("retail_sales", "2019"): ("8", "7.5", "actual", "false"),
        ("retail_sales", "2020"): ("8", "8.5", "actual", "true"),
        ("urban_new_jobs", "2019"): ("1.2", "1.1", "actual", "false"),
    }  # 2021 sets no GDP number: no pair
    indicators = {i["id"]: i for i in rows(district, "indicators")}
    gdp2019 = paired[("gdp", "2019")]
    assert "6%-6.5%" in indicators[gdp2019["target_indicator_id"]]["sentence"]
    assert "同比增长6.8%" in indicators[gdp2019["actual_indicator_id"]]["sentence"]
    assert gdp2019["region"] == "江夏区" and gdp2019["id"].endswith("-gdp-2019")


def test_target_outcomes_place_by_place_are_those_of_all_reports_at_once():
    """The build pairs facts one place at a time (outcomes.by_place, reading each report's facts from its cache
    entry when its place comes): the rows are those of target_outcomes over every report's facts."""
    from types import SimpleNamespace

    def report(doc, code, region, plan_year, review_year, targets=(), actuals=()):
        facts = {"document_id": doc, "doc_type": "government_work_report", "region": region, "region_code": code,
                 "plan_year": plan_year, "review_year": review_year, "targets": list(targets),
                 "actuals": list(actuals)}
        return SimpleNamespace(place=outcomes.place(facts), facts=lambda: facts)

    def target(ind_id, value):
        return {"indicator": "gdp", "year": 2020, "kind": "number", "comparator": ">=", "value": value,
                "value_high": None, "relative_to": "", "indicator_id": ind_id, "measure": "growth", "unit_base": "%",
                "value_base": value, "value_high_base": None}

    def actual(ind_id, value):
        return {"indicator": "gdp", "measure": "growth", "unit_base": "%", "value": value, "value_base": value,
                "status": "actual", "indicator_id": ind_id}

    reports = [report("a-2020", "420115", "江夏区", 2020, 2019, [target("a1", 7)]),
               report("b-2020", "", "雄安新区", 2020, 2019, [target("b1", 6)]),
               report("a-2021", "420115", "江夏区", 2021, 2020, actuals=[actual("a2", 6.2)]),
               report("b-2021", "", "雄安新区", 2021, 2020, actuals=[actual("b2", 6.5)]),
               report("c-2021", "", "", 2021, 2020, actuals=[actual("c2", 5)])]  # no place: never paired
    together = outcomes.target_outcomes([r.facts() for r in reports])
    assert sorted((r["region"], r["target_value"], r["actual_value"], r["met"]) for r in together) == [
        ("江夏区", 7, 6.2, False), ("雄安新区", 6, 6.5, True)]
    assert outcomes.by_place(reports) == together
    assert reports[4].place == ""
