"""Pages that are not articles and must never be archived: archives (home, categories, tags,
authors, dates), search results, WordPress pages, attachment pages and the 404 page."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..constants import TODAY
from ..inline import TABLES, attr
from ..text import Texts, excerpt
from ..timefmt import display_date
from .constants import ORIGIN, SITE_TITLE, TAGLINE, VARIANTS
from .theme import YOAST, shell

if TYPE_CHECKING:
    from ..text import Chrome
    from ..wp_model import Upload as Image
    from ..wp_site import Listing
    from .content import Post

_T = TABLES[1]
_SORRY = "It seems we can’t find what you’re looking for. Perhaps searching can help."


def _page(title: str, seo: str, css: str, main: str, chrome: Chrome) -> str:
    return shell(title, seo, css + " wrapper-has-shadow block-head-1 is-desktop", main, chrome)


def _item(post: Post, texts: Texts, context: str, now: datetime) -> str:
    href = attr(VARIANTS.link(post, context))
    lead = post.byline_block.text + " " if post.byline_block else ""
    cat = post.categories[0]
    thumb = (f'<img width="390" height="220" src="{attr(post.lead.resize(390))}" '
             f'class="attachment-jannah-image-large size-jannah-image-large wp-post-image" '
             f'alt="" decoding="async" />' if post.lead else "")
    return (
        f'<li class="post-item post-{post.post_id} post type-post status-publish format-standard '
        f'{"has-post-thumbnail " if post.lead else ""}category-{cat.slug} tie-standard">'
        f'<a aria-label="{attr(post.title)}" href="{href}" class="post-thumb"><span '
        f'class="post-cat-wrap"><span class="post-cat tie-cat-{cat.term_id}">{texts.t(cat.name)}'
        f"</span></span>{thumb}</a><div class=\"post-details\"><div class=\"post-meta clearfix\">"
        f'<span class="author-meta single-author no-avatars"><span class="meta-item '
        f'meta-author-wrapper"><span class="meta-author"><a href="{post.account.url}" '
        f'class="author-name tie-icon" title="{attr(post.account.name)}">'
        f"{texts.t(post.account.name)}</a></span></span></span><span class=\"date meta-item "
        f'tie-icon">{texts.t(display_date(post.published, now))}</span></div>'
        f'<h2 class="post-title"><a href="{href}">{texts.t(post.title)}</a></h2>'
        f'<p class="post-excerpt">{texts.t(excerpt(lead + post.body_text, 26))}</p>'
        f'<a class="more-link button" href="{href}">Read More &raquo;</a></div></li>\n')


def _pagination(listing: Listing, n: int) -> str:
    last = listing.pages
    if last == 1:
        return ""
    if listing.paging == "next":
        parts = []
        if n > 1:
            parts.append(f'<span class="first-last-pages prev-page"><a href="'
                         f'{attr(listing.page_url(n - 1))}">Previous page</a></span>')
        if n < last:
            parts.append(f'<span class="first-last-pages next-page"><a href="'
                         f'{attr(listing.page_url(n + 1))}">Next page</a></span>')
        return f'<div class="pages-nav"><div class="pages-standard">{" ".join(parts)}</div></div>'
    items = listing.pager(
        n, 2, '<li class="the-prev-page"><a href="{url}">&laquo;</a></li>',
        '<li><a class="pages-nav-item" href="{url}" title="{k}">{k}</a></li>',
        '<li class="current"><span class="pages-nav-item">{k}</span></li>', "", None, ends=False)
    if n + 2 < last:
        items.append('<li class="extend"><span class="pages-nav-item">...</span></li>')
    if n < last:
        items.append(f'<li class="the-next-page"><a href="{attr(listing.page_url(n + 1))}">'
                     f"&raquo;</a></li>")
        items.append(f'<li class="last-page first-last-pages"><a href="'
                     f'{attr(listing.page_url(last))}" title="Last">Last &raquo;</a></li>')
    return f'<div class="pages-nav"><ul class="pages-numbers">{"".join(items)}</ul></div>'


def render_listing(listing: Listing, n: int, chrome: Chrome, now: datetime = TODAY) -> str:
    """Page ``n`` of ``listing``; ``now`` is the site's clock (relative dates of new posts)."""
    texts = Texts()
    url = listing.page_url(n)
    shown = listing.shown(n)
    seo_title = listing.head_title(n)
    if n == 1 and listing.base == "/":
        seo_title = f"{SITE_TITLE} - {TAGLINE}"
    seo = YOAST.page(url, seo_title, listing.description, kind=listing.schema)
    css = listing.body_css + (f" paged paged-{n}" if n > 1 else "")
    desc = (f'<div class="taxonomy-description entry"><p>{texts.t(listing.description)}</p></div>'
            if listing.description else "")
    items = "".join(_item(p, texts, f"list-{listing.base}-{n}", now) for p in shown)
    if not shown:
        items = '<li class="post-item"><p>Nothing Found</p></li>'
    return shell(seo_title, seo, css + " wrapper-has-shadow block-head-1 is-desktop "
                 "sidebar-right has-sidebar", "".join([
        f'<header class="entry-header-outer container-wrapper"><nav id="breadcrumb"><a href="'
        f'{ORIGIN}/"><span class="tie-icon-home" aria-hidden="true"></span> Home</a>'
        f'<em class="delimiter">/</em><span class="current">{texts.t(listing.title)}</span>'
        f'</nav><h1 class="page-title">{texts.t(listing.title)}</h1>{desc}</header>\n',
        '<div class="mag-box wide-post-box"><div class="container-wrapper"><div '
        'class="mag-box-container clearfix"><ul id="posts-container" data-layout="default" '
        f'data-settings="{{&#039;uncropped_image&#039;:&#039;jannah-image-post&#039;}}" '
        f'class="posts-items">\n{items}</ul><div class="clearfix"></div></div></div></div>\n',
        _pagination(listing, n), "\n"]), chrome, listing.rel_links(n))


def render_wp_page(slug: str, title: str, paragraphs: tuple[str, ...], page_id: int,
                   chrome: Chrome) -> str:
    """A WordPress page: it looks like a post (entry-title, entry-content) but is not one."""
    texts = Texts()
    url = f"{ORIGIN}/{slug}/"
    seo = YOAST.page(url, f"{title} - {SITE_TITLE}", paragraphs[0])
    body = "".join(f"<p>{texts.t(p)}</p>\n" for p in paragraphs)
    anchors = ('<h2 id="advertise">Advertise</h2><p>Media kit available on request.</p>'
               '<h2 id="newsletter">Newsletter</h2><p>Every Friday morning.</p>'
               '<h2 id="privacy">Privacy</h2><p>We use cookies for analytics only.</p>'
               if slug == "about-us" else "")
    main = (f'<article id="the-post" class="container-wrapper post-content">'
            f'<header class="entry-header-outer"><div class="entry-header"><h1 class="post-title '
            f'entry-title">{texts.t(title)}</h1></div></header>'
            f'<div class="entry-content entry clearfix">{body}{anchors}</div></article>\n')
    css = f"page-template-default page page-id-{page_id}"
    return _page(f"{title} - {SITE_TITLE}", seo, css, main, chrome)


def render_attachment(post: Post, image: Image, chrome: Chrome) -> str:
    """An attachment page: og:type article, an entry title and a caption, yet no article."""
    seo = YOAST.attachment(post, image)
    caption = f'<p class="wp-caption-text">{image.caption.translate(_T)}</p>' if image.caption \
        else ""
    main = (f'<article id="the-post" class="container-wrapper post-content">'
            f'<header class="entry-header-outer"><div class="entry-header"><h1 class="post-title '
            f'entry-title">{attr(image.title)}</h1></div></header>'
            f'<div class="entry-content entry clearfix"><p class="attachment"><a href="'
            f'{image.url}"><img width="{image.width}" height="{image.height}" src="'
            f'{attr(image.fit())}" class="attachment-medium size-medium" alt="{attr(image.alt)}" '
            f'/></a></p>{caption}<p>Published in <a href="{post.url}" rel="gallery">'
            f"{post.title.translate(_T)}</a></p></div></article>\n")
    return _page(f"{image.title} - {SITE_TITLE}", seo, image.body_css, main, chrome)


def render_404(chrome: Chrome) -> str:
    texts = Texts()
    seo = ('\t<meta property="og:locale" content="en_US" />\n'
           f'\t<meta property="og:title" content="Page not found - {SITE_TITLE}" />\n'
           f'\t<meta property="og:site_name" content="{SITE_TITLE}" />\n')
    main = (f'<div class="container-404"><h2>404 :(</h2><h3>'
            f'{texts.t("Oops! That page can’t be found.")}</h3><h4>'
            f"{texts.t(_SORRY)}"
            f'</h4><div id="content-404"><form role="search" method="get" class="search-form" '
            f'action="{ORIGIN}/"><label><span class="screen-reader-text">Search for:</span>'
            f'<input type="search" class="search-field" placeholder="Search &hellip;" value="" '
            f'name="s" /></label><input type="submit" class="search-submit" value="Search" />'
            f"</form></div></div>\n")
    return _page(f"Page not found - {SITE_TITLE}", seo, "error404", main, chrome)

