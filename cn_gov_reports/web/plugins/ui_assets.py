"""The site's stylesheet on every page (bundled in static/, no CDN)."""
from datasette import hookimpl


@hookimpl
def extra_css_urls():
    return ["/static/ui.css"]
