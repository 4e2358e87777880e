import pytest

from cn_gov_reports import citation

META = {"name": "wuhan-government-reports", "title": "Wuhan reports / 武汉报告", "version": "1.2.0",
        "created": "2027-03-01T00:00:00Z", "contributors": [{"title": "Team A", "role": "author"},
                                                            {"title": "Someone", "role": "contributor"}]}


def test_apa_names_authors_year_title_version_and_url():
    assert citation.apa(META, "https://x.test/reports_1_2_0") == (
        "Team A. (2027). Wuhan reports / 武汉报告 (Version 1.2.0) [Data set]. Wuhan Government Reports dataset. "
        "https://x.test/reports_1_2_0")


def test_bibtex_entry():
    entry = citation.bibtex(META, "https://x.test/reports_1_2_0")
    assert entry.startswith("@misc{wuhan_government_reports_1_2_0,\n")
    assert "  version = {1.2.0},\n" in entry and "  year = 2027,\n" in entry
    assert "  url = {https://x.test/reports_1_2_0}\n}" in entry
    assert "Someone" not in entry


def test_row_citation():
    assert citation.row_citation("indicators", "000-abc-i-1", "2019年工作报告", "GDP增长9.7%。",
                                 "https://x.test/reports_1_2_0/indicators/000-abc-i-1", META) == (
        "Wuhan reports / 武汉报告, version 1.2.0, table indicators, row 000-abc-i-1. "
        "https://x.test/reports_1_2_0/indicators/000-abc-i-1. document: 2019年工作报告. sentence: “GDP增长9.7%。”.")


# A section's text is the slice of the document ending at char_end: here the document is "标题\n甲。乙。丙。"
# and the section's text "甲。乙。丙。" ends at 9, so it starts at 3.
@pytest.mark.parametrize("sentence, start, parts", [
    pytest.param("乙。", 5, ("甲。", "乙。", "丙。"), id="offsets point at the sentence"),
    pytest.param("乙。", 99, ("甲。", "乙。", "丙。"), id="wrong offsets: first occurrence"),
    pytest.param("甲。", None, ("", "甲。", "乙。丙。"), id="no offsets"),
    pytest.param("丁。", 5, ("甲。乙。丙。", "", ""), id="not in the section"),
])
def test_sentence_in_section(sentence, start, parts):
    assert citation.sentence_in_section("甲。乙。丙。", 9, sentence, start) == parts


def test_sentence_in_section_prefers_the_offsets_over_an_earlier_repeat():
    assert citation.sentence_in_section("乙。乙。", 4, "乙。", 2) == ("乙。", "乙。", "")
