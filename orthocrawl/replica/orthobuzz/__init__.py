"""A deterministic replica of OrthoBuzz (orthobuzz.jbjs.org), the blog of The Journal of Bone &
Joint Surgery: WordPress with a Twenty Sixteen-style theme, an older Yoast SEO, Jetpack.

Its traps: images inline at the start of paragraphs whose alt text is never body text,
guest posts whose byline paragraph names the real author (sometimes after a headshot),
category links marked ``rel="category tag"``, Jetpack sharing, likes and related posts inside
the content, and a journal CME callout that no generic chrome marker names.
"""

from .site import OrthoBuzzSite, build_site

__all__ = ["OrthoBuzzSite", "build_site"]
