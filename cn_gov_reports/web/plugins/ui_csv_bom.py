"""`?_bom=1` on any .csv URL starts the file with a UTF-8 byte order mark, so Excel on a Chinese
Windows system opens it as UTF-8 instead of GBK. Everything else about the CSV (filters, _stream, _dl)
is Datasette's own."""
from datasette import hookimpl

BOM = "\ufeff".encode("utf-8")


def wants_bom(scope):
    if scope.get("type") != "http" or not scope.get("path", "").endswith(".csv"):
        return False
    query = scope.get("query_string", b"").decode("latin-1")
    return any(part in ("_bom=1", "_bom=on") for part in query.split("&"))


def with_bom(app):
    async def wrapped(scope, receive, send):
        if not wants_bom(scope):
            return await app(scope, receive, send)
        state = {"status": None, "sent": False}

        async def send_with_bom(message):
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and not state["sent"] and state["status"] == 200:
                state["sent"] = True
                message = {**message, "body": BOM + message.get("body", b"")}
            await send(message)

        return await app(scope, receive, send_with_bom)

    return wrapped


@hookimpl
def asgi_wrapper():
    return with_bom
