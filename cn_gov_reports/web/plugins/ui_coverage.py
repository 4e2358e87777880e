"""Home page: the region x year coverage grid (cn_gov_reports/coverage.py, templates/_coverage.html)."""
from datasette import hookimpl

from cn_gov_reports import coverage
from cn_gov_reports.package import DATABASE_NAME


@hookimpl
def extra_template_vars(template, datasette, request):
    if template != "index.html" or DATABASE_NAME not in datasette.databases:
        return None

    async def inner():  # /?province=42: that province's regions (a grid by province links there)
        province = coverage.province_arg(request.args.get("province") if request else None)
        return await coverage.context(datasette, DATABASE_NAME, province)

    return inner


@hookimpl
def extra_css_urls():
    return ["/static/workbench-data.css"]  # coverage grid, downloads, provenance, full text
