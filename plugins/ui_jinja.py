"""Template helpers for the site's pages: ui_label('status', 'target') -> '目标 target', |ui_number."""
import os
import sys

from datasette import hookimpl

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from wuhan_reports import ui  # noqa: E402


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["ui_label"] = ui.label
    env.filters["ui_number"] = ui.format_number
    env.filters["ui_short"] = ui.short_label
