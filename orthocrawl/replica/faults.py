"""A replica that misbehaves on purpose: ``FaultySite(site, modes)`` wraps any ReplicaSite.

Which URLs each mode breaks is chosen once, deterministically from ``seed`` and the site,
and for every mode whether it is enabled or not (so enabling one mode never moves another);
``fault_report()`` names them. Faults that need more than a response (waiting, dropping the
connection) ask the server through control headers (server.py), which it never sends.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from datetime import date, timedelta
from http import HTTPStatus
from random import Random
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .responses import Headers, Response
from .server import ACTION, DELAY
from .site import RequestLog
from .timefmt import MONTHS

MODES = ("server_errors", "rate_limit", "slow", "timeout", "drop", "truncate", "wrong_charset",
         "huge", "redirect_loop", "calendar", "bad_sitemap", "bad_feed", "challenge",
         "login_wall", "robots_disallow", "redesign")
SLOW_SECONDS = 3
HOLD_SECONDS = 200  # "timeout": longer than any crawler waits
HUGE_BYTES = 20 * 1024 * 1024
HTML = "text/html; charset=UTF-8"
_ACCENTED = re.compile("[À-ÖØ-öø-ÿ]")
_DATED = re.compile(r"^/\d{4}/\d{2}/")
# Modes that answer with the page changed (the others answer before asking the site).
_SPOILED = frozenset({"truncate", "wrong_charset", "huge", "login_wall", "robots_disallow",
                      "bad_sitemap", "bad_feed"})


class FaultySite:
    """``site`` with the fault ``modes`` enabled; every other attribute is the site's.

    ``fault_log`` tallies every request this wrapper answered, by requested URL and status
    (0 for a connection dropped or held); ``site.request_log`` still counts article pages."""

    def __init__(self, site: Any, modes: Iterable[str], seed: int = 7) -> None:
        self.site = site
        self.modes = frozenset(modes)
        unknown = self.modes - set(MODES)
        if unknown:
            raise ValueError(f"unknown fault modes {sorted(unknown)}; modes: {', '.join(MODES)}")
        self.seed = seed
        self.fault_log = RequestLog()
        parts = urlsplit(site.origin)
        self._origin, self._host = site.origin, parts.hostname
        self._lock = threading.Lock()
        self._attempts: Counter[str] = Counter()
        self._huge: bytes | None = None
        self._plan: dict[str, dict[str, str]] = {}  # mode -> {url: what happens}
        self._rules: dict[str, tuple[str, Any]] = {}  # path -> (mode, argument)
        log = getattr(site, "request_log", None)
        with log.muted() if log is not None else nullcontext():  # reading pages to choose
            self._make_plan()

    def __getattr__(self, name: str) -> Any:
        if name == "site":  # not set yet: no recursion
            raise AttributeError(name)
        return getattr(self.site, name)

    # -- what the tests read ---------------------------------------------------------------
    def fault_report(self) -> dict[str, list[str]]:
        """Enabled mode -> the URLs it breaks."""
        return {m: list(self._plan[m]) for m in MODES if m in self.modes}

    def describe(self) -> dict[str, dict[str, str]]:
        """Enabled mode -> {URL: what it does}."""
        return {m: dict(self._plan[m]) for m in MODES if m in self.modes}

    def lost_urls(self) -> set[str]:
        """Article URLs that a correct, polite crawler cannot archive under the enabled modes
        (the huge page counts as lost: it is past any sane download cap)."""
        lost: set[str] = set()
        for mode in ("timeout", "truncate", "challenge", "login_wall", "robots_disallow",
                     "redirect_loop", "huge"):
            if mode in self.modes:
                lost.update(u for u in self._plan[mode] if u in self._articles)
        for mode in ("server_errors", "drop"):
            if mode in self.modes:
                lost.update(u for u, what in self._plan[mode].items() if "always" in what)
        return lost

    # -- the plan ----------------------------------------------------------------------------
    def _make_plan(self) -> None:
        urls = self.site.article_urls()
        self._articles = set(urls)
        if len(urls) < 30:
            raise ValueError("fault modes need a site of at least 30 articles")
        path = {u: urlsplit(u).path for u in urls}
        rng = Random(f"{self.seed}-faults")
        few = 3 if len(urls) >= 100 else 2
        plan: dict[str, dict[str, str]] = {m: {} for m in MODES}

        prefix = _robots_prefix([path[u] for u in urls], max(3, len(urls) // 200))
        blocked = [u for u in urls if path[u].startswith(prefix)]
        plan["robots_disallow"] = {u: f"robots.txt: Disallow: {prefix}" for u in blocked}
        self._rules["/robots.txt"] = ("robots_disallow", prefix)
        taken = set(blocked)

        def pick(candidates: list[str]) -> str:
            chosen = rng.choice([u for u in candidates if u not in taken])
            taken.add(chosen)
            return chosen

        huge = pick(urls[:10])  # the feed's items
        plan["huge"] = {huge: f"a page of over {HUGE_BYTES >> 20} MB, linked from the feed"}
        self._rules[path[huge]] = ("huge", None)
        loop = pick(urls[10:20] or urls[:10])  # the home page's second page lists it
        amp = loop + "amp/"
        plan["redirect_loop"] = {loop: f"301 to {amp}", amp: f"301 back to {loop}"}
        self._rules[path[loop]] = ("redirect_loop", amp)
        self._rules[urlsplit(amp).path] = ("redirect_loop", loop)

        pool = [u for u in urls if u not in taken]
        rng.shuffle(pool)
        charset = self._accented(pool)
        taken.add(charset)
        plan["wrong_charset"] = {charset: "UTF-8 body declared charset=ISO-8859-1"}
        self._rules[path[charset]] = ("wrong_charset", None)
        pool = [u for u in pool if u not in taken]

        def take(k: int) -> list[str]:
            if len(pool) < k:
                raise ValueError("too few articles for every fault mode")
            chosen = pool[:k]
            del pool[:k]
            return chosen

        errors = take(few + 1)
        for n, url in enumerate(errors[:-1]):
            status = (500, 502, 503)[n % 3]
            plan["server_errors"][url] = f"{status} the first 2 times, then 200"
            self._rules[path[url]] = ("server_errors", (status, 2))
        plan["server_errors"][errors[-1]] = "503 always"
        self._rules[path[errors[-1]]] = ("server_errors", (503, None))
        for url in take(few):
            plan["rate_limit"][url] = "429 with Retry-After: 1 the first time, then 200"
            self._rules[path[url]] = ("rate_limit", None)
        for url in take(few):
            plan["slow"][url] = f"answers after {SLOW_SECONDS} s"
            self._rules[path[url]] = ("slow", None)
        for url in take(1):
            plan["timeout"][url] = f"no answer; the connection is held {HOLD_SECONDS} s, closed"
            self._rules[path[url]] = ("timeout", None)
        drops = take(few + 1)
        for url in drops[:-1]:
            plan["drop"][url] = "connection closed without a response the first time"
            self._rules[path[url]] = ("drop", 1)
        plan["drop"][drops[-1]] = "connection closed without a response, always"
        self._rules[path[drops[-1]]] = ("drop", None)
        for mode, what in (("truncate", "half the body, full Content-Length, then closed"),
                           ("challenge", "200 with a Cloudflare-style bot challenge"),
                           ("login_wall", "200 with a members-only login wall")):
            url = take(1)[0]
            plan[mode][url] = what
            self._rules[path[url]] = (mode, None)

        sitemap = self._first_post_sitemap()
        plan["bad_sitemap"] = {self._origin + sitemap: "malformed XML, truncated mid-tag"}
        self._rules[sitemap] = ("bad_sitemap", None)
        plan["bad_feed"] = {self._origin + "/feed/": "malformed XML: a PHP warning first, "
                                                     "cut in its closing tag"}
        self._rules["/feed/"] = ("bad_feed", None)
        start = getattr(self.site, "today", None)
        self._calendar_start = start.date() if start else date(2026, 11, 20)
        plan["calendar"] = {self._calendar_url(self._calendar_start):
                            "an endless calendar linked from every listing page"}
        self._rules["/calendar/"] = ("calendar", None)
        plan["redesign"] = {self._origin + "/": "on every page, the theme's content class "
                                                 "renamed (entry-content -> story-body)"}
        self._plan = plan

    def _accented(self, pool: list[str]) -> str:
        """An article whose page shows accented letters as raw UTF-8 (else any non-ASCII)."""
        bodies = {r["url"]: r["body_text"] for r in self.site.truth()}
        for url in pool:
            found = _ACCENTED.search(bodies.get(url, ""))
            if found:
                page = self.site.handle("GET", url, {})[2]
                if page.count(found.group().encode()) >= 2:  # not only in the JSON-LD
                    return url
        return next((u for u in pool if not bodies.get(u, "").isascii()), pool[0])

    def _first_post_sitemap(self) -> str:
        index = self.site.handle("GET", self._origin + "/sitemap_index.xml", {})[2].decode()
        locs = re.findall(r"<loc>([^<]+)</loc>", index)
        chosen = next((u for u in locs if "post-sitemap" in u), locs[0] if locs else "")
        return urlsplit(chosen).path or "/post-sitemap.xml"

    def _calendar_url(self, day: date) -> str:
        return f"{self._origin}/calendar/?date={day.isoformat()}"

    # -- answering ---------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        home = parts.scheme == "https" and (parts.hostname or "").lower() == self._host
        path = parts.path or "/"
        rule = self._rules.get(path) if home else None
        if rule is not None and rule[0] in self.modes:
            with self._lock:
                self._attempts[path] += 1
                attempt = self._attempts[path]
            response = self._fault(rule, attempt, method, url, headers)
        else:
            response = self.site.handle(method, url, headers)
            if home and "calendar" in self.modes and response[0] == 200:
                response = self._with_calendar_link(method, response)
            if home and "redesign" in self.modes and response[0] == 200:
                response = _redesigned(response)
        status = 0 if (ACTION, "drop") in response[1] else response[0]
        self.fault_log.record(url, status)
        return response

    def _fault(self, rule: tuple[str, Any], attempt: int, method: str, url: str,
               headers: Mapping[str, str]) -> Response:
        mode, arg = rule
        if mode == "server_errors":
            status, times = arg
            if times is None or attempt <= times:
                return _error(method, status)
        elif mode == "rate_limit" and attempt == 1:
            return _error(method, 429, [("Retry-After", "1")])
        elif mode == "timeout":
            return 200, [(DELAY, str(HOLD_SECONDS)), (ACTION, "drop")], b""
        elif mode == "drop" and (arg is None or attempt <= arg):
            return 200, [(ACTION, "drop")], b""
        elif mode == "redirect_loop":
            return _finish(method, 301, b"", [("Location", arg), ("X-Redirect-By", "WordPress")])
        elif mode == "challenge":
            return _finish(method, 200, challenge_page(self._host, urlsplit(url).path),
                           [*CHALLENGE_HEADERS, ("CF-RAY", _ray(url))])
        elif mode == "calendar":
            return self._calendar(method, url)
        status, head, body = self.site.handle("GET", url, headers)
        if mode == "slow":
            head = [*head, (DELAY, str(SLOW_SECONDS))]
        elif mode in _SPOILED and status == 200:
            body, head = self._spoil(mode, arg, head, body)
        return status, head, b"" if method == "HEAD" else body

    def _spoil(self, mode: str, arg: Any, head: Headers, body: bytes) -> tuple[bytes, Headers]:
        """The body (and headers) a body-changing fault sends instead of the page."""
        if mode == "truncate":  # full length announced, half sent, connection closed
            return body[:len(body) // 2], [*head, (ACTION, "close")]
        if mode == "wrong_charset":
            return body, _set(head, "Content-Type", "text/html; charset=ISO-8859-1")
        if mode == "huge":
            if self._huge is None:
                self._huge = _inflate(body)
            body = self._huge
        elif mode == "login_wall":
            body = login_wall(body)
        elif mode == "robots_disallow":
            body = _disallow(body, arg)
        elif mode == "bad_sitemap":
            body = _cut_mid_tag(body)
        elif mode == "bad_feed":
            end = body.rfind(b"</channel>")  # every item kept, the document cut short
            body = PHP_WARNING + (body[:end + 5] if end >= 0 else body[:len(body) // 2])
        return body, _set(head, "Content-Length", str(len(body)))

    def _calendar(self, method: str, url: str) -> Response:
        value = parse_qs(urlsplit(url).query).get("date", [""])[0]
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return self.site.handle(method, f"{self._origin}/calendar/", {})  # 404
        links = (self._calendar_url(day - timedelta(days=1)),
                 self._calendar_url(day + timedelta(days=1)))
        return _finish(method, 200, calendar_page(self._calendar_url(day), day, *links))

    def _with_calendar_link(self, method: str, response: Response) -> Response:
        """Listing pages (home, archives) get an "Upcoming Events" widget into the trap."""
        status, head, body = response
        if b'id="posts-container"' not in body:
            return response
        widget = (f'<div id="tribe-events-list-widget-2" class="container-wrapper widget '
                  f'tribe-events-list-widget"><div class="widget-title the-global-title"><div '
                  f'class="the-subtitle">Upcoming Events</div></div><a href="'
                  f'{self._calendar_url(self._calendar_start)}" class="tribe-events-widget-link">'
                  f"View Calendar</a></div>\n").encode()
        at = body.find(b"<aside")
        at = at if at >= 0 else body.rfind(b"</body>")
        body = body[:at] + widget + body[at:]
        return status, _set(head, "Content-Length", str(len(body))), body


# "redesign": the theme renames its content classes on every page (the publisher's page
# object's body selector then finds nothing; the text is all still there).
_CONTENT_CLASS = re.compile(rb'(class="[^"]*?)\bentry-content\b')


def _redesigned(response: Response) -> Response:
    status, head, body = response
    if not any(k.lower() == "content-type" and v.startswith("text/html") for k, v in head):
        return response
    body = _CONTENT_CLASS.sub(rb"\1story-body", body)
    return status, _set(head, "Content-Length", str(len(body))), body


# -- pages and documents ---------------------------------------------------------------------
def _finish(method: str, status: int, body: bytes, extra: Headers | None = None) -> Response:
    head = [("Content-Type", HTML), ("Content-Length", str(len(body))), *(extra or ())]
    return status, head, b"" if method == "HEAD" else body


def _set(head: Headers, name: str, value: str) -> Headers:
    out = [(n, v) for n, v in head if n.lower() != name.lower()]
    return [*out, (name, value)]


def _error(method: str, status: int, extra: Headers | None = None) -> Response:
    title = f"{status} {HTTPStatus(status).phrase}"
    body = (f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}"
            f"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n").encode()
    return _finish(method, status, body, extra)


def _robots_prefix(paths: list[str], limit: int) -> str:
    """A date prefix holding a few articles: the oldest year with at most ``limit``, else the
    oldest month with 2 to ``limit`` (else the smallest month)."""
    dated = [p for p in paths if _DATED.match(p)]
    if not dated:  # no date permalinks: one article's own path
        return paths[-1]
    years = Counter(p[:6] for p in dated)
    for year in sorted(years):
        if years[year] <= limit:
            return year
    months = Counter(p[:9] for p in dated)
    fitting = sorted(m for m, n in months.items() if 2 <= n <= limit)
    return fitting[0] if fitting else min(months, key=lambda m: (months[m], m))


def _disallow(robots: bytes, prefix: str) -> bytes:
    lines = robots.decode().split("\n")
    at = next((n + 1 for n, line in enumerate(lines) if line.strip() == "User-agent: *"), 0)
    lines.insert(at, f"Disallow: {prefix}")
    return "\n".join(lines).encode()


def _cut_mid_tag(doc: bytes) -> bytes:
    """The document cut inside a tag some way past its middle, as a dying PHP process does."""
    at = doc.find(b"<loc>", len(doc) * 2 // 3)
    at = at if at >= 0 else doc.find(b"<", len(doc) // 2)
    return doc[:at + 3] if at >= 0 else doc[:len(doc) // 2]


PHP_WARNING = (b"<br />\n<b>Warning</b>:  Cannot modify header information - headers already "
               b"sent by (output started at /var/www/html/wp-content/plugins/seo-redirects/"
               b"redirects.php:41) in <b>/var/www/html/wp-includes/feed-rss2.php</b> on line "
               b"<b>8</b><br />\n")


def _inflate(page: bytes) -> bytes:
    """The page with inline base64 images (a page builder's doing) past HUGE_BYTES."""
    chunk = b'<img alt="" width="1" height="1" src="data:image/png;base64,' + b"A" * 2**20
    images = b"".join(chunk + b'" />\n' for _ in range(HUGE_BYTES // 2**20 + 1))
    at = page.rfind(b"</body>")
    at = at if at >= 0 else len(page)
    return page[:at] + b'<div class="hidden-gallery" style="display:none">\n' + images + \
        b"</div>\n" + page[at:]


def _ray(url: str) -> str:
    return f"{zlib.crc32(url.encode()):08x}{zlib.adler32(url.encode()):08x}-IAD"


CHALLENGE_HEADERS: Headers = [
    ("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, "
                      "pre-check=0"),
    ("Expires", "Thu, 01 Jan 1970 00:00:01 GMT"), ("cf-mitigated", "challenge"),
    ("Cross-Origin-Opener-Policy", "same-origin"), ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "SAMEORIGIN")]


def challenge_page(host: str, path: str) -> bytes:
    """Cloudflare's "Just a moment..." interstitial, as served to a crawler."""
    ray = _ray(path)
    token = f"{zlib.crc32(path.encode()) * 7919:x}"
    return f"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"><link href="/cdn-cgi/styles/challenges.css" rel="stylesheet"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1"><img class="heading-favicon" src="/favicon.ico" alt="Icon for {host}" onerror="this.onerror=null;this.parentNode.removeChild(this)">{host}</h1><h2 id="challenge-running" class="h2">Checking your browser before accessing {host}.</h2><noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"><div class="heading-icon warning-icon"></div></span><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript><div id="trk_jschal_js" style="display:none;background-image:url('/cdn-cgi/images/trace/managed/nojs/transparent.gif?ray={ray}')"></div><div id="challenge-body-text" class="core-msg spacer">{host} needs to review the security of your connection before proceeding.</div><form id="challenge-form" action="{path}?__cf_chl_f_tk={token}" method="POST" enctype="application/x-www-form-urlencoded"><input type="hidden" name="md" value="{token}{ray}"><input type="hidden" name="r" value="{ray}{token}"></form><div id="cf-challenge-running" class="cf-challenge"></div></div></div><script>(function(){{window._cf_chl_opt={{cvId: '3',cZone: "{host}",cType: 'managed',cNounce: '{token[:5]}',cRay: '{ray[:16]}',cHash: '{token}',cFPWv: 'b',cTTimeMs: '1000',cMTimeMs: '390000',cTplV: 5,cTplB: 'cf',cK: "",fa: "{path}?__cf_chl_f_tk={token}",md: "{token}{ray}",cRq: {{ru: 'aHR0cHM6Ly93d3cub3J0aG9zcGluZW5ld3MuY29tLw==',ra: 'TW96aWxsYS81LjA=',d: '{token}'}}}};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray={ray[:16]}';window._cf_chl_opt.cOgUHash = location.hash === '' && location.href.indexOf('#') !== -1 ? '#' : location.hash;document.getElementsByTagName('head')[0].appendChild(cpo);}}());</script><div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>{ray[:16]}</code></div></div><div class="text-center" id="footer-text">Performance &amp; security by <a rel="noopener noreferrer" href="https://www.cloudflare.com?utm_source=challenge&amp;utm_campaign=m" target="_blank">Cloudflare</a></div></div></div></body></html>""".encode()  # noqa: E501 - verbatim


_WALL = """<div class="entry-content entry clearfix"><div class="mepr-unauthorized-message">
<p><strong>Please log in to read this article.</strong> This story is for OrthoSpineNews members only.
Not a member yet? <a href="/register/">Become a member</a> to read the full article.</p></div>
<div class="mp_wrapper mp_login_form"><form name="mepr_loginform" id="mepr_loginform" class="mepr-form" action="/login/" method="post">
<div class="mp-form-row mepr_username"><label for="user_login">Username or E-mail</label><input type="text" name="log" id="user_login" value="" /></div>
<div class="mp-form-row mepr_password"><label for="user_pass">Password</label><input type="password" name="pwd" id="user_pass" value="" /></div>
<div><label><input name="rememberme" type="checkbox" id="rememberme" value="forever" /> Remember Me</label></div>
<div class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button-primary mepr-share-button" value="Log In" /></div>
<p><a href="/login/?action=forgot_password">Forgot Password</a></p></form></div></div><!-- .entry-content /-->
"""  # noqa: E501 - verbatim plugin markup


def login_wall(page: bytes) -> bytes:
    """The article page with its content, schema and post components replaced by a members-only
    login form (MemberPress style): head metadata, title and site chrome remain."""
    start = page.find(b'<div class="entry-content')
    end = page.find(b"</article><!-- #the-post /-->")
    rest = page.find(b"</div><!-- .main-content /-->")
    if min(start, end, rest) < 0 or not start < end < rest:
        head_end = page.find(b"</head>")
        head = page[:head_end + 7] if head_end >= 0 else b"<!DOCTYPE html><html><head></head>"
        return head + b"<body><article>" + _WALL.encode() + b"</article></body></html>"
    return (page[:start] + _WALL.encode() + b"</article><!-- #the-post /-->\n" + page[rest:])


def calendar_page(url: str, day: date, previous: str, following: str) -> bytes:
    """One day of an events calendar (The Events Calendar plugin): each links the next."""
    label = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8" /><title>Events for {label} &#8211; OrthoSpineNews</title>
<link rel="canonical" href="{url}" /><meta name="robots" content="index, follow" /></head>
<body class="archive post-type-archive post-type-archive-tribe_events tribe-theme-jannah">
<div id="content" class="site-content container"><div class="main-content tie-col-md-8">
<header class="entry-header-outer container-wrapper"><h1 class="page-title">Events for {label}</h1></header>
<div class="tribe-events-view tribe-events-view--day"><p class="tribe-events-c-messages__message">There are no upcoming events on {label}.</p>
<nav class="tribe-events-calendar-day-nav tribe-events-c-nav"><ul class="tribe-events-c-nav__list">
<li class="tribe-events-c-nav__list-item tribe-events-c-nav__list-item--prev"><a href="{previous}" rel="prev" class="tribe-events-c-nav__prev">Previous Day</a></li>
<li class="tribe-events-c-nav__list-item tribe-events-c-nav__list-item--next"><a href="{following}" rel="next" class="tribe-events-c-nav__next">Next Day</a></li></ul></nav></div>
<div class="pages-nav"><div class="pages-standard"><span class="first-last-pages prev-page"><a href="{previous}">Previous page</a></span> <span class="first-last-pages next-page"><a href="{following}">Next page</a></span></div></div>
</div></div></body></html>
""".encode()  # noqa: E501 - verbatim plugin markup
