"""The site's own subscription theme: document head, login bar and masthead, sidebar, footer.

Every visible chrome string goes through ``Texts.t`` so a page can list its chrome lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import Part, Texts, template
from ..timefmt import weekday_date
from ..wp_theme import Layout, menu_items, post_links
from ..yoast import Yoast, search_action
from .constants import ORIGIN, PUBLISHER, SITE_TITLE, TAGLINE, TODAY

if TYPE_CHECKING:
    from .content import Post

# Yoast SEO (yoast.py). Co-Authors Plus puts several writers in the theme's byline, but this
# site runs without Yoast's Co-Authors Plus integration: meta name=author, twitter:data1 and
# the graph's Article name the first writer only; no keywords when a post has no tags.
LOGO = f"{ORIGIN}/wp-content/uploads/2017/03/otw-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "inLanguage": "en-US",
     "potentialAction": [search_action(ORIGIN, "required name=search_term_string")]},
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization", "name": "RRY Publications",
     "url": f"{ORIGIN}/", "logo": {"@type": "ImageObject", "url": LOGO, "contentUrl": LOGO,
                                   "width": 420, "height": 90, "caption": SITE_TITLE}},
))


ASSETS = f"{ORIGIN}/wp-content/themes/otw-subscriber/assets"
THEME_VER = "4.2.1"
MAIN_MENU = (
    ("Home", "/"), ("Breaking News", "/breaking/"), ("Spine", "/category/spine/"),
    ("Trauma", "/category/trauma/"), ("Large Joints", "/category/large-joints/"),
    ("Sports Medicine", "/category/sports-medicine/"), ("Legal", "/category/legal/"),
    ("Business", "/category/business/"), ("Debates", "/category/debates/"),
    ("Subscribe", "/subscribe/"),
)
FOOTER_MENU = (("About Us", "/about/"), ("Contact", "/contact/"), ("Subscribe", "/subscribe/"),
               ("Advertise", "/about/#advertise"), ("Privacy Policy", "/about/#privacy"),
               ("RSS Feed", "/feed/"))
FOOTER_ABOUT = ("Orthopedics This Week covers the science, business and people of "
                "musculoskeletal care for surgeons, executives and investors.")
ISSUE_PITCH = "Every Tuesday: the week’s news, analysis and surgeon debates in one issue."


# A whole page: head (Yoast's block amid the theme's assets), header, the main column, sidebar
# and footer.
shell = Layout(template(__file__, "head.html"), {"assets": ASSETS, "origin": ORIGIN,
                                                 "site": SITE_TITLE, "ver": THEME_VER},
               before='<div id="content" class="site-content"><div class="container">\n<div '
                      'id="primary" class="content-area"><main id="main" class="site-main">\n',
               after="</main></div><!-- #primary -->\n", end="</div></div><!-- #content -->\n"
               ).page


def _menu(texts: Texts, items: tuple[tuple[str, str], ...], ident: str) -> str:
    return f'<ul id="{ident}" class="menu">{menu_items(texts, items, ORIGIN, 210)}</ul>'


def site_header(latest: list[Post]) -> Part:
    """Login bar (Leaky Paywall's login form), masthead with the tagline, menu, ticker."""
    texts = Texts()
    html = f"""<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">{texts.t("Skip to content")}</a>
<div class="top-bar"><div class="container">
<div class="header-login"><form name="loginform" id="loginform" action="{ORIGIN}/wp-login.php" method="post">
<p class="login-username"><label for="user_login">{texts.t("Username or Email Address")}</label><input type="text" name="log" id="user_login" class="input" value="" size="20" /></p>
<p class="login-password"><label for="user_pass">{texts.t("Password")}</label><input type="password" name="pwd" id="user_pass" class="input" value="" size="20" /></p>
<p class="login-submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary" value="Log In" /></p>
</form>
<a class="subscribe-now button" href="{ORIGIN}/subscribe/">{texts.t("Subscribe Now")}</a>
<a class="lost-password" href="{ORIGIN}/login/?action=lostpassword">{texts.t("Forgot Password?")}</a></div>
<div class="issue-date">{texts.t(weekday_date(TODAY))}</div>
</div></div>
<header id="masthead" class="site-header"><div class="container">
<div class="site-branding"><a href="{ORIGIN}/" class="custom-logo-link" rel="home"><img width="420" height="90" src="{ORIGIN}/wp-content/uploads/2017/03/otw-logo.png" class="custom-logo" alt="{SITE_TITLE}" decoding="async" /></a>
<p class="site-description">{texts.t(TAGLINE)}</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Primary"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">{texts.t("Menu")}</button>{_menu(texts, MAIN_MENU, "primary-menu")}</nav>
<div class="breaking-ticker"><span class="ticker-label">{texts.t("Breaking News")}</span><ul>{post_links(texts, latest[:5])}</ul></div>
</div></header>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def sidebar(latest: list[Post], popular: list[Post]) -> Part:
    texts = Texts()
    html = f"""<aside id="secondary" class="widget-area" aria-label="Sidebar">
<section id="otw-most-read-2" class="widget widget_most_read"><h2 class="widget-title">{texts.t("Most Read")}</h2><ol>{post_links(texts, popular[:5])}</ol></section>
<section id="custom_html-3" class="widget_text widget widget_custom_html"><h2 class="widget-title">{texts.t("This Week’s Issue")}</h2><div class="textwidget custom-html-widget"><p>{texts.t(ISSUE_PITCH)}</p><p><a class="button" href="{ORIGIN}/subscribe/">{texts.t("Subscribe Now")}</a></p></div></section>
<section id="recent-posts-4" class="widget widget_recent_entries"><h2 class="widget-title">{texts.t("Latest Headlines")}</h2><ul>{post_links(texts, latest[5:10])}</ul></section>
</aside>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))


def footer() -> Part:
    texts = Texts()
    year = TODAY.year
    html = f"""<footer id="colophon" class="site-footer"><div class="container">
<div class="footer-about"><h2 class="widget-title">{texts.t("About " + SITE_TITLE)}</h2><p>{texts.t(FOOTER_ABOUT)}</p></div>
<nav class="footer-navigation" aria-label="Footer">{_menu(texts, FOOTER_MENU, "footer-menu")}</nav>
<div class="site-info">{texts.t(f"© {year} {PUBLISHER}. All Rights Reserved.")}</div>
</div></footer>
</div><!-- #page -->
<script type="text/javascript" src="{ASSETS}/js/navigation.js?ver={THEME_VER}" id="otw-navigation-js"></script>
</body>
</html>
"""  # noqa: E501 - verbatim theme markup
    return Part(html, tuple(texts))
