"""OrthoSpineNews (orthospinenews.com): a Jannah site; syndicated posts name their writer
in the first body paragraph, which the base page's byline rule handles."""

from __future__ import annotations

from web_poet import handle_urls

from orthocrawl.pages.jannah import JannahPage


@handle_urls("orthospinenews.com")
class OrthoSpineNewsPage(JannahPage):
    site_name = "orthospinenews"
