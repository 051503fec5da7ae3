"""The single post page: masthead, entry header with byline, the content with everything the
theme and plugins put inside it, tags, related stories, sidebar and footer."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from ..inline import TABLES, attr
from ..text import Chrome, Texts
from ..timefmt import long_date
from ..wp_theme import entry_dates, single_css, term_classes, term_links
from .constants import ORIGIN, SITE_TITLE, VARIANTS
from .theme import YOAST, shell

if TYPE_CHECKING:
    from .content import Post

_TITLE = TABLES[1]


def _byline(post: Post, texts: Texts) -> str:
    names = [f'<span class="author vcard"><a class="url fn n" href="{w.url}">{texts.t(w.name)}'
             f"</a></span>" for w in post.writers]
    return f'<span class="byline">By {" and ".join(names)}</span>'


def _share(post: Post, texts: Texts, css: str, label: str) -> str:
    url, title = quote(post.url, safe=""), quote(post.title, safe="")
    links = (("facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}", "Facebook"),
             ("linkedin", f"https://www.linkedin.com/sharing/share-offsite/?url={url}",
              "LinkedIn"),
             ("x", f"https://x.com/intent/post?url={url}&amp;text={title}", "X"),
             ("email", f"mailto:?subject={title}&amp;body={url}", "Email"))
    buttons = " ".join(f'<a class="share-{key}" href="{href}" target="_blank" rel="noopener">'
                       f"{texts.t(name)}</a>" for key, href, name in links)
    return f'<div class="{css}"><span class="share-label">{texts.t(label)}</span> {buttons}</div>'


def _header(post: Post, texts: Texts) -> str:
    cats = term_links(post.categories, texts, "category tag")
    flag = ""
    if post.flag:
        flag = (f'<span class="post-flag post-flag-{post.flag.lower()}">{texts.t(post.flag)}'
                f"</span> ")
    deck = f'<p class="entry-deck">{texts.t(post.deck)}</p>\n' if post.deck else ""
    return (f'<header class="entry-header">\n<div class="entry-cats"><span class="cat-links">'
            f"{cats}</span></div>\n"
            f'<h1 class="entry-title">{flag}{post.title.translate(_TITLE)}</h1>\n{deck}'
            f'<div class="entry-meta">{_byline(post, texts)} <span class="posted-on">'
            f"{entry_dates(post, texts)}</span></div>\n"
            f'{_share(post, texts, "share-row", "Share")}\n</header>\n')


def _featured(post: Post, texts: Texts) -> str:
    lead = post.lead
    if lead is None:
        return ""
    credit = (f'<figcaption class="image-credit">{texts.t(lead.credit)}</figcaption>'
              if lead.credit else "")
    height = round(780 * lead.height / lead.width)
    return (f'<figure class="post-thumbnail featured-image"><img width="780" height="{height}" '
            f'src="{attr(lead.sized(780))}" class="attachment-large size-large wp-post-image" '
            f'alt="{attr(lead.alt)}" decoding="async" fetchpriority="high" />{credit}</figure>\n')


def _ad(post: Post, texts: Texts) -> str:
    """Ad Inserter's slot between two paragraphs of the content."""
    slot = 1 + post.post_id % 4
    return (f'<div class="code-block code-block-{slot}" style="margin: 8px auto; text-align: '
            f'center; display: block; clear: both;">\n<p class="ad-label">'
            f'{texts.t("Advertisement – story continues below")}</p>\n<a href="https://sponsor'
            f'.example/otw-{slot}" rel="nofollow noopener" target="_blank"><img src="{ORIGIN}/wp-'
            f'content/uploads/2025/01/sponsor-{slot}-728x90.jpg" alt="" width="728" height="90" '
            f"/></a></div>\n")


def _paywall(post: Post, texts: Texts) -> str:
    """Leaky Paywall's metered-access message, appended to the content."""
    read = 1 + post.post_id % 3
    return (f'<div class="leaky_paywall_message_wrap"><div id="leaky_paywall_message">'
            f"<p>{texts.t(f'You have read {read} of your 3 free articles this month.')}</p>"
            f"<p>{texts.t('Subscribers get every story, every week, plus the full archive.')}"
            f'</p><p><a href="{ORIGIN}/subscribe/">{texts.t("Subscribe Now")}</a> | <a href="'
            f'{ORIGIN}/login/">{texts.t("Log In")}</a> | <a href="{ORIGIN}/login/?action='
            f'lostpassword">{texts.t("Forgot Password?")}</a></p></div></div>\n')


def _inline_related(post: Post, texts: Texts) -> str:
    """Contextual Related Posts' list at the end of the content."""
    items = "".join(f'<li><a href="{attr(VARIANTS.link(p, f"crp-{post.post_id}"))}" class='
                    f'"crp_link post-{p.post_id}"><span class="crp_title">{texts.t(p.title)}'
                    "</span></a></li>" for p in post.related)
    return (f'<div class="crp_related crp-text-only"><h3>{texts.t("Related Stories:")}</h3>'
            f'<ul>{items}</ul><div class="crp_clear"></div></div>\n')


def _newsletter(texts: Texts) -> str:
    return (f'<div class="otw-newsletter-signup"><p class="newsletter-pitch">'
            f"{texts.t('Get the OTW e-newsletter in your inbox every week.')}</p>"
            f'<form action="{ORIGIN}/subscribe/" method="post"><input type="email" name="email" '
            f'placeholder="Email address" /><button type="submit">{texts.t("Sign Up")}</button>'
            f"</form></div>\n")


def _entry(post: Post, texts: Texts) -> str:
    out = ['<div class="entry-content">\n', _featured(post, texts)]
    for n, html in enumerate(post.block_html):
        out.append(html + "\n")
        if n == post.ad_after:
            out.append(_ad(post, texts))
    f = post.features
    if "paywall" in f:
        out.append(_paywall(post, texts))
    if "share_bottom" in f:
        out.append(_share(post, texts, "otw-share-buttons", "Share this story"))
    if "inline_related" in f and post.related:
        out.append(_inline_related(post, texts))
    if "newsletter" in f:
        out.append(_newsletter(texts))
    out.append("</div><!-- .entry-content -->\n")
    return "".join(out)


def _footer(post: Post, texts: Texts) -> str:
    if not post.tags:
        return '<footer class="entry-footer"></footer>\n'
    links = term_links(post.tags, texts)
    return (f'<footer class="entry-footer"><span class="tags-links">{texts.t("Tags:")} {links}'
            f"</span></footer>\n")


def _related(post: Post, texts: Texts) -> str:
    if not post.related:
        return ""
    items = "".join(
        f'<li class="related-story"><a href="{attr(VARIANTS.link(p, f"rel-{post.post_id}"))}">'
        f'<h3 class="related-story-title">{texts.t(p.title)}</h3></a><span class="related-date">'
        f"{texts.t(long_date(p.published))}</span></li>" for p in post.related)
    return (f'<section class="related-stories"><h2 class="related-title">'
            f'{texts.t("Related Stories")}</h2><ul>{items}</ul></section>\n')


def render_post(post: Post, chrome: Chrome) -> tuple[str, list[str]]:
    """The page's HTML and the text lines of all its chrome."""
    texts = Texts()
    cats, tags = term_classes(post)
    thumb = "has-post-thumbnail " if post.lead else ""
    article = (f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post '
               f'status-publish format-standard {thumb}hentry {cats} {tags}">\n'
               f"{_header(post, texts)}{_entry(post, texts)}{_footer(post, texts)}</article>\n")
    return shell(f"{post.title} - {SITE_TITLE}", YOAST.post(post),
                 f"{single_css(post)} leaky-paywall-metered", article + _related(post, texts),
                 chrome, post.head_links()), chrome.lines(texts, post.credits)
