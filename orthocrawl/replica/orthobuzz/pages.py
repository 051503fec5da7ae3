"""OrthoBuzz pages that are not articles: archives (home, categories, tags, authors, dates),
search results, WordPress pages, attachment pages and the 404 page."""

from __future__ import annotations

from ..inline import TABLES, attr
from ..text import Chrome, Texts, excerpt
from ..timefmt import long_date
from ..wp_model import Post, Upload
from ..wp_site import Listing
from ..wp_theme import posts_pagination, term_links
from .constants import ORIGIN, SITE_TITLE
from .theme import YOAST, shell

_T = TABLES[1]


def _item(post: Post) -> str:
    cats = term_links(post.categories, Texts(), "category tag")
    return (f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post status-'
            f'publish format-standard hentry category-{post.categories[0].slug}">\n<header class='
            f'"entry-header"><h2 class="entry-title"><a href="{post.url}" rel="bookmark">'
            f"{post.title.translate(_T)}</a></h2></header>\n<div class=\"entry-summary\"><p>"
            f"{excerpt(post.stripped, 40).translate(_T)}</p></div>\n<footer class=\"entry-footer\">"
            f'<span class="posted-on"><a href="{post.url}" rel="bookmark"><time class="entry-date '
            f'published">{long_date(post.published)}</time></a></span><span class="cat-links">'
            f"{cats}</span></footer>\n</article>\n")


def render_listing(listing: Listing, n: int, chrome: Chrome) -> str:
    url = listing.page_url(n)
    shown = listing.shown(n)
    seo_title = listing.head_title(n)
    seo = YOAST.page(url, seo_title, kind=listing.schema)
    header = (f'<header class="page-header"><h1 class="page-title">{listing.title.translate(_T)}'
              "</h1></header>\n" if listing.title else "")
    items = "".join(_item(p) for p in shown) or (
        '<section class="no-results not-found"><header class="page-header"><h1 class="page-title">'
        "Nothing Found</h1></header></section>\n")
    css = listing.body_css + (f" paged paged-{n}" if n > 1 else "") + " group-blog hfeed"
    pager = posts_pagination(listing, n, 1, "Previous page", "Next page", '<span class="meta-'
                             'nav screen-reader-text">Page </span>{k}',
                             '<span class="page-numbers dots">&hellip;</span>')
    return shell(seo_title, seo, css, header + items + pager, chrome)


def render_wp_page(slug: str, title: str, paragraphs: tuple[str, ...], page_id: int,
                   chrome: Chrome) -> str:
    """A WordPress page: it looks like a post (entry-title, entry-content) but is not one."""
    url = f"{ORIGIN}/{slug}/"
    seo = YOAST.page(url, f"{title} - {SITE_TITLE}", paragraphs[0])
    body = "".join(f"<p>{p.translate(_T)}</p>\n" for p in paragraphs)
    main = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish '
            f'hentry"><header class="entry-header"><h1 class="entry-title">{title}</h1></header>'
            f'<div class="entry-content">{body}</div></article>\n')
    return shell(f"{title} - {SITE_TITLE}", seo, f"page-template-default page page-id-{page_id}",
                 main, chrome)


def render_attachment(post: Post, image: Upload, chrome: Chrome) -> str:
    """An attachment page: og:type article, an entry title and the image, yet no article."""
    seo = YOAST.attachment(post, image)
    caption = (f'<div class="entry-caption"><p>{image.caption.translate(_T)}</p></div>'
               if image.caption else "")
    main = (f'<article id="post-{image.attachment_id}" class="post-{image.attachment_id} '
            f'attachment type-attachment status-inherit hentry"><nav id="image-navigation" class='
            f'"navigation image-navigation"><div class="nav-links"><div class="nav-previous"></div>'
            f'</div></nav><header class="entry-header"><h1 class="entry-title">'
            f'{attr(image.title)}</h1></header><div class="entry-content"><div class="entry-'
            f'attachment"><img width="{image.width}" height="{image.height}" src="'
            f'{attr(image.url)}" class="attachment-large size-large" alt="{attr(image.alt)}" />'
            f'{caption}</div></div><footer class="entry-footer"><span class="full-size-link">'
            f'<a href="{attr(image.url)}">{image.width} &times; {image.height}</a></span></footer>'
            f'</article><nav class="navigation post-navigation" aria-label="Posts"><div class="nav-'
            f'links"><a href="{post.url}" rel="prev"><span class="meta-nav">Published in</span>'
            f'<span class="post-title">{post.title.translate(_T)}</span></a></div></nav>\n')
    return shell(f"{image.title} - {SITE_TITLE}", seo, image.body_css, main, chrome)


def render_404(chrome: Chrome) -> str:
    texts = Texts()
    main = (f'<section class="error-404 not-found"><header class="page-header"><h1 class="page-'
            f'title">{texts.t("Oops! That page can’t be found.")}</h1></header><div class="page-'
            f'content"><p>{texts.t("It looks like nothing was found at this location. Maybe try a search?")}'  # noqa: E501
            f'</p><form role="search" method="get" class="search-form" action="{ORIGIN}/"><input '
            f'type="search" class="search-field" name="s" /></form></div></section>\n')
    seo = f'<meta property="og:title" content="Page not found - {SITE_TITLE}" />\n'
    return shell(f"Page not found - {SITE_TITLE}", seo, "error404", main, chrome)

