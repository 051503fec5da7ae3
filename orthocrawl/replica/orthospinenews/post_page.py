"""The single post page, every chrome block in the theme's order."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from urllib.parse import quote

from .. import wp_plugins
from ..constants import TODAY
from ..inline import TABLES, attr
from ..text import Chrome, excerpt
from ..timefmt import comment_time, display_date, iso_offset, long_date
from ..wp_comments import comment_form
from ..wp_theme import single_css, term_classes, term_links
from .constants import NEWSLETTER_PITCH, ORIGIN, VARIANTS
from .theme import YOAST, Texts, post_line, shell, tie_schema

if TYPE_CHECKING:
    from .content import Post


_AD = ('<div class="stream-item stream-item-{where}-post-content"><div class="stream-item-size">'
       '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?'
       'client=ca-pub-0000000000000000" crossorigin="anonymous"></script>'
       '<ins class="adsbygoogle" style="display:block; text-align:center;" '
       'data-ad-layout="in-article" data-ad-format="fluid" '
       'data-ad-client="ca-pub-0000000000000000" data-ad-slot="{slot}"></ins>'
       "<script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div></div>\n")


def _avatar(name: str, size: int) -> str:
    digest = hashlib.md5(name.lower().encode()).hexdigest()
    return (f'<img alt="Photo of {attr(name)}" src="https://secure.gravatar.com/avatar/{digest}'
            f'?s={size}&#038;d=mm&#038;r=g" class="avatar avatar-{size} photo" '
            f'height="{size}" width="{size}" loading="lazy" decoding="async"/>')


def _share(post: Post, texts: Texts, where: str) -> str:
    url, title = quote(post.url, safe=""), quote(post.title, safe="")
    links = [
        ("facebook", f"https://www.facebook.com/sharer.php?u={url}", "Facebook", False),
        ("twitter", f"https://x.com/intent/post?text={title}&amp;url={url}", "X", False),
        ("linkedin", f"https://www.linkedin.com/shareArticle?mini=true&amp;url={url}&amp;"
                     f"title={title}", "LinkedIn", False),
        ("email", f"mailto:?subject={title}&amp;body={url}", "Share via Email", True),
        ("print", "#", "Print", True),
    ]
    out = []
    for key, href, label, hidden in links:
        css = "screen-reader-text" if hidden else "social-text"
        out.append(f'<a href="{href}" rel="external noopener nofollow" title="{label}" '
                   f'target="_blank" class="{key}-share-btn large-share-button" '
                   f'data-raw="{href}"><span class="share-btn-icon tie-icon-{key}"></span> '
                   f'<span class="{css}">{texts.t(label)}</span></a>')
    return (f'<div id="share-buttons-{where}" class="share-buttons share-buttons-{where}">'
            f'<div class="share-links  icons-text">{"".join(out)}</div></div>\n')


def _meta_line(post: Post, texts: Texts) -> str:
    acct = post.account
    minutes = post.word_count // 200
    reading = ("Less than a minute" if minutes == 0 else
               f"{minutes} minute{'s' if minutes > 1 else ''} read")
    updated = ""
    if (post.modified - post.published).days >= 1:
        updated = (f'<span class="meta-item last-updated">'
                   f'{texts.t("Last Updated: " + long_date(post.modified))}</span>')
    return (f'<div class="single-post-meta post-meta clearfix"><span class="author-meta '
            f'single-author with-avatars"><span class="meta-item meta-author-wrapper '
            f'meta-author-{post.account.slug}"><span class="meta-author-avatar"><a href="'
            f'{acct.url}">{_avatar(acct.name, 140)}</a></span><span class="meta-author">'
            f'<a href="{acct.url}" class="author-name tie-icon" title="{attr(acct.name)}">'
            f"{texts.t(acct.name)}</a></span></span></span>"
            f'<span class="date meta-item tie-icon">{texts.t(display_date(post.published, TODAY))}'
            f"</span>{updated}"
            f'<div class="tie-alignright"><span class="meta-comment tie-icon meta-item fa-before">'
            f'{len(post.comments)}</span><span class="meta-views meta-item "><span '
            f'class="tie-icon-fire" aria-hidden="true"></span> {post.views:,} </span>'
            f'<span class="meta-reading-time meta-item"><span class="tie-icon-bookmark" '
            f'aria-hidden="true"></span> {texts.t(reading)}</span></div></div>')


def _header(post: Post, texts: Texts) -> str:
    primary = post.categories[0]
    cats = "".join(f'<a class="post-cat tie-cat-{c.term_id}" href="{c.url}">{texts.t(c.name)}'
                   f"</a>" for c in post.categories)
    crumb = (f'<nav id="breadcrumb"><a href="{ORIGIN}/"><span class="tie-icon-home" '
             f'aria-hidden="true"></span> {texts.t("Home")}</a><em class="delimiter">/</em>'
             f'<a href="{primary.url}">{texts.t(primary.name)}</a><em class="delimiter">/</em>'
             f'<span class="current">{texts.t(post.title)}</span></nav>')
    title = post.title.translate(TABLES[1])
    return (f'<header class="entry-header-outer">\n{crumb}\n<div class="entry-header">\n'
            f'<span class="post-cat-wrap">{cats}</span>\n'
            f'<h1 class="post-title entry-title">{title}</h1>\n'
            f"{_meta_line(post, texts)}\n</div><!-- .entry-header /-->\n</header>\n")


def _featured(post: Post, texts: Texts) -> str:
    lead = post.lead
    if lead is None:
        return ""
    cap = ""
    if lead.caption:
        cap = (f'<figcaption class="single-caption-text"><span class="tie-icon-camera" '
               f'aria-hidden="true"></span> {texts.t(lead.caption)}</figcaption>')
    return (f'<div class="featured-area"><div class="featured-area-inner"><figure '
            f'class="single-featured-image"><img width="780" height="'
            f'{round(780 * lead.height / lead.width)}" src="{attr(lead.resize(780))}" '
            f'class="attachment-jannah-image-post size-jannah-image-post wp-post-image" '
            f'alt="{attr(lead.alt)}" data-main-img="1" decoding="async" fetchpriority="high" '
            f'srcset="{attr(lead.resize(780))} 780w, {attr(lead.resize(300))} 300w" '
            f'sizes="(max-width: 780px) 100vw, 780px" />{cap}</figure></div></div>\n')


def _bottom_meta(kind: str, title: str, links: str, texts: Texts, ident: bool) -> str:
    icon = {"source": "link", "via": "link", "tags": "tags"}[kind]
    idattr = f' id="post-bottom-{kind}"' if ident else ""
    return (f'<div class="post-bottom-meta post-bottom-{kind}"{idattr}><div '
            f'class="post-bottom-meta-title"><span class="tie-icon-{icon}" aria-hidden="true">'
            f"</span> {texts.t(title)}</div><span class=\"tagcloud\">{links}</span></div>\n")


def _entry(post: Post, texts: Texts, pool: list[Post]) -> str:
    f = post.features
    out = ['<div class="entry-content entry clearfix">\n',
           _AD.format(where="above", slot=str(post.post_id * 7 % 9000000000 + 1000000000))]
    if post.highlights:
        items = "".join(f"<li>{texts.t(h)}</li>" for h in post.highlights)
        out.append(f'<div id="story-highlights" class="box-highlights"><div class="widget-title '
                   f'the-global-title"><div class="the-subtitle">{texts.t("Story Highlights")}'
                   f"</div></div><ul>{items}</ul></div>\n")
    out.append(wp_plugins.addtoany(post, texts, 3, top=True))
    if "printfriendly" in f:
        out.append(f'<div class="pf-content">{post.body_html}</div>')
        out.append(wp_plugins.printfriendly(texts))
    else:
        out.append(post.body_html)
    out += ["\n", wp_plugins.addtoany(post, texts, 3, top=False)]
    if "mc4wp" in f:
        out.append(wp_plugins.mc4wp(texts, NEWSLETTER_PITCH))
    out.append(wp_plugins.sharedaddy(post, texts))
    if "jp_related" in f:
        out.append(wp_plugins.jp_related(
            post, texts, pool[:3], lambda p: VARIANTS.link(p, f"jp-{post.post_id}"),
            lambda p: excerpt(p.body_text, 18)))
    out.append("\n" + _AD.format(where="below", slot=str(post.post_id * 11 % 9000000000 + 10**9)))
    if post.source:
        name, href = post.source, post.source_url or ""
        href = href() if callable(href) else href  # a site's URL, known once it is built
        out.append(_bottom_meta("source", "Source", f'<a href="{attr(href)}" rel="nofollow '
                                f'noopener" target="_blank">{texts.t(name)}</a>', texts, True))
    if post.via:
        name, href = post.via
        out.append(_bottom_meta("via", "Via", f'<a href="{attr(href)}" rel="nofollow noopener" '
                                f'target="_blank">{texts.t(name)}</a>', texts, True))
    if post.tags:
        out.append(_bottom_meta("tags", "Tags", term_links(post.tags, texts, sep=" "), texts,
                                False))
    if "shortlink" in f:
        short = f"{ORIGIN}/?p={post.post_id}"
        out.append(f'<div class="post-shortlink"><input type="text" id="short-post-url" '
                   f'value="{short}" data-url="{short}" /><button type="button" '
                   f'id="copy-post-url" class="button">{texts.t("Copy URL")}</button><span '
                   f'id="copy-post-url-msg" style="display:none;">{texts.t("URL Copied")}'
                   f"</span></div>\n")
    out.append("</div><!-- .entry-content /-->\n")
    return "".join(out)


def _about(post: Post, texts: Texts) -> str:
    acct = post.account
    bio = " ".join(acct.bio)
    for sentence in acct.bio:
        texts.append(sentence)
    return (f'<div class="about-author container-wrapper about-author-{acct.slug}">'
            f'<div class="author-avatar"><a href="{acct.url}">{_avatar(acct.name, 180)}</a></div>'
            f'<div class="author-info"><h3 class="author-name"><a href="{acct.url}">'
            f'{texts.t(acct.name)}</a></h3><div class="author-bio">{texts.t(bio)}</div>'
            f'<ul class="social-icons"><li class="social-icons-item"><a href="{acct.social}" '
            f'rel="external noopener nofollow" target="_blank" class="social-link '
            f'twitter-social-icon"><span class="tie-social-icon tie-icon-twitter"></span><span '
            f'class="screen-reader-text">X</span></a></li></ul></div><div class="clearfix">'
            f"</div></div>\n")


def _prev_next(post: Post, texts: Texts) -> str:
    out = ['<div class="prev-next-post-nav container-wrapper media-overlay">']
    for side, other, rel, label in (("prev", post.older, "prev", "Previous post"),
                                    ("next", post.newer, "next", "Next post")):
        if other is None:
            continue
        href = attr(VARIANTS.link(other, f"{side}-{post.post_id}"))
        out.append(f'<div class="tie-col-xs-6 prev-next-post-nav-{side}"><div class="post-'
                   f'container"><a href="{href}" class="post-thumb" rel="{rel}"><div class="'
                   f'post-thumb-overlay-wrap"><div class="post-thumb-overlay"><span class="tie-'
                   f'icon tie-media-icon"></span><span class="screen-reader-text">'
                   f'{texts.t(label)}</span></div></div></a><a href="{href}" rel="{rel}">'
                   f'<h3 class="post-title">{texts.t(other.title)}</h3></a></div></div>')
    out.append("</div>\n")
    return "".join(out)


def _related(post: Post, texts: Texts) -> str:
    if not post.related:
        return ""
    items = []
    for other in post.related:
        href = attr(VARIANTS.link(other, f"rel-{post.post_id}"))
        thumb = (f'<img width="390" height="220" src="{attr(other.lead.resize(390))}" alt="" '
                 f'decoding="async" loading="lazy" />' if other.lead else "")
        items.append(f'<div class="related-item tie-standard"><a aria-label="{attr(other.title)}" '
                     f'href="{href}" class="post-thumb">{thumb}</a><h3 class="post-title"><a '
                     f'href="{href}">{texts.t(other.title)}</a></h3><div class="post-meta '
                     f'clearfix"><span class="date meta-item tie-icon">'
                     f"{texts.t(long_date(other.published))}</span></div></div>")
    return (f'<div id="related-posts" class="container-wrapper has-extra-post"><div '
            f'class="mag-box-title the-global-title"><h3>{texts.t("Related Articles")}</h3>'
            f'</div><div class="related-posts-list">{"".join(items)}</div></div>\n')


def _comments(post: Post, texts: Texts) -> str:
    if "no_comments_block" in post.features:
        return ""
    out = ['<div id="comments" class="comments-area">\n']
    if post.comments:
        n = len(post.comments)
        lis = []
        for c in post.comments:
            lis.append(
                f'<li id="comment-{c.comment_id}" class="comment even thread-even depth-1">'
                f'<article id="div-comment-{c.comment_id}" class="comment-body"><div class="'
                f'comment-author vcard">{_avatar(c.author, 70)}<div class="author-name-date">'
                f'<b class="fn">{texts.t(c.author)}</b><div class="comment-metadata"><a href="'
                f'{post.url}#comment-{c.comment_id}"><time datetime="{iso_offset(c.when)}">'
                f"{texts.t(comment_time(c.when))}</time></a></div></div></div><div class=\""
                f'comment-content entry clearfix"><p>{texts.t(c.text)}</p></div>'
                + (f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="'
                   f'{post.url}?replytocom={c.comment_id}#respond">Reply</a></div>'
                   if post.comments_open else "")
                + "</article></li>")
        title = texts.t(f"{n} Comment{'s' if n > 1 else ''}")
        out.append(f'<div id="comments-box" class="container-wrapper"><div class="block-head '
                   f'theme-header"><h3 id="comments-title" class="the-global-title">{title}'
                   f'</h3></div><ol class="comment-list">{"".join(lis)}</ol></div>\n')
    if post.comments_open:
        form = comment_form(post, texts, css=" the-global-title", website=False, gap="")
        out.append(f'<div id="add-comment-block" class="container-wrapper">{form[:-1]}</div>\n')
    else:
        out.append(f'<p class="no-comments">{texts.t("Comments are closed.")}</p>\n')
    out.append("</div><!-- #comments -->\n")
    return "".join(out)


def _check_also(post: Post, texts: Texts) -> str:
    other = post.check_also
    if other is None or "check_also" not in post.features:
        return ""
    return (f'<div id="check-also-box" class="container-wrapper check-also-right"><div '
            f'class="widget-title the-global-title"><div class="the-subtitle">'
            f'{texts.t("Check Also")}</div><a href="#" id="check-also-close" class="remove">'
            f'<span class="screen-reader-text">{texts.t("Close")}</span></a></div><div '
            f'class="widget posts-list-big-first has-first-big-post"><ul class="posts-list-'
            f'items">{post_line(texts, other, VARIANTS.link(other, f"check-{post.post_id}"))}'
            f"</ul></div></div>\n")


def render_post(post: Post, chrome: Chrome, pool: list[Post]) -> tuple[str, list[str]]:
    """The page's HTML and the text lines of all its chrome."""
    texts = Texts()
    cats, tags = term_classes(post)
    body_css = (f"{single_css(post)} {cats} {tags} wrapper-has-shadow block-head-1 "
                f"magazine1 is-thumb-overlay-disabled is-desktop is-header-layout-3 "
                f"sidebar-right has-sidebar post-layout-1 narrow-title-narrow-media "
                f"is-standard-format has-mobile-share")
    components = ['<div class="post-components">\n']
    if "author_box" in post.features:
        components.append(_about(post, texts))
    components += [_prev_next(post, texts), _related(post, texts), _comments(post, texts),
                   "</div><!-- .post-components /-->\n"]
    article = [
        '<article id="the-post" class="container-wrapper post-content tie-standard">\n',
        _header(post, texts), _share(post, texts, "top"), _featured(post, texts),
        _entry(post, texts, pool), tie_schema(post), _share(post, texts, "bottom"),
        "</article><!-- #the-post /-->\n",
    ]
    return shell(f"{post.title} - OrthoSpineNews", YOAST.post(post), body_css,
                 "".join([*article, *components]), chrome, post.head_links(),
                 _check_also(post, texts)), chrome.lines(texts)
