"""What a run already knows and when to revisit it: known.py (the index of a site's
archived articles and dropped URLs, and one run's decisions over it; no Scrapy, no SQLite)
and middleware.py (the same inside Scrapy: a spider and a downloader middleware)."""
