"""orthocrawl's settings, declared once: name, type, default, help.

settings.py (the Scrapy settings module) takes the defaults from here, `validate` checks
what a user set (``orthocrawl crawl -s``, ``scrapy crawl -s``, scrapyd's ``setting=``)
before a crawl starts, and README's settings table is printed from here
(``python -m orthocrawl.config``; a test keeps README in step).
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from orthocrawl.errors import BadInput

PREFIX = "ORTHOCRAWL_"


class SettingError(BadInput):
    """A setting a user gave that cannot be used; the message is one line."""


# ---- parsers: the value as given (a string from the command line, or a Python value
# from a settings module) -> the value, or ValueError with what was expected ----

def _number(kind: type, low: float | None = None, high: float | None = None,
            what: str = "") -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(what)
        try:
            number = kind(value.strip() if isinstance(value, str) else value)
        except (TypeError, ValueError):
            raise ValueError(what) from None
        if isinstance(number, float) and not math.isfinite(number):
            raise ValueError(what)
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(what)
        return number

    return parse


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("true or false")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("a string")
    return value


def _mapping(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value or "{}")
        except ValueError:
            raise ValueError('a JSON object, {"domain": "http://host:port"}') from None
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError('a JSON object, {"domain": "http://host:port"}')
    return dict(value)


def _level(value: Any) -> str:
    text = str(value).strip().upper()
    if text not in ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"):
        raise ValueError("CRITICAL, ERROR, WARNING, INFO or DEBUG")
    return text


_WHOLE = "a whole number"
_POSITIVE_WHOLE = "a whole number, 1 or more"
_SECONDS = "a number of seconds, 0 or more"


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[Any], Any]
    default: Any
    help: str
    environment: bool = False  # also read from the environment variable of that name


ORTHOCRAWL_SETTINGS: tuple[Setting, ...] = (
    Setting("ORTHOCRAWL_DB", _text, "data/orthocrawl.db",
            "the archive file (`--db`; the environment variable of this name too)",
            environment=True),
    Setting("ORTHOCRAWL_MIRRORS", _mapping, {},
            "domain -> base URL of a mirror to crawl instead (`--base-url`)"),
    Setting("ORTHOCRAWL_MIN_WORDS", _number(int, 0, what="a whole number, 0 or more"), 10,
            "an article with fewer words is dropped (`too_short`)"),
    Setting("ORTHOCRAWL_BATCH_SIZE", _number(int, 1, what=_POSITIVE_WHOLE), 200,
            "articles per archive transaction"),
    Setting("ORTHOCRAWL_BATCH_SECONDS", _number(float, 0, what=_SECONDS), 2.0,
            "... or this many seconds since the last one"),
    Setting("ORTHOCRAWL_DERIVE_WORKER", _boolean, True,
            "compute each article's entities and story signature in a worker process while "
            "the crawl fetches (False: in the crawl's own process; the archive is the same)"),
    Setting("ORTHOCRAWL_PROGRESS_INTERVAL", _number(float, 0, what=_SECONDS), 0,
            "seconds between progress lines (0: off; the CLI uses 5)"),
    Setting("ORTHOCRAWL_RECHECK_DAYS", _number(float, 0, what="a number of days, 0 or more"),
            30, "known articles (and dropped URLs) whose page the site has not confirmed for "
                "this long are re-checked (conditional GET)"),
    Setting("ORTHOCRAWL_RECHECK_MAX", _number(int, 0, what="a whole number, 0 or more"), 500,
            "at most this many such re-checks a run, the longest unconfirmed first (0: no "
            "cap; `--recheck` has none)"),
    Setting("ORTHOCRAWL_SHARE_DROP", _number(float, 0, 1, what="a share between 0 and 1"),
            0.25, "a run fails when a field share falls this far below the site's recent runs"),
    Setting("ORTHOCRAWL_SHARE_MIN_PAGES", _number(int, 1, what=_POSITIVE_WHOLE), 10,
            "... judged only on runs with at least this many article pages"),
    Setting("ORTHOCRAWL_LOCK_WAIT", _boolean, False,
            "wait for a busy archive instead of exiting (`--wait` in the CLI)"),
    Setting("ORTHOCRAWL_CONTACT", _text, "",
            "a URL or e-mail address where site owners can reach the operator, sent in the "
            "User-Agent (a crawl of a real site without it prints a warning); the "
            "environment variable of this name too", environment=True),
    Setting("ORTHOCRAWL_SITES_DIR", _text, "sites",
            "folder of site files (TOML); read from the environment variable of this name",
            environment=True),
    Setting("ORTHOCRAWL_POLITE_MIRRORS", _boolean, False,
            "give a mirror on this machine the real site's politeness (delays, robots.txt "
            "Crawl-delay) instead of crawling it at full speed"),
    Setting("ORTHOCRAWL_WATCH_FEEDS", _text, "",
            "folder where each watch's Atom feed (NAME.xml, its latest 50 matches) is written "
            "after every run (`--feeds`); the environment variable of this name too",
            environment=True),
    Setting("ORTHOCRAWL_WATCH_NOTIFY", _text, "",
            "shell command run after a run for each watch with new matches, given them as "
            "JSON on standard input (`--notify-command`); the environment variable of this "
            "name too", environment=True),
)
SETTINGS_BY_NAME = {setting.name: setting for setting in ORTHOCRAWL_SETTINGS}

# Scrapy settings users set (on the command line, in scrapyd's setting=), checked too.
SCRAPY_SETTINGS: dict[str, Callable[[Any], Any]] = {
    "DOWNLOAD_DELAY": _number(float, 0, what=_SECONDS),
    "DOWNLOAD_DELAY_JITTER": _number(float, 0, 1, what="a share between 0 and 1"),
    "DOWNLOAD_TIMEOUT": _number(float, 0.001, what="a number of seconds, more than 0"),
    "DOWNLOAD_MAXSIZE": _number(int, 0, what="a number of bytes, 0 or more"),
    "CONCURRENT_REQUESTS": _number(int, 0, what="a whole number, 0 (no limit) or more"),
    "CONCURRENT_REQUESTS_PER_DOMAIN": _number(int, 1, what=_POSITIVE_WHOLE),
    "CONCURRENT_REQUESTS_PER_IP": _number(int, 0, what="a whole number, 0 or more"),
    "CONCURRENT_ITEMS": _number(int, 1, what=_POSITIVE_WHOLE),
    "RETRY_ENABLED": _boolean,
    "RETRY_TIMES": _number(int, 0, what="a whole number, 0 or more"),
    "AUTOTHROTTLE_ENABLED": _boolean,
    "AUTOTHROTTLE_DEBUG": _boolean,
    "AUTOTHROTTLE_START_DELAY": _number(float, 0, what=_SECONDS),
    "AUTOTHROTTLE_MAX_DELAY": _number(float, 0, what=_SECONDS),
    "AUTOTHROTTLE_TARGET_CONCURRENCY": _number(float, 0.01, what="a number more than 0"),
    "CLOSESPIDER_ITEMCOUNT": _number(int, 0, what=_WHOLE),
    "CLOSESPIDER_PAGECOUNT": _number(int, 0, what=_WHOLE),
    "CLOSESPIDER_TIMEOUT": _number(float, 0, what=_SECONDS),
    "ROBOTSTXT_OBEY": _boolean,
    "LOG_LEVEL": _level,
}


def defaults() -> dict[str, Any]:
    """Every ORTHOCRAWL_* setting's default, for the Scrapy settings module."""
    return {setting.name: setting.default for setting in ORTHOCRAWL_SETTINGS}


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings the environment sets (those declared `environment`)."""
    environ = os.environ if environ is None else environ
    return {s.name: environ[s.name] for s in ORTHOCRAWL_SETTINGS
            if s.environment and environ.get(s.name)}


def validate(values: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Check settings a user gave; their parsed values, or SettingError (one line).

    An ORTHOCRAWL_* name that is not declared is an error (a misspelling would otherwise
    be silently ignored)."""
    items = values.items() if isinstance(values, Mapping) else values
    parsed: dict[str, Any] = {}
    for name, value in items:
        if name.startswith(PREFIX) and name not in SETTINGS_BY_NAME:
            near = difflib.get_close_matches(name, SETTINGS_BY_NAME, n=1)
            hint = f" (did you mean {near[0]}?)" if near else \
                f" (orthocrawl's settings: {', '.join(SETTINGS_BY_NAME)})"
            raise SettingError(f"unknown setting {name}{hint}")
        parse = SETTINGS_BY_NAME[name].parse if name in SETTINGS_BY_NAME else \
            SCRAPY_SETTINGS.get(name)
        if parse is None:
            parsed[name] = value
            continue
        try:
            parsed[name] = parse(value)
        except ValueError as error:
            raise SettingError(f"setting {name}={value!r}: expected {error}") from None
    return parsed


def parse_assignments(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`-s NAME=VALUE` values as a dict (SettingError for one that is not NAME=VALUE)."""
    parsed = {}
    for value in values:
        name, sep, given = value.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"--set {value!r}: write NAME=VALUE")
        parsed[name.strip()] = given
    return parsed


def setting(name: str, given: Mapping[str, Any]) -> Any:
    """An ORTHOCRAWL_* setting's value outside a crawl: given (as `-s`), else from the
    environment, else its default; all of them checked (SettingError)."""
    chosen = validate({**from_environment(), **given})
    return chosen.get(name, SETTINGS_BY_NAME[name].default)


def validate_scrapy_settings(settings: Any) -> None:
    """Check a Scrapy Settings object (every declared or checked name it has)."""
    names = [n for n in settings if n.startswith(PREFIX) or n in SCRAPY_SETTINGS]
    validate([(name, settings[name]) for name in names])


def markdown_table() -> str:
    """README's table of orthocrawl's settings."""
    lines = ["| setting | default | meaning |", "|---|---|---|"]
    for setting in ORTHOCRAWL_SETTINGS:
        default = f"`{setting.default!r}`" if setting.default != "" else "(none)"
        if isinstance(setting.default, str) and setting.default:
            default = f"`{setting.default}`"
        lines.append(f"| `{setting.name}` | {default} | {setting.help} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
