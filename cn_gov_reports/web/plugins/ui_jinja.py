"""Template helpers for the site's pages: ui_label('status', 'target') -> '目标 target', |ui_number."""
from datasette import hookimpl

from cn_gov_reports import ui


@hookimpl
def prepare_jinja2_environment(env):
    # The templates do not change while the site is served: a template once loaded is used without asking the
    # file system whether it changed (Jinja's auto_reload stats every template of a page on every request; a
    # changed template needs a restart, as Datasette's --reload does on any change)
    env.auto_reload = False
    env.globals["ui_label"] = ui.label
    env.filters["ui_number"] = ui.format_number
    env.filters["ui_short"] = ui.short_label
