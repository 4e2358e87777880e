"""project_key (cn_gov_reports/project_keys.py): one key per project across reports; the canned query and the
project page that follow a project through the years, on a real build served by a real Datasette."""
import re

import httpx
import pytest

from cn_gov_reports import site
from cn_gov_reports.build import build
from cn_gov_reports.project_keys import project_key

from conftest import serving


@pytest.mark.parametrize("names", [
    pytest.param(("东湖综合保税区(二期)", "东湖综合保税区(二期)", "东湖综合保税区二期项目", "东湖综合保税区第2期"),
                 id="phase in brackets, full-width brackets, 项目, 第N期"),
    pytest.param(("华星光电T3", "华星光电t3", "华星光电T3项目"), id="full-width and upper-case Latin, 项目"),
    pytest.param(("“西湖大农仓”", "西湖大农仓", "西湖大农仓建设项目"), id="quotes, 建设项目"),
    pytest.param(("地铁19号线 ", "地铁19号线、"), id="list punctuation and spaces"),
])
def test_spellings_of_one_project_share_a_key(names):
    assert len({project_key(n) for n in names}) == 1


@pytest.mark.parametrize("first, second", [
    pytest.param("长江存储一期", "长江存储二期", id="一期 vs 二期"),
    pytest.param("光谷生物城创新园第一阶段", "光谷生物城创新园二阶段", id="阶段"),
    pytest.param("地铁8号线三期", "地铁8号线", id="a phase vs the whole line"),
    pytest.param("有轨电车T1", "有轨电车T2", id="Latin letter and digit"),
])
def test_different_phases_keep_different_keys(first, second):
    assert project_key(first) != project_key(second)


def test_key_examples():
    assert [project_key(n) for n in ("天马G6第2期", "光谷火车站(一期)", "项目")] == ["天马g6二期", "光谷火车站一期", "项目"]


REPORT_2019 = ("2019年政府工作报告\n各位代表:\n现在,我代表区人民政府,向大会报告工作,请予审议。\n一、2018年工作回顾\n"
               "光谷火车站开工建设,完成固定资产投资100亿元。\n二、2019年重点工作任务\n加快光谷火车站项目建设。\n")
REPORT_2021 = ("2021年政府工作报告\n各位代表:\n现在,我代表区人民政府,向大会报告工作,请予审议。\n一、2020年工作回顾\n"
               "“光谷火车站”建成投用。\n二、2021年重点工作任务\n确保光谷火车站二期开工。\n")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """Two reports naming 光谷火车站 (started in 2018, pushed on in 2019, in use in 2020) and its 二期, served."""
    seeds = tmp_path_factory.mktemp("two-years-seeds")
    # the later report first in file order: the page must order by year, not by file
    (seeds / "a_2021.txt").write_text(REPORT_2021, encoding="utf-8")
    (seeds / "b_2019.txt").write_text(REPORT_2019, encoding="utf-8")
    out = tmp_path_factory.mktemp("two-years-out")
    build(str(seeds), str(out))
    with serving(out) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def _mentions(client, key):
    return client.get("/reports/project_across_reports.json", params={"project_key": key, "_shape": "array"}).json()


@pytest.mark.server
def test_canned_query_lists_every_mention_of_a_key_by_year(two_years):
    assert "project_across_reports" in site.CANNED_QUERIES
    got = [(m["year"], m["name"], m["stage"], m["status"]) for m in _mentions(two_years, "光谷火车站")]
    assert got == [(2018, "光谷火车站", "started", "actual"), (2019, "光谷火车站", "under_construction", "target"),
                   (2020, "光谷火车站", "operating", "actual")]
    assert [m["name"] for m in _mentions(two_years, "光谷火车站二期")] == ["光谷火车站二期"]


@pytest.mark.server
def test_project_page_shows_the_mentions_of_both_reports_in_year_order(two_years):
    latest = _mentions(two_years, "光谷火车站")[-1]
    page = two_years.get(f"/reports/projects/{latest['id']}")
    assert page.status_code == 200
    section = page.text.split('class="ui-same-project"', 1)[1].split("</section>", 1)[0]
    years = [int(y) for y in re.findall(r'data-year="(\d+)"', section)]
    documents = re.findall(r'href="/reports/documents/([^"]+)"', section)
    assert years == [2018, 2019, 2020]
    assert documents == ["b-2019", "b-2019", "a-2021"]
    assert "(this mention)" in section and "光谷火车站二期" not in section
