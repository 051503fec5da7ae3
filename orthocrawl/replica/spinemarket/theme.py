"""The Spine Market Group's Genesis chrome: head, skip links, header, secondary menu, primary
sidebar, footer widgets and site footer. Every visible string goes through ``Texts.t``."""

from __future__ import annotations

from ..inline import attr
from ..text import Chrome, Part, Texts, template
from ..wp_model import Post, Term
from ..wp_theme import Layout, category_items, menu_items, post_links
from .constants import MENU, NEWSLETTER, ORIGIN, SITE_TITLE, TAGLINE

THEME = f"{ORIGIN}/wp-content/themes/smg-pro"
SCHEMA = "https://schema.org"
SKIP_LINKS = (("#genesis-content", "Skip to main content"),
              ("#genesis-nav-secondary", "Skip to secondary menu"),
              ("#genesis-sidebar-primary", "Skip to primary sidebar"),
              ("#genesis-footer-widgets", "Skip to footer"))


LAYOUT = Layout(template(__file__, "head.html"), {"origin": ORIGIN, "site": SITE_TITLE,
                                                  "theme": THEME},
                '<body class="{css} custom-header header-image header-full-width content-sidebar '
                f'genesis-breadcrumbs-hidden genesis-footer-widgets-visible" itemscope itemtype="'
                f'{SCHEMA}/WebPage">')


def site_header() -> Part:
    texts = Texts()
    skips = "".join(f'<li><a href="{href}" class="screen-reader-shortcut"> {texts.t(label)}</a>'
                    "</li>" for href, label in SKIP_LINKS)
    menu = menu_items(texts, MENU, ORIGIN, 31, "post_type menu-item-object-page",
                      ' itemprop="url"', '<span itemprop="name">{}</span>')
    banner = "Spine implant makers: list your company in our directory"
    html = f"""<div class="site-container"><ul class="genesis-skip-link">{skips}</ul>
<header class="site-header" itemscope itemtype="{SCHEMA}/WPHeader"><div class="wrap"><div class="title-area"><p class="site-title" itemprop="headline"><a href="{ORIGIN}/">{texts.t(SITE_TITLE)}</a></p><p class="site-description" itemprop="description">{texts.t(TAGLINE)}</p></div><div class="widget-area header-widget-area"><section id="custom_html-2" class="widget_text widget widget_custom_html"><div class="widget_text widget-wrap"><div class="textwidget custom-html-widget"><a href="{ORIGIN}/manufacturers"><img src="{ORIGIN}/wp-content/uploads/2019/05/directory-728x90.png" width="728" height="90" alt="{texts.t(banner)}" /></a></div></div></section></div></div></header>
<nav class="nav-secondary" aria-label="Secondary" itemscope itemtype="{SCHEMA}/SiteNavigationElement" id="genesis-nav-secondary"><div class="wrap"><ul id="menu-top-menu" class="menu genesis-nav-menu menu-secondary js-superfish">{menu}</ul></div></nav>
<div class="site-inner"><div class="content-sidebar-wrap"><main class="content" id="genesis-content">
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def sidebar(latest: list[Post], categories: list[Term]) -> Part:
    texts = Texts()
    recent, cats = post_links(texts, latest[:6]), category_items(texts, categories)
    html = f"""</main><aside class="sidebar sidebar-primary widget-area" role="complementary" aria-label="Primary Sidebar" itemscope itemtype="{SCHEMA}/WPSideBar" id="genesis-sidebar-primary"><h2 class="genesis-sidebar-title screen-reader-text">{texts.t("Primary Sidebar")}</h2>
<section id="search-3" class="widget widget_search"><div class="widget-wrap"><form class="search-form" method="get" action="{ORIGIN}/" role="search" itemprop="potentialAction" itemscope itemtype="{SCHEMA}/SearchAction"><label class="search-form-label screen-reader-text" for="searchform-1">{texts.t("Search this website")}</label><input class="search-form-input" type="search" name="s" id="searchform-1" placeholder="Search this website" itemprop="query-input"><input class="search-form-submit" type="submit" value="Search"></form></div></section>
<section id="recent-posts-3" class="widget widget_recent_entries"><div class="widget-wrap"><h4 class="widget-title widgettitle">{texts.t("Latest Articles")}</h4><ul>{recent}</ul></div></section>
<section id="categories-3" class="widget widget_categories"><div class="widget-wrap"><h4 class="widget-title widgettitle">{texts.t("Sections")}</h4><ul>{cats}</ul></div></section>
<section id="text-4" class="widget widget_text"><div class="widget-wrap"><h4 class="widget-title widgettitle">{texts.t("Advertise with us")}</h4><div class="textwidget"><p>{texts.t("Reach spine surgeons, distributors and device executives every week.")}</p></div></div></section>
</aside></div></div>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def footer(year: int) -> Part:
    texts = Texts()
    html = f"""<div class="footer-widgets" id="genesis-footer-widgets"><h2 class="genesis-sidebar-title screen-reader-text">Footer</h2><div class="wrap"><div class="widget-area footer-widgets-1 footer-widget-area"><section id="text-6" class="widget widget_text"><div class="widget-wrap"><h4 class="widget-title widgettitle">{texts.t("About The Spine Market Group")}</h4><div class="textwidget"><p>{texts.t("Independent coverage of spine device companies since 2012.")}</p></div></div></section></div></div></div>
<footer class="site-footer" itemscope itemtype="{SCHEMA}/WPFooter"><div class="wrap"><p>Copyright &#x000A9;&nbsp;{year} &#x000B7; {SITE_TITLE} &#x000B7; <a rel="nofollow" href="{ORIGIN}/wp-login.php">Log in</a></p></div></footer></div>
<script type="text/javascript" src="{ORIGIN}/wp-content/themes/genesis/lib/js/skip-links.min.js?ver=3.5.0" id="skip-links-js"></script>
</body></html>
"""  # noqa: E501 - verbatim theme markup
    texts.append(f"Copyright © {year} · {SITE_TITLE} · Log in")
    return Part(html, tuple(texts))


def after_entry(texts: Texts) -> str:
    """The after-entry widget area: Genesis eNews Extended's newsletter form."""
    return (f'<div class="after-entry widget-area"><section id="enews-ext-2" class="widget enews-'
            f'widget"><div class="widget-wrap"><div class="enews enews-1-field"><h4 class="widget-'
            f'title widgettitle">{texts.t("Spine Market Weekly")}</h4><p>{texts.t(NEWSLETTER)}'
            f'</p><form id="subscribeenews-ext-2" class="enews-form" action="#" method="post" '
            f'name="enews-ext-2"><input type="email" value="" id="subbox" aria-label="E-Mail '
            f'Address" placeholder="E-Mail Address" name="EMAIL" required="required" /><input '
            f'type="submit" value="Sign Up" id="subbutton" /></form></div></div></section></div>\n')


def shell(title: str, description: str | None, canonical: str | None, body_css: str,
          main: str, chrome: Chrome, extra_head: str = "") -> str:
    """A whole page: head with Genesis's own SEO (title, the description written for the post,
    canonical link), header, the page's main column, sidebar and footer."""
    desc = f'<meta name="description" content="{attr(description)}" />\n' if description else ""
    link = f'<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return LAYOUT.page(title, "", body_css, main, chrome, extra_head, desc=desc, link=link)
