"""Template helpers for the site's pages: ui_label('status', 'target') -> '目标 target', |ui_number."""
from datasette import hookimpl

from cn_gov_reports import ui


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["ui_label"] = ui.label
    env.filters["ui_number"] = ui.format_number
    env.filters["ui_short"] = ui.short_label
