"""Spiders: discovery only (feeds, sitemaps, listings -> article URLs -> page objects)."""
