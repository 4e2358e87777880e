"""Place and years on indicator and project rows (context.py), in the rows and in the published outputs."""
import csv
import os
import sqlite3

import pytest

from cn_gov_reports import context, fields

REPORT = {"id": "t", "region": "洪山区", "region_code": "420111", "review_year": 2019, "plan_year": 2020,
          "plan_end_year": None}
PLAN = {"id": "p", "region": "东湖高新区", "region_code": "420100-Z01", "review_year": 2020, "plan_year": 2021,
        "plan_end_year": 2025}


@pytest.mark.parametrize("period, years", [("2018", (2018, 2018)), ("2021-2025", (2021, 2025)), ("", (None, None)),
                                           (None, (None, None)), ("十四五", (None, None))])
def test_period_years(period, years):
    assert context.period_years(period) == years


def test_project_years_follow_status_and_the_documents_years():
    assert context.project_years(REPORT, "actual") == (2019, 2019)
    assert context.project_years(REPORT, "target") == (2020, 2020)
    assert context.project_years(PLAN, "target") == (2021, 2025)
    assert context.project_years({"region": "x"}, "target") == (None, None)


def test_rows_get_place_and_years_and_keep_everything_else():
    row = {"id": "t-i-1", "period": "2021-2025", "status": "target", "value": 7.0}
    [out] = context.indicator_rows(PLAN, [row])
    assert out == dict(row, region="东湖高新区", region_code="420100-Z01", year_start=2021, year_end=2025)
    assert "region" not in row  # the extractor's row is not changed
    [project] = context.project_rows(REPORT, [{"id": "t-p-1", "status": "actual"}])
    assert (project["region"], project["year_start"], project["year_end"]) == ("洪山区", 2019, 2019)


def test_columns_are_defined_once_for_both_tables():
    for table in (fields.INDICATORS, fields.PROJECTS):
        assert table.columns[-4:] == ["region", "region_code", "year_start", "year_end"]
        assert table.field("year_start").type == "integer" and table.field("year_start").extension
        assert table.facets[:2] == ("region", "year_start")


def test_built_rows_carry_their_documents_region_and_their_periods_years(seeds_build):
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    wrong = conn.execute("select count(*) from indicators i join documents d on d.id = i.document_id "
                         "where i.region is not d.region or i.region_code is not d.region_code").fetchone()[0]
    assert wrong == 0
    for period, start, end in conn.execute("select period, year_start, year_end from indicators"):
        assert (start, end) == context.period_years(period)
    assert conn.execute("select count(*) from indicators where year_start is not null").fetchone()[0] > 0
    projects = conn.execute("select p.status, p.year_start, p.year_end, d.review_year, d.plan_year, d.plan_end_year, "
                            "p.region = d.region from projects p join documents d on d.id = p.document_id").fetchall()
    assert projects
    for status, start, end, review, plan, plan_end, same_region in projects:
        assert same_region
        assert (start, end) == ((review, review) if status == "actual" else (plan, plan_end or plan) if plan
                                else (None, None))
    with open(os.path.join(str(seeds_build), "data", "indicators.csv"), encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    assert first["region"] and first["year_start"].isdigit()


def test_texts_hold_the_text_every_offset_points_into(seeds_build):
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    texts = {}
    for doc, start, end, text in conn.execute("select document_id, char_start, char_end, text from texts "
                                              "order by document_id, part"):
        assert len(texts.get(doc, "")) == start and end - start == len(text)
        texts[doc] = texts.get(doc, "") + text
    assert set(texts) == {r[0] for r in conn.execute("select id from documents")}
    for doc, sentence, start, end in conn.execute("select document_id, sentence, sentence_start, sentence_end "
                                                  "from indicators union all select document_id, sentence, "
                                                  "sentence_start, sentence_end from projects"):
        assert texts[doc][start:end] == sentence
    for doc, chars in conn.execute("select id, characters from documents"):
        assert len(texts[doc]) == chars


def test_text_parts_cut_after_a_line_break_and_cover_the_text():
    from cn_gov_reports import texts

    text = "一二三\n四五六七八九\n十" + "长" * 25
    rows = texts.rows("d", text, size=8)
    assert "".join(r["text"] for r in rows) == text
    assert [r["text"] for r in rows[:2]] == ["一二三\n", "四五六七八九\n"]  # after the last line break that fits
    assert all(len(r["text"]) <= 8 for r in rows) and rows[2]["text"] == "十" + "长" * 7  # a long line: cut at 8
    assert [r["id"] for r in rows[:2]] == ["d-text-00000", "d-text-00001"]
    assert all(text[r["char_start"]:r["char_end"]] == r["text"] for r in rows)


def test_documents_carry_the_catalog_note_and_retrieval_date(seeds_build):
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    rows = conn.execute("select source_note, retrieved from documents").fetchall()
    assert rows and all(note and retrieved == "2026-11-22" for note, retrieved in rows)
