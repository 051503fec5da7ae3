"""Site chrome shared by every page: header and menus, ad slots, cookie notice, sidebar,
footer; one set for the new CMS and one for the old Joomla templates.

Every visible string goes through ``Texts.t`` so a page can list its chrome lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import attr
from ..text import Chrome, Part, Texts
from .clock import short_date
from .constants import NOW, ORIGIN, SECTIONS, SITE_TITLE, WORDS

if TYPE_CHECKING:
    from .model import Article

COPYRIGHT = f"Copyright © {NOW.year} Becker's Healthcare. All Rights Reserved."
TAGLINE, COOKIE, SIGNUP = WORDS["tagline"], WORDS["cookie"], WORDS["signup"]
MENU = tuple((s.label, f"/{s.slug}/") for s in SECTIONS.values())
FOOTER_MENU = (("About Us", "/about-us.html"), ("Contact Us", "/contact-us/"),
               ("E-Weekly Sign-Up", "/e-weekly/"), ("RSS", "/rss"))


def _menu(texts: Texts, items: tuple[tuple[str, str], ...], css: str) -> str:
    lis = "".join(f'<li><a href="{ORIGIN}{href}">{texts.t(label)}</a></li>'
                  for label, href in items)
    return f'<ul class="{css}">{lis}</ul>'


def _headlines(texts: Texts, articles: list[Article], css: str) -> str:
    return "".join(f'<li class="{css}"><a href="{attr(a.url)}">{texts.t(a.title)}</a> '
                   f'<span class="date">{texts.t(short_date(a.published))}</span></li>'
                   for a in articles)


def _cookie(texts: Texts) -> str:
    return (f'<div id="cookie-notice" class="cookie-notice" role="dialog"><p>{texts.t(COOKIE)}'
            f'</p><button type="button" class="cookie-accept">{texts.t("Accept")}</button></div>')


def modern(latest: list[Article], popular: list[Article]) -> Chrome:
    top, side, bottom = Texts(), Texts(), Texts()
    top_html = f"""{_cookie(top)}
<header class="site-header">
<div class="header-top"><a class="logo" href="{ORIGIN}/"><img src="{ORIGIN}/assets/img/bsr-logo.svg" alt="{SITE_TITLE}" width="280" height="48"></a>
<p class="header-tagline">{top.t(TAGLINE)}</p>
<a class="header-signup" href="{ORIGIN}/e-weekly/">{top.t(SIGNUP)}</a>
<form class="header-search" action="{ORIGIN}/search" method="get"><input type="search" name="q" placeholder="Search"><button type="submit">{top.t("Search")}</button></form></div>
<nav class="main-nav" aria-label="Sections">{_menu(top, MENU, "main-menu")}</nav>
</header>
<div class="ad-leaderboard"><span class="ad-label">{top.t("Advertisement")}</span><div id="div-gpt-ad-leaderboard"></div></div>
"""  # noqa: E501 - verbatim template markup
    side_html = f"""<aside class="sidebar">
<div class="sidebar-box most-read"><h3>{side.t("Most Read")}</h3><ol>{_headlines(side, popular, "most-read-item")}</ol></div>
<div class="sidebar-box ad-box"><span class="ad-label">{side.t("Advertisement")}</span><div id="div-gpt-ad-rail"></div></div>
<div class="sidebar-box newsletter-box"><h3>{side.t("Stay current on spine")}</h3><p>{side.t("Spine surgeons and administrators read our E-Weekly every Tuesday and Thursday.")}</p><a class="btn" href="{ORIGIN}/e-weekly/">{side.t("Subscribe now")}</a></div>
<div class="sidebar-box latest"><h3>{side.t("Latest Headlines")}</h3><ul>{_headlines(side, latest, "latest-item")}</ul></div>
</aside>
"""  # noqa: E501 - verbatim template markup
    bottom_html = f"""<footer class="site-footer">
<div class="footer-brands"><p>{bottom.t("Becker's Healthcare publishes news for hospital and health system leaders, ASC operators, spine surgeons and more.")}</p></div>
<nav class="footer-nav">{_menu(bottom, FOOTER_MENU, "footer-menu")}</nav>
<p class="copyright">{bottom.t(COPYRIGHT)}</p>
</footer>
<script src="{ORIGIN}/assets/js/site.min.js" defer></script>
</body>
</html>
"""  # noqa: E501 - verbatim template markup
    return Chrome(Part(top_html, tuple(top)), Part(side_html, tuple(side)),
                      Part(bottom_html, tuple(bottom)))


def legacy(latest: list[Article], popular: list[Article]) -> Chrome:
    top, side, bottom = Texts(), Texts(), Texts()
    top_html = f"""{_cookie(top)}
<div id="wrapper">
<div id="header">
<h1 class="logo"><a href="{ORIGIN}/" title="{SITE_TITLE}">{top.t(SITE_TITLE)}</a></h1>
<div class="tagline">{top.t(TAGLINE)}</div>
<div class="top-signup"><a href="{ORIGIN}/e-weekly/">{top.t("Sign up for our FREE E-Weekly")}</a></div>
<div id="mainmenu">{_menu(top, (("Home", "/"), *MENU), "menu")}</div>
</div>
<div id="leaderboard" class="banner"><div class="bannerheader">{top.t("Advertisement")}</div><a href="{ORIGIN}/component/banners/click/1" target="_blank" rel="noopener noreferrer"><img src="{ORIGIN}/images/banners/leaderboard-728x90.jpg" alt="" width="728" height="90" /></a></div>
<div id="main">
"""  # noqa: E501 - verbatim template markup
    side_html = f"""<div id="right">
<div class="moduletable mostread"><h3>{side.t("Most Read Articles")}</h3><ul class="mostread">{_headlines(side, popular, "mostread-item")}</ul></div>
<div class="moduletable signup"><h3>{side.t("Free E-Weekly")}</h3><p>{side.t("Get the latest spine news delivered to your inbox twice a week.")}</p><p><a href="{ORIGIN}/e-weekly/">{side.t("Subscribe")}</a></p></div>
<div class="moduletable latestnews"><h3>{side.t("Latest Articles")}</h3><ul class="latestnews">{_headlines(side, latest, "latestnews-item")}</ul></div>
</div>
"""  # noqa: E501 - verbatim template markup
    bottom_html = f"""</div>
<div id="footer">
{_menu(bottom, FOOTER_MENU, "menu footer-menu")}
<p class="copyright">{bottom.t(COPYRIGHT)}</p>
<p class="powered">{bottom.t("Becker's Spine Review is a publication of Becker's Healthcare, Chicago.")}</p>
</div>
</div>
</body>
</html>
"""  # noqa: E501 - verbatim template markup
    return Chrome(Part(top_html, tuple(top)), Part(side_html, tuple(side)),
                      Part(bottom_html, tuple(bottom)))
