"""The targets page /-/targets: each region's main targets against the outcomes later reports state, by year."""
from datasette import hookimpl, Response

from cn_gov_reports import ui
from cn_gov_reports.package import DATABASE_NAME


async def targets(datasette, request):
    context = await ui.targets_context(datasette.get_database(DATABASE_NAME),
                                       request.args.get("region", ""), request.args.get("indicator", ""))
    return Response.html(await datasette.render_template("targets.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/targets$", targets)]
