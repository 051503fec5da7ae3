"""OrthoBuzz's theme chrome (a Twenty Sixteen-style WordPress theme): document head, site
header, sidebar widgets and footer. Every visible string goes through ``Texts.t``."""

from __future__ import annotations

from ..inline import attr
from ..text import Part, Texts, template
from ..timefmt import MONTHS
from ..wp_model import Post, Term
from ..wp_theme import Layout, category_items, menu_items, post_links
from ..yoast import Yoast
from .constants import MENU, ORIGIN, SITE_TITLE, SUBSCRIBE, TAGLINE

# Yoast SEO 15.x (yoast.py's legacy): the Article names its author by @id only.
LOGO = f"{ORIGIN}/wp-content/uploads/2016/03/orthobuzz-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization",
     "name": "The Journal of Bone & Joint Surgery", "url": f"{ORIGIN}/",
     "logo": {"@type": "ImageObject", "@id": f"{ORIGIN}/#logo", "url": LOGO,
              "width": 240, "height": 60, "caption": SITE_TITLE},
     "image": {"@id": f"{ORIGIN}/#logo"}},
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "inLanguage": "en-US",
     "potentialAction": [{"@type": "SearchAction", "target": f"{ORIGIN}/?s={{search_term_string}}",
                          "query-input": "required name=search_term_string"}]},
), indent="", legacy=True, publisher="https://www.facebook.com/orthobuzz.replica",
    creator="@orthobuzz_replica")


THEME = f"{ORIGIN}/wp-content/themes/twentysixteen"


# A whole page: head (verbatim theme markup), header, the page's main column, sidebar, footer.
shell = Layout(template(__file__, "head.html"), {"origin": ORIGIN, "site": SITE_TITLE,
                                                 "theme": THEME},
               before='<div id="primary" class="content-area">\n<main id="main" class="site-main">'
                      '\n', after="</main><!-- .site-main -->\n</div><!-- .content-area -->\n").page


def _menu(texts: Texts, ident: str) -> str:
    items = menu_items(texts, MENU, ORIGIN, 20)
    return (f'<div class="menu-main-container"><ul id="{ident}" class="primary-menu">{items}'
            "</ul></div>")


def site_header() -> Part:
    texts = Texts()
    html = f"""<div id="page" class="site">
<div class="site-inner">
<a class="skip-link screen-reader-text" href="#content">{texts.t("Skip to content")}</a>
<header id="masthead" class="site-header">
<div class="site-header-main">
<div class="site-branding"><p class="site-title"><a href="{ORIGIN}/" rel="home">{texts.t(SITE_TITLE)}</a></p>
<p class="site-description">{texts.t(TAGLINE)}</p></div>
<button id="menu-toggle" class="menu-toggle">{texts.t("Menu")}</button>
<div id="site-header-menu" class="site-header-menu"><nav id="site-navigation" class="main-navigation" aria-label="Primary Menu">{_menu(texts, "menu-main")}</nav></div>
</div>
<div class="header-image"><a href="{ORIGIN}/" rel="home"><img src="{ORIGIN}/wp-content/uploads/2016/03/orthobuzz-header.jpg" width="1200" height="280" alt="{SITE_TITLE}" /></a></div>
</header>
<div id="content" class="site-content">
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def sidebar(latest: list[Post], months: list[tuple[int, int]], categories: list[Term]) -> Part:
    texts = Texts()
    recent = post_links(texts, latest[:5])
    options = "".join(f"<option value='{ORIGIN}/{y}/{m:02d}/'> "
                      f"{texts.t(f'{MONTHS[m - 1]} {y}')} </option>" for y, m in months)
    cats = category_items(texts, categories)
    html = f"""<aside id="secondary" class="sidebar widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{ORIGIN}/"><label><span class="screen-reader-text">{texts.t("Search for:")}</span><input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s" /></label><button type="submit" class="search-submit"><span class="screen-reader-text">Search</span></button></form></section>
<section id="blog_subscription-2" class="widget widget_blog_subscription jetpack_subscription_widget"><h2 class="widget-title">{texts.t("Subscribe to OrthoBuzz")}</h2><form action="#" method="post" accept-charset="utf-8" id="subscribe-blog-blog_subscription-2"><div id="subscribe-text"><p>{texts.t(SUBSCRIBE)}</p></div><p id="subscribe-email"><input type="email" name="email" required="required" value="" placeholder="Email Address" /></p><p id="subscribe-submit"><button type="submit" name="jetpack_subscriptions_widget">{texts.t("Subscribe")}</button></p></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{texts.t("Recent Posts")}</h2><nav aria-label="Recent Posts"><ul>{recent}</ul></nav></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">{texts.t("Archives")}</h2><label class="screen-reader-text" for="archives-dropdown-2">Archives</label><select id="archives-dropdown-2" name="archive-dropdown"><option value="">{texts.t("Select Month")}</option>{options}</select></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">{texts.t("Categories")}</h2><nav aria-label="Categories"><ul>{cats}</ul></nav></section>
<section id="text-3" class="widget widget_text"><h2 class="widget-title">{texts.t("From the Journal")}</h2><div class="textwidget"><p>{texts.t("Read the current issue of JBJS and browse the archive on the journal website.")}</p></div></section>
</aside><!-- .sidebar .widget-area -->
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def footer(year: int) -> Part:
    texts = Texts()
    owner = "The Journal of Bone & Joint Surgery, Inc."
    html = f"""</div><!-- .site-content -->
<footer id="colophon" class="site-footer">
<nav class="main-navigation" aria-label="Footer Primary Menu">{_menu(texts, "menu-main-1")}</nav>
<div class="site-info"><span class="site-title"><a href="{ORIGIN}/" rel="home">{SITE_TITLE}</a></span>
<span class="copyright">&copy; {year} {attr(owner)}</span>
<a href="https://wordpress.org/" class="imprint">{texts.t("Proudly powered by WordPress")}</a></div>
</footer>
</div><!-- .site-inner -->
</div><!-- .site -->
<script type="text/javascript" src="{THEME}/js/functions.js?ver=20230629" id="twentysixteen-script-js"></script>
<script type="text/javascript" src="https://stats.wp.com/e-202647.js" id="jetpack-stats-js" defer="defer"></script>
</body>
</html>
"""  # noqa: E501 - verbatim theme markup
    texts.append(f"© {year} {owner}")
    return Part(html, tuple(texts))
