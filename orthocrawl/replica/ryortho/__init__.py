"""A deterministic local replica of Orthopedics This Week (ryortho.com): WordPress with a
subscription theme, Co-Authors Plus bylines, Yoast SEO, image credit lines under every image.

    site = build_site(articles=500)
"""

from .site import RyorthoSite, build_site

__all__ = ["RyorthoSite", "build_site"]
