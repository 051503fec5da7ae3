"""Pages that are not articles and must never be archived: WordPress pages (about, contact, the
subscription offer, the login form), attachment pages and the 404 page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import TABLES, attr
from ..text import Texts
from ..timefmt import iso_offset
from .constants import ORIGIN, SITE_TITLE
from .seo import YOAST
from .theme import body_open, content_close, content_open, head

if TYPE_CHECKING:
    from ..text import Chrome
    from ..wp_model import Upload as Image
    from .model import Post

_T = TABLES[1]



def _shell(title: str, seo: str, css: str, main: str, chrome: Chrome) -> str:
    return "".join([head(title, seo), body_open(css), chrome.header.html, content_open(), main,
                    content_close(chrome.sidebar.html), chrome.footer.html])


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
    return _shell(f"{title} - {SITE_TITLE}", seo,
                  f"page-template-default page page-id-{page_id}", main, chrome)


def render_attachment(post: Post, image: Image, chrome: Chrome) -> str:
    """An attachment page: og:type article, an entry title and the credit, yet no article."""
    url = image.page_url or ""
    extra = (f'\t<meta property="article:modified_time" content="{iso_offset(post.published)}" />'
             f'\n\t<meta name="author" content="{attr(post.writers[0].name)}" />\n')
    seo = YOAST.page(url, f"{image.title} - {SITE_TITLE}", "", og_type="article",
                     extra_meta=extra)
    credit = (f'<p class="wp-caption-text">{image.credit.translate(_T)}</p>'
              if image.credit else "")
    main = (f'<article id="post-{image.attachment_id}" class="post-{image.attachment_id} '
            f'attachment type-attachment status-inherit hentry"><header class="entry-header">'
            f'<h1 class="entry-title">{attr(image.title)}</h1></header><div class="entry-content">'
            f'<p class="attachment"><a href="{image.url}"><img width="{image.width}" height="'
            f'{image.height}" src="{image.url}" class="attachment-full size-full" alt="'
            f'{attr(image.alt)}" /></a></p>{credit}<p>Published in <a href="{post.url}" '
            f'rel="gallery">{post.title.translate(_T)}</a></p></div></article>\n')
    css = (f"attachment attachment-template-default single single-attachment "
           f"postid-{image.attachment_id} attachmentid-{image.attachment_id} attachment-jpeg")
    return _shell(f"{image.title} - {SITE_TITLE}", seo, css, main, chrome)


def render_404(chrome: Chrome) -> str:
    texts = Texts()
    seo = ('\t<meta property="og:locale" content="en_US" />\n'
           f'\t<meta property="og:title" content="Page not found - {SITE_TITLE}" />\n')
    main = (f'<section class="error-404 not-found"><header class="page-header"><h1 '
            f'class="page-title">{texts.t("Oops! That page can’t be found.")}</h1></header>'
            f'<div class="page-content"><p>{texts.t("Try a search instead.")}</p><form '
            f'role="search" method="get" class="search-form" action="{ORIGIN}/"><input '
            f'type="search" class="search-field" name="s" /></form></div></section>\n')
    return _shell(f"Page not found - {SITE_TITLE}", seo, "error404", main, chrome)
