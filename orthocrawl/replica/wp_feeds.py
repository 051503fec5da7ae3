"""Machine-facing documents any WordPress site serves: the RSS 2.0 feed, robots.txt, and
sitemaps in the two common formats (Yoast SEO's, and WordPress core's own since 5.5)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape

from .text import excerpt
from .timefmt import iso_offset, rfc822
from .wp_model import Post

GENERATOR = "https://wordpress.org/?v=6.8.1"
YOAST_MAX = 1000  # URLs per Yoast sitemap
CORE_MAX = 2000  # URLs per core sitemap (wp_sitemaps_get_max_urls)
NAMESPACES = {"content": "http://purl.org/rss/1.0/modules/content/",
              "wfw": "http://wellformedweb.org/CommentAPI/",
              "dc": "http://purl.org/dc/elements/1.1/", "atom": "http://www.w3.org/2005/Atom",
              "sy": "http://purl.org/rss/1.0/modules/syndication/",
              "slash": "http://purl.org/rss/1.0/modules/slash/"}


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def xml_text(text: str) -> str:
    # WordPress writes "&" in feed titles as &#038;.
    return escape(text, quote=False).replace("&amp;", "&#038;")


def rss(title: str, origin: str, tagline: str, posts: Sequence[Post],
        link: Callable[[Post], str], empty_time: datetime,
        summary: Callable[[Post], str] = lambda post: post.stripped,
        comment_feeds: bool = False, more: str = " [&#8230;]", lean: bool = False) -> str:
    """The site feed (``/feed/``): the newest posts, full content in ``content:encoded``.

    ``summary``: the text the excerpt is cut from, ``more`` ends it; ``comment_feeds``: each
    item links its comments' feed (``wfw:commentRss``); ``lean``: a feed trimmed of comments
    (no comment links or counts, their namespaces or the update frequency)."""
    items = []
    for post in posts:
        cats = "".join(f"\t\t<category>{cdata(t.name)}</category>\n"
                       for t in [*post.categories, *post.tags])
        comments = f"\t\t<wfw:commentRss>{post.url}feed/</wfw:commentRss>\n" \
            if comment_feeds else ""
        items.append(
            f"\t<item>\n\t\t<title>{xml_text(post.title)}</title>\n"
            f"\t\t<link>{xml_text(link(post))}</link>\n"
            + ("" if lean else f"\t\t<comments>{post.url}#respond</comments>\n")
            + f"\t\t<dc:creator>{cdata(post.account.name)}</dc:creator>\n"
            f"\t\t<pubDate>{rfc822(post.published)}</pubDate>\n{cats}"
            f'\t\t<guid isPermaLink="false">{origin}/?p={post.post_id}</guid>\n'
            f"\t\t<description>{cdata(excerpt(summary(post), 55) + more)}</description>\n"
            f"\t\t<content:encoded>{cdata(post.body_html)}</content:encoded>\n{comments}"
            + ("" if lean else f"\t\t<slash:comments>{len(post.comments)}</slash:comments>\n")
            + "\t</item>\n")
    built = max((p.modified for p in posts), default=empty_time)
    spaces = ("content", "dc", "atom", "sy") if lean else \
        ("content", "wfw", "dc", "atom", "sy", "slash")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
        + "".join(f'\txmlns:{name}="{NAMESPACES[name]}"\n' for name in spaces)
        + "\t>\n\n<channel>\n"
        f"\t<title>{xml_text(title)}</title>\n"
        f'\t<atom:link href="{origin}/feed/" rel="self" type="application/rss+xml" />\n'
        f"\t<link>{origin}</link>\n\t<description>{xml_text(tagline)}</description>\n"
        f"\t<lastBuildDate>{rfc822(built)}</lastBuildDate>\n\t<language>en-US</language>\n"
        "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n"
        + ("" if lean else "\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n")
        + f"\t<generator>{GENERATOR}</generator>\n"
        + "".join(items) + ("" if lean else "\t") + "</channel>\n</rss>\n")


def robots(sitemap_url: str, more: str = "") -> str:
    """WordPress's virtual robots.txt, naming the sitemap; ``more``: lines a plugin adds."""
    return ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
            f"{more}\nSitemap: {sitemap_url}\n")


def chunks(count: int, size: int) -> int:
    return max(1, -(-count // size))


# ---- Yoast SEO: /sitemap_index.xml -> /post-sitemap.xml, /post-sitemap2.xml, ... ----

def yoast_post_sitemaps(count: int) -> list[str]:
    names = ["post-sitemap.xml"]
    return names + [f"post-sitemap{k}.xml" for k in range(2, chunks(count, YOAST_MAX) + 1)]


def yoast_chunk(posts: Sequence[Post], name: str) -> list[Post] | None:
    """The posts of one Yoast post sitemap: oldest first, as Yoast orders them."""
    names = yoast_post_sitemaps(len(posts))
    if name not in names:
        return None
    k = names.index(name)
    return list(posts[::-1][k * YOAST_MAX:(k + 1) * YOAST_MAX])


def yoast_entries(posts: Sequence[Post], empty_time: datetime) -> list[tuple[str, datetime]]:
    """The index's sitemaps and their lastmod: the post sitemaps, then pages and categories."""
    entries = [(name, max((p.modified for p in yoast_chunk(posts, name) or []),
                          default=empty_time))
               for name in yoast_post_sitemaps(len(posts))]
    newest = max((p.modified for p in posts), default=empty_time)
    return [*entries, ("page-sitemap.xml", newest), ("category-sitemap.xml", newest)]


def _yoast_head(origin: str, xsl: str | None) -> str:
    """``xsl``: the stylesheet's href when it is not ``{origin}/main-sitemap.xsl``."""
    href = xsl or f"{origin}/main-sitemap.xsl"
    return ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
            f'href="{href}"?>\n')


def yoast_index(origin: str, entries: list[tuple[str, datetime]], xsl: str | None = None) -> str:
    body = "".join(f"\t<sitemap>\n\t\t<loc>{origin}/{name}</loc>\n\t\t<lastmod>"
                   f"{iso_offset(when)}</lastmod>\n\t</sitemap>\n" for name, when in entries)
    return (_yoast_head(origin, xsl)
            + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + body + "</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->")


IMAGE_SCHEMA = ("http://www.google.com/schemas/sitemap-image/1.1 "
                "http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd")
IMAGE_URLSET = ('<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
                'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
                f'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd {IMAGE_SCHEMA}" '
                'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')


def yoast_urlset(origin: str, rows: list[tuple[str, datetime | None, list[str]]],
                 xsl: str | None = None, urlset: str = IMAGE_URLSET) -> str:
    """A Yoast urlset of (loc, lastmod, image URLs) rows; ``urlset``: its opening tag."""
    out = []
    for loc, when, images in rows:
        mod = f"\t\t<lastmod>{iso_offset(when)}</lastmod>\n" if when else ""
        imgs = "".join(f"\t\t<image:image>\n\t\t\t<image:loc>{escape(src)}</image:loc>\n"
                       f"\t\t</image:image>\n" for src in images)
        out.append(f"\t<url>\n\t\t<loc>{escape(loc)}</loc>\n{mod}{imgs}\t</url>\n")
    return (_yoast_head(origin, xsl) + urlset + "".join(out)
            + "</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->")


# ---- WordPress core: /wp-sitemap.xml -> /wp-sitemap-posts-post-1.xml, ... ----

def core_index(origin: str, names: list[str]) -> str:
    body = "".join(f"<sitemap><loc>{origin}/{name}</loc></sitemap>" for name in names)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" '
            f'href="{origin}/wp-sitemap-index.xsl" ?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}'
            "</sitemapindex>\n")


def core_urlset(origin: str, locs: list[str]) -> str:
    body = "".join(f"<url><loc>{escape(loc)}</loc></url>" for loc in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" '
            f'href="{origin}/wp-sitemap.xsl" ?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>\n')


def core_post_sitemaps(count: int) -> list[str]:
    return [f"wp-sitemap-posts-post-{k}.xml" for k in range(1, chunks(count, CORE_MAX) + 1)]


def core_chunk(posts: Sequence[Post], name: str) -> list[Post] | None:
    """The posts of one core sitemap page: by post id ascending, as WP_Query orders them."""
    names = core_post_sitemaps(len(posts))
    if name not in names:
        return None
    k = names.index(name)
    return sorted(posts, key=lambda p: p.post_id)[k * CORE_MAX:(k + 1) * CORE_MAX]
