"""Segmentation, query translation and the FTS5 index (cn_gov_reports/search.py), without a server."""
import csv
import os
import re
import sqlite3

import hypothesis
import jieba
import pytest
import yaml

from cn_gov_reports import search, site
from cn_gov_reports.search import BREAK

from conftest import ROOT


@pytest.mark.parametrize("text, expected", [
    ("光谷", "光 谷"),
    ("PM2.5", "P M 2 . 5"),
    ("788亿元,", "7 8 8 亿 元 ,"),
    ("东湖\n\n高新区", f"东 湖 {BREAK} 高 新 区"),
    ("  a  ", f"{BREAK} a {BREAK}"),
    ("", ""),
    (None, ""),
])
def test_chars(text, expected):
    assert search.chars(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("支持长江存储提升产能", "支持 长江存储 提升 产能", id="company from the user dictionary"),
    pytest.param("确保建成光谷火车站", "确保 建成 光谷火车站", id="project from the user dictionary"),
    pytest.param("硚口区和东西湖区", "硚口区 和 东西湖区", id="districts"),
    pytest.param("招商引资788亿元", "招商引资 788 亿元", id="number and unit"),
    pytest.param("PM2.5平均浓度", "PM2 . 5 平均 浓度", id="Latin and digits"),
    pytest.param("一、\n总体要求", f"一 、 {BREAK} 总体 要求", id="line break"),
])
def test_words_use_the_user_dictionary(text, expected):
    assert search.words(text) == expected


def test_the_user_dictionary_changes_jieba_segmentation():
    """Without the project's dictionary jieba splits the names the reports use."""
    plain = jieba.Tokenizer()
    assert list(plain.cut("支持长江存储提升产能", HMM=False))[1:3] == ["长江", "存储"]
    assert "长江存储" in search.words("支持长江存储提升产能").split()


def test_segmentation_is_deterministic():
    text = "加快推进光谷科学岛、光谷生物城建设,天马G6二期量产,实际到位资金788亿元。"
    assert len({search.words(text) for _ in range(3)}) == 1


def test_userdict_parses_and_rejects_bad_lines(tmp_path):
    entries = search.read_userdict()
    words = [w for w, _, _ in entries]
    assert len(words) == len(set(words)), "a word is listed twice"
    assert {"东西湖", "光谷", "长江存储", "车谷", "硚口"} <= set(words)
    bad = tmp_path / "userdict.txt"
    bad.write_text("# comment\n光谷 ns\n长江 存储 nt\n", encoding="utf-8")
    with pytest.raises(search.UserDictError, match=":3: "):
        search.read_userdict(str(bad))


def test_userdict_holds_every_wuhan_region_name():
    """Names and aliases of Wuhan's districts and zones (vocab/regions.csv) are all in the user dictionary."""
    words = {w for w, _, _ in search.read_userdict()}
    with open(os.path.join(ROOT, "cn_gov_reports", "vocab", "regions.csv"), encoding="utf-8") as fh:
        regions = [r for r in csv.DictReader(fh) if r["code"] == "420100" or r["parent_code"] == "420100"]
    names = {n for r in regions for n in [r["name"], *r["aliases"].split("|")]
             if n and re.fullmatch(r"[\u4e00-\u9fff]+", n)}  # names written in Chinese characters only
    assert names - words == set()


@pytest.mark.parametrize("query, expected", [
    ("光谷", '"光 谷"'),
    ("  光谷  招商引资 ", '"光 谷" AND "招 商 引 资"'),
    ("ＰＭ２.５", '"P M 2 . 5"'),  # full-width forms are normalized like the reports
    ('"PM 2.5"', f'"P M {BREAK} 2 . 5"'),
    ('a"b', '"a "" b """'),
    ("", '""'),
    ("   ", '""'),
])
def test_match_expression(query, expected):
    assert search.match_expression(query) == expected


def test_words_expression_segments_the_query_like_the_index():
    assert search.words_expression("光谷火车站 招商引资788亿元") == '"光谷火车站" AND "招商引资 788 亿元"'


@pytest.mark.parametrize("query, values, expected", [
    ("光谷", ["中国光谷"], True),
    ("pm2.5", ["PM2.5浓度"], True),
    ("光谷 招商", ["光谷", "招商引资"], True),
    ("光谷 招商", ["光谷"], False),
    ('"a b"', ["a\n b"], True),
    ("光谷", [None, ""], False),
])
def test_contains(query, values, expected):
    assert search.contains(query, *values) is expected


def connect(seeds_build):
    return sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)


def test_fts_tables_use_the_stock_tokenizer(seeds_build):
    conn = connect(seeds_build)
    for table in search.searchable_tables():
        sql = conn.execute("select sql from sqlite_master where name = ?", (search.fts_table(table),)).fetchone()[0]
        assert "using fts5(" in sql.lower() and "content=''" in sql and search.TOKENIZE in sql, sql
        columns = [r[1] for r in conn.execute(f"pragma table_info([{search.fts_table(table)}])")]
        assert columns == list(table.fts) + [c + "_words" for c in table.fts]


def test_every_section_is_found_by_its_own_text(seeds_build):
    """The index rowids point at the right rows: each section's heading and text find that section."""
    conn = connect(seeds_build)
    rows = conn.execute("select rowid, heading, text from sections").fetchall()
    assert len(rows) > 100
    for rowid, heading, text in rows:
        for value in (heading, text):
            runs = (value or "").split()
            if not runs:
                continue
            probe = runs[0][:12]  # a substring of the value without whitespace
            found = {r for (r,) in conn.execute("select rowid from sections_fts where sections_fts match ?",
                                                (search.match_expression(probe),))}
            assert rowid in found, (rowid, probe)


def test_word_columns_are_searchable_by_word_in_plain_sqlite(seeds_build):
    """Any SQLite tool can search the word columns with a plain MATCH, no plugin needed."""
    conn = connect(seeds_build)
    hits = conn.execute("select count(*) from sections where rowid in (select rowid from sections_fts "
                        "where sections_fts match 'text_words : 长江存储')").fetchone()[0]
    scan = conn.execute("select count(*) from sections where instr(text, '长江存储')").fetchone()[0]
    assert hits == scan > 0


def test_metadata_points_datasette_at_the_fts_tables():
    tables = yaml.safe_load(site.render())["databases"]["reports"]["tables"]
    for table in search.searchable_tables():
        assert tables[table.name]["fts_table"] == f"{table.name}_fts"
    assert "fts_table" not in tables["documents"]


def test_snippet_marks_the_first_hit():
    before, hit, after = search.snippet("存储", "支持长江存储提升产能")
    assert (before, hit, after) == ("支持长江", "存储", "提升产能")
    assert search.snippet("光谷", "无关") is None


def test_worker_segmentation_equals_segmenting_the_loaded_rows(seeds_build):
    """The tokens each report carries (made in the build's workers) are what segmenting the rows as
    loaded into SQLite gives, so the index is the same whichever process cut the text."""
    import sqlite3

    from conftest import SEEDS
    from helpers import reports

    tokens = {}
    for report in reports(SEEDS):
        for table, rows in report.tokens.items():
            tokens.setdefault(table, {}).update(rows)
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    for table in search.searchable_tables():
        rows = conn.execute(f"select id, {', '.join(table.fts)} from [{table.name}]").fetchall()
        assert rows and len(rows) == len(tokens[table.name])
        for row_id, *values in rows:
            assert tokens[table.name][row_id] == search.segment_words(values), (table.name, row_id)


def test_jieba_rs_cuts_every_seed_value_as_python_jieba_does():
    """The index is cut by jieba-rs (fast); Python jieba with the same dictionary is the reference."""
    from conftest import SEEDS
    from helpers import reports

    values = {row.get(c) for r in reports(SEEDS) for table in search.searchable_tables()
              for row in getattr(r, table.name) for c in table.fts}
    assert len(values) > 500
    for value in values:
        assert search.words(value) == search.reference_words(value), value


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(hypothesis.strategies.lists(hypothesis.strategies.sampled_from(
    ["长江", "存储", "武汉", "东湖高新区", "增长", "亿元", "GDP", "PM2.5", "5.6%", "-", "+", "#", "&", "_", ".", "a",
     "7", " ", "  ", "\n", "\r\n", "\t", ",", "。", "、", "(", ")", "“", "”", "\ue000", "硚口", "㙟", "鿏", "𠮷",
     "龘", "é", "Ⅲ", "①", "の"]), max_size=30))
def test_jieba_rs_cuts_as_python_jieba_does(pieces):
    text = "".join(pieces)
    assert search.words(text) == search.reference_words(text)
