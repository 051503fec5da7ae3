"""Pages that are not articles: home, section listings, author pages, search, static pages
and the 404 page. None of them may be archived."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ..inline import attr
from ..text import Chrome, Texts
from .article_page import names
from .clock import short_date
from .constants import ORIGIN, PER_PAGE, SITE_TITLE, WORDS

if TYPE_CHECKING:
    from .model import Article


@dataclass(slots=True)
class Listing:
    base: str  # path of page 1, e.g. "/spine/"
    title: str
    css: str  # body class
    articles: list[Article]
    blurb: str = ""
    query: str = ""  # "q=spine" for search results

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.articles) // PER_PAGE))

    def page_url(self, n: int) -> str:
        params = [p for p in (self.query, f"page={n}" if n > 1 else "") if p]
        return f"{ORIGIN}{self.base}" + (f"?{'&'.join(params)}" if params else "")


def _head(title: str, canonical: str, description: str = "") -> str:
    desc = f'<meta name="description" content="{attr(description)}">\n' if description else ""
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title, quote=False)} | {SITE_TITLE}</title>
<link rel="canonical" href="{attr(canonical)}">
{desc}<meta property="og:site_name" content="{SITE_TITLE}" />
<meta property="og:type" content="website" />
<meta property="og:title" content="{attr(title)}" />
<meta property="og:url" content="{attr(canonical)}" />
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE}" href="{ORIGIN}/rss">
<link rel="stylesheet" href="{ORIGIN}/assets/css/site.min.css">
</head>
"""


def _item(article: Article, texts: Texts, context: str) -> str:
    teaser = (f'<p class="listing-teaser">{escape(article.description, quote=False)}</p>'
              if article.description else "")
    return (f'<div class="listing-item"><h2 class="listing-title"><a href="'
            f'{attr(article.link(context))}">{texts.t(article.title)}</a></h2>'
            f'<div class="listing-meta"><span class="listing-authors">'
            f'{texts.t(names(article.authors))}</span> - <span class="listing-date">'
            f"{texts.t(short_date(article.published))}</span></div>{teaser}</div>\n")


def render_listing(listing: Listing, n: int, chrome: Chrome) -> str:
    texts = Texts()
    chunk = listing.articles[(n - 1) * PER_PAGE:n * PER_PAGE]
    items = "".join(_item(a, texts, f"{listing.base}|{n}") for a in chunk)
    if not chunk:
        items = '<p class="no-results">No articles matched your search.</p>\n'
    pager = []
    if n > 1:
        pager.append(f'<a rel="prev" class="pager-prev" href="{attr(listing.page_url(n - 1))}">'
                     "Previous</a>")
    pager.append(f'<span class="pager-current">Page {n} of {listing.pages}</span>')
    if n < listing.pages:
        pager.append(f'<a rel="next" class="pager-next" href="{attr(listing.page_url(n + 1))}">'
                     "Next</a>")
    blurb = f'<p class="section-blurb">{escape(listing.blurb)}</p>\n' if listing.blurb else ""
    title = listing.title + (f" - Page {n}" if n > 1 else "")
    return (_head(title, listing.page_url(n), listing.blurb)
            + f'<body class="{listing.css}">\n{chrome.header.html}<main id="main" '
            f'class="site-main">\n<div class="section-listing">\n<h1 class="section-title">'
            f"{escape(listing.title, quote=False)}</h1>\n{blurb}{items}"
            f'<nav class="pager">{" ".join(pager)}</nav>\n</div>\n{chrome.sidebar.html}</main>\n'
            + chrome.footer.html)


def render_static(path: str, title: str, paragraphs: tuple[str, ...], chrome: Chrome,
                  form: str = "") -> str:
    body = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in paragraphs)
    return (_head(title, ORIGIN + path) + f'<body class="page-static">\n{chrome.header.html}'
            f'<main id="main" class="site-main">\n<div class="static-page">\n<h1>'
            f"{escape(title, quote=False)}</h1>\n{body}{form}</div>\n{chrome.sidebar.html}</main>\n"
            + chrome.footer.html)


def render_about(chrome: Chrome) -> str:
    """The old About page: a Joomla 3 article view with no byline, date or section."""
    paras = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in ABOUT)
    return f"""<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head>
<meta charset="utf-8" />
<base href="{ORIGIN}/about-us.html" />
<meta name="description" content="About {SITE_TITLE}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="About Us" />
<meta property="og:url" content="{ORIGIN}/about-us.html" />
<title>About Us</title>
</head>
<body class="site com_content view-article no-layout no-task itemid-101">
{chrome.header.html}<div id="content" role="main">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">About Us</h2></div>
<div itemprop="articleBody">
{paras}</div>
</div>
</div>
{chrome.sidebar.html}{chrome.footer.html}"""


def render_404(chrome: Chrome) -> str:
    return (_head("Page not found", ORIGIN + "/") + f'<body class="page-error">\n'
            f'{chrome.header.html}<main id="main" class="site-main"><div class="static-page">'
            "<h1>Page not found</h1><p>The page you requested could not be found. Try the "
            f'search or the section pages.</p></div>{chrome.sidebar.html}</main>\n'
            + chrome.footer.html)


ABOUT = tuple(p.format(site=SITE_TITLE) for p in WORDS["about"])
CONTACT, EWEEKLY = tuple(WORDS["contact"]), tuple(WORDS["eweekly"])
FORM = (f'<form class="signup-form" action="{ORIGIN}/e-weekly/" method="post"><label>Email '
        '<input type="email" name="email"></label><button type="submit">Subscribe</button>'
        "</form>\n")
