import pytest

from cn_gov_reports.sections import build_sections, find_headings


def headings(text):
    return [(h.level, h.label, h.heading) for h in find_headings(text)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("一、2018年工作回顾\n正文。", [(1, "一、", "2018年工作回顾")], id="level 1"),
    pytest.param("(一)坚持高位求进,综合经济实力加快提升\n正文。", [(2, "(一)", "坚持高位求进,综合经济实力加快提升")],
                 id="level 2 with a comma"),
    pytest.param("1.着力打造世界知名车都。继续做大做强汽车产业。", [(3, "1.", "着力打造世界知名车都")], id="level 3 run-in"),
    pytest.param("3、加快发展现代服务业\n正文。", [(3, "3、", "加快发展现代服务业")], id="level 3 with 、"),
    pytest.param("(1)推进园区建设\n正文。", [(4, "(1)", "推进园区建设")], id="level 4"),
    pytest.param("(一)经济总量稳步提升。强基固本,推动汽车产业高质量发展。", [(2, "(一)", "经济总量稳步提升")],
                 id="run-in heading ends at 。"),
    pytest.param("2.高端医疗器械:联影武汉总部基地、迈瑞医疗武汉基地项目。", [(3, "2.", "高端医疗器械")],
                 id="run-in heading ends at colon"),
    pytest.param("2018年工作回顾\n正文。", [(1, "", "2018年工作回顾")], id="unnumbered structural heading"),
    pytest.param("2021 年及本届政府工作回顾\n正文。", [(1, "", "2021 年及本届政府工作回顾")], id="unnumbered, PDF spaces"),
    pytest.param("名词、术语解释:\n1.三品一标:无公害农产品。", [(1, "", "名词、术语解释"), (3, "1.", "三品一标")],
                 id="glossary heading and items"),
    pytest.param("加快完善产业体系。推动项目开工建设。", [], id="bold-style lead-in is not a heading"),
    pytest.param("一年来,我们主要做了以下工作:\n正文。", [], id="a sentence ending with a colon is not a heading"),
    pytest.param("2.9万件专利授权。\n1.5亿元投资。", [], id="decimal numbers are not labels"),
    pytest.param("5.其他:禾元生物项目。 4.加紧谋划培育未来产业创新集群\n瞄准未来前沿领域。",
                 [(3, "5.", "其他"), (3, "4.", "加紧谋划培育未来产业创新集群")], id="heading after a lost line break"),
    pytest.param("五年的工作主要体现在以下五个方面: (一)经济平稳较快发展,综合实力大幅提升 经济规模实现历史性跨越。",
                 [(2, "(一)", "经济平稳较快发展,综合实力大幅提升")], id="inline heading ends at a space"),
    pytest.param("3.完善国土空间支撑体系,强化国土空间开发保护制度,统筹划定生态保护红线、永久基本农田、城镇开发边界三条控制线。坚持多规合一。",
                 [(3, "3.", "完善国土空间支撑体系")], id="overlong run-in heading ends at its first comma"),
    pytest.param("第一章开启江夏新篇章\n第一节发展基础\n正文。", [(1, "第一章", "开启江夏新篇章"), (2, "第一节", "发展基础")],
                 id="chapters and sections of a plan"),
    pytest.param("一、過去五年工作回顧\n正文。", [(1, "一、", "過去五年工作回顧")], id="traditional characters kept"),
])
def test_headings(text, expected):
    assert headings(text) == expected


TREE = """东湖高新区2019年工作报告

一、2018年工作回顾
总述。
(一)坚持高位求进
经济发展稳中有进。
1.加快完善产业体系。推动项目开工建设。
(1)细项
细项正文。
(二)坚持创新引领
创新。
二、2019年重点工作任务
任务。
"""


def test_tree_levels_parents_and_paths():
    rows = build_sections("doc", TREE)
    by_heading = {r["heading"]: r for r in rows}
    assert [(r["level"], r["path"]) for r in rows] == [
        (0, ""), (1, "一、"), (2, "一、/(一)"), (3, "一、/(一)/1."), (4, "一、/(一)/1./(1)"), (2, "一、/(二)"), (1, "二、")]
    assert by_heading["坚持高位求进"]["parent_id"] == by_heading["2018年工作回顾"]["id"]
    assert by_heading["细项"]["parent_id"] == by_heading["加快完善产业体系"]["id"]
    assert by_heading["2019年重点工作任务"]["parent_id"] == rows[0]["id"]
    assert rows[0]["parent_id"] is None and rows[0]["text"] == "东湖高新区2019年工作报告\n\n"


def test_sections_tile_the_text_and_text_is_an_exact_slice():
    rows = build_sections("doc", TREE)
    assert rows[0]["char_start"] == 0 and rows[-1]["char_end"] == len(TREE)
    for a, b in zip(rows, rows[1:]):
        assert a["char_end"] == b["char_start"]
    for r in rows:
        assert TREE[r["char_end"] - len(r["text"]):r["char_end"]] == r["text"]
    run_in = next(r for r in rows if r["label"] == "1.")
    assert run_in["text"] == "推动项目开工建设。\n"


def test_ids_are_stable_and_independent_of_position():
    rows = build_sections("doc", TREE)
    shifted = build_sections("doc", "前言多了一段。\n" + TREE)
    assert [r["id"] for r in rows[1:]] == [r["id"] for r in shifted[1:]]
    assert all(r["id"].startswith("doc-s-") for r in rows)


def test_repeated_headings_get_distinct_ids():
    rows = build_sections("doc", "一、任务\n(一)推进\n甲。\n二、安排\n(一)推进\n乙。\n(一)推进\n丙。\n")
    assert len({r["id"] for r in rows}) == len(rows)
