"""A deterministic replica of The Spine Market Group (thespinemarketgroup.com): WordPress with
the Genesis framework and no SEO plugin, WordPress core's own sitemaps.

Its traps: slug-only URLs without a trailing slash, for posts and for the menu's pages alike;
metadata only in Genesis markup and microdata (no OpenGraph, no JSON-LD, no modified date);
reposts pasted as ``<div>`` lines or ``<br><br>`` runs; trade stories opening with their
writer's byline; a closing "Source: NAME" line that names the original publisher, next to a
data note ("Source: ... estimates") that does not; a jobs banner in the content that no
generic chrome marker names; skip links, menus and the eNews widget around it.
"""

from .site import SpineMarketSite, build_site

__all__ = ["SpineMarketSite", "build_site"]
