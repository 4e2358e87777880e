"""Datasette's metadata.yml, generated from fields.py and dataset.yml (never edited by hand)."""

import yaml

from . import fields, package_info, project_keys
from .package import DATABASE_NAME, dataset
from .search import fts_table

from .paths import METADATA_PATH
LONG_TEXT = {"text", "sentence", "description", "aliases"}  # not worth sorting on
SQL_TIME_LIMIT_MS = 3000

CANNED_QUERIES = {
    "targets_2019": {
        "title": "All 2019 targets with their sentences / 2019年全部目标值及原句",
        "description": "Every indicator whose status is target and whose period is 2019, with the sentence it "
                       "comes from. / 状态为目标、时期为2019年的全部指标及其原句。",
        "sql": """select i.id, d.title as document, i.subject, i.indicator, i.comparator, i.value, i.unit,
  i.measure, i.sentence
from indicators i join documents d on d.id = i.document_id
where i.status = 'target' and i.period = '2019'
order by d.id, i.sentence_start, i.char_start""",
    },
    "gdp_across_documents": {
        "title": "GDP-related indicators across documents / 各文档的地区生产总值相关指标",
        "description": "Indicators normalized to gdp, or whose subject mentions 生产总值 or GDP, in every document. "
                       "/ 各文档中规范名为gdp或对象含“生产总值”“GDP”的指标。",
        "sql": """select d.region, d.review_year, d.plan_year, i.status, i.period, i.subject, i.measure,
  i.comparator, i.value, i.unit, i.value_base, i.unit_base, i.sentence, i.id
from indicators i join documents d on d.id = i.document_id
where i.indicator = 'gdp' or i.subject like '%生产总值%' or i.subject like '%GDP%'
order by d.region, i.period, i.status""",
    },
    "projects_started_per_document": {
        "title": "Projects started, per document / 各文档开工项目",
        "description": "How many named projects each document reports (or plans) as started, with their names. "
                       "/ 各文档报告(或计划)开工的具名项目数及名称。",
        "sql": """select d.title as document, p.status, count(*) as projects,
  group_concat(p.name, '、') as names
from projects p join documents d on d.id = p.document_id
where p.stage = 'started'
group by d.id, p.status
order by d.id, p.status""",
    },
    "section_tree": {
        "title": "The section tree of one document / 文档章节树",
        "description": "Headings of one document in order, indented by level; pick a document id from the "
                       "documents table (e.g. 000-72912416dbe8ff8c). / 按层级缩进列出一份文档的全部标题;文档标识见文档表。",
        "sql": """select s.ordinal, s.level, substr('                ', 1, 4 * s.level) || s.label || s.heading
  as heading, s.path, length(s.text) as characters, s.id
from sections s
where s.document_id = :document
order by s.ordinal""",
    },
    "target_outcomes": {
        "title": "Targets against outcomes / 目标与实际",
        "description": "Each main target a report sets for its plan year (e.g. GDP growth) against the outcome the next "
                       "year's report states, whether it was met, and both sentences; pick an indicator (gdp, "
                       "fixed_asset_investment, ...) or leave it empty for all. The chart is at /-/targets. / "
                       "各地区每年的主要预期目标(如地区生产总值增速)与次年报告所述实际完成情况、是否完成及两处原句;"
                       "指标留空则列出全部。图表见 /-/targets。",
        "sql": """select o.region, o.indicator, o.year, o.target_comparator, o.target_value, o.target_value_high,
  o.target_relative_to, o.actual_value, o.actual_status, o.met, t.sentence as target_sentence,
  a.sentence as actual_sentence, o.target_indicator_id, o.actual_indicator_id, o.id
from target_outcomes o
join indicators t on t.id = o.target_indicator_id
join indicators a on a.id = o.actual_indicator_id
where :indicator = '' or o.indicator = :indicator
order by o.region, o.indicator, o.year""",
    },
    "project_across_reports": {
        "title": "One project across reports and years / 同一项目跨报告跨年份",
        "description": "Every mention of one project (its project_key, e.g. 光谷火车站 or 东湖综合保税区二期; the "
                       "key is on each project row) in every document, ordered by the year it speaks of, with its "
                       "stage: follow a project from 谋划 to 开工, 建成 and 投产. / 某一项目(按项目归一名称,见项目表"
                       "project_key列)在各文档中的全部提及,按所述年份排列,附阶段。",
        "sql": project_keys.MENTIONS_SQL,
    },
    "indicators_by_name": {
        "title": "One indicator across all documents / 单一指标跨文档对比",
        "description": "Actual, estimated and target values of one normalized indicator (e.g. gdp, "
                       "fixed_asset_investment) in every document. / 某一规范化指标在各文档中的实际值、预计值与目标值。",
        "sql": """select d.region, i.period, i.status, i.measure, i.comparator, i.value, i.unit, i.subject,
  i.sentence, i.id
from indicators i join documents d on d.id = i.document_id
where i.indicator = :indicator
order by d.region, i.period, i.status""",
    },
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
