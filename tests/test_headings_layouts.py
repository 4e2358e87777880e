"""Heading layouts of real reports (issue 13): unnumbered part headings enclosing numbered series, one-line
files, footnote markers and page footers. Each fixture is written for the phenomenon, not copied from a report."""
import os

import pytest

from cn_gov_reports.sections import build_sections, find_headings

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "headings")


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as fh:
        return fh.read()


def headings(text):
    return [(h.level, h.label, h.heading) for h in find_headings(text)]


def assert_tiles(text):
    rows = build_sections("doc", text)
    assert rows[0]["char_start"] == 0 and rows[-1]["char_end"] == len(text)
    assert all(a["char_end"] == b["char_start"] for a, b in zip(rows, rows[1:]))
    return rows


def test_unnumbered_parts_enclose_the_numbered_series():
    text = fixture("unnumbered_parts.txt")
    assert headings(text) == [
        (1, "", "2023年工作回顾"),
        (1, "", "2024年工作安排建议"),
        (2, "一、", "立稳实体经济重要支柱,夯实高质量发展根基"),
        (3, "(一)", "做强先进制造业"),
        (4, "1.", "培育龙头企业"),
        (5, "(1)", "优化服务"),
        (2, "二、", "把握扩大内需战略基点,打造高质量发展引擎"),
        (1, "", "持之以恒加强政府自身建设"),  # the last part, unnumbered: found by its cue and its place
    ]
    rows = assert_tiles(text)
    by_heading = {r["heading"]: r for r in rows}
    plan = by_heading["2024年工作安排建议"]
    assert by_heading["立稳实体经济重要支柱,夯实高质量发展根基"]["parent_id"] == plan["id"]
    assert by_heading["持之以恒加强政府自身建设"]["parent_id"] == rows[0]["id"]


def test_numbered_report_keeps_its_levels_and_a_cue_line_inside_is_no_heading():
    assert headings(fixture("numbered_with_annex.txt")) == [
        (1, "一、", "2023年工作回顾"),
        (1, "二、", "2024年工作安排"),
        (2, "(一)", "做强先进制造业"),  # "加强政府自身建设" inside 二、 is not a part: the numbers are the top level
        (1, "", "名词解释"),  # back matter: no reason to demote the numbered headings
        (3, "1.", "专精特新"),
    ]


@pytest.mark.parametrize("text, expected", [
    pytest.param("各位代表:\n\n2023年工作回顾\n\n一年来,我们坚持稳中求进。强力推进四大行动,经济发展提质增效。坚持以新发展理念"
                 "引领,产业结构持续优化。\n\n2024年工作安排\n\n重点做好以下工作:\n\n一、立稳实体经济重要支柱,夯实高质量发展根基"
                 "\n\n推进产业升级。\n",
                 [(1, "", "2023年工作回顾"), (1, "", "2024年工作安排"), (2, "一、", "立稳实体经济重要支柱,夯实高质量发展根基")],
                 id="lost numbering, thematic headings under a part, bold lead-in not split"),
    pytest.param("过去一年,我们主要做了以下工作。\n重点工作扎实推进\n正文。", [], id="a cue line in a report without parts"),
    pytest.param("各位代表:\n\n2015年工作回顾\n\n一年来,经济平稳增长。\n\n“十三五”时期中心城区建设主要思路\n\n今后五年,"
                 "我们将建设中心城区。\n\n2016年主要工作\n\n一、加快产业转型\n\n推进产业升级。\n",
                 [(1, "", "2015年工作回顾"), (1, "", "“十三五”时期中心城区建设主要思路"), (1, "", "2016年主要工作"),
                  (2, "一、", "加快产业转型")], id="a five-year course and the year's main work as parts"),
    pytest.param("同志们:\n\n2015年工作回顾\n\n一年来,经济平稳增长。\n\n“十三五”发展思路和2016年主要工作任务\n\n"
                 "一、加快产业转型\n\n推进产业升级。\n",
                 [(1, "", "2015年工作回顾"), (1, "", "“十三五”发展思路和2016年主要工作任务"), (2, "一、", "加快产业转型")],
                 id="a five-year course joined with the plan year's tasks"),
])
def test_lost_numbering_and_thematic_headings(text, expected):
    assert headings(text) == expected


def test_one_line_file_has_inline_headings_in_series():
    text = fixture("one_line.txt")
    assert "\n" not in text
    assert headings(text) == [
        (1, "一、", "2023年工作回顾"),  # glued to its body: the part heading ends where its phrase does
        (2, "(一)", "产业发展提质增效"),
        (2, "(二)", "城乡面貌持续改善"),
        (1, "二、", "2024年主要目标任务"),
        (2, "(一)", "坚持项目为王,扩大有效投资"),  # 。一、二、三产业 before it is out of series: no heading
        (1, "三、", "加强政府自身建设"),
    ]
    assert_tiles(text)


def test_normal_report_is_not_split_like_a_one_line_file():
    text = "一、2023年工作回顾\n过去一年,经济运行回升向好。一、二、三产业协调发展。(一)产业发展提质增效。\n二、2024年工作安排\n正文。\n"
    assert headings(text) == [(1, "一、", "2023年工作回顾"), (1, "二、", "2024年工作安排")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("2023年工作回顾[1]\n\n正文。", [(1, "", "2023年工作回顾")], id="marker after an unnumbered heading"),
    pytest.param("一、2023年工作回顾①\n正文。", [(1, "一、", "2023年工作回顾")], id="circled marker after a heading"),
    pytest.param("(一)经济总量稳步提升[12]。强基固本。", [(2, "(一)", "经济总量稳步提升")], id="marker in a run-in heading"),
    pytest.param("一、2023年工作回顾\n地区生产总值增长6.1%[2]。\n\n— 3 —\n\n二、2024年工作安排\n正文。\n- 12 -\n",
                 [(1, "一、", "2023年工作回顾"), (1, "二、", "2024年工作安排")], id="page footers are no headings"),
    pytest.param("各位代表:\n\n2023年工作回顾\n\n正文。\n\n— 3 —\n\n一、做强产业\n\n正文。\n\n— 4 —\n\n加强政府自身建设\n\n正文。\n",
                 [(1, "", "2023年工作回顾"), (2, "一、", "做强产业"), (1, "", "加强政府自身建设")],
                 id="a footer between paragraphs does not hide a part heading"),
])
def test_footnote_markers_and_page_footers(text, expected):
    assert headings(text) == expected
    assert_tiles(text)
