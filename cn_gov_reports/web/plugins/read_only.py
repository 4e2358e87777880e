"""Refuse every HTTP method but GET and HEAD with 405, before Datasette sees the request.

The site is read-only: the database is immutable and no canned query writes, so no page needs a POST.
Without this, a POST to a table page reaches Datasette's handler and ends in a 500 error; with it, a
write attempt of any kind (POST, PUT, PATCH, DELETE) gets a plain 405 Method Not Allowed.
"""
from datasette import hookimpl

ALLOWED = ("GET", "HEAD")


def read_only(app):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and scope["method"] not in ALLOWED:
            await send({"type": "http.response.start", "status": 405,
                        "headers": [(b"allow", b", ".join(m.encode() for m in ALLOWED)),
                                    (b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": b"405 Method Not Allowed: this site is read-only\n"})
            return
        await app(scope, receive, send)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    return read_only
