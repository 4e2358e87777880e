"""Read one report file: bytes -> decoded text (HTML pages -> their content text, see webpage.py).

Raises ReportError, naming the file and the problem, for input that is not a readable report:
a file type other than text or HTML, an empty or binary file, text in no supported encoding,
and text that is not a report at all (no Chinese prose: see `not_prose`).
"""
import codecs
import hashlib
import itertools
import os
import re
from dataclasses import dataclass

from .webpage import page_text

REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
IGNORED_FILES = ("catalog.jsonl",)  # the seeds directory's catalog (catalog.py)
MIN_CHARACTERS = 20  # a report has at least this many non-space characters
MIN_HAN = 50  # ... at least this many Chinese characters
MIN_SENTENCES = 2  # ... and at least this many sentences ending in 。!? (full or half width)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not in any text file (tab, LF, VT, FF, CR are)


class ReportError(Exception):
    """A report that cannot be built: the message names the file and the reason."""

    def __init__(self, path, reason):
        self.path = path
        self.reason = reason
        super().__init__(f"{os.path.basename(path)}: {reason}")


@dataclass
class Source:
    path: str
    file_name: str
    data: bytes
    sha256: str
    text: str  # decoded (and for HTML, extracted) text, before normalization
    encoding: str


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Chinese encodings a detector or a page may name, read with their superset
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
             "big5": "big5hkscs", "cp950": "big5hkscs", "big5hkscs": "big5hkscs"}


def decode(data, path, html=False):
    """Text and encoding of `data`: a BOM wins, then (HTML) the page's declared charset, then strict
    UTF-8, then detection among GB18030, Big5 and UTF-16."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path), encoding.replace("-sig", "")
    if b"\x00" in data[:4096]:
        utf16 = _try_utf16_without_bom(data)
        if utf16:
            return utf16
        raise ReportError(path, "binary file (contains NUL bytes), not a text report")
    declared = _declared_charset(data) if html else None
    for encoding in filter(None, [declared, "utf-8"]):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise ReportError(path, "cannot detect the character encoding (not UTF-8, GB18030, Big5 or UTF-16)")
    encoding = _SUPERSET.get(best.encoding.replace("_", "-"), best.encoding)
    return _strict(data, encoding, path), encoding


def _strict(data, encoding, path):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReportError(path, f"not valid {encoding} (byte {e.start}: {e.reason})") from None


def _declared_charset(data):
    """The charset a page declares in <meta>, mapped to its superset; None when there is none."""
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data[:8192], is_html=True)
    return _SUPERSET.get(declared.lower(), declared.lower()) if declared else None


def _try_utf16_without_bom(data):
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(ch.isprintable() or ch in "\n\r\t" for ch in text) > 0.95 * len(text):
            return text, encoding
    return None


def looks_like_html(data):
    head = data[:1024].lstrip().lower()
    for prefix in (codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(prefix)
    head = head.replace(b"\x00", b"").lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower().replace(
        b"\x00", b"")


def is_html(file_name, data):
    return file_name.lower().endswith(HTML_SUFFIXES) or looks_like_html(data)


def _count(pattern, text, enough):
    """How many times `pattern` occurs in `text`, counting no further than `enough`."""
    return sum(1 for _ in itertools.islice(pattern.finditer(text), enough))


def not_prose(text):
    """The reason `text` is not a report (too little Chinese prose), or None when it may be one."""
    han = _count(_HAN, text, MIN_HAN)
    if han < MIN_HAN:
        return f"not a report: no Chinese prose ({han} Chinese characters; a report has at least {MIN_HAN})"
    sentences = _count(_SENTENCE_END, text, MIN_SENTENCES)
    if sentences < MIN_SENTENCES:
        return (f"not a report: no Chinese prose ({sentences} sentences ending in 。!?; a report has at least "
                f"{MIN_SENTENCES}; a list of titles or links is not a report)")
    return None


def read_report(path):
    """A Source for the file at `path`, or ReportError."""
    file_name = os.path.basename(path)
    if not file_name.lower().endswith(REPORT_SUFFIXES):
        raise ReportError(path, f"not a report file type (reports are {', '.join(REPORT_SUFFIXES)}); "
                                "convert it to text, or move it out of the seeds directory")
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.strip():
        raise ReportError(path, "empty file")
    html = is_html(file_name, data)
    text, encoding = decode(data, path, html=html)
    if html:
        text = page_text(text)
    if _count(_CONTROL, text, len(text) // 100 + 1) > len(text) // 100:
        raise ReportError(path, "binary file (control characters), not a text report")
    if len("".join(text.split())) < MIN_CHARACTERS:
        raise ReportError(path, f"too short to be a report (fewer than {MIN_CHARACTERS} characters of text)")
    reason = not_prose(text)
    if reason:
        raise ReportError(path, reason)
    return Source(path, file_name, data, hashlib.sha256(data).hexdigest(), text, encoding)


def report_paths(seeds_dir):
    """Every file of a seeds directory except the catalog and hidden files, sorted by name.

    A file that is not a report is refused by read_report rather than skipped, so nothing a user put
    in the seeds directory is silently left out."""
    names = sorted(n for n in os.listdir(seeds_dir)
                   if n not in IGNORED_FILES and not n.startswith(".") and os.path.isfile(os.path.join(seeds_dir, n)))
    return [os.path.join(seeds_dir, n) for n in names]
