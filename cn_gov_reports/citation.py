"""How to cite the dataset and one of its rows (APA, BibTeX, one row), from package metadata.

Every function takes the package metadata `meta` (dataset.yml, a datapackage.json descriptor or the
database's package_info table: they share the keys name, title, version, created, contributors), so an
old release is cited from its own metadata. Without `meta`, the current dataset.yml is used.
"""
from .package import dataset

PUBLISHER = "Wuhan Government Reports dataset"


def authors(meta=None):
    meta = meta or dataset()
    return ", ".join(c["title"] for c in meta["contributors"] if c.get("role", "author") == "author")


def year(meta=None):
    return (meta or dataset())["created"][:4]


def released(meta=None):
    """The release date (YYYY-MM-DD) of the version."""
    return (meta or dataset())["created"][:10]


def apa(meta=None, url=""):
    """APA 7 citation of the dataset version."""
    meta = meta or dataset()
    text = f"{authors(meta)}. ({year(meta)}). {meta['title']} (Version {meta['version']}) [Data set]. {PUBLISHER}."
    return f"{text} {url}".strip()


def bibtex_key(meta=None):
    meta = meta or dataset()
    return f"{meta['name'].replace('-', '_')}_{meta['version'].replace('.', '_')}"


def bibtex(meta=None, url=""):
    meta = meta or dataset()
    fields = [("author", f"{{{authors(meta)}}}"), ("title", f"{{{meta['title']}}}"), ("year", year(meta)),
              ("version", f"{{{meta['version']}}}"), ("publisher", f"{{{PUBLISHER}}}"),
              ("note", "{Data set}")]
    if url:
        fields.append(("url", f"{{{url}}}"))
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@misc{{{bibtex_key(meta)},\n{body}\n}}"


def row_citation(table, row_id, document_title="", sentence="", permalink="", meta=None):
    """A one-paragraph citation of one row: version, permalink, document and sentence."""
    meta = meta or dataset()
    parts = [f"{meta['title']}, version {meta['version']}, table {table}, row {row_id}"]
    if permalink:
        parts.append(permalink)
    if document_title:
        parts.append(f"document: {document_title}")
    if sentence:
        parts.append(f"sentence: “{sentence}”")
    return ". ".join(parts) + "."


def sentence_in_section(section_text, section_char_end, sentence, sentence_start):
    """(before, sentence, after): the section's text split around the row's sentence.

    Offsets are into the document's normalized text; a section's text is the slice ending at its
    char_end. Falls back to the first occurrence of the sentence when the offsets do not point at it,
    and to (text, "", "") when the sentence is not in the section at all."""
    text_start = section_char_end - len(section_text)
    start = sentence_start - text_start if sentence_start is not None else -1
    if not (0 <= start and section_text[start:start + len(sentence)] == sentence):
        start = section_text.find(sentence) if sentence else -1
    if start < 0:
        return section_text, "", ""
    end = start + len(sentence)
    return section_text[:start], section_text[start:end], section_text[end:]
