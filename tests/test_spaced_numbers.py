"""Numbers broken by one stray space (issue 13): read as one number, the mention spanning the written form;
never joined across a line break or in a row of numbers separated by spaces."""
from helpers import indicators

from cn_gov_reports.numbers import find_quantities


def _found(text):
    return [(r["mention"], r["value"], r["period"]) for r in indicators(text)]


def test_space_after_the_decimal_point():
    assert _found("2023年地区生产总值增长7. 5%。") == [("7. 5%", 7.5, "2023")]


def test_space_inside_the_integer_part():
    assert _found("2023年规模以上工业增加值增长1 1.5%。") == [("1 1.5%", 11.5, "2023")]


def test_space_inside_a_year():
    assert _found("20 11年以来新增企业300家。") == [("300家", 300, "2011")]


def test_quantity_spans_the_written_form_with_its_space():
    view = "增长7. 5%,达到1 234.5亿元"
    assert [(view[q.start:q.end], q.value) for q in find_quantities(view)] == [("7. 5%", 7.5), ("1 234.5亿元", 1234.5)]


def test_never_across_a_line_break_or_in_a_row_of_numbers():
    assert _found("2023年地区生产总值\n1 5亿元。") == [("5亿元", 5, "2023")]
    assert [(q.value, q.unit) for q in find_quantities("指标 12 15 18%")] == [(18, "%")]
    assert [(q.value, q.unit) for q in find_quantities("完成率12 15 18%")] == [(18, "%")]
    assert [(q.value, q.unit) for q in find_quantities("1. 5G基站新建200个")] == [(200, "个")]
