"""One bilingual labelling on every page: coded values as '目标 target' in table, row and query cells, column
headers and facets as '数值 Value' (templates call ui_column), and ids in ready-made query results as links to
their rows. Labels come from vocab/codes.csv and fields.py (see ui.label_parts, ui.column_label)."""
import functools

from datasette import hookimpl
from datasette.utils import to_css_class
from markupsafe import Markup, escape, soft_str

from cn_gov_reports import fields, site, ui

BOOLEANS = {(t.name, f.name) for t in fields.TABLES for f in t.fields if f.type == "boolean"}
CODED = {(table, column) for table, column in fields.CODES} | BOOLEANS
CODED_COLUMNS = {column for _, column in CODED}


def coded_cell(value, column, table):
    """'目标 <span class="ui-en">target</span>' for a coded value of the table (or, in query results, of any
    table with a column of that name); None otherwise."""
    if table and (table, column) not in CODED:
        return None
    if not table and column not in CODED_COLUMNS:
        return None
    parts = ui.label_parts(column, value)
    if not parts:
        return None
    return Markup(f'{escape(parts[0])} <span class="ui-en ui-code">{escape(parts[1])}</span>')


def id_link(value, column, table, database, datasette):
    """In query results (no table), an id column named after a table (document_id, indicator_id, ...) links to
    its row."""
    other = ui.LINK_COLUMNS.get(column)
    if table or not other or not isinstance(value, str) or not value:
        return None
    return Markup(f'<a href="{escape(datasette.urls.row(database, other, value))}">{escape(value)}</a>')


NUMBER_COLUMNS = {f.name for t in fields.TABLES for f in t.fields if f.type == "number"}


def query_number(value, column, table):
    """In query results (no table), a number column of the tables (value, value_base, ...) as people read it:
    9.7, 2,000 (plugins/ui_numbers.py does the same on table pages)."""
    if table or column not in NUMBER_COLUMNS or not isinstance(value, (int, float)):
        return None
    return ui.format_number(value)


@hookimpl
def render_cell(value, column, table, database, datasette):
    return (coded_cell(value, column, table) or id_link(value, column, table, database, datasette)
            or query_number(value, column, table))


def table_cells(row):
    """The <td> cells of one row of a table or row page (_table.html), written in one piece: the same markup as
    a template loop over the cells, which Datasette's async Jinja renders at several awaits per cell (with
    facet_item, 2-4 ms less per 50-row search page of sections; docs/benchmark.md)."""
    return Markup("".join([f'<td class="{cell_classes(cell["column"], cell["value_type"])}">{escape(cell["value"])}</td>'
                           for cell in row]))


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
