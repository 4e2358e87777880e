/* Table pages: long text in one line that opens on a click, offset columns shown on request, and the words of a
   table search (?_search=) highlighted in the rows, as the site search highlights them. */
(function () {
  "use strict";

  function terms(query) {
    // as cn_gov_reports.search.query_terms: "quoted phrases" whole, else split on spaces
    var found = [], re = /"([^"]*)"?|(\S+)/g, m;
    query = query.normalize("NFKC");
    while ((m = re.exec(query))) {
      var t = (m[1] !== undefined ? m[1] : m[2]).trim();
      if (t) found.push(t);
    }
    return found;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  var LEAD = 12; // characters shown before the first hit of a long text cut to one line

  function markText(text, pattern) {
    var out = "", last = 0, m, first = -1;
    pattern.lastIndex = 0;
    while ((m = pattern.exec(text))) {
      if (!m[0]) { pattern.lastIndex++; continue; }
      if (first < 0) first = m.index;
      out += escapeHtml(text.slice(last, m.index)) + '<mark class="ui-hit">' + escapeHtml(m[0]) + "</mark>";
      last = m.index + m[0].length;
    }
    return first < 0 ? null : {html: out + escapeHtml(text.slice(last)), first: first};
  }

  function highlightCell(td, pattern) {
    if (td.children.length === 0) { // plain text: mark it; a long one starts a little before its first hit
      var text = td.textContent, marked = markText(text, pattern);
      if (!marked) return;
      if (td.classList.contains("ui-long") && marked.first > LEAD) {
        var cut = marked.first - LEAD, rest = markText(text.slice(cut), pattern);
        td.innerHTML = '<span class="ui-lead">' + escapeHtml(text.slice(0, cut)) + '</span><span class="ui-ellipsis">…</span>' + rest.html;
      } else {
        td.innerHTML = marked.html;
      }
      return;
    }
    td.querySelectorAll("a, span").forEach(function (el) {
      if (el.children.length === 0) {
        var m = markText(el.textContent, pattern);
        if (m) el.innerHTML = m.html;
      }
    });
  }

  function highlightSearch() {
    var query = new URLSearchParams(window.location.search).get("_search");
    if (!query) return;
    var words = terms(query).sort(function (a, b) { return b.length - a.length; });
    if (!words.length) return;
    var pattern = new RegExp(words.map(escapeRe).join("|"), "gi");
    document.querySelectorAll("table.ui-rows tbody td").forEach(function (td) { highlightCell(td, pattern); });
  }

  function openLongText() {
    document.addEventListener("click", function (event) {
      var td = event.target.closest("td.ui-long");
      if (!td || event.target.closest("a")) return;
      td.classList.toggle("ui-open");
    });
  }

  function offsetsToggle() {
    document.querySelectorAll("button.ui-toggle-offsets").forEach(function (button) {
      if (!document.querySelector("table.ui-rows .ui-offset")) { button.parentNode.hidden = !document.querySelector("table.ui-rows td.ui-long"); button.hidden = true; return; }
      button.addEventListener("click", function () {
        var hidden = document.body.classList.toggle("ui-hide-offsets");
        button.setAttribute("aria-pressed", String(!hidden));
        button.innerHTML = hidden ? '显示字符位置 <span class="ui-en">Show offsets</span>'
                                  : '隐藏字符位置 <span class="ui-en">Hide offsets</span>';
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    highlightSearch();
    openLongText();
    offsetsToggle();
  });
})();
