"""Answer errors without Datasette 0.65's rich traceback print.

When the `rich` package is installed (frictionless needs it), Datasette's default error handler prints
every exception with its local variables through rich before answering, on the event loop, for each 400
or 404 (invalid SQL, a mistyped URL). In bench/load.py that held error pages to 0.042 of the baseline's
throughput (0.724 without the print): a scraper or a client sending bad queries could stall the site.
This turns that print off; Datasette still renders the same error page and logs the one-line access
record (and, for a 500, a plain traceback). See docs/robustness.md.
"""
import datasette.handle_exception as datasette_errors
from datasette import hookimpl


@hookimpl
def startup(datasette):
    datasette_errors.rich = None
