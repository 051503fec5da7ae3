"""What the WordPress themes print alike, whatever their markup: template tags (term links,
post and body classes, entry dates), nav menus and widget lists. A theme passes its own class
names; every visible string goes through ``Texts.t``, in the order the page prints it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .text import CHROME_TABLE, Chrome, Texts
from .timefmt import iso_offset, long_date


@dataclass(frozen=True)
class Layout:
    """A theme's page around its main column: the document head (its head.html, for
    str.format, with the theme's ``fields``), the body tag (``{css}``: the page's classes) and
    what the theme prints before the main column, after it, and between sidebar and footer."""

    head: str
    fields: dict[str, str] = field(default_factory=dict)
    body: str = '<body class="{css}">\n'
    before: str = ""
    after: str = ""
    end: str = ""

    def page(self, title: str, seo: str, css: str, main: str, chrome: Chrome, extra: str = "",
             aside: str = "", **head: str) -> str:
        """A whole page: head (``seo``: the SEO plugin's block, ``extra``: more links, ``head``:
        other fields of the template), header, main column, ``aside``, sidebar and footer."""
        return "".join([
            self.head.format(title=title.translate(CHROME_TABLE), seo=seo, extra=extra,
                             **self.fields, **head),
            self.body.format(css=css), chrome.header.html, self.before, main, self.after, aside,
            chrome.sidebar.html, self.end, chrome.footer.html])


def term_links(terms: Iterable[Any], texts: Texts, rel: str = "tag", sep: str = ", ") -> str:
    """``the_category()`` / ``the_tags()``: a link to each term's archive."""
    return sep.join(f'<a href="{t.url}" rel="{rel}">{texts.t(t.name)}</a>' for t in terms)


def term_classes(post: Any) -> tuple[str, str]:
    """``post_class()``'s ``category-SLUG`` classes, and its ``tag-SLUG`` ones."""
    return (" ".join(f"category-{c.slug}" for c in post.categories),
            " ".join(f"tag-{t.slug}" for t in post.tags))


def single_css(post: Any) -> str:
    """The start of ``body_class()`` on a single post."""
    return f"post-template-default single single-post postid-{post.post_id} single-format-standard"


def entry_dates(post: Any, texts: Texts) -> str:
    """``<time>`` of the post's publication, then of its update when it was edited."""
    out = (f'<time class="entry-date published" datetime="{iso_offset(post.published)}">'
           f"{texts.t(long_date(post.published))}</time>")
    if post.modified != post.published:
        out += (f'<time class="updated" datetime="{iso_offset(post.modified)}">'
                f"{texts.t(long_date(post.modified))}</time>")
    return out


def menu_items(texts: Texts, items: Iterable[tuple[str, str]], origin: str, first: int,
               kind: str = "custom", link: str = "", label: str = "{}") -> str:
    """``wp_nav_menu()``'s items, numbered from ``first``: ``kind`` is the item type's class
    tail, ``link`` more attributes of the link, ``label`` wraps the label."""
    return "".join(f'<li id="menu-item-{n}" class="menu-item menu-item-type-{kind} '
                   f'menu-item-{n}"><a href="{origin}{href}"{link}>'
                   f"{label.format(texts.t(name))}</a></li>"
                   for n, (name, href) in enumerate(items, first))


def post_links(texts: Texts, posts: Iterable[Any]) -> str:
    """A widget's list of posts, each a link."""
    return "".join(f'<li><a href="{p.url}">{texts.t(p.title)}</a></li>' for p in posts)


def category_items(texts: Texts, categories: Iterable[Any]) -> str:
    """The Categories widget's items."""
    return "".join(f'<li class="cat-item cat-item-{c.term_id}"><a href="{c.url}">'
                   f"{texts.t(c.name)}</a></li>" for c in categories)


def posts_pagination(listing: Any, n: int, spread: int, prev: str, after: str,
                     label: str = "{k}", gap: str = "") -> str:
    """``the_posts_pagination()`` on page ``n``: core's nav of page-numbers links, ``prev`` and
    ``after`` the labels of the previous and next page's, ``label`` a page's ({k}: its
    number), ``gap`` where pages are skipped; nothing on an archive of one page."""
    if listing.pages == 1:
        return ""
    links = listing.pager(
        n, spread, f'<a class="prev page-numbers" href="{{url}}">{prev}</a>',
        f'<a class="page-numbers" href="{{url}}">{label}</a>',
        f'<span aria-current="page" class="page-numbers current">{label}</span>', gap,
        f'<a class="next page-numbers" href="{{url}}">{after}</a>')
    return ('<nav class="navigation pagination" aria-label="Posts pagination"><h2 class="screen-'
            f'reader-text">Posts pagination</h2><div class="nav-links">{"".join(links)}</div>'
            "</nav>\n")
