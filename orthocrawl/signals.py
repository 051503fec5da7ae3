"""orthocrawl's own Scrapy signals (and the request.meta keys spiders set): how discovery
and the incremental policy tell the store what they saw, without sending items down the
pipelines.

Send with ``crawler.signals.send_catch_log(signal, ...)``; the keyword arguments are
given with each signal.
"""

# request.meta keys a spider sets for the incremental component:
SITEMAP = "orthocrawl_sitemap"  # a request for a sitemap, or for the robots.txt listing them
FORCE = "orthocrawl_force"  # an article URL asked for by name (--url): fetch it as it is

# A sitemap listed these article entries: entries=[(url, lastmod or None), ...].
sitemap_listed = object()
# A sitemap that could not be read (failed in transport, an error status, an unreadable
# body): the run cannot tell a vanished article from a broken sitemap. url=...
sitemap_failed = object()
# An archived article the site still has, its text unchanged: url (the archive's key),
# checked (the site answered 304 to a conditional request: the stored page is confirmed),
# sitemap_lastmod (the <lastmod> it was asked with, or None).
article_seen = object()
# An archived article the site no longer has (404 or 410): url (the archive's key).
article_gone = object()
