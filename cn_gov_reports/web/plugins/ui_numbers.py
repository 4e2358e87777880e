"""Numbers in HTML tables as people read them: 788 not 788.0, 27,900,000,000 with separators.
CSV and JSON keep the stored values."""
from datasette import hookimpl

from cn_gov_reports import fields, ui

NUMBER_COLUMNS = {(t.name, f.name) for t in fields.TABLES for f in t.fields if f.type == "number"}


@hookimpl
def render_cell(value, column, table):
    if (table, column) not in NUMBER_COLUMNS or not isinstance(value, (int, float)):
        return None
    return ui.format_number(value)
