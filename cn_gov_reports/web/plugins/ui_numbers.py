"""Numbers in HTML tables as people read them: 788 not 788.0, 27,900,000,000 with separators.
CSV and JSON keep the stored values."""
from datasette import hookimpl

from cn_gov_reports import ui

NUMBER_COLUMNS = {("indicators", "value"), ("indicators", "value_base"), ("projects", "investment")}


@hookimpl
def render_cell(value, column, table):
    if (table, column) not in NUMBER_COLUMNS or not isinstance(value, (int, float)):
        return None
    return ui.format_number(value)
