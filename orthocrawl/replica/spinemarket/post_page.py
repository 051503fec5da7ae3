"""The Spine Market Group single post, in Genesis markup: entry header with the meta line
("June 26, 2012 By SPINEMarketGroup"), featured image, content with the share row and the
site's jobs banner, entry footer (categories, tags), after-entry widget, comments."""

from __future__ import annotations

from datetime import timezone

from .. import wp_plugins
from ..constants import LOCAL_OFFSET
from ..inline import TABLES, attr
from ..text import Chrome, Texts
from ..timefmt import comment_time, iso_offset, long_date
from ..wp_comments import avatar, comment_form
from ..wp_model import Post
from ..wp_theme import single_css, term_classes, term_links
from .constants import JOBS, ORIGIN, SITE_TITLE
from .theme import SCHEMA, after_entry, shell

_T = TABLES[1]


def entry_meta(post: Post, texts: Texts, comments_link: bool = True) -> str:
    acct = post.account
    # get_the_time('c'): site-local time with its offset, 2012-06-26T10:14:03-05:00
    when = post.published.astimezone(timezone(LOCAL_OFFSET)).isoformat(timespec="seconds")
    link = (f' <span class="entry-comments-link"><a href="{post.url}#respond">'
            f"{texts.t('Leave a Comment')}</a></span>" if comments_link and post.comments_open
            else "")
    return (f'<p class="entry-meta"><time class="entry-time" itemprop="datePublished" datetime="'
            f'{when}">{texts.t(long_date(post.published))}</time> By <span class="entry-'
            f'author" itemprop="author" itemscope itemtype="{SCHEMA}/Person"><a href="{acct.url}" '
            f'class="entry-author-link" rel="author" itemprop="url"><span class="entry-author-name"'
            f' itemprop="name">{texts.t(acct.name)}</span></a></span>{link} </p>')


def entry_footer(post: Post, texts: Texts) -> str:
    cats = term_links(post.categories, texts, "category tag")
    parts = [f'<span class="entry-categories">{texts.t("Filed Under:")} {cats}</span>']
    if post.tags:
        tags = term_links(post.tags, texts)
        parts.append(f'<span class="entry-tags">{texts.t("Tagged With:")} {tags}</span>')
    return f'<footer class="entry-footer"><p class="entry-meta">{" ".join(parts)}</p></footer>'


def _featured(post: Post) -> str:
    lead = post.lead
    if lead is None:
        return ""
    width = min(720, lead.width)
    return (f'<div class="featured-image"><img width="{width}" height="{lead.height_at(width)}" '
            f'src="{attr(lead.sized(width))}" class="aligncenter post-image entry-image" '
            f'alt="{attr(lead.alt)}" itemprop="image" decoding="async" /></div>')


def _content(post: Post, texts: Texts) -> str:
    f = post.features
    out = ['<div class="entry-content" itemprop="text">', _featured(post),
           wp_plugins.addtoany(post, texts, 2, top=True), post.body_html, "\n"]
    if "jobs" in f:  # added to every post's content with Genesis Simple Hooks
        texts.append(JOBS)
        out.append(f'<div class="smg-jobs-banner"><p><a href="{ORIGIN}/headhunters">'
                   f"{JOBS.translate(_T)}</a></p></div>")
    out += [wp_plugins.addtoany(post, texts, 2, top=False), "</div>"]
    return "".join(out)


def _comments(post: Post, texts: Texts) -> str:
    out = []
    if post.comments:
        items = []
        for c in post.comments:
            items.append(
                f'<li class="comment even thread-even depth-1" id="comment-{c.comment_id}">'
                f'<article id="article-comment-{c.comment_id}" itemprop="comment" itemscope '
                f'itemtype="{SCHEMA}/Comment"><header class="comment-header"><p class="comment-'
                f'author" itemprop="author" itemscope itemtype="{SCHEMA}/Person">'
                f'{avatar(c.author, 48)}<span class="comment-author-name" itemprop="name">'
                f'{texts.t(c.author)}</span> <span class="says">says</span></p><p class="comment-'
                f'meta"><time class="comment-time" datetime="{iso_offset(c.when)}" itemprop="date'
                f'Published"><a class="comment-time-link" href="{post.url}#comment-{c.comment_id}"'
                f' itemprop="url">{texts.t(comment_time(c.when))}</a></time></p></header><div '
                f'class="comment-content" itemprop="text"><p>{texts.t(c.text)}</p></div>'
                "</article></li>")
        out.append(f'<div class="entry-comments" id="comments"><h3>{texts.t("Comments")}</h3>'
                   f'<ol class="comment-list">{"".join(items)}</ol></div>')
    if post.comments_open:
        out.append(comment_form(post, texts))
    return "".join(out)


def render_post(post: Post, chrome: Chrome) -> tuple[str, list[str]]:
    """The page's HTML and the text lines of all its chrome (alt texts included)."""
    texts = Texts()
    classes = " ".join(c for c in term_classes(post) if c)
    thumb = " has-post-thumbnail" if post.lead else ""
    main = "".join([
        f'<article class="post-{post.post_id} post type-post status-publish format-standard'
        f'{thumb} {classes} entry" aria-label="{attr(post.title)}" itemscope itemtype="{SCHEMA}/'
        f'CreativeWork"><header class="entry-header"><h1 class="entry-title" itemprop="headline">'
        f"{post.title.translate(_T)}</h1>\n{entry_meta(post, texts)}</header>",
        _content(post, texts), entry_footer(post, texts), "</article>",
        after_entry(texts) if "after_entry" in post.features else "", _comments(post, texts),
    ])
    extra = f"<link rel='shortlink' href='{ORIGIN}/?p={post.post_id}' />\n"
    return shell(f"{post.title} – {SITE_TITLE}", post.summary, post.url, single_css(post), main,
                 chrome, extra), chrome.lines(texts, post.alts)
