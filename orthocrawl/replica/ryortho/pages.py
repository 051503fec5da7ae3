"""Pages that are not articles and must never be archived: the front page, /breaking/,
categories, tags, authors, search results, WordPress pages (about, contact, the subscription
offer, the login form), attachment pages and the 404 page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import TABLES, attr
from ..text import Texts
from ..timefmt import long_date
from ..wp_theme import posts_pagination
from .constants import ORIGIN, PER_PAGE, SITE_TITLE, TAGLINE, VARIANTS
from .theme import YOAST, shell

if TYPE_CHECKING:
    from ..text import Chrome
    from ..wp_model import Upload as Image
    from ..wp_site import Listing
    from .content import Post

_T = TABLES[1]


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
    return shell(seo_title, seo, css, "".join([
        f'<header class="page-header"><h1 class="page-title">{texts.t(listing.title)}</h1>'
        f"</header>\n", items, more,
        posts_pagination(listing, n, 2, "&laquo; Previous", "Next &raquo;")]), chrome,
        listing.rel_links(n))


def render_wp_page(slug: str, title: str, paragraphs: tuple[str, ...], page_id: int,
                   chrome: Chrome) -> str:
    """A WordPress page: it looks like a post (entry-title, entry-content) but is not one."""
    url = f"{ORIGIN}/{slug}/"
    seo = YOAST.page(url, f"{title} - {SITE_TITLE}", paragraphs[0])
    body = "".join(f"<p>{p.translate(_T)}</p>\n" for p in paragraphs)
    if slug == "subscribe":
        body += ('<table class="plans"><tr><th>Plan</th><th>Price</th></tr><tr><td>Individual'
                 '</td><td>$149 a year</td></tr><tr><td>Institution</td><td>$699 a year</td>'
                 '</tr></table>\n<p><a class="button" href="' + ORIGIN + '/login/">Subscribe '
                 "Now</a></p>\n")
    main = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish '
            f'hentry"><header class="entry-header"><h1 class="entry-title">{title.translate(_T)}'
            f'</h1></header><div class="entry-content">{body}</div></article>\n')
    return shell(f"{title} - {SITE_TITLE}", seo,
                  f"page-template-default page page-id-{page_id}", main, chrome)


def render_attachment(post: Post, image: Image, chrome: Chrome) -> str:
    """An attachment page: og:type article, an entry title and the credit, yet no article."""
    seo = YOAST.attachment(post, image)
    credit = (f'<p class="wp-caption-text">{image.credit.translate(_T)}</p>'
              if image.credit else "")
    main = (f'<article id="post-{image.attachment_id}" class="post-{image.attachment_id} '
            f'attachment type-attachment status-inherit hentry"><header class="entry-header">'
            f'<h1 class="entry-title">{attr(image.title)}</h1></header><div class="entry-content">'
            f'<p class="attachment"><a href="{image.url}"><img width="{image.width}" height="'
            f'{image.height}" src="{image.url}" class="attachment-full size-full" alt="'
            f'{attr(image.alt)}" /></a></p>{credit}<p>Published in <a href="{post.url}" '
            f'rel="gallery">{post.title.translate(_T)}</a></p></div></article>\n')
    return shell(f"{image.title} - {SITE_TITLE}", seo, image.body_css, main, chrome)


def render_404(chrome: Chrome) -> str:
    texts = Texts()
    seo = ('\t<meta property="og:locale" content="en_US" />\n'
           f'\t<meta property="og:title" content="Page not found - {SITE_TITLE}" />\n')
    main = (f'<section class="error-404 not-found"><header class="page-header"><h1 '
            f'class="page-title">{texts.t("Oops! That page can’t be found.")}</h1></header>'
            f'<div class="page-content"><p>{texts.t("Try a search instead.")}</p><form '
            f'role="search" method="get" class="search-form" action="{ORIGIN}/"><input '
            f'type="search" class="search-field" name="s" /></form></div></section>\n')
    return shell(f"Page not found - {SITE_TITLE}", seo, "error404", main, chrome)
