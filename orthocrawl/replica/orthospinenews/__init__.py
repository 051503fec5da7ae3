"""A deterministic local replica of OrthoSpineNews (orthospinenews.com): WordPress with the
Jannah theme and Yoast SEO, every Jannah chrome block, plugin blocks nobody described,
syndicated "Written by  NAME" bylines, Source blocks, attachment pages, URL variants; the
one replica with a later state (``state=2``: new, edited and deleted posts).

    site = build_site(articles=500)
"""

from .site import ReplicaSite, build_site

__all__ = ["ReplicaSite", "build_site"]
