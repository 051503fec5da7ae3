"""The page's markup as a browser reads it, where libxml2 reads it otherwise.

libxml2 (2.14, under lxml and so under parsel and trafilatura) drops everything after the
first ``</html>``, and puts what follows ``</body>`` outside the body. Browsers (the HTML5
parsing rules) move such content into the body, and pages rely on that: a theme that closes
the document after its header and prints the article below it shows the article to every
reader and none of it to libxml2. On ../shared/bench/wcxb-dev, 8 of 891 pages have markup
after their first ``</html>`` (one a whole-page failure: the body came back with 38 of 755
words); re-parsed without the early closing tags they read as a browser reads them.
"""

from __future__ import annotations

import re

_CLOSING = re.compile(r"</(?:body|html)\s*>", re.I)
# What may follow the document's end without being content: white space and comments.
_NOTHING = re.compile(r"(?:\s|<!--.*?-->|</(?:body|html)\s*>)*", re.S | re.I)


def browser_markup(text: str) -> str | None:
    """The page's markup without its closing body and html tags when markup follows the
    first of them (None: the page ends where it says, libxml2 reads it as a browser does)."""
    first = _CLOSING.search(text)
    if first is None:
        return None
    rest = _NOTHING.match(text, first.end())
    if rest is not None and rest.end() == len(text):
        return None
    return _CLOSING.sub("", text)
