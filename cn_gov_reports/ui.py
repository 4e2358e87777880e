"""What the web pages show, computed from the database: the logic behind the plugins/ui_*.py hooks.

Pure functions (highlight, number formatting, section trees, chart series) plus small async readers
that take a Datasette ``Database`` and return plain dicts for the templates in templates/.
"""
from collections import OrderedDict, defaultdict

from . import fields, project_keys
from .package import DATABASE_NAME, dataset



def _labels():
    """{column: {value: 中文}} of the coded values the tables use (vocab/codes.csv), shown beside the code."""
    labels = {}
    for (_, column), codes in fields.CODES.items():
        labels.setdefault(column, {}).update((c.value, c.label_zh) for c in codes)
    return labels


LABELS = _labels()
STATUS_ORDER = fields.INDICATORS.field("status").enum
LABELS["met"] = {"true": "完成", "false": "未完成"}  # target_outcomes.met, a boolean
HEADLINE_CHARTS = 6  # how many indicators the targets-against-actuals chart shows
# Scales for showing large base values: (at least, prefix); 亿 = 10^8, 万 = 10^4.
SCALES = ((1e8, "亿"), (1e4, "万"))


def label(kind, value):
    """'目标 target' for a coded value; the value itself when it has no Chinese label."""
    zh = LABELS.get(kind, {}).get(value)
    return f"{zh} {value}" if zh else (value or "")


BOOLEAN_COLUMNS = {f.name for t in fields.TABLES for f in t.fields if f.type == "boolean"}
BOOLEAN_LABELS = {"true": "是", "false": "否"}


def label_parts(kind, value):
    """(中文, code) of a coded value, or None when the column has no label for it. A boolean column's 1 and 0
    read 'true' and 'false' (是 true, 否 false; met: 完成 true, 未完成 false)."""
    if value is None:
        return None
    key = str(value)
    if kind in BOOLEAN_COLUMNS and key in ("0", "1"):
        key = "true" if key == "1" else "false"
        zh = LABELS.get(kind, {}).get(key) or BOOLEAN_LABELS[key]
        return zh, key
    zh = LABELS.get(kind, {}).get(key)
    return (zh, value) if zh else None


def short_label(text):
    """The head of a description, before its first explanation: '文档类型:政府工作报告、…' -> '文档类型'."""
    return fields.short(text)


def _columns_by_name():
    """{column name: Field} of every table's columns, the first table's where names repeat."""
    found = {}
    for table in fields.TABLES:
        for f in table.fields:
            found.setdefault(f.name, f)
    return found


COLUMNS_BY_NAME = _columns_by_name()
# offset columns: hidden on table pages until asked for (still in CSV, JSON and the row page)
OFFSET_COLUMNS = ("char_start", "char_end", "sentence_start", "sentence_end", fields.POSITION)
# long text columns: one line on table pages, the whole text on a click
LONG_COLUMNS = ("sentence", "text", "description", "aliases", "note", "target_sentence", "actual_sentence")


# result columns of the ready-made queries (site.py) that are no table's column: (中文, English)
QUERY_COLUMNS = {
    "document": ("文档", "Document"), "names": ("名称", "Names"), "year": ("年份", "Year"),
    "target_sentence": ("目标原句", "Target sentence"), "actual_sentence": ("实际原句", "Outcome sentence"),
    "indicator_id": ("指标行", "Indicator row"), "project_id": ("项目行", "Project row"),
    "section_id": ("章节", "Section"), "document_id": ("文档", "Document"),
    "target_outcome_id": ("标识", "Id"), "heading": ("标题", "Heading"),
}


def column_label(table, column):
    """(中文, English) header of a column: the table's field, else a field of that name in any table (query
    results), else the column name as it is."""
    f = None
    if table in fields.BY_NAME and column in fields.BY_NAME[table].columns:
        f = fields.BY_NAME[table].field(column)
    if f:
        return f.label_zh, f.label_en
    if column == fields.POSITION:
        return fields.POSITION_LABEL
    if column in QUERY_COLUMNS:
        return QUERY_COLUMNS[column]
    f = COLUMNS_BY_NAME.get(column)
    return (f.label_zh, f.label_en) if f else (column, "")


def column_text(table, column):
    """'数值 Value': the header as one string (small-screen cell labels, select options)."""
    return " ".join(part for part in column_label(table, column) if part)


def _link_columns():
    """{column: table it points at} from the foreign keys of fields.py, plus each mention table's own
    '<singular>_id' (project_id -> projects): how query results link ids to their rows."""
    links = {column: other for table in fields.TABLES for column, other, _ in table.foreign_keys}
    links.update({f"{t.name[:-1]}_id": t.name for t in fields.TABLES if t.name.endswith("s")})
    return links


LINK_COLUMNS = _link_columns()


def format_number(value):
    """A number as people read it: no trailing .0, thousands separators (27,900,000,000; 9.7)."""
    if value is None or value == "":
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def highlight(sentence, sentence_start, char_start, char_end):
    """(before, mention, after): the sentence split around the mention at document offsets
    [char_start, char_end). Raises ValueError when the offsets fall outside the sentence."""
    start, end = char_start - sentence_start, char_end - sentence_start
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"offsets {char_start}-{char_end} are outside the sentence starting at {sentence_start}")
    return sentence[:start], sentence[start:end], sentence[end:]


def section_tree(sections):
    """Nest section rows (dicts with id, parent_id, in document order) into [{..., 'children': [...]}]."""
    nodes = OrderedDict((s["id"], {**s, "children": []}) for s in sections)
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent_id"]) if node["parent_id"] else None
        (parent["children"] if parent else roots).append(node)
    return roots


def top_level_of(sections):
    """{section id: id of its level-1 ancestor (or itself, or the root)} for rows in document order."""
    parents = {s["id"]: s["parent_id"] for s in sections}
    levels = {s["id"]: s["level"] for s in sections}
    top = {}
    for sid in parents:
        current = sid
        while levels.get(current, 0) > 1 and parents.get(current):
            current = parents[current]
        top[sid] = current
    return top


def per_section_counts(sections, mentions):
    """Chart series: indicator rows per top-level section, split by status.

    sections: rows in document order; mentions: rows with section_id and status.
    Returns {'labels': [...], 'series': {status: [count per label]}} for sections that have any."""
    top = top_level_of(sections)
    counts = defaultdict(lambda: defaultdict(int))
    for m in mentions:
        counts[top.get(m["section_id"], m["section_id"])][m["status"]] += 1
    shown = [s for s in sections if s["id"] in counts]
    statuses = [st for st in STATUS_ORDER if any(counts[s["id"]].get(st) for s in shown)]
    return {
        "labels": [f"{s['label'] or ''}{s['heading'] or '(前言 preamble)'}"[:24] for s in shown],
        "series": {label("status", st): [counts[s["id"]].get(st, 0) for s in shown] for st in statuses},
    }


def scale_for(values):
    """(divisor, prefix) that keeps the largest of values readable: (1e8, '亿'), (1e4, '万') or (1, '')."""
    biggest = max((abs(v) for v in values if v is not None), default=0)
    return next(((d, p) for d, p in SCALES if biggest >= d), (1, ""))


def targets_against_actuals(rows, limit=HEADLINE_CHARTS):
    """Chart specs for the indicators found in most documents: one bar per (document, period) and status.

    rows: dicts with indicator, label_zh, label_en, measure, unit_base, status, region, document_id, period,
    value_base, ordered by document and position. The first value per (document, period, status) is shown."""
    groups = defaultdict(list)
    for r in rows:
        groups[(r["indicator"], r["measure"], r["unit_base"] or "")].append(r)
    ranked = sorted(groups.items(), key=lambda kv: (-len({r["document_id"] for r in kv[1]}), -len(kv[1]), kv[0]))
    charts = []
    for (indicator, measure, unit_base), members in ranked[:limit]:
        divisor, prefix = scale_for([r["value_base"] for r in members])
        points = OrderedDict()
        for r in sorted(members, key=lambda r: (r["period"] or "", r["region"] or "", r["document_id"])):
            x = f"{r['region'] or r['document_id']} {r['period'] or ''}".strip()
            points.setdefault(x, {}).setdefault(r["status"], r["value_base"] / divisor)
        statuses = [s for s in STATUS_ORDER if any(s in p for p in points.values())]
        first = members[0]
        charts.append({
            "id": f"{indicator}-{measure}-{len(charts)}",
            "title": f"{first['label_zh'] or indicator} {first['label_en'] or ''} · {label('measure', measure)}",
            "unit": f"{prefix}{unit_base}",
            "labels": list(points),
            "series": {label("status", s): [p.get(s) for p in points.values()] for s in statuses},
        })
    return charts


async def rows(db, sql, params=None):
    return [dict(r) for r in (await db.execute(sql, params or {})).rows]


async def document_context(db, document_id):
    """Everything the document page shows besides the documents row: its section tree, indicators,
    projects and the indicators-per-section chart."""
    sections = await rows(db, "select id, parent_id, level, label, heading, ordinal, path, length(text) as size "
                              "from sections where document_id = :d order by ordinal", {"d": document_id})
    indicators = await rows(db, "select i.id, i.section_id, i.subject, i.indicator, i.value, i.unit, i.measure, "
                                "i.status, i.comparator, i.period, s.path as section_path from indicators i "
                                "left join sections s on s.id = i.section_id where i.document_id = :d "
                                "order by i.sentence_start, i.char_start", {"d": document_id})
    projects = await rows(db, "select p.id, p.section_id, p.name, p.stage, p.status, p.investment, "
                              "p.investment_text, s.path as section_path from projects p left join sections s "
                              "on s.id = p.section_id where p.document_id = :d order by p.sentence_start, "
                              "p.char_start", {"d": document_id})
    document = await rows(db, "select * from documents where id = :d", {"d": document_id})
    return {
        "ui_document": document[0] if document else {},
        "ui_fields": fields.DOCUMENTS.fields,
        "ui_sections": section_tree(sections),
        "ui_section_count": len(sections),
        "ui_indicators": indicators,
        "ui_projects": projects,
        "ui_per_section": per_section_counts(sections, indicators),
    }


async def mention_context(db, table, row_id):
    """The indicator or project row with its sentence split around the mention, its document and section."""
    found = await rows(db, f"select t.*, d.title as document_title, s.heading as section_heading, "
                           f"s.label as section_label, s.path as section_path from [{table}] t "
                           f"join documents d on d.id = t.document_id left join sections s on s.id = t.section_id "
                           f"where t.id = :id", {"id": row_id})
    if not found:
        return {}
    row = found[0]
    before, mention, after = highlight(row["sentence"], row["sentence_start"], row["char_start"], row["char_end"])
    context = {"ui_row": row, "ui_before": before, "ui_mention": mention, "ui_after": after}
    if table == fields.INDICATORS.name and row.get("indicator"):
        names = await rows(db, "select label_zh, label_en from indicator_names where id = :id",
                           {"id": row["indicator"]})
        context["ui_indicator_name"] = names[0] if names else {}
    if table == fields.PROJECTS.name and row.get("project_key"):
        context["ui_same_project"] = await rows(db, project_keys.MENTIONS_SQL, {"project_key": row["project_key"]})
    return context


HOME_DOCUMENTS = 100  # documents listed on the home page; the documents table lists every one


async def home_context(datasette, db):
    """The home page: dataset facts, how to cite, tables with counts, documents, canned queries, search."""
    from . import site

    ds = dataset()
    counts = await db.table_counts(limit=1000)
    tables = [{"name": t.name, "title": site.table_title(t), "en": t.en, "zh": t.zh, "rows": counts.get(t.name)}
              for t in fields.TABLES]
    documents = await rows(db, "select id, title, doc_type, region, published, review_year, plan_year, "
                               "plan_end_year, sections, indicators, projects from documents order by id "
                               "limit :n", {"n": HOME_DOCUMENTS})
    queries = [{"name": name, "title": q["title"]} for name, q in site.CANNED_QUERIES.items()]
    return {
        "ui_dataset": ds,
        "ui_database": DATABASE_NAME,
        "ui_tables": tables,
        "ui_documents": documents,
        "ui_documents_total": counts.get(fields.DOCUMENTS.name),
        "ui_queries": queries,
    }


async def charts_context(db):
    """The charts page: targets against actuals for headline indicators, indicators per document."""
    headline = await rows(db, "select i.indicator, n.label_zh, n.label_en, i.measure, i.unit_base, i.status, "
                              "d.region, i.document_id, i.period, i.value_base from indicators i "
                              "join documents d on d.id = i.document_id left join indicator_names n "
                              "on n.id = i.indicator where coalesce(i.indicator, '') != '' "
                              "and i.value_base is not null order by i.document_id, i.sentence_start, i.char_start")
    per_document = await rows(db, "select d.id, d.region, d.title, i.status, count(i.id) as n from documents d "
                                  "left join indicators i on i.document_id = d.id group by d.id, i.status "
                                  "order by d.id")
    documents = list(OrderedDict((r["id"], f"{r['region'] or ''} {r['title'] or r['id']}"[:28])
                                 for r in per_document).items())
    series = {}
    for status in STATUS_ORDER:
        by_doc = {r["id"]: r["n"] for r in per_document if r["status"] == status}
        if by_doc:
            series[label("status", status)] = [by_doc.get(doc_id, 0) for doc_id, _ in documents]
    return {
        "ui_headline": targets_against_actuals(headline),
        "ui_per_document": {"labels": [name for _, name in documents], "series": series},
    }


def target_text(row):
    """How a target reads: '≥ 6.5', '6 – 6.5', '~ 7', '高于全省 0.5'."""
    value, high = format_number(row["target_value"]), format_number(row["target_value_high"])
    if row.get("target_relative_to"):
        return f"{LABELS['comparator'].get(row['target_comparator'], '')}{row['target_relative_to']} {value}".strip()
    if row["target_comparator"] == "range":
        return f"{value} – {high}"
    sign = {"=": "", "~": "约 ", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(row["target_comparator"], "")
    return f"{sign}{value}"


def met_label(met):
    """'完成 met' / '未完成 not met' / '无法判断 undecidable' for target_outcomes.met (1, 0 or None)."""
    return {1: "完成 met", 0: "未完成 not met"}.get(met, "无法判断 undecidable")


def targets_by_place(rows, database="reports"):
    """One chart spec and table per (region, indicator) of target_outcomes rows (dicts with the table's columns
    and label_zh, label_en), years in order: the target (a range at its low end) and the actual side by side,
    each bar linking to the row page of the indicator that states it."""
    groups = OrderedDict()
    for r in sorted(rows, key=lambda r: (r["region"] or "", r["indicator"], r["year"])):
        groups.setdefault((r["region"] or r["region_code"] or "", r["indicator"]), []).append(r)
    out = []
    for (region, indicator), members in groups.items():
        first = members[0]
        link = f"/{database}/indicators/"
        names = {"target": label("status", "target"), "actual": label("status", "actual")}
        relative = [r for r in members if r["target_relative_to"]]
        out.append({
            "id": f"targets-{len(out)}",
            "region": region,
            "indicator": indicator,
            "title": f"{region} · {first.get('label_zh') or indicator} {first.get('label_en') or ''}".strip(),
            "labels": [str(r["year"]) for r in members],
            "order": [names["target"], names["actual"]],
            "series": {names["target"]: [None if r["target_relative_to"] else r["target_value"] for r in members],
                       names["actual"]: [r["actual_value"] for r in members]},
            "links": {names["target"]: [link + r["target_indicator_id"] for r in members],
                      names["actual"]: [link + r["actual_indicator_id"] for r in members]},
            "relative": bool(relative),
            "rows": [{**r, "ui_target": target_text(r), "ui_met": met_label(r["met"])} for r in members],
        })
    return out


async def targets_context(db, region="", indicator=""):
    """The targets page: target against outcome by year, per region and indicator (optionally one of each)."""
    found = await rows(db, "select o.*, n.label_zh, n.label_en, t.sentence as target_sentence, "
                           "a.sentence as actual_sentence, t.unit as unit from target_outcomes o "
                           "left join indicator_names n on n.id = o.indicator "
                           "left join indicators t on t.id = o.target_indicator_id "
                           "left join indicators a on a.id = o.actual_indicator_id "
                           "where (:region = '' or o.region = :region) and (:indicator = '' or o.indicator = :indicator) "
                           "order by o.region, o.indicator, o.year", {"region": region, "indicator": indicator})
    choices = await rows(db, "select distinct region, indicator from target_outcomes order by region, indicator")
    return {
        "ui_targets": targets_by_place(found),
        "ui_region": region,
        "ui_indicator": indicator,
        "ui_regions": sorted({c["region"] for c in choices if c["region"]}),
        "ui_indicators": sorted({c["indicator"] for c in choices}),
    }
