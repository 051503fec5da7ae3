"""The OrthoBuzz single post page: entry header, featured image, content with the Jetpack
blocks and the journal's CME callout inside it, entry footer, comments, post navigation."""

from __future__ import annotations

from .. import wp_plugins
from ..inline import TABLES, attr
from ..text import Chrome, Texts, excerpt
from ..wp_comments import avatar, comment_form, comment_list
from ..wp_model import Post
from ..wp_theme import entry_dates, single_css, term_classes, term_links
from .constants import CME, SITE_TITLE
from .theme import YOAST, shell


def cme(texts: Texts) -> str:
    """The journal's continuing-education callout, added to every post by a site plugin."""
    head, _, rest = CME.partition(": ")
    texts.append(CME)
    return (f'<div class="jbjs-cme-callout"><p><strong>{head}:</strong> {rest.translate(TABLES[1])}'
            f' <a href="https://journals.jbjs.example/cme">{texts.t("Learn more")}</a></p></div>\n')


def _content(post: Post, texts: Texts) -> str:
    f = post.features
    out = ['<div class="entry-content">\n', post.body_html, "\n"]
    if "cme" in f:
        out.append(cme(texts))
    out.append(wp_plugins.sharedaddy(post, texts))
    if "jp_related" in f and post.related:
        out.append(wp_plugins.jp_related(post, texts, post.related, lambda p: p.url,
                                         lambda p: excerpt(p.stripped, 16)))
    out.append("</div><!-- .entry-content -->\n")
    return "".join(out)


def _thumbnail(post: Post) -> str:
    lead = post.lead
    if lead is None:
        return ""
    return (f'<div class="post-thumbnail"><img width="{min(lead.width, 1200)}" height="'
            f'{lead.height_at(min(lead.width, 1200))}" src="{attr(lead.url)}" class="attachment-'
            f'post-thumbnail size-post-thumbnail wp-post-image" alt="{attr(lead.alt)}" '
            f'decoding="async" fetchpriority="high" /></div><!-- .post-thumbnail -->\n')


def _entry_footer(post: Post, texts: Texts) -> str:
    acct = post.account
    dates = entry_dates(post, texts)
    cats = term_links(post.categories, texts, "category tag")
    out = [f'<footer class="entry-footer"><span class="byline"><span class="author vcard">'
           f'{avatar(acct.name, 49)}<span class="screen-reader-text">Author </span> <a class="url '
           f'fn n" href="{acct.url}">{texts.t(acct.name)}</a></span></span><span class="posted-'
           f'on"><span class="screen-reader-text">Posted on </span><a href="{post.url}" rel="'
           f'bookmark">{dates}</a></span><span class="cat-links"><span class="screen-'
           f'reader-text">Categories </span>{cats}</span>']
    if post.tags:
        tags = term_links(post.tags, texts)
        out.append(f'<span class="tags-links"><span class="screen-reader-text">Tags </span>'
                   f"{tags}</span>")
    if post.comments_open:
        label = "Leave a comment" if not post.comments else \
            f"{len(post.comments)} Comment{'s' if len(post.comments) > 1 else ''}"
        out.append(f'<span class="comments-link"><a href="{post.url}#respond">{texts.t(label)}'
                   f'<span class="screen-reader-text"> on {post.title.translate(TABLES[1])}'
                   f"</span></a></span>")
    out.append("</footer><!-- .entry-footer -->\n")
    return "".join(out)


def _comments(post: Post, texts: Texts) -> str:
    if not post.comments and not post.comments_open:
        return ""
    out = ['<div id="comments" class="comments-area">\n']
    if post.comments:
        n = len(post.comments)
        title = (f"One thought on “{post.title}”" if n == 1 else
                 f"{n} thoughts on “{post.title}”")
        out.append(f'<h2 class="comments-title">{texts.t(title)}</h2>\n')
        out.append(comment_list(post, texts))
    if post.comments_open:
        out.append(comment_form(post, texts))
    else:
        out.append(f'<p class="no-comments">{texts.t("Comments are closed.")}</p>\n')
    out.append("</div><!-- .comments-area -->\n")
    return "".join(out)


def _navigation(post: Post, texts: Texts) -> str:
    sides = []
    for css, other, rel, label in (("nav-previous", post.older, "prev", "Previous"),
                                   ("nav-next", post.newer, "next", "Next")):
        if other is not None:
            sides.append(f'<div class="{css}"><a href="{other.url}" rel="{rel}"><span class="meta-'
                         f'nav" aria-hidden="true">{texts.t(label)}</span> <span class="screen-'
                         f'reader-text">{label} post:</span> <span class="post-title">'
                         f"{texts.t(other.title)}</span></a></div>")
    return (f'<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-'
            f'text">{texts.t("Post navigation")}</h2><div class="nav-links">{"".join(sides)}'
            "</div></nav>\n")


def render_post(post: Post, chrome: Chrome) -> tuple[str, list[str]]:
    """The page's HTML and the text lines of all its chrome (alt texts included)."""
    texts = Texts()
    cats, tags = term_classes(post)
    thumb = " has-post-thumbnail" if post.lead else ""
    main = "".join([
        f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post status-'
        f'publish format-standard{thumb} hentry {cats} {tags}">\n<header class="entry-header">'
        f'<h1 class="entry-title">{post.title.translate(TABLES[1])}</h1></header>'
        "<!-- .entry-header -->\n",
        _thumbnail(post), _content(post, texts), _entry_footer(post, texts),
        "</article><!-- #post-## -->\n", _comments(post, texts), _navigation(post, texts),
    ])
    return shell(f"{post.title} - {SITE_TITLE}", YOAST.post(post), f"{single_css(post)} group-blog",
                 main, chrome, post.head_links(titled=False)), chrome.lines(texts, post.alts)
