"""Spine Market Group pages that are not articles: archives (home, categories, tags, author,
dates) with Genesis pagination, search results, WordPress pages (the menu's MANUFACTURERS,
HEADHUNTERS, ... with slug-only URLs just like posts), attachment pages and the 404 page."""

from __future__ import annotations

from ..inline import TABLES, attr
from ..text import Chrome, Texts, excerpt
from ..wp_model import Post, Upload
from ..wp_site import Listing
from ..wp_theme import term_links
from .constants import ORIGIN, SITE_TITLE
from .post_page import entry_meta
from .theme import SCHEMA, shell

_T = TABLES[1]


def _item(post: Post, texts: Texts) -> str:
    cats = term_links(post.categories, Texts(), "category tag")
    return (f'<article class="post-{post.post_id} post type-post status-publish format-standard '
            f'entry" aria-label="{attr(post.title)}" itemscope itemtype="{SCHEMA}/CreativeWork">'
            f'<header class="entry-header"><h2 class="entry-title" itemprop="headline"><a class="'
            f'entry-title-link" rel="bookmark" href="{post.url}">{post.title.translate(_T)}</a>'
            f"</h2>\n{entry_meta(post, texts, comments_link=False)}</header><div class=\"entry-"
            f'content" itemprop="text"><p>{excerpt(post.stripped, 55).translate(_T)} [&hellip;]'
            f'</p></div><footer class="entry-footer"><p class="entry-meta"><span class="entry-'
            f'categories">Filed Under: {cats}</span></p></footer></article>\n')


def _pagination(listing: Listing, n: int) -> str:
    if listing.pages == 1:
        return ""
    page = ('<li{active} ><a href="{{url}}" aria-label="Page {{k}}"{current}><span class="screen-'
            'reader-text">Page</span> {{k}}</a></li>')
    items = listing.pager(
        n, 2, '<li class="pagination-previous"><a href="{url}">&#x000AB; <span class="screen-'
        'reader-text">Go to</span> Previous Page</a></li>', page.format(active="", current=""),
        page.format(active=' class="active"', current=' aria-current="page"'),
        '<li class="pagination-omission">&#x02026;</li> ', '<li class="pagination-next"><a href='
        '"{url}"><span class="screen-reader-text">Go to</span> Next Page &#x000BB;</a></li>')
    return ('<div class="archive-pagination pagination" role="navigation" aria-label="Pagination">'
            f'<ul>{"".join(items)}</ul></div>\n')


def render_listing(listing: Listing, n: int, chrome: Chrome) -> str:
    texts = Texts()
    shown = listing.shown(n)
    title = listing.seo_title + (f" – Page {n}" if n > 1 else "")
    header = (f'<div class="archive-description taxonomy-archive-description taxonomy-description">'
              f'<h1 class="archive-title">{listing.title.translate(_T)}</h1></div>\n'
              if listing.title else "")
    items = "".join(_item(p, texts) for p in shown) or (
        '<div class="entry"><p>Sorry, no content matched your criteria.</p></div>')
    css = listing.body_css + (f" paged paged-{n}" if n > 1 else "")
    canonical = listing.page_url(n) if not listing.query else None
    return shell(title, None, canonical, css, header + items + _pagination(listing, n), chrome)


def render_wp_page(slug: str, title: str, paragraphs: tuple[str, ...], page_id: int,
                   chrome: Chrome) -> str:
    """A WordPress page: Genesis markup of a post (entry-title, entry-content), slug-only URL."""
    body = "".join(f"<p>{p.translate(_T)}</p>\n" for p in paragraphs)
    main = (f'<article class="post-{page_id} page type-page status-publish entry" aria-label="'
            f'{attr(title)}" itemscope itemtype="{SCHEMA}/CreativeWork"><header class="entry-'
            f'header"><h1 class="entry-title" itemprop="headline">{title}</h1></header><div class='
            f'"entry-content" itemprop="text">{body}</div><footer class="entry-footer"></footer>'
            "</article>")
    return shell(f"{title} – {SITE_TITLE}", paragraphs[0], f"{ORIGIN}/{slug}",
                 f"page-template-default page page-id-{page_id}", main, chrome)


def render_attachment(post: Post, image: Upload, chrome: Chrome) -> str:
    url = image.page_url or ""
    main = (f'<article class="post-{image.attachment_id} attachment type-attachment status-inherit '
            f'entry" aria-label="{attr(image.title)}" itemscope itemtype="{SCHEMA}/CreativeWork">'
            f'<header class="entry-header"><h1 class="entry-title" itemprop="headline">'
            f'{attr(image.title)}</h1></header><div class="entry-content" itemprop="text"><p '
            f'class="attachment"><a href="{attr(image.url)}"><img width="{image.width}" height="'
            f'{image.height}" src="{attr(image.url)}" class="attachment-medium size-medium" alt="'
            f'{attr(image.alt)}" /></a></p></div></article><p>Published in <a href="{post.url}">'
            f"{post.title.translate(_T)}</a></p>")
    return shell(f"{image.title} – {SITE_TITLE}", None, url, image.body_css, main, chrome)


def render_404(chrome: Chrome) -> str:
    texts = Texts()
    main = (f'<article class="entry"><h1 class="entry-title">{texts.t("Not found, error 404")}'
            f'</h1><div class="entry-content"><p>{texts.t("The page you are looking for no longer exists. Perhaps you can return back to the homepage and see if you can find what you are looking for.")}'  # noqa: E501
            "</p></div></article>")
    return shell(f"Not found, error 404 – {SITE_TITLE}", None, None, "error404", main, chrome)

