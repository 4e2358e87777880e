"""Deterministic row ids.

An id depends only on the document id and on what the row says (never on its position in the
file), so a rebuild gives the same ids, other reports never change a report's ids, and an edit
elsewhere in the same report leaves the row's id alone. All ids match ``[a-z0-9-]``.
"""
import hashlib
import re

from slugify import slugify


def digest(*parts, length=10):
    """A short hex digest of the parts, joined unambiguously."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def document_id(file_name):
    """The slug of a file name without its extension: 000_72912416dbe8ff8c.txt -> 000-72912416dbe8ff8c.

    Names with no Latin letters or digits (武昌区2021.txt keeps 2021) get a digest of the name so the
    id stays stable and [a-z0-9-]."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name)
    slug = slugify(stem, max_length=60, word_boundary=False, separator="-", lowercase=True,
                   replacements=[["_", "-"]], regex_pattern=r"[^a-z0-9]+")
    if not re.search(r"[a-z0-9]", slug) or not re.fullmatch(r"[\x00-\x7f]*", stem):
        slug = (slug + "-" if slug else "doc-") + digest(stem, length=8)
    return slug


def row_id(document_id_, kind, *content, occurrence=0):
    """Id of a row of `kind` ('s' section, 'i' indicator, 'p' project) in one document.

    `content` is what identifies the row in its document (heading path, sentence and mention);
    `occurrence` counts earlier rows with the same content, so repeats stay distinct."""
    return f"{document_id_}-{kind}-{digest(*content, occurrence)}"


class OccurrenceCounter:
    """Numbers rows that share the same content: the first is 0, the next 1, ..."""

    def __init__(self):
        self.seen = {}

    def __call__(self, *key):
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        return n
