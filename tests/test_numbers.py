"""numbers.parse_number and find_quantities on numerals cn2an cannot read: no exception escapes."""
import pytest

from cn_gov_reports.numbers import find_quantities, parse_number


@pytest.mark.parametrize("written, value", [("1,263.4", 1263.4), ("七百八十八", 788.0), ("兩", 2.0), ("", 1.0)])
def test_parse_number(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["零十零", "零亿零"])  # cn2an raises KeyError on these
def test_parse_number_refuses_what_is_not_one_number_with_value_error(written):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(written)


def test_a_sentence_with_such_numerals_gives_its_other_quantities():
    quantities = find_quantities("新增零亿零元,增长8.5%")
    assert [(q.value, q.unit) for q in quantities] == [(8.5, "%")]
