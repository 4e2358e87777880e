"""How to cite the dataset and one of its rows (APA and BibTeX), from dataset.yml."""
from .package import dataset


def authors():
    return ", ".join(c["title"] for c in dataset()["contributors"] if c.get("role", "author") == "author")


def year():
    return dataset()["created"][:4]


def apa(url=""):
    """APA 7 citation of the dataset version."""
    ds = dataset()
    text = f"{authors()}. ({year()}). {ds['title']} (Version {ds['version']}) [Data set]."
    return f"{text} {url}".strip()


def bibtex(url=""):
    ds = dataset()
    key = f"{ds['name'].replace('-', '_')}_{ds['version'].replace('.', '_')}"
    fields = [("author", f"{{{authors()}}}"), ("title", f"{{{ds['title']}}}"), ("year", year()),
              ("version", ds["version"]), ("publisher", "{Wuhan Government Reports dataset}")]
    if url:
        fields.append(("url", f"{{{url}}}"))
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@misc{{{key},\n{body}\n}}"


def row_citation(table, row_id, document_title="", sentence="", permalink=""):
    """A one-paragraph citation of one row: version, permalink, document and sentence."""
    ds = dataset()
    parts = [f"{ds['title']}, version {ds['version']}, table {table}, row {row_id}"]
    if permalink:
        parts.append(permalink)
    if document_title:
        parts.append(f"document: {document_title}")
    if sentence:
        parts.append(f"sentence: “{sentence}”")
    return ". ".join(parts) + "."
