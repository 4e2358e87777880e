"""The site's stylesheet and script on every page (bundled in static/, no CDN)."""
from datasette import hookimpl


@hookimpl
def extra_css_urls():
    return ["/static/ui.css"]


@hookimpl
def extra_js_urls():
    return [{"url": "/static/ui.js"}]
