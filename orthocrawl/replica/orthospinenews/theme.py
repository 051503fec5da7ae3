"""The Jannah theme's shared chrome: document head (with Yoast's block, yoast.py, and the
theme's own Article JSON-LD), header, sidebar, footer, go-to-top.

Every visible chrome string goes through ``Texts.t`` so the page can list its chrome lines.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..constants import TODAY
from ..inline import attr
from ..text import Part, Texts, template
from ..timefmt import iso_offset, long_date, weekday_date
from ..wp_theme import Layout, menu_items
from ..yoast import Yoast, search_action
from .constants import FOOTER_ABOUT, NEWSLETTER_PITCH, ORIGIN, SITE_TITLE, TAGLINE

if TYPE_CHECKING:
    from ..wp_model import Term
    from .content import Post

LOGO = f"{ORIGIN}/wp-content/uploads/2019/02/osn-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "potentialAction": [search_action(ORIGIN, {
         "@type": "PropertyValueSpecification", "valueRequired": True,
         "valueName": "search_term_string"})], "inLanguage": "en-US"},
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization", "name": SITE_TITLE,
     "url": f"{ORIGIN}/", "logo": {"@type": "ImageObject", "inLanguage": "en-US",
                                   "@id": f"{ORIGIN}/#/schema/logo/image/", "url": LOGO,
                                   "contentUrl": LOGO, "width": 300, "height": 49,
                                   "caption": SITE_TITLE},
     "image": {"@id": f"{ORIGIN}/#/schema/logo/image/"},
     "sameAs": ["https://x.com/orthospinenews_replica"]},
), rich=True, cdn=True, publisher="https://www.facebook.com/orthospinenews.replica")


def tie_schema(post: Post) -> str:
    """The theme's Article JSON-LD: PHP json_encode style, author = the posting account."""
    url = post.url
    data = {
        "@context": "http://schema.org", "@type": "Article",
        "dateCreated": iso_offset(post.published), "datePublished": iso_offset(post.published),
        "dateModified": iso_offset(post.modified), "headline": post.title, "name": post.title,
        "keywords": ",".join(t.name for t in post.tags), "url": url,
        "description": post.description, "copyrightYear": str(post.published.year),
        "articleSection": ",".join(c.name for c in post.categories),
        "articleBody": post.stripped,
        "publisher": {"@id": "#Publisher", "@type": "Organization", "name": SITE_TITLE,
                      "logo": {"@type": "ImageObject", "url": LOGO}},
        "sourceOrganization": {"@id": "#Publisher"}, "copyrightHolder": {"@id": "#Publisher"},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url, "breadcrumb": {"@id": "#Breadcrumb"}},
        "author": {"@type": "Person", "name": post.account.name, "url": post.account.url},
    }
    if post.lead:
        data["image"] = {"@type": "ImageObject", "url": post.lead.fit(),
                         "width": 1200, "height": round(1200 * post.lead.height / post.lead.width)}
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    return f'<script id="tie-schema-json" type="application/ld+json">{text}</script>\n'


ASSETS = f"{ORIGIN}/wp-content/themes/jannah/assets"
THEME_VER = "7.3.4"


# A whole page: head (Yoast's block amid the theme's assets), header, the main column, a box
# beside it (``aside``), sidebar and footer.
shell = Layout(template(__file__, "head.html"), {"assets": ASSETS, "origin": ORIGIN,
                                                 "site": SITE_TITLE, "ver": THEME_VER},
               '<body id="tie-body" class="{css}">\n',
               '<div id="content" class="site-content container"><div id="main-content-row" '
               'class="tie-row main-content-row">\n<div class="main-content tie-col-md-8 '
               'tie-col-xs-12" role="main">\n', "</div><!-- .main-content /-->\n",
               "</div><!-- .main-content-row /--></div><!-- #content /-->\n").page


MAIN_MENU = (
    ("Home", "/"), ("Spine", "/category/spine/"), ("Orthopedics", "/category/orthopedics/"),
    ("Interviews", "/category/interviews/"), ("FDA", "/category/fda/"),
    ("Business & Finance", "/category/business-finance/"),
    ("Market Reports", "/category/market-reports/"), ("Research", "/category/research/"),
    ("Press Releases", "/category/press-releases/"), ("Contact", "/contact/"),
)
TOP_MENU = (("About Us", "/about-us/"), ("Advertise With Us", "/about-us/#advertise"),
            ("Contact", "/contact/"), ("Newsletter", "/about-us/#newsletter"))
FOOTER_MENU = (("About Us", "/about-us/"), ("Contact", "/contact/"),
               ("Privacy Policy", "/about-us/#privacy"), ("Feed", "/feed/"))


def _menu(texts: Texts, items: tuple[tuple[str, str], ...], ident: str) -> str:
    return f'<ul id="{ident}" class="menu">{menu_items(texts, items, ORIGIN, 40)}</ul>'


def post_line(texts: Texts, post: Post, href: str | None = None) -> str:
    """A widget's post: its title, linked (to ``href``, else its URL), and its date."""
    return (f'<li class="widget-single-post-item widget-post-list tie-standard">'
            f'<div class="post-widget-body "><a class="post-title the-subtitle" '
            f'href="{attr(href or post.url)}">{texts.t(post.title)}</a><div class="post-meta">'
            f'<span class="date meta-item tie-icon">{texts.t(long_date(post.published))}'
            f"</span></div></div></li>")


def site_header(latest: list[Post]) -> Part:
    texts = Texts()
    ticker = "".join(f'<li class="news-item"><a href="{p.url}">{texts.t(p.title)}</a></li>'
                     for p in latest[:5])
    html = f"""<div class="background-overlay">
<div id="tie-container" class="site tie-container">
<div id="tie-wrapper">
<header id="theme-header" class="theme-header header-layout-3 main-nav-dark main-nav-default-dark main-nav-below has-stream-item top-nav-active top-nav-light top-nav-default-light top-nav-above has-shadow has-normal-width-logo mobile-header-default">
<nav id="top-nav" class="has-date-breaking-menu top-nav header-nav has-breaking-news" aria-label="Secondary Navigation"><div class="container"><div class="topbar-wrapper">
<div class="topbar-today-date tie-icon">{texts.t(weekday_date(TODAY))}</div>
<div class="tie-alignleft"><div class="breaking controls-is-active"><span class="breaking-title"><span class="tie-icon-bolt breaking-icon" aria-hidden="true"></span><span class="breaking-title-text">{texts.t("Breaking News")}</span></span>
<ul id="breaking-news-in-header" class="breaking-news" data-type="reveal">{ticker}</ul></div></div>
<div class="tie-alignright"><div class="top-menu header-menu">{_menu(texts, TOP_MENU, "menu-top")}</div></div>
</div></div></nav>
<div class="container header-container"><div class="tie-row logo-row"><div class="logo-wrapper"><div class="tie-col-md-4 logo-container clearfix">
<div id="logo" class="image-logo"><a title="{SITE_TITLE}" href="{ORIGIN}/"><picture class="tie-logo-default tie-logo-picture"><img class="tie-logo-img-default tie-logo-img" src="{ORIGIN}/wp-content/uploads/2019/02/osn-logo.png" alt="{SITE_TITLE}" width="300" height="49" /></picture></a>
<h1 class="h1-off">{SITE_TITLE}</h1></div></div></div>
<div class="container stream-item stream-item-top-wrapper"><div class="stream-item-top"><a href="https://sponsor.example/spine-summit" rel="nofollow noopener" target="_blank"><img src="{ORIGIN}/wp-content/uploads/2026/01/summit-728x90.jpg" alt="" width="728" height="90" /></a></div></div>
</div></div>
<div class="main-nav-wrapper"><nav id="main-nav" class="main-nav header-nav" aria-label="Primary Navigation"><div class="container"><div class="main-menu-wrapper"><div id="menu-components-wrap">
<div class="main-menu main-menu-wrap tie-alignleft"><div id="main-nav-menu" class="main-menu header-menu">{_menu(texts, MAIN_MENU, "menu-main")}</div></div>
<ul class="components"><li class="search-compact-icon menu-item custom-menu-link"><a href="#" class="tie-search-trigger"><span class="tie-icon-search tie-search-icon" aria-hidden="true"></span><span class="screen-reader-text">{texts.t("Search for")}</span></a></li></ul>
</div></div></div></nav></div>
</header>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def sidebar(latest: list[Post], popular: list[Post], cloud: list[Term]) -> Part:
    texts = Texts()
    recent = "".join(post_line(texts, p) for p in latest[:5])
    hot = "".join(post_line(texts, p) for p in popular[:4])
    tags = "".join(f'<a href="{t.url}" class="tag-cloud-link tag-link-{t.term_id} '
                   f'tag-link-position-{n}" style="font-size: {8 + n % 9}pt;" '
                   f'aria-label="{attr(t.name)}">{texts.t(t.name)}</a>\n'
                   for n, t in enumerate(cloud, 1))
    html = f"""<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky" aria-label="Primary Sidebar">
<div class="theiaStickySidebar">
<div id="posts-list-widget-2" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Recent Posts")}</div></div>
<div class="widget-posts-list-wrapper"><div class="widget-posts-list-container"><ul class="posts-list-items widget-posts-wrapper">{recent}</ul></div></div><div class="clearfix"></div></div>
<div id="stream-item-widget-3" class="container-wrapper widget stream-item-widget"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Advertisement")}</div></div>
<div class="stream-item-widget-content"><a href="https://sponsor.example/robotics-course" rel="nofollow noopener" target="_blank"><img class="widget-stream-image" src="{ORIGIN}/wp-content/uploads/2025/03/course-300x250.jpg" width="300" height="250" alt="{texts.t("Hands-on robotics course for spine surgeons")}" /></a>
<p class="stream-item-caption">{texts.t("Hands-on robotics course for spine surgeons")}</p></div><div class="clearfix"></div></div>
<div id="posts-list-widget-4" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Most Popular This Month")}</div></div>
<div class="widget-posts-list-wrapper"><div class="widget-posts-list-container"><ul class="posts-list-items widget-posts-wrapper">{hot}</ul></div></div><div class="clearfix"></div></div>
<div id="text-5" class="container-wrapper widget widget_text"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Weekly Newsletter")}</div></div><div class="textwidget"><p>{texts.t(NEWSLETTER_PITCH)}</p>
<p><a class="button" href="{ORIGIN}/about-us/#newsletter">{texts.t("Subscribe for free")}</a></p></div><div class="clearfix"></div></div>
<div id="tag_cloud-2" class="container-wrapper widget widget_tag_cloud"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Tags")}</div></div><div class="tagcloud">{tags}</div><div class="clearfix"></div></div>
</div></aside>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def footer(latest: list[Post]) -> Part:
    texts = Texts()
    recent = "".join(post_line(texts, p) for p in latest[5:8])
    year = TODAY.year
    html = f"""<footer id="footer" class="site-footer dark-skin dark-widgetized-area">
<div id="footer-widgets-container"><div class="container"><div class="footer-widget-area "><div class="tie-row">
<div class="tie-col-md-4 normal-side"><div id="text-2" class="container-wrapper widget widget_text"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("About " + SITE_TITLE)}</div></div><div class="textwidget"><p>{texts.t(FOOTER_ABOUT)}</p>
<p>{texts.t(TAGLINE + ".")}</p></div><div class="clearfix"></div></div></div>
<div class="tie-col-md-4 normal-side"><div id="posts-list-widget-7" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("More Headlines")}</div></div><ul class="posts-list-items">{recent}</ul><div class="clearfix"></div></div></div>
<div class="tie-col-md-4 normal-side"><div id="text-9" class="container-wrapper widget widget_text"><div class="widget-title the-global-title"><div class="the-subtitle">{texts.t("Contact the Newsroom")}</div></div><div class="textwidget"><p>{texts.t("Press releases and story tips: news@orthospinenews.example")}</p></div></div></div>
</div></div></div></div>
<div id="site-info" class="site-info site-info-layout-2"><div class="container"><div class="tie-row"><div class="tie-col-md-12">
<div class="copyright-text copyright-text-first">&copy; Copyright {year}, All Rights Reserved &nbsp;|&nbsp; {SITE_TITLE}</div>
<div class="footer-menu">{_menu(texts, FOOTER_MENU, "menu-footer")}</div>
<ul class="social-icons"><li class="social-icons-item"><a class="social-link rss-social-icon" rel="external noopener nofollow" target="_blank" href="{ORIGIN}/feed/"><span class="tie-social-icon tie-icon-feed"></span><span class="screen-reader-text">RSS</span></a></li></ul>
</div></div></div></div>
</footer>
<a id="go-to-top" class="go-to-top-button" href="#go-to-top"><span class="tie-icon-angle-up"></span><span class="screen-reader-text">{texts.t("Back to top button")}</span></a>
</div><!-- #tie-wrapper /-->
</div><!-- #tie-container /-->
</div><!-- .background-overlay /-->
<script type="text/javascript" id="tie-scripts-js-extra">
/* <![CDATA[ */
var tie = {{"is_rtl":"","ajaxurl":"https:\\/\\/www.orthospinenews.com\\/wp-admin\\/admin-ajax.php","is_side_aside_light":"","is_taqyeem_active":"","is_sticky_video":"","copyright_text":"","lang_no_results":"Nothing Found","ajax_loader":"<div class=\\"loader-overlay\\"><div class=\\"spinner\\"><\\/div><\\/div>","type_to_search":"Type and hit Enter","ad_blocker_detector":""}};
/* ]]> */
</script>
<script type="text/javascript" src="{ASSETS}/js/scripts.min.js?ver={THEME_VER}" id="tie-scripts-js"></script>
<script type="text/javascript" src="{ASSETS}/js/desktop.min.js?ver={THEME_VER}" id="tie-js-desktop-js"></script>
<script type="text/javascript" src="https://stats.wp.com/e-202647.js" id="jetpack-stats-js" defer="defer" data-wp-strategy="defer"></script>
</body>
</html>
"""  # noqa: E501 - verbatim theme markup
    # The copyright line is one text line split by &nbsp; entities.
    texts.append(f"© Copyright {year}, All Rights Reserved | {SITE_TITLE}")
    return Part(html, tuple(texts))
