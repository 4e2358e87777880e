"""An incremental build (one report added, changed or removed) gives the outputs of a full build of the same
inputs: the same CSV and datapackage.json bytes, and a database with the same rows, keys, indexes,
package_info and full-text index; and it processes only the report that changed."""
import os
import shutil
import sqlite3

import pytest

from conftest import SEEDS
from cn_gov_reports import counts, fields, search
from cn_gov_reports.build import build

from test_build_parallel import read_outputs

REPORTS = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
DISTRICT = os.path.join(os.path.dirname(__file__), "fixtures", "targets")  # three years of one district
QUERIES = ["创新", "增长", "长江存储", "2019", "GDP", "亿元", "光谷", "新增市场主体", "5.6%", "高新区 工作",
           "\"工作 报告\"", "检验增量", "的"]
EDIT = "\n\n另据统计,全年新增市场主体1234户,同比增长5.6%。检验增量构建。\n"


def copy_seeds(dest, exclude=()):
    shutil.copytree(SEEDS, dest, ignore=lambda d, names: [n for n in names if n in exclude])
    return dest


def full_build(seeds, out):
    """A build from nothing: no cache, no previous outputs."""
    result = build(str(seeds), str(out), jobs=1, cache_dir=None)
    assert result["stats"]["database"] == "loaded"
    return result


def database_contents(db_path):
    """Everything a reader of the database can see, rowids aside (an update puts a report's rows in the gap
    between its neighbours' where a full load numbers them one gap apart: the same order, other numbers; nothing
    published uses them, see search.ranked_sql)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = {"user_version": conn.execute("pragma user_version").fetchone()}
    out["schema"] = sorted(conn.execute("select type, name, tbl_name, sql from sqlite_master "
                                        "where name not like 'sqlite_stat%'").fetchall())
    for table in fields.TABLES:
        out[table.name] = conn.execute(f"select * from [{table.name}] order by [{table.primary_key}]").fetchall()
    out["package_info"] = conn.execute("select * from package_info order by key").fetchall()
    for table in counts.COUNT_TABLES:  # adjusted by an update as a full load counts them
        out[table] = sorted(conn.execute(f"select * from [{table}]").fetchall(), key=repr)
    for table in search.searchable_tables():
        fts = search.fts_table(table)
        # Every token of the index with the number of rows and occurrences holding it: equal vocabularies
        # mean the same tokens went in and every deleted row's tokens came out.
        conn.execute(f"create virtual table temp.[{fts}_vocab] using fts5vocab(main, '{fts}', 'row')")
        out[f"{fts} vocabulary"] = conn.execute(f"select term, doc, cnt from temp.[{fts}_vocab] order by term").fetchall()
        for query in QUERIES:
            for expression in (search.match_expression(query), search.words_expression(query)):
                out[f"{fts} count {expression}"] = conn.execute(
                    f"select count(*) from [{fts}] where [{fts}] match ?", (expression,)).fetchone()
                out[f"{fts} ids {expression}"] = conn.execute(
                    f"select t.[{table.primary_key}], round(bm25([{fts}]), 9) from [{fts}] "
                    f"join [{table.name}] t on t.rowid = [{fts}].rowid where [{fts}] match ? order by 1",
                    (expression,)).fetchall()
            out[f"{fts} ranked {query}"] = [r[1] for r in conn.execute(
                search.ranked_sql(table), search.search_params(query, 50)).fetchall()]
    conn.close()
    return out


def rowids_in_page_order(db_path):
    """{table: whether its rowids follow its pages' order (position, then id)} of the tables with an order."""
    from cn_gov_reports.web.plugins.search_pages import rowids_follow

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {t.name: rowids_follow(conn, t.name, fields.POSITION, t.primary_key) for t in fields.TABLES if t.order}
    finally:
        conn.close()


def assert_same_outputs(out, expected):
    assert read_outputs(out) == read_outputs(expected)
    # the search pages' fast path (search_pages.py) holds after an update as after a full load
    assert rowids_in_page_order(out / "reports.db") == rowids_in_page_order(expected / "reports.db")
    assert all(rowids_in_page_order(out / "reports.db").values())
    got, want = database_contents(out / "reports.db"), database_contents(expected / "reports.db")
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == want[key], key
    assert sum(len(v) for k, v in want.items() if k.endswith(" vocabulary")) > 1000
    assert any(v for k, v in want.items() if " ranked " in k)


@pytest.fixture(scope="module")
def full_all(tmp_path_factory):
    out = tmp_path_factory.mktemp("full-all")
    full_build(SEEDS, out)
    return out


def test_adding_a_report_back_equals_the_full_build(tmp_path, full_all, counted):
    missing = REPORTS[2]
    seeds, out = copy_seeds(tmp_path / "seeds", exclude=(missing,)), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    shutil.copy(os.path.join(SEEDS, missing), seeds / missing)
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == [missing]
    assert result["stats"]["database"] == "updated: 0 documents out, 1 in"
    assert_same_outputs(out, full_all)


def test_changing_a_report_equals_the_full_build(tmp_path, counted):
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    changed = REPORTS[1]
    with open(seeds / changed, "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == [changed]
    assert result["stats"]["database"] == "updated: 1 documents out, 1 in"
    assert result["stats"]["csv"] == "4 reports copied from the previous files, 1 written"
    full_build(seeds, tmp_path / "full")
    assert_same_outputs(out, tmp_path / "full")


def test_a_large_incremental_build_validates_in_a_process_of_its_own(tmp_path, monkeypatch):
    """From build.VALIDATION_PROCESS_FROM reports (here: from one) an incremental build validates in a process, not
    a thread: the same outputs as a full build, and a problem found there fails the build."""
    import cn_gov_reports.build as build_mod

    monkeypatch.setattr(build_mod, "VALIDATION_PROCESS_FROM", 1)
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    with open(seeds / REPORTS[1], "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    assert build(str(seeds), str(out), jobs=1)["stats"]["database"] == "updated: 1 documents out, 1 in"
    full_build(seeds, tmp_path / "full")
    assert_same_outputs(out, tmp_path / "full")

    monkeypatch.setattr(build_mod, "validate_changes", lambda *a: [f"checked in process {os.getpid()}"])
    monkeypatch.setattr(build_mod, "VALIDATION_START", "fork")  # the validation's process gets the patch
    with open(seeds / REPORTS[1], "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    with pytest.raises(build_mod.BuildError) as failed:
        build(str(seeds), str(out), jobs=1)
    checked_in = int(str(failed.value).rsplit("checked in process ", 1)[1].split()[0])
    assert checked_in != os.getpid()
    assert_same_outputs(out, tmp_path / "full")  # the failed build published nothing


def test_removing_a_report_equals_the_full_build(tmp_path, counted):
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    os.remove(seeds / REPORTS[3])
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == []
    assert result["stats"]["database"] == "updated: 1 documents out, 0 in"
    full_build(seeds, tmp_path / "full")
    assert_same_outputs(out, tmp_path / "full")


def test_a_chain_of_updates_equals_the_full_build(tmp_path, full_all, counted):
    """Remove, change, add back and undo the change, one build each: the database after four updates in
    place equals a fresh full build."""
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    os.remove(seeds / REPORTS[0])
    build(str(seeds), str(out), jobs=1)
    original = (seeds / REPORTS[4]).read_bytes()
    (seeds / REPORTS[4]).write_bytes(original + EDIT.encode("utf-8"))
    build(str(seeds), str(out), jobs=1)
    shutil.copy(os.path.join(SEEDS, REPORTS[0]), seeds / REPORTS[0])
    build(str(seeds), str(out), jobs=1)
    (seeds / REPORTS[4]).write_bytes(original)
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == [REPORTS[4]]  # its first version left the cache when it changed
    assert result["stats"]["database"].startswith("updated")
    assert_same_outputs(out, full_all)


def test_a_database_changed_since_the_last_build_is_loaded_again(tmp_path, full_all):
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    conn = sqlite3.connect(out / "reports.db")
    conn.execute("delete from sections where rowid = (select min(rowid) from sections)")
    conn.commit()
    conn.close()
    result = build(str(seeds), str(out), jobs=1)
    assert result["stats"]["database"] == "loaded"
    assert_same_outputs(out, full_all)


def test_csv_files_changed_since_the_last_build_are_written_again(tmp_path, full_all):
    """The CSV lines of unchanged reports are copied from the previous files only while those are exactly
    what the last build published."""
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    result = build(str(seeds), str(out), jobs=1)
    assert result["stats"]["csv"] == "5 reports copied from the previous files, 0 written"
    sections = out / "data" / "sections.csv"
    sections.write_bytes(sections.read_bytes().replace("工作".encode(), "gongzuo".encode()))
    result = build(str(seeds), str(out), jobs=1)
    assert result["stats"]["csv"] == "0 reports copied from the previous files, 5 written"
    assert_same_outputs(out, full_all)


def test_an_update_publishes_a_new_file_and_leaves_the_old_one_alone(tmp_path):
    """A server holding the previous file open (datasette --immutable) keeps reading an unchanged file."""
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    before = os.stat(out / "reports.db")
    held = open(out / "reports.db", "rb")
    data = held.read()
    with open(seeds / REPORTS[1], "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    result = build(str(seeds), str(out), jobs=1)
    assert result["stats"]["database"].startswith("updated")
    assert os.stat(out / "reports.db").st_ino != before.st_ino
    held.seek(0)
    assert held.read() == data
    held.close()


def test_a_build_without_database_then_one_with_loads_it(tmp_path, full_all):
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    build(str(seeds), str(out), jobs=1, database=False)
    result = build(str(seeds), str(out), jobs=1)
    assert result["stats"]["database"] == "loaded"
    assert_same_outputs(out, full_all)


def test_target_outcomes_follow_every_report_in_an_incremental_build(tmp_path, counted):
    """target_outcomes pairs one report's target with a later report's outcome, so it is made from all reports
    at package time: taking out or adding back the middle year of a district changes pairs on both sides of
    it, and the incremental build still equals a full build (CSV bytes and database)."""
    seeds, out = copy_seeds(tmp_path / "seeds"), tmp_path / "out"
    for name in os.listdir(DISTRICT):
        shutil.copy(os.path.join(DISTRICT, name), seeds / name)
    build(str(seeds), str(out), jobs=1)
    paired = (out / "data" / "target_outcomes.csv").read_text(encoding="utf-8")
    assert paired.count("\n") == 7 and "-gdp-2019," in paired and "-gdp-2020," in paired
    os.remove(seeds / "jiangxia_2020.txt")
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == [] and result["row_counts"]["target_outcomes"] == 0
    assert result["stats"]["database"] == "updated: 1 documents out, 0 in"
    full_build(seeds, tmp_path / "full-without")
    assert_same_outputs(out, tmp_path / "full-without")
    shutil.copy(os.path.join(DISTRICT, "jiangxia_2020.txt"), seeds / "jiangxia_2020.txt")
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == ["jiangxia_2020.txt"] and result["row_counts"]["target_outcomes"] == 6
    full_build(seeds, tmp_path / "full-with")
    assert_same_outputs(out, tmp_path / "full-with")
    assert (out / "data" / "target_outcomes.csv").read_text(encoding="utf-8") == paired
