"""One bilingual labelling on every page: coded values as '目标 target' in table, row and query cells, column
headers and facets as '数值 Value' (templates call ui_column), and ids in ready-made query results as links to
their rows. Labels come from vocab/codes.csv and fields.py (see ui.label_parts, ui.column_label).

This module is the site's one render_cell hook: coded values, numbers as people read them, ids in query results
and the beginning of a document's text (its link to the whole-text page, plugins/document_text.py), each looked up
by table and column (TABLE_CELLS, QUERY_CELLS)."""
import functools

from datasette import hookimpl
from datasette.utils import to_css_class
from markupsafe import Markup, escape, soft_str

from cn_gov_reports import fields, fulltext, site, ui

BOOLEANS = {(t.name, f.name) for t in fields.TABLES for f in t.fields if f.type == "boolean"}
CODED = {(table, column) for table, column in fields.CODES} | BOOLEANS
NUMBERS = {(t.name, f.name) for t in fields.TABLES for f in t.fields if f.type == "number"}


def coded_cell(value, column, table, database, datasette, row):
    """'目标 <span class="ui-en">target</span>' for a coded value (or, in query results, for a value of any
    column with the name of a coded one); None for a value without a label."""
    parts = ui.label_parts(column, value)
    if not parts:
        return None
    return Markup(f'{escape(parts[0])} <span class="ui-en ui-code">{escape(parts[1])}</span>')


def id_link(value, column, table, database, datasette, row):
    """In query results, an id column named after a table (document_id, indicator_id, ...) links to its row."""
    if not isinstance(value, str) or not value:
        return None
    return Markup(f'<a href="{escape(datasette.urls.row(database, ui.LINK_COLUMNS[column], value))}">'
                  f'{escape(value)}</a>')


def number_cell(value, column, table, database, datasette, row):
    """A number as people read it: 788 not 788.0, 27,900,000,000 with separators (CSV and JSON keep the stored
    value)."""
    return ui.format_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def text_cell(value, column, table, database, datasette, row):
    """A part of a document's whole text (table texts): its beginning and a link to the whole-text page."""
    return fulltext.preview_cell(value, database, datasette, row) if isinstance(value, str) else None


def _renderers():
    """Who renders a cell: {(table, column): function} on table and row pages, {column: function} in query
    results (no table: a column of that name in any table; the first named wins: coded, id link, number). A cell
    no entry names is Datasette's own (one hook call per cell looks the column up here)."""
    on_tables = {key: number_cell for key in NUMBERS}
    on_tables.update({key: coded_cell for key in CODED})
    on_tables[(fields.TEXTS.name, "text")] = text_cell
    in_queries = {}
    for column, render in ([(c, coded_cell) for _, c in CODED] + [(c, id_link) for c in ui.LINK_COLUMNS]
                           + [(c, number_cell) for _, c in NUMBERS]):
        in_queries.setdefault(column, render)
    return on_tables, in_queries


TABLE_CELLS, QUERY_CELLS = _renderers()


@hookimpl
def render_cell(value, column, table, database, datasette, row):
    render = TABLE_CELLS.get((table, column)) if table else QUERY_CELLS.get(column)
    return render(value, column, table, database, datasette, row) if render else None


def table_cells(row):
    """The <td> cells of one row of a table or row page (_table.html), written in one piece: the same markup as
    a template loop over the cells, which Datasette's async Jinja renders at several awaits per cell (with
    facet_item, 2-4 ms less per 50-row search page of sections; docs/benchmark.md)."""
    return Markup("".join([f'<td class="{cell_classes(c["column"], c["value_type"])}">{escape(c["value"])}</td>'
                           for c in row]))


@functools.lru_cache(maxsize=4096)
def cell_classes(column, value_type):
    """The class attribute of a cell (escaped): the same for every row of a column and type, so made once."""
    classes = f"col-{to_css_class(column)} type-{value_type}"
    classes += " ui-long" if column in ui.LONG_COLUMNS else ""
    classes += " ui-offset" if column in ui.OFFSET_COLUMNS else ""
    return escape(classes)


def facet_item(column, value):
    """The <li> of one facet value (_facet_results.html): its label (目标 target for a coded value), a link that
    selects it, or, when selected, a link that removes it; with its count. Written in one piece, like
    table_cells."""
    coded = ui.label_parts(column, value["value"])
    if coded:
        text = Markup(f'{escape(coded[0])} <span class="ui-en ui-code">{escape(coded[1])}</span>')
    else:
        text = escape(soft_str(value["label"]) or "-")
    count = escape(f"{value['count']:,}")
    if not value["selected"]:
        return Markup(f'<li><a href="{escape(value["toggle_url"])}" data-value="{escape(value["value"])}">{text}</a> '
                      f'{count}</li>')
    return Markup(f'<li class="ui-selected" data-value="{escape(value["value"])}">{text} &middot; {count} '
                  f'<a href="{escape(value["toggle_url"])}" class="cross" title="移除 Remove">&#x2716;</a></li>')


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["ui_cells"] = table_cells
    env.globals["ui_facet_item"] = facet_item
    env.globals["ui_column"] = ui.column_label
    env.globals["ui_column_text"] = ui.column_text
    env.globals["ui_offset_columns"] = ui.OFFSET_COLUMNS
    env.globals["ui_long_columns"] = ui.LONG_COLUMNS
    env.globals["ui_label_parts"] = ui.label_parts
    env.globals["ui_table_title"] = lambda name: site.table_title(fields.BY_NAME[name]) if name in fields.BY_NAME else name
