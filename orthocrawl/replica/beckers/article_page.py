"""The article page in each CMS era's template: the new CMS, Joomla 3 and Joomla + K2.

What differs between eras is what a crawler meets: where the title, byline, section and
dates sit, what the head says, and which chrome sits inside the body container."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..inline import attr
from ..text import Chrome, Texts, slugify
from .clock import iso_local, joomla_date, k2_date, modern_date, short_date
from .constants import DEFAULT_SHARE_IMAGE, ORIGIN, SITE_TITLE

if TYPE_CHECKING:
    from .model import Article

# K2 writes og:url from the URL it was asked for; the server fills this in per request.
REQUEST_URL = "\x00REQUEST-URL\x00"


def names(authors: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: how bylines list writers."""
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


def author_url(name: str) -> str:
    return f"{ORIGIN}/authors/{slugify(name)}/"


def _meta(key: str, value: str | None, attribute: str = "property") -> str:
    return "" if value is None else f'<meta {attribute}="{key}" content="{attr(value)}" />\n'


def _body(article: Article) -> tuple[str, list[str]]:
    """The body container's HTML (K2 holds the first piece apart, as its intro text) and the
    chrome lines of every piece."""
    lines = [line for p in article.pieces for line in p.chrome]
    pieces = article.pieces[1:] if article.era == "k2" else article.pieces
    return "\n".join(p.html for p in pieces), lines


def render(article: Article, chrome: Chrome) -> tuple[str, list[str]]:
    """The page's HTML and every chrome text line on it."""
    make = {"modern": _modern, "joomla": _joomla, "k2": _k2}[article.era]
    texts = Texts()
    html = make(article, texts)
    body_html, body_chrome = _body(article)
    page = (html.replace("\x00BODY\x00", body_html).replace("\x00TOP\x00", chrome.header.html)
            .replace("\x00SIDE\x00", chrome.sidebar.html).replace("\x00BOTTOM\x00",
                                                               chrome.footer.html))
    lines = chrome.lines(texts, body_chrome)
    return page, lines


# ---- the new CMS ---------------------------------------------------------------------------

def _jsonld(article: Article) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": iso_local(article.published),
        "dateModified": iso_local(article.modified),
        "author": [{"@type": "Person", "name": n, "url": author_url(n)} for n in article.authors],
        "articleSection": article.section.label,
        "mainEntityOfPage": article.url,
        "publisher": {"@type": "Organization", "name": "Becker's Healthcare",
                      "logo": {"@type": "ImageObject",
                               "url": f"{ORIGIN}/assets/img/bsr-logo.png"}},
    }
    if article.lead:
        data["image"] = article.lead.url
    if article.description:
        data["description"] = article.description
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _modern(article: Article, texts: Texts) -> str:
    a, section = article, article.section
    lead = a.lead
    byline = ", ".join(f'<a href="{author_url(n)}">{texts.t(n)}</a>' for n in a.authors[:-1])
    last = f'<a href="{author_url(a.authors[-1])}">{texts.t(a.authors[-1])}</a>'
    byline = f"{byline} and {last}" if byline else last
    figure = ""
    if lead:
        caption = f"<figcaption>{texts.t(lead.caption)}</figcaption>" if lead.caption else ""
        figure = (f'<figure class="article-lead-image"><img src="{attr(lead.url)}" '
                  f'alt="{attr(lead.alt)}" width="{lead.width}" height="{lead.height}">'
                  f"{caption}</figure>\n")
    related = "".join(f'<li><a href="{attr(r.url)}">{texts.t(r.title)}</a> <span class="date">'
                      f"{texts.t(short_date(r.published))}</span></li>" for r in a.related)
    title = escape(a.title, quote=False)
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="canonical" href="{a.url}">
{_meta("description", a.description, "name")}{_meta("author", ", ".join(a.authors), "name")}<meta property="og:site_name" content="{SITE_TITLE}" />
<meta property="og:type" content="article" />
{_meta("og:title", a.title)}{_meta("og:description", a.description)}<meta property="og:url" content="{a.url}" />
{_meta("og:image", lead.url if lead else None)}<meta name="twitter:card" content="summary_large_image" />
<script type="application/ld+json">{_jsonld(a)}</script>
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE}" href="{ORIGIN}/rss">
<link rel="stylesheet" href="{ORIGIN}/assets/css/site.min.css">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
<body class="page-article section-{section.slug} node-{a.item_id}">
\x00TOP\x00<main id="main" class="site-main">
<article class="article" data-node-id="{a.item_id}">
<div class="article-section"><a href="{ORIGIN}/{section.slug}/">{texts.t(section.label)}</a></div>
<h1 class="article-title">{title}</h1>
<div class="article-byline"><span class="article-authors">{byline}</span> <span class="sep">-</span> <time class="article-date" datetime="{iso_local(a.published)}">{texts.t(modern_date(a.published))}</time></div>
<div class="article-tools"><a class="tool-print" href="#" onclick="window.print();return false;">{texts.t("Print")}</a> <a class="tool-email" href="mailto:?subject={quote(a.title)}&amp;body={quote(a.url, safe='')}">{texts.t("Email")}</a> <a class="tool-linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url={a.url}">{texts.t("Share on LinkedIn")}</a></div>
{figure}<div class="article-body">
\x00BODY\x00
</div>
<section class="related-articles"><h2>{texts.t("Related articles")}</h2><ul>{related}</ul></section>
</article>
\x00SIDE\x00</main>
\x00BOTTOM\x00"""  # noqa: E501 - verbatim template markup


# ---- Joomla 3 -----------------------------------------------------------------------------

def _legacy_head(article: Article, og_url: str, extra: str = "") -> str:
    a = article
    # Without an image of its own, a page may fall back to the site's share image.
    image = a.lead.url if a.lead else None
    if image is None and (a.era == "k2" or a.item_id % 2):
        image = DEFAULT_SHARE_IMAGE
    return f"""<meta name="keywords" content="spine, spine surgery, spine surgeons, orthopedics, {attr(a.section.label.lower())}" />
{_meta("author", names(a.authors), "name")}{_meta("og:url", og_url)}{_meta("og:title", a.title)}<meta property="og:type" content="article" />
{_meta("og:image", image)}{_meta("og:description", a.description)}{_meta("description", a.description, "name")}<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{escape(a.title, quote=False)}</title>
{extra}"""  # noqa: E501 - verbatim template markup


def _pager(texts: Texts, article: Article) -> str:
    links = []
    if article.newer:
        links.append(f'<li class="previous"><a href="{attr(article.newer.url)}" rel="prev">'
                     f'{texts.t("< Prev")}</a></li>')
    if article.older:
        links.append(f'<li class="next"><a href="{attr(article.older.url)}" rel="next">'
                     f'{texts.t("Next >")}</a></li>')
    return f'<ul class="pager pagenav">{"".join(links)}</ul>'


def _joomla(article: Article, texts: Texts) -> str:
    a, section = article, article.section
    dates = [f'<dd class="published"><span class="icon-calendar"></span><time datetime="'
             f'{iso_local(a.published)}" itemprop="datePublished">'
             f'{texts.t("Published: " + joomla_date(a.published))}</time></dd>']
    if a.modified_shown:
        dates.append(f'<dd class="modified"><span class="icon-calendar"></span><time datetime="'
                     f'{iso_local(a.modified)}" itemprop="dateModified">'
                     f'{texts.t("Last Updated: " + joomla_date(a.modified))}</time></dd>')
    if a.created:
        dates.append(f'<dd class="create"><span class="icon-calendar"></span><time datetime="'
                     f'{iso_local(a.created)}" itemprop="dateCreated">'
                     f'{texts.t("Created: " + joomla_date(a.created))}</time></dd>')
    hits = a.item_id * 37 % 9000 + 120
    image = ""
    if a.lead:
        image = (f'<div class="pull-left item-image"><img src="{attr(a.lead.url)}" alt="'
                 f'{attr(a.lead.alt)}" itemprop="image"/></div>\n')
    mail = f"mailto:?subject={quote(a.title)}&amp;body={quote(a.url, safe='')}"
    return f"""<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head>
<meta charset="utf-8" />
<base href="{a.url}" />
{_legacy_head(a, a.url)}<link href="{ORIGIN}/templates/beckers3/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="{ORIGIN}/templates/beckers3/css/template.css" rel="stylesheet" />
<script src="{ORIGIN}/media/jui/js/jquery.min.js"></script>
</head>
<body class="site com_content view-article no-layout no-task itemid-{100 + section.k2_id}">
\x00TOP\x00<div id="content" role="main">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="en-GB" />
<div class="page-header"><h2 itemprop="headline">{escape(a.title, quote=False)}</h2></div>
<dl class="article-info muted">
<dt class="article-info-term">{texts.t("Details")}</dt>
<dd class="category-name"><span class="icon-folder-open"></span> {texts.t("Category:")} <a href="{ORIGIN}/{section.slug}/" itemprop="genre">{texts.t(section.label)}</a></dd>
{"".join(dates)}
<dd class="hits"><span class="icon-eye-open"></span><meta itemprop="interactionCount" content="UserPageVisits:{hits}" />{texts.t(f"Hits: {hits}")}</dd>
</dl>
{image}<div itemprop="articleBody">
<div class="article-tools"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{texts.t(names(a.authors))}</span></span> - <a class="print" href="#" rel="nofollow" onclick="window.print();return false;">{texts.t("Print")}</a> | <a class="email" href="{mail}" rel="nofollow">{texts.t("Email")}</a></div>
\x00BODY\x00
</div>
{_pager(texts, a)}
</div>
</div>
\x00SIDE\x00\x00BOTTOM\x00"""  # noqa: E501 - verbatim template markup


# ---- Joomla + K2 ---------------------------------------------------------------------------

def _k2(article: Article, texts: Texts) -> str:
    a, section = article, article.section
    first = a.pieces[0].html if a.pieces else ""
    image = ""
    if a.lead:
        caption = (f'<span class="itemImageCaption">{texts.t(a.lead.caption)}</span>'
                   if a.lead.caption else "")
        image = (f'<div class="itemImageBlock"><span class="itemImage"><a class="modal" '
                 f'rel="{{handler: \'image\'}}" href="{attr(a.lead.url)}" title="'
                 f'{attr(texts.t("Click to preview image"))}"><img src="{attr(a.lead.url)}" '
                 f'alt="{attr(a.lead.alt)}" style="width:600px; height:auto;" /></a></span>'
                 f'{caption}<div class="clr"></div></div>\n')
    modified = ""
    if a.modified_shown:
        modified = (f'<div class="itemDateModified">'
                    f'{texts.t("Last modified on " + k2_date(a.modified))}</div>\n')
    social = ""
    if "social" in a.features:
        social = (f'<div class="itemSocialSharing"><div class="itemTwitterButton"><a href="'
                  f'https://twitter.com/share" class="twitter-share-button" data-count="horizontal"'
                  f'>{texts.t("Tweet")}</a></div><div class="itemLinkedInButton"><a href="'
                  f'https://www.linkedin.com/shareArticle?mini=true&amp;url={a.url}">'
                  f'{texts.t("Share on LinkedIn")}</a></div><div class="clr"></div></div>\n')
    related = ""
    if "k2_related" in a.features and a.related:
        items = "".join(f'<li class="{"even" if n % 2 else "odd"}"><a href="{attr(r.url)}">'
                        f"{texts.t(r.title)}</a></li>" for n, r in enumerate(a.related))
        related = (f'<div class="itemRelated"><h3>{texts.t("Related items")}</h3><ul>{items}'
                   "</ul></div>\n")
    nav = []
    if a.newer:
        nav.append(f'<a class="itemPrevious" href="{attr(a.newer.url)}">&laquo; '
                   f"{texts.t(a.newer.title)}</a>")
    if a.older:
        nav.append(f'<a class="itemNext" href="{attr(a.older.url)}">{texts.t(a.older.title)} '
                   "&raquo;</a>")
    mail = f"{ORIGIN}/component/mailto/?tmpl=component&amp;link={a.item_id}"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-gb" lang="en-gb" dir="ltr">
<head>
<base href="{a.url}" />
<meta http-equiv="content-type" content="text/html; charset=utf-8" />
{_legacy_head(a, REQUEST_URL)}<link href="{ORIGIN}/templates/beckers/favicon.ico" rel="shortcut icon" type="image/x-icon" />
<link rel="stylesheet" href="{ORIGIN}/components/com_k2/css/k2.css" type="text/css" />
<script type="text/javascript" src="{ORIGIN}/media/system/js/mootools-core.js"></script>
</head>
<body id="bd" class="com_k2 view-item">
\x00TOP\x00<div id="content">
<div id="k2Container" class="itemView">
<div class="itemHeader">
<span class="itemDateCreated">{texts.t(k2_date(a.published))}</span>
<div class="itemCategory"><span>{texts.t("Published in")}</span> <a href="{ORIGIN}/{section.slug}/">{texts.t(section.label)}</a></div>
<h2 class="itemTitle">{escape(a.title, quote=False)}</h2>
</div>
<div class="itemBody">
<div class="itemToolbar"><span class="itemAuthor">{texts.t(a.byline_prefix + names(a.authors))}</span> - <a class="itemPrintLink" rel="nofollow" href="#" onclick="window.print();return false;">{texts.t("Print")}</a> | <a class="itemEmailLink modal" rel="nofollow" href="{mail}">{texts.t("Email")}</a></div>
{image}<div class="itemIntroText">
{first}
</div>
<div class="itemFullText">
\x00BODY\x00
</div>
{modified}{social}<div class="clr"></div>
</div>
{related}<div class="itemNavigation"><span class="itemNavigationTitle">{texts.t("More in this category:")}</span> {" ".join(nav)}</div>
</div>
</div>
\x00SIDE\x00\x00BOTTOM\x00"""  # noqa: E501 - verbatim template markup
