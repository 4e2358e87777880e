"""CITATION.cff (Citation File Format 1.2.0, type dataset) and .zenodo.json, generated from dataset.yml.

`python scripts/build.py` (building into the repository root) and `python scripts/release.py` write
them; a test checks the committed files equal what these functions produce.
"""
import json
import os

import yaml

from . import citation
from .package import dataset

from .paths import ROOT
CFF_NAME = "CITATION.cff"
ZENODO_NAME = ".zenodo.json"
HEADER = "# Generated from cn_gov_reports/dataset.yml by `python scripts/build.py`: do not edit.\n"


def _data_license(meta):
    return meta["licenses"][0]


def _authors(meta):
    return [{"name": c["title"]} for c in meta["contributors"] if c.get("role", "author") == "author"]


def cff(meta=None):
    """The CITATION.cff content as a dict."""
    meta = meta or dataset()
    doc = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite the version you used, as below.",
        "type": "dataset",
        "title": meta["title"],
        "version": meta["version"],
        "date-released": citation.released(meta),
        "authors": _authors(meta),
        "abstract": meta["description"].strip(),
        "keywords": list(meta["keywords"]),
        "license": _data_license(meta)["name"],
    }
    if meta.get("homepage"):
        doc["url"] = meta["homepage"]
    return doc


def zenodo(meta=None):
    """The .zenodo.json content (Zenodo deposit metadata) as a dict."""
    meta = meta or dataset()
    doc = {
        "upload_type": "dataset",
        "title": meta["title"],
        "version": meta["version"],
        "publication_date": citation.released(meta),
        "description": meta["description"].strip(),
        "creators": _authors(meta),
        "keywords": list(meta["keywords"]),
        "license": _data_license(meta)["name"].lower(),
        "access_right": "open",
    }
    return doc


def render_cff(meta=None):
    return HEADER + yaml.safe_dump(cff(meta), allow_unicode=True, sort_keys=False, width=110)


def render_zenodo(meta=None):
    return json.dumps(zenodo(meta), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {CFF_NAME: render_cff, ZENODO_NAME: render_zenodo}


def write(root=ROOT, meta=None):
    """Write CITATION.cff and .zenodo.json into root; return their paths."""
    paths = []
    for name, render in RENDERERS.items():
        path = os.path.join(root, name)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render(meta))
        paths.append(path)
    return paths
