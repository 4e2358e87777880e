"""The text of a saved web page: the page's content, one block per line, without the site's furniture.

Dropped before the text is read (BeautifulSoup, Python's own html.parser):
- elements that are never text: <head>, scripts, styles, forms, frames, images, SVG;
- site furniture by HTML semantics: <nav>, <aside>, and <header>/<footer> that are not inside an
  <article> or <main> (inside one, they hold the article's own title or signature);
- site furniture by name: an element whose class or id is one of FURNITURE (navigation, menus,
  breadcrumbs, share widgets, sidebars, search boxes, footers, copyright blocks), unless it holds
  the page's <h1> (then it is the article's own header).
What is left (the article and the page-metadata table above it) is read the way a browser lays it
out: whitespace inside a paragraph collapses to one space, inline elements (<span>, <strong>, <a>)
join their neighbours without a break, block elements (<p>, <div>, <h1>, <li>, <tr>) and <br> end a
line, and table cells of a row share one line ("索引号: 0110... 发布机构: ...").
The chrome rules of chrome.py then apply to these lines as to any text report.
"""
import re

NEVER_TEXT = ["head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "img", "form", "button", "input", "select", "textarea", "nav", "aside"]
# class or id values (whole, case-insensitive) that name site furniture on government pages
FURNITURE = re.compile(r"(?:[a-z]+[-_])?(?:nav|navbar|navigation|menu|submenu|breadcrumbs?|crumbs?|position|"
                       r"share|sharebox|sidebar|side-?bar|search|searchbox|footer|foot|copyright|"
                       r"friendlinks?|links?)"
                       r"|header|topbar|logo|banner", re.IGNORECASE)
BLOCK = {"address", "article", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
         "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
         "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
CELL = {"td", "th"}
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")


def _is_furniture(tag):
    if tag.name in ("header", "footer"):
        return tag.find_parent(["article", "main"]) is None
    names = (tag.get("class") or []) + ([tag["id"]] if tag.get("id") else [])
    # an element holding the page's <h1> holds the article title: never furniture
    return any(FURNITURE.fullmatch(str(name)) for name in names) and tag.find("h1") is None


def page_text(html):
    """The content lines of an HTML page (see the module docstring), joined by newlines."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(NEVER_TEXT):
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if _is_furniture(t)]:
        if not tag.decomposed:
            tag.decompose()
    for node in list(soup.find_all(string=True)):
        if type(node) is NavigableString and not node.find_parent("pre"):
            node.replace_with(_SPACE.sub(" ", str(node)))
    for tag in soup.find_all("br"):
        tag.replace_with("\n")
    for tag in soup.find_all(BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for tag in soup.find_all(CELL):
        tag.insert_after(" ")
    lines = (line.strip(" ") for line in soup.get_text().split("\n"))
    return "\n".join(line for line in lines if line)
