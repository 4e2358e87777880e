"""Read one report file: bytes -> decoded text (HTML pages -> article text).

Raises ReportError, naming the file and the problem, for input that is not a readable report.
"""
import codecs
import hashlib
import os
from dataclasses import dataclass

REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm")
MIN_CHARACTERS = 20  # a report has at least this many non-space characters


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


def decode(data, path):
    """Text and encoding of `data`: a BOM wins, then strict UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "")
    if b"\x00" in data[:4096]:
        utf16 = _try_utf16_without_bom(data)
        if utf16:
            return utf16
        raise ReportError(path, "binary file (contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise ReportError(path, "cannot detect the character encoding (not UTF-8, GB18030, Big5 or UTF-16)")
    encoding = "gb18030" if best.encoding in ("gb2312", "gbk", "gb18030") else best.encoding
    return data.decode(encoding), encoding


def _try_utf16_without_bom(data):
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(ch.isprintable() or ch in "\n\r\t" for ch in text) > 0.95 * len(text):
            return text, encoding
    return None


def is_html(file_name, text):
    head = text.lstrip()[:512].lower()
    return file_name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))


def html_to_text(html):
    """The visible text of an HTML page, one block element per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg"]):
        tag.decompose()
    return soup.get_text("\n")


def read_report(path):
    """A Source for the file at `path`, or ReportError."""
    with open(path, "rb") as fh:
        data = fh.read()
    file_name = os.path.basename(path)
    if not data.strip():
        raise ReportError(path, "empty file")
    text, encoding = decode(data, path)
    if is_html(file_name, text):
        text = html_to_text(text)
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.01 * len(text):
        raise ReportError(path, "binary file (control characters), not a text report")
    if len("".join(text.split())) < MIN_CHARACTERS:
        raise ReportError(path, f"too short to be a report (fewer than {MIN_CHARACTERS} characters of text)")
    return Source(path, file_name, data, hashlib.sha256(data).hexdigest(), text, encoding)


def report_paths(seeds_dir):
    """The report files of a seeds directory, sorted by name (catalog and hidden files skipped)."""
    names = sorted(n for n in os.listdir(seeds_dir)
                   if n.lower().endswith(REPORT_SUFFIXES) and not n.startswith("."))
    return [os.path.join(seeds_dir, n) for n in names]
