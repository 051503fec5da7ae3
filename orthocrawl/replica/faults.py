"""A replica that misbehaves on purpose: ``FaultySite(site, modes)`` wraps any publisher's
replica.

Which URLs each mode breaks is chosen once, deterministically from ``seed`` and the site,
and for every mode whether it is enabled or not (so enabling one mode never moves another);
``plan`` names them (testing.fault_report reads it). Faults that need more than a response
(waiting, dropping the connection) ask the server through control headers (server.py),
which it never sends.

``MODES`` can all run at once (``all``). ``DISCOVERY_MODES`` break or slow discovery itself
(robots.txt and the sitemaps) and are only ever enabled by name: on a URL that several
enabled modes break, a mode that answers instead of the site (an error, a dropped
connection) wins over one that changes the site's answer.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from html import unescape
from http import HTTPStatus
from random import Random
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .responses import Headers, Response
from .server import ACTION, DELAY
from .text import template
from .timefmt import MONTHS

MODES = ("server_errors", "rate_limit", "slow", "timeout", "drop", "truncate", "wrong_charset",
         "huge", "redirect_loop", "calendar", "bad_sitemap", "bad_feed", "challenge",
         "login_wall", "robots_disallow")
DISCOVERY_MODES = ("crawl_delay", "robots_5xx", "robots_drop", "sitemap_5xx", "sitemap_drop")
# A publisher's redesign (every page's theme changed; the run is judged a layout change):
# asked for by name only, like the discovery modes.
LAYOUT_MODES = ("redesign",)
KNOWN = MODES + DISCOVERY_MODES + LAYOUT_MODES
CRAWL_DELAY = 2  # seconds: robots.txt's Crawl-delay under mode crawl_delay
SLOW_SECONDS = 2
HOLD_SECONDS = 200  # "timeout": longer than any crawler waits
HUGE_BYTES = 20 * 1024 * 1024
HTML = "text/html; charset=UTF-8"
_ACCENTED = re.compile("[À-ÖØ-öø-ÿ]")
_DATED = re.compile(r"^/\d{4}/\d{2}/")
# What a rule does with a request, by kind: kinds in _SPOILED change the site's answer;
# "slow" delays it; every other kind answers instead of the site.
_SPOILED = frozenset({"truncate", "wrong_charset", "huge", "login_wall", "disallow",
                      "crawl_delay", "cut_sitemap", "bad_feed"})
Rule = tuple[str, str, Any]  # (mode, kind, argument)


class FaultySite:
    """``site`` with the fault ``modes`` enabled; every other attribute is the site's.

    ``plan``: for every mode, enabled or not, {URL: what happens there}."""

    def __init__(self, site: Any, modes: Iterable[str], seed: int = 7,
                 crawl_delay: float = CRAWL_DELAY, slow_seconds: float = SLOW_SECONDS) -> None:
        self.site = site
        self.modes = frozenset(modes)
        unknown = self.modes - set(KNOWN)
        if unknown:
            raise ValueError(f"unknown fault modes {sorted(unknown)}; modes: {', '.join(KNOWN)}")
        for name, seconds in (("crawl_delay", crawl_delay), ("slow_seconds", slow_seconds)):
            if not seconds > 0:
                raise ValueError(f"{name} must be a positive number of seconds, not {seconds!r}")
        self.seed, self.crawl_delay, self.slow_seconds = seed, crawl_delay, slow_seconds
        parts = urlsplit(site.origin)
        self._origin, self._host = site.origin, parts.hostname
        self._lock = threading.Lock()
        self._attempts: Counter[str] = Counter()
        self._huge: bytes | None = None
        self.plan: dict[str, dict[str, str]] = {}  # mode -> {url: what happens}
        self._rules: dict[str, list[Rule]] = {}  # path -> its rules, in the order they apply
        self._make_plan()

    def __getattr__(self, name: str) -> Any:
        if name == "site":  # not set yet: no recursion
            raise AttributeError(name)
        return getattr(self.site, name)

    # -- the plan ----------------------------------------------------------------------------
    def _make_plan(self) -> None:
        urls = self.site.article_urls()
        self._articles = set(urls)
        if len(urls) < 30:
            raise ValueError("fault modes need a site of at least 30 articles")
        rng = Random(f"{self.seed}-faults")
        few = 3 if len(urls) >= 100 else 2
        plan: dict[str, dict[str, str]] = {m: {} for m in KNOWN}

        def add(mode: str, url: str, what: str, kind: str = "", arg: Any = None) -> None:
            plan[mode][url] = what
            self._rule(urlsplit(url).path, mode, kind or mode, arg)

        prefix = _robots_prefix([urlsplit(u).path for u in urls], max(3, len(urls) // 200))
        blocked = [u for u in urls if urlsplit(u).path.startswith(prefix)]
        plan["robots_disallow"] = {u: f"robots.txt: Disallow: {prefix}" for u in blocked}
        taken = set(blocked)

        def pick(candidates: list[str]) -> str:
            chosen = rng.choice([u for u in candidates if u not in taken])
            taken.add(chosen)
            return chosen

        huge = pick(urls[:10])  # the feed's items
        add("huge", huge, f"a page of over {HUGE_BYTES >> 20} MB, linked from the feed")
        loop = pick(urls[10:20] or urls[:10])  # the home page's second page lists it
        amp = loop.rstrip("/") + "/amp/"
        add("redirect_loop", loop, f"301 to {amp}", "redirect", amp)
        add("redirect_loop", amp, f"301 back to {loop}", "redirect", loop)
        pool = [u for u in urls if u not in taken]
        rng.shuffle(pool)
        charset = self._accented(pool)
        add("wrong_charset", charset, "UTF-8 body declared charset=ISO-8859-1")
        pool = [u for u in pool if u != charset]

        def take(k: int) -> list[str]:
            if len(pool) < k:
                raise ValueError("too few articles for every fault mode")
            chosen = pool[:k]
            del pool[:k]
            return chosen

        *errors, failing = take(few + 1)
        for n, url in enumerate(errors):
            status = (500, 502, 503)[n % 3]
            add("server_errors", url, f"{status} the first 2 times, then 200", "error", (status, 2))
        add("server_errors", failing, "503 always", "error", (503, None))
        for url in take(few):
            add("rate_limit", url, "429 with Retry-After: 1 the first time, then 200")
        for url in take(few):
            add("slow", url, f"answers after {self.slow_seconds:g} s")
        add("timeout", take(1)[0], f"no answer; the connection is held {HOLD_SECONDS} s, closed")
        *drops, dropped = take(few + 1)
        for url in drops:
            add("drop", url, "connection closed without a response the first time", "drop", 1)
        add("drop", dropped, "connection closed without a response, always")
        add("truncate", take(1)[0], "half the body, full Content-Length, then closed")
        add("challenge", take(1)[0], "200 with a Cloudflare-style bot challenge")
        add("login_wall", take(1)[0], "200 with a members-only login wall")
        add("bad_feed", self._origin + "/feed/", "malformed XML: a PHP warning first, cut in "
            "its closing tag")
        start = getattr(self.site, "today", None)
        self._calendar_start = start.date() if start else date(2026, 11, 20)
        add("calendar", self._calendar_url(self._calendar_start), "an endless calendar linked "
            "from the home page and every listing page")
        # Discovery: robots.txt and the first sitemap that lists articles. Answers instead of
        # the site's come first, so that they win over the changes to its answer.
        robots, sitemap = self._origin + "/robots.txt", self._origin + self._article_sitemap()
        for where, url in (("robots", robots), ("sitemap", sitemap)):
            add(f"{where}_5xx", url, "503 always", "error", (503, None))
            add(f"{where}_drop", url, "connection closed without a response, always", "drop")
        add("bad_sitemap", sitemap, "malformed XML, truncated mid-tag", "cut_sitemap")
        self._rule("/robots.txt", "robots_disallow", "disallow", prefix)
        add("crawl_delay", robots, f"robots.txt: Crawl-delay: {self.crawl_delay:g}",
            "crawl_delay", self.crawl_delay)
        plan["redesign"] = {self._origin + "/": "on every page, the theme's content class "
                                                "renamed (entry-content -> story-body)"}
        self.plan = plan

    def _rule(self, path: str, mode: str, kind: str, arg: Any = None) -> None:
        self._rules.setdefault(path, []).append((mode, kind, arg))

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

    def _article_sitemap(self) -> str:
        """The path of the first sitemap that lists articles, found as a crawler finds it:
        the sitemaps robots.txt names, then the sitemaps of an index, in document order."""
        robots = self.site.handle("GET", self._origin + "/robots.txt", {})[2].decode()
        queue = re.findall(r"(?im)^sitemap:\s*(\S+)", robots)
        seen: set[str] = set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            doc = self.site.handle("GET", url, {})[2].decode()
            locs = [unescape(u) for u in re.findall(r"<loc>([^<]+)</loc>", doc)]
            if "<sitemapindex" in doc:
                queue[:0] = locs
            elif any(u in self._articles for u in locs):
                return urlsplit(url).path
        raise ValueError(f"no sitemap of {self._origin} lists an article")

    def _calendar_url(self, day: date) -> str:
        return f"{self._origin}/calendar/?date={day.isoformat()}"

    # -- answering ---------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        home = parts.scheme == "https" and (parts.hostname or "").lower() == self._host
        path = parts.path or "/"
        rules = [r for r in self._rules.get(path, ()) if r[0] in self.modes] if home else []
        if rules:
            with self._lock:
                self._attempts[path] += 1
                attempt = self._attempts[path]
            return self._fault(rules, attempt, method, url, headers)
        response = self.site.handle(method, url, headers)
        if home and "calendar" in self.modes and response[0] == 200:
            response = self._with_calendar_link(path, response)
        if home and "redesign" in self.modes and response[0] == 200:
            response = _redesigned(response)
        return response

    def _fault(self, rules: list[Rule], attempt: int, method: str, url: str,
               headers: Mapping[str, str]) -> Response:
        for _, kind, arg in rules:
            answer = self._answer(kind, arg, attempt, method, url)
            if answer is not None:
                return answer
        status, head, body = self.site.handle("GET", url, headers)
        for _, kind, arg in rules:
            if kind == "slow":
                head = [*head, (DELAY, str(self.slow_seconds))]
            elif kind in _SPOILED and status == 200:
                body, head = self._spoil(kind, arg, head, body)
        return status, head, b"" if method == "HEAD" else body

    def _answer(self, kind: str, arg: Any, attempt: int, method: str,
                url: str) -> Response | None:
        """The answer a rule gives instead of the site's on this attempt, if it gives one."""
        if kind == "error":
            status, times = arg
            if times is None or attempt <= times:
                return _error(method, status)
        elif kind == "rate_limit" and attempt == 1:
            return _error(method, 429, [("Retry-After", "1")])
        elif kind == "timeout":
            return 200, [(DELAY, str(HOLD_SECONDS)), (ACTION, "drop")], b""
        elif kind == "drop" and (arg is None or attempt <= arg):
            return 200, [(ACTION, "drop")], b""
        elif kind == "redirect":
            return _finish(method, 301, b"", [("Location", arg), ("X-Redirect-By", "WordPress")])
        elif kind == "challenge":
            return _finish(method, 200, challenge_page(self._host, urlsplit(url).path),
                           [*CHALLENGE_HEADERS, ("CF-RAY", _ray(url))])
        elif kind == "calendar":
            return self._calendar(method, url)
        return None

    def _spoil(self, kind: str, arg: Any, head: Headers, body: bytes) -> tuple[bytes, Headers]:
        """The body (and headers) a body-changing fault sends instead of the page."""
        if kind == "truncate":  # full length announced, half sent, connection closed
            return body[:len(body) // 2], [*head, (ACTION, "close")]
        if kind == "wrong_charset":
            return body, _set(head, "Content-Type", "text/html; charset=ISO-8859-1")
        if kind == "huge":
            if self._huge is None:
                self._huge = _inflate(body)
            body = self._huge
        elif kind == "login_wall":
            body = login_wall(body)
        elif kind == "disallow":
            body = _robots_line(body, f"Disallow: {arg}")
        elif kind == "crawl_delay":
            body = _robots_line(body, f"Crawl-delay: {arg:g}")
        elif kind == "cut_sitemap":
            body = _cut_mid_tag(body)
        elif kind == "bad_feed":
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

    def _with_calendar_link(self, path: str, response: Response) -> Response:
        """The home page and the theme's listing pages (archives) get an "Upcoming Events"
        widget into the trap."""
        status, head, body = response
        if b'id="posts-container"' not in body and (path != "/" or b"</body>" not in body):
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


def _robots_line(robots: bytes, line: str) -> bytes:
    """robots.txt with ``line`` first in the group for every user agent."""
    lines = robots.decode().split("\n")
    at = next((n + 1 for n, old in enumerate(lines) if old.strip() == "User-agent: *"), 0)
    lines.insert(at, line)
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


_WALL = template(__file__, "traps/login_wall.html")  # a membership plugin's markup


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


CALENDAR = template(__file__, "traps/calendar.html")  # The Events Calendar's markup


# "redesign": the theme renames its content classes on every page (the publisher's page
# object's body selector then finds nothing; the text is all still there).
_CONTENT_CLASS = re.compile(rb'(class="[^"]*?)\bentry-content\b')


def _redesigned(response: Response) -> Response:
    status, head, body = response
    if not any(k.lower() == "content-type" and v.startswith("text/html") for k, v in head):
        return response
    body = _CONTENT_CLASS.sub(rb"\1story-body", body)
    return status, [(k, str(len(body)) if k.lower() == "content-length" else v)
                    for k, v in head], body


def calendar_page(url: str, day: date, previous: str, following: str) -> bytes:
    """One day of an events calendar (The Events Calendar plugin): each links the next."""
    label = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return CALENDAR.format(label=label, url=url, previous=previous,
                           following=following).encode()
