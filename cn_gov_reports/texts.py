"""The texts table: each document's whole normalized text, in parts of at most PART_CHARS characters.

Every char_start/char_end of the other tables points into this text. A part ends after a line break where it
can (the last one before the limit; a line longer than the limit is cut at the limit), so its rows stay small
enough for any CSV reader's field limit and for the server's value limit, however long the report; the parts
of a document, in order, concatenate to its text (text[char_start:char_end] of each).
"""
PART_CHARS = 20_000


def cuts(text, size=PART_CHARS):
    """[(start, end)] of the parts of `text`: consecutive, covering it, none longer than `size`."""
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            newline = text.rfind("\n", start, end)
            end = newline + 1 if newline >= start else end
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def rows(document_id, text, size=PART_CHARS):
    """The texts rows of one document."""
    return [{"id": f"{document_id}-text-{n:05d}", "document_id": document_id, "part": n, "char_start": start,
             "char_end": end, "text": text[start:end]} for n, (start, end) in enumerate(cuts(text, size))]
