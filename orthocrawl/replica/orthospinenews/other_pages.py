"""Pages that are not articles and must never be archived: WordPress pages, attachment pages
and the 404 page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import TABLES, attr
from ..timefmt import iso_offset
from .constants import ORIGIN, SITE_TITLE
from .seo import YOAST
from .theme import Texts, body_open, content_open, head

_T = TABLES[1]
_SORRY = "It seems we can’t find what you’re looking for. Perhaps searching can help."

if TYPE_CHECKING:
    from ..text import Chrome
    from ..wp_model import Upload as Image
    from .model import Post



def _shell(title: str, seo: str, css: str, main: str, chrome: Chrome) -> str:
    return "".join([
        head(title, seo), body_open(css + " wrapper-has-shadow block-head-1 is-desktop"),
        chrome.header.html, content_open(), main, "</div><!-- .main-content /-->\n",
        chrome.sidebar.html, "</div><!-- .main-content-row /--></div><!-- #content /-->\n",
        chrome.footer.html,
    ])


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
    return _shell(f"{title} - {SITE_TITLE}", seo, css, main, chrome)


def render_attachment(post: Post, image: Image, chrome: Chrome) -> str:
    """An attachment page: og:type article, an entry title and a caption, yet no article."""
    url = image.page_url or ""
    extra = (f'\t<meta property="article:modified_time" content="{iso_offset(post.published)}" />'
             f'\n\t<meta name="author" content="{attr(post.account.name)}" />\n')
    seo = YOAST.page(url, f"{image.title} - {SITE_TITLE}", "", og_type="article",
                     extra_meta=extra)
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
    css = (f"attachment attachment-template-default single single-attachment "
           f"postid-{image.attachment_id} attachmentid-{image.attachment_id} attachment-jpeg")
    return _shell(f"{image.title} - {SITE_TITLE}", seo, css, main, chrome)


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
    return _shell(f"Page not found - {SITE_TITLE}", seo, "error404", main, chrome)

