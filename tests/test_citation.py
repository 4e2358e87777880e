import pytest

from cn_gov_reports import citation

META = {"name": "wuhan-government-reports", "title": "Wuhan reports / 武汉报告", "version": "1.2.0",
        "created": "2027-03-01T00:00:00Z", "contributors": [{"title": "Team A", "role": "author"},
                                                            {"title": "Someone", "role": "contributor"}]}


URL = "https://x.test/reports_1_2_0"
ROW_URL = URL + "/indicators/000-abc-i-1"


def test_apa_names_authors_release_date_title_version_access_date_and_url():
    assert citation.apa(META, URL, accessed="2027-04-05") == (
        "Team A. (2027, March 1). Wuhan reports / 武汉报告 (Version 1.2.0) [Data set]. Wuhan Government Reports "
        "dataset. Retrieved April 5, 2027, from https://x.test/reports_1_2_0")


def test_gbt7714_is_a_data_set_online_with_update_and_access_dates():
    assert citation.gbt7714(META, URL, accessed="2027-04-05") == (
        "Team A. Wuhan reports / 武汉报告: 版本 1.2.0[DS/OL]. Wuhan Government Reports dataset, "
        "2027(2027-03-01)[2027-04-05]. https://x.test/reports_1_2_0.")


def test_bibtex_entry():
    entry = citation.bibtex(META, URL, accessed="2027-04-05")
    assert entry.startswith("@misc{wuhan_government_reports_1_2_0,\n")
    assert "  version = {1.2.0},\n" in entry and "  year = 2027,\n" in entry and "  date = {2027-03-01},\n" in entry
    assert "  url = {https://x.test/reports_1_2_0},\n  urldate = {2027-04-05},\n" in entry
    assert "Someone" not in entry


def test_row_citation_in_three_styles():
    cite = citation.cite_row(META, "indicators", "000-abc-i-1", ROW_URL, accessed="2027-04-05")
    assert cite["version"] == "1.2.0" and cite["released"] == "2027-03-01" and cite["accessed"] == "2027-04-05"
    assert cite["apa"] == (
        "Team A. (2027, March 1). Table indicators, row 000-abc-i-1 [Data set record]. In Wuhan reports / 武汉报告 "
        "(Version 1.2.0). Wuhan Government Reports dataset. Retrieved April 5, 2027, from " + ROW_URL)
    assert cite["gbt7714"] == (
        "Team A. indicators 表 000-abc-i-1 行[DS/OL]//Team A. Wuhan reports / 武汉报告: 版本 1.2.0. "
        "Wuhan Government Reports dataset, 2027(2027-03-01)[2027-04-05]. " + ROW_URL + ".")
    assert cite["bibtex"].startswith("@misc{wuhan_government_reports_1_2_0_indicators_000_abc_i_1,\n")
    assert f"  url = {{{ROW_URL}}},\n  urldate = {{2027-04-05}},\n" in cite["bibtex"]


def test_a_build_no_release_holds_is_cited_under_its_label_without_a_release_date():
    meta = {**META, "label": "1.2.0+unreleased"}
    cite = citation.dataset_citation(meta, "https://x.test/reports", accessed="2027-04-05", release_date="")
    assert cite["released"] == "" and cite["version"] == "1.2.0+unreleased"
    assert cite["apa"].startswith("Team A. (n.d.). Wuhan reports / 武汉报告 (Version 1.2.0+unreleased) [Data set].")
    assert "2027(" not in cite["gbt7714"] and "[2027-04-05]. https://x.test/reports." in cite["gbt7714"]
    assert "date = {" not in cite["bibtex"].replace("urldate", "") and "version = {1.2.0+unreleased}" in cite["bibtex"]


def test_access_date_defaults_to_today():
    assert citation.dataset_citation(META, URL)["accessed"] == citation.today()


def test_row_citation():
    assert citation.row_citation("indicators", "000-abc-i-1", "2019年工作报告", "GDP增长9.7%。",
                                 ROW_URL, META) == (
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
