"""Datasette's metadata.yml, generated from fields.py and dataset.yml (never edited by hand)."""

import yaml

from . import fields, package_info, project_keys
from .package import DATABASE_NAME, dataset
from .search import fts_table

from .paths import METADATA_PATH
LONG_TEXT = {"text", "sentence", "description", "aliases"}  # not worth sorting on
SQL_TIME_LIMIT_MS = 3000
POSITION_DESCRIPTION = ("The document id, then {columns} zero-padded: sorts the rows by document and position "
                        "(generated in the database only, not in the CSV files) / 文档标识及文中位置(仅数据库中生成,"
                        "用于按文档和位置排序)")

# A ready-made query never opens on "0 results": a parameter left empty takes a default that exists in the data
# (the first document; the indicator most rows name; the latest year with targets), the first of its choices.
FIRST_DOCUMENT = "(select id from documents order by id limit 1)"
COMMON_INDICATOR = ("(select indicator from indicators where coalesce(indicator, '') != '' group by indicator "
                    "order by count(*) desc, indicator limit 1)")
LATEST_TARGET_YEAR = "(select max(period) from indicators where status = 'target' and period glob '[0-9][0-9][0-9][0-9]')"

COMMON_PROJECT = ("(select project_key from projects where coalesce(project_key, '') != '' group by project_key "
                  "order by count(distinct document_id) desc, count(*) desc, project_key limit 1)")


def query_sql(sql, changes):
    """A ready-made query's SQL from another module's (`sql`), each (old, new) of `changes` applied once."""
    for old, new in changes.items():
        if sql.count(old) != 1:
            raise ValueError(f"the query SQL no longer holds {old!r} once")
        sql = sql.replace(old, new)
    return sql


CANNED_QUERIES = {
    "targets_by_year": {
        "title": "目标值及原句(按年份) / Targets of one year with their sentences",
        "description": "Every indicator whose status is target and whose period is the chosen year (the latest "
                       "by default), with its region and the sentence it comes from. / 状态为目标、时期为所选年份"
                       "(默认最近一年)的全部指标,及其地区和原句。",
        "sql": f"""select d.region, i.period, i.subject, i.indicator, i.comparator, i.value, i.unit, i.measure,
  i.sentence, d.title as document, i.id as indicator_id
from indicators i join documents d on d.id = i.document_id
where i.status = 'target' and i.period = coalesce(nullif(:year, ''), {LATEST_TARGET_YEAR})
order by d.id, i.sentence_start, i.char_start""",
    },
    "gdp_across_documents": {
        "title": "各文档的地区生产总值相关指标 / GDP-related indicators across documents",
        "description": "Indicators normalized to gdp, or whose subject mentions 生产总值 or GDP, in every document. "
                       "/ 各文档中规范名为gdp或对象含“生产总值”“GDP”的指标。",
        "sql": """select d.region, d.review_year, d.plan_year, i.status, i.period, i.subject, i.measure,
  i.comparator, i.value, i.unit, i.value_base, i.unit_base, i.sentence, i.id as indicator_id
from indicators i join documents d on d.id = i.document_id
where i.indicator = 'gdp' or i.subject like '%生产总值%' or i.subject like '%GDP%'
order by d.region, i.period, i.status""",
    },
    "projects_started_per_document": {
        "title": "各文档开工项目 / Projects started, per document",
        "description": "How many named projects each document reports (or plans) as started, with their names. "
                       "/ 各文档报告(或计划)开工的具名项目数及名称。",
        "sql": """select d.region, d.title as document, p.status, count(*) as projects,
  group_concat(p.name, '、') as names, d.id as document_id
from projects p join documents d on d.id = p.document_id
where p.stage = 'started'
group by d.id, p.status
order by d.id, p.status""",
    },
    "section_tree": {
        "title": "文档章节树 / The section tree of one document",
        "description": "Headings of one document in order, indented by level (unnumbered headings such as 附件 "
                       "too); choose a report (the first by default). / 按层级缩进列出一份文档的全部标题(含附件等"
                       "无编号标题);选择报告(默认第一份)。",
        "sql": f"""select s.ordinal, s.level,
  substr('                ', 1, 4 * s.level) || coalesce(s.label, '') ||
    coalesce(nullif(s.heading, ''), case when s.level = 0 then '(前言 preamble)' else '' end) as heading,
  s.path, length(s.text) as characters, s.id as section_id
from sections s
where s.document_id = coalesce(nullif(:document, ''), {FIRST_DOCUMENT})
order by s.ordinal""",
    },
    "target_outcomes": {
        "title": "目标与实际 / Targets against outcomes",
        "description": "Each main target a report sets for its plan year (e.g. GDP growth) against the outcome the next "
                       "year's report states, whether it was met, and both sentences; choose an indicator or all. "
                       "The chart is at /-/targets. / "
                       "各地区每年的主要预期目标(如地区生产总值增速)与次年报告所述实际完成情况、是否完成及两处原句;"
                       "可选一个指标或全部。图表见 /-/targets。",
        "sql": """select o.region, o.indicator, o.year, o.target_comparator, o.target_value, o.target_value_high,
  o.target_relative_to, o.actual_value, o.actual_status, o.met, t.sentence as target_sentence,
  a.sentence as actual_sentence, o.target_indicator_id, o.actual_indicator_id, o.id as target_outcome_id
from target_outcomes o
join indicators t on t.id = o.target_indicator_id
join indicators a on a.id = o.actual_indicator_id
where :indicator = '' or o.indicator = :indicator
order by o.region, o.indicator, o.year""",
    },
    "project_across_reports": {
        "title": "同一项目跨报告跨年份 / One project across reports and years",
        "description": "Every mention of one project (its project_key, e.g. 光谷火车站 or 东湖综合保税区二期; the "
                       "key is on each project row; by default the one most reports mention) in every document, "
                       "ordered by the year it speaks of, with its stage: follow a project from 谋划 to 开工, 建成 and "
                       "投产. / 某一项目(按项目归一名称,见项目表project_key列;默认为提及报告最多者)在各文档中的全部"
                       "提及,按所述年份排列,附阶段。",
        "sql": query_sql(project_keys.MENTIONS_SQL, {
            "p.project_key = :project_key": f"p.project_key = coalesce(nullif(:project_key, ''), {COMMON_PROJECT})",
            "d.title as document, p.document_id, p.sentence, p.id\n": "d.title as document, p.document_id, p.sentence, "
                                                                     "p.id as project_id\n"}),
    },
    "indicators_by_name": {
        "title": "单一指标跨文档对比 / One indicator across all documents",
        "description": "Actual, estimated and target values of one normalized indicator (the one most rows name by "
                       "default) in every document. / 某一规范化指标(默认为行数最多者)在各文档中的实际值、预计值与目标值。",
        "sql": f"""select d.region, i.period, i.status, i.measure, i.comparator, i.value, i.unit, i.subject,
  i.sentence, i.indicator, i.id as indicator_id
from indicators i join documents d on d.id = i.document_id
where i.indicator = coalesce(nullif(:indicator, ''), {COMMON_INDICATOR})
order by d.region, i.period, i.status""",
    },
}

# The table whose column labels a query's result columns take (others: any table's column of that name)
QUERY_TABLES = {"targets_by_year": "indicators", "gdp_across_documents": "indicators",
                "projects_started_per_document": "projects", "section_tree": "sections",
                "target_outcomes": "target_outcomes", "indicators_by_name": "indicators",
                "project_across_reports": "projects"}

# The choices a ready-made query's parameter offers, as (value, label) rows in the order shown; the first is the
# default the query takes when the parameter is empty (ALL_CHOICE: empty means every value).
ALL_CHOICE = ("", "全部 All")
DOCUMENT_CHOICES = ("select id as value, coalesce(region, '') || ' · ' || coalesce(nullif(title, ''), id) || "
                    "coalesce(' · ' || published, '') as label from documents order by id")
INDICATOR_CHOICES = ("select n.id as value, n.label_zh || ' ' || n.label_en || ' (' || count(*) || ')' as label "
                     "from indicators i join indicator_names n on n.id = i.indicator "
                     "group by n.id order by count(*) desc, n.id")
QUERY_CHOICES = {
    "targets_by_year": {"year": ("select period as value, period || ' (' || count(*) || ')' as label from indicators "
                                 "where status = 'target' and period glob '[0-9][0-9][0-9][0-9]' group by period "
                                 "order by period desc", None)},
    "section_tree": {"document": (DOCUMENT_CHOICES, None)},
    "indicators_by_name": {"indicator": (INDICATOR_CHOICES, None)},
    "project_across_reports": {"project_key": (
        "select project_key as value, project_key || ' (' || count(distinct document_id) || ' 份报告 reports, ' || "
        "count(*) || ' 次 mentions)' as label from projects where coalesce(project_key, '') != '' "
        "group by project_key order by count(distinct document_id) desc, count(*) desc, project_key", None)},
    "target_outcomes": {"indicator": ("select n.id as value, n.label_zh || ' ' || n.label_en || ' (' || count(*) || "
                                      "')' as label from target_outcomes o join indicator_names n on n.id = o.indicator "
                                      "group by n.id order by count(*) desc, n.id", ALL_CHOICE)},
}


def _license_and_source(ds):
    data_license = ds["licenses"][0]
    return {
        "license": data_license["name"],
        "license_url": data_license["path"],
        "source": "Government websites of Wuhan's districts and development zones (see the documents table)",
        "about": "README: what the data is, how to search, cite and rebuild it",
    }


def table_title(table):
    return f"{table.title_zh} / {table.title}"


def table_metadata(table):
    meta = {
        "title": table_title(table),
        "description": table.description,
        "columns": {f.name: f.description for f in table.fields},
        "sortable_columns": [f.name for f in table.fields if f.name not in LONG_TEXT],
    }
    if table.order:  # the database's generated reading-order column (fields.POSITION), the default sort
        meta["columns"][fields.POSITION] = POSITION_DESCRIPTION.format(columns=", ".join(table.order[1:]))
        meta["sortable_columns"].append(fields.POSITION)
    if table.label_column:
        meta["label_column"] = table.label_column
    if table.facets:
        meta["facets"] = list(table.facets)
    if table.sort:
        meta["sort"] = table.sort
    if table.fts:
        meta["fts_table"] = fts_table(table)  # the index search.py builds; Datasette's ?_search= uses it
    return meta


def metadata():
    """The metadata.yml content as a dict."""
    ds = dataset()
    common = _license_and_source(ds)
    tables = {}
    for table in fields.TABLES:
        tables[table.name] = {**table_metadata(table), **common}
    tables[package_info.TABLE] = {"title": package_info.TITLE, "description": package_info.DESCRIPTION, **common}
    return {
        "title": ds["title"],
        "version": ds["version"],
        "description": ds["description"].strip(),
        **common,
        "databases": {
            DATABASE_NAME: {
                "title": ds["title"],
                "description": ds["description"].strip(),
                **common,
                "tables": tables,
                "queries": CANNED_QUERIES,
            }
        },
    }


def render():
    header = "# Generated by `python scripts/build.py` from cn_gov_reports/fields.py and dataset.yml: do not edit.\n"
    return header + yaml.safe_dump(metadata(), allow_unicode=True, sort_keys=False, width=110)


def write(path=METADATA_PATH):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(render())
    return path


def _markdown(header, rows):
    return "\n".join([f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
                     + [f"| {' | '.join(cell.replace('|', '/') for cell in row)} |" for row in rows])


def columns_markdown():
    """The README's table of tables and columns (a test keeps the README in step with fields.py)."""
    return _markdown(("table", "column", "type", "meaning"), [
        (f"**{table.name}**" if n == 0 else "", f"`{f.name}`", f.type,
         f.en + (" *(extension to SPEC)*" if f.extension else ""))
        for table in fields.TABLES for n, f in enumerate(table.fields)])


def codes_markdown():
    """The README's table of coded values (vocab/codes.csv; a test keeps the README in step with it)."""
    return _markdown(("column", "value", "中文", "English", "in the column's description"), [
        (f"`{table}.{column}`" if n == 0 else "", f"`{c.value}`", c.label_zh, c.label_en, c.description)
        for (table, column), codes in fields.CODES.items() for n, c in enumerate(codes)])
