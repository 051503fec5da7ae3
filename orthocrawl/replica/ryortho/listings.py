"""Archive pages: the front page, /breaking/, categories, tags, authors and search results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import attr
from ..text import Texts
from ..timefmt import long_date
from .constants import ORIGIN, PER_PAGE, TAGLINE, VARIANTS
from .seo import YOAST
from .theme import body_open, content_close, content_open, head

if TYPE_CHECKING:
    from ..text import Chrome
    from ..wp_site import Listing
    from .model import Post


def _item(post: Post, texts: Texts, context: str) -> str:
    href = attr(VARIANTS.link(post, context))
    thumb = ""
    if post.lead:
        credit = (f'<figcaption class="image-credit">{texts.t(post.lead.credit)}</figcaption>'
                  if post.lead.credit else "")
        thumb = (f'<figure class="post-thumbnail"><a href="{href}"><img width="300" '
                 f'height="200" src="{attr(post.lead.sized(300))}" class="attachment-medium '
                 f'size-medium wp-post-image" alt="" decoding="async" /></a>{credit}</figure>')
    names = " and ".join(texts.t(w.name) for w in post.writers)
    return (f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post '
            f'status-publish format-standard hentry category-{post.categories[0].slug}">'
            f'{thumb}<header class="entry-header"><h2 class="entry-title"><a href="{href}" '
            f'rel="bookmark">{texts.t(post.title)}</a></h2><div class="entry-meta"><span '
            f'class="byline">By {names}</span> <span class="posted-on">'
            f"{texts.t(long_date(post.published))}</span></div></header>"
            f'<div class="entry-summary"><p>{texts.t(post.description)}</p></div></article>\n')


def _pagination(listing: Listing, n: int) -> str:
    last = listing.pages
    if last == 1:
        return ""
    parts = []
    if n > 1:
        parts.append(f'<a class="prev page-numbers" href="{attr(listing.page_url(n - 1))}">'
                     f"&laquo; Previous</a>")
    for k in filter(None, listing.numbers(n, 2)):
        if k == n:
            parts.append(f'<span aria-current="page" class="page-numbers current">{k}</span>')
        else:
            parts.append(f'<a class="page-numbers" href="{attr(listing.page_url(k))}">{k}</a>')
    if n < last:
        parts.append(f'<a class="next page-numbers" href="{attr(listing.page_url(n + 1))}">'
                     f"Next &raquo;</a>")
    return ('<nav class="navigation pagination" aria-label="Posts pagination"><h2 '
            'class="screen-reader-text">Posts pagination</h2><div class="nav-links">'
            + "".join(parts) + "</div></nav>\n")


def render_listing(listing: Listing, n: int, chrome: Chrome) -> str:
    texts = Texts()
    url = listing.page_url(n)
    shown = listing.shown(n)
    seo_title = listing.head_title(n)
    seo = YOAST.page(url, seo_title, "" if listing.base != "/" else TAGLINE, kind=listing.schema)
    css = listing.body_css + (f" paged paged-{n}" if n > 1 else "")
    items = "".join(_item(p, texts, f"list-{listing.base}-{n}") for p in shown)
    if not shown:
        items = '<section class="no-results not-found"><p>Nothing Found</p></section>'
    more = ""
    if listing.single_page and len(listing.posts) > PER_PAGE:
        more = (f'<p class="more-news"><a href="{ORIGIN}/breaking/page/2/">More Breaking News '
                f"&raquo;</a></p>\n")
    return "".join([
        head(seo_title, seo, listing.rel_links(n)), body_open(css), chrome.header.html,
        content_open(),
        f'<header class="page-header"><h1 class="page-title">{texts.t(listing.title)}</h1>'
        f"</header>\n", items, more, _pagination(listing, n),
        content_close(chrome.sidebar.html), chrome.footer.html,
    ])

