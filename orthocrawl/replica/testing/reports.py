"""What a FaultySite breaks, as tests read it (faults.py keeps the plan it serves by)."""

from __future__ import annotations

from typing import Any

from ..faults import KNOWN

# Modes whose broken articles a correct, polite crawler cannot archive (the huge page counts
# as lost: it is past any sane download cap), and modes that lose only the "always" ones.
_LOST = ("timeout", "truncate", "challenge", "login_wall", "robots_disallow", "redirect_loop",
         "huge")
_LOST_IF_ALWAYS = ("server_errors", "drop")


def describe(site: Any) -> dict[str, dict[str, str]]:
    """Enabled mode -> {URL: what it does}, for a FaultySite (or a wrapper of one)."""
    return {m: dict(site.plan[m]) for m in KNOWN if m in site.modes}


def fault_report(site: Any) -> dict[str, list[str]]:
    """Enabled mode -> the URLs it breaks."""
    return {mode: list(urls) for mode, urls in describe(site).items()}


def lost_urls(site: Any) -> set[str]:
    """Article URLs that a correct, polite crawler cannot archive under the enabled modes."""
    articles = set(site.article_urls())
    plan = describe(site)
    lost = {u for mode in _LOST for u in plan.get(mode, ()) if u in articles}
    return lost | {u for mode in _LOST_IF_ALWAYS for u, what in plan.get(mode, {}).items()
                   if "always" in what}
