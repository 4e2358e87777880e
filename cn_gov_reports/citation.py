"""How to cite the dataset and one of its rows: APA 7, GB/T 7714-2015 and BibTeX, from package metadata.

Every function takes the package metadata `meta` (dataset.yml, a datapackage.json descriptor or the
database's package_info table: they share the keys name, title, version, created, contributors), so an
old release is cited from its own metadata. Without `meta`, the current dataset.yml is used. A `meta`
with a `label` (served.py: "1.0.0+unreleased" for a build whose data no release holds) is cited under
that label.

The stable entry points for other modules (downloads, pages, the JSON API) are `dataset_citation` and
`cite_row`: each returns a dict with the version, release date, access date, URL and the three styles.
"""
import datetime
import re

from .package import dataset

PUBLISHER = "Wuhan Government Reports dataset"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
STYLES = ("apa", "gbt7714", "bibtex")


def authors(meta=None):
    meta = meta or dataset()
    return ", ".join(c["title"] for c in meta["contributors"] if c.get("role", "author") == "author")


def year(meta=None):
    return (meta or dataset())["created"][:4]


def released(meta=None):
    """The release date (YYYY-MM-DD) of the version."""
    return (meta or dataset())["created"][:10]


def version(meta):
    return meta.get("label") or meta["version"]


def today():
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def _long_date(iso):
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def _apa_date(meta, release_date):
    """(2026, November 22) for a release; (n.d.) for a build no release holds."""
    if not release_date:
        return "(n.d.)"
    y, m, d = (int(p) for p in release_date.split("-"))
    return f"({y}, {MONTHS[m - 1]} {d})"


def _apa_tail(url, accessed):
    if url and accessed:
        return f" Retrieved {_long_date(accessed)}, from {url}"
    return f" {url}" if url else ""


def apa(meta=None, url="", accessed=None, release_date=None):
    """APA 7 citation of the dataset version (with the access date and URL when given)."""
    meta = meta or dataset()
    release_date = released(meta) if release_date is None else release_date
    text = (f"{authors(meta)}. {_apa_date(meta, release_date)}. {meta['title']} (Version {version(meta)}) "
            f"[Data set]. {PUBLISHER}.")
    return text + _apa_tail(url, accessed)


def _gbt_date(release_date, accessed):
    """GB/T 7714-2015: year(update date)[access date]."""
    text = release_date[:4] if release_date else ""
    if release_date:
        text += f"({release_date})"
    return text + (f"[{accessed}]" if accessed else "")


def gbt7714(meta=None, url="", accessed=None, release_date=None):
    """GB/T 7714-2015 reference of the dataset version, as a data set online [DS/OL]."""
    meta = meta or dataset()
    release_date = released(meta) if release_date is None else release_date
    text = (f"{authors(meta)}. {meta['title']}: 版本 {version(meta)}[DS/OL]. {PUBLISHER}, "
            f"{_gbt_date(release_date, accessed)}.")
    return text + (f" {url}." if url else "")


def bibtex_key(meta=None, *parts):
    meta = meta or dataset()
    key = "_".join([meta["name"], version(meta), *parts])
    return re.sub(r"[^A-Za-z0-9_:-]", "_", key.replace("-", "_"))


def _bibtex(key, fields):
    body = ",\n".join(f"  {k} = {v}" for k, v in fields if v)
    return f"@misc{{{key},\n{body}\n}}"


def _bib_common(meta, url, accessed, release_date):
    return [("version", f"{{{version(meta)}}}"), ("publisher", f"{{{PUBLISHER}}}"),
            ("date", f"{{{release_date}}}" if release_date else ""),
            ("url", f"{{{url}}}" if url else ""), ("urldate", f"{{{accessed}}}" if accessed else "")]


def bibtex(meta=None, url="", accessed=None, release_date=None):
    meta = meta or dataset()
    release_date = released(meta) if release_date is None else release_date
    fields = [("author", f"{{{authors(meta)}}}"), ("title", f"{{{meta['title']}}}"), ("year", year(meta)),
              *_bib_common(meta, url, accessed, release_date), ("note", "{Data set}")]
    return _bibtex(bibtex_key(meta), fields)


def row_apa(meta, table, row_id, url="", accessed=None, release_date=""):
    return (f"{authors(meta)}. {_apa_date(meta, release_date)}. Table {table}, row {row_id} [Data set record]. "
            f"In {meta['title']} (Version {version(meta)}). {PUBLISHER}." + _apa_tail(url, accessed))


def row_gbt7714(meta, table, row_id, url="", accessed=None, release_date=""):
    """GB/T 7714-2015 reference of one row as a part of the data set (析出文献: part//whole)."""
    return (f"{authors(meta)}. {table} 表 {row_id} 行[DS/OL]//{authors(meta)}. {meta['title']}: 版本 "
            f"{version(meta)}. {PUBLISHER}, {_gbt_date(release_date, accessed)}." + (f" {url}." if url else ""))


def row_bibtex(meta, table, row_id, url="", accessed=None, release_date=""):
    fields = [("author", f"{{{authors(meta)}}}"), ("title", f"{{Table {table}, row {row_id}}}"),
              ("booktitle", f"{{{meta['title']}}}"), ("year", year(meta)),
              *_bib_common(meta, url, accessed, release_date), ("note", "{Data set record}")]
    return _bibtex(bibtex_key(meta, table, row_id), fields)


def dataset_citation(meta=None, url="", accessed=None, release_date=None):
    """{version, released, accessed, url, apa, gbt7714, bibtex} of the dataset version.

    url: the permanent URL of the version; accessed: YYYY-MM-DD (default today, UTC); release_date: the
    release's date ('' for a build no release holds; default the package's `created`)."""
    meta = meta or dataset()
    accessed = accessed or today()
    release_date = released(meta) if release_date is None else release_date
    args = (url, accessed, release_date)
    return {"version": version(meta), "released": release_date, "accessed": accessed, "url": url,
            "apa": apa(meta, *args), "gbt7714": gbt7714(meta, *args), "bibtex": bibtex(meta, *args)}


def cite_row(meta, table, row_id, url="", accessed=None, release_date=None):
    """{table, id, version, released, accessed, url, apa, gbt7714, bibtex} of one row in the version."""
    accessed = accessed or today()
    release_date = released(meta) if release_date is None else release_date
    args = (meta, table, row_id, url, accessed, release_date)
    return {"table": table, "id": row_id, "version": version(meta), "released": release_date,
            "accessed": accessed, "url": url, "apa": row_apa(*args), "gbt7714": row_gbt7714(*args),
            "bibtex": row_bibtex(*args)}


def row_citation(table, row_id, document_title="", sentence="", permalink="", meta=None):
    """A one-paragraph description of one row: version, permalink, document and sentence."""
    meta = meta or dataset()
    parts = [f"{meta['title']}, version {version(meta)}, table {table}, row {row_id}"]
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
